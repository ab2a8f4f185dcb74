#include "reviewername.h"

#include "appsettings.h"

namespace annorev::ReviewerName {

namespace {

const QString key = QStringLiteral("reviewer");

} // namespace

QString resolve(const QString &explicitName)
{
    if (const QString name = explicitName.trimmed(); !name.isEmpty()) {
        return name;
    }
    if (const QString name = appSettings().value(key).toString().trimmed(); !name.isEmpty()) {
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
    appSettings().setValue(key, name.trimmed());
}

} // namespace annorev::ReviewerName
