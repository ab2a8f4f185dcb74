#include "wholeword.h"

namespace annorev::WholeWord {

bool isWholeWord(QStringView text, qsizetype start, qsizetype end)
{
    auto word = [&](qsizetype i) {
        return i >= 0 && i < text.size() && isWordChar(text.at(i));
    };
    auto joiner = [&](qsizetype i) {
        return i >= 0 && i < text.size() && (text.at(i) == u'-' || text.at(i) == u'.');
    };
    if ((word(start - 1) && word(start)) || (word(end - 1) && word(end))) {
        return false;
    }
    if ((joiner(end) && word(end + 1)) || (joiner(start - 1) && word(start - 2))) {
        return false;
    }
    return true;
}

} // namespace annorev::WholeWord
