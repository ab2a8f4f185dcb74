#include "jsonlinesline.h"

#include "filebytes.h"
#include "utf8.h"

#include <simdjson.h>
#include <string_view>

namespace annorev {

namespace ondemand = simdjson::ondemand;

// The batch reader parses a line where it read it, with this much room after it.
static_assert(FileBytes::padding >= qsizetype(simdjson::SIMDJSON_PADDING));

namespace {

// Metadata nested deeper than this is refused instead of overflowing the stack.
constexpr int maxDepth = 512;

// raw_json_token() runs up to the next structural character, so it may carry white space.
std::string_view trimmedToken(std::string_view token)
{
    while (!token.empty()) {
        const char c = token.back();
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            break;
        }
        token.remove_suffix(1);
    }
    return token;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// On-demand parsing never checks a number it is not asked for, and asking for one as a double
// or an integer refuses valid JSON that does not fit, so the grammar is checked here.
bool isJsonNumber(std::string_view token)
{
    std::size_t i = 0;
    const std::size_t n = token.size();
    if (i < n && token[i] == '-') {
        ++i;
    }
    if (i >= n) {
        return false;
    }
    if (token[i] == '0') {
        ++i;
    } else if (isDigit(token[i])) {
        while (i < n && isDigit(token[i])) {
            ++i;
        }
    } else {
        return false;
    }
    if (i < n && token[i] == '.') {
        const std::size_t start = ++i;
        while (i < n && isDigit(token[i])) {
            ++i;
        }
        if (i == start) {
            return false;
        }
    }
    if (i < n && (token[i] == 'e' || token[i] == 'E')) {
        ++i;
        if (i < n && (token[i] == '+' || token[i] == '-')) {
            ++i;
        }
        const std::size_t start = i;
        while (i < n && isDigit(token[i])) {
            ++i;
        }
        if (i == start) {
            return false;
        }
    }
    return i == n;
}

// Touches every part of a value so that on-demand parsing validates it.
simdjson::error_code validate(ondemand::value value, int depth)
{
    if (depth > maxDepth) {
        return simdjson::DEPTH_ERROR;
    }
    ondemand::json_type type;
    if (auto error = value.type().get(type)) {
        return error;
    }
    switch (type) {
    case ondemand::json_type::array: {
        ondemand::array array;
        if (auto error = value.get_array().get(array)) {
            return error;
        }
        for (auto element : array) {
            ondemand::value child;
            if (auto error = element.get(child)) {
                return error;
            }
            if (auto error = validate(child, depth + 1)) {
                return error;
            }
        }
        return simdjson::SUCCESS;
    }
    case ondemand::json_type::object: {
        ondemand::object object;
        if (auto error = value.get_object().get(object)) {
            return error;
        }
        for (auto result : object) {
            ondemand::field field;
            std::string_view key;
            if (auto error = std::move(result).get(field)) {
                return error;
            }
            if (auto error = field.unescaped_key().get(key)) {
                return error;
            }
            if (auto error = validate(field.value(), depth + 1)) {
                return error;
            }
        }
        return simdjson::SUCCESS;
    }
    case ondemand::json_type::string: {
        std::string_view text;
        return value.get_string().get(text);
    }
    case ondemand::json_type::number:
        return isJsonNumber(trimmedToken(value.raw_json_token())) ? simdjson::SUCCESS : simdjson::NUMBER_ERROR;
    case ondemand::json_type::boolean: {
        bool flag = false;
        return value.get_bool().get(flag);
    }
    case ondemand::json_type::null: {
        bool isNull = false;
        if (auto error = value.is_null().get(isNull)) {
            return error;
        }
        return isNull ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
    }
    }
    return simdjson::TAPE_ERROR;
}

QString invalidJson(simdjson::error_code error)
{
    return u"invalid JSON: " % QLatin1StringView(simdjson::error_message(error));
}

enum class LineResult
{
    Ok,
    InvalidUtf8,
    Error
};

// Parses one JSON Lines object in place; `capacity` is how many bytes from `line` are allocated.
LineResult parseLine(const char *line, std::size_t length, std::size_t capacity, SourceEntry *entry, bool *hasId,
                     QString *message)
{
    thread_local ondemand::parser parser;
    // The parser keeps buffers as large as the longest line it has read (a 200 MB document: 200 MB
    // of unescaped string); after a huge line they go, rather than stay while the text is checked.
    struct Release
    {
        std::size_t length;
        ~Release()
        {
            if (length > 16 * 1024 * 1024) {
                parser = ondemand::parser();
            }
        }
    } release{length};
    ondemand::document doc;
    if (auto error = parser.iterate(line, length, capacity).get(doc)) {
        if (error == simdjson::UTF8_ERROR) {
            return LineResult::InvalidUtf8;
        }
        *message = invalidJson(error);
        return LineResult::Error;
    }
    ondemand::json_type rootType;
    if (auto error = doc.type().get(rootType)) {
        *message = invalidJson(error);
        return LineResult::Error;
    }
    if (rootType != ondemand::json_type::object) {
        *message = QStringLiteral("line is not a JSON object");
        return LineResult::Error;
    }
    ondemand::object object;
    if (auto error = doc.get_object().get(object)) {
        *message = invalidJson(error);
        return LineResult::Error;
    }

    bool hasText = false;
    *hasId = false;
    for (auto result : object) {
        ondemand::field field;
        std::string_view key;
        if (auto error = std::move(result).get(field)) {
            *message = invalidJson(error);
            return LineResult::Error;
        }
        if (auto error = field.unescaped_key().get(key)) {
            *message = invalidJson(error);
            return LineResult::Error;
        }
        ondemand::value value = field.value();
        simdjson::error_code error = simdjson::SUCCESS;
        if (key == "text" || key == "id") {
            const bool isText = key == "text";
            if (isText ? hasText : *hasId) {
                *message = isText ? QStringLiteral("\"text\" appears more than once")
                                  : QStringLiteral("\"id\" appears more than once");
                return LineResult::Error;
            }
            ondemand::json_type type;
            if ((error = value.type().get(type))) {
                *message = invalidJson(error);
                return LineResult::Error;
            }
            if (isText) {
                if (type != ondemand::json_type::string) {
                    *message = QStringLiteral("\"text\" is not a string");
                    return LineResult::Error;
                }
                const std::string_view token = trimmedToken(value.raw_json_token());
                std::string_view text;
                if ((error = value.get_string().get(text))) {
                    *message = invalidJson(error);
                    return LineResult::Error;
                }
                entry->textTokenBegin = token.data() - line;
                entry->textTokenEnd = entry->textTokenBegin + qsizetype(token.size());
                entry->source = QByteArray(text.data(), qsizetype(text.size()));
                hasText = true;
            } else {
                if (type == ondemand::json_type::string) {
                    std::string_view id;
                    if ((error = value.get_string().get(id))) {
                        *message = invalidJson(error);
                        return LineResult::Error;
                    }
                    entry->id = QString::fromUtf8(id.data(), qsizetype(id.size()));
                } else if (type == ondemand::json_type::number) {
                    const std::string_view token = trimmedToken(value.raw_json_token());
                    if (!isJsonNumber(token)) {
                        *message = invalidJson(simdjson::NUMBER_ERROR);
                        return LineResult::Error;
                    }
                    entry->id = QString::fromLatin1(token.data(), qsizetype(token.size()));
                } else {
                    *message = QStringLiteral("\"id\" is not a string or a number");
                    return LineResult::Error;
                }
                *hasId = true;
            }
        } else if ((error = validate(value, 1))) {
            *message = invalidJson(error);
            return LineResult::Error;
        }
    }
    // There is no document::at_end() in simdjson 3.0; past the last token the location is out of bounds.
    const char *rest = nullptr;
    if (doc.current_location().get(rest) != simdjson::OUT_OF_BOUNDS) {
        *message = QStringLiteral("invalid JSON: unexpected content after the object");
        return LineResult::Error;
    }
    if (!hasText) {
        *message = QStringLiteral("\"text\" is missing");
        return LineResult::Error;
    }
    return LineResult::Ok;
}

// Replaces every invalid UTF-8 sequence with U+FFFD. Room for SIMDJSON_PADDING is reserved so the
// caller can pad the copy without reallocating.
QByteArray repairUtf8(const char *line, qsizetype length)
{
    static constexpr char replacement[] = "\xef\xbf\xbd";
    QByteArray out;
    out.reserve(length + length / 2 + qsizetype(simdjson::SIMDJSON_PADDING));
    const auto *p = reinterpret_cast<const unsigned char *>(line);
    const auto *end = p + length;
    while (p < end) {
        char32_t codePoint = 0;
        const int used = Utf8::decode(p, end, &codePoint);
        if (codePoint == 0xfffd) {
            out.append(replacement, 3);
        } else {
            out.append(reinterpret_cast<const char *>(p), used);
        }
        p += used;
    }
    return out;
}

} // namespace

Expected<void> readJsonLinesLine(QByteArrayView line, qsizetype readable, BatchReader::Keep keep, SourceEntry *entry,
                                 bool *hasId)
{
    const char *bytes = line.data();
    const qsizetype length = line.size();
    QByteArray padded;
    std::size_t capacity = std::size_t(readable);
    if (capacity < std::size_t(length) + simdjson::SIMDJSON_PADDING) {
        padded = QByteArray(bytes, length);
        padded.resize(length + qsizetype(simdjson::SIMDJSON_PADDING), '\0');
        bytes = padded.constData();
        capacity = std::size_t(padded.size());
    }
    QString message;
    LineResult result = parseLine(bytes, std::size_t(length), capacity, entry, hasId, &message);
    if (result == LineResult::InvalidUtf8) {
        // The token offsets must index the bytes that were parsed, so jsonLine keeps the repaired
        // line (invalid sequences as U+FFFD) rather than the bytes in the file.
        QByteArray repaired = repairUtf8(bytes, length);
        const qsizetype repairedLength = repaired.size();
        repaired.resize(repairedLength + qsizetype(simdjson::SIMDJSON_PADDING), '\0');
        result = parseLine(repaired.constData(), std::size_t(repairedLength), std::size_t(repaired.size()), entry,
                           hasId, &message);
        if (result == LineResult::InvalidUtf8) {
            message = invalidJson(simdjson::UTF8_ERROR);
            result = LineResult::Error;
        }
        repaired.truncate(repairedLength);
        entry->jsonLine = std::move(repaired);
    } else if (keep == BatchReader::Keep::TextAndLine) {
        entry->jsonLine = QByteArray(bytes, length);
    }
    if (result != LineResult::Ok) {
        return Error{message};
    }
    return {};
}

} // namespace annorev
