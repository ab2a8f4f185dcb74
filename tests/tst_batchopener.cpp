#include "batchopener.h"
#include "checker.h"
#include "countryaliases.h"
#include "largebatch.h"
#include "reviewstore.h"
#include "schema.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace annorev;
using namespace annorev::test;

// The batch opener without a window: what it reports, in which order, and what it refuses.
class TestBatchOpener : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void opensTheBatchAndReportsEachStage();
    void inputsThatAreNotThereAreLeftOutAndReported();
    void nothingToOpenFails();
    void aBatchThatCannotBeReadIsNamedAndLeavesNoStore();
    void aFileThatIsNotAStoreIsReported();
    void aStoreWhoseDocumentsCannotBeListedIsReportedNotEmpty();
    void cancelReportsCanceledAndNothingElse();
    void cancellingAnImportRemovesTheStoreItMade();
    void aNewOpenReplacesTheOneUnderWay();
    void anUnchangedBatchOpensFromItsStampsWithoutReading();

private:
    Checker m_checker{Schema::builtin(), CountryAliases::builtin(), 2026};
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_batch;
};

void TestBatchOpener::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_batch = copySamples(*m_dir);
}

void TestBatchOpener::cleanup()
{
    m_dir.reset();
}

void TestBatchOpener::opensTheBatchAndReportsEachStage()
{
    BatchOpener opener(Schema::builtin(), m_checker);
    QSignalSpy progress(&opener, &BatchOpener::progress);
    QSignalSpy finished(&opener, &BatchOpener::finished);
    QSignalSpy failed(&opener, &BatchOpener::failed);
    opener.open({m_batch}, {}, u"tester"_s);
    // Nothing is reported from inside open().
    QVERIFY(opener.isOpening());
    QCOMPARE(progress.count(), 0);
    QVERIFY(finished.wait(60000));
    QCOMPARE(failed.count(), 0);
    QVERIFY(!opener.isOpening());

    // The stages of StoreOpening with their counts, as it reported them, then the listing.
    QStringList stages;
    for (const QList<QVariant> &arguments : progress) {
        stages << u"%1 [%2/%3]"_s.arg(arguments.at(0).toString())
                      .arg(arguments.at(1).toLongLong())
                      .arg(arguments.at(2).toLongLong());
    }
    QCOMPARE(stages,
             (QStringList{u"Finding the documents of samples… [0/0]"_s, u"Reading 0 of 5 documents of samples… [0/5]"_s,
                          u"Reading 5 of 5 documents of samples… [5/5]"_s,
                          u"Importing 0 of 5 new documents into the store… [0/5]"_s,
                          u"Importing 5 of 5 new documents into the store… [5/5]"_s,
                          u"Listing the documents of samples… [0/0]"_s}));

    std::optional<BatchOpener::Batch> batch = opener.takeBatch();
    QVERIFY(batch.has_value());
    QCOMPARE(batch->inputs, QStringList{m_batch});
    QCOMPARE(batch->reviewer, u"tester"_s);
    QVERIFY(batch->store != nullptr);
    QCOMPARE(batch->store->path(), ReviewStore::defaultStorePath({m_batch}));
    QCOMPARE(batch->firstPage.size(), 5);
    QCOMPARE(batch->documentCount, 5);
    QCOMPARE(QString::fromUtf8(batch->firstPage.id(0)), u"000_fb52d27db3b8b6ee.txt"_s);
    QVERIFY(batch->inputErrors.isEmpty());
    QVERIFY(!opener.takeBatch().has_value());
}

void TestBatchOpener::inputsThatAreNotThereAreLeftOutAndReported()
{
    BatchOpener opener(Schema::builtin(), m_checker);
    QSignalSpy finished(&opener, &BatchOpener::finished);
    const QString missing = m_dir->filePath(u"missing.txt"_s);
    const QString store = m_dir->filePath(u"elsewhere.annorev.sqlite"_s);
    opener.open({missing, m_batch}, store, u"tester"_s);
    QVERIFY(finished.wait(60000));
    std::optional<BatchOpener::Batch> batch = opener.takeBatch();
    QVERIFY(batch.has_value());
    QCOMPARE(batch->inputs, QStringList{m_batch});
    QCOMPARE(batch->store->path(), store);
    QCOMPARE(batch->inputErrors.size(), 1);
    QCOMPARE(batch->inputErrors.first().path, missing);
}

void TestBatchOpener::nothingToOpenFails()
{
    BatchOpener opener(Schema::builtin(), m_checker);
    QSignalSpy failed(&opener, &BatchOpener::failed);
    opener.open({m_dir->filePath(u"missing.txt"_s), ReviewStore::defaultStorePath({m_batch})}, {}, u"tester"_s);
    QCOMPARE(failed.count(), 0);
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.first().first().toString().contains(u"missing.txt"_s),
             qPrintable(failed.first().first().toString()));
    QList<InputError> leftOut;
    QVERIFY(BatchOpener::readableInputs({ReviewStore::defaultStorePath({m_batch})}, &leftOut).isEmpty());
    QVERIFY(leftOut.first().message.contains(u"review store"_s));
}

void TestBatchOpener::aBatchThatCannotBeReadIsNamedAndLeavesNoStore()
{
    const QString tasks = m_dir->filePath(u"tasks.json"_s);
    writeFile(tasks, "[{\"data\": "); // a Label Studio export cut short
    BatchOpener opener(Schema::builtin(), m_checker);
    QSignalSpy finished(&opener, &BatchOpener::finished);
    QSignalSpy failed(&opener, &BatchOpener::failed);
    opener.open({tasks}, {}, u"tester"_s);
    QVERIFY(failed.wait(60000));
    QCOMPARE(finished.count(), 0);
    QVERIFY2(failed.first().first().toString().contains(u"tasks.json"_s),
             qPrintable(failed.first().first().toString()));
    QVERIFY(!QFileInfo::exists(ReviewStore::defaultStorePath({tasks})));
    QVERIFY(!opener.takeBatch().has_value());
}

void TestBatchOpener::aFileThatIsNotAStoreIsReported()
{
    const QString store = ReviewStore::defaultStorePath({m_batch});
    writeFile(store, "this is not a database, it only looks like one");
    BatchOpener opener(Schema::builtin(), m_checker);
    QSignalSpy failed(&opener, &BatchOpener::failed);
    opener.open({m_batch}, {}, u"tester"_s);
    QVERIFY(failed.wait(60000));
    QVERIFY2(failed.first().first().toString().contains(store), qPrintable(failed.first().first().toString()));
    QCOMPARE(readFile(store), QByteArray("this is not a database, it only looks like one"));
}

void TestBatchOpener::aStoreWhoseDocumentsCannotBeListedIsReportedNotEmpty()
{
    const QString store = ReviewStore::defaultStorePath({m_batch});
    QVERIFY(syncedStore(m_batch, m_checker) != nullptr);
    {
        // The facts become a view column that fails when it is read (integer overflow): the
        // store opens and syncs, and only reading the list goes wrong.
        SqlFile sql(store);
        QSqlQuery query = sql.query();
        QVERIFY(query.exec(u"ALTER TABLE facts RENAME TO facts_kept"_s));
        QVERIFY(query.exec(u"CREATE VIEW facts AS SELECT document_id,"
                           " CASE WHEN abs(-9223372036854775807 - 1) > 0 THEN facts END AS facts, plain_text"
                           " FROM facts_kept"_s));
        sql.close();
    }
    BatchOpener opener(Schema::builtin(), m_checker);
    QSignalSpy finished(&opener, &BatchOpener::finished);
    QSignalSpy failed(&opener, &BatchOpener::failed);
    opener.open({m_batch}, {}, u"tester"_s);
    QVERIFY(failed.wait(60000));
    QCOMPARE(finished.count(), 0);
    const QString error = failed.first().first().toString();
    QVERIFY2(error.contains(u"could not be listed"_s), qPrintable(error));
    QVERIFY2(error.contains(store), qPrintable(error));
}

void TestBatchOpener::cancelReportsCanceledAndNothingElse()
{
    BatchOpener opener(Schema::builtin(), m_checker);
    QSignalSpy progress(&opener, &BatchOpener::progress);
    QSignalSpy finished(&opener, &BatchOpener::finished);
    QSignalSpy failed(&opener, &BatchOpener::failed);
    QSignalSpy canceled(&opener, &BatchOpener::canceled);
    opener.open({m_batch}, {}, u"tester"_s);
    opener.cancel();
    QVERIFY(!opener.isOpening());
    QVERIFY(canceled.wait(10000));
    // Whatever the worker still does is not reported.
    QTest::qWait(500);
    QCOMPARE(canceled.count(), 1);
    QCOMPARE(progress.count(), 0);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!opener.takeBatch().has_value());
}

void TestBatchOpener::cancellingAnImportRemovesTheStoreItMade()
{
    const QString batch = m_dir->filePath(u"large.jsonl"_s);
    writeLargeBatch(batch, 20000);
    BatchOpener opener(Schema::builtin(), m_checker);
    QSignalSpy finished(&opener, &BatchOpener::finished);
    QSignalSpy failed(&opener, &BatchOpener::failed);
    QSignalSpy canceled(&opener, &BatchOpener::canceled);
    QStringList stages;
    connect(&opener, &BatchOpener::progress, &opener, [&](const QString &what) {
        stages << what;
        if (what.startsWith(u"Importing"_s)) {
            opener.cancel();
        }
    });
    opener.open({batch}, {}, u"tester"_s);
    // canceled() waits for the worker to roll back and remove the store it made.
    QVERIFY(canceled.wait(60000));
    QVERIFY2(stages.constLast().startsWith(u"Importing 0 of "_s + QLocale().toString(20000)),
             qPrintable(stages.join(u" | ")));
    for (const QString &file : ReviewStore::storeFiles(ReviewStore::defaultStorePath({batch}))) {
        QVERIFY2(!QFileInfo::exists(file), qPrintable(file));
    }
    QTest::qWait(200);
    QCOMPARE(canceled.count(), 1);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(failed.count(), 0);
}

void TestBatchOpener::aNewOpenReplacesTheOneUnderWay()
{
    const QString other = m_dir->filePath(u"other"_s);
    writeFile(other + u"/a.txt"_s, "<model>A</model>\n");
    BatchOpener opener(Schema::builtin(), m_checker);
    QSignalSpy finished(&opener, &BatchOpener::finished);
    QSignalSpy canceled(&opener, &BatchOpener::canceled);
    QSignalSpy failed(&opener, &BatchOpener::failed);
    opener.open({m_batch}, {}, u"tester"_s);
    opener.open({other}, {}, u"tester"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 60000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QTest::qWait(500);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(canceled.count(), 0);
    std::optional<BatchOpener::Batch> batch = opener.takeBatch();
    QVERIFY(batch.has_value());
    QCOMPARE(batch->inputs, QStringList{other});
    QCOMPARE(batch->firstPage.size(), 1);
    QCOMPARE(batch->documentCount, 1);
}

void TestBatchOpener::anUnchangedBatchOpensFromItsStampsWithoutReading()
{
    BatchOpener opener(Schema::builtin(), m_checker);
    QSignalSpy finished(&opener, &BatchOpener::finished);
    // Past the clock's tick since the copy, so that the first open's stamps are trusted.
    QThread::msleep(120);
    opener.open({m_batch}, {}, u"tester"_s);
    QVERIFY(finished.wait(60000));
    QVERIFY(opener.takeBatch().has_value());

    QSignalSpy progress(&opener, &BatchOpener::progress);
    opener.open({m_batch}, {}, u"tester"_s);
    QVERIFY(finished.wait(60000));
    QStringList steps;
    for (const QList<QVariant> &arguments : progress) {
        steps.append(arguments.at(0).toString());
    }
    QCOMPARE(steps.size(), 2);
    QVERIFY2(steps.first().startsWith(u"Looking for changes"_s), qPrintable(steps.join(u" | ")));
    QVERIFY2(!steps.join(u' ').contains(u"Reading"_s), qPrintable(steps.join(u" | ")));
    std::optional<BatchOpener::Batch> batch = opener.takeBatch();
    QVERIFY(batch.has_value());
    QCOMPARE(batch->firstPage.size(), 5);
    QCOMPARE(batch->documentCount, 5);
}

QTEST_GUILESS_MAIN(TestBatchOpener)
#include "tst_batchopener.moc"
