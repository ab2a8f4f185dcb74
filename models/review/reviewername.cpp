#include "reviewername.h"

#include "appsettings.h"

#include <pwd.h>
#include <unistd.h>

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
    // Cron, containers and `env -i` leave the variables unset; the account still has a name.
    if (const passwd *account = ::getpwuid(::getuid()); account && account->pw_name) {
        if (const QString name = QString::fromLocal8Bit(account->pw_name).trimmed(); !name.isEmpty()) {
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
