#include "suggestiondisagreement.h"

#include "document.h"

#include <QSet>

#include <algorithm>
#include <tuple>

namespace annorev::SuggestionDisagreement {

namespace {

bool before(const SpanKey &x, const SpanKey &y)
{
    return std::tie(x.start, x.end, x.label) < std::tie(y.start, y.end, y.label);
}

SpanKey keyOf(const Suggestion &suggestion)
{
    return {suggestion.label, suggestion.start, suggestion.end};
}

bool contains(const QList<SpanKey> &sorted, const SpanKey &key)
{
    return std::binary_search(sorted.cbegin(), sorted.cend(), key, before);
}

} // namespace

QList<SpanKey> keysOf(const Document &doc)
{
    QList<SpanKey> keys;
    keys.reserve(doc.spans().size());
    for (const Span &span : doc.spans()) {
        keys.append({span.label, span.start, span.end});
    }
    return keys;
}

std::optional<int> of(QStringView plainText, const QList<SpanKey> &spans, const QList<Suggestion> &suggestions)
{
    if (suggestions.isEmpty()) {
        return std::nullopt;
    }
    // Sorted keys on both sides, so that a dense document's thousands of spans and suggestions
    // are matched in n log n, not pair by pair.
    QList<SpanKey> tagged = spans;
    std::sort(tagged.begin(), tagged.end(), before);
    QList<SpanKey> proposed; // accepted, or pending and fitting
    QSet<QString> suggestedLabels;
    int count = 0;
    for (const Suggestion &suggestion : suggestions) {
        suggestedLabels.insert(suggestion.label);
        const bool live = suggestion.state == SuggestionState::Pending && suggestion.fits(plainText);
        if (live || suggestion.state == SuggestionState::Accepted) {
            proposed.append(keyOf(suggestion));
        }
        if (live && !contains(tagged, keyOf(suggestion))) {
            ++count;
        }
    }
    std::sort(proposed.begin(), proposed.end(), before);
    for (const SpanKey &span : spans) {
        if (suggestedLabels.contains(span.label) && !contains(proposed, span)) {
            ++count;
        }
    }
    return count;
}

} // namespace annorev::SuggestionDisagreement
