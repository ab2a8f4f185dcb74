#include "suggestion.h"

namespace annorev {

QString suggestionStateName(SuggestionState state)
{
    switch (state) {
    case SuggestionState::Pending:
        return QStringLiteral("pending");
    case SuggestionState::Accepted:
        return QStringLiteral("accepted");
    case SuggestionState::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

std::optional<SuggestionState> suggestionStateFrom(QStringView name)
{
    for (const SuggestionState state :
         {SuggestionState::Pending, SuggestionState::Accepted, SuggestionState::Rejected}) {
        if (name == suggestionStateName(state)) {
            return state;
        }
    }
    return std::nullopt;
}

} // namespace annorev
