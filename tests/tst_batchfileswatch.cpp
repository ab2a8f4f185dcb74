#include "batchfileswatch.h"
#include "checker.h"
#include "countryaliases.h"
#include "expectedsupport.h"
#include "reviewstore.h"
#include "schema.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace annorev;

// When the watch on a batch's files tells the window that they changed: for what changes the
// batch, as a sync would see it, and never for what does not.
class TestBatchFilesWatch : public QObject
{
    Q_OBJECT

public:
    enum class Change
    {
        AppendInPlace,
        ReplaceByRename,
        Remove,
        AddInSubfolder,
        AddHiddenSwapFile,
        AddNonDocument,
        WriteBesideTheFile,
    };
    Q_ENUM(Change)

private Q_SLOTS:
    void init();
    void cleanup() { m_dir.reset(); }

    void aChangeToTheBatchIsToldAndOthersAreNot_data();
    void aChangeToTheBatchIsToldAndOthersAreNot();
    void aChangeMadeWhileTheStoreSyncedIsToldAtTheFirstLook();
    void aChangeIsToldOnceUntilTheBatchIsSetAgain();
    void aFileReplacedTwiceIsToldAfterEachSetting();
    void aChangeUndoneIsTakenBackAndTheNextIsTold();
    void aSyncByAnotherProcessTakesTheChangeBack();
    void aLargeFolderIsWatchedUpToTheLimitFoldersFirst();
    void noBatchWatchesNothing();

private:
    // Watches the batch and waits for its first look; the inputs.
    QStringList watchBatch(BatchFilesWatch &watch, bool folder, const std::optional<BatchStamp> &syncedUnder = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;   // a JSON Lines batch
    QString m_folder; // a folder batch with a subfolder
};

void TestBatchFilesWatch::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_file = m_dir->filePath(u"batch.jsonl"_s);
    test::writeFile(m_file, "{\"id\": \"a\", \"text\": \"<model>A-1</model>\"}\n");
    m_folder = m_dir->filePath(u"docs"_s);
    test::writeFile(m_folder + u"/one.txt"_s, "<model>One</model> was trained in 2020.\n");
    test::writeFile(m_folder + u"/part/two.txt"_s, "<model>Two</model> was trained in 2021.\n");
}

QStringList TestBatchFilesWatch::watchBatch(BatchFilesWatch &watch, bool folder,
                                            const std::optional<BatchStamp> &syncedUnder)
{
    const QStringList inputs{folder ? m_folder : m_file};
    watch.setBatch(inputs, syncedUnder);
    // Its looks: the one that lists what to watch, and the one after the watch is set.
    if (!QTest::qWaitFor([&] { return watch.watchedPathCount() > 0 && !watch.isLooking(); }, 10000)) {
        qWarning("the first looks did not end");
    }
    return inputs;
}

void TestBatchFilesWatch::aChangeToTheBatchIsToldAndOthersAreNot_data()
{
    QTest::addColumn<bool>("folder");
    QTest::addColumn<Change>("change");
    QTest::addColumn<bool>("told");

    QTest::newRow("file edited in place") << false << Change::AppendInPlace << true;
    QTest::newRow("file replaced by a rename") << false << Change::ReplaceByRename << true;
    QTest::newRow("file removed") << false << Change::Remove << true;
    QTest::newRow("another file written beside it") << false << Change::WriteBesideTheFile << false;
    QTest::newRow("folder: a document edited in place") << true << Change::AppendInPlace << true;
    QTest::newRow("folder: a document replaced by a rename") << true << Change::ReplaceByRename << true;
    QTest::newRow("folder: a document removed") << true << Change::Remove << true;
    QTest::newRow("folder: a document added to a subfolder") << true << Change::AddInSubfolder << true;
    QTest::newRow("folder: an editor's hidden swap file") << true << Change::AddHiddenSwapFile << false;
    QTest::newRow("folder: a file that is not a document") << true << Change::AddNonDocument << false;
}

void TestBatchFilesWatch::aChangeToTheBatchIsToldAndOthersAreNot()
{
    QFETCH(bool, folder);
    QFETCH(Change, change);
    QFETCH(bool, told);

    BatchFilesWatch watch;
    watchBatch(watch, folder);
    QVERIFY(watch.watchedPathCount() > 0);
    QVERIFY(!watch.hasChanged());
    QSignalSpy changed(&watch, &BatchFilesWatch::changed);
    QSignalSpy looked(&watch, &BatchFilesWatch::lookedUnchanged);

    const QString document = folder ? m_folder + u"/part/two.txt"_s : m_file;
    const QString place = QFileInfo(document).absolutePath();
    switch (change) {
    case Change::AppendInPlace: {
        QFile file(document);
        QVERIFY(file.open(QIODevice::Append));
        QVERIFY(file.write(folder ? "More.\n" : "{\"id\": \"b\", \"text\": \"B\"}\n") > 0);
        break;
    }
    case Change::ReplaceByRename:
        test::writeFile(document + u".new"_s, test::readFile(document) + "Edited.\n");
        QVERIFY(::rename(QFile::encodeName(document + u".new"_s).constData(),
                         QFile::encodeName(document).constData()) == 0);
        break;
    case Change::Remove:
        QVERIFY(QFile::remove(document));
        break;
    case Change::AddInSubfolder:
        test::writeFile(m_folder + u"/part/deeper/three.txt"_s, "<model>Three</model>\n");
        break;
    case Change::AddHiddenSwapFile:
        test::writeFile(place + u"/.two.txt.swp"_s, "swap");
        break;
    case Change::AddNonDocument:
        test::writeFile(place + u"/notes.md"_s, "notes");
        break;
    case Change::WriteBesideTheFile:
        test::writeFile(place + u"/export.csv"_s, "id\n");
        break;
    }

    if (told) {
        QVERIFY(changed.wait(10000));
        QVERIFY(watch.hasChanged());
    } else {
        // The file system reports it; the look that follows finds the batch as it was.
        QVERIFY(looked.wait(10000));
        QCOMPARE(changed.size(), 0);
        QVERIFY(!watch.hasChanged());
    }
}

void TestBatchFilesWatch::aChangeMadeWhileTheStoreSyncedIsToldAtTheFirstLook()
{
    // The store was synced under these stamps; the file changed before the window watched it.
    const BatchStamp syncedUnder = BatchStamp::take({m_file});
    test::writeFile(m_file, "{\"id\": \"a\", \"text\": \"<model>A-2</model>\"}\n");
    BatchFilesWatch watch;
    QSignalSpy changed(&watch, &BatchFilesWatch::changed);
    watchBatch(watch, false, syncedUnder);
    QCOMPARE(changed.size(), 1);
    QVERIFY(watch.hasChanged());

    // Stamps taken now are the files': nothing to tell.
    BatchFilesWatch again;
    QSignalSpy changedAgain(&again, &BatchFilesWatch::changed);
    watchBatch(again, false, BatchStamp::take({m_file}));
    QCOMPARE(changedAgain.size(), 0);
}

void TestBatchFilesWatch::aChangeIsToldOnceUntilTheBatchIsSetAgain()
{
    BatchFilesWatch watch;
    const QStringList inputs = watchBatch(watch, true);
    QSignalSpy changed(&watch, &BatchFilesWatch::changed);
    test::writeFile(m_folder + u"/new.txt"_s, "<model>New</model>\n");
    QVERIFY(changed.wait(10000));
    test::writeFile(m_folder + u"/newer.txt"_s, "<model>Newer</model>\n");
    watch.lookNow();
    QTest::qWait(3 * BatchFilesWatch::settleMs);
    QCOMPARE(changed.size(), 1);

    // Set again (a reload) under the files as they are: quiet until the next change.
    watchBatch(watch, true, BatchStamp::take(inputs));
    QVERIFY(!watch.hasChanged());
    QCOMPARE(changed.size(), 1);
    QVERIFY(QFile::remove(m_folder + u"/new.txt"_s));
    QVERIFY(changed.wait(10000));
}

void TestBatchFilesWatch::aFileReplacedTwiceIsToldAfterEachSetting()
{
    // A file replaced by a rename loses its watch: setting the batch again watches the new file,
    // and an edit of it in place is told.
    BatchFilesWatch watch;
    const QStringList inputs = watchBatch(watch, false);
    QSignalSpy changed(&watch, &BatchFilesWatch::changed);
    for (int round = 1; round <= 2; ++round) {
        test::writeFile(m_file + u".new"_s, "{\"id\": \"a\", \"text\": \"round " + QByteArray::number(round) + "\"}\n");
        QVERIFY(::rename(QFile::encodeName(m_file + u".new"_s).constData(), QFile::encodeName(m_file).constData()) ==
                0);
        QVERIFY2(changed.wait(10000), qPrintable(QString::number(round)));
        watchBatch(watch, false, BatchStamp::take(inputs));
        QVERIFY(!watch.hasChanged());
    }
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::Append));
    QVERIFY(file.write("{\"id\": \"c\", \"text\": \"C\"}\n") > 0);
    file.close();
    QVERIFY(changed.wait(10000));
    QCOMPARE(changed.size(), 3);
}

void TestBatchFilesWatch::aChangeUndoneIsTakenBackAndTheNextIsTold()
{
    BatchFilesWatch watch;
    watchBatch(watch, true);
    QSignalSpy changed(&watch, &BatchFilesWatch::changed);
    QSignalSpy unchangedAgain(&watch, &BatchFilesWatch::unchangedAgain);
    test::writeFile(m_folder + u"/copied by mistake.txt"_s, "<model>Copy</model>\n");
    QVERIFY(changed.wait(10000));
    QVERIFY(QFile::remove(m_folder + u"/copied by mistake.txt"_s));
    QVERIFY(unchangedAgain.wait(10000));
    QVERIFY(!watch.hasChanged());
    QCOMPARE(changed.size(), 1);

    // Watched anew, and told again at the next change.
    QVERIFY(QTest::qWaitFor([&] { return !watch.isLooking(); }, 10000));
    test::writeFile(m_folder + u"/part/three.txt"_s, "<model>Three</model>\n");
    QVERIFY(changed.wait(10000));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(unchangedAgain.size(), 1);
}

void TestBatchFilesWatch::aSyncByAnotherProcessTakesTheChangeBack()
{
    // The window's store, synced with the batch; the watch reads the stamps it was synced under.
    const QString storePath = m_dir->filePath(u"batch.annorev.sqlite"_s);
    const Checker checker(Schema::builtin(), CountryAliases::builtin(), 2026);
    const auto syncStore = [&] {
        Expected<std::unique_ptr<ReviewStore>> store = ReviewStore::open(storePath);
        QVERIFY2(store, qPrintable(test::errorOf(store)));
        QVERIFY_OK((*store)->sync({m_file}, Schema::builtin(), checker, u"terminal"_s));
    };
    syncStore();
    BatchFilesWatch watch;
    std::optional<BatchStamp> syncedUnder;
    {
        Expected<std::unique_ptr<ReviewStore>> store = ReviewStore::open(storePath);
        QVERIFY2(store, qPrintable(test::errorOf(store)));
        const Expected<std::optional<BatchStamp>> stamps = (*store)->inputStamps();
        QVERIFY2(stamps, qPrintable(test::errorOf(stamps)));
        syncedUnder = *stamps;
        // When they were taken, alone: one row, where the stamps are a row a file.
        const Expected<std::optional<qint64>> takenAt = (*store)->inputStampsTakenAt();
        QVERIFY2(takenAt, qPrintable(test::errorOf(takenAt)));
        QVERIFY(syncedUnder && *takenAt && **takenAt == syncedUnder->takenAtNs);
    }
    QVERIFY(syncedUnder);
    watch.setBatch({m_file}, syncedUnder, storePath);
    QVERIFY(QTest::qWaitFor([&] { return watch.watchedPathCount() > 0 && !watch.isLooking(); }, 10000));
    QSignalSpy changed(&watch, &BatchFilesWatch::changed);
    QSignalSpy unchangedAgain(&watch, &BatchFilesWatch::unchangedAgain);
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::Append));
    QVERIFY(file.write("{\"id\": \"b\", \"text\": \"<model>B-1</model>\"}\n") > 0);
    file.close();
    QVERIFY(changed.wait(10000));

    // A write to the store that is not a sync leaves the stamps the last sync took. The look reads
    // when they were taken, not every stamp row: rows that another program made match the files
    // meanwhile do not count (read, they would take the change back).
    {
        const BatchStamp now = BatchStamp::take({m_file});
        QCOMPARE(now.files.size(), 1);
        const FileStamp &stamp = now.files.first();
        test::SqlFile sql(storePath);
        QSqlQuery update = sql.query();
        QVERIFY(update.prepare(u"UPDATE input_stamps SET size = ?, modified_ns = ?, status_changed_ns = ?, inode = ?,"
                               " device = ? WHERE path = ?"_s));
        for (const QVariant &value :
             {QVariant(stamp.size), QVariant(stamp.modifiedNs), QVariant(stamp.statusChangedNs),
              QVariant(qint64(stamp.inode)), QVariant(qint64(stamp.device)), QVariant(stamp.path)}) {
            update.addBindValue(value);
        }
        QVERIFY(update.exec());
        QCOMPARE(update.numRowsAffected(), 1);
    }
    watch.storeWritten();
    QVERIFY(QTest::qWaitFor([&] { return !watch.isLooking(); }, 10000));
    QVERIFY(watch.hasChanged());
    QCOMPARE(unchangedAgain.size(), 0);

    // `annorev status` in a terminal syncs the store with the files.
    syncStore();
    watch.storeWritten();
    QVERIFY(unchangedAgain.wait(10000));
    QVERIFY(!watch.hasChanged());
    QCOMPARE(changed.size(), 1);
}

void TestBatchFilesWatch::aLargeFolderIsWatchedUpToTheLimitFoldersFirst()
{
    const QString big = m_dir->filePath(u"big"_s);
    for (int i = 0; i < BatchFilesWatch::maxWatchedPaths + 100; ++i) {
        test::writeFile(big + u"/d%1/doc-%2.txt"_s.arg(i % 3).arg(i), "text\n");
    }
    BatchFilesWatch watch;
    watch.setBatch({big}, std::nullopt);
    QTRY_VERIFY_WITH_TIMEOUT(watch.watchedPathCount() > 0 && !watch.isLooking(), 30000);
    QVERIFY2(watch.watchedPathCount() <= BatchFilesWatch::maxWatchedPaths,
             qPrintable(QString::number(watch.watchedPathCount())));
    QVERIFY(watch.watchedPathCount() > BatchFilesWatch::maxWatchedPaths / 2);
    // Every folder is among them: a document added anywhere is told.
    QSignalSpy changed(&watch, &BatchFilesWatch::changed);
    test::writeFile(big + u"/d2/added.txt"_s, "text\n");
    QVERIFY(changed.wait(30000));
}

void TestBatchFilesWatch::noBatchWatchesNothing()
{
    BatchFilesWatch watch;
    watchBatch(watch, true);
    QVERIFY(watch.watchedPathCount() > 0);
    QSignalSpy changed(&watch, &BatchFilesWatch::changed);
    watch.setBatch({}, std::nullopt);
    QCOMPARE(watch.watchedPathCount(), 0);
    test::writeFile(m_folder + u"/new.txt"_s, "<model>New</model>\n");
    QTest::qWait(3 * BatchFilesWatch::settleMs);
    QCOMPARE(changed.size(), 0);
}

QTEST_GUILESS_MAIN(TestBatchFilesWatch)
#include "tst_batchfileswatch.moc"
