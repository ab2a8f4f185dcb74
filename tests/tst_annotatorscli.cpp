#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using annorev::test::readFile;
using annorev::test::writeFile;

namespace {

using Run = annorev::test::CliRun;

Run cli(const QStringList &arguments)
{
    return annorev::test::runAnnorev(arguments);
}

} // namespace

// `annorev adjudicate` and `annorev compare` of more than two batches, on tests/data/adjudicate:
// three annotators, alice, bob and carol, of
//   d1 "Foo-7B was trained on 64 NVIDIA A100 GPUs in Canada."
//      all: model Foo-7B, gpu_count 64; alice and bob: hardware "NVIDIA A100" (25-36), carol
//      "NVIDIA A100 GPUs" (25-41); alice alone: country Canada (45-51)
//   d2 "🚀 Bar-1 has 7 billion parameters." all: model Bar-1, params "7 billion" (the rocket is one
//      code point and two UTF-16 units: Bar-1 is 2-7)
//   d3 "Trained for 21 days on TPUs." alice and bob: training "21 days"; bob: hardware TPUs
//      (23-27); carol lacks d3. bob's lines are in another order.
class TestAnnotatorsCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void adjudicateWritesTheAgreedSpansAndQueuesTheRest();
    void adjudicateReportsWhoChoseWhatAsJson();
    void mergedBatchIsOneAnnorevReads();
    void minAgreeDecidesWhatIsAccepted();
    void adjudicateRefusesAnOutputThatWouldDestroyInput_data();
    void adjudicateRefusesAnOutputThatWouldDestroyInput();
    void adjudicateUsageErrors_data();
    void adjudicateUsageErrors();
    void compareGivesFleissKappaAndKrippendorffAlphaAcrossAllBatches();
    void compareOfTwoBatchesKeepsItsReportAndAddsTheFigures();

private:
    QString m_data;
    QString m_alice;
    QString m_bob;
    QString m_carol;
};

void TestAnnotatorsCli::initTestCase()
{
    m_data = QFINDTESTDATA("data/adjudicate");
    QVERIFY(!m_data.isEmpty());
    m_alice = m_data + u"/alice.jsonl"_s;
    m_bob = m_data + u"/bob.jsonl"_s;
    m_carol = m_data + u"/carol.jsonl"_s;
}

void TestAnnotatorsCli::adjudicateWritesTheAgreedSpansAndQueuesTheRest()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"merged.jsonl"_s);
    const Run run = cli({u"adjudicate"_s, u"--out"_s, out, m_alice, m_bob, m_carol});
    QCOMPARE(run.exitCode, 1); // spans were queued
    // In alice's order; each document is alice's source with the accepted spans.
    QCOMPARE(
        QString::fromUtf8(readFile(out)),
        uR"({"id": "d1", "text": "<model>Foo-7B</model> was trained on <gpu_count>64</gpu_count> <hardware>NVIDIA A100</hardware> GPUs in Canada."}
{"id": "d2", "text": "🚀 <model>Bar-1</model> has <params>7 billion</params> parameters."}
{"id": "d3", "text": "Trained for <training>21 days</training> on TPUs."}
)"_s);
    QCOMPARE(run.err, "annorev: warning: document d3 is not in carol (" + m_carol.toUtf8() +
                          "): merged from the other 2 batches\n");
    const QByteArray expected = "alice: " + m_alice.toUtf8() + "\nbob: " + m_bob.toUtf8() +
                                "\ncarol: " + m_carol.toUtf8() + "\n3 documents, 3 written to " + out.toUtf8() +
                                "; a span needs 2 of 3 votes\n"
                                "6 spans accepted, 3 queued (3 with too few votes, 0 overlapping another with "
                                "enough)\n\n"
                                "disputed spans, by document (offsets in code points):\n"
                                "  d1 (alice, bob, carol)\n"
                                "    at 25-41:\n"
                                "      accepted hardware 25-36 \"NVIDIA A100\": alice, bob\n"
                                "      queued   hardware 25-41 \"NVIDIA A100 GPUs\": carol\n"
                                "    at 45-51:\n"
                                "      queued   country 45-51 \"Canada\": alice\n"
                                "      no span: bob, carol\n"
                                "  d3 (alice, bob)\n"
                                "    at 23-27:\n"
                                "      queued   hardware 23-27 \"TPUs\": bob\n"
                                "      no span: alice\n";
    QCOMPARE(run.out, expected);
    // The sources are read, never written, and no store is made.
    QVERIFY(!QFileInfo::exists(m_alice + u".annorev.sqlite"_s));
}

void TestAnnotatorsCli::adjudicateReportsWhoChoseWhatAsJson()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"merged.jsonl"_s);
    const Run run = cli({u"adjudicate"_s, u"--format"_s, u"json"_s, u"--names"_s, u"ann,bo,cy"_s, u"--out"_s, out,
                         m_alice, m_bob, m_carol});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("document d3 is not in cy ("), run.err.constData());
    const QJsonObject report = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(report[u"min_agree"_s].toInt(), 2);
    QCOMPARE(report[u"documents"_s].toInt(), 3);
    QCOMPARE(report[u"written"_s].toInt(), 3);
    QCOMPARE(report[u"accepted"_s].toInt(), 6);
    QCOMPARE(report[u"too_few_votes"_s].toInt(), 3);
    QCOMPARE(report[u"overlaps"_s].toInt(), 0);
    QCOMPARE(report[u"annotators"_s][2][u"name"_s].toString(), u"cy"_s);
    QCOMPARE(report[u"annotators"_s][2][u"batch"_s].toString(), m_carol);
    const QJsonArray disputed = report[u"disputed"_s].toArray();
    QCOMPARE(disputed.size(), 2);
    QCOMPARE(disputed[0][u"id"_s].toString(), u"d1"_s);
    const QJsonObject boundary = disputed[0][u"disputes"_s][0].toObject();
    QCOMPARE(boundary[u"start"_s].toInt(), 25);
    QCOMPARE(boundary[u"end"_s].toInt(), 41);
    const QJsonObject carols = boundary[u"spans"_s][1].toObject();
    QCOMPARE(carols[u"label"_s].toString(), u"hardware"_s);
    QCOMPARE(carols[u"text"_s].toString(), u"NVIDIA A100 GPUs"_s);
    QCOMPARE(carols[u"annotators"_s].toArray(), QJsonArray{u"cy"_s});
    QCOMPARE(carols[u"outcome"_s].toString(), u"too_few_votes"_s);
    QCOMPARE(boundary[u"spans"_s][0][u"outcome"_s].toString(), u"accepted"_s);
    const QJsonObject country = disputed[0][u"disputes"_s][1].toObject();
    QCOMPARE(country[u"no_span"_s].toArray(), (QJsonArray{u"bo"_s, u"cy"_s}));
    QCOMPARE(disputed[1][u"annotators"_s].toArray(), (QJsonArray{u"ann"_s, u"bo"_s}));
}

void TestAnnotatorsCli::mergedBatchIsOneAnnorevReads()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"merged.jsonl"_s);
    QCOMPARE(cli({u"adjudicate"_s, u"--out"_s, out, m_alice, m_bob, m_carol}).exitCode, 1);
    // Merging the merged batch with itself changes nothing and queues nothing.
    const QString again = dir.filePath(u"again.jsonl"_s);
    const Run run = cli({u"adjudicate"_s, u"--out"_s, again, out, out});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(readFile(again), readFile(out));
    const Run compared = cli({u"compare"_s, out, m_bob});
    QCOMPARE(compared.exitCode, 0);
    QVERIFY2(compared.out.contains("3 documents compared"), compared.out.constData());
}

void TestAnnotatorsCli::minAgreeDecidesWhatIsAccepted()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"merged.jsonl"_s);
    // One vote is enough: every span someone marked, but d1's two hardware spans overlap and both
    // have enough: both are queued.
    const Run run = cli({u"adjudicate"_s, u"--min-agree"_s, u"1"_s, u"--out"_s, out, m_alice, m_bob, m_carol});
    QCOMPARE(run.exitCode, 1);
    const QByteArray merged = readFile(out);
    QVERIFY2(merged.contains("GPUs in <country>Canada</country>."), merged.constData());
    QVERIFY2(merged.contains("64</gpu_count> NVIDIA A100 GPUs in"), merged.constData());
    QVERIFY2(merged.contains("on <hardware>TPUs</hardware>."), merged.constData());
    QVERIFY2(run.out.contains("      overlaps hardware 25-36 \"NVIDIA A100\": alice, bob\n"
                              "      overlaps hardware 25-41 \"NVIDIA A100 GPUs\": carol\n"),
             run.out.constData());
    // All three: only the unanimous spans.
    const Run all = cli({u"adjudicate"_s, u"--min-agree"_s, u"3"_s, u"--out"_s, out, m_alice, m_bob, m_carol});
    QCOMPARE(all.exitCode, 1);
    QVERIFY2(readFile(out).contains("\"Trained for 21 days on TPUs.\""), readFile(out).constData());
}

void TestAnnotatorsCli::adjudicateRefusesAnOutputThatWouldDestroyInput_data()
{
    QTest::addColumn<QString>("out"); // relative to a folder holding copies of the batches
    QTest::addColumn<QByteArray>("message");
    QTest::addRow("out is an input") << u"bob.jsonl"_s << QByteArray("is a file of the batch");
    QTest::addRow("out is an input through ..") << u"folder/../alice.jsonl"_s << QByteArray("is a file of the batch");
    QTest::addRow("out inside a folder batch") << u"folder/merged.jsonl"_s << QByteArray("is inside the batch folder");
    QTest::addRow("out not JSON Lines") << u"merged.txt"_s << QByteArray("name a .jsonl file");
}

void TestAnnotatorsCli::adjudicateRefusesAnOutputThatWouldDestroyInput()
{
    QFETCH(QString, out);
    QFETCH(QByteArray, message);
    QTemporaryDir dir;
    QVERIFY(QFile::copy(m_alice, dir.filePath(u"alice.jsonl"_s)));
    QVERIFY(QFile::copy(m_bob, dir.filePath(u"bob.jsonl"_s)));
    writeFile(dir.filePath(u"folder/d1.txt"_s), "<model>Foo-7B</model> was trained on 64 NVIDIA A100 GPUs in Canada.");
    const QByteArray alice = readFile(m_alice);
    const QByteArray bob = readFile(m_bob);
    const Run run = cli({u"adjudicate"_s, u"--out"_s, dir.filePath(out), dir.filePath(u"alice.jsonl"_s),
                         dir.filePath(u"bob.jsonl"_s), dir.filePath(u"folder"_s)});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
    QCOMPARE(run.out, QByteArray());
    QCOMPARE(readFile(dir.filePath(u"alice.jsonl"_s)), alice);
    QCOMPARE(readFile(dir.filePath(u"bob.jsonl"_s)), bob);
    QVERIFY(!QFileInfo::exists(dir.filePath(u"folder/merged.jsonl"_s)));
    QVERIFY(!QFileInfo::exists(dir.filePath(u"merged.txt"_s)));
}

void TestAnnotatorsCli::adjudicateUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments"); // OUT is a path in a temporary folder
    QTest::addColumn<QByteArray>("message");
    QTest::addRow("one batch") << QStringList{u"--out"_s, u"OUT"_s, u"ALICE"_s}
                               << QByteArray("name two batches or more to merge");
    QTest::addRow("no --out") << QStringList{u"ALICE"_s, u"BOB"_s} << QByteArray("--out FILE is needed");
    QTest::addRow("K of 0") << QStringList{u"--min-agree"_s, u"0"_s, u"--out"_s, u"OUT"_s, u"ALICE"_s, u"BOB"_s}
                            << QByteArray("--min-agree is a whole number from 1 to 2 (the batches), not \"0\"");
    QTest::addRow("K above N") << QStringList{u"--min-agree"_s, u"3"_s, u"--out"_s, u"OUT"_s, u"ALICE"_s, u"BOB"_s}
                               << QByteArray("not \"3\"");
    QTest::addRow("K not a number") << QStringList{u"--min-agree"_s, u"most"_s,  u"--out"_s,
                                                   u"OUT"_s,         u"ALICE"_s, u"BOB"_s}
                                    << QByteArray("not \"most\"");
    QTest::addRow("too few names") << QStringList{u"--names"_s, u"a"_s, u"--out"_s, u"OUT"_s, u"ALICE"_s, u"BOB"_s}
                                   << QByteArray("--names gives 1 names for 2 batches");
    QTest::addRow("one name twice") << QStringList{u"--names"_s, u"a,a"_s, u"--out"_s, u"OUT"_s, u"ALICE"_s, u"BOB"_s}
                                    << QByteArray("a name of its own");
    QTest::addRow("unreadable batch") << QStringList{u"--out"_s, u"OUT"_s, u"ALICE"_s, u"nowhere.jsonl"_s}
                                      << QByteArray("nowhere.jsonl: error: cannot read");
}

void TestAnnotatorsCli::adjudicateUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"merged.jsonl"_s);
    arguments.replaceInStrings(u"OUT"_s, out);
    arguments.replaceInStrings(u"ALICE"_s, m_alice);
    arguments.replaceInStrings(u"BOB"_s, m_bob);
    arguments.prepend(u"adjudicate"_s);
    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
    if (QTest::currentDataTag() != QByteArrayView("unreadable batch")) {
        QVERIFY(!QFileInfo::exists(out));
    }
}

void TestAnnotatorsCli::compareGivesFleissKappaAndKrippendorffAlphaAcrossAllBatches()
{
    // Tokens (the rocket is none): d1 11, d2 6, d3 6. Every batch holds d1 and d2: 17 units of 3,
    // unanimous but for GPUs (O, O, hardware) and Canada (country, O, O). Σ n² = 15 · 9 + 2 · 5 =
    // 145, P̄ = (145 − 51) / 102; totals model 12, gpu_count 3, hardware 7, country 1, params 6,
    // outside 22 of 51: P̄e = 723 / 2601; κ = 279/313. Alpha adds d3's 6 pairs (alice, bob), TPUs
    // apart: 23 units, n = 63, α = 1243/1429.
    const Run run = cli({u"compare"_s, u"--format"_s, u"json"_s, m_alice, m_bob, m_carol});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject result = QJsonDocument::fromJson(run.out).object();
    const QJsonArray pairs = result[u"pairs"_s].toArray();
    QCOMPARE(pairs.size(), 3);
    QCOMPARE(pairs[0][u"a"_s].toString(), m_alice);
    QCOMPARE(pairs[0][u"b"_s].toString(), m_bob);
    QCOMPARE(pairs[2][u"a"_s].toString(), m_bob);
    QCOMPARE(pairs[2][u"b"_s].toString(), m_carol);
    QCOMPARE(pairs[1][u"only_in_a"_s].toArray(), QJsonArray{u"d3"_s});
    const QJsonObject across = result[u"across"_s].toObject();
    QCOMPARE(across[u"documents"_s].toInt(), 3);
    QCOMPARE(across[u"documents_in_all"_s].toInt(), 2);
    QCOMPARE(across[u"documents_pairable"_s].toInt(), 3);
    QCOMPARE(across[u"fleiss_tokens"_s].toInt(), 17);
    QCOMPARE(across[u"alpha_tokens"_s].toInt(), 23);
    QCOMPARE(across[u"alpha_values"_s].toInt(), 63);
    QVERIFY(std::abs(across[u"fleiss_kappa"_s].toDouble() - 279.0 / 313.0) < 1e-12);
    QVERIFY(std::abs(across[u"krippendorff_alpha"_s].toDouble() - 1243.0 / 1429.0) < 1e-12);

    const Run text = cli({u"compare"_s, m_alice, m_bob, m_carol});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("\nacross all 3 annotators (tokens; a token's category is its label or outside):\n"
                               "  Fleiss' kappa          0.891  over 17 tokens of the 2 documents every batch holds\n"
                               "  Krippendorff's alpha   0.870  over 23 tokens of the 3 documents two batches or more "
                               "hold\n"),
             text.out.constData());
    QCOMPARE(text.out.count("\nA: "), 2); // three pairs, the first at the start
}

void TestAnnotatorsCli::compareOfTwoBatchesKeepsItsReportAndAddsTheFigures()
{
    const QString data = QFINDTESTDATA("data/compare");
    const Run run = cli({u"compare"_s, u"--format"_s, u"json"_s, data + u"/a"_s, data + u"/b"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject result = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(result[u"compared"_s].toInt(), 3); // the pair's keys as before
    QVERIFY(!result.contains(u"pairs"_s));
    const QJsonObject across = result[u"across"_s].toObject();
    // d1–d3 in both with one text, 26 tokens; d4's texts differ, only-a and only-b are alone.
    QCOMPARE(across[u"documents_in_all"_s].toInt(), 3);
    QCOMPARE(across[u"fleiss_tokens"_s].toInt(), 26);
    QCOMPARE(across[u"alpha_tokens"_s].toInt(), 26);
    // Two annotators, nothing missing: α = 1 − (2U − 1)/(2U) · (1 − κ_Fleiss), U the tokens.
    const double kappa = across[u"fleiss_kappa"_s].toDouble();
    const double alpha = across[u"krippendorff_alpha"_s].toDouble();
    QVERIFY2(std::abs(alpha - (1 - 51.0 / 52.0 * (1 - kappa))) < 1e-12, qPrintable(u"%1 %2"_s.arg(kappa).arg(alpha)));
}

QTEST_GUILESS_MAIN(TestAnnotatorsCli)
#include "tst_annotatorscli.moc"
