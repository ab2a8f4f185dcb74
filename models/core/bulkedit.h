#pragma once

#include "document.h"
#include "spanedit.h"
#include "textmatcher.h"

#include <QList>
#include <QString>

namespace annorev {

class Schema;
struct CheckResult;

// What Tag All Occurrences (and its untag and relabel siblings) does to every document in scope,
// or Apply This Fix Everywhere: the suggested fix of every finding of one rule.
struct BulkRequest
{
    enum Action
    {
        Tag,
        Untag,
        Relabel,
        Fix
    };
    Action action = Tag;
    QString label;    // Tag: the label to tag with; Untag, Relabel: the label of the spans to change
    QString newLabel; // Relabel: the label they get
    MatchOptions match;
    QString rule; // Fix: the rule whose findings are fixed
};

// One occurrence found in a document: for Tag a match in the plain text, for Untag and Relabel a
// span of the request's label whose whole text matches, for Fix a finding of the rule. Positions
// are UTF-16 units of the plain text; the code point offsets are what leaves the program (the
// command line prints them).
struct BulkHit
{
    enum State
    {
        Apply,         // will be tagged (untagged, relabelled, fixed)
        AlreadyTagged, // exactly covered by a span of the label already
        OverlapsSpan,  // overlaps or lies inside a span: tagging it would cross or nest tags
        Refused,       // the editor refused it (reason says why), e.g. text that would read as a tag
        NoFix,         // Fix: the finding has no fix a program can make (reason: what a reviewer does)
        Conflicting,   // Fix: its fix touches the text another finding's fix touches (reason: where)
    };
    qsizetype start = 0;
    qsizetype end = 0;
    qsizetype codePointStart = 0;
    qsizetype codePointEnd = 0;
    State state = Apply;
    QString reason; // Refused, NoFix, Conflicting: why it is skipped

    // Fix: what the finding says or the fix does, the fix's edits, and the change it makes to the
    // tagged text (a few characters of context around it, one line each).
    QString description;
    QList<SpanEdit> edits;
    QString taggedBefore;
    QString taggedAfter;

    bool applies() const { return state == Apply; }
};

namespace BulkEdit {

// The hits of one document, each with its state; Apply hits are those the editor accepts, one
// after the other, on the document as the earlier ones leave it.
QList<BulkHit> find(const Document &doc, const BulkRequest &request, const TextMatcher &matcher, const Schema &schema);
// Fix: the findings of the request's rule in the document's check, by position. A fix is offered
// only when it is unambiguous: the finding has one, no other finding's fix touches the same text,
// and the editor accepts it; the others are skipped with why.
QList<BulkHit> findFixes(const Document &doc, const CheckResult &checked, const BulkRequest &request,
                         const Schema &schema);
// The document with the hits that apply made, those where selected is false left out (an empty
// selected takes every one). Hits the editor refuses now are left out too.
Document apply(const Document &doc, const BulkRequest &request, const QList<BulkHit> &hits, const QList<bool> &selected,
               const Schema &schema);
// "will tag", "skipped: already tagged", "skipped: overlaps a span", "skipped: REASON".
QString describe(const BulkRequest &request, const BulkHit &hit);
// "tag", "untag", "relabel", "fix": the verb of the summary and the audit.
QString verb(BulkRequest::Action action);

} // namespace BulkEdit

} // namespace annorev
