#pragma once

#include "exportdocument.h"
#include "reviewstatus.h"

#include <QDateTime>
#include <QString>
#include <QVariant>

#include <optional>

namespace annorev {

// How annorev's values sit in a store file's columns.
namespace SqliteValues {

QVariant integer(qint64 value);
// ISO 8601 text with milliseconds, UTC.
QString timestamp(const QDateTime &time);
QString now();
QDateTime timeOf(const QVariant &value); // invalid for NULL

QVariant statusValue(std::optional<ReviewStatus> status); // NULL for none
std::optional<ReviewStatus> statusOf(const QVariant &value);

QString layoutName(BatchLayout layout);
BatchLayout layoutOf(const QString &name);

} // namespace SqliteValues

} // namespace annorev
