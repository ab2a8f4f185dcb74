#include "colourmetrics.h"
#include "comparepanel.h"
#include "countryaliases.h"
#include "dashboarddialog.h"
#include "document.h"
#include "documentlistmodel.h"
#include "drawrounddialog.h"
#include "exportdialog.h"
#include "filedialogs.h"
#include "findinglistmodel.h"
#include "folderentries.h"
#include "inlinemessage.h"
#include "mainwindow.h"
#include "plaintooltipdelegate.h"
#include "recordtablemodel.h"
#include "reviewsession.h"
#include "reviewstore.h"
#include "schema.h"
#include "shortcutsdialog.h"
#include "sourceview.h"
#include "spancomparisonmodel.h"
#include "spanhighlighter.h"
#include "spotcheckpanel.h"
#include "testsupport.h"
#include "windowfixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QHeaderView>
#include <QHelpEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QSettings>
#include <QShortcut>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QToolBar>
#include <QToolTip>
#include <QTreeView>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <sys/inotify.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace annorev;
using namespace annorev::test;

class TestMainWindow : public QObject, private WindowFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void opensTheSampleBatch();
    void modelsPassTheModelTester();
    void labelKeyTagsTheSelectionIntoRecordAndStore();
    void selectionsSnapToWordsUnlessAltIsHeld_data();
    void selectionsSnapToWordsUnlessAltIsHeld();
    void crossingSpansAreRefusedWithAMessage();
    void deleteRemovesTheSpanUnderTheCursor();
    void contextMenuRelabelsAndMovesSpans();
    void editingARecordCellRewritesTheTaggedText();
    void countCellsEditWithASpinBox();
    void activatingAFindingSelectsItsSpans();
    void activatingAFindingSelectsItsOwnRange();
    void applyFixIsAnUndoableEdit();
    void applyFixWorksFromTheCursorInAFlaggedRange_data();
    void applyFixWorksFromTheCursorInAFlaggedRange();
    void applyFixWithNothingToFixSaysSoByTheText();
    void undoAndRedoGoThroughTheStore();
    void eachDocumentKeepsItsUndoHistoryAcrossSwitches();
    void editsShowAtOnceAndTheSaveStateFollowsTheStore();
    void cursorInASpanSelectsItsRecordCell();
    void recordCellSelectsItsSpan();
    void approvingIsStoredAndMovesToTheNextUnreviewed();
    void errorFindingsNeedANoteToApprove();
    void rejectAndNeedsWorkKeepTheirNotes();
    void keysMoveThroughTheList();
    void droppingAFolderOpensIt();
    void settingsRememberLayoutBatchesAndDocument();
    void emptyRecordsAndFindingsSaySo();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::opensTheSampleBatch()
{
    auto window = openWindow(true);
    QCOMPARE(window->windowTitle(), u"samples — tester — annorev"_s);
    QCOMPARE(window->storePath(), ReviewStore::defaultStorePath({m_batch}));
    QVERIFY(QFile::exists(window->storePath()));
    QCOMPARE(child<QLabel>(*window, u"progressLabel"_s)->text(), u"0 / 7 reviewed"_s);
    QVERIFY(child<QLabel>(*window, u"summaryLabel"_s)->text().startsWith(u"7 documents · "_s));

    auto *list = child<QTreeView>(*window, u"documentList"_s);
    QCOMPARE(list->model()->rowCount(), 7);
    QCOMPARE(list->model()->index(0, DocumentListModel::IdColumn).data().toString(), first);
    QCOMPARE(list->model()->index(0, DocumentListModel::StatusColumn).data().toString(), u"Unreviewed"_s);
    QVERIFY(list->model()->index(6, DocumentListModel::ErrorsColumn).data().toInt() > 0);
    QCOMPARE(window->currentDocumentId(), first);

    SourceView *view = text(*window);
    QVERIFY(view->isReadOnly());
    QVERIFY(view->toPlainText().startsWith(u"This paper presents NeuroFlex-7B, a novel"_s));
    QVERIFY(!view->toPlainText().contains(u"<model>"_s));

    // Records are columns in the side pane, fields are rows, each showing text and value.
    auto *records = child<QTableView>(*window, u"recordTable"_s);
    QCOMPARE(records->model()->columnCount(), 1);
    QCOMPARE(records->model()->rowCount(), int(RecordTableModel::ColumnCount));
    QCOMPARE(records->model()->headerData(0, Qt::Horizontal).toString(), u"Record 1"_s);
    QCOMPARE(records->model()->index(RecordTableModel::ParamsColumn, 0).data().toString(),
             u"7.2 billion parameters → 7.2 × 10⁹"_s);

    auto *findings = child<QTableView>(*window, u"findingTable"_s);
    QCOMPARE(findings->model()->rowCount(), 1);
    QCOMPARE(findings->model()->index(0, FindingListModel::RuleColumn).data().toString(), u"gpu-count-untagged"_s);

    // Another document replaces all three views.
    list->setCurrentIndex(list->model()->index(2, 0));
    QCOMPARE(window->currentDocumentId(), u"002_f429afe5dd9093a8.txt"_s);
    QCOMPARE(records->model()->columnCount(), 0);
    QCOMPARE(findings->model()->index(0, FindingListModel::RuleColumn).data().toString(), u"annotations-missing"_s);

    for (const QString &name :
         {u"documentList"_s, u"textView"_s, u"recordTable"_s, u"findingTable"_s, u"documentSearch"_s, u"statusFilter"_s,
          u"labelFilter"_s, u"ruleFilter"_s, u"findingFilter"_s, u"noteEdit"_s, u"progressBar"_s}) {
        QVERIFY2(!child<QWidget>(*window, name)->accessibleName().isEmpty(), qPrintable(name));
    }
}

void TestMainWindow::modelsPassTheModelTester()
{
    auto window = openWindow(true);
    const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
    QAbstractItemModelTester list(child<QTreeView>(*window, u"documentList"_s)->model(), mode);
    QAbstractItemModelTester records(child<QTableView>(*window, u"recordTable"_s)->model(), mode);
    QAbstractItemModelTester findings(child<QTableView>(*window, u"findingTable"_s)->model(), mode);
    // Edits, navigation and filtering all change the models under the testers.
    QVERIFY(window->showDocumentWithId(extra));
    selectText(text(*window), u"13 billion"_s);
    QTest::keyClick(text(*window), Qt::Key_2);
    QTRY_VERIFY(stored(*window, extra).contains("<params>13 billion</params>"));
    child<QComboBox>(*window, u"findingFilter"_s)->setCurrentIndex(1);
    QTest::keyClick(window.get(), Qt::Key_Down, Qt::AltModifier);
}

void TestMainWindow::labelKeyTagsTheSelectionIntoRecordAndStore()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(extra));
    SourceView *view = text(*window);
    selectText(view, u"13 billion"_s);
    QTest::keyClick(view, Qt::Key_2); // params

    // The view shows it at once, the record has the value, the store has the edit.
    QTRY_COMPARE(window->session()->document().spans().size(), 2);
    QCOMPARE(window->session()->document().spans().at(1).label, u"params"_s);
    auto *records = child<QTableView>(*window, u"recordTable"_s);
    QTRY_COMPARE(records->model()->index(RecordTableModel::ParamsColumn, 0).data().toString(),
                 u"13 billion → 1.3 × 10¹⁰"_s);
    // The records show once the check is in; the commit may come a moment after it.
    QVERIFY(window->session()->waitForSaved());
    QCOMPARE(stored(*window, extra),
             "<model>Foo-13B</model> has <params>13 billion</params> parameters and was trained on 8 GPUs in "
             "2021.\n"_ba);
    const auto store = openedStore(window->storePath());
    const QList<ReviewStore::AuditEntry> log = *store->auditLog(extra);
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().action, u"edit"_s);
    QCOMPARE(log.first().reviewer, u"tester"_s);
    // The source file is never written.
    QCOMPARE(readFile(m_batch + u'/' + extra), extraSource);

    // The label buttons tag too.
    selectText(view, u"2021"_s);
    QTest::mouseClick(child<QWidget>(*window, u"labelButton-year"_s), Qt::LeftButton);
    QTRY_VERIFY(stored(*window, extra).contains("<year>2021</year>"));
}

void TestMainWindow::selectionsSnapToWordsUnlessAltIsHeld_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("length");
    QTest::addColumn<bool>("alt");
    QTest::addColumn<QString>("tagged");
    QTest::newRow("snapped") << 1 << 5 << false << u"13 billion"_s;
    QTest::newRow("exact with Alt") << 0 << 6 << true << u"13 bil"_s;
}

void TestMainWindow::selectionsSnapToWordsUnlessAltIsHeld()
{
    QFETCH(int, from);
    QFETCH(int, length);
    QFETCH(bool, alt);
    QFETCH(QString, tagged);
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(extra));
    selectText(text(*window), u"13 billion"_s, from, length);
    QTest::keyClick(text(*window), Qt::Key_2, alt ? Qt::AltModifier : Qt::NoModifier);
    QTRY_VERIFY2(stored(*window, extra).contains(u"<params>%1</params>"_s.arg(tagged).toUtf8()),
                 stored(*window, extra).constData());
}

void TestMainWindow::crossingSpansAreRefusedWithAMessage()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(extra));
    // "Foo-13B has" starts inside nothing but ends across the model span's end: it crosses it.
    selectText(text(*window), u"13B has"_s);
    QTest::keyClick(text(*window), Qt::Key_7, Qt::AltModifier);
    QVERIFY2(statusMessage(*window).startsWith(u"Not tagged:"_s), qPrintable(statusMessage(*window)));
    QCOMPARE(stored(*window, extra), extraSource);
    QVERIFY(!window->session()->undoStack()->canUndo());
    // Said by the text too, right above it, where the reviewer is looking.
    auto *message = child<InlineMessage>(*window, u"inlineMessage"_s);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().startsWith(u"Not tagged:"_s), qPrintable(message->text()));
    QCOMPARE(message->parentWidget(), text(*window)->parentWidget());
    QVERIFY(message->geometry().bottom() < text(*window)->geometry().top());
    QVERIFY(message->geometry().bottom() > text(*window)->geometry().top() - 20);

    // With nothing selected there is nothing to tag.
    text(*window)->moveCursor(QTextCursor::End);
    QTest::keyClick(text(*window), Qt::Key_1);
    QCOMPARE(statusMessage(*window), u"Select the text to tag first."_s);
}

void TestMainWindow::deleteRemovesTheSpanUnderTheCursor()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(extra));
    selectText(text(*window), u"Foo-13B"_s, 2, 0);
    QTest::keyClick(text(*window), Qt::Key_Delete);
    QTRY_COMPARE(stored(*window, extra), extraSource.mid(7).replace("</model>", ""));
    // Nothing at the cursor: nothing to remove.
    QVERIFY(!window->action(u"removeSpan"_s)->isEnabled());
    QTest::keyClick(text(*window), Qt::Key_Delete);
    QCOMPARE(window->session()->undoStack()->count(), 1);
}

void TestMainWindow::contextMenuRelabelsAndMovesSpans()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(extra));
    SourceView *view = text(*window);
    selectText(view, u"2021"_s);
    QTest::keyClick(view, Qt::Key_4); // gpu_count, the wrong label
    QTRY_VERIFY(stored(*window, extra).contains("<gpu_count>2021</gpu_count>"));

    // The context menu offers the span's labels and records; it is driven through its actions.
    selectText(view, u"2021"_s, 1, 0);
    // Picks "Year" from the menu's "Change Label To" submenu once the menu is up.
    std::function<void()> pick = [&pick] {
        QMenu *menu = nullptr;
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *candidate = qobject_cast<QMenu *>(widget); candidate && candidate->isVisible()) {
                menu = candidate;
            }
        }
        if (menu == nullptr) {
            QTimer::singleShot(10, pick);
            return;
        }
        for (QAction *action : menu->actions()) {
            if (action->menu() && action->text().contains(u"Change Label"_s)) {
                for (QAction *label : action->menu()->actions()) {
                    if (label->text() == u"Year") {
                        label->trigger();
                    }
                }
            }
        }
        menu->close();
    };
    QTimer::singleShot(0, pick);
    const QPoint at = view->cursorRect().center();
    emit view->customContextMenuRequested(at);
    QTRY_VERIFY(stored(*window, extra).contains("<year>2021</year>"));

    // Moving a span to another record gives it a record attribute.
    const qsizetype year = window->session()->document().spans().size() - 1;
    QVERIFY_OK(window->session()->moveToRecord(year, 2));
    QTRY_VERIFY(stored(*window, extra).contains("<year record=\"2\">2021</year>"));
}

void TestMainWindow::editingARecordCellRewritesTheTaggedText()
{
    auto window = openWindow(true);
    auto *records = child<QTableView>(*window, u"recordTable"_s);
    const QModelIndex params = records->model()->index(RecordTableModel::ParamsColumn, 0);
    records->setFocus();
    records->setCurrentIndex(params);
    QTest::keyClick(records, Qt::Key_F2);
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    QCOMPARE(editor->text(), u"7.2 billion parameters"_s);
    editor->selectAll();
    QTest::keyClicks(editor, u"6.9 billion parameters"_s);
    QTest::keyClick(editor, Qt::Key_Return);

    QTRY_VERIFY(stored(*window, first).contains("<params>6.9 billion parameters</params>"));
    QTRY_VERIFY(text(*window)->toPlainText().contains(u"6.9 billion parameters"_s));
    QVERIFY(!text(*window)->toPlainText().contains(u"7.2 billion"_s));
    QTRY_COMPARE(records->model()->index(RecordTableModel::ParamsColumn, 0).data().toString(),
                 u"6.9 billion parameters → 6.9 × 10⁹"_s);
    // An empty cell has no span to write to.
    QVERIFY(
        !(records->model()->flags(records->model()->index(RecordTableModel::GpuCountColumn, 0)) & Qt::ItemIsEditable));
}

void TestMainWindow::countCellsEditWithASpinBox()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(extra));
    selectText(text(*window), u"8 GPUs"_s, 0, 1);
    QTest::keyClick(text(*window), Qt::Key_4);
    QTRY_VERIFY(stored(*window, extra).contains("<gpu_count>8</gpu_count>"));
    auto *records = child<QTableView>(*window, u"recordTable"_s);
    QTRY_VERIFY(records->model()->index(RecordTableModel::GpuCountColumn, 0).flags() & Qt::ItemIsEditable);
    records->setFocus();
    records->setCurrentIndex(records->model()->index(RecordTableModel::GpuCountColumn, 0));
    QTest::keyClick(records, Qt::Key_F2);
    QWidget *focus = QApplication::focusWidget();
    auto *spin = qobject_cast<QSpinBox *>(focus) ? qobject_cast<QSpinBox *>(focus)
                                                 : qobject_cast<QSpinBox *>(focus->parentWidget());
    QVERIFY2(spin, QApplication::focusWidget()->metaObject()->className());
    QCOMPARE(spin->value(), 8);
    spin->setValue(16);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(stored(*window, extra).contains("<gpu_count>16</gpu_count>"));
}

void TestMainWindow::activatingAFindingSelectsItsSpans()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(second));
    auto *findings = child<QTableView>(*window, u"findingTable"_s);
    QCOMPARE(findings->model()->index(0, FindingListModel::RuleColumn).data().toString(), u"hardware-count-embedded"_s);
    QVERIFY(!text(*window)->textCursor().hasSelection());
    emit findings->activated(findings->model()->index(0, FindingListModel::MessageColumn));
    QCOMPARE(text(*window)->textCursor().selectedText(), u"768 NVIDIA A100 GPUs"_s);
    QCOMPARE(text(*window)->extraSelections().size(), 1);
    QVERIFY(text(*window)->hasFocus() || !window->isActiveWindow());
}

void TestMainWindow::activatingAFindingSelectsItsOwnRange()
{
    auto window = openWindow(true);
    auto *findings = child<QTableView>(*window, u"findingTable"_s);
    QCOMPARE(findings->model()->index(0, FindingListModel::RuleColumn).data().toString(), u"gpu-count-untagged"_s);
    emit findings->activated(findings->model()->index(0, FindingListModel::MessageColumn));
    // The untagged count itself, not the hardware span the finding is about.
    QCOMPARE(text(*window)->textCursor().selectedText(), u"512"_s);
    // Both are outlined.
    QCOMPARE(text(*window)->extraSelections().size(), 2);
}

void TestMainWindow::applyFixWorksFromTheCursorInAFlaggedRange_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<int>("offset");
    QTest::addRow("in the untagged count") << u"512 NVIDIA"_s << 1;
    QTest::addRow("at the count's end") << u"512 NVIDIA"_s << 3;
    QTest::addRow("in the hardware span the finding names") << u"A100 80GB"_s << 2;
}

void TestMainWindow::applyFixWorksFromTheCursorInAFlaggedRange()
{
    QFETCH(QString, word);
    QFETCH(int, offset);
    auto window = openWindow(true);
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    auto *findings = child<QTableView>(*window, u"findingTable"_s);
    findings->selectionModel()->clearCurrentIndex();
    SourceView *view = text(*window);
    selectText(view, word, offset, 0);
    QVERIFY(!view->textCursor().hasSelection());
    QTest::keyClick(view, Qt::Key_Period, Qt::ControlModifier);
    QTRY_VERIFY2(stored(*window, first).contains("<gpu_count>512</gpu_count> <hardware>"),
                 stored(*window, first).constData());
    QCOMPARE(window->session()->undoStack()->count(), 1);
}

void TestMainWindow::applyFixWithNothingToFixSaysSoByTheText()
{
    auto window = openWindow(true);
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    const QByteArray before = stored(*window, first);
    SourceView *view = text(*window);
    selectText(view, u"novel"_s, 1, 0);
    auto *message = child<InlineMessage>(*window, u"inlineMessage"_s);
    QVERIFY(!message->isVisible());
    QTest::keyClick(view, Qt::Key_Period, Qt::ControlModifier);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"no finding at the cursor"_s), qPrintable(message->text()));
    QCOMPARE(stored(*window, first), before);
    QVERIFY(!window->session()->undoStack()->canUndo());
}

void TestMainWindow::applyFixIsAnUndoableEdit()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(second));
    auto *findings = child<QTableView>(*window, u"findingTable"_s);
    findings->setCurrentIndex(findings->model()->index(0, 0));
    QAction *fix = window->action(u"applyFix"_s);
    QVERIFY(fix->isEnabled());
    fix->trigger();
    QTRY_VERIFY2(stored(*window, second).contains("<gpu_count>768</gpu_count>"), stored(*window, second).constData());
    QTRY_VERIFY(findings->model()
                    ->match(findings->model()->index(0, FindingListModel::RuleColumn), Qt::DisplayRole,
                            u"hardware-count-embedded"_s)
                    .isEmpty());
    window->action(u"undo"_s)->trigger();
    QTRY_VERIFY(stored(*window, second).contains("<hardware>768 NVIDIA A100 GPUs</hardware>"));
}

void TestMainWindow::undoAndRedoGoThroughTheStore()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(extra));
    selectText(text(*window), u"8 GPUs"_s, 0, 1);
    QTest::keyClick(text(*window), Qt::Key_4);
    QTRY_VERIFY(stored(*window, extra).contains("<gpu_count>8</gpu_count>"));
    QVERIFY(window->action(u"undo"_s)->isEnabled());
    QVERIFY(window->action(u"undo"_s)->text().contains(u"Tag"_s));

    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(stored(*window, extra), extraSource);
    QTRY_COMPARE(window->session()->document().spans().size(), 1);
    QVERIFY(window->action(u"redo"_s)->isEnabled());
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(stored(*window, extra).contains("<gpu_count>8</gpu_count>"));
    QTRY_COMPARE(window->session()->document().spans().size(), 2);

    const auto store = openedStore(window->storePath());
    QCOMPARE(store->auditLog(extra)->size(), 3); // tag, undo, redo
}

void TestMainWindow::eachDocumentKeepsItsUndoHistoryAcrossSwitches()
{
    auto window = openWindow(true);
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QVERIFY(window->showDocumentWithId(extra));
    SourceView *view = text(*window);
    selectText(view, u"2021"_s);
    QTest::keyClick(view, Qt::Key_7);
    QTRY_VERIFY(stored(*window, extra).contains("<year>2021</year>"));
    const QByteArray extraTagged = stored(*window, extra);

    // To the next document with the keys, and an edit there.
    QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(window->currentDocumentId(), broken);
    const QByteArray brokenOriginal = stored(*window, broken);
    selectText(view, u"Trained"_s);
    QTest::keyClick(view, Qt::Key_7, Qt::AltModifier);
    QTRY_VERIFY(stored(*window, broken).startsWith("<year>Trained</year>"));
    const QByteArray brokenTagged = stored(*window, broken);

    // Back on the first document, Ctrl+Z undoes its own tag, not the other document's.
    QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(window->currentDocumentId(), extra);
    QVERIFY(window->action(u"undo"_s)->isEnabled());
    QVERIFY2(window->action(u"undo"_s)->text().contains(u"2021"_s), qPrintable(window->action(u"undo"_s)->text()));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(stored(*window, extra), extraSource);
    QCOMPARE(stored(*window, broken), brokenTagged);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(stored(*window, extra), extraTagged);

    // And on the other document, its own.
    QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(window->currentDocumentId(), broken);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(stored(*window, broken), brokenOriginal);
    QCOMPARE(stored(*window, extra), extraTagged);
    QVERIFY(!window->action(u"undo"_s)->isEnabled());
    QVERIFY(window->action(u"redo"_s)->isEnabled());
}

void TestMainWindow::editsShowAtOnceAndTheSaveStateFollowsTheStore()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(extra));
    auto *saved = child<QLabel>(*window, u"saveLabel"_s);
    QCOMPARE(saved->text(), u"All changes saved"_s);
    QSignalSpy saving(window->session(), &ReviewSession::savingChanged);
    selectText(text(*window), u"2021"_s);
    QTest::keyClick(text(*window), Qt::Key_7);
    // The span is in the document the view shows before the call returns.
    QCOMPARE(window->session()->document().spans().size(), 2);
    QVERIFY(!saving.isEmpty());
    QTRY_COMPARE(saved->text(), u"All changes saved"_s);
    QVERIFY(stored(*window, extra).contains("<year>2021</year>"));
    auto *records = child<QTableView>(*window, u"recordTable"_s);
    QTRY_COMPARE(records->model()->index(RecordTableModel::YearColumn, 0).data().toString(), u"2021"_s);
}

void TestMainWindow::cursorInASpanSelectsItsRecordCell()
{
    auto window = openWindow(true);
    auto *records = child<QTableView>(*window, u"recordTable"_s);
    selectText(text(*window), u"21 days"_s, 3, 0);
    QCOMPARE(records->currentIndex(), records->model()->index(RecordTableModel::TrainingColumn, 0));
    selectText(text(*window), u"NeuroFlex-7B"_s, 1, 0);
    QCOMPARE(records->currentIndex(), records->model()->index(RecordTableModel::ModelColumn, 0));
}

void TestMainWindow::recordCellSelectsItsSpan()
{
    auto window = openWindow(true);
    auto *records = child<QTableView>(*window, u"recordTable"_s);
    records->setCurrentIndex(records->model()->index(RecordTableModel::TrainingColumn, 0));
    QCOMPARE(text(*window)->textCursor().selectedText(), u"21 days"_s);
    // An empty cell has no span to select.
    records->setCurrentIndex(records->model()->index(RecordTableModel::GpuCountColumn, 0));
    QCOMPARE(text(*window)->textCursor().selectedText(), u"21 days"_s);
}

void TestMainWindow::approvingIsStoredAndMovesToTheNextUnreviewed()
{
    {
        auto window = openWindow(true);
        auto *list = child<QTreeView>(*window, u"documentList"_s);
        // The second document is reviewed already: approving the first skips it.
        QVERIFY(window->showDocumentWithId(second));
        window->action(u"needsWork"_s)->trigger();
        QVERIFY(window->showDocumentWithId(first));
        child<QLineEdit>(*window, u"noteEdit"_s)->setText(u"checked against the paper"_s);
        QTest::keyClick(list, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(window->currentDocumentId(), u"002_f429afe5dd9093a8.txt"_s);
        QCOMPARE(child<QLabel>(*window, u"progressLabel"_s)->text(), u"2 / 7 reviewed"_s);
        QCOMPARE(list->model()->index(0, DocumentListModel::StatusColumn).data().toString(), u"Approved"_s);
        // The note field shows the note of the document it is on.
        QCOMPARE(child<QLineEdit>(*window, u"noteEdit"_s)->text(), QString());
        QVERIFY(window->close());
    }
    // Reopened, the window shows what the store kept, on the document it was on.
    auto window = openWindow();
    QCOMPARE(window->currentDocumentId(), u"002_f429afe5dd9093a8.txt"_s);
    auto *list = child<QTreeView>(*window, u"documentList"_s);
    QCOMPARE(list->model()->index(0, DocumentListModel::StatusColumn).data().toString(), u"Approved"_s);
    QCOMPARE(list->model()->index(1, DocumentListModel::StatusColumn).data().toString(), u"Needs work"_s);
    const auto store = openedStore(window->storePath());
    QCOMPARE(store->document(first)->status, ReviewStatus::Approved);
    QCOMPARE(store->document(first)->note, u"checked against the paper"_s);
    QCOMPARE(store->document(first)->reviewer, u"tester"_s);
    QVERIFY(window->showDocumentWithId(first));
    QCOMPARE(child<QLineEdit>(*window, u"noteEdit"_s)->text(), u"checked against the paper"_s);
}

void TestMainWindow::errorFindingsNeedANoteToApprove()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(broken));
    auto *note = child<QLineEdit>(*window, u"noteEdit"_s);
    const QColor plainBase = note->palette().color(QPalette::Base);
    window->action(u"approve"_s)->trigger();
    QVERIFY2(statusMessage(*window).contains(u"approving it needs a note"_s), qPrintable(statusMessage(*window)));
    QCOMPARE(window->currentDocumentId(), broken);
    QVERIFY(note->hasFocus());
    // The note field is marked and the reason shows by the text, not only in the status bar.
    QVERIFY(note->property("attention").toBool());
    QVERIFY(note->palette().color(QPalette::Base) != plainBase);
    auto *message = child<InlineMessage>(*window, u"inlineMessage"_s);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"approving it needs a note"_s), qPrintable(message->text()));
    QCOMPARE(openedStore(window->storePath())->document(broken)->status, ReviewStatus::Unreviewed);

    QTest::keyClicks(child<QLineEdit>(*window, u"noteEdit"_s), u"the tag is closed upstream"_s);
    QVERIFY(!note->property("attention").toBool());
    QCOMPARE(note->palette().color(QPalette::Base), plainBase);
    QTest::keyClick(child<QLineEdit>(*window, u"noteEdit"_s), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(openedStore(window->storePath())->document(broken)->status, ReviewStatus::Approved);
    QCOMPARE(window->currentDocumentId(), first); // wrapped around to the first unreviewed
}

void TestMainWindow::rejectAndNeedsWorkKeepTheirNotes()
{
    auto window = openWindow(true);
    child<QLineEdit>(*window, u"noteEdit"_s)->setText(u"wrong paper"_s);
    QTest::keyClick(window.get(), Qt::Key_Backspace, Qt::ControlModifier | Qt::ShiftModifier);
    auto doc = openedStore(window->storePath())->document(first);
    QCOMPARE(doc->status, ReviewStatus::Rejected);
    QCOMPARE(doc->note, u"wrong paper"_s);
    // Rejecting does not move on; the reviewer may want to say more.
    QCOMPARE(window->currentDocumentId(), first);
    QTest::keyClick(window.get(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(openedStore(window->storePath())->document(first)->status, ReviewStatus::NeedsWork);
}

void TestMainWindow::keysMoveThroughTheList()
{
    auto window = openWindow(true);
    QCOMPARE(window->currentDocumentId(), first);
    QTest::keyClick(window.get(), Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(window->currentDocumentId(), second);
    QTest::keyClick(window.get(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(window->currentDocumentId(), first);
    text(*window)->setFocus();
    QTest::keyClick(text(*window), Qt::Key_J);
    QTest::keyClick(text(*window), Qt::Key_J);
    QCOMPARE(window->currentDocumentId(), u"002_f429afe5dd9093a8.txt"_s);
    QTest::keyClick(text(*window), Qt::Key_K);
    QCOMPARE(window->currentDocumentId(), second);
    // J in the note is a letter, not a move.
    QTest::keyClick(child<QLineEdit>(*window, u"noteEdit"_s), Qt::Key_J);
    QCOMPARE(window->currentDocumentId(), second);
    QCOMPARE(child<QLineEdit>(*window, u"noteEdit"_s)->text(), u"j"_s);
}

void TestMainWindow::droppingAFolderOpensIt()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(m_batch)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QTRY_COMPARE(child<QTreeView>(window, u"documentList"_s)->model()->rowCount(), 7);
    // Anything but local files is refused.
    QMimeData remote;
    remote.setUrls({QUrl(u"https://example.org/batch.jsonl"_s)});
    QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &remote, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QApplication::sendEvent(&window, &refused);
    QVERIFY(!refused.isAccepted());
}

void TestMainWindow::settingsRememberLayoutBatchesAndDocument()
{
    QList<int> sizes;
    {
        auto window = openWindow(true);
        auto *splitter = child<QSplitter>(*window, u"outerSplitter"_s);
        sizes = splitter->sizes();
        sizes[0] += 100;
        sizes[1] -= 100;
        splitter->setSizes(sizes);
        sizes = splitter->sizes();
        QVERIFY(window->showDocumentWithId(extra));
        QVERIFY(window->close());
    }
    const QSettings settings(u"annorev"_s, u"annorev"_s);
    QVERIFY(settings.fileName().contains(u"qttest"_s));
    QCOMPARE(settings.value(u"lastBatch"_s).toStringList(), QStringList{QFileInfo(m_batch).absoluteFilePath()});
    QCOMPARE(settings.value(u"recentBatches"_s).toList().size(), 1);

    auto window = openWindow(true);
    QCOMPARE(child<QSplitter>(*window, u"outerSplitter"_s)->sizes(), sizes);
    QCOMPARE(window->currentDocumentId(), extra);
    auto *recent = child<QMenu>(*window, u"recentMenu"_s);
    emit recent->aboutToShow();
    QCOMPARE(recent->actions().first()->text(), u"&1 samples"_s);
}

void TestMainWindow::emptyRecordsAndFindingsSaySo()
{
    auto window = openWindow(true);
    auto *records = child<QLabel>(*window, u"recordNotice"_s);
    auto *findings = child<QLabel>(*window, u"findingNotice"_s);
    // The first document has both.
    QVERIFY(!records->isVisible());
    QVERIFY(!findings->isVisible());
    // No span, so no record (its one finding says the annotations are missing).
    QVERIFY(window->showDocumentWithId(u"002_f429afe5dd9093a8.txt"_s));
    QVERIFY(records->isVisible());
    QVERIFY2(records->text().startsWith(u"No records"_s), qPrintable(records->text()));
    QVERIFY(!findings->isVisible());
    // Nothing for the checks to report.
    QVERIFY(window->showDocumentWithId(extra));
    QVERIFY(!records->isVisible());
    QVERIFY(findings->isVisible());
    QVERIFY2(findings->text().startsWith(u"No findings"_s), qPrintable(findings->text()));
    QCOMPARE(findings->geometry(), child<QTableView>(*window, u"findingTable"_s)->viewport()->rect());
    // An edit that brings a finding hides the notice.
    selectText(text(*window), u"8 GPUs"_s, 0, 1);
    QTest::keyClick(text(*window), Qt::Key_1, Qt::AltModifier);
    QTRY_VERIFY(!findings->isVisible());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
