// BulkEdit::findFixes: which findings of one rule a bulk fix makes, and why it skips the others.

#include "bulkedit.h"
#include "checker.h"
#include "documenteditor.h"
#include "rules/ruleset.h"
#include "taggeddiff.h"

#include <QCoreApplication>

#include <algorithm>
#include <numeric>

namespace annorev::BulkEdit {

namespace {

// The plain text a fix touches: from the first of its edits to the end of the last.
struct Footprint
{
    qsizetype start = 0;
    qsizetype end = 0;
};

Footprint footprintOf(const QList<SpanEdit> &edits)
{
    Footprint footprint{edits.constFirst().start, edits.constFirst().end};
    for (const SpanEdit &edit : edits) {
        footprint.start = std::min(footprint.start, edit.start);
        footprint.end = std::max(footprint.end, edit.end);
    }
    return footprint;
}

QString at(const BulkHit &hit)
{
    return QStringLiteral("%1-%2").arg(hit.codePointStart).arg(hit.codePointEnd);
}

} // namespace

QList<BulkHit> findFixes(const Document &doc, const CheckResult &checked, const BulkRequest &request,
                         const Schema &schema)
{
    const Rule *rule = RuleSet::builtin().find(request.rule);
    const QString reviewerDoes = rule ? rule->info().fix : QString();
    QList<BulkHit> hits;
    QList<Footprint> footprints;
    for (const Finding &finding : checked.findings) {
        if (finding.rule != request.rule) {
            continue;
        }
        BulkHit hit;
        hit.start = finding.start;
        hit.end = finding.end;
        hit.codePointStart = doc.codePointOffset(finding.start);
        hit.codePointEnd = doc.codePointOffset(finding.end);
        if (finding.fix && !finding.fix->edits.isEmpty()) {
            hit.description = finding.fix->description;
            hit.edits = finding.fix->edits;
            footprints.append(footprintOf(hit.edits));
        } else {
            hit.state = BulkHit::NoFix;
            hit.description = finding.message;
            hit.reason = reviewerDoes;
            footprints.append({finding.start, finding.end});
        }
        hits.append(hit);
    }
    if (hits.isEmpty()) {
        return hits;
    }
    // By the text the fixes touch: apply() makes them from the last to the first.
    QList<qsizetype> order(hits.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        return footprints.at(a).start < footprints.at(b).start ||
               (footprints.at(a).start == footprints.at(b).start && footprints.at(a).end < footprints.at(b).end);
    });
    QList<BulkHit> sorted;
    QList<Footprint> sortedFootprints;
    sorted.reserve(hits.size());
    for (const qsizetype i : order) {
        sorted.append(std::move(hits[i]));
        sortedFootprints.append(footprints.at(i));
    }
    hits = std::move(sorted);
    footprints = std::move(sortedFootprints);

    // Two fixes that touch the same text would each undo or cross the other: which one is meant
    // is a reviewer's choice, so neither is made.
    qsizetype reaching = -1; // the fix reaching furthest so far
    for (qsizetype i = 0; i < hits.size(); ++i) {
        if (hits.at(i).edits.isEmpty()) {
            continue;
        }
        const Footprint here = footprints.at(i);
        if (reaching >= 0) {
            const Footprint there = footprints.at(reaching);
            if (here.start < there.end || here.start == there.start) {
                hits[i].state = BulkHit::Conflicting;
                hits[i].reason = QCoreApplication::translate("BulkEdit", "its fix touches the text the fix of the "
                                                                         "finding at %1 changes")
                                     .arg(at(hits.at(reaching)));
                if (hits.at(reaching).state == BulkHit::Apply) {
                    hits[reaching].state = BulkHit::Conflicting;
                    hits[reaching].reason = QCoreApplication::translate("BulkEdit", "its fix touches the text the fix "
                                                                                    "of the finding at %1 changes")
                                                .arg(at(hits.at(i)));
                }
            }
            if (here.end <= there.end) {
                continue;
            }
        }
        reaching = i;
    }

    // The editor's verdict, fix by fix in the order apply() makes them; each change is shown on
    // the text as the fixes after it leave it.
    Document current = doc;
    for (qsizetype i = hits.size() - 1; i >= 0; --i) {
        BulkHit &hit = hits[i];
        if (!hit.applies()) {
            continue;
        }
        Expected<Document> edited = DocumentEditor::apply(current, hit.edits, schema);
        if (!edited) {
            hit.state = BulkHit::Refused;
            hit.reason = edited.error().message;
            continue;
        }
        const TaggedChange change = TaggedDiff::change(current.source(), edited->source());
        hit.taggedBefore = change.before;
        hit.taggedAfter = change.after;
        current = *std::move(edited);
    }
    return hits;
}

} // namespace annorev::BulkEdit
