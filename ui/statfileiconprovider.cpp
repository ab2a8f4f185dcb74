#include "statfileiconprovider.h"

#include <QFileInfo>

namespace annorev {

QIcon StatFileIconProvider::icon(IconType type) const
{
    return QFileIconProvider::icon(type);
}

QIcon StatFileIconProvider::icon(const QFileInfo &info) const
{
    if (info.isRoot()) {
        return icon(QFileIconProvider::Drive);
    }
    return icon(info.isDir() ? QFileIconProvider::Folder : QFileIconProvider::File);
}

QString StatFileIconProvider::type(const QFileInfo &info) const
{
    if (info.isDir()) {
        return QStringLiteral("Folder");
    }
    const QString suffix = info.suffix();
    return suffix.isEmpty() ? QStringLiteral("File") : suffix.toUpper() + QStringLiteral(" File");
}

} // namespace annorev
