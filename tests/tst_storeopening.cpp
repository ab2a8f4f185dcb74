#include "checker.h"
#include "countryaliases.h"
#include "expectedsupport.h"
#include "largebatch.h"
#include "reviewstore.h"
#include "schema.h"
#include "storeopening.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>

using namespace Qt::StringLiterals;
using namespace annorev;
using namespace annorev::test;

using Stage = SyncControl::Stage;

// Opening a batch's store as the command line and the window both do: the stages it reports as
// it goes, and what a cancel at each of them leaves behind.
class TestStoreOpening : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void progressRisesStageByStageToEachTotal();
    void anUnchangedBatchIsOnlyLookedAt();
    void cancellingLeavesTheStoreAsItWas_data();
    void cancellingLeavesTheStoreAsItWas();

private:
    struct Report
    {
        Stage stage;
        qsizetype done;
        qsizetype total;
    };

    StoreOpening opening() const { return StoreOpening({m_batch}, {}, Schema::builtin(), m_checker, u"tester"_s); }
    // An existing store of the first five documents, with a decision and an edit in its audit log;
    // then the batch grows to count documents, which the next open reads and imports.
    void makeStoreThenGrowBatch(qsizetype count);
    // Every row of every table of the store, and which of its files exist.
    QStringList snapshot() const;

    static constexpr qsizetype count = 9000;
    Checker m_checker{Schema::builtin(), CountryAliases::builtin(), 2026};
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_batch;
    QString m_store;
};

void TestStoreOpening::initTestCase()
{
    // The reading goes a slice of 2 × 4 chunks of 1,024 documents at a time with up to four
    // threads: a batch of 9,000 is read in two slices and imported in three (of 4,096).
    QThreadPool::globalInstance()->setMaxThreadCount(2);
}

void TestStoreOpening::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_batch = m_dir->filePath(u"batch.jsonl"_s);
    m_store = ReviewStore::defaultStorePath({m_batch});
}

void TestStoreOpening::cleanup()
{
    m_dir.reset();
}

void TestStoreOpening::makeStoreThenGrowBatch(qsizetype documents)
{
    writeLargeBatch(m_batch, 5);
    {
        StoreOpening first = opening();
        Expected<std::unique_ptr<ReviewStore>> store = first.run();
        QVERIFY2(store, qPrintable(errorOf(store)));
        QCOMPARE(first.report().imported, 5);
        QVERIFY_OK((*store)->setStatus({u"doc-1"_s}, ReviewStatus::Approved, u"fine"_s, u"tester"_s));
        QVERIFY_OK((*store)->setTaggedText(u"doc-2"_s, "<model>Model-2</model> was trained.", Schema::builtin(),
                                           m_checker, u"tester"_s));
    }
    writeLargeBatch(m_batch, documents);
}

QStringList TestStoreOpening::snapshot() const
{
    QStringList rows;
    for (const QString &file : ReviewStore::storeFiles(m_store)) {
        rows << file % (QFileInfo::exists(file) ? u" exists" : u" absent");
    }
    if (!QFileInfo::exists(m_store)) {
        return rows;
    }
    const SqlFile raw(m_store);
    for (const QString &table : raw.rows(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s)) {
        QStringList tableRows = raw.rows(u"SELECT * FROM "_s + table);
        tableRows.sort();
        rows << u"== "_s + table << tableRows;
    }
    return rows;
}

void TestStoreOpening::progressRisesStageByStageToEachTotal()
{
    writeLargeBatch(m_batch, count);
    QList<Report> reports;
    SyncControl control;
    control.progress = [&reports](Stage stage, qsizetype done, qsizetype total) {
        reports.append({stage, done, total});
    };
    StoreOpening open = opening();
    Expected<std::unique_ptr<ReviewStore>> store = open.run(control);
    QVERIFY2(store, qPrintable(errorOf(store)));
    QCOMPARE(open.report().imported, count);

    // A new store: nothing to look for changes in; the batch is listed, read, then imported.
    QList<Stage> stages;
    for (qsizetype i = 0; i < reports.size(); ++i) {
        const Report &report = reports[i];
        if (stages.isEmpty() || stages.constLast() != report.stage) {
            stages.append(report.stage);
            QCOMPARE(report.done, 0);
        } else {
            QVERIFY2(report.done >= reports[i - 1].done, qPrintable(u"report %1 goes back"_s.arg(i)));
            QCOMPARE(report.total, reports[i - 1].total);
        }
        QVERIFY(report.done <= report.total);
        const bool lastOfStage = i + 1 == reports.size() || reports[i + 1].stage != report.stage;
        if (lastOfStage) {
            QCOMPARE(report.done, report.total);
        }
    }
    QCOMPARE(stages, (QList<Stage>{Stage::Opening, Stage::Reading, Stage::Importing}));
    const auto totalOf = [&reports](Stage stage) {
        return std::find_if(reports.cbegin(), reports.cend(), [stage](const Report &r) { return r.stage == stage; })
            ->total;
    };
    QCOMPARE(totalOf(Stage::Reading), count);
    QCOMPARE(totalOf(Stage::Importing), count);
    // Reported between slices, not once at the end: two slices read, three imported.
    QCOMPARE(std::count_if(reports.cbegin(), reports.cend(), [](const Report &r) { return r.stage == Stage::Reading; }),
             1 + 2);
    QCOMPARE(
        std::count_if(reports.cbegin(), reports.cend(), [](const Report &r) { return r.stage == Stage::Importing; }),
        1 + 3);
    QCOMPARE(StoreOpening::describe(Stage::Reading, 8192, 1000000, u"batch.jsonl"_s, QLocale(QLocale::English)),
             u"Reading 8,192 of 1,000,000 documents of batch.jsonl…"_s);
}

void TestStoreOpening::anUnchangedBatchIsOnlyLookedAt()
{
    writeLargeBatch(m_batch, 5);
    // Past the clock's tick since the batch was written, so that the first open's stamps are trusted.
    QThread::msleep(120);
    {
        StoreOpening first = opening();
        QVERIFY(first.run());
    }
    QList<Stage> stages;
    SyncControl control;
    control.progress = [&stages](Stage stage, qsizetype, qsizetype) {
        stages.append(stage);
    };
    StoreOpening again = opening();
    QVERIFY(again.run(control));
    QCOMPARE(stages, QList<Stage>{Stage::LookingForChanges});
}

void TestStoreOpening::cancellingLeavesTheStoreAsItWas_data()
{
    QTest::addColumn<bool>("existing");
    QTest::addColumn<int>("stage");
    QTest::addColumn<bool>("partWay"); // once the stage has done something, else as it starts
    QTest::addColumn<QString>("message");

    const auto stage = [](Stage s) {
        return int(s);
    };
    const QString asItWas = u"cancelled; the store is as it was"_s;
    const QString removed = u"cancelled; the new store was removed"_s;
    QTest::addRow("new store, finding the documents")
        << false << stage(Stage::Opening) << false << u"cancelled; no store was made"_s;
    QTest::addRow("new store, reading") << false << stage(Stage::Reading) << false << removed;
    QTest::addRow("new store, reading part way") << false << stage(Stage::Reading) << true << removed;
    QTest::addRow("new store, importing") << false << stage(Stage::Importing) << false << removed;
    QTest::addRow("new store, importing part way") << false << stage(Stage::Importing) << true << removed;
    QTest::addRow("existing store, looking for changes") << true << stage(Stage::LookingForChanges) << false << asItWas;
    QTest::addRow("existing store, reading part way") << true << stage(Stage::Reading) << true << asItWas;
    QTest::addRow("existing store, importing") << true << stage(Stage::Importing) << false << asItWas;
    QTest::addRow("existing store, importing part way") << true << stage(Stage::Importing) << true << asItWas;
}

void TestStoreOpening::cancellingLeavesTheStoreAsItWas()
{
    QFETCH(bool, existing);
    QFETCH(int, stage);
    QFETCH(bool, partWay);
    QFETCH(QString, message);

    if (existing) {
        makeStoreThenGrowBatch(count);
    } else {
        writeLargeBatch(m_batch, count);
    }
    const QStringList before = snapshot();

    std::atomic_bool cancel = false;
    qsizetype cancelledAt = -1;
    SyncControl control;
    control.cancel = &cancel;
    control.progress = [&](Stage at, qsizetype done, qsizetype total) {
        if (!cancel && int(at) == stage && (!partWay || (done > 0 && done < total))) {
            cancelledAt = done;
            cancel = true;
        }
    };
    StoreOpening open = opening();
    const Expected<std::unique_ptr<ReviewStore>> store = open.run(control);
    QVERIFY2(cancelledAt >= 0, "the stage was never reached");
    QVERIFY(!store);
    QVERIFY(open.wasCancelled());
    QCOMPARE(store.error().message, message);
    QCOMPARE(snapshot(), before);

    // What was stopped is done in full by the next open.
    StoreOpening again = opening();
    const Expected<std::unique_ptr<ReviewStore>> reopened = again.run();
    QVERIFY2(reopened, qPrintable(errorOf(reopened)));
    QCOMPARE(again.report().imported, existing ? count - 5 : count);
    QCOMPARE((*reopened)->listEntries()->size(), count);
}

QTEST_GUILESS_MAIN(TestStoreOpening)
#include "tst_storeopening.moc"
