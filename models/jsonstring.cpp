#include "jsonstring.h"

namespace annorev::JsonString {

void append(QByteArray *out, QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    out->append('"');
    qsizetype plainBegin = 0;
    auto flush = [&](qsizetype upTo) {
        if (upTo > plainBegin) {
            out->append(text.sliced(plainBegin, upTo - plainBegin).toUtf8());
        }
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c >= 0x20 && c != u'"' && c != u'\\' && !(c >= 0xd800 && c <= 0xdfff)) {
            continue;
        }
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        flush(i);
        plainBegin = i + 1;
        switch (c) {
        case u'"':
            out->append("\\\"");
            break;
        case u'\\':
            out->append("\\\\");
            break;
        case u'\n':
            out->append("\\n");
            break;
        case u'\r':
            out->append("\\r");
            break;
        case u'\t':
            out->append("\\t");
            break;
        default: {
            // Control characters, and lone surrogates (which UTF-8 cannot carry) as U+FFFD.
            const char16_t escaped = (c >= 0xd800 && c <= 0xdfff) ? char16_t(0xfffd) : c;
            const char buffer[] = {'\\', 'u', hex[(escaped >> 12) & 0xf], hex[(escaped >> 8) & 0xf],
                                   hex[(escaped >> 4) & 0xf], hex[escaped & 0xf]};
            out->append(buffer, sizeof buffer);
            break;
        }
        }
    }
    flush(text.size());
    out->append('"');
}

QByteArray quoted(QStringView text)
{
    QByteArray out;
    append(&out, text);
    return out;
}

} // namespace annorev::JsonString
