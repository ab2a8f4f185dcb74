#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace annorev {

// A document's review decision, as the store keeps it and the commands name it.
enum class ReviewStatus { Unreviewed, Approved, Rejected, NeedsWork };
inline constexpr ReviewStatus allReviewStatuses[] = {ReviewStatus::Unreviewed, ReviewStatus::Approved,
                                                     ReviewStatus::Rejected, ReviewStatus::NeedsWork};

inline QString statusName(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::Unreviewed:
        return QStringLiteral("unreviewed");
    case ReviewStatus::Approved:
        return QStringLiteral("approved");
    case ReviewStatus::Rejected:
        return QStringLiteral("rejected");
    case ReviewStatus::NeedsWork:
        return QStringLiteral("needs-work");
    }
    return {};
}

inline std::optional<ReviewStatus> statusFromName(QStringView name)
{
    for (ReviewStatus status : allReviewStatuses) {
        if (name == statusName(status)) {
            return status;
        }
    }
    return std::nullopt;
}

} // namespace annorev
