#include "appsettings.h"

namespace annorev {

QSettings appSettings()
{
    return QSettings(QStringLiteral("annorev"), QStringLiteral("annorev"));
}

} // namespace annorev
