#include "csvcell.h"

#include "jsonnumber.h"

#include <QString>

#include <cmath>

namespace annorev::CsvCell {

bool startsLikeFormula(QStringView text)
{
    if (text.isEmpty()) {
        return false;
    }
    const char16_t first = text.front().unicode();
    return first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r';
}

void appendText(QByteArray *out, QStringView text)
{
    const bool neutralise = startsLikeFormula(text);
    bool quote = false;
    for (QChar c : text) {
        if (c == u',' || c == u'"' || c == u'\r' || c == u'\n') {
            quote = true;
            break;
        }
    }
    if (!quote && !neutralise) {
        out->append(text.toUtf8());
        return;
    }
    if (quote) {
        out->append('"');
    }
    if (neutralise) {
        out->append('\'');
    }
    const QByteArray utf8 = text.toUtf8();
    if (quote) {
        for (char c : utf8) {
            if (c == '"') {
                out->append('"');
            }
            out->append(c);
        }
        out->append('"');
    } else {
        out->append(utf8);
    }
}

void appendNumber(QByteArray *out, double value)
{
    if (std::isfinite(value)) {
        JsonNumber::append(out, value);
    }
}

} // namespace annorev::CsvCell
