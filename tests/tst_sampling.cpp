#include "documentprofile.h"
#include "sampler.h"
#include "samplestrata.h"

#include <QMap>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <numeric>

using namespace annorev;
using namespace Qt::StringLiterals;

using Indexes = QList<qsizetype>;
using Sizes = QList<qsizetype>;

class TestSampling : public QObject
{
    Q_OBJECT

private slots:
    void engineIsTheStandardsMt19937_64();
    void uniformBelowRedrawsTheUnevenTail();
    void aFixedSeedGivesAFixedSample_data();
    void aFixedSeedGivesAFixedSample();
    void sampleIsTheSameFromTwoCalls();
    void sampleHasNoRepeatsAndStaysInRange();
    void otherSeedsGiveOtherSamples();
    void everyIndexIsAboutEquallyLikely();
    void allocationIsProportionalWithOnePerStratum_data();
    void allocationIsProportionalWithOnePerStratum();
    void allocationRefusesFewerDocumentsThanStrata();
    void stratifiedSampleDrawsEachStratumsShare();
    void stratifiedSampleIsReproducible();
    void labelStratumIsTheRarestLabel();
    void ruleStratumIsTheMostSevereFindingsRule();
};

// The standard fixes mt19937_64 to the bit: its 10000th output from the default seed is
// 9981545732273789042 ([rand.predef]), on every standard library.
void TestSampling::engineIsTheStandardsMt19937_64()
{
    std::mt19937_64 engine;
    engine.discard(9999);
    QCOMPARE(quint64(engine()), Q_UINT64_C(9981545732273789042));
}

// Seeded with 1, mt19937_64 starts 2469588189546311528, 2516265689700432462, 8323445853463659930,
// 387828560950575246, 6472927700900931384, 16811588669333006409. For bound 2^63 + 1 the outputs
// below 2^64 mod bound = 2^63 − 1 are drawn again: the first five are, the sixth gives
// 16811588669333006409 − (2^63 + 1) = 7588216632478230600.
void TestSampling::uniformBelowRedrawsTheUnevenTail()
{
    std::mt19937_64 engine(1);
    QCOMPARE(Sampler::uniformBelow(engine, Q_UINT64_C(9223372036854775809)), Q_UINT64_C(7588216632478230600));
    std::mt19937_64 small(1);
    // 2469588189546311528 mod 10 = 8, 2516265689700432462 mod 10 = 2, ...
    QList<quint64> digits;
    for (int i = 0; i < 5; ++i) {
        digits.append(Sampler::uniformBelow(small, 10));
    }
    QCOMPARE(digits, (QList<quint64>{8, 2, 0, 6, 4}));
}

// Lists checked against an independent implementation of mt19937_64 and of the same partial
// Fisher–Yates shuffle (written in Python for the purpose), not taken from this code's output.
void TestSampling::aFixedSeedGivesAFixedSample_data()
{
    QTest::addColumn<qsizetype>("population");
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<Indexes>("expected");
    QTest::addRow("5 of 20, seed 42") << qsizetype(20) << qsizetype(5) << quint64(42) << Indexes{6, 0, 1, 2, 9};
    QTest::addRow("3 of 5, seed 42") << qsizetype(5) << qsizetype(3) << quint64(42) << Indexes{1, 0, 3};
    QTest::addRow("3 of 5, seed 7") << qsizetype(5) << qsizetype(3) << quint64(7) << Indexes{0, 3, 2};
    QTest::addRow("all 5, seed 42") << qsizetype(5) << qsizetype(5) << quint64(42) << Indexes{1, 0, 3, 2, 4};
    QTest::addRow("more than there are") << qsizetype(5) << qsizetype(9) << quint64(42) << Indexes{1, 0, 3, 2, 4};
    QTest::addRow("none to draw from") << qsizetype(0) << qsizetype(3) << quint64(42) << Indexes{};
}

void TestSampling::aFixedSeedGivesAFixedSample()
{
    QFETCH(qsizetype, population);
    QFETCH(qsizetype, size);
    QFETCH(quint64, seed);
    QFETCH(Indexes, expected);
    QCOMPARE(Sampler::draw(population, size, seed), expected);
}

void TestSampling::sampleIsTheSameFromTwoCalls()
{
    QCOMPARE(Sampler::draw(1000, 50, 20261123), Sampler::draw(1000, 50, 20261123));
    const QStringList strata{u"a"_s, u"b"_s, u"a"_s, u"c"_s, u"b"_s, u"a"_s};
    QCOMPARE(Sampler::drawStratified(strata, 4, 9)->indexes, Sampler::drawStratified(strata, 4, 9)->indexes);
}

void TestSampling::sampleHasNoRepeatsAndStaysInRange()
{
    const Indexes sample = Sampler::draw(100, 60, 3);
    QCOMPARE(sample.size(), 60);
    QCOMPARE(QSet<qsizetype>(sample.cbegin(), sample.cend()).size(), 60);
    for (qsizetype index : sample) {
        QVERIFY(index >= 0 && index < 100);
    }
}

void TestSampling::otherSeedsGiveOtherSamples()
{
    QVERIFY(Sampler::draw(1000, 20, 1) != Sampler::draw(1000, 20, 2));
}

// 10,000 draws of one index out of 10: each count should be near 1,000; a bias of a few percent
// would show. The bound 3 sigma is 90.
void TestSampling::everyIndexIsAboutEquallyLikely()
{
    std::mt19937_64 engine(11);
    QList<int> counts(10, 0);
    for (int i = 0; i < 10000; ++i) {
        ++counts[Sampler::draw(10, 1, engine).constFirst()];
    }
    for (int count : std::as_const(counts)) {
        QVERIFY2(std::abs(count - 1000) < 90, qPrintable(QString::number(count)));
    }
}

void TestSampling::allocationIsProportionalWithOnePerStratum_data()
{
    QTest::addColumn<Sizes>("strata");
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<Sizes>("expected");
    QTest::addRow("exact shares") << Sizes{50, 30, 20} << qsizetype(10) << Sizes{5, 3, 2};
    // Shares 2.33 each: one seat left over, the tie goes to the first stratum.
    QTest::addRow("largest remainder, tie") << Sizes{5, 5, 5} << qsizetype(7) << Sizes{3, 2, 2};
    // Shares 4.2, 3.3, 2.5: floors 4, 3, 2 and one seat for the largest remainder (0.5).
    QTest::addRow("largest remainder") << Sizes{42, 33, 25} << qsizetype(10) << Sizes{4, 3, 3};
    // Shares 9.7, 0.2, 0.1: the small strata get one each, the large one the other 8.
    QTest::addRow("small strata get one") << Sizes{97, 2, 1} << qsizetype(10) << Sizes{8, 1, 1};
    // Share of c 5·1/10 = 0.5 < 1: c gets one; 4 left for 9: 2.67 and 1.33, so 3 and 1.
    QTest::addRow("shared again after the small one") << Sizes{6, 3, 1} << qsizetype(5) << Sizes{3, 1, 1};
    QTest::addRow("size covers all") << Sizes{3, 2} << qsizetype(9) << Sizes{3, 2};
    QTest::addRow("empty strata get none") << Sizes{4, 0, 4} << qsizetype(4) << Sizes{2, 0, 2};
    QTest::addRow("one per stratum exactly") << Sizes{10, 10, 10} << qsizetype(3) << Sizes{1, 1, 1};
}

void TestSampling::allocationIsProportionalWithOnePerStratum()
{
    QFETCH(Sizes, strata);
    QFETCH(qsizetype, size);
    QFETCH(Sizes, expected);
    const std::optional<Sizes> allocation = Sampler::allocate(strata, size);
    QVERIFY(allocation);
    QCOMPARE(*allocation, expected);
    const qsizetype total = std::accumulate(strata.cbegin(), strata.cend(), qsizetype(0));
    QCOMPARE(std::accumulate(allocation->cbegin(), allocation->cend(), qsizetype(0)), std::min(size, total));
    for (qsizetype h = 0; h < strata.size(); ++h) {
        QVERIFY(allocation->at(h) <= strata[h]);
        QVERIFY(strata[h] == 0 || allocation->at(h) >= 1);
    }
}

void TestSampling::allocationRefusesFewerDocumentsThanStrata()
{
    QVERIFY(!Sampler::allocate({5, 5, 5}, 2));
    QVERIFY(!Sampler::drawStratified({u"a"_s, u"b"_s, u"c"_s}, 2, 1));
}

void TestSampling::stratifiedSampleDrawsEachStratumsShare()
{
    // Strata a: items 0 2 4 6 7 9, b: 1 5 8, c: 3. Five of ten: a 3, b 1, c 1.
    const QStringList strata{u"a"_s, u"b"_s, u"a"_s, u"c"_s, u"a"_s, u"b"_s, u"a"_s, u"a"_s, u"b"_s, u"a"_s};
    const std::optional<Sampler::Stratified> sample = Sampler::drawStratified(strata, 5, 42);
    QVERIFY(sample);
    QCOMPARE(sample->strata, (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(sample->sizes, (Sizes{6, 3, 1}));
    QCOMPARE(sample->drawn, (Sizes{3, 1, 1}));
    // Checked against the Python implementation: one engine, strata in name order.
    QCOMPARE(sample->indexes, (Indexes{0, 9, 7, 1, 3}));
    QCOMPARE(strata[sample->indexes[0]], u"a"_s);
    QCOMPARE(strata[sample->indexes[3]], u"b"_s);
    QCOMPARE(strata[sample->indexes[4]], u"c"_s);
}

void TestSampling::stratifiedSampleIsReproducible()
{
    QStringList strata;
    for (int i = 0; i < 300; ++i) {
        strata.append(i % 7 == 0 ? u"rare"_s : i % 2 ? u"odd"_s : u"even"_s);
    }
    const auto first = Sampler::drawStratified(strata, 30, 77);
    const auto second = Sampler::drawStratified(strata, 30, 77);
    QVERIFY(first && second);
    QCOMPARE(first->indexes, second->indexes);
    QCOMPARE(first->drawn, second->drawn);
    QVERIFY(first->indexes != Sampler::drawStratified(strata, 30, 78)->indexes);
}

namespace {

struct Hit
{
    QString rule;
    Severity severity = Severity::Warning;
};

// A document's profile from the labels of its spans and its findings, as DocumentFacts::of
// would count them.
DocumentProfile profile(const QString &id, const QStringList &labels, const QList<Hit> &hits = {})
{
    DocumentProfile result;
    result.id = id;
    QMap<QString, qsizetype> spans;
    for (const QString &label : labels) {
        ++spans[label];
    }
    for (auto it = spans.cbegin(); it != spans.cend(); ++it) {
        result.facts.labels.append({it.key(), it.value()});
    }
    for (const Hit &hit : hits) {
        result.facts.rules.append({hit.rule, hit.severity, 1});
        ++result.facts.bySeverity[std::size_t(hit.severity)];
    }
    std::sort(result.facts.rules.begin(), result.facts.rules.end(),
              [](const auto &a, const auto &b) { return a.rule < b.rule; });
    return result;
}

} // namespace

void TestSampling::labelStratumIsTheRarestLabel()
{
    // model is in 3 documents, hardware and year in 2, country in 1.
    const QList<DocumentProfile> profiles{
        profile(u"a"_s, {u"model"_s, u"hardware"_s, u"model"_s}),
        profile(u"b"_s, {u"model"_s, u"year"_s, u"hardware"_s}), // year and hardware tie: by name
        profile(u"c"_s, {u"model"_s}),
        profile(u"d"_s, {}),
        profile(u"e"_s, {u"year"_s, u"country"_s}),
    };
    QCOMPARE(SampleStrata::of(profiles, Stratify::Label),
             (QStringList{u"hardware"_s, u"hardware"_s, u"model"_s, u"(no spans)"_s, u"country"_s}));
    QCOMPARE(SampleStrata::of(profiles, Stratify::None), QStringList(5, u""_s));
}

void TestSampling::ruleStratumIsTheMostSevereFindingsRule()
{
    const QList<DocumentProfile> profiles{
        profile(u"a"_s, {}, {Hit{u"span-boundary"_s, Severity::Warning}, Hit{u"field-conflict"_s, Severity::Error}}),
        // Two warnings: `annorev rules` lists label-unknown before span-boundary.
        profile(u"b"_s, {}, {Hit{u"span-boundary"_s, Severity::Warning}, Hit{u"label-unknown"_s, Severity::Warning}}),
        profile(u"c"_s, {}, {Hit{u"model-multiple"_s, Severity::Info}}),
        profile(u"d"_s, {}),
    };
    QCOMPARE(SampleStrata::of(profiles, Stratify::Rule),
             (QStringList{u"field-conflict"_s, u"label-unknown"_s, u"model-multiple"_s, u"clean"_s}));
}

QTEST_GUILESS_MAIN(TestSampling)
#include "tst_sampling.moc"
