#include "wilson.h"

#include <algorithm>
#include <cmath>

namespace annorev::Wilson {

Interval interval(qint64 failed, qint64 checked, double z)
{
    if (checked <= 0) {
        return {};
    }
    const double n = double(checked);
    const double p = double(failed) / n;
    const double z2 = z * z;
    const double denominator = 1 + z2 / n;
    const double centre = (p + z2 / (2 * n)) / denominator;
    const double half = z / denominator * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    // At no failures (or no passes) the bound is 0 (or 1) exactly; rounding would leave a trace.
    return {failed <= 0 ? 0.0 : std::max(0.0, centre - half), failed >= checked ? 1.0 : std::min(1.0, centre + half)};
}

QString decisionName(Decision decision)
{
    switch (decision) {
    case Decision::Accept:
        return QStringLiteral("accept");
    case Decision::Reject:
        return QStringLiteral("reject");
    case Decision::Continue:
        return QStringLiteral("continue");
    }
    return {};
}

QString percent(double rate)
{
    return QString::number(100 * rate, 'f', 1) % u'%';
}

namespace {

bool accepts(qint64 failed, qint64 checked, double target)
{
    return interval(failed, checked).upper <= target;
}

// The smallest k with the upper bound of failed/(checked + k) at or below the target. With failed
// fixed the upper bound falls as the count grows (tests/tst_wilson.cpp checks this), so a
// doubling search finds a count that is enough and a binary search the smallest.
std::optional<qint64> moreToAccept(qint64 failed, qint64 checked, double target)
{
    if (target <= 0) {
        return std::nullopt;
    }
    qint64 high = 1;
    while (!accepts(failed, checked + high, target)) {
        if (high >= reachLimit) {
            return std::nullopt;
        }
        high *= 2;
    }
    qint64 low = high / 2; // does not accept (or is 0, which did not either: the caller continues)
    while (high - low > 1) {
        const qint64 middle = low + (high - low) / 2;
        (accepts(failed, checked + middle, target) ? high : low) = middle;
    }
    return high;
}

} // namespace

Estimate estimate(qint64 failed, qint64 checked, double target)
{
    Estimate result;
    result.checked = checked;
    result.failed = failed;
    result.target = target;
    if (checked > 0) {
        result.rate = double(failed) / double(checked);
    }
    result.interval = interval(failed, checked);
    if (checked > 0 && result.interval.upper <= target) {
        result.decision = Decision::Accept;
    } else if (checked > 0 && result.interval.lower > target) {
        result.decision = Decision::Reject;
    } else {
        result.decision = Decision::Continue;
        result.moreToCheck = moreToAccept(failed, checked, target);
    }
    return result;
}

} // namespace annorev::Wilson
