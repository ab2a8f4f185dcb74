#include "document.h"
#include "documententry.h"
#include "documentfacts.h"
#include "documentfilterproxymodel.h"
#include "documentindexpage.h"
#include "documentlistmodel.h"
#include "itemmodelsupport.h"
#include "schema.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;
using namespace annorev;
using namespace annorev::test;

// The document list: its rows and counts from document entries, and the filter and sort over it.
class TestDocumentList : public QObject
{
    Q_OBJECT

private slots:
    void documentListFromSamples();
    void documentListUpdateEntryChangesOneRow();
    void documentListResets();
    void documentListHoldsManyRows();
    void documentListCountsStatusesAndFindsRows();
    void documentListShowsTheLatestJudgements_data();
    void documentListShowsTheLatestJudgements();
    void documentEntryListsLabelsAndRulesByName();
    void documentFilterFindsLabelsPastTheSixtyFourth();
    void documentFilterNarrowsTheList_data();
    void documentFilterNarrowsTheList();
    void documentFilterSortsCountsNumerically();
    void documentFilterShowsARoundInItsOrder();
    void documentListShowsAndSortsTheDisagreementWithSuggestions();
    void documentFilterFindsSearchMatchesByTheirStoreKeys_data();
    void documentFilterFindsSearchMatchesByTheirStoreKeys();
};

void TestDocumentList::documentListFromSamples()
{
    DocumentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QList<DocumentListModel::Entry> entries;
    for (const QString &name : sampleNames()) {
        const Checked checked = check(readSample(name));
        DocumentListModel::Entry entry{name};
        for (const Finding &finding : checked.result.findings) {
            ++(finding.severity == Severity::Error     ? entry.errorCount
               : finding.severity == Severity::Warning ? entry.warningCount
                                                       : entry.infoCount);
        }
        entries << entry;
    }
    model.setEntries(entries);

    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(0, 0).data().toString(), u"000_fb52d27db3b8b6ee.txt"_s);
    QCOMPARE(model.index(0, 0).data(DocumentListModel::IdRole).toString(), u"000_fb52d27db3b8b6ee.txt"_s);
    QCOMPARE(column(model, 0, DocumentListModel::ErrorCountRole), u"0|0|0|0|0"_s);
    QCOMPARE(column(model, 0, DocumentListModel::WarningCountRole), u"1|1|1|1|2"_s);
    QCOMPARE(column(model, 0, DocumentListModel::InfoCountRole), u"0|0|0|0|1"_s);
    QCOMPARE(model.index(4, 0).data(Qt::ToolTipRole).toString(),
             u"004_777d6b4e246e2bc8.txt\nUnreviewed\n0 errors · 2 warnings · 1 info"_s);
    QCOMPARE(model.index(3, 0).data(Qt::ToolTipRole).toString(),
             u"003_2b600daee4a931dd.txt\nUnreviewed\n0 errors · 1 warning · 0 info"_s);
    QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsEditable));
}

void TestDocumentList::documentListUpdateEntryChangesOneRow()
{
    DocumentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries({{u"a"_s}, {u"b"_s, 1}, {u"c"_s, 0, 2}});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.updateEntry(1, {u"b"_s, 0, 3, 1});
    QCOMPARE(changed.size(), 1);
    const QList<QVariant> arguments = changed.takeFirst();
    QCOMPARE(arguments.at(0).toModelIndex(), model.index(1, 0));
    QCOMPARE(arguments.at(1).toModelIndex(), model.index(1, DocumentListModel::ColumnCount - 1));
    QCOMPARE(model.index(1, 0).data(DocumentListModel::ErrorCountRole).toInt(), 0);
    QCOMPARE(model.index(1, 0).data(DocumentListModel::WarningCountRole).toInt(), 3);
    QCOMPARE(model.index(1, 0).data(DocumentListModel::InfoCountRole).toInt(), 1);
    QCOMPARE(column(model, 0), u"a|b|c"_s);

    // Re-checking a document that did not change does not repaint its row.
    model.updateEntry(1, {u"b"_s, 0, 3, 1});
    QCOMPARE(changed.size(), 0);
    QCOMPARE(reset.size(), 0);
}

void TestDocumentList::documentListShowsTheLatestJudgements_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariant>("verdict");
    QTest::addColumn<QString>("toolTip");
    QTest::addRow("passed") << u"a"_s << u"Pass"_s << QVariant(int(Verdict::Pass))
                            << u"Passed by ada, 2026-11-23T10:00:00Z"_s;
    QTest::addRow("failed, with the reason and note")
        << u"b"_s << u"Fail"_s << QVariant(int(Verdict::Fail))
        << u"Failed (wrong-boundary) by bo, 2026-11-23T11:00:00Z\nspan takes in GPUs"_s;
    QTest::addRow("not judged") << u"c"_s << QString() << QVariant() << QString();
}

void TestDocumentList::documentListShowsTheLatestJudgements()
{
    QFETCH(QString, id);
    QFETCH(QString, text);
    QFETCH(QVariant, verdict);
    QFETCH(QString, toolTip);
    DocumentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries({{u"a"_s}, {u"b"_s}, {u"c"_s}});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QDateTime morning(QDate(2026, 11, 23), QTime(10, 0), QTimeZone::utc());
    Judgement pass{1, u"r1"_s, u"a"_s, Verdict::Pass, std::nullopt, {}, u"ada"_s, morning};
    Judgement fail{2,
                   u"r1"_s,
                   u"b"_s,
                   Verdict::Fail,
                   FailReason::WrongBoundary,
                   u"span takes in GPUs"_s,
                   u"bo"_s,
                   morning.addSecs(3600)};
    model.setJudgements({pass, fail});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), model.index(0, DocumentListModel::JudgementColumn));
    QCOMPARE(changed.first().at(1).toModelIndex(), model.index(2, DocumentListModel::JudgementColumn));

    const int row = model.rowOf(id);
    const QModelIndex cell = model.index(row, DocumentListModel::JudgementColumn);
    QCOMPARE(cell.data().toString(), text);
    QCOMPARE(model.index(row, 0).data(DocumentListModel::VerdictRole), verdict);
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(), toolTip);
    QCOMPARE(cell.data(Qt::DecorationRole).isValid(), verdict.isValid());
    if (verdict.isValid()) {
        QCOMPARE(cell.data(Qt::DecorationRole).value<QColor>(),
                 DocumentListModel::verdictColour(Verdict(verdict.toInt())));
    }
    // The other columns do not change with a judgement.
    QCOMPARE(model.index(row, DocumentListModel::IdColumn).data().toString(), id);
    QCOMPARE(model.headerData(DocumentListModel::JudgementColumn, Qt::Horizontal).toString(), u"Check"_s);

    // Leaving the round clears the column.
    model.setJudgements({});
    QVERIFY(!cell.data().isValid());
    QCOMPARE(changed.size(), 2);
}

void TestDocumentList::documentListResets()
{
    DocumentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QCOMPARE(model.rowCount(), 0);
    model.setEntries({{u"x"_s}, {u"y"_s, 1}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data(Qt::ToolTipRole).toString(), u"x\nUnreviewed\nNo findings"_s);
    QCOMPARE(model.index(1, 0).data(Qt::ToolTipRole).toString(), u"y\nUnreviewed\n1 error · 0 warnings · 0 info"_s);
    model.setEntries({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(reset.size(), 2);
}

void TestDocumentList::documentListHoldsManyRows()
{
    DocumentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    constexpr int count = 100'000;
    QList<DocumentListModel::Entry> entries;
    entries.reserve(count);
    for (int i = 0; i < count; ++i) {
        entries.append({u"doc-%1"_s.arg(i, 6, 10, QChar(u'0')), i % 3, i % 5, i % 7});
    }
    model.setEntries(std::move(entries));
    QCOMPARE(model.rowCount(), count);
    QCOMPARE(model.index(count - 1, 0).data().toString(), u"doc-099999"_s);
    QCOMPARE(model.index(count - 1, 0).data(DocumentListModel::WarningCountRole).toInt(), (count - 1) % 5);
}

void TestDocumentList::documentListCountsStatusesAndFindsRows()
{
    DocumentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy counts(&model, &DocumentListModel::countsChanged);
    model.setEntries({{u"a"_s}, {u"b"_s, 0, 0, 0, ReviewStatus::Approved}, {u"c"_s}});
    QCOMPARE(counts.size(), 1);
    QCOMPARE(model.count(ReviewStatus::Unreviewed), 2);
    QCOMPARE(model.count(ReviewStatus::Approved), 1);
    QCOMPARE(model.rowOf(u"c"_s), 2);
    QCOMPARE(model.rowOf(u"nope"_s), -1);
    QCOMPARE(model.index(1, DocumentListModel::StatusColumn).data().toString(), u"Approved"_s);
    QCOMPARE(model.index(1, DocumentListModel::StatusColumn).data(Qt::DecorationRole).value<QColor>(),
             DocumentListModel::statusColour(ReviewStatus::Approved));

    model.updateEntry(0, {u"a"_s, 1, 0, 0, ReviewStatus::Rejected});
    QCOMPARE(counts.size(), 2);
    QCOMPARE(model.count(ReviewStatus::Unreviewed), 1);
    QCOMPARE(model.count(ReviewStatus::Rejected), 1);
    // A change of counts alone leaves the status counts as they were.
    model.updateEntry(0, {u"a"_s, 2, 0, 0, ReviewStatus::Rejected});
    QCOMPARE(counts.size(), 2);
    // The totals of findings follow every entry.
    QCOMPARE(model.totalErrors(), 2);
    model.updateEntry(2, {u"c"_s, 3, 4, 0, ReviewStatus::Unreviewed});
    QCOMPARE(model.totalErrors(), 5);
    QCOMPARE(model.totalWarnings(), 4);
    model.setEntries({{u"d"_s, 1, 1, 0}});
    QCOMPARE(model.totalErrors(), 1);
    QCOMPARE(model.totalWarnings(), 1);
}

void TestDocumentList::documentEntryListsLabelsAndRulesByName()
{
    const Checked sample = check(readSample(u"000_fb52d27db3b8b6ee.txt"_s));
    const DocumentListModel::Entry entry =
        DocumentEntry::fromFacts(u"000"_s, ReviewStatus::NeedsWork, DocumentFacts::of(sample.doc, sample.result));
    QCOMPARE(entry.status, ReviewStatus::NeedsWork);
    QCOMPARE(entry.warningCount, 1);
    QVERIFY(entry.labels.contains(u"model"_s) && entry.labels.contains(u"year"_s));
    QVERIFY(std::is_sorted(entry.labels.cbegin(), entry.labels.cend()));
    QCOMPARE(entry.rules, QStringList{u"gpu-count-untagged"_s});

    // The store's description of the same document gives the same row.
    const ReviewStore::ListEntry stored{u"000"_s, ReviewStatus::NeedsWork,
                                        DocumentFacts::of(sample.doc, sample.result)};
    QCOMPARE(DocumentEntry::fromStore(stored), entry);
}

void TestDocumentList::documentFilterFindsLabelsPastTheSixtyFourth()
{
    // A schema of 70 labels: the list used to keep labels as bits of a 64-bit mask, and dropped
    // the rest.
    DocumentListModel documents;
    QList<DocumentListModel::Entry> entries;
    for (int i = 0; i < 70; ++i) {
        entries.append({u"d%1"_s.arg(i), 0, 0, 0, ReviewStatus::Unreviewed, {u"label%1"_s.arg(i, 2, 10, QChar(u'0'))}});
    }
    documents.setEntries(entries);
    DocumentFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setDocumentModel(&documents);
    proxy.setLabelFilter(u"label69"_s);
    QCOMPARE(column(proxy, DocumentListModel::IdColumn), u"d69"_s);
    proxy.setLabelFilter(QString());
    QCOMPARE(proxy.rowCount(), 70);
}

void TestDocumentList::documentFilterNarrowsTheList_data()
{
    QTest::addColumn<int>("status"); // -1: any
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("findings");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QStringList>("matches");
    QTest::addColumn<QString>("ids");
    QTest::addColumn<bool>("background"); // worked out on a worker, as above the threshold
    using F = DocumentFilterProxyModel::FindingFilter;
    struct Case
    {
        const char *name;
        int status;
        QString label;
        QString rule;
        F findings;
        QString needle;
        QStringList matches;
        QString ids;
    };
    const int approved = int(ReviewStatus::Approved);
    const QList<Case> cases{
        {"nothing", -1, {}, {}, F::Any, {}, {}, u"a|b|c|d"_s},
        {"approved", approved, {}, {}, F::Any, {}, {}, u"b|d"_s},
        {"unreviewed", int(ReviewStatus::Unreviewed), {}, {}, F::Any, {}, {}, u"a"_s},
        {"params label", -1, u"params"_s, {}, F::Any, {}, {}, u"a|c"_s},
        {"rule", -1, {}, u"gpu-count-untagged"_s, F::Any, {}, {}, u"c"_s},
        {"with errors", -1, {}, {}, F::WithErrors, {}, {}, u"b"_s},
        {"with warnings", -1, {}, {}, F::WithWarnings, {}, {}, u"c"_s},
        {"without findings", -1, {}, {}, F::WithoutFindings, {}, {}, u"a|d"_s},
        {"id contains, any case", -1, {}, {}, F::Any, u"A"_s, {}, u"a"_s},
        {"text matches from the store", -1, {}, {}, F::Any, u"gpu"_s, {u"b"_s, u"d"_s}, u"b|d"_s},
        {"filters combine", approved, {}, {}, F::WithoutFindings, u"x"_s, {u"b"_s, u"d"_s}, u"d"_s},
    };
    for (bool background : {false, true}) {
        for (const Case &c : cases) {
            QTest::addRow("%s%s", c.name, background ? ", on a worker" : "")
                << c.status << c.label << c.rule << int(c.findings) << c.needle << c.matches << c.ids << background;
        }
    }
}

void TestDocumentList::documentFilterNarrowsTheList()
{
    QFETCH(int, status);
    QFETCH(QString, label);
    QFETCH(QString, rule);
    QFETCH(int, findings);
    QFETCH(QString, needle);
    QFETCH(QStringList, matches);
    QFETCH(QString, ids);
    QFETCH(bool, background);

    const QStringList params{u"params"_s};
    const QStringList untagged{u"gpu-count-untagged"_s};
    DocumentListModel documents;
    documents.setEntries({{u"a"_s, 0, 0, 0, ReviewStatus::Unreviewed, params, {}},
                          {u"b"_s, 2, 0, 0, ReviewStatus::Approved, {}, {}},
                          {u"c"_s, 0, 1, 0, ReviewStatus::Rejected, params, untagged},
                          {u"d"_s, 0, 0, 0, ReviewStatus::Approved, {}, {}}});
    DocumentFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setBackgroundThreshold(background ? 0 : DocumentFilterProxyModel::defaultBackgroundThreshold);
    proxy.setDocumentModel(&documents);
    proxy.setStatusFilter(status < 0 ? std::nullopt : std::optional(ReviewStatus(status)));
    proxy.setLabelFilter(label);
    proxy.setRuleFilter(rule);
    proxy.setFindingFilter(DocumentFilterProxyModel::FindingFilter(findings));
    proxy.setSearch(needle, matches);
    QCOMPARE(proxy.isUpdating(), background && ids != u"a|b|c|d");
    QTRY_VERIFY(!proxy.isUpdating());
    QCOMPARE(column(proxy, DocumentListModel::IdColumn), ids);
    QCOMPARE(proxy.isFiltering(), ids != u"a|b|c|d");

    // A row whose entry changes leaves or joins the filtered list: at once, or once the worker is done.
    documents.updateEntry(0, {u"a"_s, 0, 0, 0, ReviewStatus::Approved, params, {}});
    QTRY_VERIFY(!proxy.isUpdating());
    if (status == int(ReviewStatus::Approved) && needle.isEmpty()) {
        QVERIFY(column(proxy, DocumentListModel::IdColumn).startsWith(u"a|"_s));
    }
    if (status == int(ReviewStatus::Unreviewed)) {
        QCOMPARE(proxy.rowCount(), 0);
    }
}

void TestDocumentList::documentFilterSortsCountsNumerically()
{
    DocumentListModel documents;
    documents.setEntries({{u"a"_s, 10}, {u"b"_s, 9}, {u"c"_s, 100}, {u"d"_s, 0, 0, 0, ReviewStatus::Approved}});
    DocumentFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setDocumentModel(&documents);
    proxy.sort(DocumentListModel::ErrorsColumn, Qt::DescendingOrder);
    QCOMPARE(column(proxy, DocumentListModel::IdColumn), u"c|a|b|d"_s);
    proxy.sort(DocumentListModel::StatusColumn, Qt::DescendingOrder);
    QCOMPARE(column(proxy, DocumentListModel::IdColumn).left(1), u"d"_s);
}

void TestDocumentList::documentListShowsAndSortsTheDisagreementWithSuggestions()
{
    DocumentListModel documents;
    QAbstractItemModelTester tester(&documents, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto entry = [](const QString &id, int disagreement) {
        DocumentListModel::Entry made{id};
        made.disagreement = disagreement;
        return made;
    };
    QSignalSpy counts(&documents, &DocumentListModel::countsChanged);
    documents.setEntries({entry(u"a"_s, -1), entry(u"b"_s, 3), entry(u"c"_s, 0), entry(u"d"_s, 12), entry(u"e"_s, -1)});
    QCOMPARE(documents.documentsWithSuggestions(), 3);
    QCOMPARE(documents.headerData(DocumentListModel::DisagreementColumn, Qt::Horizontal).toString(), u"Disagreement"_s);
    // A document without suggestions shows nothing, not a zero that would read as agreement.
    QCOMPARE(column(documents, DocumentListModel::DisagreementColumn), u"|3|0|12|"_s);
    QCOMPARE(column(documents, 0, DocumentListModel::DisagreementRole), u"-1|3|0|12|-1"_s);
    QCOMPARE(documents.index(3, DocumentListModel::DisagreementColumn).data(Qt::ToolTipRole).toString(),
             u"d\n12 differences between the model's suggestions and the spans\n(suggestions waiting for a decision "
             u"that no span holds, and spans of a suggested label that no suggestion proposed)"_s);
    QCOMPARE(documents.index(0, DocumentListModel::DisagreementColumn).data(Qt::ToolTipRole).toString(),
             u"a: no model suggestions"_s);

    // The most first; documents without suggestions after those that agree, in batch order.
    DocumentFilterProxyModel proxy;
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setDocumentModel(&documents);
    proxy.sort(DocumentListModel::DisagreementColumn, Qt::DescendingOrder);
    QCOMPARE(column(proxy, DocumentListModel::IdColumn), u"d|b|c|a|e"_s);

    // A decision changes a count: the order follows, and a document gaining suggestions counts.
    counts.clear();
    documents.updateEntry(1, entry(u"b"_s, 20));
    QCOMPARE(counts.size(), 0); // still with suggestions
    QCOMPARE(column(proxy, DocumentListModel::IdColumn), u"b|d|c|a|e"_s);
    documents.updateEntry(4, entry(u"e"_s, 1));
    QCOMPARE(counts.size(), 1);
    QCOMPARE(documents.documentsWithSuggestions(), 4);
    QCOMPARE(column(proxy, DocumentListModel::IdColumn), u"b|d|e|c|a"_s);
}

void TestDocumentList::documentFilterShowsARoundInItsOrder()
{
    DocumentListModel documents;
    documents.setEntries({{u"a"_s}, {u"b"_s, 1}, {u"c"_s}, {u"d"_s, 2}});
    DocumentFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setDocumentModel(&documents);
    proxy.setRoundOrder({u"d"_s, u"a"_s, u"b"_s});
    proxy.sort(DocumentListModel::IdColumn);
    QCOMPARE(column(proxy, DocumentListModel::IdColumn), u"d|a|b"_s);
    QVERIFY(proxy.isFiltering());
    // Other filters narrow the round further; its order stays.
    proxy.setFindingFilter(DocumentFilterProxyModel::FindingFilter::WithErrors);
    QCOMPARE(column(proxy, DocumentListModel::IdColumn), u"d|b"_s);
    proxy.setFindingFilter(DocumentFilterProxyModel::FindingFilter::Any);
    proxy.setRoundOrder({});
    proxy.sort(-1);
    QCOMPARE(column(proxy, DocumentListModel::IdColumn), u"a|b|c|d"_s);
    QVERIFY(!proxy.isFiltering());
}

QTEST_GUILESS_MAIN(TestDocumentList)
void TestDocumentList::documentFilterFindsSearchMatchesByTheirStoreKeys_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QList<qint64>>("keys");
    QTest::addColumn<QString>("ids");
    QTest::addColumn<bool>("background");
    QTest::addColumn<bool>("farKey"); // whether e, whose key is far past the others', is listed
    struct Case
    {
        const char *name;
        QString needle;
        QList<qint64> keys;
        QString ids;
    };
    const Case cases[]{
        {"one key", u"gpu"_s, {3}, u"b"_s},
        {"keys in order", u"gpu"_s, {3, 7, 12}, u"a|b|c"_s},
        {"a key far past the others", u"gpu"_s, {5'000'000'000 / 2}, u"e"_s},
        {"a key no row has", u"gpu"_s, {4}, {}},
        {"past what a key holds", u"gpu"_s, {5'000'000'000}, {}},
        {"an id holding the needle, or a key", u"d"_s, {12}, u"c|d"_s},
    };
    for (bool farKey : {false, true}) {
        for (bool background : {false, true}) {
            for (const Case &c : cases) {
                QString ids = c.ids;
                if (!farKey) {
                    ids = ids.split(u'|', Qt::SkipEmptyParts).filter(QRegularExpression(u"^[^e]"_s)).join(u'|');
                }
                QTest::addRow("%s%s%s", c.name, background ? ", on a worker" : "",
                              farKey ? ", keys far apart" : ", keys close together")
                    << c.needle << c.keys << ids << background << farKey;
            }
        }
    }
}

void TestDocumentList::documentFilterFindsSearchMatchesByTheirStoreKeys()
{
    QFETCH(QString, needle);
    QFETCH(QList<qint64>, keys);
    QFETCH(QString, ids);
    QFETCH(bool, background);
    QFETCH(bool, farKey);
    // As a SQLite store lists them: keys are the rowids of the documents' rows, in no order; d has
    // none (a store without keys, or a rowid past them).
    DocumentIndexPageBuilder builder;
    const QByteArray facts = DocumentFacts().encoded().toUtf8();
    QVERIFY(builder.add("a", ReviewStatus::Unreviewed, facts, -1, 7));
    QVERIFY(builder.add("b", ReviewStatus::Approved, facts, -1, 3));
    QVERIFY(builder.add("c", ReviewStatus::Unreviewed, facts, -1, 12));
    QVERIFY(builder.add("d", ReviewStatus::Unreviewed, facts, -1, 0));
    if (farKey) {
        QVERIFY(builder.add("e", ReviewStatus::Unreviewed, facts, -1, DocumentIndexRow::keyOf(2'500'000'000)));
    }
    DocumentListModel documents;
    documents.appendPage(builder.take(4));
    DocumentFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setBackgroundThreshold(background ? 0 : DocumentFilterProxyModel::defaultBackgroundThreshold);
    proxy.setDocumentModel(&documents);
    proxy.setSearch(needle, {}, keys);
    QTRY_VERIFY(!proxy.isUpdating());
    QCOMPARE(column(proxy, DocumentListModel::IdColumn), ids);
    // A row's key stays with it when its entry changes.
    documents.updateEntry(1, {u"b"_s, 0, 0, 0, ReviewStatus::Rejected, {}, {}});
    QTRY_VERIFY(!proxy.isUpdating());
    QCOMPARE(column(proxy, DocumentListModel::IdColumn), ids);
}

#include "tst_documentlist.moc"
