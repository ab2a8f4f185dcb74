#include "reviewername.h"

#include <QSettings>

namespace annorev::ReviewerName {

namespace {

QSettings settings()
{
    // Named explicitly rather than taken from QCoreApplication, so tests and tools that set no
    // application name read the same setting as the annorev executable.
    return QSettings(QStringLiteral("annorev"), QStringLiteral("annorev"));
}

const QString key = QStringLiteral("reviewer");

} // namespace

QString resolve(const QString &explicitName)
{
    if (const QString name = explicitName.trimmed(); !name.isEmpty()) {
        return name;
    }
    if (const QString name = settings().value(key).toString().trimmed(); !name.isEmpty()) {
        return name;
    }
    for (const char *variable : {"USER", "USERNAME", "LOGNAME"}) {
        if (const QString name = qEnvironmentVariable(variable).trimmed(); !name.isEmpty()) {
            return name;
        }
    }
    return QStringLiteral("unknown");
}

void save(const QString &name)
{
    settings().setValue(key, name.trimmed());
}

} // namespace annorev::ReviewerName
