#include "document.h"
#include "findinglistmodel.h"
#include "mainwindow.h"
#include "plaintooltipdelegate.h"
#include "recordtablemodel.h"
#include "schema.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

using namespace Qt::StringLiterals;
using namespace annorev;

namespace {

const QString samplesDir = QStringLiteral(ANNOREV_SAMPLES_DIR);

template <typename T> T *child(const MainWindow &window, const QString &name)
{
    T *widget = window.findChild<T *>(name);
    if (widget == nullptr) {
        qFatal("no child %s", qPrintable(name));
    }
    return widget;
}

QString sampleText(const QString &name)
{
    QFile file(samplesDir + u'/' + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read sample %s", qPrintable(name));
    }
    return Document::parse(file.readAll(), Schema::builtin()).text();
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void opensTheSampleBatch();
    void findingActivationSelectsItsText();
    void recordActivationSelectsTheSpan();
    void spansAreHighlightedInTheirLabelColour();
    void filterNarrowsTheList();
    void toolTipsArePlainText();
    void emptyAndUnreadableInputs();
    void largeBatchLoads();
    void splitterSizesArePersisted();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::init()
{
    QSettings(u"annorev"_s, u"annorev"_s).clear();
}

void TestMainWindow::opensTheSampleBatch()
{
    MainWindow window;
    window.openBatch({samplesDir});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QCOMPARE(window.windowTitle(), u"annorev — samples"_s);
    QCOMPARE(child<QLabel>(window, u"summaryLabel"_s)->text(), u"5 documents · 0 errors · 6 warnings"_s);

    auto *list = child<QListView>(window, u"documentList"_s);
    QCOMPARE(list->model()->rowCount(), 5);
    QCOMPARE(list->model()->index(0, 0).data().toString(), u"000_fb52d27db3b8b6ee.txt"_s);
    list->setCurrentIndex(list->model()->index(0, 0));

    auto *text = child<QPlainTextEdit>(window, u"textView"_s);
    QVERIFY(text->isReadOnly());
    QCOMPARE(text->toPlainText(), sampleText(u"000_fb52d27db3b8b6ee.txt"_s));
    QVERIFY(text->toPlainText().startsWith(u"This paper presents NeuroFlex-7B, a novel"_s));
    QVERIFY(!text->toPlainText().contains(u"<model>"_s));

    // Records are columns in the side pane, fields are rows.
    auto *records = child<QTableView>(window, u"recordTable"_s);
    QCOMPARE(records->model()->columnCount(), 1);
    QCOMPARE(records->model()->rowCount(), int(RecordTableModel::ColumnCount));
    QCOMPARE(records->model()->headerData(0, Qt::Horizontal).toString(), u"Record 1"_s);
    QCOMPARE(records->model()->headerData(RecordTableModel::HardwareColumn, Qt::Vertical).toString(), u"Hardware"_s);
    QCOMPARE(records->model()->index(RecordTableModel::ModelColumn, 0).data().toString(), u"NeuroFlex-7B"_s);
    QCOMPARE(records->model()->index(RecordTableModel::ParamsColumn, 0).data().toString(),
             u"7.2 billion parameters → 7.2 × 10⁹"_s);

    auto *findings = child<QTableView>(window, u"findingTable"_s);
    QCOMPARE(findings->model()->rowCount(), 1);
    QCOMPARE(findings->model()->index(0, FindingListModel::RuleColumn).data().toString(), u"gpu-count-untagged"_s);

    // Another document replaces all three views.
    list->setCurrentIndex(list->model()->index(2, 0));
    QCOMPARE(text->toPlainText(), sampleText(u"002_f429afe5dd9093a8.txt"_s));
    QCOMPARE(records->model()->columnCount(), 0);
    QCOMPARE(findings->model()->index(0, FindingListModel::RuleColumn).data().toString(), u"annotations-missing"_s);

    for (QWidget *view : std::initializer_list<QWidget *>{list, text, records, findings,
                                                          child<QLineEdit>(window, u"documentFilter"_s)}) {
        QVERIFY2(!view->accessibleName().isEmpty(), qPrintable(view->objectName()));
    }
}

void TestMainWindow::findingActivationSelectsItsText()
{
    MainWindow window;
    window.openBatch({samplesDir});
    auto *list = child<QListView>(window, u"documentList"_s);
    list->setCurrentIndex(list->model()->index(0, 0));

    auto *findings = child<QTableView>(window, u"findingTable"_s);
    auto *text = child<QPlainTextEdit>(window, u"textView"_s);
    QVERIFY(!text->textCursor().hasSelection());
    emit findings->activated(findings->model()->index(0, FindingListModel::MessageColumn));
    QCOMPARE(text->textCursor().selectedText(), u"512"_s);

    // Moving through the findings with the keyboard follows them in the text too.
    list->setCurrentIndex(list->model()->index(4, 0));
    QCOMPARE(findings->model()->rowCount(), 3);
    findings->setCurrentIndex(findings->model()->index(1, 0));
    QCOMPARE(text->textCursor().selectedText(), u"256"_s);
}

void TestMainWindow::recordActivationSelectsTheSpan()
{
    MainWindow window;
    window.openBatch({samplesDir});
    auto *records = child<QTableView>(window, u"recordTable"_s);
    auto *text = child<QPlainTextEdit>(window, u"textView"_s);
    emit records->activated(records->model()->index(RecordTableModel::TrainingColumn, 0));
    QCOMPARE(text->textCursor().selectedText(), u"21 days"_s);
    // An empty cell has no span to select.
    emit records->activated(records->model()->index(RecordTableModel::GpuCountColumn, 0));
    QCOMPARE(text->textCursor().selectedText(), u"21 days"_s);
}

void TestMainWindow::spansAreHighlightedInTheirLabelColour()
{
    MainWindow window;
    window.openBatch({samplesDir});
    auto *text = child<QPlainTextEdit>(window, u"textView"_s);
    const QList<QTextEdit::ExtraSelection> selections = text->extraSelections();
    QCOMPARE(selections.size(), 9);
    const QTextEdit::ExtraSelection &first = selections.first();
    QCOMPARE(first.cursor.selectedText(), u"NeuroFlex-7B"_s);
    const QColor colour = first.format.background().color();
    QCOMPARE(colour.rgb(), Schema::builtin().label(u"model")->colour.rgb());
    QVERIFY(colour.alpha() > 0 && colour.alpha() < 128);
    // Highlights are decoration, not content: the document holds no character formats.
    QVERIFY(!text->document()->toHtml().contains(u"background-color"_s));
}

void TestMainWindow::filterNarrowsTheList()
{
    MainWindow window;
    window.openBatch({samplesDir});
    auto *list = child<QListView>(window, u"documentList"_s);
    auto *filter = child<QLineEdit>(window, u"documentFilter"_s);
    QTest::keyClicks(filter, u"003_"_s);
    QTRY_COMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0, 0).data().toString(), u"003_2b600daee4a931dd.txt"_s);
    // The needle is a fixed string, not a pattern.
    filter->setText(u".*"_s);
    QTRY_COMPARE(list->model()->rowCount(), 0);
    filter->clear();
    QTRY_COMPARE(list->model()->rowCount(), 5);
}

void TestMainWindow::toolTipsArePlainText()
{
    MainWindow window;
    window.openBatch({samplesDir});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *text = child<QPlainTextEdit>(window, u"textView"_s);

    // Hovering a span names its label.
    QTextCursor cursor(text->document());
    cursor.setPosition(int(text->toPlainText().indexOf(u"NeuroFlex-7B"_s)) + 3);
    const QPoint pos = text->cursorRect(cursor).center();
    QHelpEvent help(QEvent::ToolTip, pos, text->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(text->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY(QToolTip::text().contains(u"Model"_s));

    // Document text in a tooltip is escaped, never interpreted.
    PlainToolTipDelegate::showPlainToolTip(text->mapToGlobal(QPoint(5, 5)), u"<b>bold</b> & <img src=x>"_s, text);
    QVERIFY(QToolTip::text().contains(u"&lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x&gt;"_s));
    QToolTip::hideText();
}

void TestMainWindow::emptyAndUnreadableInputs()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow window;
    window.openBatch({dir.path()});
    QCOMPARE(child<QListView>(window, u"documentList"_s)->model()->rowCount(), 0);
    QCOMPARE(child<QLabel>(window, u"summaryLabel"_s)->text(), u"0 documents · 0 errors · 0 warnings"_s);
    QVERIFY(child<QPlainTextEdit>(window, u"textView"_s)->toPlainText().isEmpty());

    window.openBatch({dir.filePath(u"missing.txt"_s), samplesDir});
    QCOMPARE(child<QListView>(window, u"documentList"_s)->model()->rowCount(), 5);
    QCOMPARE(child<QLabel>(window, u"summaryLabel"_s)->text(),
             u"5 documents · 0 errors · 6 warnings · 1 input unreadable"_s);
}

void TestMainWindow::largeBatchLoads()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    constexpr int count = MainWindow::ProgressThreshold + 50;
    for (int i = 0; i < count; ++i) {
        QFile file(dir.filePath(u"doc%1.txt"_s.arg(i, 4, 10, QChar(u'0'))));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("<model>M</model> was trained on 8 <hardware>A100</hardware> GPUs.");
    }
    MainWindow window;
    window.show();
    window.openBatch({dir.path()});
    QCOMPARE(child<QListView>(window, u"documentList"_s)->model()->rowCount(), count);
    QCOMPARE(child<QLabel>(window, u"summaryLabel"_s)->text(), u"%1 documents · 0 errors · %1 warnings"_s.arg(count));
}

void TestMainWindow::splitterSizesArePersisted()
{
    QList<int> sizes;
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *splitter = child<QSplitter>(window, u"outerSplitter"_s);
        sizes = splitter->sizes();
        sizes[0] += 100;
        sizes[1] -= 100;
        splitter->setSizes(sizes);
        sizes = splitter->sizes();
        QVERIFY(window.close());
    }
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(child<QSplitter>(window, u"outerSplitter"_s)->sizes(), sizes);
    QVERIFY(QFile::exists(QSettings(u"annorev"_s, u"annorev"_s).fileName()));
    QVERIFY(QSettings(u"annorev"_s, u"annorev"_s).fileName().contains(u"qttest"_s));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
