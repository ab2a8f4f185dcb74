#pragma once

#include "expected.h"

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringMatcher>

#include <optional>

namespace annorev {

// What Tag All Occurrences looks for: a literal text or a regular expression (QRegularExpression,
// PCRE2 syntax), optionally as whole words only (WholeWord) and ignoring case.
struct MatchOptions
{
    QString pattern;
    bool regex = false;
    bool wholeWords = false;
    bool ignoreCase = false;
    friend bool operator==(const MatchOptions &, const MatchOptions &) = default;
};

// A found range of a text, in UTF-16 positions [start, end).
struct TextRange
{
    qsizetype start = 0;
    qsizetype end = 0;
    friend bool operator==(const TextRange &, const TextRange &) = default;
};

// Finds the occurrences of MatchOptions in plain texts. Hits never overlap: the search goes on
// after the end of each hit, as find-and-replace does. Empty matches (a regex such as "x*") are
// never hits. Thread-safe once made: the workers of a bulk search share one.
class TextMatcher
{
public:
    // Refuses an empty pattern and a regular expression that does not compile, saying why and where.
    static Expected<TextMatcher> create(const MatchOptions &options);

    const MatchOptions &options() const { return m_options; }
    QList<TextRange> findAll(QStringView text) const;
    // Whether text[start, end) is, as a whole, one match: what untag and relabel ask of a span.
    bool matchesExactly(QStringView text, qsizetype start, qsizetype end) const;

private:
    explicit TextMatcher(const MatchOptions &options) : m_options(options) {}
    // The first match at or after from, whole words or not; nothing when there is none.
    std::optional<TextRange> next(QStringView text, qsizetype from) const;

    MatchOptions m_options;
    QStringMatcher m_literal;
    QRegularExpression m_regex;
    QRegularExpression m_exact; // the pattern anchored at both ends
};

} // namespace annorev
