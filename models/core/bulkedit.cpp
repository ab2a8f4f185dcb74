#include "bulkedit.h"

#include "documenteditor.h"
#include "schema.h"

#include <QCoreApplication>

namespace annorev::BulkEdit {

namespace {

QList<SpanEdit> editsFor(const BulkRequest &request, const BulkHit &hit)
{
    switch (request.action) {
    case BulkRequest::Untag:
        return {{SpanEdit::RemoveSpan, request.label, hit.start, hit.end, {}, {}}};
    case BulkRequest::Relabel:
        return {{SpanEdit::Relabel, request.label, hit.start, hit.end, request.newLabel, {}}};
    case BulkRequest::Fix:
        return hit.edits;
    case BulkRequest::Tag:
        break;
    }
    return {SpanEdit::add(request.label, hit.start, hit.end)};
}

// Whether a span of the document lies over [start, end) at all, and whether one of label covers it exactly.
std::pair<bool, bool> spansOver(const QList<Span> &spans, const QList<qsizetype> &furthestEnd, qsizetype start,
                                qsizetype end, const QString &label)
{
    // Spans are sorted by start: those starting before end may reach into the range.
    const auto after = std::lower_bound(spans.cbegin(), spans.cend(), end,
                                        [](const Span &span, qsizetype pos) { return span.start < pos; });
    const qsizetype before = after - spans.cbegin();
    if (before == 0 || furthestEnd.at(before - 1) <= start) {
        return {false, false};
    }
    for (qsizetype i = before - 1; i >= 0 && furthestEnd.at(i) > start; --i) {
        if (spans[i].start == start && spans[i].end == end && spans[i].label == label) {
            return {true, true};
        }
    }
    return {true, false};
}

} // namespace

QList<BulkHit> find(const Document &doc, const BulkRequest &request, const TextMatcher &matcher, const Schema &schema)
{
    const QString &text = doc.text();
    QList<BulkHit> hits;
    if (request.action == BulkRequest::Tag) {
        const QList<TextRange> ranges = matcher.findAll(text);
        if (ranges.isEmpty()) {
            return hits;
        }
        const QList<Span> &spans = doc.spans();
        QList<qsizetype> furthestEnd(spans.size());
        qsizetype furthest = 0;
        for (qsizetype i = 0; i < spans.size(); ++i) {
            furthest = std::max(furthest, spans[i].end);
            furthestEnd[i] = furthest;
        }
        for (const TextRange &range : ranges) {
            BulkHit hit;
            hit.start = range.start;
            hit.end = range.end;
            const auto [overlaps, tagged] = spansOver(spans, furthestEnd, range.start, range.end, request.label);
            hit.state = tagged ? BulkHit::AlreadyTagged : overlaps ? BulkHit::OverlapsSpan : BulkHit::Apply;
            hits.append(hit);
        }
    } else {
        for (const Span &span : doc.spans()) {
            if (span.label == request.label && matcher.matchesExactly(text, span.start, span.end)) {
                BulkHit hit;
                hit.start = span.start;
                hit.end = span.end;
                hits.append(hit);
            }
        }
    }
    // Each hit the editor would refuse (a range that crosses markup, text that would read as a
    // tag) is found by making them one after the other, as apply() will.
    Document current = doc;
    for (BulkHit &hit : hits) {
        hit.codePointStart = doc.codePointOffset(hit.start);
        hit.codePointEnd = doc.codePointOffset(hit.end);
        if (!hit.applies()) {
            continue;
        }
        Expected<Document> edited = DocumentEditor::apply(current, editsFor(request, hit), schema);
        if (!edited) {
            hit.state = BulkHit::Refused;
            hit.reason = edited.error().message;
            continue;
        }
        current = *std::move(edited);
    }
    return hits;
}

Document apply(const Document &doc, const BulkRequest &request, const QList<BulkHit> &hits, const QList<bool> &selected,
               const Schema &schema)
{
    Document current = doc;
    // Fixes go from the last to the first: one that replaces text (mojibake) moves what follows it,
    // never what comes before, so each fix's positions stay those of the text it was found in.
    const bool backwards = request.action == BulkRequest::Fix;
    for (qsizetype k = 0; k < hits.size(); ++k) {
        const qsizetype i = backwards ? hits.size() - 1 - k : k;
        if (!hits[i].applies() || (!selected.isEmpty() && !selected.value(i))) {
            continue;
        }
        if (Expected<Document> edited = DocumentEditor::apply(current, editsFor(request, hits[i]), schema)) {
            current = *std::move(edited);
        }
    }
    return current;
}

QString describe(const BulkRequest &request, const BulkHit &hit)
{
    switch (hit.state) {
    case BulkHit::Apply:
        switch (request.action) {
        case BulkRequest::Tag:
            return QCoreApplication::translate("BulkEdit", "will tag");
        case BulkRequest::Untag:
            return QCoreApplication::translate("BulkEdit", "will untag");
        case BulkRequest::Relabel:
            return QCoreApplication::translate("BulkEdit", "will relabel");
        case BulkRequest::Fix:
            return QCoreApplication::translate("BulkEdit", "will fix");
        }
        return {};
    case BulkHit::AlreadyTagged:
        return QCoreApplication::translate("BulkEdit", "skipped: already tagged");
    case BulkHit::OverlapsSpan:
        return QCoreApplication::translate("BulkEdit", "skipped: overlaps a span");
    case BulkHit::Refused:
        return QCoreApplication::translate("BulkEdit", "skipped: %1").arg(hit.reason);
    case BulkHit::NoFix:
        return QCoreApplication::translate("BulkEdit", "skipped: no fix without a reviewer: %1").arg(hit.reason);
    case BulkHit::Conflicting:
        return QCoreApplication::translate("BulkEdit", "skipped: %1").arg(hit.reason);
    }
    return {};
}

QString verb(BulkRequest::Action action)
{
    switch (action) {
    case BulkRequest::Untag:
        return QStringLiteral("untag");
    case BulkRequest::Relabel:
        return QStringLiteral("relabel");
    case BulkRequest::Fix:
        return QStringLiteral("fix");
    case BulkRequest::Tag:
        break;
    }
    return QStringLiteral("tag");
}

} // namespace annorev::BulkEdit
