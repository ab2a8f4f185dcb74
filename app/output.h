#pragma once

#include <QByteArray>
#include <QJsonValue>

#include <optional>

namespace annorev {

// "1 document", "2 documents".
inline QByteArray plural(qsizetype count, const char *one, const char *many)
{
    return QByteArray::number(count) + ' ' + (count == 1 ? one : many);
}

// A number, or null where there is none (a rate or score that is undefined).
inline QJsonValue jsonNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace annorev
