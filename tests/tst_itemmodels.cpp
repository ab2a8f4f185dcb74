#include "document.h"
#include "findinglistmodel.h"
#include "itemmodelsupport.h"
#include "recordtablemodel.h"
#include "schema.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace annorev;
using namespace annorev::test;

namespace {

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

// The findings list and the record table of the review pane. The document list is in
// tst_documentlist.
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
