#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace annorev {

// The error rate of a spot-check round and what it allows to conclude about the batch.
namespace Wilson {

// The normal quantile for a two-sided 95% interval.
inline constexpr double z95 = 1.959963984540054;
// Above this many further documents a decision counts as out of reach.
inline constexpr qint64 reachLimit = qint64(1) << 40;

struct Interval
{
    double lower = 0;
    double upper = 1;
};

// The Wilson score interval for failed of checked at 95%: the interval of error rates p whose
// normal test does not reject failed/checked. Unlike the plain p̂ ± z·se it stays inside [0, 1]
// and does not collapse to a point at 0 or checked failures. [0, 1] when nothing was checked.
Interval interval(qint64 failed, qint64 checked, double z = z95);

enum class Decision
{
    Accept,
    Reject,
    Continue
};
QString decisionName(Decision decision);
// A rate as the reports print it: 0.3333 is "33.3%".
QString percent(double rate);

struct Estimate
{
    qint64 checked = 0;
    qint64 failed = 0;
    std::optional<double> rate; // failed / checked; none when nothing was checked
    Interval interval;
    double target = 0.05;
    Decision decision = Decision::Continue;
    // Continue: how many more documents, all passing, bring the upper bound to the target
    // (accept). None when no number does (a target of 0 or less).
    std::optional<qint64> moreToCheck;
};

// Accept when the upper bound is at or below the target, reject when the lower bound is above
// it, otherwise continue.
Estimate estimate(qint64 failed, qint64 checked, double target);

} // namespace Wilson

} // namespace annorev
