// A store remembers the stamps of the files its last sync read (size, times, inode), so that a
// command on an unchanged batch stats its files instead of reading them. These tests guard the
// other side of that bargain: every change a reader could see is seen, and a stamp too close to
// its sync to prove anything is not trusted.
#include "batchstamp.h"
#include "olderstore.h"
#include "storetestbatch.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>

#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace annorev;
using namespace annorev::test;

namespace {

// Longer than BatchStamp's trust window: a stamp taken after this is settled.
void letTheClockMove()
{
    QThread::msleep(120);
}

// A file's modification time to the nanosecond (QDateTime keeps milliseconds only).
timespec modifiedTime(const QString &path)
{
    struct stat info = {};
    ::stat(QFile::encodeName(path).constData(), &info);
    return info.st_mtim;
}

bool setModifiedTime(const QString &path, const timespec &time)
{
    const timespec times[2] = {{0, UTIME_OMIT}, time};
    return ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0) == 0;
}

bool operator==(const timespec &a, const timespec &b)
{
    return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

} // namespace

class TestIncrementalSync : public QObject, private StoreTestBatch
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { setUpBatch(); }
    void cleanup() { tearDownBatch(); }

    void stampsOnlySettleOutsideTheClocksTick_data();
    void stampsOnlySettleOutsideTheClocksTick();
    void anUnchangedBatchIsAnsweredFromItsStamps();
    void everyChangeToAFolderBatchIsSeen_data();
    void everyChangeToAFolderBatchIsSeen();
    void aFolderBatchReadsAgainOnlyTheFilesThatChanged();
    void aJsonLinesLineEditedInPlaceIsSeen();
    void aBatchMovedWithItsStoreIsReadOnceThenAnsweredFromStamps();
    void aBatchNamedFromAnotherDirectoryIsNotReadAgain_data();
    void aBatchNamedFromAnotherDirectoryIsNotReadAgain();
    void inputErrorsAreReportedAgainFromTheStamps();
    void aStoreFromBeforeStampsReadsTheBatchOnce();
    void theCommandLineRepeatsInputErrorsAndSeesAChange();

private:
    // Syncs until the store's stamps are settled, and checks that the next look needs no read.
    bool settle(ReviewStore &store) const;
};

bool TestIncrementalSync::settle(ReviewStore &store) const
{
    letTheClockMove();
    sync(store);
    const auto unchanged = store.syncByStamps({m_batch});
    return unchanged && unchanged->has_value();
}

void TestIncrementalSync::stampsOnlySettleOutsideTheClocksTick_data()
{
    QTest::addColumn<qint64>("changedBeforeStampNs");
    QTest::addColumn<bool>("wholeSeconds");
    QTest::addColumn<bool>("settled");
    QTest::newRow("in the same tick") << qint64(1'000'000) << false << false;
    QTest::newRow("just inside the window") << qint64(49'000'000) << false << false;
    QTest::newRow("well before") << qint64(900'000'000) << false << true;
    // A file system without nanoseconds may round a change that came after the look down to it.
    QTest::newRow("whole seconds, one second before") << qint64(1'000'000'000) << true << false;
    QTest::newRow("whole seconds, three seconds before") << qint64(3'000'000'000) << true << true;
}

void TestIncrementalSync::stampsOnlySettleOutsideTheClocksTick()
{
    QFETCH(qint64, changedBeforeStampNs);
    QFETCH(bool, wholeSeconds);
    QFETCH(bool, settled);
    BatchStamp stamp;
    stamp.takenAtNs = wholeSeconds ? 1'700'000'000'000'000'000 : 1'700'000'000'123'456'789;
    FileStamp file{u"a.jsonl"_s, 10, 0, stamp.takenAtNs - changedBeforeStampNs, 1, 1};
    file.modifiedNs = file.statusChangedNs;
    stamp.files = {file};
    QCOMPARE(stamp.isSettled(), settled);
    // Equal files are trusted only when settled.
    BatchStamp now = stamp;
    now.takenAtNs += 5'000'000'000;
    QCOMPARE(stamp.matches(now), settled);
    now.files[0].inode = 2;
    QVERIFY(!stamp.matches(now));
}

void TestIncrementalSync::anUnchangedBatchIsAnsweredFromItsStamps()
{
    auto store = openStore();
    QVERIFY(store);
    letTheClockMove();
    QCOMPARE(sync(*store).imported, qsizetype(5));
    const auto unchanged = store->syncByStamps({m_batch});
    QVERIFY2(unchanged, qPrintable(unchanged ? QString() : unchanged.error().message));
    QVERIFY2(unchanged->has_value(), "an unchanged batch was not recognised from its stamps");
    QCOMPARE((*unchanged)->imported, qsizetype(0));
    QVERIFY((*unchanged)->inputErrors.isEmpty());
    // What the stamps stand for: a row per document file, as a folder lists them.
    RawStore raw(m_storePath);
    QCOMPARE(raw.value(u"SELECT count(*) FROM input_stamps"_s).toInt(), 5);
}

void TestIncrementalSync::everyChangeToAFolderBatchIsSeen_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("changedId"); // in the report's sourceChanged
    QTest::addColumn<QString>("missingId"); // in the report's missing
    QTest::addColumn<qsizetype>("imported");
    QTest::newRow("a byte edited in place, same size") << u"edit"_s << first << QString() << qsizetype(0);
    QTest::newRow("edited, modification time set back") << u"edit-backdated"_s << first << QString() << qsizetype(0);
    QTest::newRow("replaced by a file of the same size and time") << u"replace"_s << first << QString() << qsizetype(0);
    QTest::newRow("a document added") << u"add"_s << QString() << QString() << qsizetype(1);
    QTest::newRow("a document removed") << u"remove"_s << QString() << second << qsizetype(0);
    QTest::newRow("touched, bytes unchanged") << u"touch"_s << QString() << QString() << qsizetype(0);
}

void TestIncrementalSync::everyChangeToAFolderBatchIsSeen()
{
    QFETCH(QString, change);
    QFETCH(QString, changedId);
    QFETCH(QString, missingId);
    QFETCH(qsizetype, imported);
    auto store = openStore();
    QVERIFY(store);
    QVERIFY(settle(*store));

    const QString path = QDir(m_batch).filePath(first);
    const QByteArray bytes = readFile(path);
    QByteArray edited = bytes;
    edited[edited.indexOf("paper")] = 'P';
    const timespec before = modifiedTime(path);
    if (change == u"edit") {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QCOMPARE(file.write(edited), edited.size());
    } else if (change == u"edit-backdated") {
        writeFile(path, edited);
        QVERIFY(setModifiedTime(path, before));
        QVERIFY(modifiedTime(path) == before);
    } else if (change == u"replace") {
        const QString fresh = path + u".new"_s;
        writeFile(fresh, edited);
        QVERIFY(setModifiedTime(fresh, before));
        QCOMPARE(std::rename(QFile::encodeName(fresh).constData(), QFile::encodeName(path).constData()), 0);
        QCOMPARE(QFileInfo(path).size(), bytes.size());
        QVERIFY(modifiedTime(path) == before);
    } else if (change == u"add") {
        writeFile(QDir(m_batch).filePath(u"new.txt"_s), "A <model>New-1B</model> model.\n");
    } else if (change == u"remove") {
        QVERIFY(QFile::remove(QDir(m_batch).filePath(second)));
    } else if (change == u"touch") {
        timespec now = {};
        clock_gettime(CLOCK_REALTIME, &now);
        QVERIFY(setModifiedTime(path, now));
    }

    const auto unchanged = store->syncByStamps({m_batch});
    QVERIFY(unchanged);
    QVERIFY2(!unchanged->has_value(), "a changed batch was answered from its stamps");
    const ReviewStore::SyncReport report = sync(*store);
    QCOMPARE(report.imported, imported);
    QCOMPARE(report.sourceChanged, changedId.isEmpty() ? QStringList() : QStringList{changedId});
    QCOMPARE(report.missing, missingId.isEmpty() ? QStringList() : QStringList{missingId});
    // Once read, the new stamps stand for the batch.
    QVERIFY(settle(*store));
}

void TestIncrementalSync::aFolderBatchReadsAgainOnlyTheFilesThatChanged()
{
    auto store = openStore();
    QVERIFY(store);
    letTheClockMove();
    QCOMPARE(sync(*store).unitsRead, qsizetype(5));
    letTheClockMove();

    // One document edited, one added: the other four are known by their stamps.
    const QString path = QDir(m_batch).filePath(third);
    QByteArray edited = readFile(path);
    edited[0] = edited[0] == 'X' ? 'Y' : 'X';
    writeFile(path, edited);
    writeFile(QDir(m_batch).filePath(u"new.txt"_s), "A <model>New-1B</model> model.\n");
    letTheClockMove(); // so that this sync's stamps of the two are trusted next time
    const ReviewStore::SyncReport report = sync(*store);
    QCOMPARE(report.unitsRead, qsizetype(2));
    QCOMPARE(report.sourceChanged, QStringList{third});
    QCOMPARE(report.imported, qsizetype(1));

    // The edit is undone, so the document's source is back to what was imported: only that file
    // is read, and its hash (not the stored one of the edit) tells it.
    writeFile(path, readFile(QStringLiteral(ANNOREV_SAMPLES_DIR "/") + third));
    const ReviewStore::SyncReport restored = sync(*store);
    QCOMPARE(restored.unitsRead, qsizetype(1));
    QCOMPARE(restored.sourceRestored, QStringList{third});
    QVERIFY(settle(*store));
}

void TestIncrementalSync::aJsonLinesLineEditedInPlaceIsSeen()
{
    const QString batch = m_dir->filePath(u"batch.jsonl"_s);
    writeFile(batch, "{\"id\": \"a\", \"text\": \"<model>Foo-7B</model> runs.\"}\n"
                     "{\"id\": \"b\", \"text\": \"<model>Bar-7B</model> runs.\"}\n");
    auto store = openedStore(ReviewStore::defaultStorePath({batch}));
    QVERIFY(store);
    letTheClockMove();
    QVERIFY(store->sync({batch}, Schema::builtin(), m_checker, u"tester"_s));
    QVERIFY(store->syncByStamps({batch}).value().has_value());

    QFile file(batch);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(file.size() - 10));
    QCOMPARE(file.write("walks"), qint64(5)); // "runs." became "walks", same length
    file.close();
    QVERIFY(!store->syncByStamps({batch}).value().has_value());
    const auto report = store->sync({batch}, Schema::builtin(), m_checker, u"tester"_s);
    QVERIFY(report);
    QCOMPARE(report->sourceChanged, QStringList{u"b"_s});
}

void TestIncrementalSync::aBatchMovedWithItsStoreIsReadOnceThenAnsweredFromStamps()
{
    {
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(settle(*store));
    }
    const QString moved = m_dir->filePath(u"moved"_s);
    QVERIFY(QDir().rename(m_batch, moved));
    QVERIFY(QFile::rename(m_storePath, ReviewStore::defaultStorePath({moved})));
    m_batch = moved;
    m_storePath = ReviewStore::defaultStorePath({moved});
    auto store = openStore();
    QVERIFY(store);
    QVERIFY2(!store->syncByStamps({moved}).value().has_value(), "a moved batch was answered from the old stamps");
    const ReviewStore::SyncReport report = sync(*store);
    QCOMPARE(report.imported, qsizetype(0));
    QVERIFY(report.missing.isEmpty());
    QCOMPARE(store->batchInputs().value(), QStringList{QFileInfo(moved).canonicalFilePath()});
    QVERIFY(settle(*store));
}

void TestIncrementalSync::aBatchNamedFromAnotherDirectoryIsNotReadAgain_data()
{
    QTest::addColumn<bool>("jsonLines");
    QTest::newRow("folder") << false;
    QTest::newRow("JSON Lines") << true;
}

void TestIncrementalSync::aBatchNamedFromAnotherDirectoryIsNotReadAgain()
{
    QFETCH(bool, jsonLines);
    const QString absolute = jsonLines ? m_dir->filePath(u"batch.jsonl"_s) : m_batch;
    if (jsonLines) {
        writeFile(absolute, "{\"id\": \"a\", \"text\": \"<model>Foo-7B</model> runs.\"}\n");
    }
    const QString relative = u"./"_s + QFileInfo(absolute).fileName();
    const QString before = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_dir->path()));
    const auto restoreDirectory = qScopeGuard([&before] { QDir::setCurrent(before); });
    auto store = openedStore(ReviewStore::defaultStorePath({relative}));
    QVERIFY(store);
    letTheClockMove();
    QVERIFY(store->sync({relative}, Schema::builtin(), m_checker, u"tester"_s));
    QVERIFY(store->syncByStamps({relative}).value().has_value());

    // The same batch by its absolute path: answered from the stamps the relative name left.
    QVERIFY2(store->syncByStamps({absolute}).value().has_value(), "the batch was read again under another name");
    if (!jsonLines) {
        // One file touched: the sync under the other name reads that file only.
        letTheClockMove();
        const QString path = QDir(absolute).filePath(third);
        writeFile(path, readFile(path));
        letTheClockMove();
        const auto report = store->sync({absolute}, Schema::builtin(), m_checker, u"tester"_s);
        QVERIFY(report);
        QCOMPARE(report->unitsRead, qsizetype(1));
    }
}

void TestIncrementalSync::inputErrorsAreReportedAgainFromTheStamps()
{
    const QString dangling = QDir(m_batch).filePath(u"gone.txt"_s);
    QVERIFY(QFile::link(m_dir->filePath(u"nowhere.txt"_s), dangling));
    auto store = openStore();
    QVERIFY(store);
    letTheClockMove();
    const ReviewStore::SyncReport first = sync(*store);
    QCOMPARE(first.inputErrors.size(), 1);
    const auto again = store->syncByStamps({m_batch});
    QVERIFY(again);
    QVERIFY(again->has_value());
    QCOMPARE((*again)->inputErrors.size(), 1);
    QCOMPARE((*again)->inputErrors[0].toString(), first.inputErrors[0].toString());
}

void TestIncrementalSync::aStoreFromBeforeStampsReadsTheBatchOnce()
{
    {
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(settle(*store));
    }
    {
        // What schema 4 wrote: no stamps.
        QCOMPARE(rewriteAsSchema5(m_storePath), QString());
        RawStore raw(m_storePath);
        QSqlQuery q = raw.query();
        QVERIFY(q.exec(u"DROP TABLE input_stamps"_s));
        QVERIFY(q.exec(u"DELETE FROM meta WHERE key IN ('inputs_stamped_at_ns', 'input_errors')"_s));
        QVERIFY(q.exec(u"UPDATE meta SET value = '4' WHERE key = 'schema_version'"_s));
    }
    auto store = openStore();
    QVERIFY(store);
    QVERIFY(!store->syncByStamps({m_batch}).value().has_value());
    QVERIFY(settle(*store));
}

void TestIncrementalSync::theCommandLineRepeatsInputErrorsAndSeesAChange()
{
    QVERIFY(QFile::link(m_dir->filePath(u"nowhere.txt"_s), m_batch + u"/gone.txt"_s));
    QThread::msleep(120); // past the clock's tick, so that the first run's stamps are trusted
    const CliRun first = runAnnorev({u"status"_s, m_batch}, isolatedEnvironment(*m_dir));
    QCOMPARE(first.exitCode, 0);
    QVERIFY2(first.err.contains("gone.txt"), first.err.constData());
    // Answered from the stamps: the same notes, nothing imported again.
    const CliRun second = runAnnorev({u"status"_s, m_batch}, isolatedEnvironment(*m_dir));
    QCOMPARE(second.exitCode, 0);
    QByteArray expected = first.err;
    expected.replace(QByteArray("annorev: note: imported 5 documents into " + QFile::encodeName(m_storePath) + "\n"),
                     "");
    QCOMPARE(second.err, expected);
    QCOMPARE(second.out, first.out);
    // A document edited since is seen at once, whatever the stamps said.
    const QString path = m_batch + u"/001_1d6e54ff941a55a9.txt"_s;
    QByteArray edited = readFile(path);
    edited[0] = edited[0] == 'X' ? 'Y' : 'X';
    writeFile(path, edited);
    const CliRun third = runAnnorev({u"status"_s, m_batch}, isolatedEnvironment(*m_dir));
    QCOMPARE(third.exitCode, 0);
    QVERIFY2(third.err.contains("001_1d6e54ff941a55a9.txt: the source changed"), third.err.constData());
}

QTEST_GUILESS_MAIN(TestIncrementalSync)
#include "tst_incrementalsync.moc"
