#include "sentences.h"

#include "charscan.h"
#include "document.h"

#include <QString>

#include <algorithm>
#include <array>
#include <string_view>

namespace annorev::Sentences {

namespace {

// Lower-case words whose final '.' does not end a sentence.
using namespace std::string_view_literals;
constexpr std::array abbreviations = {u"al"sv, u"approx"sv, u"cf"sv, u"co"sv, u"corp"sv, u"dr"sv, u"e.g"sv, u"eq"sv, u"etc"sv,
                                      u"fig"sv, u"figs"sv, u"i.e"sv, u"inc"sv, u"jr"sv, u"ltd"sv, u"mr"sv, u"mrs"sv, u"ms"sv,
                                      u"no"sv, u"prof"sv, u"ref"sv, u"sec"sv, u"sr"sv, u"st"sv, u"tab"sv, u"vs"sv};

bool isAbbreviationBefore(const QString &text, qsizetype dot)
{
    qsizetype begin = dot;
    while (begin > 0 && (text.at(begin - 1).isLetter() || text.at(begin - 1) == u'.')) {
        --begin;
    }
    const QStringView word = QStringView(text).sliced(begin, dot - begin);
    // The longest abbreviation is six letters; most sentences end in a longer word.
    if (word.isEmpty() || word.size() > 6) {
        return false;
    }
    // Initialisms: U.S., U.K., P.R.C. -- single letters separated by dots.
    bool initialism = true;
    for (qsizetype i = 0; i < word.size(); ++i) {
        if ((i % 2 == 0) != word.at(i).isLetter()) {
            initialism = false;
            break;
        }
    }
    if (initialism && (word.size() == 1 ? word.at(0).isUpper() : true)) {
        return true;
    }
    char16_t lower[6];
    for (qsizetype i = 0; i < word.size(); ++i) {
        const char16_t c = word.at(i).unicode();
        lower[i] = (c >= u'A' && c <= u'Z') ? char16_t(c + 32) : c;
    }
    const std::u16string_view folded(lower, std::size_t(word.size()));
    return std::find(abbreviations.begin(), abbreviations.end(), folded) != abbreviations.end();
}

bool isSpace(char16_t c)
{
    return c == u' ' || c == u'\n' || c == u'\t' || c == u'\r' || c == u'\f' || c == 0xa0 ||
           (c > 0x7f && QChar(c).isSpace());
}

// Whether a sentence ends right before position pos, other than at a block element.
bool endsBefore(const QString &text, const char16_t *data, qsizetype pos)
{
    const char16_t previous = data[pos - 1];
    if ((previous != u'.' && previous != u'!' && previous != u'?') || !isSpace(data[pos])) {
        return false;
    }
    return previous != u'.' || !isAbbreviationBefore(text, pos - 1);
}

// Whether the newline at newline is the second of a blank line (white space between).
bool blankLineBefore(const char16_t *data, qsizetype newline, qsizetype limit)
{
    qsizetype i = newline - 1;
    while (i >= limit && (data[i] == u' ' || data[i] == u'\t' || data[i] == u'\r')) {
        --i;
    }
    return i >= limit && data[i] == u'\n';
}

// Whether the newline at newline starts a blank line.
bool blankLineAt(const char16_t *data, qsizetype newline, qsizetype size)
{
    qsizetype i = newline + 1;
    while (i < size && (data[i] == u' ' || data[i] == u'\t' || data[i] == u'\r')) {
        ++i;
    }
    return i < size && data[i] == u'\n';
}

} // namespace

bool isAbbreviationDot(const QString &text, qsizetype dot)
{
    return isAbbreviationBefore(text, dot);
}

Bounds around(const Document &doc, qsizetype pos)
{
    const QString &text = doc.text();
    const auto *data = reinterpret_cast<const char16_t *>(text.constData());
    const QList<qsizetype> &breaks = doc.blockBreaks();
    const auto next = std::upper_bound(breaks.cbegin(), breaks.cend(), pos);
    Bounds bounds{next == breaks.cbegin() ? 0 : *std::prev(next), next == breaks.cend() ? text.size() : *next};
    // A sentence ends after '.', '!' or '?', or at a blank line: only those characters are looked
    // at (CharScan passes over the rest eight at a time). Backwards: the stops at k in
    // [begin, pos), the nearest first, each ending a sentence before k + 1.
    for (qsizetype k = CharScan::lastStop(data, bounds.begin, pos); k >= bounds.begin;
         k = CharScan::lastStop(data, bounds.begin, k)) {
        if (endsBefore(text, data, k + 1) || (data[k] == u'\n' && blankLineBefore(data, k, bounds.begin))) {
            bounds.begin = k + 1;
            break;
        }
    }
    // Forwards, the first end at i in (pos, end): after a stop at i - 1, or a blank line's
    // newline at i. A stop at k serves as both, for the ends k + 1 and k.
    for (qsizetype k = CharScan::firstStop(data, pos, bounds.end); k < bounds.end;
         k = CharScan::firstStop(data, k + 1, bounds.end)) {
        if (data[k] == u'\n' && k > pos && blankLineAt(data, k, bounds.end)) {
            bounds.end = k;
            break;
        }
        if (k + 1 < bounds.end && endsBefore(text, data, k + 1)) {
            bounds.end = k + 1;
            break;
        }
    }
    return bounds;
}

Bounds Cursor::around(qsizetype pos)
{
    if (m_pos >= 0 && pos >= m_pos && pos < m_bounds.end) {
        // around() would stop its backward walk at a sentence end in (m_pos, pos] (the end of a
        // blank line, which may lie inside these bounds); its forward walk finds m_bounds.end again.
        const QString &text = m_doc.text();
        const auto *data = reinterpret_cast<const char16_t *>(text.constData());
        const QList<qsizetype> &breaks = m_doc.blockBreaks();
        const auto next = std::upper_bound(breaks.cbegin(), breaks.cend(), pos);
        const qsizetype blockBegin = next == breaks.cbegin() ? 0 : *std::prev(next);
        bool moved = false;
        for (qsizetype k = CharScan::firstStop(data, m_pos, pos); k < pos && !moved;
             k = CharScan::firstStop(data, k + 1, pos)) {
            moved = endsBefore(text, data, k + 1) || (data[k] == u'\n' && blankLineBefore(data, k, blockBegin));
        }
        if (!moved) {
            m_pos = pos;
            return m_bounds;
        }
    }
    m_pos = pos;
    m_bounds = Sentences::around(m_doc, pos);
    return m_bounds;
}

} // namespace annorev::Sentences
