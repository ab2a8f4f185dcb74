#include "checker.h"
#include "countryaliases.h"
#include "olderstore.h"
#include "reviewstore.h"
#include "schema.h"
#include "testsupport.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace annorev;
using namespace Qt::StringLiterals;
using annorev::test::errorOf;
using annorev::test::openedStore;

namespace {

const QStringList ids{u"a.txt"_s, u"b.txt"_s, u"c.txt"_s, u"d.txt"_s};

using RawStore = annorev::test::SqlFile;

SpotCheckRound roundNamed(const QString &name, quint64 seed = 42)
{
    SpotCheckRound round;
    round.name = name;
    round.createdBy = u"alice"_s;
    round.seed = seed;
    round.requestedSize = 2;
    round.statuses = u"approved,needs-work"_s;
    round.stratify = Stratify::Label;
    return round;
}

} // namespace

class TestSpotCheckStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void aVersion1StoreIsMigratedAndKeepsItsReview();
    void createRoundSavesTheSampleInDrawOrder();
    void createRoundRefusesATakenName();
    void createRoundRefusesUnknownIdsAndSavesNothing();
    void theLatestJudgementCounts();
    void judgeRefusesAndRecordsNothing_data();
    void judgeRefusesAndRecordsNothing();
    void roundsAndJudgementsAreAppendOnly();

private:
    std::unique_ptr<ReviewStore> openStore();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_batch;
    QString m_storePath;
    const Checker m_checker{Schema::builtin(), CountryAliases::builtin(), 2026};
};

void TestSpotCheckStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_batch = m_dir->filePath(u"batch"_s);
    for (const QString &id : ids) {
        annorev::test::writeFile(m_batch + u'/' + id, "Trained by <model>" + id.toUtf8() + "</model>.\n");
    }
    m_storePath = ReviewStore::defaultStorePath({m_batch});
    auto store = openStore();
    QVERIFY(store);
    QVERIFY_OK(store->sync({m_batch}, Schema::builtin(), m_checker, u"tester"_s));
}

void TestSpotCheckStore::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<ReviewStore> TestSpotCheckStore::openStore()
{
    return openedStore(m_storePath);
}

void TestSpotCheckStore::aVersion1StoreIsMigratedAndKeepsItsReview()
{
    {
        auto store = openStore();
        QVERIFY_OK(store->setStatus({u"b.txt"_s}, ReviewStatus::Rejected, u"wrong"_s, u"alice"_s));
    }
    {
        // What annorev 0.1 wrote: the same store without the facts, spot-check and stamp tables,
        // its texts as they are, at version 1.
        QCOMPARE(test::rewriteAsSchema5(m_storePath), QString());
        RawStore raw(m_storePath);
        QSqlQuery q = raw.query();
        for (const QString &table :
             {u"facts"_s, u"rounds"_s, u"round_documents"_s, u"judgements"_s, u"input_stamps"_s}) {
            QVERIFY2(q.exec(u"DROP TABLE "_s + table), qPrintable(q.lastError().text()));
        }
        QVERIFY(q.exec(u"UPDATE meta SET value = '1' WHERE key = 'schema_version'"_s));
    }
    auto store = openStore();
    QVERIFY(store);
    RawStore raw(m_storePath);
    QCOMPARE(raw.value(u"SELECT value FROM meta WHERE key = 'schema_version'"_s).toString(),
             QString::number(ReviewStore::schemaVersion));
    QCOMPARE(*store->ids(), ids);
    QCOMPARE(store->document(u"b.txt"_s)->status, ReviewStatus::Rejected);
    QCOMPARE(store->auditLog()->size(), 1);
    QVERIFY_OK(store->createRound(roundNamed(u"r1"_s), {{u"a.txt"_s, {}}}));
    QCOMPARE(store->rounds()->size(), 1);
}

void TestSpotCheckStore::createRoundSavesTheSampleInDrawOrder()
{
    auto store = openStore();
    const quint64 largestSeed = ~quint64(0); // beyond SQLite's signed integers
    QVERIFY_OK(store->createRound(roundNamed(u"r1"_s, largestSeed),
                                  {{u"c.txt"_s, u"model"_s}, {u"a.txt"_s, u"(no spans)"_s}}));
    QVERIFY_OK(store->createRound(roundNamed(u"r2"_s), {{u"d.txt"_s, {}}}));
    const QList<SpotCheckRound> rounds = *store->rounds();
    QCOMPARE(rounds.size(), 2);
    QCOMPARE(rounds[0].name, u"r1"_s);
    QCOMPARE(rounds[0].seed, largestSeed);
    QCOMPARE(rounds[0].createdBy, u"alice"_s);
    QCOMPARE(rounds[0].requestedSize, 2);
    QCOMPARE(rounds[0].size, 2);
    QCOMPARE(rounds[0].statuses, u"approved,needs-work"_s);
    QCOMPARE(rounds[0].stratify, Stratify::Label);
    QVERIFY(rounds[0].createdAt.isValid());
    QCOMPARE(rounds[0].createdAt.timeSpec(), Qt::UTC);
    QCOMPARE(rounds[1].name, u"r2"_s);
    QCOMPARE(store->round(u"r2"_s)->size, 1);
    QVERIFY(!store->round(u"r3"_s));
    const QList<RoundDocument> documents = *store->roundDocuments(u"r1"_s);
    QCOMPARE(documents.size(), 2);
    QCOMPARE(documents[0].id, u"c.txt"_s);
    QCOMPARE(documents[0].stratum, u"model"_s);
    QCOMPARE(documents[1].id, u"a.txt"_s);
    QCOMPARE(store->roundDocuments(u"r2"_s)->constFirst().stratum, u""_s);
}

void TestSpotCheckStore::createRoundRefusesATakenName()
{
    auto store = openStore();
    QString error;
    QVERIFY_OK(store->createRound(roundNamed(u"r1"_s), {{u"a.txt"_s, {}}}));
    error = errorOf(store->createRound(roundNamed(u"r1"_s, 7), {{u"b.txt"_s, {}}}));
    QVERIFY(!error.isEmpty());
    QCOMPARE(error, u"a round \"r1\" already exists in the store "_s + m_storePath +
                        u"; rounds are never redrawn: choose another name"_s);
    QCOMPARE(store->round(u"r1"_s)->seed, quint64(42));
    QCOMPARE(store->roundDocuments(u"r1"_s)->constFirst().id, u"a.txt"_s);
    error = errorOf(store->createRound(roundNamed(u" "_s), {{u"a.txt"_s, {}}}));
    QVERIFY(!error.isEmpty());
    QCOMPARE(error, u"a spot-check round needs a name"_s);
}

void TestSpotCheckStore::createRoundRefusesUnknownIdsAndSavesNothing()
{
    auto store = openStore();
    QString error;
    error = errorOf(store->createRound(roundNamed(u"r1"_s), {{u"a.txt"_s, {}}, {u"nope.txt"_s, {}}}));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.startsWith(u"no document \"nope.txt\" in the store "_s + m_storePath), qPrintable(error));
    QVERIFY(store->rounds()->isEmpty());
    QVERIFY(store->roundDocuments(u"r1"_s)->isEmpty());
}

void TestSpotCheckStore::theLatestJudgementCounts()
{
    auto store = openStore();
    QVERIFY_OK(store->createRound(roundNamed(u"r1"_s), {{u"a.txt"_s, {}}, {u"b.txt"_s, {}}, {u"c.txt"_s, {}}}));
    QVERIFY_OK(store->judge(u"r1"_s, {u"a.txt"_s, u"b.txt"_s}, Verdict::Fail, FailReason::WrongBoundary,
                            u"  cut short  "_s, u"alice"_s));
    QVERIFY_OK(store->judge(u"r1"_s, {u"b.txt"_s}, Verdict::Pass, std::nullopt, {}, u"bob"_s));

    const QList<Judgement> all = *store->judgements(u"r1"_s);
    QCOMPARE(all.size(), 3);
    QCOMPARE(all[0].documentId, u"a.txt"_s);
    QCOMPARE(all[0].verdict, Verdict::Fail);
    QCOMPARE(all[0].reason, std::optional<FailReason>(FailReason::WrongBoundary));
    QCOMPARE(all[0].note, u"cut short"_s);
    QCOMPARE(all[0].reviewer, u"alice"_s);
    QVERIFY(all[0].at.isValid());
    QVERIFY(all[2].seq > all[1].seq);

    const QList<RoundDocument> documents = *store->roundDocuments(u"r1"_s);
    const QList<Judgement> latest = latestJudgements(documents, all);
    QCOMPARE(latest.size(), 2);
    QCOMPARE(latest[1].documentId, u"b.txt"_s);
    QCOMPARE(latest[1].verdict, Verdict::Pass);
    QCOMPARE(latest[1].reviewer, u"bob"_s);
    const RoundTally tally = annorev::tally(documents, all);
    QCOMPARE(tally.size, 3);
    QCOMPARE(tally.checked, 2);
    QCOMPARE(tally.failed, 1);
    QCOMPARE(tally.failuresByReason[std::size_t(FailReason::WrongBoundary)], 1);
}

void TestSpotCheckStore::judgeRefusesAndRecordsNothing_data()
{
    QTest::addColumn<QString>("round");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<Verdict>("verdict");
    QTest::addColumn<std::optional<FailReason>>("reason");
    QTest::addColumn<QString>("message");
    const std::optional<FailReason> none;
    QTest::addRow("unknown round") << u"r9"_s << QStringList{u"a.txt"_s} << Verdict::Pass << none
                                   << u"no round \"r9\" in the store STORE"_s;
    QTest::addRow("unknown id") << u"r1"_s << QStringList{u"a.txt"_s, u"nope.txt"_s} << Verdict::Pass << none
                                << u"no document \"nope.txt\" in the store STORE; nothing was changed"_s;
    QTest::addRow("not in the round") << u"r1"_s << QStringList{u"a.txt"_s, u"d.txt"_s} << Verdict::Pass << none
                                      << u"\"d.txt\" is not in round \"r1\"; nothing was changed"_s;
    QTest::addRow("fail without a reason")
        << u"r1"_s << QStringList{u"a.txt"_s} << Verdict::Fail << none << u"a failed document needs a reason"_s;
    QTest::addRow("pass with a reason") << u"r1"_s << QStringList{u"a.txt"_s} << Verdict::Pass
                                        << std::optional<FailReason>(FailReason::Other)
                                        << u"a passed document takes no reason"_s;
}

void TestSpotCheckStore::judgeRefusesAndRecordsNothing()
{
    QFETCH(QString, round);
    QFETCH(QStringList, ids);
    QFETCH(Verdict, verdict);
    QFETCH(std::optional<FailReason>, reason);
    QFETCH(QString, message);
    auto store = openStore();
    QString error;
    QVERIFY_OK(store->createRound(roundNamed(u"r1"_s), {{u"a.txt"_s, {}}, {u"b.txt"_s, {}}}));
    error = errorOf(store->judge(round, ids, verdict, reason, {}, u"alice"_s));
    QVERIFY(!error.isEmpty());
    QCOMPARE(error, message.replace(u"STORE"_s, m_storePath));
    QVERIFY(store->judgements(u"r1"_s)->isEmpty());
}

void TestSpotCheckStore::roundsAndJudgementsAreAppendOnly()
{
    {
        auto store = openStore();
        QVERIFY_OK(store->createRound(roundNamed(u"r1"_s), {{u"a.txt"_s, {}}}));
        QVERIFY_OK(store->judge(u"r1"_s, {u"a.txt"_s}, Verdict::Pass, std::nullopt, {}, u"alice"_s));
    }
    RawStore raw(m_storePath);
    QSqlQuery q = raw.query();
    for (const QString &sql :
         {u"UPDATE rounds SET seed = '1'"_s, u"DELETE FROM rounds"_s, u"UPDATE round_documents SET document_id = 'b'"_s,
          u"DELETE FROM round_documents"_s, u"UPDATE judgements SET verdict = 'fail', reason = 'other'"_s,
          u"DELETE FROM judgements"_s}) {
        QVERIFY2(!q.exec(sql), qPrintable(sql));
        QVERIFY2(q.lastError().text().contains(u"append-only"_s), qPrintable(q.lastError().text()));
    }
    QCOMPARE(raw.value(u"SELECT verdict FROM judgements"_s).toString(), u"pass"_s);
    // A reason that is not one of the six is refused by the table itself.
    QVERIFY(!q.exec(u"INSERT INTO judgements (round, document_id, verdict, reason, note, reviewer, at)"
                    " VALUES ('r1', 'a.txt', 'fail', 'typo', '', 'x', '2026-01-01T00:00:00.000Z')"_s));
}

QTEST_GUILESS_MAIN(TestSpotCheckStore)
#include "tst_spotcheckstore.moc"
