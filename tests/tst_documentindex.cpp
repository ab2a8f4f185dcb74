#include "checker.h"
#include "countryaliases.h"
#include "documententry.h"
#include "documentfacts.h"
#include "documentfilterproxymodel.h"
#include "documentindexpage.h"
#include "documentlistmodel.h"
#include "documentquery.h"
#include "documentrows.h"
#include "documentrowsreader.h"
#include "largebatch.h"
#include "reviewstore.h"
#include "schema.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace annorev;
using namespace annorev::test;

namespace {

DocumentFacts factsWith(const QStringList &labels, const QStringList &rules, int errors = 0)
{
    DocumentFacts facts;
    for (const QString &label : labels) {
        facts.labels.append({label, 1});
    }
    for (const QString &rule : rules) {
        facts.rules.append({rule, Severity::Warning, 1});
        facts.bySeverity[std::size_t(Severity::Warning)] += 1;
    }
    if (errors > 0) {
        facts.rules.append({u"zz-error"_s, Severity::Error, errors});
        facts.bySeverity[std::size_t(Severity::Error)] += errors;
    }
    return facts;
}

QString lineOf(const DocumentRows::Entry &entry)
{
    return entry.id + u' ' + statusName(entry.status) + u' ' + QString::number(entry.errorCount) + u'/' +
           QString::number(entry.warningCount) + u' ' + entry.labels.join(u',') + u' ' + entry.rules.join(u',');
}

// The rows' entries, one line each.
QStringList entriesOf(const DocumentRows &rows)
{
    QStringList lines;
    for (qsizetype row = 0; row < rows.size(); ++row) {
        lines.append(lineOf(rows.entry(row)));
    }
    return lines;
}

QString idsShown(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        ids.append(model.index(row, DocumentListModel::IdColumn).data(DocumentListModel::IdRole).toString());
    }
    return ids.join(u'|');
}

} // namespace

// The compact document index the window lists a million documents with: pages read from the
// store, the rows they fill, the query that filters and sorts them, and the proxy that shows the
// result, at once or from a worker.
class TestDocumentIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesNumberNameSetsOnceAcrossARead_data();
    void pagesNumberNameSetsOnceAcrossARead();
    void rowsFindEveryIdAfterGrowing();
    void rowsRefuseFactsThatCannotBeRead();
    void querySortsTiesInBatchOrder_data();
    void querySortsTiesInBatchOrder();
    void querySortsIdsAsTextInAnyCase();
    void queryGivesNothingOnceCancelled();
    void proxyKeepsTheCurrentRowThroughSortsAndRemovals_data();
    void proxyKeepsTheCurrentRowThroughSortsAndRemovals();
    void proxyTakesAChangeMadeWhileItAppliesRows();
    void proxyTakesPagesInAsTheyArrive_data();
    void proxyTakesPagesInAsTheyArrive();
    void aListReadAgainReplacesEveryRowKeepingTheSortAndFilter_data();
    void aListReadAgainReplacesEveryRowKeepingTheSortAndFilter();
    void aWholeListIsReadOnAWorkerAndHandedOverAtOnce();
    void storeReadsTheIndexInPagesAsItListsEntries_data();
    void storeReadsTheIndexInPagesAsItListsEntries();
    void storeIndexLeavesOutDocumentsGoneFromTheBatch();

private:
    std::unique_ptr<Checker> m_checker;
};

void TestDocumentIndex::initTestCase()
{
    m_checker = std::make_unique<Checker>(Schema::builtin(), CountryAliases::builtin(), 2026);
}

void TestDocumentIndex::pagesNumberNameSetsOnceAcrossARead_data()
{
    QTest::addColumn<qsizetype>("pageSize");
    for (qsizetype size : {1, 2, 3, 100}) {
        QTest::addRow("pages of %lld", qlonglong(size)) << size;
    }
}

void TestDocumentIndex::pagesNumberNameSetsOnceAcrossARead()
{
    QFETCH(qsizetype, pageSize);
    struct Doc
    {
        QString id;
        ReviewStatus status;
        DocumentFacts facts;
    };
    const QList<Doc> docs{
        {u"a"_s, ReviewStatus::Unreviewed, factsWith({u"model"_s}, {})},
        {u"b"_s, ReviewStatus::Approved, factsWith({u"model"_s, u"year"_s}, {u"model-missing"_s})},
        {u"c"_s, ReviewStatus::Rejected, factsWith({u"model"_s}, {}, 2)},
        {u"é-d"_s, ReviewStatus::NeedsWork, factsWith({u"a,b=c"_s}, {u"model-missing"_s})}, // separators in a name
        {u"e"_s, ReviewStatus::Unreviewed, factsWith({u"model"_s, u"year"_s}, {u"model-missing"_s})},
    };
    const auto read = [&](DocumentRows &rows) {
        DocumentIndexPageBuilder builder;
        for (qsizetype i = 0; i < docs.size(); ++i) {
            QVERIFY(builder.add(docs[i].id.toUtf8(), docs[i].status, docs[i].facts.encoded().toUtf8()));
            if (builder.pending() == pageSize || i == docs.size() - 1) {
                const DocumentIndexPage page = builder.take(i);
                QCOMPARE(page.lastId, docs[i].id);
                rows.append(page);
            }
        }
    };
    QStringList expected;
    for (const Doc &doc : docs) {
        expected.append(lineOf(DocumentEntry::fromFacts(doc.id, doc.status, doc.facts)));
    }
    DocumentRows rows;
    read(rows);
    QCOMPARE(entriesOf(rows), expected);
    QCOMPARE(rows.labelSets().size(), 4); // none, {model}, {model, year}, {a,b=c}
    // A second read, numbering its sets from 0 again, lands on the same sets.
    read(rows);
    QCOMPARE(entriesOf(rows), expected + expected);
    QCOMPARE(rows.labelSets().size(), 4);
}

void TestDocumentIndex::rowsFindEveryIdAfterGrowing()
{
    DocumentRows rows;
    QList<DocumentRows::Entry> entries;
    constexpr int count = 40'000;
    for (int i = 0; i < count; ++i) {
        entries.append({u"doc-%1"_s.arg(i)});
        if (entries.size() == 7'000) { // several chunks, and the table grows between them
            rows.append(entries);
            entries.clear();
        }
    }
    rows.append(entries);
    QCOMPARE(rows.size(), count);
    for (int i = 0; i < count; i += 97) {
        QCOMPARE(rows.find(u"doc-%1"_s.arg(i)), i);
    }
    QCOMPARE(rows.find(u"doc-%1"_s.arg(count - 1)), count - 1);
    QCOMPARE(rows.find(u"doc-"_s), -1);
    QCOMPARE(rows.find(u"Doc-1"_s), -1);
    QCOMPARE(rows.id(12'345), u"doc-12345"_s);

    // A copy is a snapshot: changing the list leaves it as it was.
    const DocumentRows snapshot = rows;
    rows.set(5, {u"doc-5"_s, 3, 0, 0, ReviewStatus::Rejected, {u"model"_s}, {}});
    QCOMPARE(rows.row(5).errors, 3);
    QCOMPARE(snapshot.row(5).errors, 0);
    QCOMPARE(rows.labels(5), QStringList{u"model"_s});
    QCOMPARE(snapshot.labels(5), QStringList());
}

void TestDocumentIndex::rowsRefuseFactsThatCannotBeRead()
{
    DocumentIndexPageBuilder builder;
    const Expected<void> added = builder.add("broken", ReviewStatus::Unreviewed, "records=x;;");
    QVERIFY(!added);
    QCOMPARE(added.error().message, u"the facts of the document \"broken\" cannot be read"_s);
    QCOMPARE(builder.pending(), 0);
}

void TestDocumentIndex::querySortsTiesInBatchOrder_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QString>("ids");
    using K = DocumentQuery::SortKey;
    // Errors: a 1, b 0, c 1, d 2, e 0. Status: a unreviewed, b approved, c unreviewed, d approved, e rejected.
    QTest::addRow("errors ascending") << int(K::Errors) << false << u"b|e|a|c|d"_s;
    QTest::addRow("errors descending") << int(K::Errors) << true << u"d|a|c|b|e"_s;
    QTest::addRow("status ascending") << int(K::Status) << false << u"a|c|b|d|e"_s;
    QTest::addRow("status descending") << int(K::Status) << true << u"e|b|d|a|c"_s;
    QTest::addRow("batch order") << int(K::None) << true << u"a|b|c|d|e"_s;
}

void TestDocumentIndex::querySortsTiesInBatchOrder()
{
    QFETCH(int, key);
    QFETCH(bool, descending);
    QFETCH(QString, ids);
    DocumentRows rows;
    rows.append(QList<DocumentRows::Entry>{{u"a"_s, 1},
                                           {u"b"_s, 0, 0, 0, ReviewStatus::Approved},
                                           {u"c"_s, 1},
                                           {u"d"_s, 2, 0, 0, ReviewStatus::Approved},
                                           {u"e"_s, 0, 0, 0, ReviewStatus::Rejected}});
    DocumentQuery query;
    query.sortKey = DocumentQuery::SortKey(key);
    query.descending = descending;
    const std::optional<std::vector<int>> shown = query.run(rows);
    QVERIFY(shown);
    QStringList order;
    for (int row : *shown) {
        order.append(rows.id(row));
    }
    QCOMPARE(order.join(u'|'), ids);
}

void TestDocumentIndex::querySortsIdsAsTextInAnyCase()
{
    const QStringList ids{u"beta"_s, u"Émile"_s, u"alpha"_s, u"Alpha2"_s, u"émile"_s, u"BETA-1"_s, u"zeta"_s};
    QList<DocumentRows::Entry> entries;
    for (const QString &id : ids) {
        entries.append({id});
    }
    DocumentRows rows;
    rows.append(entries);
    DocumentQuery query;
    query.sortKey = DocumentQuery::SortKey::Id;
    QStringList expected = ids;
    std::stable_sort(expected.begin(), expected.end(), [](const QString &a, const QString &b) {
        return QString::compare(a, b, Qt::CaseInsensitive) < 0;
    });
    QStringList sorted;
    const std::optional<std::vector<int>> shown = query.run(rows);
    QVERIFY(shown);
    for (int row : *shown) {
        sorted.append(rows.id(row));
    }
    QCOMPARE(sorted, expected);
    // The search of ids ignores case beyond ASCII too.
    query.needle = u"ÉMI"_s;
    QCOMPARE(query.run(rows)->size(), 2);
}

void TestDocumentIndex::queryGivesNothingOnceCancelled()
{
    DocumentRows rows;
    rows.append(QList<DocumentRows::Entry>{{u"a"_s}, {u"b"_s}});
    DocumentQuery query;
    query.sortKey = DocumentQuery::SortKey::Id;
    const std::atomic_bool cancelled = true;
    QVERIFY(!query.run(rows, &cancelled));
}

// The proxy works out its rows at once below its threshold, on a worker above it: both ways.
static void addBackgroundRows()
{
    QTest::addColumn<bool>("background");
    QTest::addRow("at once") << false;
    QTest::addRow("on a worker") << true;
}

void TestDocumentIndex::proxyKeepsTheCurrentRowThroughSortsAndRemovals_data()
{
    addBackgroundRows();
}

void TestDocumentIndex::proxyKeepsTheCurrentRowThroughSortsAndRemovals()
{
    QFETCH(bool, background);
    DocumentListModel documents;
    documents.setEntries({{u"a"_s, 1}, {u"b"_s, 3}, {u"c"_s, 2}, {u"d"_s, 0}, {u"e"_s, 5}});
    DocumentFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setBackgroundThreshold(background ? 0 : DocumentFilterProxyModel::defaultBackgroundThreshold);
    proxy.setDocumentModel(&documents);
    QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);
    const QPersistentModelIndex current = proxy.index(2, 0); // c
    QCOMPARE(current.data().toString(), u"c"_s);

    proxy.sort(DocumentListModel::ErrorsColumn, Qt::DescendingOrder);
    QTRY_VERIFY(!proxy.isUpdating());
    QCOMPARE(idsShown(proxy), u"e|b|c|a|d"_s);
    QCOMPARE(current.row(), 2);
    QCOMPARE(current.data().toString(), u"c"_s);

    // Filtering removes rows around it; it stays on c.
    proxy.setStatusFilter(ReviewStatus::Unreviewed);
    documents.updateEntry(1, {u"b"_s, 3, 0, 0, ReviewStatus::Approved});
    QTRY_VERIFY(!proxy.isUpdating());
    QCOMPARE(idsShown(proxy), u"e|c|a|d"_s);
    QCOMPARE(current.data().toString(), u"c"_s);
    QCOMPARE(current.row(), 1);
    // A change that moves it in the sort order moves the index with it.
    documents.updateEntry(2, {u"c"_s, 0});
    QTRY_VERIFY(!proxy.isUpdating());
    QCOMPARE(idsShown(proxy), u"e|a|c|d"_s);
    QCOMPARE(current.data().toString(), u"c"_s);
    QCOMPARE(resets.size(), 0); // a few changed places are moves, not a reset that loses the current row
    // Back to batch order, without the filter.
    proxy.setStatusFilter(std::nullopt);
    proxy.sort(-1);
    QTRY_VERIFY(!proxy.isUpdating());
    QCOMPARE(idsShown(proxy), u"a|b|c|d|e"_s);
    QCOMPARE(current.row(), 2);
}

void TestDocumentIndex::proxyTakesAChangeMadeWhileItAppliesRows()
{
    // The window rechecks the document that becomes current when the filter removes the current
    // row, which changes another row while the proxy is still applying the removal.
    DocumentListModel documents;
    documents.setEntries({{u"a"_s}, {u"b"_s, 1}, {u"c"_s}, {u"d"_s, 2}, {u"e"_s}});
    DocumentFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setDocumentModel(&documents);
    bool changed = false;
    connect(&proxy, &QAbstractItemModel::rowsRemoved, this, [&] {
        if (!std::exchange(changed, true)) {
            documents.updateEntry(4, {u"e"_s, 3});
        }
    });
    proxy.setFindingFilter(DocumentFilterProxyModel::FindingFilter::WithoutFindings);
    QVERIFY(changed);
    QCOMPARE(idsShown(proxy), u"a|c"_s);
}

void TestDocumentIndex::proxyTakesPagesInAsTheyArrive_data()
{
    QTest::addColumn<bool>("filtered");
    QTest::addColumn<bool>("background");
    for (bool filtered : {false, true}) {
        for (bool background : {false, true}) {
            QTest::addRow("%s, %s", filtered ? "filtered" : "unfiltered", background ? "on a worker" : "at once")
                << filtered << background;
        }
    }
}

void TestDocumentIndex::proxyTakesPagesInAsTheyArrive()
{
    QFETCH(bool, filtered);
    QFETCH(bool, background);
    DocumentListModel documents;
    DocumentFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester sourceTester(&documents, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setBackgroundThreshold(background ? 0 : DocumentFilterProxyModel::defaultBackgroundThreshold);
    proxy.setDocumentModel(&documents);
    if (filtered) {
        proxy.setFindingFilter(DocumentFilterProxyModel::FindingFilter::WithErrors);
    }
    DocumentIndexPageBuilder builder;
    QStringList expected;
    for (int i = 0; i < 30; ++i) {
        const int errors = i % 3 == 0 ? 1 : 0;
        const QString id = u"d%1"_s.arg(i);
        QVERIFY(builder.add(id.toUtf8(), ReviewStatus::Unreviewed, factsWith({}, {}, errors).encoded().toUtf8()));
        if (!filtered || errors > 0) {
            expected.append(id);
        }
        if (builder.pending() == 7) {
            documents.appendPage(builder.take(i));
        }
    }
    documents.appendPage(builder.take(29));
    QTRY_VERIFY(!proxy.isUpdating());
    QCOMPARE(documents.rowCount(), 30);
    QCOMPARE(idsShown(proxy), expected.join(u'|'));
    QCOMPARE(documents.totalErrors(), 10);
    QCOMPARE(documents.count(ReviewStatus::Unreviewed), 30);
}

void TestDocumentIndex::aListReadAgainReplacesEveryRowKeepingTheSortAndFilter_data()
{
    addBackgroundRows();
}

void TestDocumentIndex::aListReadAgainReplacesEveryRowKeepingTheSortAndFilter()
{
    QFETCH(bool, background);
    DocumentListModel documents;
    DocumentFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester sourceTester(&documents, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setBackgroundThreshold(background ? 0 : DocumentFilterProxyModel::defaultBackgroundThreshold);
    proxy.setDocumentModel(&documents);
    proxy.setFindingFilter(DocumentFilterProxyModel::FindingFilter::WithErrors);
    proxy.sort(DocumentListModel::IdColumn, Qt::DescendingOrder);
    // Two reads of the store: the second with a document gone (d1) and one added (d9), in
    // pages whose name sets continue each other's numbering.
    auto read = [](const QList<int> &numbers) {
        DocumentIndexPageBuilder builder;
        std::optional<DocumentRows> rows(std::in_place);
        for (int n : numbers) {
            const QStringList labels = n % 2 ? QStringList{u"model"_s} : QStringList{u"year"_s};
            if (!builder.add(u"d%1"_s.arg(n).toUtf8(), ReviewStatus::Unreviewed,
                             factsWith(labels, {}, n % 3 == 0 ? 0 : 1).encoded().toUtf8())) {
                return std::optional<DocumentRows>();
            }
            if (builder.pending() == 2) {
                rows->append(builder.take(n));
            }
        }
        rows->append(builder.take(numbers.constLast()));
        return rows;
    };
    std::optional<DocumentRows> before = read({0, 1, 2, 3, 4, 5});
    QVERIFY(before);
    documents.setRows(*std::move(before));
    QTRY_VERIFY(!proxy.isUpdating());
    QCOMPARE(idsShown(proxy), u"d5|d4|d2|d1"_s);
    QCOMPARE(documents.totalErrors(), 4);

    QSignalSpy reset(&documents, &QAbstractItemModel::modelReset);
    std::optional<DocumentRows> after = read({0, 2, 3, 4, 5, 9, 10});
    QVERIFY(after);
    documents.setRows(*std::move(after));
    QCOMPARE(reset.size(), 1);
    QTRY_VERIFY(!proxy.isUpdating());
    QCOMPARE(documents.rowCount(), 7);
    QCOMPARE(idsShown(proxy), u"d5|d4|d2|d10"_s);
    QCOMPARE(documents.totalErrors(), 4);
    QCOMPARE(documents.count(ReviewStatus::Unreviewed), 7);
    // The name sets of the later pages are those of this read, not of the one before.
    const int row = documents.rowOf(u"d9"_s);
    QVERIFY(row >= 0);
    QCOMPARE(documents.index(row, 0).data(DocumentListModel::LabelsRole).toStringList(), QStringList{u"model"_s});
}

void TestDocumentIndex::aWholeListIsReadOnAWorkerAndHandedOverAtOnce()
{
    QTemporaryDir dir;
    const QString batch = dir.filePath(u"batch.jsonl"_s);
    constexpr qsizetype count = 12;
    writeLargeBatch(batch, count);
    std::unique_ptr<ReviewStore> store = syncedStore(batch, *m_checker);
    QVERIFY(store);
    QVERIFY(store->setStatus({u"doc-3"_s}, ReviewStatus::NeedsWork, {}, u"tester"_s));
    QList<DocumentRows::Entry> entries;
    for (const ReviewStore::ListEntry &entry : *store->listEntries()) {
        entries.append(DocumentEntry::fromStore(entry));
    }
    DocumentRows expected;
    expected.append(entries);

    DocumentRowsReader reader;
    std::shared_ptr<DocumentRows> rows;
    QSignalSpy failed(&reader, &DocumentRowsReader::failed);
    connect(&reader, &DocumentRowsReader::read, this, [&rows](std::shared_ptr<DocumentRows> read) { rows = read; });
    reader.start(store->path());
    QVERIFY(reader.isReading());
    QTRY_VERIFY(rows != nullptr);
    QVERIFY(!reader.isReading());
    QCOMPARE(entriesOf(*rows), entriesOf(expected));
    QCOMPARE(rows->find(u"doc-11"_s), 11);

    // Into the list in one reset, under the model tester.
    DocumentListModel documents;
    QAbstractItemModelTester tester(&documents, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&documents, &QAbstractItemModel::modelReset);
    documents.setRows(std::move(*rows));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(documents.rowCount(), int(count));
    QCOMPARE(documents.count(ReviewStatus::NeedsWork), 1);

    // A read stopped, or started again, delivers nothing of the one before.
    rows.reset();
    reader.start(store->path());
    reader.stop();
    QVERIFY(!reader.isReading());
    QTest::qWait(200);
    QVERIFY(rows == nullptr);

    // A store that cannot be opened is named.
    const QString notAStore = dir.filePath(u"not-a-store.annorev.sqlite"_s);
    writeFile(notAStore, "not a database");
    reader.start(notAStore);
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY2(failed.constFirst().constFirst().toString().contains(notAStore),
             qPrintable(failed.constFirst().constFirst().toString()));
    QVERIFY(rows == nullptr);
}

void TestDocumentIndex::storeReadsTheIndexInPagesAsItListsEntries_data()
{
    QTest::addColumn<qsizetype>("pageSize");
    QTest::addColumn<bool>("sharedPositions");
    for (qsizetype size : {1, 2, 4, 5000}) {
        QTest::addRow("pages of %lld", qlonglong(size)) << size << false;
        // Documents that share a position (one took the place of one gone from the batch) come in
        // id order, a page boundary among them included.
        QTest::addRow("pages of %lld, shared positions", qlonglong(size)) << size << true;
    }
}

void TestDocumentIndex::storeReadsTheIndexInPagesAsItListsEntries()
{
    QFETCH(qsizetype, pageSize);
    QFETCH(bool, sharedPositions);
    QTemporaryDir dir;
    const QString batch = dir.filePath(u"batch.jsonl"_s);
    constexpr qsizetype count = 12;
    writeLargeBatch(batch, count);
    std::unique_ptr<ReviewStore> store = syncedStore(batch, *m_checker);
    QVERIFY(store);
    if (sharedPositions) {
        // Stored as doc-9, doc-10, doc-11: SQLite meets them in that order, and "doc-10" and
        // "doc-11" come before "doc-9" as text.
        SqlFile raw(store->path());
        QSqlQuery query = raw.query();
        QVERIFY(query.exec(u"UPDATE documents SET position = 9 WHERE id IN ('doc-9', 'doc-10', 'doc-11')"_s));
    }
    QVERIFY(store->setStatus({u"doc-3"_s}, ReviewStatus::NeedsWork, {}, u"tester"_s));
    const QList<ReviewStore::ListEntry> listed = *store->listEntries();
    QStringList expected;
    DocumentRows fromEntries;
    QList<DocumentRows::Entry> entries;
    for (const ReviewStore::ListEntry &entry : listed) {
        entries.append(DocumentEntry::fromStore(entry));
    }
    fromEntries.append(entries);

    DocumentRows rows;
    QList<qsizetype> sizes;
    const Expected<void> read = store->readIndex({}, pageSize, [&](DocumentIndexPage page) {
        sizes.append(page.size());
        rows.append(page);
        return true;
    });
    QVERIFY2(read, qPrintable(errorOf(read)));
    QCOMPARE(entriesOf(rows), entriesOf(fromEntries));
    QCOMPARE(rows.id(9), sharedPositions ? u"doc-10"_s : u"doc-9"_s);
    QCOMPARE(sizes.size(), (count + pageSize - 1) / pageSize);
    QCOMPARE(*store->storedDocumentCount(), count);

    // A read that stops after its first page picks up after it where the next one starts.
    DocumentIndexPage first;
    QVERIFY(store->readIndex({}, pageSize, [&first](DocumentIndexPage page) {
        first = std::move(page);
        return false;
    }));
    DocumentRows resumed;
    resumed.append(first);
    QVERIFY(store->readIndex({first.lastPosition, first.lastId}, 3, [&resumed](DocumentIndexPage page) {
        resumed.append(page);
        return true;
    }));
    QCOMPARE(entriesOf(resumed), entriesOf(fromEntries));
}

void TestDocumentIndex::storeIndexLeavesOutDocumentsGoneFromTheBatch()
{
    QTemporaryDir dir;
    const QString batch = dir.filePath(u"batch.jsonl"_s);
    writeLargeBatch(batch, 4);
    QVERIFY(syncedStore(batch, *m_checker));
    writeFile(batch, largeBatchLine(0) + largeBatchLine(2)); // doc-1 and doc-3 are gone
    std::unique_ptr<ReviewStore> store = syncedStore(batch, *m_checker);
    QVERIFY(store);
    DocumentRows rows;
    QVERIFY(store->readIndex({}, 10, [&rows](DocumentIndexPage page) {
        rows.append(page);
        return true;
    }));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.id(0), u"doc-0"_s);
    QCOMPARE(rows.id(1), u"doc-2"_s);
    QCOMPARE(*store->storedDocumentCount(), 4); // those gone included: what a progress bar counts up to
}

QTEST_MAIN(TestDocumentIndex)
#include "tst_documentindex.moc"
