#pragma once

#include <QString>

namespace annorev::ValueFormat {

// 7.2e9 -> "7.2 × 10⁹"; numbers below a million as they are ("768", "2556.96").
QString count(double value);
// 504 -> "504 h (21 days)".
QString hours(double hours, bool approximate);

} // namespace annorev::ValueFormat
