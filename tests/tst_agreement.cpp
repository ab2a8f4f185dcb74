#include "agreement.h"
#include "annotatedbatch.h"
#include "schema.h"
#include "spancomparison.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace annorev;
using namespace Qt::StringLiterals;

using Ranges = QList<std::pair<qsizetype, qsizetype>>;

namespace {

AnnotatedText text(const QString &id, const QString &plain, const QList<AnnotatedText::Span> &spans)
{
    return AnnotatedText{id, plain, OffsetUnit::Utf16, spans};
}

void compareScore(const std::optional<double> &actual, double expected)
{
    QVERIFY(actual);
    QVERIFY2(std::abs(*actual - expected) < 1e-9, qPrintable(u"%1, expected %2"_s.arg(*actual).arg(expected)));
}

} // namespace

class TestAgreement : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tokensAreRunsOfLettersAndDigits_data();
    void tokensAreRunsOfLettersAndDigits();
    void batchesAreMatchedById();
    void exactAndOverlapScoresPerLabel_data();
    void exactAndOverlapScoresPerLabel();
    void overallScoresAreMicroAveraged();
    void kappaOverTokens();
    void documentsThatDifferComeMostDifferentFirst();
    void overlapPairsByLargestOverlapAfterExactMatches();
    void eachSpanMatchesOnce();
    void scoresWithoutSpansAreUndefined();
    void longGeneratedPairGivesTheRecordedComparison();

private:
    Agreement::Result m_fixture;
};

// tests/data/compare: d1–d3 are in both batches with the same text; d4's texts differ; only-a.txt
// and only-b.txt are in one batch each.
//   d1 "Foo-7B was trained on 64 NVIDIA A100 GPUs in Canada."
//      A: model Foo-7B, gpu_count 64, hardware "NVIDIA A100", country Canada
//      B: model Foo-7B, gpu_count 64, hardware "NVIDIA A100 GPUs"
//   d2 "Bar-1 has 7 billion parameters, released in 2023."  A and B: model, params, year
//   d3 "Trained for 21 days on TPUs."  A: training "21 days"; B: training, hardware TPUs
// A has 8 spans, B 8. Exact matches: model 2, gpu_count 1, params 1, year 1, training 1 = 6.
// Overlap adds the hardware pair of d1 (25–36 and 25–41): 7.
void TestAgreement::initTestCase()
{
    const QString data = QFINDTESTDATA("data/compare");
    QVERIFY(!data.isEmpty());
    const AnnotatedBatch a = AnnotatedBatch::read({data + u"/a"_s}, Schema::builtin(), OffsetUnit::CodePoint);
    const AnnotatedBatch b = AnnotatedBatch::read({data + u"/b"_s}, Schema::builtin(), OffsetUnit::CodePoint);
    QVERIFY(a.errors.isEmpty());
    QVERIFY(b.errors.isEmpty());
    QCOMPARE(a.documents.size(), 5);
    m_fixture = Agreement::compare(a.documents, b.documents);
}

void TestAgreement::tokensAreRunsOfLettersAndDigits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<OffsetUnit>("unit");
    QTest::addColumn<Ranges>("tokens");
    QTest::addRow("words and punctuation")
        << u"Foo-7B was trained on 64 NVIDIA A100 GPUs."_s << OffsetUnit::Utf16
        << Ranges{{0, 3}, {4, 6}, {7, 10}, {11, 18}, {19, 21}, {22, 24}, {25, 31}, {32, 36}, {37, 41}};
    QTest::addRow("combining mark stays in the word")
        << u"cafe\u0301 ok"_s << OffsetUnit::Utf16 << Ranges{{0, 5}, {6, 8}};
    // U+1D400 MATHEMATICAL BOLD CAPITAL A is a letter outside the BMP: two UTF-16 units, one code point.
    QTest::addRow("astral letter, utf16")
        << u"a \U0001D400b c"_s << OffsetUnit::Utf16 << Ranges{{0, 1}, {2, 5}, {6, 7}};
    QTest::addRow("astral letter, code points")
        << u"a \U0001D400b c"_s << OffsetUnit::CodePoint << Ranges{{0, 1}, {2, 4}, {5, 6}};
    QTest::addRow("no token") << u" -- "_s << OffsetUnit::Utf16 << Ranges{};
}

void TestAgreement::tokensAreRunsOfLettersAndDigits()
{
    QFETCH(QString, text);
    QFETCH(OffsetUnit, unit);
    QFETCH(Ranges, tokens);
    QCOMPARE(Agreement::tokens(text, unit), tokens);
}

void TestAgreement::batchesAreMatchedById()
{
    QCOMPARE(m_fixture.compared, 3);
    QCOMPARE(m_fixture.onlyInA, QStringList{u"only-a.txt"_s});
    QCOMPARE(m_fixture.onlyInB, QStringList{u"only-b.txt"_s});
    QCOMPARE(m_fixture.textDiffers, QStringList{u"d4.txt"_s});
    QCOMPARE(m_fixture.labels, (QStringList{u"country"_s, u"gpu_count"_s, u"hardware"_s, u"model"_s, u"params"_s,
                                            u"training"_s, u"year"_s}));
}

void TestAgreement::exactAndOverlapScoresPerLabel_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<qsizetype>("aSpans");
    QTest::addColumn<qsizetype>("bSpans");
    QTest::addColumn<qsizetype>("exact");
    QTest::addColumn<qsizetype>("overlap");
    QTest::addRow("model") << u"model"_s << qsizetype(2) << qsizetype(2) << qsizetype(2) << qsizetype(2);
    // A: d1's "NVIDIA A100"; B: d1's "NVIDIA A100 GPUs" and d3's "TPUs".
    QTest::addRow("hardware") << u"hardware"_s << qsizetype(1) << qsizetype(2) << qsizetype(0) << qsizetype(1);
    QTest::addRow("country, only in A") << u"country"_s << qsizetype(1) << qsizetype(0) << qsizetype(0) << qsizetype(0);
    QTest::addRow("training") << u"training"_s << qsizetype(1) << qsizetype(1) << qsizetype(1) << qsizetype(1);
}

void TestAgreement::exactAndOverlapScoresPerLabel()
{
    QFETCH(QString, label);
    QFETCH(qsizetype, aSpans);
    QFETCH(qsizetype, bSpans);
    QFETCH(qsizetype, exact);
    QFETCH(qsizetype, overlap);
    const Agreement::Counts counts = m_fixture.perLabel.value(label);
    QCOMPARE(counts.aSpans, aSpans);
    QCOMPARE(counts.bSpans, bSpans);
    QCOMPARE(counts.exact, exact);
    QCOMPARE(counts.overlap, overlap);
    if (label == u"hardware") {
        // Exact: nothing matched, P = 0/2, R = 0/1, F1 = 0. Overlap: P = 1/2, R = 1/1, F1 = 2·1/3.
        compareScore(counts.exactScores().precision, 0);
        compareScore(counts.exactScores().recall, 0);
        compareScore(counts.exactScores().f1, 0);
        compareScore(counts.overlapScores().precision, 0.5);
        compareScore(counts.overlapScores().recall, 1);
        compareScore(counts.overlapScores().f1, 2.0 / 3.0);
    } else if (label == u"country") {
        // B has no country span: precision is undefined, recall 0, F1 2·0/(1 + 0) = 0.
        QVERIFY(!counts.exactScores().precision);
        compareScore(counts.exactScores().recall, 0);
        compareScore(counts.exactScores().f1, 0);
    } else {
        compareScore(counts.exactScores().f1, 1);
    }
}

void TestAgreement::overallScoresAreMicroAveraged()
{
    const Agreement::Counts &overall = m_fixture.overall;
    QCOMPARE(overall.aSpans, 8);
    QCOMPARE(overall.bSpans, 8);
    QCOMPARE(overall.exact, 6);
    QCOMPARE(overall.overlap, 7);
    compareScore(overall.exactScores().precision, 0.75);
    compareScore(overall.exactScores().recall, 0.75);
    compareScore(overall.exactScores().f1, 0.75);
    compareScore(overall.overlapScores().precision, 0.875);
    compareScore(overall.overlapScores().recall, 0.875);
    compareScore(overall.overlapScores().f1, 0.875);
}

// 26 tokens: d1 11 (Foo 7B was trained on 64 NVIDIA A100 GPUs in Canada), d2 9, d3 6. They
// differ on three: GPUs (A outside, B hardware), Canada (country, outside), TPUs (outside,
// hardware). p_o = 23/26.
//   A: model 4, gpu_count 1, hardware 2, country 1, params 2, year 1, training 2, outside 13
//   B: model 4, gpu_count 1, hardware 4, country 0, params 2, year 1, training 2, outside 12
// p_e = (16 + 1 + 8 + 0 + 4 + 1 + 4 + 156) / 676 = 190/676, so
// κ = (598/676 − 190/676) / (486/676) = 408/486 = 68/81.
void TestAgreement::kappaOverTokens()
{
    QCOMPARE(m_fixture.tokens, 26);
    compareScore(m_fixture.kappa, 68.0 / 81.0);
    // hardware or not: both 2 (NVIDIA, A100), neither 22; p_o = 24/26,
    // p_e = (2·4 + 24·22)/676 = 536/676, κ = 88/140.
    compareScore(m_fixture.labelKappa.value(u"hardware"_s), 88.0 / 140.0);
    // country or not: A 1, B 0, p_o = 25/26 = p_e: κ = 0.
    compareScore(m_fixture.labelKappa.value(u"country"_s), 0);
    compareScore(m_fixture.labelKappa.value(u"model"_s), 1);
}

void TestAgreement::documentsThatDifferComeMostDifferentFirst()
{
    QCOMPARE(m_fixture.differing.size(), 2);
    // d1: A's hardware and country and B's hardware have no exact match.
    const Agreement::DocumentDiff &d1 = m_fixture.differing[0];
    QCOMPARE(d1.id, u"d1.txt"_s);
    QCOMPARE(d1.unmatched(), 3);
    QCOMPARE(d1.unmatchedA, (QList<qsizetype>{2, 3}));
    QCOMPARE(d1.unmatchedB, QList<qsizetype>{2});
    QCOMPARE(d1.counts.exact, 2);
    QCOMPARE(d1.counts.overlap, 3);
    QCOMPARE(m_fixture.differing[1].id, u"d3.txt"_s);
    QCOMPARE(m_fixture.differing[1].unmatched(), 1);
}

void TestAgreement::overlapPairsByLargestOverlapAfterExactMatches()
{
    // A's [0, 10) overlaps B's [0, 3) by 3 and [2, 10) by 8: it pairs with the larger. A's
    // [20, 25) matches B's [20, 25) exactly, although B's [18, 30) overlaps it as much.
    const QString plain = u"abcdefghij klmnopqrs tuvwx yz0123"_s;
    const auto a = text(u"x"_s, plain, {{u"model"_s, 0, 10, {}}, {u"model"_s, 20, 25, {}}});
    const auto b =
        text(u"x"_s, plain,
             {{u"model"_s, 0, 3, {}}, {u"model"_s, 2, 10, {}}, {u"model"_s, 18, 30, {}}, {u"model"_s, 20, 25, {}}});
    const Agreement::Result result = Agreement::compare({a}, {b});
    QCOMPARE(result.overall.exact, 1);
    QCOMPARE(result.overall.overlap, 2);
    QCOMPARE(result.differing.constFirst().unmatchedB, (QList<qsizetype>{0, 1, 2}));
}

void TestAgreement::eachSpanMatchesOnce()
{
    // Two identical spans in B against one in A: one matches, the other is spurious; a span of
    // another label never matches.
    const QString plain = u"Foo-7B"_s;
    const auto a = text(u"x"_s, plain, {{u"model"_s, 0, 6, {}}});
    const auto b = text(u"x"_s, plain, {{u"model"_s, 0, 6, {}}, {u"model"_s, 0, 6, {}}, {u"params"_s, 0, 6, {}}});
    const Agreement::Result result = Agreement::compare({a}, {b});
    QCOMPARE(result.perLabel.value(u"model"_s).exact, 1);
    QCOMPARE(result.perLabel.value(u"model"_s).overlap, 1);
    QCOMPARE(result.perLabel.value(u"params"_s).overlap, 0);
    compareScore(result.overall.exactScores().precision, 1.0 / 3.0);
    compareScore(result.overall.exactScores().recall, 1);
}

void TestAgreement::scoresWithoutSpansAreUndefined()
{
    const auto a = text(u"x"_s, u"plain words"_s, {});
    const Agreement::Result result = Agreement::compare({a}, {a});
    QCOMPARE(result.compared, 1);
    QVERIFY(!result.overall.exactScores().precision);
    QVERIFY(!result.overall.exactScores().recall);
    QVERIFY(!result.overall.exactScores().f1);
    // Every token is outside on both sides: chance agreement is 1, kappa undefined.
    QCOMPARE(result.tokens, 2);
    QVERIFY(!result.kappa);
    QVERIFY(result.differing.isEmpty());
}

void TestAgreement::longGeneratedPairGivesTheRecordedComparison()
{
    // Seeded random spans over one text, overlapping, nested and empty on both sides: pairing,
    // scores, kappa and the comparison rows must be what the all-pairs pairing and the painted
    // categories gave before compare was made O(n log n).
    quint32 state = 777;
    auto next = [&state](quint32 bound) {
        state = state * 1664525u + 1013904223u;
        return qsizetype((state >> 8) % bound);
    };
    QString plain;
    for (int i = 0; i < 6000; ++i) {
        plain += u"w"_s.repeated(1 + next(6)) + (next(10) == 0 ? u", "_s : u" "_s);
    }
    const QStringList labels = {u"model"_s, u"hardware"_s, u"gpu_count"_s};
    auto spans = [&](int count) {
        QList<AnnotatedText::Span> result;
        for (int i = 0; i < count; ++i) {
            const qsizetype start = next(plain.size());
            const qsizetype end = std::min(plain.size(), start + next(next(8) == 0 ? 200 : 12));
            result.append({labels[next(3)], start, end, plain.mid(start, end - start)});
        }
        return result;
    };
    const AnnotatedText a = text(u"d"_s, plain, spans(3000));
    AnnotatedText b = text(u"d"_s, plain, spans(1500));
    for (qsizetype i = 0; i < a.spans.size(); i += 2) {
        AnnotatedText::Span span = a.spans[i];
        span.end = std::min(plain.size(), span.end + next(3)); // exact, or a boundary off by one or two
        b.spans.append(span);
    }

    const Agreement::Pairing pairing = Agreement::pairSpans(a, b);
    const Agreement::Result result = Agreement::compare({a}, {b});
    const SpanComparison comparison = SpanComparison::of(a, b);
    QByteArray actual;
    for (qsizetype i = 0; i < a.spans.size(); ++i) {
        actual += QByteArray::number(pairing.partnerOfA[i]) + (pairing.exact[i] ? "=" : "~") + ' ';
    }
    actual += "\ntokens " + QByteArray::number(result.tokens) + " exact " + QByteArray::number(result.overall.exact) +
              " overlap " + QByteArray::number(result.overall.overlap) + " kappa " +
              QByteArray::number(result.kappa.value_or(-9), 'g', 12) + '\n';
    for (const QString &label : result.labels) {
        actual +=
            label.toUtf8() + ' ' + QByteArray::number(result.labelKappa.value(label).value_or(-9), 'g', 12) + '\n';
    }
    for (const SpanComparison::Row &row : comparison.rows) {
        actual += QByteArray::number(int(row.side)) + ' ' + QByteArray::number(row.start) + '-' +
                  QByteArray::number(row.end) + ' ' + QByteArray::number(row.partner) + '\n';
    }
    const QString expectedPath = QFINDTESTDATA("data/compare-long.txt");
    QFile expected(expectedPath);
    if (expectedPath.isEmpty() || !expected.open(QIODevice::ReadOnly)) {
        QFile out(QDir::temp().filePath(u"compare-long.txt"_s));
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(actual) == actual.size());
        QFAIL(qPrintable(u"no tests/data/compare-long.txt: the result is in %1"_s.arg(out.fileName())));
    }
    QVERIFY(result.overall.overlap > result.overall.exact);
    QVERIFY(actual == expected.readAll());
}

QTEST_GUILESS_MAIN(TestAgreement)
#include "tst_agreement.moc"
