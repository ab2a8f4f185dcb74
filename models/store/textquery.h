#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace annorev {

// Where a search's text may begin in a document's plain text.
enum class TextMatch
{
    WordStart, // at the start of a word (or anywhere, for text that does not begin with a letter or digit)
    Anywhere,  // inside words too: every text is read
};

// A reviewer's search of plain texts: the text as typed, ASCII letters matching either case
// (as SQL's LIKE does). What a word is follows SQLite's unicode61 tokenizer: a run of letters,
// digits and private-use characters; everything else separates words. That is what lets a word
// index narrow a WordStart search down to the documents holding its words, every one of which is
// then checked against the text, so the index never decides a match on its own.
class TextQuery
{
public:
    TextQuery(const QString &needle, TextMatch match);

    // The words a matching text must hold, for an FTS5 MATCH: each whole word quoted, the last as
    // a prefix when the search ends inside a word ("a100 gpu" gives "a100" "gpu"*). Empty when
    // words cannot narrow the search: Anywhere, or no letter or digit in it.
    QString wordQuery() const;
    // wordQuery() with the last word, where it is a prefix, asked as these whole terms of the
    // index instead, any one of them ("a100" AND ("gpus" OR "gpu1")); wordQuery() when there are none.
    QString wordQuery(const QStringList &lastWordTerms) const;
    // The word the search ends inside of, as the word index's terms begin with it (lower case),
    // when it is ASCII letters and digits; empty otherwise. The index's terms that begin with it
    // are what the prefix of wordQuery() asks for.
    QString asciiPrefixWord() const;
    // Whether the plain text holds the search where it may begin.
    bool matches(QStringView plainText) const;
    // Whether the search is one word of ASCII letters and digits, from a word's start: for a text
    // where the word index is exact (wordIndexIsExact()), the index's answer is the text's own, so
    // the text need not be read.
    bool isOneAsciiWord() const;

    // Whether the word index answers a search of one ASCII word for this text as reading it would:
    // whether it holds none of the few characters where unicode61 and this search part ways on
    // such a word (see the definition). Nearly every text: accented and Greek letters, symbols and
    // marks fold to no ASCII letter there.
    static bool wordIndexIsExact(QStringView plainText);
    // Whether the word index may lack a word a search finds in this text: whether the text holds
    // a character the index keeps inside a word where the search sees a separator
    // (IndexWordJoiners), as in "Zu\u0308rich", one word to the index, "Zu" and "rich" to the
    // search. A word search reads such texts whatever the index says. Few texts: combining marks
    // the index joins are those of decomposed accents, and symbols those newer than Unicode 6.1.
    static bool wordIndexMayLackWords(QStringView plainText);

    // Whether a character (a code point) belongs to a word.
    static bool isWordCharacter(char32_t codePoint);

private:
    QString m_folded; // ASCII letters in lower case
    TextMatch m_match;
    bool m_startsWithWord = false;
    QStringList m_words;
    bool m_lastIsPrefix = false;
};

} // namespace annorev
