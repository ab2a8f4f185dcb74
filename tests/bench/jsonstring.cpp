#include "jsonstring.h"

namespace annorev::bench {

namespace {

void appendUnicodeEscape(QByteArray &out, unsigned char c)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.append("\\u00", 4);
    out.append(hex[c >> 4]);
    out.append(hex[c & 0xf]);
}

} // namespace

void appendJsonString(QByteArray &out, QByteArrayView utf8, JsonEscaping escaping)
{
    const bool htmlSafe = escaping == JsonEscaping::HtmlSafe;
    out.append('"');
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        const bool special = c < 0x20 || c == '"' || c == '\\' || (htmlSafe && (c == '<' || c == '>' || c == '&'));
        if (!special) {
            continue;
        }
        out.append(utf8.sliced(runStart, i - runStart));
        runStart = i + 1;
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(static_cast<char>(c));
        } else if (!htmlSafe && c == '\n') {
            out.append("\\n", 2);
        } else if (!htmlSafe && c == '\r') {
            out.append("\\r", 2);
        } else if (!htmlSafe && c == '\t') {
            out.append("\\t", 2);
        } else {
            appendUnicodeEscape(out, c);
        }
    }
    out.append(utf8.sliced(runStart));
    out.append('"');
}

} // namespace annorev::bench
