#include "jsonstring.h"

#include <algorithm>

namespace annorev::JsonString {

void append(QByteArray *out, QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    // Encodes straight into the output, a block at a time, so no temporary UTF-8 copy is made.
    constexpr qsizetype block = 4096;
    constexpr qsizetype worstPerUnit = 6;  // \uXXXX
    out->append('"');
    const auto *data = reinterpret_cast<const char16_t *>(text.data());
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype end = std::min(text.size(), i + block);
        const qsizetype used = out->size();
        // One unit of slack: a surrogate pair may end one past the block.
        out->resize(used + (end - i + 1) * worstPerUnit);
        char *p = out->data() + used;
        for (; i < end; ++i) {
            const char16_t c = data[i];
            if (c >= 0x20 && c < 0x80) {
                if (c == u'"' || c == u'\\') {
                    *p++ = '\\';
                }
                *p++ = char(c);
            } else if (c < 0x20) {
                *p++ = '\\';
                switch (c) {
                case u'\n': *p++ = 'n'; break;
                case u'\r': *p++ = 'r'; break;
                case u'\t': *p++ = 't'; break;
                default:
                    *p++ = 'u';
                    *p++ = '0';
                    *p++ = '0';
                    *p++ = hex[c >> 4];
                    *p++ = hex[c & 0xf];
                }
            } else if (c < 0x800) {
                *p++ = char(0xc0 | (c >> 6));
                *p++ = char(0x80 | (c & 0x3f));
            } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.size() && data[i + 1] >= 0xdc00 &&
                       data[i + 1] <= 0xdfff) {
                const char32_t codePoint = 0x10000 + ((char32_t(c) - 0xd800) << 10) + (data[i + 1] - 0xdc00);
                ++i;
                *p++ = char(0xf0 | (codePoint >> 18));
                *p++ = char(0x80 | ((codePoint >> 12) & 0x3f));
                *p++ = char(0x80 | ((codePoint >> 6) & 0x3f));
                *p++ = char(0x80 | (codePoint & 0x3f));
            } else {
                // A lone surrogate cannot be written as UTF-8: U+FFFD stands for it.
                const char16_t unit = (c >= 0xd800 && c <= 0xdfff) ? char16_t(0xfffd) : c;
                *p++ = char(0xe0 | (unit >> 12));
                *p++ = char(0x80 | ((unit >> 6) & 0x3f));
                *p++ = char(0x80 | (unit & 0x3f));
            }
        }
        out->truncate(p - out->constData());
    }
    out->append('"');
}

QByteArray quoted(QStringView text)
{
    QByteArray out;
    append(&out, text);
    return out;
}

} // namespace annorev::JsonString
