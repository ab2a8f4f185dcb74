#include "textmatcher.h"

#include "wholeword.h"

#include <QCoreApplication>

namespace annorev {

namespace {

QRegularExpression::PatternOptions patternOptions(const MatchOptions &options)
{
    // Unicode properties: \w and \b then agree with QChar on letters beyond ASCII.
    QRegularExpression::PatternOptions flags = QRegularExpression::UseUnicodePropertiesOption;
    if (options.ignoreCase) {
        flags |= QRegularExpression::CaseInsensitiveOption;
    }
    return flags;
}

} // namespace

Expected<TextMatcher> TextMatcher::create(const MatchOptions &options)
{
    if (options.pattern.isEmpty()) {
        return Error{QCoreApplication::translate("TextMatcher", "the text to look for is empty")};
    }
    TextMatcher matcher(options);
    const QString source = options.regex ? options.pattern : QRegularExpression::escape(options.pattern);
    matcher.m_regex = QRegularExpression(source, patternOptions(options));
    if (!matcher.m_regex.isValid()) {
        return Error{QCoreApplication::translate("TextMatcher", "the regular expression \"%1\" is not valid: %2 at "
                                                                "character %3")
                         .arg(options.pattern, matcher.m_regex.errorString())
                         .arg(matcher.m_regex.patternErrorOffset() + 1)};
    }
    matcher.m_exact = QRegularExpression(QRegularExpression::anchoredPattern(source), patternOptions(options));
    if (!options.regex) {
        matcher.m_literal =
            QStringMatcher(options.pattern, options.ignoreCase ? Qt::CaseInsensitive : Qt::CaseSensitive);
    }
    matcher.m_regex.optimize();
    matcher.m_exact.optimize();
    return matcher;
}

std::optional<TextRange> TextMatcher::next(QStringView text, qsizetype from) const
{
    if (!m_options.regex) {
        const qsizetype at = m_literal.indexIn(text, from);
        if (at < 0) {
            return std::nullopt;
        }
        return TextRange{at, at + m_options.pattern.size()};
    }
    // An empty match is passed over one position on, so that "x*" cannot stop the search; a
    // position inside a surrogate pair is stepped over with it.
    for (qsizetype at = from; at <= text.size();) {
        const QRegularExpressionMatch match = m_regex.match(text, at);
        if (!match.hasMatch()) {
            return std::nullopt;
        }
        if (match.capturedLength() > 0) {
            return TextRange{match.capturedStart(), match.capturedEnd()};
        }
        at = match.capturedStart() + 1;
        if (at < text.size() && text.at(at - 1).isHighSurrogate() && text.at(at).isLowSurrogate()) {
            ++at;
        }
    }
    return std::nullopt;
}

QList<TextRange> TextMatcher::findAll(QStringView text) const
{
    QList<TextRange> hits;
    qsizetype from = 0;
    while (from <= text.size()) {
        const std::optional<TextRange> hit = next(text, from);
        if (!hit) {
            break;
        }
        if (m_options.wholeWords && !WholeWord::isWholeWord(text, hit->start, hit->end)) {
            // "X-7B" in "X-7B-Instruct X-7B": the next try starts inside this match, not after it,
            // and never between the halves of a surrogate pair.
            from = hit->start + 1;
            if (from < text.size() && text.at(from).isLowSurrogate() && text.at(from - 1).isHighSurrogate()) {
                ++from;
            }
            continue;
        }
        hits.append(*hit);
        from = hit->end;
    }
    return hits;
}

bool TextMatcher::matchesExactly(QStringView text, qsizetype start, qsizetype end) const
{
    if (start >= end || (m_options.wholeWords && !WholeWord::isWholeWord(text, start, end))) {
        return false;
    }
    return m_exact.match(text.sliced(start, end - start)).hasMatch();
}

} // namespace annorev
