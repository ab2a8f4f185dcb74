#include "sentences.h"

#include "document.h"

#include <QString>

#include <array>

namespace annorev::Sentences {

namespace {

// Lower-case words whose final '.' does not end a sentence.
constexpr std::array abbreviations = {u"al", u"approx", u"cf", u"co", u"corp", u"dr", u"e.g", u"eq", u"etc",
                                      u"fig", u"figs", u"i.e", u"inc", u"jr", u"ltd", u"mr", u"mrs", u"ms",
                                      u"no", u"prof", u"ref", u"sec", u"sr", u"st", u"tab", u"vs"};

bool isAbbreviationBefore(const QString &text, qsizetype dot)
{
    qsizetype begin = dot;
    while (begin > 0 && (text.at(begin - 1).isLetter() || text.at(begin - 1) == u'.')) {
        --begin;
    }
    const QStringView word = QStringView(text).sliced(begin, dot - begin);
    if (word.isEmpty()) {
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
    for (const char16_t *abbreviation : abbreviations) {
        if (word.compare(QStringView(abbreviation), Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

bool isSpace(QChar c)
{
    return c.isSpace();
}

// Whether a sentence ends right before position pos (pos is the first character of the next).
bool endsBefore(const Document &doc, qsizetype pos)
{
    const QString &text = doc.text();
    if (doc.isBlockBreak(pos)) {
        return true;
    }
    if (pos <= 0 || pos >= text.size()) {
        return false;
    }
    const QChar previous = text.at(pos - 1);
    const QChar current = text.at(pos);
    if (isSpace(previous) || !isSpace(current)) {
        return false;
    }
    if (previous == u'!' || previous == u'?') {
        return true;
    }
    if (previous == u'.') {
        return !isAbbreviationBefore(text, pos - 1);
    }
    return false;
}

bool blankLineBefore(const QString &text, qsizetype newline)
{
    qsizetype i = newline - 1;
    while (i >= 0 && (text.at(i) == u' ' || text.at(i) == u'\t' || text.at(i) == u'\r')) {
        --i;
    }
    return i >= 0 && text.at(i) == u'\n';
}

bool blankLineAt(const QString &text, qsizetype newline)
{
    // A newline followed by optional spaces and another newline.
    qsizetype i = newline + 1;
    while (i < text.size() && (text.at(i) == u' ' || text.at(i) == u'\t' || text.at(i) == u'\r')) {
        ++i;
    }
    return i < text.size() && text.at(i) == u'\n';
}

} // namespace

Bounds around(const Document &doc, qsizetype pos)
{
    const QString &text = doc.text();
    Bounds bounds{0, text.size()};
    for (qsizetype i = pos; i > 0; --i) {
        if (endsBefore(doc, i) || (text.at(i - 1) == u'\n' && i >= 2 && blankLineBefore(text, i - 1))) {
            bounds.begin = i;
            break;
        }
    }
    for (qsizetype i = pos + 1; i < text.size(); ++i) {
        if (endsBefore(doc, i) || (text.at(i) == u'\n' && blankLineAt(text, i))) {
            bounds.end = i;
            break;
        }
    }
    return bounds;
}

} // namespace annorev::Sentences
