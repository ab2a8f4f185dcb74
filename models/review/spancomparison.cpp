#include "spancomparison.h"

#include "agreement.h"

#include <algorithm>
#include <tuple>

namespace annorev {

qsizetype SpanComparison::count(Side side) const
{
    return std::count_if(rows.cbegin(), rows.cend(), [side](const Row &row) { return row.side == side; });
}

SpanComparison SpanComparison::of(const AnnotatedText &a, const AnnotatedText &b)
{
    const Agreement::Pairing pairing = Agreement::pairSpans(a, b);
    SpanComparison comparison;
    for (qsizetype i = 0; i < a.spans.size(); ++i) {
        const AnnotatedText::Span &span = a.spans[i];
        const bool both = pairing.partnerOfA[i] >= 0 && pairing.exact[i];
        comparison.rows.append({both ? Side::Both : Side::OnlyA, span.label, span.start, span.end, span.text, i,
                                both ? pairing.partnerOfA[i] : -1, -1});
    }
    for (qsizetype j = 0; j < b.spans.size(); ++j) {
        const qsizetype i = pairing.partnerOfB[j];
        if (i < 0 || !pairing.exact[i]) {
            const AnnotatedText::Span &span = b.spans[j];
            comparison.rows.append({Side::OnlyB, span.label, span.start, span.end, span.text, -1, j, -1});
        }
    }
    auto key = [](const Row &row) {
        const int group = row.side == Side::OnlyA ? 0 : row.side == Side::OnlyB ? 1 : 2;
        return std::tuple(group, row.start, row.end, row.aIndex, row.bIndex);
    };
    std::sort(comparison.rows.begin(), comparison.rows.end(),
              [&key](const Row &x, const Row &y) { return key(x) < key(y); });

    // Boundary partners, now that the rows have their places.
    QList<qsizetype> rowOfA(a.spans.size(), -1);
    QList<qsizetype> rowOfB(b.spans.size(), -1);
    for (qsizetype r = 0; r < comparison.rows.size(); ++r) {
        const Row &row = comparison.rows[r];
        if (row.side == Side::OnlyA) {
            rowOfA[row.aIndex] = r;
        } else if (row.side == Side::OnlyB) {
            rowOfB[row.bIndex] = r;
        }
    }
    for (qsizetype i = 0; i < a.spans.size(); ++i) {
        const qsizetype j = pairing.partnerOfA[i];
        if (j >= 0 && !pairing.exact[i]) {
            comparison.rows[rowOfA[i]].partner = rowOfB[j];
            comparison.rows[rowOfB[j]].partner = rowOfA[i];
        }
    }
    return comparison;
}

QList<SpanEdit> SpanComparison::takeB(qsizetype row, const AnnotatedText &a) const
{
    if (row < 0 || row >= rows.size() || rows[row].side != Side::OnlyB) {
        return {};
    }
    const Row &taken = rows[row];
    QList<SpanEdit> edits;
    for (const AnnotatedText::Span &span : a.spans) {
        if (span.start < taken.end && taken.start < span.end) {
            edits.append({SpanEdit::RemoveSpan, span.label, span.start, span.end, {}, {}});
        }
    }
    edits.append(SpanEdit::add(taken.label, taken.start, taken.end));
    return edits;
}

QList<SpanEdit> SpanComparison::removeA(qsizetype row) const
{
    if (row < 0 || row >= rows.size() || rows[row].aIndex < 0) {
        return {};
    }
    const Row &removed = rows[row];
    return {{SpanEdit::RemoveSpan, removed.label, removed.start, removed.end, {}, {}}};
}

} // namespace annorev
