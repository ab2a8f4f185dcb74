#pragma once

#include "schema.h"

#include <QString>

namespace annorev {
struct SpanValue;
}

namespace annorev::ValueFormat {

// 7.2e9 -> "7.2 × 10⁹"; numbers below a million as they are ("768", "2556.96").
QString count(double value);
// 504 -> "504 h (21 days)".
QString hours(double hours, bool approximate);
// A normalised value as people read it: "7.2 × 10⁹", "504 h (21 days)", "United States"; empty
// when the value did not parse.
QString value(ValueType type, const SpanValue &value);

} // namespace annorev::ValueFormat
