#pragma once

#include <QByteArray>
#include <QString>

namespace annorev {

// What an edit did to a document's tagged text, for a person to read: the bytes that differ and
// a little context around them, before and after, each on one line (line breaks and tabs shown
// as spaces) with "…" where the context was cut. Cuts fall between characters, never inside one.
struct TaggedChange
{
    QString before;
    QString after;
};

namespace TaggedDiff {

// Bytes of unchanged text kept on each side of the change.
constexpr qsizetype ContextBytes = 30;

TaggedChange change(const QByteArray &before, const QByteArray &after, qsizetype context = ContextBytes);

} // namespace TaggedDiff

} // namespace annorev
