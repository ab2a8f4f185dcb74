#include "wordsnap.h"

#include <algorithm>

namespace annorev {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c.isMark();
}

bool isJoiner(QChar c)
{
    return c == u'-' || c == u'.';
}

// Whether the characters at pos - 1 and pos belong to one word, i.e. no word boundary at pos.
bool joined(const QString &text, qsizetype pos)
{
    if (pos <= 0 || pos >= text.size()) {
        return false;
    }
    const QChar before = text.at(pos - 1);
    const QChar after = text.at(pos);
    if (isWordChar(before) && isWordChar(after)) {
        return true;
    }
    if (isWordChar(before) && isJoiner(after)) {
        return pos + 1 < text.size() && isWordChar(text.at(pos + 1));
    }
    if (isJoiner(before) && isWordChar(after)) {
        return pos >= 2 && isWordChar(text.at(pos - 2));
    }
    return false;
}

} // namespace

std::pair<qsizetype, qsizetype> snapToWords(const QString &text, qsizetype start, qsizetype end)
{
    start = std::clamp<qsizetype>(start, 0, text.size());
    end = std::clamp<qsizetype>(end, 0, text.size());
    if (start > end) {
        std::swap(start, end);
    }
    // Never cut a surrogate pair in half.
    if (start > 0 && start < text.size() && text.at(start).isLowSurrogate()) {
        --start;
    }
    if (end > 0 && end < text.size() && text.at(end).isLowSurrogate()) {
        ++end;
    }
    while (start < end && text.at(start).isSpace()) {
        ++start;
    }
    while (end > start && text.at(end - 1).isSpace()) {
        --end;
    }
    if (start == end) {
        return {start, start};
    }
    while (joined(text, start)) {
        --start;
    }
    while (joined(text, end)) {
        ++end;
    }
    return {start, end};
}

} // namespace annorev
