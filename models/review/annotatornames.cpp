#include "annotatornames.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace annorev::AnnotatorNames {

QStringList of(const QStringList &batches)
{
    QStringList names;
    for (const QString &batch : batches) {
        const QFileInfo file(QDir::cleanPath(batch));
        const QString name = file.isDir() ? file.fileName() : file.completeBaseName();
        names.append(name.isEmpty() ? batch : name);
    }
    return QSet<QString>(names.cbegin(), names.cend()).size() == names.size() ? names : batches;
}

} // namespace annorev::AnnotatorNames
