#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

namespace annorev {

// What a reviewer made of a model's suggestion.
enum class SuggestionState
{
    Pending,
    Accepted,
    Rejected
};

QString suggestionStateName(SuggestionState state); // "pending", "accepted", "rejected"
std::optional<SuggestionState> suggestionStateFrom(QStringView name);

// A span a model predicted for a document, kept apart from its annotations until a reviewer
// accepts or rejects it (`annorev suggest`). Offsets are UTF-16 units of the reviewer's plain text
// it was imported against, as Span counts them; text is what they covered then, so that a
// suggestion whose document was edited since can be told from one that still fits.
struct Suggestion
{
    qint64 id = 0; // given by the store
    QString documentId;
    qsizetype start = 0;
    qsizetype end = 0;
    QString label;
    std::optional<double> score;
    QString text;
    QString source; // the file name it was imported from
    SuggestionState state = SuggestionState::Pending;
    QString decidedBy;   // empty while pending
    QDateTime decidedAt; // UTC; invalid while pending

    // Whether plainText still holds, at start, the text the suggestion covered when it was
    // imported: a suggestion of an edited document may no longer fit it.
    bool fits(QStringView plainText) const
    {
        return 0 <= start && start < end && end <= plainText.size() && plainText.sliced(start, end - start) == text;
    }
};

// A label's suggestions by state: how far reviewers trusted the model.
struct SuggestionCounts
{
    QString label;
    qsizetype pending = 0;
    qsizetype accepted = 0;
    qsizetype rejected = 0;

    // accepted / (accepted + rejected): the model's precision as the reviewers judged it; none
    // when nothing was decided.
    std::optional<double> precision() const
    {
        const qsizetype decided = accepted + rejected;
        return decided == 0 ? std::nullopt : std::optional<double>(double(accepted) / double(decided));
    }
};

} // namespace annorev

// An import grows a list of hundreds of thousands: moved by memcpy, not copied one by one.
Q_DECLARE_TYPEINFO(annorev::Suggestion, Q_RELOCATABLE_TYPE);
