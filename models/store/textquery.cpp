#include "textquery.h"

#include "charscan.h"

#include <QChar>

namespace annorev {

namespace {

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
    if (m_match != TextMatch::WordStart || m_words.isEmpty()) {
        return {};
    }
    QStringList terms;
    for (qsizetype i = 0; i < m_words.size(); ++i) {
        // Words hold no quotes: they are letters and digits only.
        terms.append(u'"' + m_words[i] + u'"' + (i == m_words.size() - 1 && m_lastIsPrefix ? u"*" : u""));
    }
    return terms.join(u' ');
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
