#pragma once

#include <QString>

#include <simdjson.h>

#include <limits>
#include <string_view>

// Small helpers shared by the importers, which read whole exports with simdjson's DOM: they are
// read once, and the DOM checks the whole text, skipped fields included.
namespace annorev::ImportJson {

// QString::fromUtf8 drops a leading U+FEFF as a byte order mark: here it is text.
inline QString string(std::string_view text)
{
    if (text.starts_with("\xef\xbb\xbf")) {
        text.remove_prefix(3);
        return QChar(0xfeff) % QString::fromUtf8(text.data(), qsizetype(text.size()));
    }
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

inline QString invalidJson(simdjson::error_code error)
{
    return u"invalid JSON: " % QLatin1StringView(simdjson::error_message(error));
}

// An offset: a JSON integer. Integers past qint64 are clamped, so they read as out of range.
inline bool offset(simdjson::simdjson_result<simdjson::dom::element> result, qint64 *out)
{
    simdjson::dom::element element;
    if (result.get(element)) {
        return false;
    }
    int64_t value = 0;
    if (element.is_int64() && element.get_int64().get(value) == simdjson::SUCCESS) {
        *out = value;
        return true;
    }
    if (element.is_uint64()) {
        *out = std::numeric_limits<qint64>::max();
        return true;
    }
    return false;
}

// An id: a string, or a number written as it is in the file.
inline bool id(simdjson::dom::element element, QString *out)
{
    std::string_view text;
    if (element.get_string().get(text) == simdjson::SUCCESS) {
        *out = string(text);
        return true;
    }
    if (element.is_number()) {
        *out = QString::fromStdString(simdjson::minify(element));
        return true;
    }
    return false;
}

} // namespace annorev::ImportJson
