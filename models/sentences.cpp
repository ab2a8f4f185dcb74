#include "sentences.h"

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
    // '.', '!', '?' and '\n' all sort at or below '?': one comparison skips letters.
    for (qsizetype i = pos; i > bounds.begin; --i) {
        if (data[i - 1] > u'?') {
            continue;
        }
        if (endsBefore(text, data, i) || (data[i - 1] == u'\n' && blankLineBefore(data, i - 1, bounds.begin))) {
            bounds.begin = i;
            break;
        }
    }
    for (qsizetype i = pos + 1; i < bounds.end; ++i) {
        if (data[i - 1] > u'?' && data[i] != u'\n') {
            continue;
        }
        if (endsBefore(text, data, i) || (data[i] == u'\n' && blankLineAt(data, i, bounds.end))) {
            bounds.end = i;
            break;
        }
    }
    return bounds;
}

Index::Index(const Document &doc) : m_doc(doc)
{
    const QString &text = doc.text();
    const auto *data = reinterpret_cast<const char16_t *>(text.constData());
    const QList<qsizetype> &breaks = doc.blockBreaks();
    // The same tests as around(), at every position of each block; around() limits its walks to
    // the block of the position asked about.
    for (qsizetype block = 0; block <= breaks.size(); ++block) {
        const qsizetype begin = block == 0 ? 0 : breaks.at(block - 1);
        const qsizetype end = block == breaks.size() ? text.size() : breaks.at(block);
        for (qsizetype i = begin + 1; i <= end; ++i) {
            if (data[i - 1] > u'?') {
                continue;
            }
            if (endsBefore(text, data, i) || (data[i - 1] == u'\n' && blankLineBefore(data, i - 1, begin))) {
                m_begins.append(i);
            }
        }
        for (qsizetype i = begin + 1; i < end; ++i) {
            if (data[i - 1] > u'?' && data[i] != u'\n') {
                continue;
            }
            if (endsBefore(text, data, i) || (data[i] == u'\n' && blankLineAt(data, i, end))) {
                m_ends.append(i);
            }
        }
    }
}

Bounds Index::around(qsizetype pos) const
{
    const QList<qsizetype> &breaks = m_doc.blockBreaks();
    const auto next = std::upper_bound(breaks.cbegin(), breaks.cend(), pos);
    Bounds bounds{next == breaks.cbegin() ? 0 : *std::prev(next), next == breaks.cend() ? m_doc.text().size() : *next};
    const auto begin = std::upper_bound(m_begins.cbegin(), m_begins.cend(), pos);
    if (begin != m_begins.cbegin() && *std::prev(begin) > bounds.begin) {
        bounds.begin = *std::prev(begin);
    }
    const auto end = std::lower_bound(m_ends.cbegin(), m_ends.cend(), pos + 1);
    if (end != m_ends.cend() && *end < bounds.end) {
        bounds.end = *end;
    }
    return bounds;
}

} // namespace annorev::Sentences
