#include "sqlitevalues.h"

namespace annorev::SqliteValues {

QVariant integer(qint64 value)
{
    return QVariant(qlonglong(value));
}

QString timestamp(const QDateTime &time)
{
    return time.toString(Qt::ISODateWithMs);
}

QString now()
{
    return timestamp(QDateTime::currentDateTimeUtc());
}

QDateTime timeOf(const QVariant &value)
{
    if (value.isNull()) {
        return {};
    }
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.toUTC();
}

} // namespace annorev::SqliteValues
