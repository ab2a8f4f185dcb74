#pragma once

#include <QByteArrayView>
#include <QLatin1String>
#include <QString>
#include <QStringView>

#include <optional>

namespace annorev {

// A document's review decision, as the store keeps it and the commands name it.
enum class ReviewStatus
{
    Unreviewed,
    Approved,
    Rejected,
    NeedsWork
};
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

// The same for a name in a store's UTF-8 column, without making a QString of it.
inline std::optional<ReviewStatus> statusFromName(QByteArrayView utf8)
{
    for (ReviewStatus status : allReviewStatuses) {
        if (QLatin1String(utf8.data(), utf8.size()) == statusName(status)) {
            return status;
        }
    }
    return std::nullopt;
}

} // namespace annorev
