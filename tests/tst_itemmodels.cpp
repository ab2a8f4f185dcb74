#include "checker.h"
#include "countryaliases.h"
#include "document.h"
#include "documententry.h"
#include "documentfacts.h"
#include "documentfilterproxymodel.h"
#include "documentlistmodel.h"
#include "findinglistmodel.h"
#include "recordtablemodel.h"
#include "schema.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;
using namespace annorev;

namespace {

constexpr int testYear = 2026;

struct Checked
{
    Document doc;
    CheckResult result;
};

Checked check(const QByteArray &source)
{
    Checked checked{Document::parse(source, Schema::builtin()), {}};
    checked.result = Checker(Schema::builtin(), CountryAliases::builtin(), testYear).check(checked.doc);
    return checked;
}

QByteArray readSample(const QString &name)
{
    QFile file(QStringLiteral(ANNOREV_SAMPLES_DIR) + u'/' + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read sample %s", qPrintable(name));
    }
    return file.readAll();
}

QStringList sampleNames()
{
    return QDir(QStringLiteral(ANNOREV_SAMPLES_DIR)).entryList({u"*.txt"_s}, QDir::Files, QDir::Name);
}

// One column of a model as text, rows joined with '|'.
QString column(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row) {
        values << model.index(row, column).data(role).toString();
    }
    return values.join(u'|');
}

Finding makeFinding(const QString &rule, Severity severity, qsizetype start, qsizetype end)
{
    Finding finding;
    finding.rule = rule;
    finding.severity = severity;
    finding.start = start;
    finding.end = end;
    finding.message = rule + u" message"_s;
    return finding;
}

} // namespace

class TestItemModels : public QObject
{
    Q_OBJECT

private slots:
    void findingsOfSamples_data();
    void findingsOfSamples();
    void findingTextIsOneLineAndShort_data();
    void findingTextIsOneLineAndShort();
    void findingRolesAndHeaders();
    void findingsSortBySeverityThroughProxy();
    void findingModelResets();

    void recordTableOfSample000_data();
    void recordTableOfSample000();
    void recordRolesOfSample000();
    void recordCells_data();
    void recordCells();
    void recordConflicts();
    void recordRowsFollowRecords();
    void recordModelResets();

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
    void recordCellsWithASpanAreEditableThroughTheEditor();
    void recordCellOfASpanIsFound();
};

void TestItemModels::findingsOfSamples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("rules");
    QTest::addColumn<QString>("texts");
    QTest::addColumn<QString>("severities");
    QTest::addRow("000") << u"000_fb52d27db3b8b6ee.txt"_s << u"gpu-count-untagged"_s << u"512"_s << u"warning"_s;
    QTest::addRow("001") << u"001_1d6e54ff941a55a9.txt"_s << u"hardware-count-embedded"_s << u"768 NVIDIA A100 GPUs"_s
                         << u"warning"_s;
    QTest::addRow("002") << u"002_f429afe5dd9093a8.txt"_s << u"annotations-missing"_s << u"(whole document)"_s
                         << u"warning"_s;
    QTest::addRow("004") << u"004_777d6b4e246e2bc8.txt"_s << u"model-multiple|gpu-count-untagged|encoding-suspect"_s
                         << u"(whole document)|256|\u00e2\u20ac\u201d"_s << u"info|warning|warning"_s;
}

void TestItemModels::findingsOfSamples()
{
    QFETCH(QString, file);
    QFETCH(QString, rules);
    QFETCH(QString, texts);
    QFETCH(QString, severities);

    FindingListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Checked checked = check(readSample(file));
    model.setFindings(checked.doc, checked.result.findings);

    QCOMPARE(model.rowCount(), int(rules.count(u'|') + 1));
    QCOMPARE(model.columnCount(), int(FindingListModel::ColumnCount));
    QCOMPARE(column(model, FindingListModel::RuleColumn), rules);
    QCOMPARE(column(model, FindingListModel::TextColumn), texts);
    QCOMPARE(column(model, FindingListModel::SeverityColumn), severities);
    QCOMPARE(column(model, FindingListModel::MessageColumn),
             column(model, FindingListModel::MessageColumn, Qt::ToolTipRole));
    QVERIFY(!column(model, FindingListModel::MessageColumn).contains(u"||"_s));
}

void TestItemModels::findingTextIsOneLineAndShort_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addRow("plain") << u"512"_s << u"512"_s;
    QTest::addRow("newlines") << u"768\nNVIDIA\r\nA100\tGPUs"_s << u"768 NVIDIA  A100 GPUs"_s;
    QTest::addRow("paragraph separator") << u"a\u2029b"_s << u"a b"_s;
    const QString exact(FindingListModel::MaxExcerptLength, u'x');
    QTest::addRow("exactly the limit") << exact << exact;
    QTest::addRow("truncated") << QString(200, u'y') << QString(FindingListModel::MaxExcerptLength - 1, u'y') + u'…';
    // A surrogate pair straddling the cut is dropped whole.
    QTest::addRow("surrogate at the cut") << QString(FindingListModel::MaxExcerptLength - 2, u'z') + u"\U0001F600tail"_s
                                          << QString(FindingListModel::MaxExcerptLength - 2, u'z') + u'…';
}

void TestItemModels::findingTextIsOneLineAndShort()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    const QString prefix = u"before "_s;
    const Document doc = Document::parse((prefix + text + u" after"_s).toUtf8(), Schema::builtin());
    QCOMPARE(doc.text().mid(prefix.size(), text.size()), text);

    FindingListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFindings(doc, {makeFinding(u"r"_s, Severity::Info, prefix.size(), prefix.size() + text.size())});
    QCOMPARE(model.index(0, FindingListModel::TextColumn).data().toString(), expected);
}

void TestItemModels::findingRolesAndHeaders()
{
    FindingListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Checked checked = check(readSample(u"000_fb52d27db3b8b6ee.txt"_s));
    model.setFindings(checked.doc, checked.result.findings);
    QCOMPARE(model.rowCount(), 1);

    const Finding &finding = checked.result.findings.first();
    const QModelIndex index = model.index(0, FindingListModel::TextColumn);
    QCOMPARE(index.data(FindingListModel::SeverityRole).toInt(), int(Severity::Warning));
    QCOMPARE(index.data(FindingListModel::RuleRole).toString(), u"gpu-count-untagged"_s);
    QCOMPARE(index.data(FindingListModel::StartRole).toLongLong(), qint64(finding.start));
    QCOMPARE(index.data(FindingListModel::EndRole).toLongLong(), qint64(finding.end));
    QCOMPARE(checked.doc.text().mid(finding.start, finding.end - finding.start), u"512"_s);
    QCOMPARE(index.data(FindingListModel::HasFixRole).toBool(), finding.fix.has_value());
    QCOMPARE(index.data(Qt::ToolTipRole).toString(), finding.message);
    QVERIFY(!index.data(Qt::DecorationRole).isValid());
    QVERIFY(!(model.flags(index) & Qt::ItemIsEditable));
    QVERIFY(model.flags(index) & Qt::ItemIsSelectable);
    QCOMPARE(model.finding(0).rule, finding.rule);

    QStringList headers;
    for (int section = 0; section < model.columnCount(); ++section) {
        headers << model.headerData(section, Qt::Horizontal).toString();
    }
    QCOMPARE(headers, (QStringList{u"Severity"_s, u"Rule"_s, u"Text"_s, u"Message"_s}));

    Finding withFix = makeFinding(u"fixable"_s, Severity::Error, 0, 4);
    withFix.fix = Fix{u"do it"_s, {}};
    model.setFindings(checked.doc, {withFix});
    QVERIFY(model.index(0, 0).data(FindingListModel::HasFixRole).toBool());
    QCOMPARE(model.index(0, FindingListModel::SeverityColumn).data().toString(), u"error"_s);
}

void TestItemModels::findingsSortBySeverityThroughProxy()
{
    FindingListModel model;
    QSortFilterProxyModel proxy;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setSortRole(FindingListModel::SeverityRole);
    proxy.sort(FindingListModel::SeverityColumn, Qt::DescendingOrder);

    const Document doc = Document::parse("one two three four", Schema::builtin());
    model.setFindings(doc,
                      {makeFinding(u"a"_s, Severity::Info, 0, 3), makeFinding(u"b"_s, Severity::Error, 4, 7),
                       makeFinding(u"c"_s, Severity::Warning, 8, 13), makeFinding(u"d"_s, Severity::Error, 14, 18)});
    QCOMPARE(column(proxy, FindingListModel::SeverityColumn), u"error|error|warning|info"_s);
    QCOMPARE(column(model, FindingListModel::RuleColumn), u"a|b|c|d"_s);

    proxy.sort(FindingListModel::SeverityColumn, Qt::AscendingOrder);
    QCOMPARE(column(proxy, FindingListModel::SeverityColumn), u"info|warning|error|error"_s);
    // Rows map back to the finding they show, so the window can select its range.
    const QModelIndex warning = proxy.mapToSource(proxy.index(1, 0));
    QCOMPARE(warning.data(FindingListModel::StartRole).toLongLong(), 8);
    QCOMPARE(column(proxy, FindingListModel::TextColumn), u"one|three|two|four"_s);
}

void TestItemModels::findingModelResets()
{
    FindingListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QCOMPARE(model.rowCount(), 0);

    const Checked checked = check(readSample(u"004_777d6b4e246e2bc8.txt"_s));
    model.setFindings(checked.doc, checked.result.findings);
    QCOMPARE(model.rowCount(), 3);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    model.setFindings(checked.doc, {});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(aboutToReset.size(), 3);
    QCOMPARE(reset.size(), 3);
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
}

void TestItemModels::recordTableOfSample000_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("edit");
    QTest::addRow("model") << int(RecordTableModel::ModelColumn) << u"NeuroFlex-7B"_s << u"NeuroFlex-7B"_s;
    QTest::addRow("params") << int(RecordTableModel::ParamsColumn) << u"7.2 billion parameters → 7.2 × 10⁹"_s
                            << u"7.2 billion parameters"_s;
    QTest::addRow("hardware") << int(RecordTableModel::HardwareColumn) << u"NVIDIA A100 80GB GPUs → NVIDIA A100 80GB"_s
                              << u"NVIDIA A100 80GB GPUs"_s;
    QTest::addRow("gpu count (untagged)") << int(RecordTableModel::GpuCountColumn) << QString() << QString();
    QTest::addRow("training") << int(RecordTableModel::TrainingColumn) << u"21 days → 504 h (21 days)"_s
                              << u"21 days"_s;
    QTest::addRow("country") << int(RecordTableModel::CountryColumn) << u"Canada"_s << u"Canada"_s;
    QTest::addRow("year") << int(RecordTableModel::YearColumn) << u"2023"_s << u"2023"_s;
}

void TestItemModels::recordTableOfSample000()
{
    QFETCH(int, column);
    QFETCH(QString, display);
    QFETCH(QString, edit);

    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Checked checked = check(readSample(u"000_fb52d27db3b8b6ee.txt"_s));
    model.setDocument(checked.doc, checked.result.analysis, checked.result.findings);

    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), int(RecordTableModel::ColumnCount));
    const QModelIndex index = model.index(0, column);
    QCOMPARE(index.data(Qt::DisplayRole).toString(), display);
    QCOMPARE(index.data(Qt::EditRole).toString(), edit);
    QVERIFY(!(model.flags(index) & Qt::ItemIsEditable));
    QCOMPARE(index.data(RecordTableModel::ConflictRole).toBool(), false);

    const qsizetype span = index.data(RecordTableModel::SpanRole).toLongLong();
    if (edit.isEmpty()) {
        QCOMPARE(span, -1);
        QVERIFY(!index.data(RecordTableModel::ValueRole).isValid());
    } else {
        QVERIFY(span >= 0 && span < checked.doc.spans().size());
        QCOMPARE(checked.doc.spanText(checked.doc.spans().at(span)), edit);
        QCOMPARE(Schema::builtin().typeOf(checked.doc.spans().at(span).label), RecordTableModel::columnType(column));
    }
}

void TestItemModels::recordRolesOfSample000()
{
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Checked checked = check(readSample(u"000_fb52d27db3b8b6ee.txt"_s));
    model.setDocument(checked.doc, checked.result.analysis, checked.result.findings);

    auto value = [&model](int column) {
        return model.index(0, column).data(RecordTableModel::ValueRole);
    };
    QCOMPARE(value(RecordTableModel::ModelColumn).typeId(), QMetaType::QString);
    QCOMPARE(value(RecordTableModel::ModelColumn).toString(), u"NeuroFlex-7B"_s);
    QCOMPARE(value(RecordTableModel::ParamsColumn).typeId(), QMetaType::Double);
    QCOMPARE(value(RecordTableModel::ParamsColumn).toDouble(), 7.2e9);
    QCOMPARE(value(RecordTableModel::HardwareColumn).toString(), u"NVIDIA A100 80GB"_s);
    QCOMPARE(value(RecordTableModel::TrainingColumn).toDouble(), 504.0);
    QCOMPARE(value(RecordTableModel::CountryColumn).toString(), u"Canada"_s);
    QCOMPARE(value(RecordTableModel::YearColumn).typeId(), QMetaType::LongLong);
    QCOMPARE(value(RecordTableModel::YearColumn).toLongLong(), 2023);
    QVERIFY(!value(RecordTableModel::GpuCountColumn).isValid());

    // The model is mentioned four times; the cell points at the first mention.
    QCOMPARE(model.index(0, RecordTableModel::ModelColumn).data(RecordTableModel::SpanRole).toLongLong(), 0);
    QCOMPARE(model.index(0, RecordTableModel::ModelColumn).data(Qt::ToolTipRole).toString().count(u'\n'), 3);

    QStringList headers;
    for (int section = 0; section < model.columnCount(); ++section) {
        headers << model.headerData(section, Qt::Horizontal).toString();
    }
    QCOMPARE(headers, (QStringList{u"Model"_s, u"Params"_s, u"Hardware"_s, u"GPU count"_s, u"Training"_s, u"Country"_s,
                                   u"Year"_s}));
    QCOMPARE(model.headerData(0, Qt::Vertical).toString(), u"Record 1"_s);
}

void TestItemModels::recordCells_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QVariant>("value");
    QTest::addRow("params shorthand") << "<model>M</model> <params>65B</params>"_ba
                                      << int(RecordTableModel::ParamsColumn) << u"65B → 6.5 × 10¹⁰"_s << QVariant(65e9);
    QTest::addRow("gpu count with comma")
        << "<model>M</model> <gpu_count>1,024</gpu_count>"_ba << int(RecordTableModel::GpuCountColumn)
        << u"1,024 → 1024"_s << QVariant(qint64(1024));
    QTest::addRow("gpu count plain") << "<model>M</model> <gpu_count>64</gpu_count>"_ba
                                     << int(RecordTableModel::GpuCountColumn) << u"64"_s << QVariant(qint64(64));
    QTest::addRow("hardware already normal")
        << "<model>M</model> <hardware>TPU v4</hardware>"_ba << int(RecordTableModel::HardwareColumn) << u"TPU v4"_s
        << QVariant(u"TPU v4"_s);
    QTest::addRow("country alias") << "<model>M</model> <country>U.S.</country>"_ba
                                   << int(RecordTableModel::CountryColumn) << u"U.S. → United States"_s
                                   << QVariant(u"United States"_s);
    QTest::addRow("approximate training")
        << "<model>M</model> <training>approximately 6 weeks</training>"_ba << int(RecordTableModel::TrainingColumn)
        << u"approximately 6 weeks → ~1008 h (42 days)"_s << QVariant(1008.0);
    QTest::addRow("span over a line break")
        << "<model>M</model> <params>7.2\nbillion</params>"_ba << int(RecordTableModel::ParamsColumn)
        << u"7.2 billion → 7.2 × 10⁹"_s << QVariant(7.2e9);
    QTest::addRow("unparsed") << "<model>M</model> <params>lots</params>"_ba << int(RecordTableModel::ParamsColumn)
                              << u"lots"_s << QVariant();
    QTest::addRow("no model span") << "<params>7B</params> in <year>2021</year>"_ba
                                   << int(RecordTableModel::ModelColumn) << QString() << QVariant();
}

void TestItemModels::recordCells()
{
    QFETCH(QByteArray, source);
    QFETCH(int, column);
    QFETCH(QString, display);
    QFETCH(QVariant, value);

    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Checked checked = check(source);
    model.setDocument(checked.doc, checked.result.analysis, checked.result.findings);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex index = model.index(0, column);
    QCOMPARE(index.data().toString(), display);
    QCOMPARE(index.data(RecordTableModel::ValueRole), value);
    if (!display.isEmpty() && !value.isValid()) {
        QVERIFY(index.data(Qt::ToolTipRole).toString().contains(u"could not be read"_s));
    }
}

void TestItemModels::recordConflicts()
{
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Checked checked = check("<model>M</model> has <params>7B</params> and <params>13B</params> parameters, "
                                  "<year>2021</year> and <year>2021</year>."_ba);
    QVERIFY(std::any_of(checked.result.findings.cbegin(), checked.result.findings.cend(),
                        [](const Finding &f) { return f.rule == u"field-conflict"; }));
    model.setDocument(checked.doc, checked.result.analysis, checked.result.findings);

    const QModelIndex params = model.index(0, RecordTableModel::ParamsColumn);
    QVERIFY(params.data(RecordTableModel::ConflictRole).toBool());
    QCOMPARE(params.data().toString(), u"7B → 7 × 10⁹"_s);
    QCOMPARE(params.data(Qt::ToolTipRole).toString(), u"Conflicting values:\n7B → 7 × 10⁹\n13B → 1.3 × 10¹⁰"_s);
    // Equal values are not a conflict.
    QVERIFY(!model.index(0, RecordTableModel::YearColumn).data(RecordTableModel::ConflictRole).toBool());
    QVERIFY(!model.index(0, RecordTableModel::ModelColumn).data(RecordTableModel::ConflictRole).toBool());
}

void TestItemModels::recordRowsFollowRecords()
{
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Checked checked = check("<model>Alpha</model> was built in <country>France</country>. "
                                  "<model>Beta</model> came in <year>2022</year>."_ba);
    model.setDocument(checked.doc, checked.result.analysis, checked.result.findings);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(column(model, RecordTableModel::ModelColumn), u"Alpha|Beta"_s);
    QCOMPARE(column(model, RecordTableModel::CountryColumn), u"France|"_s);
    QCOMPARE(column(model, RecordTableModel::YearColumn), u"|2022"_s);
}

void TestItemModels::recordModelResets()
{
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QCOMPARE(model.rowCount(), 0);

    const Checked sample = check(readSample(u"000_fb52d27db3b8b6ee.txt"_s));
    model.setDocument(sample.doc, sample.result.analysis, sample.result.findings);
    QCOMPARE(model.rowCount(), 1);

    const Checked untagged = check(readSample(u"002_f429afe5dd9093a8.txt"_s));
    model.setDocument(untagged.doc, untagged.result.analysis, untagged.result.findings);
    QCOMPARE(model.rowCount(), 0);

    model.setDocument(sample.doc, sample.result.analysis, sample.result.findings);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(reset.size(), 4);
}

void TestItemModels::documentListFromSamples()
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

void TestItemModels::documentListUpdateEntryChangesOneRow()
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

void TestItemModels::documentListShowsTheLatestJudgements_data()
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

void TestItemModels::documentListShowsTheLatestJudgements()
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

void TestItemModels::documentListResets()
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

void TestItemModels::documentListHoldsManyRows()
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

void TestItemModels::documentListCountsStatusesAndFindsRows()
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

void TestItemModels::documentEntryListsLabelsAndRulesByName()
{
    const Checked sample = check(readSample(u"000_fb52d27db3b8b6ee.txt"_s));
    const DocumentListModel::Entry entry = DocumentEntry::fromFacts(
        u"000"_s, ReviewStatus::NeedsWork, DocumentFacts::of(sample.doc, sample.result));
    QCOMPARE(entry.status, ReviewStatus::NeedsWork);
    QCOMPARE(entry.warningCount, 1);
    QVERIFY(entry.labels.contains(u"model"_s) && entry.labels.contains(u"year"_s));
    QVERIFY(std::is_sorted(entry.labels.cbegin(), entry.labels.cend()));
    QCOMPARE(entry.rules, QStringList{u"gpu-count-untagged"_s});

    // The store's description of the same document gives the same row.
    const ReviewStore::ListEntry stored{u"000"_s, ReviewStatus::NeedsWork, DocumentFacts::of(sample.doc, sample.result)};
    QCOMPARE(DocumentEntry::fromStore(stored), entry);
}

void TestItemModels::documentFilterFindsLabelsPastTheSixtyFourth()
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

void TestItemModels::documentFilterNarrowsTheList_data()
{
    QTest::addColumn<int>("status"); // -1: any
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("findings");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QStringList>("matches");
    QTest::addColumn<QString>("ids");
    using F = DocumentFilterProxyModel::FindingFilter;
    QTest::newRow("nothing") << -1 << QString() << QString() << int(F::Any) << QString() << QStringList()
                             << u"a|b|c|d"_s;
    QTest::newRow("approved") << int(ReviewStatus::Approved) << QString() << QString() << int(F::Any) << QString()
                              << QStringList() << u"b|d"_s;
    QTest::newRow("params label") << -1 << u"params"_s << QString() << int(F::Any) << QString() << QStringList()
                                  << u"a|c"_s;
    QTest::newRow("rule") << -1 << QString() << u"gpu-count-untagged"_s << int(F::Any) << QString() << QStringList()
                          << u"c"_s;
    QTest::newRow("with errors") << -1 << QString() << QString() << int(F::WithErrors) << QString() << QStringList()
                                 << u"b"_s;
    QTest::newRow("with warnings") << -1 << QString() << QString() << int(F::WithWarnings) << QString() << QStringList()
                                   << u"c"_s;
    QTest::newRow("without findings") << -1 << QString() << QString() << int(F::WithoutFindings) << QString()
                                      << QStringList() << u"a|d"_s;
    QTest::newRow("id contains, any case")
        << -1 << QString() << QString() << int(F::Any) << u"A"_s << QStringList() << u"a"_s;
    QTest::newRow("text matches from the store")
        << -1 << QString() << QString() << int(F::Any) << u"gpu"_s << QStringList{u"b"_s, u"d"_s} << u"b|d"_s;
    QTest::newRow("filters combine") << int(ReviewStatus::Approved) << QString() << QString() << int(F::WithoutFindings)
                                     << u"x"_s << QStringList{u"b"_s, u"d"_s} << u"d"_s;
}

void TestItemModels::documentFilterNarrowsTheList()
{
    QFETCH(int, status);
    QFETCH(QString, label);
    QFETCH(QString, rule);
    QFETCH(int, findings);
    QFETCH(QString, needle);
    QFETCH(QStringList, matches);
    QFETCH(QString, ids);

    const QStringList params{u"params"_s};
    const QStringList untagged{u"gpu-count-untagged"_s};
    DocumentListModel documents;
    documents.setEntries({{u"a"_s, 0, 0, 0, ReviewStatus::Unreviewed, params, {}},
                          {u"b"_s, 2, 0, 0, ReviewStatus::Approved, {}, {}},
                          {u"c"_s, 0, 1, 0, ReviewStatus::Rejected, params, untagged},
                          {u"d"_s, 0, 0, 0, ReviewStatus::Approved, {}, {}}});
    DocumentFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setDocumentModel(&documents);
    proxy.setStatusFilter(status < 0 ? std::nullopt : std::optional(ReviewStatus(status)));
    proxy.setLabelFilter(label);
    proxy.setRuleFilter(rule);
    proxy.setFindingFilter(DocumentFilterProxyModel::FindingFilter(findings));
    proxy.setSearch(needle, QSet<QString>(matches.cbegin(), matches.cend()));
    QCOMPARE(column(proxy, DocumentListModel::IdColumn), ids);
    QCOMPARE(proxy.isFiltering(), ids != u"a|b|c|d");

    // A row whose entry changes leaves or joins the filtered list at once.
    documents.updateEntry(0, {u"a"_s, 0, 0, 0, ReviewStatus::Approved, params, {}});
    if (status == int(ReviewStatus::Approved) && needle.isEmpty()) {
        QVERIFY(column(proxy, DocumentListModel::IdColumn).startsWith(u"a|"_s));
    }
}

void TestItemModels::documentFilterSortsCountsNumerically()
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

void TestItemModels::documentFilterShowsARoundInItsOrder()
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

void TestItemModels::recordCellsWithASpanAreEditableThroughTheEditor()
{
    RecordTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Checked checked = check("<model>M</model> used <gpu_count>8</gpu_count> GPUs."_ba);
    model.setDocument(checked.doc, checked.result.analysis, checked.result.findings);
    const QModelIndex count = model.index(0, RecordTableModel::GpuCountColumn);
    const QModelIndex empty = model.index(0, RecordTableModel::YearColumn);
    // Without an editor nothing is editable.
    QVERIFY(!(model.flags(count) & Qt::ItemIsEditable));
    QVERIFY(!model.setData(count, 16));

    QList<std::pair<qsizetype, QString>> calls;
    model.setSpanTextEditor([&calls](qsizetype span, const QString &text) {
        calls.append({span, text});
        return text != u"refused";
    });
    QVERIFY(model.flags(count) & Qt::ItemIsEditable);
    QVERIFY(!(model.flags(empty) & Qt::ItemIsEditable));
    QVERIFY(model.setData(count, 16));
    QCOMPARE(calls.size(), 1);
    QCOMPARE(calls[0].first, count.data(RecordTableModel::SpanRole).toLongLong());
    QCOMPARE(calls[0].second, u"16"_s);
    // The same text again is not an edit.
    QVERIFY(model.setData(count, u"8"_s));
    QCOMPARE(calls.size(), 1);
    QVERIFY(!model.setData(count, u"refused"_s));
    QVERIFY(!model.setData(empty, u"2020"_s));
    QCOMPARE(calls.size(), 2);
}

void TestItemModels::recordCellOfASpanIsFound()
{
    RecordTableModel model;
    const Checked checked = check("<model>M</model> has <params>7B</params> and <params>13B</params> parameters."_ba);
    model.setDocument(checked.doc, checked.result.analysis, checked.result.findings);
    QCOMPARE(model.indexOfSpan(0), model.index(0, RecordTableModel::ModelColumn));
    // The second params span is not the one shown, but it lives in the same cell.
    QCOMPARE(model.indexOfSpan(2), model.index(0, RecordTableModel::ParamsColumn));
    QVERIFY(!model.indexOfSpan(7).isValid());
    QVERIFY(!model.indexOfSpan(-1).isValid());
}

QTEST_GUILESS_MAIN(TestItemModels)
#include "tst_itemmodels.moc"
