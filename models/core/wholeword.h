#pragma once

#include <QChar>
#include <QStringView>

namespace annorev {

// What annorev calls a word where it looks for names in text (the mention-untagged rule, Tag All
// Occurrences): letters, digits and '_'. A range is a whole word when no word character is glued
// to either end and it is not continued by -word or .word, so X-7B-Instruct holds no whole-word
// X-7B and "v1.2" no whole-word "v1".
namespace WholeWord {

inline bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// Whether text[start, end) stands as a whole word (UTF-16 positions).
bool isWholeWord(QStringView text, qsizetype start, qsizetype end);

} // namespace WholeWord

} // namespace annorev
