#pragma once

#include <QByteArray>

namespace annorev::JsonNumber {

// Appends a number the way JSON readers take it back exactly: whole numbers below 2^53 as
// integers ("7200000000", not "7.2e+09"), others in their shortest round-trip form, and
// non-finite values as null.
void append(QByteArray *out, double value);
void appendInteger(QByteArray *out, qsizetype value);

} // namespace annorev::JsonNumber
