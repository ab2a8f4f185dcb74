#include "raterreliability.h"

#include <QTest>

#include <algorithm>
#include <optional>
#include <random>

using namespace annorev;
using namespace Qt::StringLiterals;

using Ratings = QList<QList<int>>; // one row per unit, one value per annotator; -1 is missing

Q_DECLARE_METATYPE(std::optional<double>)

namespace {

constexpr int missing = -1;

RaterReliability tally(const Ratings &units, int annotators)
{
    RaterReliability reliability(annotators);
    for (const QList<int> &unit : units) {
        QList<int> present;
        std::copy_if(unit.cbegin(), unit.cend(), std::back_inserter(present), [](int c) { return c != missing; });
        reliability.addUnit(present);
    }
    return reliability;
}

void compareFigure(const std::optional<double> &actual, const std::optional<double> &expected, double tolerance)
{
    QCOMPARE(actual.has_value(), expected.has_value());
    if (expected) {
        QVERIFY2(std::abs(*actual - *expected) < tolerance,
                 qPrintable(u"%1, expected %2"_s.arg(*actual, 0, 'f', 9).arg(*expected, 0, 'f', 9)));
    }
}

// Fleiss (1971), table 1 as the raw ratings R's irr package ships (`diagnoses`): 30 patients, 6
// psychiatrists each, 5 diagnoses (1 depression, 2 personality disorder, 3 schizophrenia,
// 4 neurosis, 5 other). Fleiss gives κ = 0.430; irr's kappam.fleiss 0.4302445.
const Ratings fleiss1971 = {
    {4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5}, {2, 2, 2, 4, 4, 4},
    {1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4}, {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5},
    {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4}, {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5},
    {3, 3, 3, 3, 3, 5}, {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
    {5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4}, {1, 4, 4, 4, 4, 5},
    {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5},
};

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12
// units, nominal values 1–5 with missing ones (unit 12 has one value and is not pairable).
// Its answer: α = 0.743 (n = 40, Σ o_cc = 32, Σ n_c² = 384: 1 − 39 · 8 / 1216 = 0.7434211).
const Ratings krippendorff2011 = {
    // A, B, C, D
    {1, 1, missing, 1},
    {2, 2, 3, 2},
    {3, 3, 3, 3},
    {3, 3, 3, 3},
    {2, 2, 2, 2},
    {1, 2, 3, 4},
    {4, 4, 4, 4},
    {1, 1, 2, 1},
    {2, 2, 2, 2},
    {missing, 5, 5, 5},
    {missing, missing, 1, 1},
    {missing, 3, missing, missing},
};

} // namespace

class TestRaterReliability : public QObject
{
    Q_OBJECT

private slots:
    void figuresMatchHandComputedAndPublishedExamples_data();
    void figuresMatchHandComputedAndPublishedExamples();
    void unitsWithOneValueAreNotPairable();
    void mergedTalliesGiveTheFiguresOfOneTally();
    void twoAnnotatorsMarginsGiveTheTallyOfTheirUnits();
};

void TestRaterReliability::figuresMatchHandComputedAndPublishedExamples_data()
{
    QTest::addColumn<Ratings>("units");
    QTest::addColumn<int>("annotators");
    QTest::addColumn<std::optional<double>>("kappa");
    QTest::addColumn<std::optional<double>>("alpha");
    QTest::addColumn<double>("tolerance");

    QTest::addRow("full agreement is 1") << Ratings{{0, 0, 0}, {1, 1, 1}} << 3 << std::optional(1.0)
                                         << std::optional(1.0) << 1e-12;
    // Σ n² = 9 + 5 + 9 + 9 = 32 over U = 4 units of n = 3: P̄ = (32 − 12) / 24 = 120/144; totals
    // 5 and 7 of 12: P̄e = 74/144; κ = 46/70. α: o_00 + o_11 = 3 + 1 + 3 + 3 = 10 of n = 12,
    // Σ n_c² = 74: α = 1 − 11 · 2 / 70 = 48/70.
    QTest::addRow("one dissent of three") << Ratings{{0, 0, 0}, {0, 0, 1}, {1, 1, 1}, {1, 1, 1}} << 3
                                          << std::optional(46.0 / 70.0) << std::optional(48.0 / 70.0) << 1e-12;
    // Two annotators always apart: P̄ = 0, P̄e = 1/2, κ = −1; α = 1 − 3 · 4 / (16 − 8) = −1/2.
    QTest::addRow("systematic disagreement is below 0")
        << Ratings{{0, 1}, {1, 0}} << 2 << std::optional(-1.0) << std::optional(-0.5) << 1e-12;
    // Fleiss counts only [1,1,1], all one category: undefined. α over [0,0], [1,1,1], [0,1]
    // (the lone 1 is not pairable): Σ o_cc = 2 + 3 + 0 = 5, n = 7, Σ n_c² = 9 + 16:
    // α = 1 − 6 · 2 / 24 = 1/2.
    QTest::addRow("missing values: alpha pairs what is there")
        << Ratings{{0, 0, missing}, {1, missing, missing}, {1, 1, 1}, {0, 1, missing}} << 3 << std::optional<double>()
        << std::optional(0.5) << 1e-12;
    QTest::addRow("one category throughout is undefined")
        << Ratings{{2, 2, 2}, {2, 2, 2}} << 3 << std::optional<double>() << std::optional<double>() << 1e-12;
    QTest::addRow("nothing rated is undefined")
        << Ratings{} << 4 << std::optional<double>() << std::optional<double>() << 1e-12;
    QTest::addRow("Fleiss 1971: kappa 0.430")
        << fleiss1971 << 6 << std::optional(0.4302445) << std::optional<double>() << 5e-8;
    QTest::addRow("Krippendorff 2011: alpha 0.743")
        << krippendorff2011 << 4 << std::optional<double>() << std::optional(0.7434211) << 5e-8;
}

void TestRaterReliability::figuresMatchHandComputedAndPublishedExamples()
{
    QFETCH(Ratings, units);
    QFETCH(int, annotators);
    QFETCH(std::optional<double>, kappa);
    QFETCH(std::optional<double>, alpha);
    QFETCH(double, tolerance);
    const RaterReliability reliability = tally(units, annotators);
    // Fleiss' table has no missing value, so alpha is given for it too, and the reverse for
    // Krippendorff's (whose units are not all rated by the four): only the published figure is checked.
    if (QTest::currentDataTag() != QByteArrayView("Fleiss 1971: kappa 0.430")) {
        compareFigure(reliability.krippendorffAlpha(), alpha, tolerance);
    }
    if (QTest::currentDataTag() != QByteArrayView("Krippendorff 2011: alpha 0.743")) {
        compareFigure(reliability.fleissKappa(), kappa, tolerance);
    }
    // The published figures to the three places they are published with.
    if (kappa && units == fleiss1971) {
        QCOMPARE(QString::number(*reliability.fleissKappa(), 'f', 3), u"0.430"_s);
        QCOMPARE(reliability.fleissUnits(), 30);
    }
    if (alpha && units == krippendorff2011) {
        QCOMPARE(QString::number(*reliability.krippendorffAlpha(), 'f', 3), u"0.743"_s);
        QCOMPARE(reliability.pairableUnits(), 11);
        QCOMPARE(reliability.pairableValues(), 40); // the paper's n
    }
}

void TestRaterReliability::unitsWithOneValueAreNotPairable()
{
    // The lone values would change n and n_c if they were counted.
    RaterReliability with(3);
    RaterReliability without(3);
    for (RaterReliability *reliability : {&with, &without}) {
        reliability->addUnit(QList<int>{0, 0, 1});
        reliability->addUnit(QList<int>{1, 1});
    }
    with.addUnit(QList<int>{0});
    with.addUnit(QList<int>{1});
    QCOMPARE(with.pairableUnits(), 2);
    QCOMPARE(with.pairableValues(), 5);
    QCOMPARE(with.krippendorffAlpha(), without.krippendorffAlpha());
    QCOMPARE(with.fleissUnits(), 1);
}

void TestRaterReliability::mergedTalliesGiveTheFiguresOfOneTally()
{
    // Two halves counted with their own category numbers (reversed in the second), merged.
    std::mt19937 random(7);
    Ratings units;
    for (int u = 0; u < 200; ++u) {
        QList<int> unit;
        for (int a = 0; a < 4; ++a) {
            const int value = int(random() % 5) - 1; // -1 is missing
            unit.append(value);
        }
        units.append(unit);
    }
    const RaterReliability whole = tally(units, 4);
    Ratings first = units.first(100);
    Ratings second = units.sliced(100);
    for (QList<int> &unit : second) {
        for (int &value : unit) {
            value = value == missing ? missing : 3 - value;
        }
    }
    RaterReliability merged(4);
    merged.merge(tally(first, 4), {0, 1, 2, 3});
    merged.merge(tally(second, 4), {3, 2, 1, 0});
    QCOMPARE(merged.fleissUnits(), whole.fleissUnits());
    QCOMPARE(merged.pairableValues(), whole.pairableValues());
    QCOMPARE(merged.fleissKappa(), whole.fleissKappa());
    QCOMPARE(merged.krippendorffAlpha(), whole.krippendorffAlpha());
}

void TestRaterReliability::twoAnnotatorsMarginsGiveTheTallyOfTheirUnits()
{
    std::mt19937 random(11);
    Ratings units;
    QList<qsizetype> first(4, 0);
    QList<qsizetype> second(4, 0);
    QList<qsizetype> both(4, 0);
    for (int u = 0; u < 500; ++u) {
        const int x = int(random() % 4);
        const int y = random() % 3 == 0 ? int(random() % 4) : x; // mostly agreeing
        units.append({x, y});
        ++first[x];
        ++second[y];
        both[x] += x == y ? 1 : 0;
    }
    const RaterReliability counted = tally(units, 2);
    const RaterReliability fromMargins = RaterReliability::ofTwo(first, second, both);
    QCOMPARE(fromMargins.fleissUnits(), counted.fleissUnits());
    QCOMPARE(fromMargins.pairableValues(), counted.pairableValues());
    QCOMPARE(fromMargins.fleissKappa(), counted.fleissKappa());
    QCOMPARE(fromMargins.krippendorffAlpha(), counted.krippendorffAlpha());
    QVERIFY(*counted.fleissKappa() > 0.5);
}

QTEST_GUILESS_MAIN(TestRaterReliability)
#include "tst_raterreliability.moc"
