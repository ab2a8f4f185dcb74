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

namespace {

// The digits of text[from, from + count), or -1 when one is not a digit.
int digits(QStringView text, qsizetype from, qsizetype count)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9') {
            return -1;
        }
        value = value * 10 + (c - u'0');
    }
    return value;
}

// The form timestamp() writes, "2026-12-04T07:35:04.063Z", read without QDateTime::fromString(),
// which took a tenth of an export's reading thread (each document's time is read twice). Anything
// else, or a value out of range, is left to fromString().
std::optional<QDateTime> writtenForm(QStringView text)
{
    if (text.size() != 24 || text[4] != u'-' || text[7] != u'-' || text[10] != u'T' || text[13] != u':' ||
        text[16] != u':' || text[19] != u'.' || text[23] != u'Z') {
        return std::nullopt;
    }
    const QDate date(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
    const QTime time(digits(text, 11, 2), digits(text, 14, 2), digits(text, 17, 2), digits(text, 20, 3));
    if (!date.isValid() || !time.isValid()) {
        return std::nullopt;
    }
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

QDateTime timeOf(const QString &text)
{
    if (std::optional<QDateTime> written = writtenForm(text)) {
        return *written;
    }
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

QDateTime timeOf(const QVariant &value)
{
    return value.isNull() ? QDateTime() : timeOf(value.toString());
}

} // namespace annorev::SqliteValues
