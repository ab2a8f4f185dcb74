#include "checker.h"
#include "countryaliases.h"
#include "folderentries.h"
#include "reviewername.h"
#include "reviewstore.h"
#include "schema.h"
#include "spotchecksample.h"
#include "sqlite/sqliteconnection.h"
#include "sqlite/sqlitedocuments.h"
#include "sqlite/sqlitestore.h"
#include "sqlite/sqlitevalues.h"
#include "storestats.h"
#include "storetestbatch.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <pwd.h>
#include <unistd.h>

using namespace annorev;
using namespace Qt::StringLiterals;
using annorev::test::errorOf;
using annorev::test::openedStore;
using namespace annorev::test;

namespace {

using annorev::test::readFile;
using annorev::test::writeFile;

// Every file below a folder with its bytes, to show that nothing in it was touched.
QMap<QString, QByteArray> snapshot(const QString &folder)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(path, QCryptographicHash::hash(readFile(path), QCryptographicHash::Sha256));
    }
    return files;
}

} // namespace

class TestReviewStore : public QObject, private test::StoreTestBatch
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void storedTimesReadBackAsWrittenAndInOtherIsoForms_data();
    void storedTimesReadBackAsWrittenAndInOtherIsoForms();
    void defaultStorePathIsBesideTheBatch_data();
    void defaultStorePathIsBesideTheBatch();
    void openCreatesTheSchemaInWalMode();
    void reopeningKeepsEverything();
    void emptyDatabaseFileBecomesAStore();
    void newerStoreIsRefusedAndLeftByteIdentical();
    void otherFilesAreRefused_data();
    void otherFilesAreRefused();
    void aTeamAddressWithAPasswordIsRefusedWithoutEchoingIt();
    void setStatusIsAllOrNothing();
    void approvingWithErrorFindingsNeedsANote();
    void everyChangeHasAnAuditRow();
    void changesFromAnotherConnectionAreReportedOnceEach_data();
    void changesFromAnotherConnectionAreReportedOnceEach();
    void auditRowsCannotBeChangedOrDeleted();
    void editingRecountsFindingsAndMarksTheExportEdited();
    void editingADecidedDocumentReturnsItToUnreviewed_data();
    void editingADecidedDocumentReturnsItToUnreviewed();
    void describesAFullDiskAsSuch_data();
    void describesAFullDiskAsSuch();
    void exportFiltersByStatusInBatchOrder();
    void summaryCountsStatusesAndFindings();
    void summaryIsReadFromKeptCountsAndIndexesNotEveryRow_data();
    void summaryIsReadFromKeptCountsAndIndexesNotEveryRow();
    void keptCountsMatchARecountAfterEveryKindOfWrite();
    void sourceFilesAreNeverModified();
    void lockedStoreIsReportedClearly();
    void readsOfAStoreThatCannotBeReadAreErrorsNotEmptyResults();
    void aStoreReadableOnlyBySyncFailsItsListAndSummary();
    void reviewerNameResolution();
};

void TestReviewStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestReviewStore::init()
{
    setUpBatch();
}

void TestReviewStore::cleanup()
{
    tearDownBatch();
}

void TestReviewStore::defaultStorePathIsBesideTheBatch_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("store");
    QTest::addRow("folder") << u"batch"_s << u"batch.annorev.sqlite"_s;
    QTest::addRow("folder with a slash") << u"batch/"_s << u"batch.annorev.sqlite"_s;
    QTest::addRow("nested folder") << u"work/batch/"_s << u"work/batch.annorev.sqlite"_s;
    QTest::addRow("json lines") << u"a.jsonl"_s << u"a.jsonl.annorev.sqlite"_s;
    QTest::addRow("file") << u"sub/doc.txt"_s << u"sub/doc.txt.annorev.sqlite"_s;
}

void TestReviewStore::defaultStorePathIsBesideTheBatch()
{
    QFETCH(QString, input);
    QFETCH(QString, store);
    QCOMPARE(ReviewStore::defaultStorePath({input}), QDir::current().absoluteFilePath(store));
}

void TestReviewStore::openCreatesTheSchemaInWalMode()
{
    QVERIFY(openStore());
    QVERIFY(QFileInfo::exists(m_storePath));
    RawStore raw(m_storePath);
    QCOMPARE(raw.value(u"SELECT value FROM meta WHERE key = 'schema_version'"_s).toString(),
             QString::number(ReviewStore::schemaVersion));
    QCOMPARE(raw.value(u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
    QCOMPARE(raw.value(u"SELECT COUNT(*) FROM sqlite_master WHERE name IN ('documents', 'audit', 'meta')"_s).toInt(),
             3);
    QCOMPARE(raw.value(u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'"_s).toInt(),
             2);
}

void TestReviewStore::reopeningKeepsEverything()
{
    {
        auto store = openStore();
        QVERIFY(store);
        QCOMPARE(sync(*store).imported, 5);
        QVERIFY_OK(store->setStatus({second}, ReviewStatus::Rejected, u"wrong model"_s, u"alice"_s));
    }
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(sync(*store).imported, 0);
    QCOMPARE(store->ids()->size(), 5);
    const auto doc = store->document(second);
    QVERIFY(doc);
    QCOMPARE(doc->status, ReviewStatus::Rejected);
    QCOMPARE(doc->note, u"wrong model"_s);
    QCOMPARE(doc->reviewer, u"alice"_s);
    QVERIFY(doc->changedAt.isValid());
    QCOMPARE(doc->changedAt.timeSpec(), Qt::UTC);
    QCOMPARE(store->auditLog()->size(), 1);
}

void TestReviewStore::emptyDatabaseFileBecomesAStore()
{
    writeFile(m_storePath, {});
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(sync(*store).imported, 5);
}

void TestReviewStore::newerStoreIsRefusedAndLeftByteIdentical()
{
    {
        RawStore raw(m_storePath);
        QSqlQuery q = raw.query();
        QVERIFY(q.exec(u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s));
        QVERIFY(q.exec(u"CREATE TABLE documents (x)"_s));
        QVERIFY(q.prepare(u"INSERT INTO meta (key, value) VALUES (?, ?)"_s));
        q.bindValue(0, u"schema_version"_s);
        q.bindValue(1, QString::number(ReviewStore::schemaVersion + 1));
        QVERIFY(q.exec());
        q.finish();
        raw.close();
    }
    const QByteArray before = readFile(m_storePath);
    QVERIFY(!before.isEmpty());
    QString error;
    error = errorOf(ReviewStore::open(m_storePath));
    QVERIFY(!error.isEmpty());
    QCOMPARE(error, u"the store %1 was written by a newer annorev (store schema %2, this annorev reads up to %3); "
                    "upgrade annorev"_s.arg(m_storePath)
                        .arg(ReviewStore::schemaVersion + 1)
                        .arg(ReviewStore::schemaVersion));
    QCOMPARE(readFile(m_storePath), before);
    QVERIFY(!QFileInfo::exists(m_storePath + u"-wal"_s));
}

void TestReviewStore::otherFilesAreRefused_data()
{
    QTest::addColumn<bool>("sqlite");
    QTest::addRow("another program's database") << true;
    QTest::addRow("not a database") << false;
}

void TestReviewStore::otherFilesAreRefused()
{
    QFETCH(bool, sqlite);
    if (sqlite) {
        RawStore raw(m_storePath);
        QVERIFY(raw.query().exec(u"CREATE TABLE bookmarks (url TEXT)"_s));
        raw.close();
    } else {
        writeFile(m_storePath, QByteArray("these are notes, not a database\n").repeated(200));
    }
    const QByteArray before = readFile(m_storePath);
    QString error;
    error = errorOf(ReviewStore::open(m_storePath));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(m_storePath), qPrintable(error));
    if (sqlite) {
        QCOMPARE(error, m_storePath + u" is not an annorev store"_s);
    }
    QCOMPARE(readFile(m_storePath), before);
}

void TestReviewStore::aTeamAddressWithAPasswordIsRefusedWithoutEchoingIt()
{
    // A team batch's address with a password is refused before any connection, never taken
    // for a file name, and never repeated (tst_teamaddress has every other refusal).
    const QString error = errorOf(ReviewStore::open(u"postgresql://ann:secret@db.example/review?batch=b1"_s));
    QVERIFY2(error.contains(u"holds a password"_s), qPrintable(error));
    QVERIFY(!error.contains(u"secret"_s));
    QVERIFY(!QFileInfo::exists(u"postgresql:"_s));
}

void TestReviewStore::setStatusIsAllOrNothing()
{
    auto store = openStore();
    QVERIFY(store);
    sync(*store);
    QString error;
    error = errorOf(store->setStatus({first, u"no-such-doc"_s, second}, ReviewStatus::Approved, u"ok"_s, u"alice"_s));
    QVERIFY(!error.isEmpty());
    QCOMPARE(error, u"no document \"no-such-doc\" in the store %1; nothing was changed"_s.arg(m_storePath));
    QCOMPARE(store->document(first)->status, ReviewStatus::Unreviewed);
    QCOMPARE(store->document(second)->status, ReviewStatus::Unreviewed);
    QVERIFY(store->auditLog()->isEmpty());

    QVERIFY_OK(store->setStatus({first, second}, ReviewStatus::Approved, {}, u"alice"_s));
    QCOMPARE(store->document(first)->status, ReviewStatus::Approved);
    QCOMPARE(store->document(second)->status, ReviewStatus::Approved);
    QCOMPARE(store->auditLog()->size(), 2);
}

void TestReviewStore::approvingWithErrorFindingsNeedsANote()
{
    writeFile(m_batch + u"/broken.txt"_s, withError);
    auto store = openStore();
    QVERIFY(store);
    sync(*store);
    QVERIFY(store->document(u"broken.txt"_s)->errors > 0);
    QString error;
    error = errorOf(store->setStatus({first, u"broken.txt"_s}, ReviewStatus::Approved, u"  "_s, u"alice"_s));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(u"\"broken.txt\" has error findings: approving it needs a note"_s), qPrintable(error));
    QCOMPARE(store->document(first)->status, ReviewStatus::Unreviewed);
    QVERIFY(store->auditLog()->isEmpty());

    // Other decisions need no reason.
    QVERIFY_OK(store->setStatus({u"broken.txt"_s}, ReviewStatus::NeedsWork, {}, u"alice"_s));
    QVERIFY(store->setStatus({u"broken.txt"_s}, ReviewStatus::Approved, u"the tag is closed upstream"_s, u"bob"_s));
    const auto doc = store->document(u"broken.txt"_s);
    QCOMPARE(doc->status, ReviewStatus::Approved);
    QCOMPARE(doc->note, u"the tag is closed upstream"_s);
    QCOMPARE(store->auditLog(u"broken.txt"_s)->constLast().note, u"the tag is closed upstream"_s);
}

void TestReviewStore::everyChangeHasAnAuditRow()
{
    auto store = openStore();
    QVERIFY(store);
    sync(*store);
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    QVERIFY_OK(store->setStatus({first}, ReviewStatus::NeedsWork, u"check the GPU count"_s, u"alice"_s));
    const QByteArray original = store->document(first)->taggedText;
    const QByteArray edited = original + "\n<year>2023</year>";
    QVERIFY_OK(store->setTaggedText(first, edited, Schema::builtin(), m_checker, u"bob"_s));
    QVERIFY(store->setTaggedText(first, edited, Schema::builtin(), m_checker, u"bob"_s)); // no change
    QVERIFY_OK(store->setStatus({first}, ReviewStatus::Approved, {}, u"carol"_s));
    QVERIFY_OK(store->setStatus({second}, ReviewStatus::Rejected, {}, u"carol"_s));

    const QList<ReviewStore::AuditEntry> log = *store->auditLog(first);
    QCOMPARE(log.size(), 3);
    QCOMPARE(log[0].action, u"status"_s);
    QCOMPARE(log[0].reviewer, u"alice"_s);
    QCOMPARE(log[0].statusBefore, std::optional(ReviewStatus::Unreviewed));
    QCOMPARE(log[0].statusAfter, std::optional(ReviewStatus::NeedsWork));
    QCOMPARE(log[0].note, u"check the GPU count"_s);
    QVERIFY(!log[0].textBefore && !log[0].textAfter);
    QCOMPARE(log[1].action, u"edit"_s);
    QCOMPARE(log[1].reviewer, u"bob"_s);
    QCOMPARE(log[1].textBefore, std::optional(original));
    QCOMPARE(log[1].textAfter, std::optional(edited));
    QCOMPARE(log[2].statusBefore, std::optional(ReviewStatus::NeedsWork));
    QCOMPARE(log[2].statusAfter, std::optional(ReviewStatus::Approved));
    for (const auto &entry : log) {
        QCOMPARE(entry.documentId, first);
        QVERIFY(entry.at >= before && entry.at <= QDateTime::currentDateTimeUtc());
        QCOMPARE(entry.at.timeSpec(), Qt::UTC);
    }
    QVERIFY(log[0].seq < log[1].seq && log[1].seq < log[2].seq);
    QCOMPARE(store->auditLog()->size(), 4);
    QCOMPARE(store->document(first)->reviewer, u"carol"_s);
}

void TestReviewStore::changesFromAnotherConnectionAreReportedOnceEach_data()
{
    // Steps "WHO:WHAT:ID": WHO is "other" (a second connection, as another process has) or "self"
    // (the watching connection); WHAT is "status" or "edit".
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QStringList>("reported"); // sorted
    QTest::addRow("nothing") << QStringList{} << QStringList{};
    QTest::addRow("a decision") << QStringList{u"other:status:"_s + first} << QStringList{first};
    QTest::addRow("an edit") << QStringList{u"other:edit:"_s + second} << QStringList{second};
    QTest::addRow("an edit and a decision of one document, once")
        << QStringList{u"other:edit:"_s + first, u"other:status:"_s + first} << QStringList{first};
    QTest::addRow("two documents") << QStringList{u"other:status:"_s + second, u"other:edit:"_s + first}
                                   << QStringList{first, second};
    // The watcher knows its own writes; they are not looked for until someone else writes.
    QTest::addRow("its own decision alone") << QStringList{u"self:status:"_s + first} << QStringList{};
    QTest::addRow("its own and another's")
        << QStringList{u"self:status:"_s + first, u"other:status:"_s + second} << QStringList{first, second};
}

void TestReviewStore::changesFromAnotherConnectionAreReportedOnceEach()
{
    QFETCH(QStringList, steps);
    QFETCH(QStringList, reported);
    auto watcher = openStore();
    QVERIFY(watcher);
    sync(*watcher);
    auto other = openStore();
    QVERIFY(other);
    // Changes before the first call are what the watcher reads as it opens: not reported.
    QVERIFY_OK(other->setStatus({third}, ReviewStatus::NeedsWork, {}, u"bob"_s));
    const Expected<ReviewStore::Changes> start = watcher->changesSince(ReviewStore::noMark);
    QVERIFY_OK(start);
    QVERIFY(start->ids.isEmpty());
    QVERIFY(start->mark > 0);

    for (const QString &step : std::as_const(steps)) {
        const QStringList parts = step.split(u':');
        ReviewStore &store = parts[0] == u"other" ? *other : *watcher;
        if (parts[1] == u"status") {
            QVERIFY_OK(store.setStatus({parts[2]}, ReviewStatus::Approved, u"fine"_s, u"bob"_s));
        } else {
            const QByteArray text = store.document(parts[2])->taggedText + "\n<year>2023</year>";
            QVERIFY_OK(store.setTaggedText(parts[2], text, Schema::builtin(), m_checker, u"bob"_s));
        }
    }
    const Expected<ReviewStore::Changes> changes = watcher->changesSince(start->mark);
    QVERIFY_OK(changes);
    QStringList ids = changes->ids;
    ids.sort();
    QCOMPARE(ids, reported);
    QCOMPARE(changes->mark > start->mark, !reported.isEmpty());
    // Each change once: asked again, nothing new.
    const Expected<ReviewStore::Changes> again = watcher->changesSince(changes->mark);
    QVERIFY_OK(again);
    QVERIFY(again->ids.isEmpty());
}

void TestReviewStore::auditRowsCannotBeChangedOrDeleted()
{
    {
        auto store = openStore();
        QVERIFY(store);
        sync(*store);
        QVERIFY_OK(store->setStatus({first}, ReviewStatus::Rejected, {}, u"alice"_s));
    }
    RawStore raw(m_storePath);
    QSqlQuery q = raw.query();
    QVERIFY(!q.exec(u"UPDATE audit SET status_after = 'approved'"_s));
    QVERIFY2(q.lastError().text().contains(u"append-only"_s), qPrintable(q.lastError().text()));
    QVERIFY(!q.exec(u"DELETE FROM audit"_s));
    QVERIFY2(q.lastError().text().contains(u"append-only"_s), qPrintable(q.lastError().text()));
    QCOMPARE(raw.value(u"SELECT COUNT(*) FROM audit"_s).toInt(), 1);
    QCOMPARE(raw.value(u"SELECT status_after FROM audit"_s).toString(), u"rejected"_s);
}

void TestReviewStore::editingRecountsFindingsAndMarksTheExportEdited()
{
    auto store = openStore();
    QVERIFY(store);
    sync(*store);
    QCOMPARE(store->document(second)->errors, 0);
    const QByteArray original = store->document(second)->taggedText;
    QString error;
    QVERIFY_OK(store->setTaggedText(second, withError, Schema::builtin(), m_checker, u"alice"_s));
    auto doc = store->document(second);
    QVERIFY(doc->errors > 0);
    QCOMPARE(store->summary()->documentsWithErrors, 1);
    auto exported = *store->exportDocuments();
    QCOMPARE(exported[1].id, second);
    QVERIFY(exported[1].edited);
    QCOMPARE(exported[1].taggedText, withError);
    QVERIFY(!exported[0].edited);

    QVERIFY_OK(store->setTaggedText(second, original, Schema::builtin(), m_checker, u"alice"_s));
    QCOMPARE(store->document(second)->errors, 0);
    QVERIFY(!(*store->exportDocuments())[1].edited);
    error = errorOf(store->setTaggedText(u"nope"_s, original, Schema::builtin(), m_checker, u"alice"_s));
    QVERIFY(!error.isEmpty());
    QVERIFY(error.contains(u"no document \"nope\""_s));
}

void TestReviewStore::editingADecidedDocumentReturnsItToUnreviewed_data()
{
    QTest::addColumn<ReviewStatus>("decided");
    QTest::addColumn<ReviewStatus>("afterEdit");
    QTest::addRow("approved") << ReviewStatus::Approved << ReviewStatus::Unreviewed;
    QTest::addRow("rejected") << ReviewStatus::Rejected << ReviewStatus::Unreviewed;
    QTest::addRow("needs work stays") << ReviewStatus::NeedsWork << ReviewStatus::NeedsWork;
}

void TestReviewStore::editingADecidedDocumentReturnsItToUnreviewed()
{
    QFETCH(ReviewStatus, decided);
    QFETCH(ReviewStatus, afterEdit);
    auto store = openStore();
    QVERIFY(store);
    sync(*store);
    QVERIFY_OK(store->setStatus({second}, decided, u"looked at it"_s, u"alice"_s));
    const auto decision = store->document(second);
    QVERIFY(decision->changedAt.isValid());
    QTest::qWait(5); // so that an edit stamping its own time would show

    const QByteArray edited = decision->taggedText + "\nMore text.";
    QVERIFY_OK(store->setTaggedText(second, edited, Schema::builtin(), m_checker, u"bob"_s));
    const auto doc = store->document(second);
    QCOMPARE(doc->status, afterEdit);
    QCOMPARE(doc->taggedText, edited);
    // reviewed_at and the reviewer stay the decision's.
    QCOMPARE(doc->changedAt, decision->changedAt);
    QCOMPARE(doc->reviewer, u"alice"_s);
    const ReviewStore::AuditEntry last = store->auditLog(second)->constLast();
    QCOMPARE(last.action, u"edit"_s);
    QCOMPARE(last.reviewer, u"bob"_s);
    QCOMPARE(last.statusBefore, std::optional(decided));
    QCOMPARE(last.statusAfter, std::optional(afterEdit));
    QCOMPARE(last.note.contains(u"unreviewed"_s), afterEdit != decided);
    QVERIFY(last.at > decision->changedAt);

    // Only what a reviewer approved as it stands is exported as approved.
    const QList<ExportDocument> approved = *store->exportDocuments(ReviewStatus::Approved);
    QVERIFY(std::none_of(approved.cbegin(), approved.cend(), [](const ExportDocument &d) { return d.id == second; }));
    const QList<ExportDocument> all = *store->exportDocuments();
    QCOMPARE(all[1].status, afterEdit);
    QCOMPARE(all[1].reviewedAt, decision->changedAt);
}

void TestReviewStore::describesAFullDiskAsSuch_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::addRow("SQLITE_FULL")
        << 13 << u"the disk holding the store /data/b.annorev.sqlite is full; free some space and try again"_s;
    QTest::addRow("SQLITE_BUSY")
        << 5 << u"the store /data/b.annorev.sqlite is locked by another annorev process; try again"_s;
    QTest::addRow("SQLITE_BUSY_SNAPSHOT")
        << (5 | (2 << 8)) << u"the store /data/b.annorev.sqlite is locked by another annorev process; try again"_s;
    QTest::addRow("SQLITE_CORRUPT") << 11 << u"the store /data/b.annorev.sqlite: SQLite's words"_s;
}

void TestReviewStore::describesAFullDiskAsSuch()
{
    QFETCH(int, code);
    QFETCH(QString, message);
    QCOMPARE(SqliteStore::describeSqliteError(u"/data/b.annorev.sqlite"_s, code, u"SQLite's words"_s), message);
}

void TestReviewStore::exportFiltersByStatusInBatchOrder()
{
    auto store = openStore();
    QVERIFY(store);
    sync(*store);
    QVERIFY_OK(store->setStatus({fourth, second}, ReviewStatus::Approved, u"fine"_s, u"alice"_s));
    QVERIFY_OK(store->setStatus({third}, ReviewStatus::Rejected, {}, u"bob"_s));
    const QList<ExportDocument> approved = *store->exportDocuments(ReviewStatus::Approved);
    QCOMPARE(approved.size(), 2);
    QCOMPARE(approved[0].id, second);
    QCOMPARE(approved[1].id, fourth);
    QCOMPARE(approved[0].status, ReviewStatus::Approved);
    QCOMPARE(approved[0].reviewer, u"alice"_s);
    QCOMPARE(approved[0].note, u"fine"_s);
    QVERIFY(approved[0].reviewedAt.isValid());
    QCOMPARE(approved[0].layout, BatchLayout::Folder);
    const QList<ExportDocument> all = *store->exportDocuments();
    QCOMPARE(all.size(), 5);
    QVERIFY(!all[0].reviewedAt.isValid());
    QCOMPARE(store->exportDocuments(ReviewStatus::NeedsWork)->size(), 0);
}

void TestReviewStore::summaryCountsStatusesAndFindings()
{
    auto store = openStore();
    QVERIFY(store);
    sync(*store);
    QString error;
    QVERIFY_OK(store->setStatus({first, second}, ReviewStatus::Approved, {}, u"alice"_s));
    QVERIFY_OK(store->setStatus({third}, ReviewStatus::NeedsWork, {}, u"alice"_s));
    const ReviewStore::Summary summary = *store->summary();
    QVERIFY(error.isEmpty());
    QCOMPARE(summary.documents, 5);
    QCOMPARE(summary.byStatus[std::size_t(ReviewStatus::Unreviewed)], 2);
    QCOMPARE(summary.byStatus[std::size_t(ReviewStatus::Approved)], 2);
    QCOMPARE(summary.byStatus[std::size_t(ReviewStatus::NeedsWork)], 1);
    QCOMPARE(summary.byStatus[std::size_t(ReviewStatus::Rejected)], 0);
    // As `annorev check` counts the samples: 0 errors, 6 warnings, 1 info.
    QCOMPARE(summary.errors, 0);
    QCOMPARE(summary.warnings, 6);
    QCOMPARE(summary.infos, 1);
}

void TestReviewStore::summaryIsReadFromKeptCountsAndIndexesNotEveryRow_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("plan");
    QTest::newRow("counts") << SqliteDocuments::summaryCounts << u"SCAN summary_counts"_s;
    QTest::newRow("source changed") << SqliteDocuments::summaryFlagged(u"source_changed"_s)
                                    << u"SCAN documents USING INDEX documents_source_changed"_s;
    QTest::newRow("missing") << SqliteDocuments::summaryFlagged(u"missing"_s)
                             << u"SCAN documents USING INDEX documents_missing"_s;
}

void TestReviewStore::summaryIsReadFromKeptCountsAndIndexesNotEveryRow()
{
    // `status` at a million documents: the kept counts, four rows, and indexes of the few flagged
    // documents instead of every row; no sort of its own.
    QFETCH(QString, sql);
    QFETCH(QString, plan);
    auto store = openStore();
    QVERIFY(store);
    sync(*store);
    SqlFile raw(m_storePath);
    QSqlQuery query = raw.query();
    QVERIFY2(query.exec(u"EXPLAIN QUERY PLAN "_s + sql), qPrintable(query.lastError().text()));
    QStringList steps;
    while (query.next()) {
        steps.append(query.value(3).toString());
    }
    QCOMPARE(steps, QStringList{plan});
}

// The counts `status` shows are kept as documents change (schema 9): after each kind of write they
// are what adding up every document gives.
void TestReviewStore::keptCountsMatchARecountAfterEveryKindOfWrite()
{
    auto store = openStore();
    QVERIFY(store);
    const auto compare = [this](const char *after) {
        RawStore raw(m_storePath);
        const QStringList kept = raw.rows(u"SELECT status, documents, errors, warnings, infos, with_errors"
                                          " FROM summary_counts WHERE documents > 0 ORDER BY status"_s);
        const QStringList recount = raw.rows(u"SELECT status, COUNT(*), SUM(errors), SUM(warnings), SUM(infos),"
                                             " SUM(errors > 0) FROM documents GROUP BY status ORDER BY status"_s);
        QVERIFY2(kept == recount, qPrintable(u"after "_s + QLatin1StringView(after) + u": kept "_s + kept.join(u"; ") +
                                             u", recounted "_s + recount.join(u"; ")));
        QVERIFY2(!kept.isEmpty(), after);
    };
    sync(*store);
    compare("the first import");
    QVERIFY_OK(store->setStatus({first, second}, ReviewStatus::Approved, {}, u"alice"_s));
    QVERIFY_OK(store->setStatus({third}, ReviewStatus::NeedsWork, u"boundary"_s, u"alice"_s));
    QVERIFY_OK(store->setStatus({fourth}, ReviewStatus::Rejected, u"off topic"_s, u"alice"_s));
    compare("decisions");
    QVERIFY_OK(store->setStatus({fourth}, ReviewStatus::Rejected, u"still off topic"_s, u"bob"_s));
    compare("a decision that keeps the status");
    QVERIFY_OK(store->setTaggedText(third, withError, Schema::builtin(), m_checker, u"alice"_s));
    compare("an edit that adds an error");
    QVERIFY_OK(store->setTaggedText(first, withError, Schema::builtin(), m_checker, u"alice"_s));
    compare("an edit that reopens an approved document");
    writeFile(m_batch + u"/new.txt"_s, "<model>N</model> on <gpu_count>many</gpu_count> GPUs");
    QVERIFY(QFile::remove(m_batch + u'/' + second));
    sync(*store);
    compare("a sync that adds a document and misses one");
    writeFile(m_batch + u'/' + fourth, "<model>Changed</model>");
    sync(*store);
    compare("a sync of a changed source");
}

void TestReviewStore::sourceFilesAreNeverModified()
{
    const QMap<QString, QByteArray> before = snapshot(m_batch);
    QCOMPARE(before.size(), 5);
    {
        auto store = openStore();
        QVERIFY(store);
        sync(*store);
        QVERIFY_OK(store->setStatus(*store->ids(), ReviewStatus::Rejected, {}, u"alice"_s));
        QVERIFY_OK(store->setTaggedText(first, "rewritten", Schema::builtin(), m_checker, u"alice"_s));
        QCOMPARE(store->exportDocuments()->size(), 5);
        sync(*store);
    }
    QCOMPARE(snapshot(m_batch), before);
}

void TestReviewStore::lockedStoreIsReportedClearly()
{
    auto store = openStore();
    QVERIFY(store);
    sync(*store);
    RawStore raw(m_storePath);
    QSqlQuery q = raw.query();
    QVERIFY(q.exec(u"BEGIN IMMEDIATE"_s));
    QElapsedTimer timer;
    timer.start();
    QString error;
    error = errorOf(store->setStatus({first}, ReviewStatus::Approved, {}, u"alice"_s));
    QVERIFY(!error.isEmpty());
    QVERIFY(timer.elapsed() >= SqliteConnection::busyTimeoutMs - 500);
    QCOMPARE(error, u"the store %1 is locked by another annorev process; try again"_s.arg(m_storePath));
    // Reading still works while another process writes.
    QCOMPARE(store->ids()->size(), 5);
    QVERIFY(q.exec(u"ROLLBACK"_s));
    QVERIFY_OK(store->setStatus({first}, ReviewStatus::Approved, {}, u"alice"_s));
}

void TestReviewStore::readsOfAStoreThatCannotBeReadAreErrorsNotEmptyResults()
{
    auto store = openStore();
    QVERIFY(store);
    sync(*store);
    QVERIFY_OK(store->setStatus({first}, ReviewStatus::NeedsWork, {}, u"alice"_s));
    QVERIFY_OK(
        store->createRound(SpotCheckRound{u"r1"_s, {}, u"alice"_s, 1, 1, u"all"_s, Stratify::None, 1}, {{first, {}}}));
    {
        // Another program empties the file of its tables while this store is open.
        RawStore raw(m_storePath);
        QSqlQuery q = raw.query();
        for (const QString &table :
             {u"facts"_s, u"audit"_s, u"judgements"_s, u"round_documents"_s, u"rounds"_s, u"documents"_s, u"meta"_s}) {
            QVERIFY2(q.exec(u"DROP TABLE "_s + table), qPrintable(q.lastError().text()));
        }
    }
    const QList<std::pair<const char *, QString>> reads{
        {"listEntries", errorOf(store->listEntries())},
        {"summary", errorOf(store->summary())},
        {"ids", errorOf(store->ids())},
        {"document", errorOf(store->document(first))},
        {"exportDocuments", errorOf(store->exportDocuments())},
        {"auditLog", errorOf(store->auditLog())},
        {"search", errorOf(store->search(u"GPU"_s))},
        {"batchInputs", errorOf(store->batchInputs())},
        {"rounds", errorOf(store->rounds())},
        {"round", errorOf(store->round(u"r1"_s))},
        {"roundDocuments", errorOf(store->roundDocuments(u"r1"_s))},
        {"judgements", errorOf(store->judgements(u"r1"_s))},
        {"setStatus", errorOf(store->setStatus({first}, ReviewStatus::Approved, {}, u"alice"_s))},
    };
    for (const auto &[read, error] : reads) {
        QVERIFY2(error.startsWith(u"the store "_s + m_storePath + u": "_s), read);
        QVERIFY2(error.contains(u"no such table"_s), qPrintable(QString::fromLatin1(read) + u": "_s + error));
    }
}

void TestReviewStore::aStoreReadableOnlyBySyncFailsItsListAndSummary()
{
    {
        auto store = openStore();
        QVERIFY(store);
        QCOMPARE(sync(*store).imported, 5);
    }
    QVERIFY(annorev::test::breakStoreReads(m_storePath));
    auto store = openStore();
    QVERIFY(store);
    QVERIFY_OK(store->sync({m_batch}, Schema::builtin(), m_checker, u"tester"_s));
    // An empty list here was an empty batch in the window, and zeros in `annorev status`.
    for (const QString &error : {errorOf(store->listEntries()), errorOf(store->summary()),
                                 errorOf(store->exportDocuments()), errorOf(store->document(first))}) {
        QVERIFY2(error.startsWith(u"the store "_s + m_storePath + u": no such column"_s), qPrintable(error));
    }
}

void TestReviewStore::reviewerNameResolution()
{
    const QByteArray user = qgetenv("USER");
    const QByteArray username = qgetenv("USERNAME");
    const QByteArray logname = qgetenv("LOGNAME");
    auto restore = qScopeGuard([&] {
        qputenv("USER", user);
        qputenv("USERNAME", username);
        qputenv("LOGNAME", logname);
        QSettings(u"annorev"_s, u"annorev"_s).remove(u"reviewer"_s);
    });
    qunsetenv("USER");
    qunsetenv("USERNAME");
    qunsetenv("LOGNAME");
    QSettings(u"annorev"_s, u"annorev"_s).remove(u"reviewer"_s);
    // Without the variables, the account's name from the password database.
    const passwd *account = ::getpwuid(::getuid());
    QCOMPARE(ReviewerName::resolve(), account ? QString::fromLocal8Bit(account->pw_name) : u"unknown"_s);
    qputenv("USERNAME", "winuser");
    QCOMPARE(ReviewerName::resolve(), u"winuser"_s);
    qputenv("USER", "osuser");
    QCOMPARE(ReviewerName::resolve(), u"osuser"_s);
    ReviewerName::save(u"  Saved Name "_s);
    QCOMPARE(ReviewerName::resolve(), u"Saved Name"_s);
    QCOMPARE(ReviewerName::resolve(u"  "_s), u"Saved Name"_s);
    QCOMPARE(ReviewerName::resolve(u"explicit"_s), u"explicit"_s);
    // Test mode keeps the saved setting out of the user's real configuration.
    QVERIFY(QSettings(u"annorev"_s, u"annorev"_s).fileName().contains(u"qttest"_s));
}

QTEST_GUILESS_MAIN(TestReviewStore)
void TestReviewStore::storedTimesReadBackAsWrittenAndInOtherIsoForms_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime written(QDate(2026, 12, 4), QTime(7, 35, 4, 63), Qt::UTC);
    // The form timestamp() writes is read without QDateTime::fromString(); the rest through it.
    QTest::addRow("as written") << SqliteValues::timestamp(written) << written;
    QTest::addRow("leap day") << u"2028-02-29T23:59:59.999Z"_s
                              << QDateTime(QDate(2028, 2, 29), QTime(23, 59, 59, 999), Qt::UTC);
    QTest::addRow("with an offset") << u"2026-12-04T08:35:04.063+01:00"_s << written;
    QTest::addRow("without milliseconds") << u"2026-12-04T07:35:04Z"_s
                                          << QDateTime(QDate(2026, 12, 4), QTime(7, 35, 4), Qt::UTC);
    QTest::addRow("no such month") << u"2026-13-04T07:35:04.063Z"_s << QDateTime();
    QTest::addRow("no such day") << u"2026-02-30T07:35:04.063Z"_s << QDateTime();
    QTest::addRow("a letter for a digit") << u"2026-12-04T07:3x:04.063Z"_s << QDateTime();
    QTest::addRow("not a time") << u"yesterday"_s << QDateTime();
}

void TestReviewStore::storedTimesReadBackAsWrittenAndInOtherIsoForms()
{
    QFETCH(QString, stored);
    QFETCH(QDateTime, expected);
    const QDateTime read = SqliteValues::timeOf(QVariant(stored));
    QCOMPARE(read.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(read, expected);
        QCOMPARE(read.timeSpec(), Qt::UTC);
        // What is read is what Qt's own parser reads.
        QCOMPARE(read, QDateTime::fromString(stored, Qt::ISODateWithMs).toUTC());
    }
    QVERIFY(!SqliteValues::timeOf(QVariant()).isValid());
}

#include "tst_reviewstore.moc"
