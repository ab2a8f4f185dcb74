#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace annorev::bench {

enum class JsonEscaping {
    Plain,    // \" \\ \n \r \t, other control characters as \u00XX
    HtmlSafe, // also < > & and every control character as \u00XX, as some writers do
};

// Appends utf8 as a quoted JSON string. Non-ASCII bytes are copied as they are.
void appendJsonString(QByteArray &out, QByteArrayView utf8, JsonEscaping escaping);

} // namespace annorev::bench
