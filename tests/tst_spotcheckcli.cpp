#include "testsupport.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

using Run = annorev::test::CliRun;

const QString first = u"000_fb52d27db3b8b6ee.txt"_s;
const QString second = u"001_1d6e54ff941a55a9.txt"_s;
const QString third = u"002_f429afe5dd9093a8.txt"_s;
const QString fourth = u"003_2b600daee4a931dd.txt"_s;

using StoreReader = annorev::test::SqlFile;

QStringList lines(const QByteArray &out)
{
    return QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class TestSpotCheckCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void sampleIsReproducibleAndSavedAsARound();
    void sampleNamesARoundAfterTheDate();
    void sampleRefusesATakenName();
    void sampleStratifiedTakesOneFromEachStratum();
    void sampleDrawsFromTheStatusesAsked();
    void usageErrors_data();
    void usageErrors();
    void spotcheckRecordsJudgementsAndTheLatestCounts();
    void spotcheckRefusesDocumentsOutsideTheRound();
    void statsJsonReportsEachRoundsEstimate();
    void statsTextListsARoundsJudgements();
    void compareScoresTheHandWorkedPair();
    void compareRefusesBatchesWithNothingInCommon();

private:
    Run annorev(const QStringList &arguments) const;
    void sampleRound(const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_batch;
    QString m_store;
    QProcessEnvironment m_environment;
};

void TestSpotCheckCli::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSpotCheckCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_batch = annorev::test::copySamples(*m_dir);
    m_store = m_dir->filePath(u"samples.annorev.sqlite"_s);
    m_environment = annorev::test::isolatedEnvironment(*m_dir);
}

void TestSpotCheckCli::cleanup()
{
    m_dir.reset();
}

Run TestSpotCheckCli::annorev(const QStringList &arguments) const
{
    return annorev::test::runAnnorev(arguments, m_environment);
}

// Three of the five samples, drawn with seed 42: indexes 1, 0, 3 (tst_sampling has the same draw).
void TestSpotCheckCli::sampleRound(const QString &name)
{
    const Run run = annorev({u"sample"_s, u"--size"_s, u"3"_s, u"--seed"_s, u"42"_s, u"--name"_s, name, m_batch});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(lines(run.out), (QStringList{second, first, fourth}));
}

void TestSpotCheckCli::sampleIsReproducibleAndSavedAsARound()
{
    sampleRound(u"r1"_s);
    sampleRound(u"r2"_s);
    const Run run = annorev({u"sample"_s, u"--size"_s, u"3"_s, u"--seed"_s, u"7"_s, u"--name"_s, u"r3"_s, m_batch});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(lines(run.out), (QStringList{first, fourth, third}));
    QVERIFY2(run.err.contains("annorev: note: saved round \"r3\": 3 of 5 documents (seed 7)"), run.err.constData());

    StoreReader store(m_store);
    QCOMPARE(
        store.rows(u"SELECT name, created_by, seed, requested_size, statuses, stratify FROM rounds ORDER BY seq"_s),
        (QStringList{u"r1|tester|42|3|all|"_s, u"r2|tester|42|3|all|"_s, u"r3|tester|7|3|all|"_s}));
    QCOMPARE(store.rows(u"SELECT position, document_id FROM round_documents WHERE round = 'r1' ORDER BY position"_s),
             (QStringList{u"0|"_s + second, u"1|"_s + first, u"2|"_s + fourth}));
}

void TestSpotCheckCli::sampleNamesARoundAfterTheDate()
{
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    for (const QString &expected : QStringList{today, today + u"-2"_s}) {
        const Run run = annorev({u"sample"_s, u"--size"_s, u"2"_s, u"--seed"_s, u"1"_s, m_batch});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(u"saved round \"%1\""_s.arg(expected).toUtf8()), run.err.constData());
    }
}

void TestSpotCheckCli::sampleRefusesATakenName()
{
    sampleRound(u"r1"_s);
    const Run run = annorev({u"sample"_s, u"--size"_s, u"2"_s, u"--seed"_s, u"9"_s, u"--name"_s, u"r1"_s, m_batch});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(run.err.contains(QByteArray("a round \"r1\" already exists in the store " + m_store.toUtf8())),
             run.err.constData());
    StoreReader store(m_store);
    QCOMPARE(store.rows(u"SELECT seed FROM rounds"_s), QStringList{u"42"_s});
    QCOMPARE(store.rows(u"SELECT COUNT(*) FROM round_documents"_s), QStringList{u"3"_s});
}

void TestSpotCheckCli::sampleStratifiedTakesOneFromEachStratum()
{
    // By rule the samples fall in four strata: clean, annotations-missing, gpu-count-untagged and
    // hardware-count-embedded or encoding-suspect; three documents cannot cover them.
    Run run = annorev({u"sample"_s, u"--size"_s, u"3"_s, u"--seed"_s, u"1"_s, u"--stratify"_s, u"rule"_s, m_batch});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--size 3 is smaller than the 4 strata by rule"), run.err.constData());
    run = annorev({u"sample"_s, u"--size"_s, u"4"_s, u"--seed"_s, u"1"_s, u"--stratify"_s, u"rule"_s, u"--name"_s,
                   u"s"_s, m_batch});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(lines(run.out).size(), 4);
    StoreReader store(m_store);
    const QStringList strata = store.rows(u"SELECT DISTINCT stratum FROM round_documents WHERE round = 's'"_s);
    QCOMPARE(strata.size(), 4);
    QCOMPARE(store.rows(u"SELECT stratify FROM rounds"_s), QStringList{u"rule"_s});
}

void TestSpotCheckCli::sampleDrawsFromTheStatusesAsked()
{
    QCOMPARE(annorev({u"mark"_s, u"--status"_s, u"approved"_s, m_batch, third, fourth}).exitCode, 0);
    const Run run = annorev({u"sample"_s, u"--size"_s, u"5"_s, u"--seed"_s, u"3"_s, u"--status"_s, u"approved"_s,
                             u"--name"_s, u"qa"_s, m_batch});
    QCOMPARE(run.exitCode, 0);
    QStringList ids = lines(run.out);
    ids.sort();
    QCOMPARE(ids, (QStringList{third, fourth}));
    QVERIFY2(run.err.contains("2 of 2 documents (seed 3); that is all there are"), run.err.constData());
    QCOMPARE(StoreReader(m_store).rows(u"SELECT statuses FROM rounds"_s), QStringList{u"approved"_s});
}

void TestSpotCheckCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    const QStringList sample{u"sample"_s, u"--name"_s, u"r9"_s};
    const QStringList seed{u"--seed"_s, u"1"_s};
    const QStringList size{u"--size"_s, u"2"_s};
    QTest::addRow("sample: no size") << sample + seed + QStringList{u"BATCH"_s} << QByteArray("--size is required");
    QTest::addRow("sample: size 0") << sample + seed + QStringList{u"--size"_s, u"0"_s, u"BATCH"_s}
                                    << QByteArray("--size takes a whole number of at least 1, not \"0\"");
    QTest::addRow("sample: size not a number")
        << sample + seed + QStringList{u"--size"_s, u"ten"_s, u"BATCH"_s} << QByteArray("not \"ten\"");
    QTest::addRow("sample: no seed") << sample + size + QStringList{u"BATCH"_s} << QByteArray("--seed is required");
    QTest::addRow("sample: negative seed") << sample + size + QStringList{u"--seed"_s, u"-1"_s, u"BATCH"_s}
                                           << QByteArray("--seed takes a whole number from 0 to");
    QTest::addRow("sample: seed beyond 64 bits")
        << sample + size + QStringList{u"--seed"_s, u"18446744073709551616"_s, u"BATCH"_s}
        << QByteArray("not \"18446744073709551616\"");
    QTest::addRow("sample: stratify") << sample + size + seed + QStringList{u"--stratify"_s, u"model"_s, u"BATCH"_s}
                                      << QByteArray("--stratify is label or rule, not \"model\"");
    QTest::addRow("sample: status") << sample + size + seed + QStringList{u"--status"_s, u"done"_s, u"BATCH"_s}
                                    << QByteArray("unknown status \"done\"");
    QTest::addRow("sample: empty name") << QStringList{u"sample"_s, u"--name"_s, u" "_s} + size + seed +
                                               QStringList{u"BATCH"_s}
                                        << QByteArray("--name cannot be empty");
    QTest::addRow("sample: no batch") << sample + size + seed + QStringList{u"nowhere"_s}
                                      << QByteArray("nowhere: error: cannot read");

    const QStringList spotcheck{u"spotcheck"_s, u"--round"_s, u"r1"_s};
    QTest::addRow("spotcheck: no round") << QStringList{u"spotcheck"_s, u"--pass"_s, u"BATCH"_s, first}
                                         << QByteArray("--round is required");
    QTest::addRow("spotcheck: pass and fail")
        << spotcheck + QStringList{u"--pass"_s, u"--fail"_s, u"other"_s, u"BATCH"_s, first}
        << QByteArray("give either --pass or --fail REASON");
    QTest::addRow("spotcheck: no verdict")
        << spotcheck + QStringList{u"BATCH"_s, first} << QByteArray("give either --pass or --fail REASON");
    QTest::addRow("spotcheck: bad reason")
        << spotcheck + QStringList{u"--fail"_s, u"typo"_s, u"BATCH"_s, first}
        << QByteArray("--fail takes a reason, one of wrong-label, wrong-boundary, "
                      "missing-span, spurious-span, wrong-value, other, not \"typo\"");
    QTest::addRow("spotcheck: no id") << spotcheck + QStringList{u"--pass"_s, u"BATCH"_s}
                                      << QByteArray("at least one document id");
    QTest::addRow("spotcheck: unknown round")
        << QStringList{u"spotcheck"_s, u"--round"_s, u"r7"_s, u"--pass"_s, u"BATCH"_s, first}
        << QByteArray("no round \"r7\" in the store");
    QTest::addRow("spotcheck: unknown id") << spotcheck + QStringList{u"--pass"_s, u"BATCH"_s, second, u"nope.txt"_s}
                                           << QByteArray("no document \"nope.txt\" in the store");

    QTest::addRow("stats: format") << QStringList{u"stats"_s, u"--format"_s, u"xml"_s, u"BATCH"_s}
                                   << QByteArray("--format is text or json, not \"xml\"");
    QTest::addRow("stats: target 0") << QStringList{u"stats"_s, u"--target"_s, u"0"_s, u"BATCH"_s}
                                     << QByteArray("--target is an error rate above 0 and below 1, not \"0\"");
    QTest::addRow("stats: target as a percentage")
        << QStringList{u"stats"_s, u"--target"_s, u"5%"_s, u"BATCH"_s} << QByteArray("not \"5%\"");
    QTest::addRow("stats: unknown round")
        << QStringList{u"stats"_s, u"--round"_s, u"r7"_s, u"BATCH"_s} << QByteArray("no round \"r7\" in the store");

    QTest::addRow("compare: one batch") << QStringList{u"compare"_s, u"BATCH"_s}
                                        << QByteArray("name two batches, A and B");
    QTest::addRow("compare: format") << QStringList{u"compare"_s, u"--format"_s, u"csv"_s, u"BATCH"_s, u"BATCH"_s}
                                     << QByteArray("--format is text or json, not \"csv\"");
    QTest::addRow("compare: unreadable") << QStringList{u"compare"_s, u"BATCH"_s, u"nowhere"_s}
                                         << QByteArray("nowhere: error: cannot read");
}

void TestSpotCheckCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    sampleRound(u"r1"_s);
    arguments.replaceInStrings(u"BATCH"_s, m_batch);
    const Run run = annorev(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
    if (arguments.constFirst() != u"compare") {
        QCOMPARE(run.out, QByteArray());
    }
    // Nothing was saved: the one round and no judgement.
    StoreReader store(m_store);
    QCOMPARE(store.rows(u"SELECT name FROM rounds"_s), QStringList{u"r1"_s});
    QCOMPARE(store.rows(u"SELECT COUNT(*) FROM judgements"_s), QStringList{u"0"_s});
}

void TestSpotCheckCli::spotcheckRecordsJudgementsAndTheLatestCounts()
{
    sampleRound(u"r1"_s);
    Run run = annorev({u"spotcheck"_s, u"--round"_s, u"r1"_s, u"--pass"_s, u"--reviewer"_s, u"ada"_s, m_batch, second});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, second.toUtf8() + " pass\n");
    QVERIFY2(run.err.contains("round \"r1\": 1 of 3 checked, 0 failed"), run.err.constData());
    run = annorev({u"spotcheck"_s, u"--round"_s, u"r1"_s, u"--fail"_s, u"wrong-label"_s, u"--note"_s,
                   u"a dataset tagged as model"_s, m_batch, first, fourth});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, first.toUtf8() + " fail wrong-label\n" + fourth.toUtf8() + " fail wrong-label\n");
    QVERIFY2(run.err.contains("3 of 3 checked, 2 failed"), run.err.constData());
    // Judged again: the new judgement counts, the old one stays.
    run = annorev({u"spotcheck"_s, u"--round"_s, u"r1"_s, u"--pass"_s, m_batch, fourth});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains("3 of 3 checked, 1 failed"), run.err.constData());

    StoreReader store(m_store);
    QCOMPARE(
        store.rows(u"SELECT document_id, verdict, reason, note, reviewer FROM judgements ORDER BY seq"_s),
        (QStringList{second + u"|pass|||ada"_s, first + u"|fail|wrong-label|a dataset tagged as model|tester"_s,
                     fourth + u"|fail|wrong-label|a dataset tagged as model|tester"_s, fourth + u"|pass|||tester"_s}));
}

void TestSpotCheckCli::spotcheckRefusesDocumentsOutsideTheRound()
{
    sampleRound(u"r1"_s);
    const Run run = annorev({u"spotcheck"_s, u"--round"_s, u"r1"_s, u"--pass"_s, m_batch, second, third});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(run.err.contains(QByteArray("\"" + third.toUtf8() + "\" is not in round \"r1\"; nothing was changed")),
             run.err.constData());
    QCOMPARE(StoreReader(m_store).rows(u"SELECT COUNT(*) FROM judgements"_s), QStringList{u"0"_s});
}

void TestSpotCheckCli::statsJsonReportsEachRoundsEstimate()
{
    sampleRound(u"r1"_s);
    sampleRound(u"r2"_s);
    QCOMPARE(annorev({u"spotcheck"_s, u"--round"_s, u"r1"_s, u"--pass"_s, m_batch, second, fourth}).exitCode, 0);
    QCOMPARE(annorev({u"spotcheck"_s, u"--round"_s, u"r1"_s, u"--fail"_s, u"missing-span"_s, m_batch, first}).exitCode,
             0);
    QCOMPARE(annorev({u"mark"_s, u"--status"_s, u"approved"_s, m_batch, first}).exitCode, 0);

    Run run = annorev({u"stats"_s, u"--format"_s, u"json"_s, m_batch});
    QCOMPARE(run.exitCode, 0);
    QJsonObject stats = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(stats[u"store"_s].toString(), m_store);
    QCOMPARE(stats[u"documents"_s].toInt(), 5);
    QCOMPARE(stats[u"status"_s][u"approved"_s].toInt(), 1);
    QCOMPARE(stats[u"status"_s][u"unreviewed"_s].toInt(), 4);
    QCOMPARE(stats[u"labels"_s][u"model"_s][u"spans"_s].toInt(), 11);
    QCOMPARE(stats[u"labels"_s][u"model"_s][u"documents"_s].toInt(), 3);
    QCOMPARE(stats[u"labels"_s][u"gpu_count"_s][u"spans"_s].toInt(), 1);
    QCOMPARE(stats[u"rules"_s][u"gpu-count-untagged"_s][u"findings"_s].toInt(), 2);
    QCOMPARE(stats[u"rules"_s][u"gpu-count-untagged"_s][u"severity"_s].toString(), u"warning"_s);
    QCOMPARE(stats[u"rules"_s][u"markup-malformed"_s][u"findings"_s].toInt(), 0);
    QCOMPARE(stats[u"findings"_s][u"warning"_s].toInt(), 6);
    QCOMPARE(stats[u"findings"_s][u"info"_s].toInt(), 1);
    QCOMPARE(stats[u"target"_s].toDouble(), 0.05);

    const QJsonArray rounds = stats[u"rounds"_s].toArray();
    QCOMPARE(rounds.size(), 2);
    QJsonObject r1 = rounds[0].toObject();
    QCOMPARE(r1[u"name"_s].toString(), u"r1"_s);
    QCOMPARE(r1[u"seed"_s].toString(), u"42"_s);
    QCOMPARE(r1[u"created_by"_s].toString(), u"tester"_s);
    QCOMPARE(r1[u"size"_s].toInt(), 3);
    QCOMPARE(r1[u"checked"_s].toInt(), 3);
    QCOMPARE(r1[u"failed"_s].toInt(), 1);
    QCOMPARE(r1[u"failures"_s][u"missing-span"_s].toInt(), 1);
    QCOMPARE(r1[u"failures"_s][u"wrong-label"_s].toInt(), 0);
    QCOMPARE(r1[u"error_rate"_s].toDouble(), 1.0 / 3.0);
    // 1 of 3: [0.0614919, 0.7923404]; the lower bound is above 5%.
    QVERIFY(std::abs(r1[u"interval"_s][u"lower"_s].toDouble() - 0.0614919) < 1e-6);
    QVERIFY(std::abs(r1[u"interval"_s][u"upper"_s].toDouble() - 0.7923404) < 1e-6);
    QCOMPARE(r1[u"decision"_s].toString(), u"reject"_s);
    QVERIFY(r1[u"more_to_check"_s].isNull());
    QCOMPARE(r1[u"documents"_s][0][u"id"_s].toString(), second);
    QCOMPARE(r1[u"documents"_s][0][u"verdict"_s].toString(), u"pass"_s);
    QCOMPARE(r1[u"documents"_s][1][u"reason"_s].toString(), u"missing-span"_s);
    const QJsonObject r2 = rounds[1].toObject();
    QCOMPARE(r2[u"checked"_s].toInt(), 0);
    QVERIFY(r2[u"error_rate"_s].isNull());
    QCOMPARE(r2[u"decision"_s].toString(), u"continue"_s);
    QCOMPARE(r2[u"more_to_check"_s].toInt(), 73);
    QVERIFY(r2[u"documents"_s][0][u"verdict"_s].isNull());

    // Against 10% the lower bound no longer rejects: 50 more passes would bring the upper to it.
    run = annorev({u"stats"_s, u"--format"_s, u"json"_s, u"--target"_s, u"0.1"_s, u"--round"_s, u"r1"_s, m_batch});
    QCOMPARE(run.exitCode, 0);
    stats = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(stats[u"rounds"_s].toArray().size(), 1);
    r1 = stats[u"rounds"_s][0].toObject();
    QCOMPARE(r1[u"decision"_s].toString(), u"continue"_s);
    QCOMPARE(r1[u"more_to_check"_s].toInt(), 50);
}

void TestSpotCheckCli::statsTextListsARoundsJudgements()
{
    sampleRound(u"r1"_s);
    QCOMPARE(annorev({u"spotcheck"_s, u"--round"_s, u"r1"_s, u"--fail"_s, u"wrong-boundary"_s, u"--note"_s,
                      u"cut short"_s, m_batch, first})
                 .exitCode,
             0);
    const Run run = annorev({u"stats"_s, u"--round"_s, u"r1"_s, m_batch});
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.startsWith(u"5 documents in "_s + m_store + u"\n"_s), qPrintable(out));
    QVERIFY2(out.contains(u"  total: 0 errors, 6 warnings, 1 info\n"_s), qPrintable(out));
    QVERIFY2(out.contains(u"    checked 1 of 3, failed 1 (wrong-boundary 1)\n"
                          "    error rate 100.0%, 95% Wilson interval 20.7% to 100.0%\n"
                          "    reject: the lower bound is above the target\n"_s),
             qPrintable(out));
    QVERIFY2(out.contains(u"      "_s + second + u" unchecked\n"_s), qPrintable(out));
    const QRegularExpression judged(QRegularExpression::escape(first) +
                                    u" fail wrong-boundary \\(tester [0-9T:.-]+Z\\): cut short\n"_s);
    QVERIFY2(judged.match(out).hasMatch(), qPrintable(out));
}

void TestSpotCheckCli::compareScoresTheHandWorkedPair()
{
    const QString data = QFINDTESTDATA("data/compare");
    Run run = annorev({u"compare"_s, u"--format"_s, u"json"_s, data + u"/a"_s, data + u"/b"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject result = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(result[u"compared"_s].toInt(), 3);
    QCOMPARE(result[u"tokens"_s].toInt(), 26);
    QCOMPARE(result[u"only_in_a"_s].toArray(), QJsonArray{u"only-a.txt"_s});
    QCOMPARE(result[u"only_in_b"_s].toArray(), QJsonArray{u"only-b.txt"_s});
    QCOMPARE(result[u"text_differs"_s].toArray(), QJsonArray{u"d4.txt"_s});
    const QJsonObject overall = result[u"overall"_s].toObject();
    QCOMPARE(overall[u"a_spans"_s].toInt(), 8);
    QCOMPARE(overall[u"exact"_s][u"matched"_s].toInt(), 6);
    QCOMPARE(overall[u"exact"_s][u"f1"_s].toDouble(), 0.75);
    QCOMPARE(overall[u"overlap"_s][u"precision"_s].toDouble(), 0.875);
    QVERIFY(std::abs(overall[u"kappa"_s].toDouble() - 68.0 / 81.0) < 1e-12);
    const QJsonObject country = result[u"labels"_s][u"country"_s].toObject();
    QVERIFY(country[u"exact"_s][u"precision"_s].isNull());
    QCOMPARE(country[u"exact"_s][u"recall"_s].toDouble(), 0.0);
    const QJsonArray differing = result[u"differing"_s].toArray();
    QCOMPARE(differing.size(), 2);
    QCOMPARE(differing[0][u"id"_s].toString(), u"d1.txt"_s);
    QCOMPARE(differing[0][u"unmatched"_s].toInt(), 3);
    const QJsonObject spurious = differing[1][u"only_in_b"_s][0].toObject();
    QCOMPARE(spurious[u"label"_s].toString(), u"hardware"_s);
    QCOMPARE(spurious[u"start"_s].toInt(), 23);
    QCOMPARE(spurious[u"end"_s].toInt(), 27);
    QCOMPARE(spurious[u"text"_s].toString(), u"TPUs"_s);

    run = annorev({u"compare"_s, data + u"/a"_s, data + u"/b"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("  hardware      1     2    0.000  0.000  0.000    0.500  1.000  0.667    0.629\n"
                              "  model         2     2    1.000  1.000  1.000    1.000  1.000  1.000    1.000\n"),
             run.out.constData());
    QVERIFY(run.out.contains("  overall       8     8    0.750  0.750  0.750    0.875  0.875  0.875    0.840\n"));
    QVERIFY(run.out.contains("  d1.txt: 3 unmatched"));
    QVERIFY(run.out.contains("      only in B: hardware 25-41 \"NVIDIA A100 GPUs\"\n"));
    // Comparing reads the batches; it creates no store.
    QVERIFY(!QFileInfo::exists(data + u"/a.annorev.sqlite"_s));
}

void TestSpotCheckCli::compareRefusesBatchesWithNothingInCommon()
{
    const QString data = QFINDTESTDATA("data/compare");
    const Run run = annorev({u"compare"_s, m_batch, data + u"/b"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("have no document with the same id and text to compare"), run.err.constData());
}

QTEST_GUILESS_MAIN(TestSpotCheckCli)
#include "tst_spotcheckcli.moc"
