#pragma once

#include <QByteArray>
#include <QStringView>

namespace annorev::JsonString {

// Appends text as a quoted JSON string (UTF-8; control characters escaped, nothing else).
void append(QByteArray *out, QStringView text);
QByteArray quoted(QStringView text);

} // namespace annorev::JsonString
