#pragma once

#include <QString>

namespace annorev {

// A problem the parser recovered from. Offsets as in Span; sourceOffset is the tag's byte offset.
struct MarkupIssue
{
    enum Kind { Unclosed, Stray, Crossing, Nested, SelfClosing, UnknownLabel };
    Kind kind = Unclosed;
    QString tag;
    qsizetype start = 0;
    qsizetype end = 0;
    qsizetype sourceOffset = 0;
};

} // namespace annorev
