#include "wilson.h"

#include <QTest>

#include <cmath>

using namespace annorev;
using namespace Qt::StringLiterals;

class TestWilson : public QObject
{
    Q_OBJECT

private slots:
    void intervalMatchesHandComputedValues_data();
    void intervalMatchesHandComputedValues();
    void nothingCheckedGivesTheWholeRange();
    void decisionFollowsTheBounds_data();
    void decisionFollowsTheBounds();
    void moreToCheckIsTheSmallestCountThatAccepts_data();
    void moreToCheckIsTheSmallestCountThatAccepts();
    void upperBoundFallsAsPassesAccumulate();
    void aTargetOfZeroCannotBeReached();
};

// z = 1.959963984540054, z² = 3.841458820694125. The bounds are
// (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n); the cases below work them out by hand.
void TestWilson::intervalMatchesHandComputedValues_data()
{
    QTest::addColumn<qint64>("failed");
    QTest::addColumn<qint64>("checked");
    QTest::addColumn<double>("lower");
    QTest::addColumn<double>("upper");
    // p̂ = 0: the bounds are 0 and z²/(n + z²) = 3.841459 / 62.841459.
    QTest::addRow("0 of 59") << qint64(0) << qint64(59) << 0.0 << 0.0611294;
    // p̂ = 0.03: centre (0.03 + 0.0192073) / 1.0384146 = 0.0473869, half-width
    // 1.8874581 · √(0.000291 + 0.0000960) = 0.0371324.
    QTest::addRow("3 of 100") << qint64(3) << qint64(100) << 0.0102545 << 0.0845194;
    // p̂ = 1: the bounds are n/(n + z²) = 10 / 13.841459 and 1.
    QTest::addRow("10 of 10") << qint64(10) << qint64(10) << 0.7224672 << 1.0;
    // p̂ = 0.25: centre (0.25 + 0.0960365) / 1.1920729 = 0.2902813, half-width
    // 1.6441645 · √(0.009375 + 0.0024009) = 0.1784196.
    QTest::addRow("5 of 20") << qint64(5) << qint64(20) << 0.1118617 << 0.4687009;
}

void TestWilson::intervalMatchesHandComputedValues()
{
    QFETCH(qint64, failed);
    QFETCH(qint64, checked);
    QFETCH(double, lower);
    QFETCH(double, upper);
    const Wilson::Interval interval = Wilson::interval(failed, checked);
    QVERIFY2(std::abs(interval.lower - lower) < 1e-4, qPrintable(QString::number(interval.lower, 'g', 10)));
    QVERIFY2(std::abs(interval.upper - upper) < 1e-4, qPrintable(QString::number(interval.upper, 'g', 10)));
    const Wilson::Estimate estimate = Wilson::estimate(failed, checked, 0.05);
    QVERIFY(estimate.rate);
    QCOMPARE(*estimate.rate, double(failed) / double(checked));
}

void TestWilson::nothingCheckedGivesTheWholeRange()
{
    const Wilson::Estimate estimate = Wilson::estimate(0, 0, 0.05);
    QVERIFY(!estimate.rate);
    QCOMPARE(estimate.interval.lower, 0.0);
    QCOMPARE(estimate.interval.upper, 1.0);
    QCOMPARE(estimate.decision, Wilson::Decision::Continue);
    // z²(1 − t)/t = 72.98: 73 passes bring the upper bound to 0.04999.
    QCOMPARE(estimate.moreToCheck, std::optional<qint64>(73));
}

void TestWilson::decisionFollowsTheBounds_data()
{
    QTest::addColumn<qint64>("failed");
    QTest::addColumn<qint64>("checked");
    QTest::addColumn<double>("target");
    QTest::addColumn<Wilson::Decision>("decision");
    // Upper bound 0.0369935 is below the target.
    QTest::addRow("accept: 0 of 100") << qint64(0) << qint64(100) << 0.05 << Wilson::Decision::Accept;
    // Upper bound 0.0499920, just below.
    QTest::addRow("accept: 0 of 73") << qint64(0) << qint64(73) << 0.05 << Wilson::Decision::Accept;
    // "At or below": a target equal to the upper bound accepts.
    QTest::addRow("accept: upper bound equal to the target")
        << qint64(3) << qint64(100) << Wilson::interval(3, 100).upper << Wilson::Decision::Accept;
    // Lower bound 0.7224672 is above the target.
    QTest::addRow("reject: 10 of 10") << qint64(10) << qint64(10) << 0.05 << Wilson::Decision::Reject;
    // Lower bound 0.1118617 is above 0.1.
    QTest::addRow("reject: 5 of 20") << qint64(5) << qint64(20) << 0.1 << Wilson::Decision::Reject;
    // A lower bound equal to the target does not reject.
    QTest::addRow("continue: lower bound equal to the target")
        << qint64(5) << qint64(20) << Wilson::interval(5, 20).lower << Wilson::Decision::Continue;
    // [0, 0.0611294] holds 0.05.
    QTest::addRow("continue: 0 of 59") << qint64(0) << qint64(59) << 0.05 << Wilson::Decision::Continue;
    // [0.0102545, 0.0845194] holds 0.05.
    QTest::addRow("continue: 3 of 100") << qint64(3) << qint64(100) << 0.05 << Wilson::Decision::Continue;
}

void TestWilson::decisionFollowsTheBounds()
{
    QFETCH(qint64, failed);
    QFETCH(qint64, checked);
    QFETCH(double, target);
    QFETCH(Wilson::Decision, decision);
    const Wilson::Estimate estimate = Wilson::estimate(failed, checked, target);
    QCOMPARE(estimate.decision, decision);
    QCOMPARE(estimate.moreToCheck.has_value(), decision == Wilson::Decision::Continue);
}

void TestWilson::moreToCheckIsTheSmallestCountThatAccepts_data()
{
    QTest::addColumn<qint64>("failed");
    QTest::addColumn<qint64>("checked");
    QTest::addColumn<double>("target");
    QTest::addColumn<qint64>("more");
    // z²/(n + z²) <= 0.05 from n = 73 on: 14 more after 59.
    QTest::addRow("0 of 59") << qint64(0) << qint64(59) << 0.05 << qint64(14);
    QTest::addRow("3 of 100") << qint64(3) << qint64(100) << 0.05 << qint64(73);
    QTest::addRow("1 of 20") << qint64(1) << qint64(20) << 0.05 << qint64(90);
    QTest::addRow("0 of 0, target 0.1") << qint64(0) << qint64(0) << 0.1 << qint64(35);
}

void TestWilson::moreToCheckIsTheSmallestCountThatAccepts()
{
    QFETCH(qint64, failed);
    QFETCH(qint64, checked);
    QFETCH(double, target);
    QFETCH(qint64, more);
    const Wilson::Estimate estimate = Wilson::estimate(failed, checked, target);
    QCOMPARE(estimate.decision, Wilson::Decision::Continue);
    QCOMPARE(estimate.moreToCheck, std::optional<qint64>(more));
    QVERIFY(Wilson::interval(failed, checked + more).upper <= target);
    QVERIFY(Wilson::interval(failed, checked + more - 1).upper > target);
    QCOMPARE(Wilson::estimate(failed, checked + more, target).decision, Wilson::Decision::Accept);
}

// moreToCheck's search relies on it.
void TestWilson::upperBoundFallsAsPassesAccumulate()
{
    for (qint64 failed = 0; failed < 40; ++failed) {
        double previous = 1;
        for (qint64 checked = std::max<qint64>(failed, 1); checked < 5000; ++checked) {
            const double upper = Wilson::interval(failed, checked).upper;
            QVERIFY2(upper <= previous, qPrintable(u"%1 of %2"_s.arg(failed).arg(checked)));
            previous = upper;
        }
    }
}

void TestWilson::aTargetOfZeroCannotBeReached()
{
    const Wilson::Estimate estimate = Wilson::estimate(0, 500, 0);
    QCOMPARE(estimate.decision, Wilson::Decision::Continue);
    QVERIFY(!estimate.moreToCheck);
}

QTEST_GUILESS_MAIN(TestWilson)
#include "tst_wilson.moc"
