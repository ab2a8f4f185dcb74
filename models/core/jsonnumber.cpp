#include "jsonnumber.h"

#include <charconv>
#include <cmath>

namespace annorev::JsonNumber {

void append(QByteArray *out, double value)
{
    char buffer[32];
    std::to_chars_result written{};
    if (std::isfinite(value) && value == std::trunc(value) && std::abs(value) < 9007199254740992.0) {
        written = std::to_chars(buffer, buffer + sizeof buffer, qint64(value));
    } else if (std::isfinite(value)) {
        written = std::to_chars(buffer, buffer + sizeof buffer, value);  // shortest round-trip form
    } else {
        out->append("null");
        return;
    }
    out->append(buffer, written.ptr - buffer);
}

void appendInteger(QByteArray *out, qsizetype value)
{
    char buffer[24];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
    out->append(buffer, written.ptr - buffer);
}

} // namespace annorev::JsonNumber
