#pragma once

#include "storevalues.h"

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
QDateTime timeOf(const QString &text);   // invalid for text that is not a time

using StoreValues::layoutName;
using StoreValues::layoutOf;
using StoreValues::statusOf;
using StoreValues::statusValue;

} // namespace SqliteValues

} // namespace annorev
