#include "textquery.h"

#include "charscan.h"
#include "indexwordjoiners.h"

#include <QChar>

#include <algorithm>

namespace annorev {

namespace {

bool isAsciiLowerOrDigit(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

QString asciiFolded(QStringView text)
{
    QString folded = text.toString();
    CharScan::lowerAsciiInPlace(reinterpret_cast<char16_t *>(folded.data()), folded.size());
    return folded;
}

// The code point that ends just before position.
char32_t codePointBefore(QStringView text, qsizetype position)
{
    const QChar last = text[position - 1];
    if (last.isLowSurrogate() && position >= 2 && text[position - 2].isHighSurrogate()) {
        return QChar::surrogateToUcs4(text[position - 2], last);
    }
    return last.unicode();
}

} // namespace

bool TextQuery::isWordCharacter(char32_t codePoint)
{
    // unicode61's default token characters: the categories L*, N* and Co.
    return QChar::isLetterOrNumber(codePoint) || QChar::category(codePoint) == QChar::Other_PrivateUse;
}

TextQuery::TextQuery(const QString &needle, TextMatch match) : m_folded(asciiFolded(needle)), m_match(match)
{
    const QList<uint> codePoints = needle.toUcs4();
    QString word;
    for (uint codePoint : codePoints) {
        if (isWordCharacter(codePoint)) {
            word += QString::fromUcs4(reinterpret_cast<const char32_t *>(&codePoint), 1);
        } else if (!word.isEmpty()) {
            m_words.append(std::exchange(word, {}));
        }
    }
    m_lastIsPrefix = !word.isEmpty();
    if (!word.isEmpty()) {
        m_words.append(word);
    }
    m_startsWithWord = !codePoints.isEmpty() && isWordCharacter(codePoints.constFirst());
}

QString TextQuery::wordQuery() const
{
    return wordQuery({});
}

QString TextQuery::wordQuery(const QStringList &lastWordTerms) const
{
    if (m_match != TextMatch::WordStart || m_words.isEmpty()) {
        return {};
    }
    const bool expanded = m_lastIsPrefix && !lastWordTerms.isEmpty();
    QStringList terms;
    for (qsizetype i = 0; i < m_words.size(); ++i) {
        // Words hold no quotes: they are letters and digits only.
        if (i < m_words.size() - 1 || !m_lastIsPrefix) {
            terms.append(u'"' + m_words[i] + u'"');
        } else if (!expanded) {
            terms.append(u'"' + m_words[i] + u"\"*");
        } else {
            QStringList whole;
            for (const QString &term : lastWordTerms) {
                whole.append(u'"' + QString(term).replace(u'"', QStringLiteral("\"\"")) + u'"');
            }
            terms.append(whole.size() == 1 ? whole.constFirst() : u'(' + whole.join(QStringLiteral(" OR ")) + u')');
        }
    }
    // FTS5 takes phrases side by side as AND, but a parenthesized group only after an explicit one.
    return terms.join(expanded ? QStringLiteral(" AND ") : QStringLiteral(" "));
}

QString TextQuery::asciiPrefixWord() const
{
    if (m_match != TextMatch::WordStart || !m_lastIsPrefix) {
        return {};
    }
    const QString folded = asciiFolded(m_words.constLast());
    return std::all_of(folded.cbegin(), folded.cend(), isAsciiLowerOrDigit) ? folded : QString();
}

bool TextQuery::isOneAsciiWord() const
{
    // m_folded is the search as typed (trimmed by the window, not by the command line).
    return m_match == TextMatch::WordStart && !m_folded.isEmpty() &&
           std::all_of(m_folded.cbegin(), m_folded.cend(), isAsciiLowerOrDigit);
}

bool TextQuery::wordIndexIsExact(QStringView plainText)
{
    // The characters where unicode61 and a search part ways on an ASCII word. It folds long s
    // (U+017F) to s and the Kelvin sign (U+212A) to k, so its word may begin with an ASCII word
    // the text does not hold; and its Unicode 6.1 tables take for separators letters that Unicode
    // 8 made of vowel signs (New Tai Lue U+19B0-U+19C0, U+19C8-U+19C9; Vedic U+1CF2-U+1CF3), so
    // it starts a word where the search sees the middle of one. tst_textsearch holds every code
    // point against this SQLite's tokenizer.
    const char16_t *const data = plainText.utf16();
    const qsizetype size = plainText.size();
    for (qsizetype i = CharScan::firstInRange(data, 0, size, 0x017f, 0x212a); i < size;
         i = CharScan::firstInRange(data, i + 1, size, 0x017f, 0x212a)) {
        const char16_t c = data[i];
        if (c == 0x017f || c == 0x212a || (c >= 0x19b0 && c <= 0x19c0) || c == 0x19c8 || c == 0x19c9 || c == 0x1cf2 ||
            c == 0x1cf3) {
            return false;
        }
    }
    return true;
}

bool TextQuery::wordIndexMayLackWords(QStringView plainText)
{
    // Every character the index joins is at U+0300 or above; a surrogate stands for one past
    // U+FFFF. A lone surrogate is no character to either.
    constexpr char16_t firstJoiner = 0x0300;
    const char16_t *const data = plainText.utf16();
    const qsizetype size = plainText.size();
    for (qsizetype i = CharScan::firstInRange(data, 0, size, firstJoiner, 0xffff); i < size;
         i = CharScan::firstInRange(data, i + 1, size, firstJoiner, 0xffff)) {
        char32_t codePoint = data[i];
        if (QChar::isHighSurrogate(codePoint) && i + 1 < size && QChar::isLowSurrogate(data[i + 1])) {
            codePoint = QChar::surrogateToUcs4(data[i], data[i + 1]);
            ++i;
        } else if (QChar::isSurrogate(codePoint)) {
            continue;
        }
        if (IndexWordJoiners::contains(codePoint)) {
            return true;
        }
    }
    return false;
}

bool TextQuery::matches(QStringView plainText) const
{
    const QString text = asciiFolded(plainText);
    for (qsizetype at = text.indexOf(m_folded); at >= 0; at = text.indexOf(m_folded, at + 1)) {
        if (m_match == TextMatch::Anywhere || !m_startsWithWord || at == 0 ||
            !isWordCharacter(codePointBefore(text, at))) {
            return true;
        }
    }
    return false;
}

} // namespace annorev
