#include "checkcontext.h"
#include "findinglist.h"
#include "rule.h"
#include "utf8.h"

#include <cstring>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace annorev {

namespace {

// The byte Windows-1252 shows as this character, or -1.
int windows1252Byte(char16_t c)
{
    if ((c >= 0x80 && c <= 0xff)) {
        return c;
    }
    switch (c) {
    case 0x20ac: return 0x80;
    case 0x201a: return 0x82;
    case 0x0192: return 0x83;
    case 0x201e: return 0x84;
    case 0x2026: return 0x85;
    case 0x2020: return 0x86;
    case 0x2021: return 0x87;
    case 0x02c6: return 0x88;
    case 0x2030: return 0x89;
    case 0x0160: return 0x8a;
    case 0x2039: return 0x8b;
    case 0x0152: return 0x8c;
    case 0x017d: return 0x8e;
    case 0x2018: return 0x91;
    case 0x2019: return 0x92;
    case 0x201c: return 0x93;
    case 0x201d: return 0x94;
    case 0x2022: return 0x95;
    case 0x2013: return 0x96;
    case 0x2014: return 0x97;
    case 0x02dc: return 0x98;
    case 0x2122: return 0x99;
    case 0x0161: return 0x9a;
    case 0x203a: return 0x9b;
    case 0x0153: return 0x9c;
    case 0x017e: return 0x9e;
    case 0x0178: return 0x9f;
    default: return -1;
    }
}

// Most text is ASCII: skips it eight characters at a time. Returns the first non-ASCII position
// at or after i (or a position shortly before it), or size.
qsizetype skipAscii(const char16_t *data, qsizetype i, qsizetype size)
{
#if defined(__SSE2__)
    const __m128i high = _mm_set1_epi16(qint16(0xff80));
    const __m128i zero = _mm_setzero_si128();
    for (; i + 8 <= size; i += 8) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i));
        if (_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_and_si128(chunk, high), zero)) != 0xffff) {
            return i;
        }
    }
#endif
    for (quint64 word = 0; i + 4 <= size; i += 4) {
        std::memcpy(&word, data + i, sizeof word);
        if (word & 0xff80'ff80'ff80'ff80ULL) {
            return i;
        }
    }
    return i;
}

class EncodingSuspectRule final : public Rule
{
public:
    const RuleInfo &info() const override
    {
        static const RuleInfo info{
            QLatin1StringView("encoding-suspect"), Severity::Warning,
            QStringLiteral("The text holds U+FFFD (bytes that were not UTF-8) or UTF-8 read as Windows-1252 "
                           "(mojibake such as â€” for —, â€™ for ’, Ã© for é)."),
            QStringLiteral("consuming approximately 185 MWh during trainingâ€”a 22% reduction"),
            QStringLiteral("Replace the mojibake with the character it stands for; for U+FFFD, restore the "
                           "character from the original source."),
            true};
        return info;
    }

    void check(const CheckContext &context, FindingList *findings) const override
    {
        // The parser saw no character that starts mojibake or stands for bytes that were not UTF-8.
        if (!context.document().mayHoldMojibake()) {
            return;
        }
        const QString &text = context.text();
        const qsizetype size = text.size();
        const char16_t *data = reinterpret_cast<const char16_t *>(text.constData());
        for (qsizetype i = 0; i < size; ++i) {
            i = skipAscii(data, i, size);
            if (i >= size) {
                break;
            }
            const char16_t c = data[i];
            if (!Document::mayStartMojibake(c)) {
                continue;
            }
            if (c == 0xfffd) {
                findings->append(
                    finding(i, i + 1, QStringLiteral("U+FFFD: the source has bytes here that are not UTF-8")));
                continue;
            }
            const int length = mojibakeLength(data + i, size - i);
            if (length == 0) {
                continue;
            }
            unsigned char bytes[4];
            for (int k = 0; k < length; ++k) {
                bytes[k] = static_cast<unsigned char>(windows1252Byte(data[i + k]));
            }
            char32_t meant = 0;
            Utf8::decode(bytes, bytes + length, &meant);
            const QString seen = text.mid(i, length);
            const QString replacement = QString::fromUcs4(&meant, 1);
            Finding result = finding(i, i + length,
                                     QStringLiteral("\"%1\" looks like UTF-8 read as Windows-1252 (meant \"%2\", U+%3)")
                                         .arg(seen, replacement)
                                         .arg(uint(meant), 4, 16, QLatin1Char('0')));
            if (context.suggestsFixes()) {
                result.fix = Fix{QStringLiteral("Replace \"%1\" with \"%2\"").arg(seen, replacement),
                                 {SpanEdit::replaceText(i, i + length, replacement)}};
            }
            findings->append(result);
            i += length - 1;
        }
    }

private:
    // How many characters from data, read back as Windows-1252 bytes, form one valid UTF-8
    // sequence of two to four bytes; 0 when they do not.
    static int mojibakeLength(const char16_t *data, qsizetype available)
    {
        const char16_t lead = data[0];
        const int length = lead <= 0xdf ? 2 : lead <= 0xef ? 3 : 4;
        if (available < length) {
            return 0;
        }
        unsigned char bytes[4] = {static_cast<unsigned char>(lead), 0, 0, 0};
        for (int k = 1; k < length; ++k) {
            const int byte = windows1252Byte(data[k]);
            if (byte < 0x80 || byte > 0xbf) {
                return 0;
            }
            bytes[k] = static_cast<unsigned char>(byte);
        }
        char32_t codePoint = 0;
        return Utf8::decode(bytes, bytes + length, &codePoint) == length && codePoint != 0xfffd ? length : 0;
    }
};

} // namespace

std::unique_ptr<Rule> makeEncodingSuspectRule()
{
    return std::make_unique<EncodingSuspectRule>();
}

} // namespace annorev
