#pragma once

#include "exportdocument.h"
#include "reviewstatus.h"

#include <QString>
#include <QVariant>

#include <optional>

namespace annorev {

// How annorev's values sit in a store's columns, whichever the backend.
namespace StoreValues {

QVariant statusValue(std::optional<ReviewStatus> status); // NULL for none
std::optional<ReviewStatus> statusOf(const QVariant &value);

QString layoutName(BatchLayout layout);
BatchLayout layoutOf(const QString &name);

} // namespace StoreValues

} // namespace annorev
