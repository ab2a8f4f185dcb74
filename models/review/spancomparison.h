#pragma once

#include "annotatedtext.h"
#include "spanedit.h"

#include <QList>
#include <QString>

namespace annorev {

// One document's spans in two annotations of it, A (the reviewer's version) and B, side by side,
// paired by Agreement::pairSpans: a span is in both when B has one with the same label and range;
// otherwise it is only in A or only in B. A span of A and one of B with the same label whose
// ranges overlap are paired as "boundary differs": each stays in its own group (they are not the
// same span) and names the other as its partner, so that taking B's replaces A's.
struct SpanComparison
{
    enum class Side
    {
        OnlyA,
        OnlyB,
        Both
    };
    struct Row
    {
        Side side = Side::Both;
        QString label;
        qsizetype start = 0;
        qsizetype end = 0;
        QString text;
        qsizetype aIndex = -1;  // A's span (OnlyA, Both)
        qsizetype bIndex = -1;  // B's span (OnlyB, Both)
        qsizetype partner = -1; // OnlyA, OnlyB: the row of the other side's span whose boundary differs
    };

    QList<Row> rows; // only in A, only in B, in both; each group by start, then end

    qsizetype count(Side side) const;

    // a and b are the same text with offsets in one unit.
    static SpanComparison of(const AnnotatedText &a, const AnnotatedText &b);

    // The edits that make A hold B's span of the row: A's spans that overlap it are removed (an
    // added span may not overlap one), then B's span is added. Nothing for a row without B's span.
    QList<SpanEdit> takeB(qsizetype row, const AnnotatedText &a) const;
    // The edit that removes A's span of the row; nothing for a row without one.
    QList<SpanEdit> removeA(qsizetype row) const;
};

} // namespace annorev
