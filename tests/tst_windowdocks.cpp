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
#include <QScopeGuard>
#include <QSet>
#include <QProcess>
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
#include <QToolButton>
#include <QToolTip>
#include <QTreeView>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <sys/inotify.h>
#include <unistd.h>

using namespace annorev;
using namespace annorev::test;

// The window with its docks and dialogs: spot checks, the dashboard, comparison and export, and a
// layout that keeps every pane readable when they open.
class TestWindowDocks : public QObject, private WindowFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void labelButtonsWrapRatherThanSqueezeTheRecords();
    void documentIdsKeepTheirWidthWhenADockOpens();
    void aWindowClosedInSpotCheckModeReopensOutOfIt();
    void spotCheckModeShowsTheRoundAndJudgesWithPAndF();
    void dashboardOpensOnTheBatch();
    void compareShowsBothSidesAndTakesBsSpan();
    void exportOpensTheDialogOnTheBatchStore();
};

void TestWindowDocks::labelButtonsWrapRatherThanSqueezeTheRecords()
{
    auto window = openWindow(true);
    window->resize(1200, 800);
    window->action(u"spotCheckMode"_s)->trigger(); // a dock takes its share of the width
    auto *legend = child<QWidget>(*window, u"labelLegend"_s);
    auto *records = child<QTableView>(*window, u"recordTable"_s);
    auto *first = child<QWidget>(*legend, u"labelButton-model"_s);
    // One row of all seven buttons is wider than the text pane has room for: they wrap, and the
    // records keep a readable width (a single row squeezed them to a sliver).
    QTRY_VERIFY(legend->height() >= 2 * first->height());
    QVERIFY2(records->width() >= 200, qPrintable(QString::number(records->width())));
    for (QWidget *button : legend->findChildren<QToolButton *>()) {
        QVERIFY2(legend->rect().contains(button->geometry()), qPrintable(button->objectName()));
    }
    // Given the room, they go back on one row.
    window->action(u"spotCheckMode"_s)->trigger();
    window->resize(2400, 800);
    child<QSplitter>(*window, u"textSplitter"_s)->setSizes({legend->sizeHint().width() + 50, 300});
    QTRY_COMPARE(legend->height(), first->height());
}

void TestWindowDocks::documentIdsKeepTheirWidthWhenADockOpens()
{
    auto window = openWindow(true);
    window->resize(1280, 800);
    // The comparison, alone, gets room for its rows: some 60 characters.
    window->action(u"comparePanelVisible"_s)->trigger();
    auto *compare = child<QWidget>(*window, u"comparePanel"_s);
    QTRY_VERIFY(compare->isVisible());
    QVERIFY2(compare->width() >= compare->fontMetrics().averageCharWidth() * 55,
             qPrintable(QString::number(compare->width())));
    window->action(u"spotCheckMode"_s)->trigger();
    auto *list = child<QTreeView>(*window, u"documentList"_s);
    const int idWidth = QFontMetrics(list->font()).averageCharWidth() * 16;
    QTRY_VERIFY(child<QWidget>(*window, u"spotCheckPanel"_s)->isVisible());
    QVERIFY2(list->header()->sectionSize(DocumentListModel::IdColumn) >= idWidth,
             qPrintable(QString::number(list->header()->sectionSize(DocumentListModel::IdColumn))));

    // Spot-check mode adds the Check column, and the ids still keep their width.
    QVERIFY(pickNewRound(*window, u"r1"_s, {first, extra}));
    QVERIFY(!list->isColumnHidden(DocumentListModel::JudgementColumn));
    QTRY_VERIFY2(list->header()->sectionSize(DocumentListModel::IdColumn) >= idWidth,
                 qPrintable(QString::number(list->header()->sectionSize(DocumentListModel::IdColumn))));
}

void TestWindowDocks::aWindowClosedInSpotCheckModeReopensOutOfIt()
{
    {
        auto window = openWindow(true);
        window->action(u"spotCheckMode"_s)->trigger();
        QVERIFY(pickNewRound(*window, u"r1"_s, {first}));
        QVERIFY(!child<QTreeView>(*window, u"documentList"_s)->isColumnHidden(DocumentListModel::JudgementColumn));
        QVERIFY(window->close()); // saves the layout, the list's header with it
    }
    auto window = openWindow(true);
    auto *list = child<QTreeView>(*window, u"documentList"_s);
    QVERIFY(list->isColumnHidden(DocumentListModel::JudgementColumn));
    QCOMPARE(list->model()->rowCount(), 7);
    QVERIFY(list->isSortingEnabled());
}

void TestWindowDocks::spotCheckModeShowsTheRoundAndJudgesWithPAndF()
{
    auto window = openWindow(true);
    window->action(u"spotCheckMode"_s)->trigger();
    auto *panel = window->findChild<SpotCheckPanel *>(u"spotCheckPanel"_s);
    QVERIFY(panel);
    QVERIFY(panel->isVisible());
    QPointer<DrawRoundDialog> draw = panel->openDrawRoundDialog();
    QVERIFY(draw);
    draw->setRoundName(u"r1"_s);
    draw->setSampleSize(3);
    draw->setSeed(7);
    QSignalSpy drawn(draw.data(), &DrawRoundDialog::drawFinished);
    QVERIFY2(draw->draw(), qPrintable(draw->message()));
    QVERIFY(drawn.wait(20000));
    QVERIFY2(drawn.first().at(0).toBool(), qPrintable(draw->message()));
    QVERIFY(!draw->isVisible()); // accepted
    const QStringList ids = panel->roundIds();
    QCOMPARE(ids.size(), 3);

    // The list shows the round only, in draw order, and the first of it is current.
    auto *list = child<QTreeView>(*window, u"documentList"_s);
    QCOMPARE(list->model()->rowCount(), 3);
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(list->model()->index(row, 0).data().toString(), ids.at(row));
    }
    QCOMPARE(window->currentDocumentId(), ids.first());
    QVERIFY(panel->estimateText().contains(u"0"_s));
    // Draw order is the order: no sort arrow, and a header click leaves it.
    QVERIFY(!list->header()->isSortIndicatorShown());
    QTest::mouseClick(list->header()->viewport(), Qt::LeftButton, {},
                      QPoint(list->header()->sectionViewportPosition(DocumentListModel::StatusColumn) + 5, 5));
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(list->model()->index(row, 0).data().toString(), ids.at(row));
    }

    // P passes and moves on; F then a reason key fails. Shortcuts go to the active window, which
    // the window becomes again once the dialog is gone.
    QTRY_VERIFY(!draw);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    text(*window)->setFocus();
    QTest::keyClick(text(*window), Qt::Key_P);
    QCOMPARE(window->currentDocumentId(), ids.at(1));
    QTest::keyClick(text(*window), Qt::Key_F);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_2);
    QTRY_COMPARE(window->currentDocumentId(), ids.at(2));

    const auto store = openedStore(window->storePath());
    const QList<Judgement> judgements = *store->judgements(u"r1"_s);
    QCOMPARE(judgements.size(), 2);
    QCOMPARE(judgements.at(0).documentId, ids.at(0));
    QCOMPARE(judgements.at(0).verdict, Verdict::Pass);
    QCOMPARE(judgements.at(1).documentId, ids.at(1));
    QCOMPARE(judgements.at(1).verdict, Verdict::Fail);
    QVERIFY(!panel->estimateText().isEmpty());
    // The list's Check column shows each judgement as it is made.
    QVERIFY(!list->isColumnHidden(DocumentListModel::JudgementColumn));
    QCOMPARE(list->model()->index(0, DocumentListModel::JudgementColumn).data().toString(), u"Pass"_s);
    QCOMPARE(list->model()->index(1, DocumentListModel::JudgementColumn).data().toString(), u"Fail"_s);
    QVERIFY(list->model()
                ->index(1, DocumentListModel::JudgementColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"wrong-boundary"_s));
    QVERIFY(!list->model()->index(2, DocumentListModel::JudgementColumn).data().isValid());

    // Leaving the mode gives the whole batch back, in batch order, and headers sort again.
    QVERIFY(panel->selectRound({}));
    QCOMPARE(list->model()->rowCount(), 7);
    QVERIFY(list->isColumnHidden(DocumentListModel::JudgementColumn));
    for (int row = 0; row < 7; ++row) {
        QVERIFY(!list->model()->index(row, DocumentListModel::JudgementColumn).data().isValid());
    }
    QStringList batchOrder;
    for (int row = 0; row < 7; ++row) {
        batchOrder.append(list->model()->index(row, 0).data().toString());
    }
    QStringList sorted = batchOrder;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(batchOrder, sorted); // the batch is a folder, read in name order
    QVERIFY(list->isSortingEnabled());
    QTest::mouseClick(list->header()->viewport(), Qt::LeftButton, {},
                      QPoint(list->header()->sectionViewportPosition(DocumentListModel::IdColumn) + 5, 5));
    QVERIFY(list->header()->isSortIndicatorShown());
    QCOMPARE(list->header()->sortIndicatorSection(), int(DocumentListModel::IdColumn));
}

void TestWindowDocks::dashboardOpensOnTheBatch()
{
    auto window = openWindow(true);
    window->action(u"dashboard"_s)->trigger();
    auto *dashboard = window->findChild<DashboardDialog *>(u"dashboard"_s);
    QVERIFY(dashboard);
    QTRY_VERIFY(!dashboard->chartTable(DashboardDialog::SpansPerLabel).isEmpty());
    QVERIFY(!dashboard->isLoading());
    const QList<QStringList> statuses = dashboard->chartTable(DashboardDialog::DocumentsPerStatus);
    QVERIFY(!statuses.isEmpty());
    dashboard->close();
}

void TestWindowDocks::compareShowsBothSidesAndTakesBsSpan()
{
    const QString other = m_dir->filePath(u"other"_s);
    writeFile(other + u'/' + extra,
              "<model>Foo-13B</model> has <params>13 billion</params> parameters and was trained on 8 GPUs in 2021.\n");
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(extra));
    auto *panel = window->findChild<ComparePanel *>(u"comparePanel"_s);
    QVERIFY(panel);
    QSignalSpy read(panel, &ComparePanel::batchRead);
    QVERIFY(panel->readBatch({other}));
    QVERIFY(read.wait(20000));
    QVERIFY2(read.first().at(0).toBool(), qPrintable(panel->message()));
    // The window hands the panel the document it shows once B is in.
    QAbstractItemModel *model = panel->model();
    int onlyB = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, SpanComparisonModel::TextColumn).data().toString().contains(u"13 billion"_s)) {
            onlyB = row;
        }
    }
    QVERIFY(onlyB >= 0);
    QCOMPARE(text(*window)->extraSelections().size(), model->rowCount());
    QVERIFY_OK(window->session()->setStatus(ReviewStatus::Approved, {}));
    auto *list = child<QTreeView>(*window, u"documentList"_s);
    QCOMPARE(list->model()->index(5, DocumentListModel::IdColumn).data().toString(), extra);
    QCOMPARE(list->model()->index(5, DocumentListModel::StatusColumn).data().toString(), u"Approved"_s);
    panel->selectRow(onlyB);
    QVERIFY(panel->takeSelectedB());
    // Taking B's span is an edit: the approval was of the text before it.
    QCOMPARE(list->model()->index(5, DocumentListModel::StatusColumn).data().toString(), u"Unreviewed"_s);
    QTRY_VERIFY(stored(*window, extra).contains("<params>13 billion</params>"));
    QVERIFY(window->session()->waitForSaved());
    QCOMPARE(openedStore(window->storePath())->document(extra)->status, ReviewStatus::Unreviewed);
    window->action(u"undo"_s)->trigger();
    QTRY_COMPARE(stored(*window, extra), extraSource);
}

void TestWindowDocks::exportOpensTheDialogOnTheBatchStore()
{
    auto window = openWindow(true);
    window->action(u"approve"_s)->trigger();
    QTest::keyClick(window.get(), Qt::Key_E, Qt::ControlModifier);
    auto *dialog = window->findChild<ExportDialog *>(u"exportDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isReady());
    const QString out = m_dir->filePath(u"approved.jsonl"_s);
    dialog->setFormat(ExportFormat::RecordsJsonl);
    dialog->setOutputPath(out);
    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    dialog->startExport();
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(finished.first().at(0).toBool());
    QVERIFY(readFile(out).contains("NeuroFlex-7B"));
    QCOMPARE(readFile(out).count('\n'), 1);
    QTRY_VERIFY(statusMessage(*window).contains(u"approved.jsonl"_s));
    dialog->close();
}

QTEST_MAIN(TestWindowDocks)
#include "tst_windowdocks.moc"
