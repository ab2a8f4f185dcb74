#include "adjudication.h"

#include "document.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace annorev {

namespace {

// Calls each(first, last) for every run [first, last) of the ranges (sorted by start) in which
// each range overlaps one before it in the run.
template <typename Range, typename Each> void forEachOverlapRun(const QList<Range> &ranges, Each each)
{
    qsizetype first = 0;
    qsizetype end = 0;
    for (qsizetype i = 0; i < ranges.size(); ++i) {
        if (i > first && ranges[i].start >= end) {
            each(first, i);
            first = i;
        }
        end = i == first ? ranges[i].end : std::max(end, ranges[i].end);
    }
    if (first < ranges.size()) {
        each(first, ranges.size());
    }
}

} // namespace

qsizetype Adjudication::count(Outcome outcome) const
{
    return std::count_if(candidates.cbegin(), candidates.cend(),
                         [outcome](const Candidate &candidate) { return candidate.outcome == outcome; });
}

Adjudication Adjudication::of(const QList<const AnnotatedText *> &versions, int minAgree)
{
    Adjudication adjudication;
    std::map<std::tuple<qsizetype, qsizetype, QString>, Candidate> byPlace;
    for (int annotator = 0; annotator < versions.size(); ++annotator) {
        const AnnotatedText *version = versions[annotator];
        if (!version) {
            continue;
        }
        adjudication.present.append(annotator);
        for (const AnnotatedText::Span &span : version->spans) {
            if (span.start >= span.end) {
                continue;
            }
            Candidate &candidate = byPlace[{span.start, span.end, span.label}];
            if (candidate.annotators.isEmpty()) {
                candidate = {span.label, span.start, span.end, span.text, {}, Outcome::TooFewVotes};
            }
            if (candidate.annotators.isEmpty() || candidate.annotators.constLast() != annotator) {
                candidate.annotators.append(annotator); // twice the same span is one vote
            }
        }
    }
    QList<Candidate> &candidates = adjudication.candidates;
    for (auto &[place, candidate] : byPlace) {
        candidates.append(std::move(candidate));
    }

    // Candidates with enough votes that overlap one another are all queued.
    QList<qsizetype> qualifying;
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        if (candidates[i].annotators.size() >= minAgree) {
            qualifying.append(i);
        }
    }
    struct Range
    {
        qsizetype start;
        qsizetype end;
    };
    QList<Range> qualifyingRanges;
    for (qsizetype i : std::as_const(qualifying)) {
        qualifyingRanges.append({candidates[i].start, candidates[i].end});
    }
    forEachOverlapRun(qualifyingRanges, [&](qsizetype first, qsizetype last) {
        for (qsizetype k = first; k < last; ++k) {
            candidates[qualifying[k]].outcome = last - first == 1 ? Outcome::Accepted : Outcome::Overlaps;
        }
    });

    QList<Range> ranges;
    for (const Candidate &candidate : std::as_const(candidates)) {
        ranges.append({candidate.start, candidate.end});
    }
    forEachOverlapRun(ranges, [&](qsizetype first, qsizetype last) {
        Dispute dispute{candidates[first].start, candidates[first].start, {}, {}};
        bool queued = false;
        std::set<int> marked;
        for (qsizetype k = first; k < last; ++k) {
            const Candidate &candidate = candidates[k];
            dispute.end = std::max(dispute.end, candidate.end);
            dispute.candidates.append(k);
            queued = queued || candidate.outcome != Outcome::Accepted;
            marked.insert(candidate.annotators.cbegin(), candidate.annotators.cend());
        }
        if (!queued) {
            return;
        }
        for (int annotator : std::as_const(adjudication.present)) {
            if (!marked.contains(annotator)) {
                dispute.noSpan.append(annotator);
            }
        }
        adjudication.disputes.append(std::move(dispute));
    });
    return adjudication;
}

int Adjudication::commonText(const QList<const AnnotatedText *> &versions)
{
    int common = -1;
    qsizetype most = 0;
    for (int b = 0; b < versions.size(); ++b) {
        if (!versions[b]) {
            continue;
        }
        const auto same = std::count_if(versions.cbegin(), versions.cend(), [&](const AnnotatedText *version) {
            return version && version->text == versions[b]->text;
        });
        if (same > most) {
            most = same;
            common = b;
        }
    }
    return common;
}

QList<SpanEdit> Adjudication::editsFor(const Document &base) const
{
    std::set<std::tuple<qsizetype, qsizetype, QString>> accepted;
    for (const Candidate &candidate : candidates) {
        if (candidate.outcome == Outcome::Accepted) {
            accepted.insert({base.utf16Offset(candidate.start), base.utf16Offset(candidate.end), candidate.label});
        }
    }
    QList<SpanEdit> edits;
    for (const Span &span : base.spans()) {
        // A span base has twice is kept once.
        if (accepted.erase({span.start, span.end, span.label}) == 0) {
            edits.append(SpanEdit::remove(span));
        }
    }
    for (const auto &[start, end, label] : accepted) {
        edits.append(SpanEdit::add(label, start, end));
    }
    return edits;
}

QList<SpanEdit> Adjudication::take(qsizetype index, const AnnotatedText &version) const
{
    if (index < 0 || index >= candidates.size() || holds(version, index)) {
        return {};
    }
    const Candidate &candidate = candidates.at(index);
    QList<SpanEdit> edits;
    for (const AnnotatedText::Span &span : version.spans) {
        if (span.start < candidate.end && candidate.start < span.end) {
            edits.append({SpanEdit::RemoveSpan, span.label, span.start, span.end, {}, {}});
        }
    }
    edits.append(SpanEdit::add(candidate.label, candidate.start, candidate.end));
    return edits;
}

bool Adjudication::holds(const AnnotatedText &version, qsizetype index) const
{
    const Candidate &candidate = candidates.at(index);
    return std::any_of(version.spans.cbegin(), version.spans.cend(), [&](const AnnotatedText::Span &span) {
        return span.start == candidate.start && span.end == candidate.end && span.label == candidate.label;
    });
}

} // namespace annorev
