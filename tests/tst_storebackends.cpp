// The review rules every store keeps, run on both backends: a local SQLite store, and a team batch
// on the PostgreSQL server ctest starts (see teamserver.h). What only one backend has (SQLite's
// write-ahead log and migrations; the server's roles, claims and notifications) is tested in
// tst_reviewstore and tst_teamstore.

#include "checker.h"
#include "countryaliases.h"
#include "expectedsupport.h"
#include "largebatch.h"
#include "schema.h"
#include "teamserver.h"
#include "teamstore.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace annorev;
using namespace annorev::test;
using namespace Qt::StringLiterals;

namespace {

const QString first = u"000_fb52d27db3b8b6ee.txt"_s;
const QString second = u"001_1d6e54ff941a55a9.txt"_s;
const QString third = u"002_f429afe5dd9093a8.txt"_s;
const QString broken = u"broken.txt"_s; // an unclosed tag: an error finding
const QByteArray brokenText = "Trained on <hardware>NVIDIA A100 GPUs by <model>Foo-7B</model>.\n";

} // namespace

class TestStoreBackends : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void decisionsAreAllOrNothing_data() { backends(); }
    void decisionsAreAllOrNothing();
    void approvingWithErrorFindingsNeedsANote_data() { backends(); }
    void approvingWithErrorFindingsNeedsANote();
    void everyChangeHasAnAuditRowUnderItsReviewer_data() { backends(); }
    void everyChangeHasAnAuditRowUnderItsReviewer();
    void anEditReturnsADecisionToUnreviewedButNeedsWorkStays_data();
    void anEditReturnsADecisionToUnreviewedButNeedsWorkStays();
    void changesFromAnotherConnectionAreReportedOnceEach_data() { backends(); }
    void changesFromAnotherConnectionAreReportedOnceEach();
    void documentsASyncAddsOrTakesAwayAreChangesOthersHearOf_data() { backends(); }
    void documentsASyncAddsOrTakesAwayAreChangesOthersHearOf();
    void aSyncThatReordersTheBatchIsHeardOfAndChangesNoDocument_data() { backends(); }
    void aSyncThatReordersTheBatchIsHeardOfAndChangesNoDocument();
    void aBulkEditIsOneTransactionRefusedWholeOnAChangedText_data() { backends(); }
    void aBulkEditIsOneTransactionRefusedWholeOnAChangedText();

private:
    static void backends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << u"sqlite"_s;
        QTest::newRow("postgresql") << u"postgresql"_s;
    }
    // The samples and broken.txt (or the batch given), synced afresh into a store of the backend,
    // as a reviewer (bob), and a second connection to the same data as another writer.
    struct Stores
    {
        std::unique_ptr<ReviewStore> mine;
        std::unique_ptr<ReviewStore> other;
    };
    Stores freshStores(const QString &backend, const QString &batch = {});
    // Who the audit log names for the reviewer "bob": the name given, or the server's user.
    QString bob(const QString &backend) const { return backend == u"sqlite" ? u"bob"_s : m_server.user(u"bob"_s); }

    TeamServer m_server{u"sb"_s};
    QTemporaryDir m_dir;
    int m_round = 0;
    const Checker m_checker{Schema::builtin(), CountryAliases::builtin(), 2026};
};

void TestStoreBackends::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.setUp());
}

TestStoreBackends::Stores TestStoreBackends::freshStores(const QString &backend, const QString &batch)
{
    const QString name = u"b"_s + QString::number(++m_round);
    const QString folder = batch.isEmpty() ? m_dir.filePath(name) : batch;
    if (batch.isEmpty()) {
        if (!copySamples(folder)) {
            return {};
        }
        writeFile(folder + u'/' + broken, brokenText);
    }
    if (backend == u"sqlite") {
        std::unique_ptr<ReviewStore> mine = syncedStore(folder, m_checker);
        return {std::move(mine), openedStore(ReviewStore::defaultStorePath({folder}))};
    }
    // The curator imports; bob reviews; carol (a curator, and so a reviewer too) is the other writer.
    Expected<std::unique_ptr<ReviewStore>> curator =
        ReviewStore::open(m_server.address(m_server.user(u"carol"_s), name), true);
    if (!curator || !(*curator)->sync({folder}, Schema::builtin(), m_checker, QString())) {
        qWarning("the import failed");
        return {};
    }
    return {openedStore(m_server.address(m_server.user(u"bob"_s), name)), std::move(*curator)};
}

void TestStoreBackends::decisionsAreAllOrNothing()
{
    QFETCH(QString, backend);
    Stores stores = freshStores(backend);
    QVERIFY(stores.mine);
    ReviewStore &store = *stores.mine;
    const QString error =
        errorOf(store.setStatus({first, u"no-such-doc"_s, second}, ReviewStatus::Approved, u"ok"_s, u"bob"_s));
    QVERIFY2(error.contains(u"no document \"no-such-doc\""_s) && error.contains(u"nothing was changed"_s),
             qPrintable(error));
    QCOMPARE(store.document(first)->status, ReviewStatus::Unreviewed);
    QCOMPARE(store.document(second)->status, ReviewStatus::Unreviewed);
    QVERIFY(store.auditLog()->isEmpty());

    QVERIFY_OK(store.setStatus({first, second}, ReviewStatus::Approved, {}, u"bob"_s));
    QCOMPARE(store.document(first)->status, ReviewStatus::Approved);
    QCOMPARE(store.document(second)->status, ReviewStatus::Approved);
    QCOMPARE(store.auditLog()->size(), 2);
    QCOMPARE(store.summary()->byStatus[int(ReviewStatus::Approved)], 2);
}

void TestStoreBackends::approvingWithErrorFindingsNeedsANote()
{
    QFETCH(QString, backend);
    Stores stores = freshStores(backend);
    QVERIFY(stores.mine);
    ReviewStore &store = *stores.mine;
    QVERIFY(store.document(broken)->errors > 0);
    const QString error = errorOf(store.setStatus({first, broken}, ReviewStatus::Approved, u"  "_s, u"bob"_s));
    QVERIFY2(error.contains(u"\"broken.txt\" has error findings: approving it needs a note"_s), qPrintable(error));
    QCOMPARE(store.document(first)->status, ReviewStatus::Unreviewed);
    QVERIFY(store.auditLog()->isEmpty());

    // Other decisions need no reason; an approval with one goes through and keeps it.
    QVERIFY_OK(store.setStatus({broken}, ReviewStatus::NeedsWork, {}, u"bob"_s));
    QVERIFY_OK(store.setStatus({broken}, ReviewStatus::Approved, u"the tag is closed upstream"_s, u"bob"_s));
    const auto doc = store.document(broken);
    QCOMPARE(doc->status, ReviewStatus::Approved);
    QCOMPARE(doc->note, u"the tag is closed upstream"_s);
    QCOMPARE(store.auditLog(broken)->constLast().note, u"the tag is closed upstream"_s);
}

void TestStoreBackends::everyChangeHasAnAuditRowUnderItsReviewer()
{
    QFETCH(QString, backend);
    Stores stores = freshStores(backend);
    QVERIFY(stores.mine);
    ReviewStore &store = *stores.mine;
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    QVERIFY_OK(store.setStatus({first}, ReviewStatus::NeedsWork, u"check the GPU count"_s, u"bob"_s));
    const QByteArray original = store.document(first)->taggedText;
    const QByteArray edited = original + "\n<year>2023</year>";
    QVERIFY_OK(store.setTaggedText(first, edited, Schema::builtin(), m_checker, u"bob"_s));
    const qint64 versionAfterEdit = *store.version(first);
    QVERIFY_OK(store.setTaggedText(first, edited, Schema::builtin(), m_checker, u"bob"_s)); // no change, no row
    // A write that changes nothing leaves the version, and so stales nobody's edit.
    QCOMPARE(*store.version(first), versionAfterEdit);
    QVERIFY_OK(store.setStatus({first}, ReviewStatus::Approved, {}, u"bob"_s));

    const QList<ReviewStore::AuditEntry> log = *store.auditLog(first);
    QCOMPARE(log.size(), 3);
    QCOMPARE(log[0].action, u"status"_s);
    QCOMPARE(log[0].statusBefore, std::optional(ReviewStatus::Unreviewed));
    QCOMPARE(log[0].statusAfter, std::optional(ReviewStatus::NeedsWork));
    QCOMPARE(log[0].note, u"check the GPU count"_s);
    QCOMPARE(log[1].action, u"edit"_s);
    QCOMPARE(log[1].textBefore, std::optional(original));
    QCOMPARE(log[1].textAfter, std::optional(edited));
    QCOMPARE(log[2].statusBefore, std::optional(ReviewStatus::NeedsWork));
    QCOMPARE(log[2].statusAfter, std::optional(ReviewStatus::Approved));
    for (const ReviewStore::AuditEntry &entry : log) {
        QCOMPARE(entry.documentId, first);
        QCOMPARE(entry.reviewer, bob(backend));
        QVERIFY(entry.at >= before && entry.at <= QDateTime::currentDateTimeUtc().addSecs(1));
    }
    QVERIFY(log[0].seq < log[1].seq && log[1].seq < log[2].seq);
    QCOMPARE(store.document(first)->reviewer, bob(backend));
    QVERIFY(*store.version(first) != versionAfterEdit); // the approval moved it on
}

void TestStoreBackends::anEditReturnsADecisionToUnreviewedButNeedsWorkStays_data()
{
    QTest::addColumn<QString>("backend");
    QTest::addColumn<ReviewStatus>("decided");
    QTest::addColumn<ReviewStatus>("afterEdit");
    for (const QString &backend : {u"sqlite"_s, u"postgresql"_s}) {
        QTest::addRow("%s, approved", qPrintable(backend))
            << backend << ReviewStatus::Approved << ReviewStatus::Unreviewed;
        QTest::addRow("%s, rejected", qPrintable(backend))
            << backend << ReviewStatus::Rejected << ReviewStatus::Unreviewed;
        QTest::addRow("%s, needs work", qPrintable(backend))
            << backend << ReviewStatus::NeedsWork << ReviewStatus::NeedsWork;
    }
}

void TestStoreBackends::anEditReturnsADecisionToUnreviewedButNeedsWorkStays()
{
    QFETCH(QString, backend);
    QFETCH(ReviewStatus, decided);
    QFETCH(ReviewStatus, afterEdit);
    Stores stores = freshStores(backend);
    QVERIFY(stores.mine);
    ReviewStore &store = *stores.mine;
    QVERIFY_OK(store.setStatus({second}, decided, u"looked at it"_s, u"bob"_s));
    const auto decision = store.document(second);
    QVERIFY_OK(decision);
    const QByteArray edited = decision->taggedText + "\nMore text.";
    QVERIFY_OK(store.setTaggedText(second, edited, Schema::builtin(), m_checker, u"bob"_s));
    const auto doc = store.document(second);
    QCOMPARE(doc->status, afterEdit);
    QCOMPARE(doc->taggedText, edited);
    const ReviewStore::AuditEntry last = store.auditLog(second)->constLast();
    QCOMPARE(last.action, u"edit"_s);
    QCOMPARE(last.statusBefore, std::optional(decided));
    QCOMPARE(last.statusAfter, std::optional(afterEdit));
    QCOMPARE(last.note.contains(u"unreviewed"_s), afterEdit != decided);
    // Only what a reviewer approved as it stands is exported as approved.
    const auto approved = store.exportDocuments(ReviewStatus::Approved);
    QVERIFY_OK(approved);
    QVERIFY(std::none_of(approved->cbegin(), approved->cend(), [](const ExportDocument &d) { return d.id == second; }));
}

void TestStoreBackends::changesFromAnotherConnectionAreReportedOnceEach()
{
    QFETCH(QString, backend);
    Stores stores = freshStores(backend);
    QVERIFY(stores.mine && stores.other);
    ReviewStore &watcher = *stores.mine;
    ReviewStore &other = *stores.other;
    const Expected<ReviewStore::Changes> start = watcher.changesSince(ReviewStore::noMark);
    QVERIFY_OK(start);
    QVERIFY(start->ids.isEmpty());

    QVERIFY_OK(other.setStatus({first}, ReviewStatus::NeedsWork, {}, u"carol"_s));
    const QByteArray text = other.document(third)->taggedText + "\n<year>2023</year>";
    QVERIFY_OK(other.setTaggedText(third, text, Schema::builtin(), m_checker, u"carol"_s));
    QVERIFY_OK(other.setStatus({third}, ReviewStatus::NeedsWork, {}, u"carol"_s));
    const Expected<ReviewStore::Changes> changes = watcher.changesSince(start->mark);
    QVERIFY_OK(changes);
    QStringList ids = changes->ids;
    ids.sort();
    QCOMPARE(ids, (QStringList{first, third}));
    const Expected<ReviewStore::Changes> again = watcher.changesSince(changes->mark);
    QVERIFY_OK(again);
    QVERIFY(again->ids.isEmpty());
}

void TestStoreBackends::documentsASyncAddsOrTakesAwayAreChangesOthersHearOf()
{
    QFETCH(QString, backend);
    Stores stores = freshStores(backend);
    QVERIFY(stores.mine && stores.other);
    const QString folder = m_dir.filePath(u"b"_s + QString::number(m_round));
    ReviewStore &watcher = *stores.mine;
    ReviewStore &importer = *stores.other;
    // The first import adds the whole batch, which no window lists yet: nothing is logged.
    QVERIFY(watcher.auditLog()->isEmpty());
    const Expected<ReviewStore::Changes> start = watcher.changesSince(ReviewStore::noMark);
    QVERIFY_OK(start);
    QStringList heard;
    if (TeamStore *team = watcher.team()) {
        QVERIFY_OK(team->listen([&heard](const QString &id) { heard.append(id); }));
    }

    const QString added = u"007_added.txt"_s;
    writeFile(folder + u'/' + added, "Meet <model>Added-1B</model>.\n");
    QVERIFY(QFile::remove(folder + u'/' + second));
    const Expected<ReviewStore::SyncReport> report =
        importer.sync({folder}, Schema::builtin(), m_checker, backend == u"sqlite" ? u"carol"_s : QString());
    QVERIFY_OK(report);
    QCOMPARE(report->imported, 1);
    QCOMPARE(report->missing, QStringList{second});

    const Expected<ReviewStore::Changes> changes = watcher.changesSince(start->mark);
    QVERIFY_OK(changes);
    QStringList ids = changes->ids;
    ids.sort();
    QCOMPARE(ids, (QStringList{second, added}));
    const Expected<QList<ReviewStore::AuditEntry>> log = watcher.auditLog(added);
    QVERIFY_OK(log);
    QCOMPARE(log->size(), 1);
    QCOMPARE(log->constFirst().action, u"source-added"_s);
    QCOMPARE(log->constFirst().note, u"the document is new in the batch"_s);
    if (watcher.team()) {
        // A team batch's windows hear of it from the server, as of an edit.
        QTRY_VERIFY_WITH_TIMEOUT(heard.contains(added) && heard.contains(second), 2000);
    }
    // A sync that finds the batch as it was adds nothing more.
    QVERIFY_OK(importer.sync({folder}, Schema::builtin(), m_checker, QString()));
    const Expected<ReviewStore::Changes> again = watcher.changesSince(changes->mark);
    QVERIFY_OK(again);
    QVERIFY(again->ids.isEmpty());
}

void TestStoreBackends::aSyncThatReordersTheBatchIsHeardOfAndChangesNoDocument()
{
    QFETCH(QString, backend);
    const QString batch = m_dir.filePath(u"lines"_s + QString::number(m_round + 1) + u".jsonl"_s);
    writeFile(batch, modelLine("a") + modelLine("b") + modelLine("c"));
    Stores stores = freshStores(backend, batch);
    QVERIFY(stores.mine && stores.other);
    ReviewStore &watcher = *stores.mine;
    ReviewStore &importer = *stores.other;
    const Expected<ReviewStore::Changes> start = watcher.changesSince(ReviewStore::noMark);
    QVERIFY_OK(start);
    QVERIFY(!start->reordered);
    QStringList heard;
    if (TeamStore *team = watcher.team()) {
        QVERIFY_OK(team->listen([&heard](const QString &id) { heard.append(id); }));
    }
    const QString user = backend == u"sqlite" ? u"carol"_s : QString();

    // A line added before the others moves every place but changes no order: the document added
    // is what is heard of.
    writeFile(batch, modelLine("d") + modelLine("a") + modelLine("b") + modelLine("c"));
    QVERIFY_OK(importer.sync({batch}, Schema::builtin(), m_checker, user));
    const Expected<ReviewStore::Changes> added = watcher.changesSince(start->mark);
    QVERIFY_OK(added);
    QCOMPARE(added->ids, QStringList{u"d"_s});
    QVERIFY(!added->reordered);
    const qint64 versionOfA = watcher.document(u"a"_s)->version;

    // The same lines in another order: no document changed, and the order is heard of.
    writeFile(batch, modelLine("d") + modelLine("c") + modelLine("a") + modelLine("b"));
    QVERIFY_OK(importer.sync({batch}, Schema::builtin(), m_checker, user));
    QCOMPARE(watcher.ids().value(), (QStringList{u"d"_s, u"c"_s, u"a"_s, u"b"_s}));
    QCOMPARE(watcher.document(u"a"_s)->version, versionOfA);
    if (watcher.team()) {
        // A team batch's windows hear of it from the server, as a change of no document.
        QTRY_VERIFY_WITH_TIMEOUT(heard.contains(QString()), 2000);
    } else {
        const Expected<ReviewStore::Changes> reordered = watcher.changesSince(added->mark);
        QVERIFY_OK(reordered);
        QVERIFY(reordered->ids.isEmpty());
        QVERIFY(reordered->reordered);
        // Once.
        const Expected<ReviewStore::Changes> again = watcher.changesSince(reordered->mark);
        QVERIFY_OK(again);
        QVERIFY(!again->reordered);
    }
}

void TestStoreBackends::aBulkEditIsOneTransactionRefusedWholeOnAChangedText()
{
    QFETCH(QString, backend);
    Stores stores = freshStores(backend);
    QVERIFY(stores.mine);
    ReviewStore &store = *stores.mine;
    QVERIFY_OK(store.setStatus({first}, ReviewStatus::Approved, {}, u"bob"_s));
    auto edit = [&](const QString &id, const QByteArray &before) {
        const QByteArray after = before + "\nTrained in <year>2021</year>.";
        return ReviewStore::TextWrite{id, before, after, TextFacts::of(after, Schema::builtin(), m_checker)};
    };
    const QByteArray firstBefore = store.document(first)->taggedText;
    const QByteArray secondBefore = store.document(second)->taggedText;
    const qsizetype rows = store.auditLog()->size();

    // The second was read before another writer changed it: nothing is written, the first neither.
    QVERIFY_OK(stores.other->setTaggedText(second, secondBefore + "!", Schema::builtin(), m_checker, u"carol"_s));
    const QString error = errorOf(store.setTaggedTexts({edit(first, firstBefore), edit(second, secondBefore)},
                                                       u"bob"_s));
    QVERIFY2(error.contains(u"the document \"001_1d6e54ff941a55a9.txt\" was changed by "_s) &&
                 error.endsWith(u"since it was read; nothing was changed"_s),
             qPrintable(error));
    QCOMPARE(store.document(first)->taggedText, firstBefore);
    QCOMPARE(store.auditLog()->size(), rows + 1);

    const QByteArray secondNow = store.document(second)->taggedText;
    QVERIFY_OK(store.setTaggedTexts({edit(first, firstBefore), edit(second, secondNow)}, u"bob"_s));
    const auto log = store.auditLog();
    QCOMPARE(log->size(), rows + 3);
    QCOMPARE(log->at(rows + 1).action, u"edit"_s);
    QCOMPARE(log->at(rows + 2).action, u"edit"_s);
    QCOMPARE(log->at(rows + 1).reviewer, bob(backend));
    QVERIFY(store.document(first)->taggedText.endsWith("<year>2021</year>."));
    QVERIFY(store.document(second)->taggedText.endsWith("<year>2021</year>."));
    // The approval was of the text before the edit.
    QCOMPARE(store.document(first)->status, ReviewStatus::Unreviewed);
}

QTEST_GUILESS_MAIN(TestStoreBackends)
#include "tst_storebackends.moc"
