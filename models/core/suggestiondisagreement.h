#pragma once

#include "suggestion.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace annorev {

class Document;

// A span as a suggestion is matched against it: its label and its range in UTF-16 units of the
// plain text.
struct SpanKey
{
    QString label;
    qsizetype start = 0;
    qsizetype end = 0;
    friend bool operator==(const SpanKey &, const SpanKey &) = default;
};

// How far a model's suggestions for a document and the document's annotations differ: what the
// document list's disagreement column shows and sorts by, so that the documents where the model
// and the annotators differ most are reviewed first.
namespace SuggestionDisagreement {

// The spans of a document as suggestions are matched against them.
QList<SpanKey> keysOf(const Document &doc);

// Counts, for a document with suggestions:
//   - the pending suggestions that still fit the text (it still holds what they covered when they
//     were imported) and that no span of the same label and range holds: what a reviewer is
//     asked to accept or reject;
//   - the spans of a label the model suggested somewhere in the document (in any state) that no
//     suggestion proposed: no accepted one, nor a pending one that fits. A span of a label the
//     model never suggested in the document is not its disagreement, nor is a rejected
//     suggestion, which a reviewer has settled.
// Nothing when the document has no suggestions at all: the model was not asked about it.
std::optional<int> of(QStringView plainText, const QList<SpanKey> &spans, const QList<Suggestion> &suggestions);

} // namespace SuggestionDisagreement

} // namespace annorev

Q_DECLARE_TYPEINFO(annorev::SpanKey, Q_RELOCATABLE_TYPE);
