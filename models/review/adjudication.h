#pragma once

#include "annotatedtext.h"
#include "spanedit.h"

#include <QList>
#include <QString>

namespace annorev {

class Document;

// One document's spans as several annotators marked it, merged by vote. A candidate is a label
// with a range (start and end in the plain text); each annotator who marked it gives it one vote.
// A candidate with at least minAgree votes is accepted, unless it overlaps (shares a character
// with) another candidate that has as many: the format holds no overlapping or nested spans, and
// which of the two is right is the adjudicator's call, so both are queued. Every candidate that is
// not accepted is queued. Empty spans (`<model></model>`) cover no text to agree on: they take
// no part and are not written.
//
// The queued candidates are reported in disputes: each is a run of candidates that overlap one
// another (accepted ones included, so that "alice and bob chose 25-36, carol 25-41" is one
// dispute), with the annotators who marked nothing there.
struct Adjudication
{
    enum class Outcome
    {
        Accepted,
        TooFewVotes,
        Overlaps // enough votes, but overlaps another candidate that has enough
    };
    struct Candidate
    {
        QString label;
        qsizetype start = 0;
        qsizetype end = 0;
        QString text;
        QList<int> annotators; // who marked it, ascending (indexes into the versions)
        Outcome outcome = Outcome::TooFewVotes;
    };
    struct Dispute
    {
        qsizetype start = 0; // the run's extent
        qsizetype end = 0;
        QList<qsizetype> candidates; // into candidates, in their order
        QList<int> noSpan;           // annotators holding the document who marked none of them
    };

    QList<int> present;          // the annotators whose version was merged, ascending
    QList<Candidate> candidates; // by start, then end, then label
    QList<Dispute> disputes;     // by start

    qsizetype count(Outcome outcome) const;

    // versions[i] is annotator i's version of the document, or nullptr when i's is missing (or
    // has another text); the rest have the same text and offsets in one unit. minAgree ≥ 1.
    static Adjudication of(const QList<const AnnotatedText *> &versions, int minAgree);

    // The version whose text most versions have (of equally common ones, the first), or -1 when
    // every version is missing: the document's text when versions differ.
    static int commonText(const QList<const AnnotatedText *> &versions);

    // The edits that make base hold exactly the accepted candidates, whose offsets are code
    // points: base's other spans are removed (empty ones too), then the accepted ones it lacks are
    // added. Spans it keeps keep their attributes.
    QList<SpanEdit> editsFor(const Document &base) const;

    // The edits that make a version (the reviewer's, in the candidates' unit) hold candidate i:
    // its spans that overlap the candidate are removed (an added span may not overlap one), then
    // the candidate is added. Nothing when it holds it already.
    QList<SpanEdit> take(qsizetype candidate, const AnnotatedText &version) const;
    // Whether the version has exactly candidate i (label and range).
    bool holds(const AnnotatedText &version, qsizetype candidate) const;
};

} // namespace annorev
