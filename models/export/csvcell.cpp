#include "csvcell.h"

#include "jsonnumber.h"

#include <QString>

#include <cmath>

namespace annorev::CsvCell {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// A signed decimal number, [+-](digits[.digits] | .digits)[e[+-]digits]: a spreadsheet reads it
// as that number, and nothing else fits in it, so it runs nothing.
bool isSignedNumber(QStringView text)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    const auto digits = [&] {
        const qsizetype start = i;
        while (i < n && isDigit(text[i])) {
            ++i;
        }
        return i - start;
    };
    if (i < n && (text[i] == u'+' || text[i] == u'-')) {
        ++i;
    }
    qsizetype mantissa = digits();
    if (i < n && text[i] == u'.') {
        ++i;
        mantissa += digits();
    }
    if (mantissa == 0) {
        return false;
    }
    if (i < n && (text[i] == u'e' || text[i] == u'E')) {
        ++i;
        if (i < n && (text[i] == u'+' || text[i] == u'-')) {
            ++i;
        }
        if (digits() == 0) {
            return false;
        }
    }
    return i == n;
}

} // namespace

bool startsLikeFormula(QStringView text)
{
    if (text.isEmpty()) {
        return false;
    }
    const char16_t first = text.front().unicode();
    if (first == u'+' || first == u'-') {
        return !isSignedNumber(text);
    }
    return first == u'=' || first == u'@' || first == u'\t' || first == u'\r';
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
