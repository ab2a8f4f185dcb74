#include "taggeddiff.h"

#include <algorithm>

namespace annorev::TaggedDiff {

namespace {

bool isContinuation(char byte)
{
    return (static_cast<unsigned char>(byte) & 0xc0) == 0x80;
}

// The start of the character holding byte pos (pos itself at the end).
qsizetype characterStart(const QByteArray &text, qsizetype pos)
{
    while (pos > 0 && pos < text.size() && isContinuation(text.at(pos))) {
        --pos;
    }
    return pos;
}

QString oneLine(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    for (QChar &c : text) {
        if (c.unicode() < 0x20 || c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph) {
            c = u' ';
        }
    }
    return text;
}

} // namespace

TaggedChange change(const QByteArray &before, const QByteArray &after, qsizetype context)
{
    const qsizetype common = std::min(before.size(), after.size());
    qsizetype prefix = 0;
    while (prefix < common && before.at(prefix) == after.at(prefix)) {
        ++prefix;
    }
    qsizetype suffix = 0;
    while (suffix < common - prefix && before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix)) {
        ++suffix;
    }
    // Whole characters on both sides: a byte shared by two different characters (é and è share
    // their first) belongs to the change.
    prefix = std::min(characterStart(before, prefix), characterStart(after, prefix));
    while (suffix > 0 &&
           (isContinuation(before.at(before.size() - suffix)) || isContinuation(after.at(after.size() - suffix)))) {
        --suffix;
    }
    const qsizetype from = characterStart(before, std::max<qsizetype>(0, prefix - context));
    const qsizetype tail = std::min(suffix, context);
    // The context after the change ends where a character starts (or at the end).
    qsizetype beforeEnd = before.size() - suffix + tail;
    beforeEnd = beforeEnd >= before.size() ? before.size() : characterStart(before, beforeEnd);
    const qsizetype kept = beforeEnd - (before.size() - suffix); // context bytes after the change
    const qsizetype afterEnd = after.size() - suffix + kept;
    const QString open = from > 0 ? QStringLiteral("…") : QString();
    const QString close = beforeEnd < before.size() ? QStringLiteral("…") : QString();
    return {open + oneLine(before.mid(from, beforeEnd - from)) + close,
            open + oneLine(after.mid(from, afterEnd - from)) + close};
}

} // namespace annorev::TaggedDiff
