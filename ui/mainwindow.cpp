#include "mainwindow.h"

#include "appsettings.h"
#include "comparepanel.h"
#include "labelcolour.h"
#include "countryaliases.h"
#include "dashboarddialog.h"
#include "document.h"
#include "documententry.h"
#include "documentfacts.h"
#include "documentfilterbar.h"
#include "documentfilterproxymodel.h"
#include "documentlistmodel.h"
#include "emptyviewnotice.h"
#include "exportdialog.h"
#include "filedialogs.h"
#include "findinglistmodel.h"
#include "inlinemessage.h"
#include "labellegend.h"
#include "plaintooltipdelegate.h"
#include "recorddelegate.h"
#include "recordtablemodel.h"
#include "reviewername.h"
#include "reviewsession.h"
#include "reviewstore.h"
#include "schema.h"
#include "shortcutsdialog.h"
#include "sourceview.h"
#include "spotcheckpanel.h"
#include "valueformat.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDate>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QProgressDialog>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTransposeProxyModel>
#include <QTreeView>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

constexpr int messageTimeoutMs = 8000;
constexpr int progressDelayMs = 400;

// The narrowest the document list's id column gets.
int minimumIdWidth(const QFontMetrics &metrics)
{
    return metrics.averageCharWidth() * 16;
}

QString batchName(const QStringList &paths)
{
    if (paths.isEmpty()) {
        return {};
    }
    const QString first = QFileInfo(QDir::cleanPath(paths.first())).fileName();
    if (paths.size() == 1) {
        return first;
    }
    return MainWindow::tr("%1 and %n more", nullptr, int(paths.size() - 1)).arg(first);
}

QString plural(int count, const QString &one, const QString &many)
{
    return (count == 1 ? one : many).arg(QLocale().toString(count));
}

void setUpTableView(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setItemDelegate(new PlainToolTipDelegate(view));
    view->setContextMenuPolicy(Qt::CustomContextMenu);
}

// What opening a batch does off the GUI thread: bring its store up to date.
struct SyncOutcome
{
    QString error;
    QList<InputError> inputErrors;
    QStringList sourceChanged;
};

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_schema(Schema::builtin()),
      m_checker(m_schema, CountryAliases::builtin(), QDate::currentDate().year())
{
    createModels();
    createWidgets();
    createActions();
    createMenus();
    restoreSettings();
    setAcceptDrops(true);
    updateTitle();
    updateProgress();
    updateSummary();
    clearDocument(tr("Open a file or a folder of documents to review them (File › Open File…, Open Folder…), "
                     "or drop them on this window."));
}

MainWindow::~MainWindow()
{
    // The docks hide as QWidget's destructor deletes them, after this one has run: their
    // visibility handlers must not reach into what is gone by then.
    for (QDockWidget *dock : {m_spotCheckDock, m_compareDock}) {
        disconnect(dock, nullptr, this, nullptr);
    }
    // The session and the spot-check panel work on the store: they go first.
    delete m_spotCheck;
    m_spotCheck = nullptr;
    m_session.reset();
    m_store.reset();
}

void MainWindow::createModels()
{
    m_documents = new DocumentListModel(this);
    m_documentProxy = new DocumentFilterProxyModel(this);
    m_documentProxy->setDocumentModel(m_documents);
    m_records = new RecordTableModel(this);
    m_records->setSpanTextEditor([this](qsizetype span, const QString &text) {
        QString error;
        // The record model is inside setData(): the views follow once it has returned.
        const QScopedValueRollback deferring(m_deferRefresh, true);
        if (!m_session || !m_session->setSpanText(span, text, &error)) {
            showError(error);
            return false;
        }
        return true;
    });
    // Records are shown one per column, fields as rows: a document has few records and seven
    // fields, which fit a side pane this way round.
    m_recordTranspose = new QTransposeProxyModel(this);
    m_recordTranspose->setSourceModel(m_records);
    m_findings = new FindingListModel(this);
    // The severity at a glance, beside its name (the icon alone would say nothing to a screen reader).
    m_findings->setSeverityIcons({style()->standardIcon(QStyle::SP_MessageBoxInformation),
                                  style()->standardIcon(QStyle::SP_MessageBoxWarning),
                                  style()->standardIcon(QStyle::SP_MessageBoxCritical)});
    m_findingProxy = new QSortFilterProxyModel(this);
    m_findingProxy->setSourceModel(m_findings);
    m_findingProxy->setSortRole(FindingListModel::SeverityRole);
    connect(m_documents, &DocumentListModel::countsChanged, this, &MainWindow::updateProgress);
}

void MainWindow::createWidgets()
{
    // Left: progress, filters and the documents.
    auto *listPanel = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPanel);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(4);
    m_progressLabel = new QLabel(listPanel);
    m_progressLabel->setObjectName(u"progressLabel"_s);
    m_progressLabel->setTextFormat(Qt::PlainText);
    m_progressBar = new QProgressBar(listPanel);
    m_progressBar->setObjectName(u"progressBar"_s);
    m_progressBar->setTextVisible(false);
    m_progressBar->setMaximumHeight(m_progressLabel->fontMetrics().height() / 2 + 2);
    m_progressBar->setAccessibleName(tr("Review progress"));
    m_filterBar = new DocumentFilterBar(m_schema, m_documentProxy, listPanel);
    m_filterBar->setObjectName(u"filterBar"_s);
    m_documentView = new QTreeView(listPanel);
    m_documentView->setObjectName(u"documentList"_s);
    m_documentView->setAccessibleName(tr("Documents"));
    m_documentView->setRootIsDecorated(false);
    m_documentView->setUniformRowHeights(true);
    m_documentView->setItemsExpandable(false);
    m_documentView->setAllColumnsShowFocus(true);
    m_documentView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_documentView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_documentView->setTextElideMode(Qt::ElideMiddle);
    m_documentView->setItemDelegate(new PlainToolTipDelegate(m_documentView));
    m_documentView->setModel(m_documentProxy);
    m_documentView->setSortingEnabled(true);
    // Unsorted until the reviewer clicks a header: batch order is the natural one.
    m_documentView->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_documentView->header()->setStretchLastSection(false);
    m_documentView->header()->setSectionResizeMode(DocumentListModel::IdColumn, QHeaderView::Stretch);
    for (int column :
         {DocumentListModel::StatusColumn, DocumentListModel::ErrorsColumn, DocumentListModel::WarningsColumn}) {
        m_documentView->header()->setSectionResizeMode(column, QHeaderView::Interactive);
    }
    const QFontMetrics metrics = m_documentView->fontMetrics();
    m_documentView->header()->resizeSection(DocumentListModel::StatusColumn,
                                            metrics.horizontalAdvance(tr("Needs work")) + 32);
    m_documentView->header()->resizeSection(DocumentListModel::ErrorsColumn,
                                            metrics.horizontalAdvance(tr("Errors")) + 16);
    m_documentView->header()->resizeSection(DocumentListModel::WarningsColumn,
                                            metrics.horizontalAdvance(tr("Warnings")) + 16);
    // The judgement column shows in spot-check mode only (roundSelected()); restoreSettings()
    // hides it to begin with.
    m_documentView->header()->resizeSection(DocumentListModel::JudgementColumn,
                                            metrics.horizontalAdvance(tr("Check")) + 40);
    connect(m_documentView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::documentSelected);
    connect(m_filterBar, &DocumentFilterBar::filterChanged, this, [this] {
        // The current document stays current when it passes the filter; otherwise the first that does.
        const int row = m_documents->rowOf(m_shownId);
        const QModelIndex current =
            row >= 0 ? m_documentProxy->mapFromSource(m_documents->index(row, 0)) : QModelIndex();
        if (current.isValid()) {
            m_documentView->setCurrentIndex(current);
            m_documentView->scrollTo(current);
        } else if (m_documentProxy->rowCount() > 0) {
            m_documentView->setCurrentIndex(m_documentProxy->index(0, 0));
        }
        updateSummary();
    });
    listLayout->addWidget(m_progressLabel);
    listLayout->addWidget(m_progressBar);
    listLayout->addWidget(m_filterBar);
    listLayout->addWidget(m_documentView);

    // Centre: the label buttons above the text (filled in by createActions).
    auto *textPanel = new QWidget(this);
    textPanel->setObjectName(u"textPanel"_s);
    auto *textLayout = new QVBoxLayout(textPanel);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->setSpacing(2);
    m_sourceView = new SourceView(m_schema, textPanel);
    m_sourceView->setObjectName(u"textView"_s);
    m_sourceView->setAccessibleName(tr("Document text"));
    m_sourceView->setToolTipProvider([this](qsizetype position) { return spanToolTip(position); });
    connect(m_sourceView, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        syncRecordCellToCursor();
        updateActions();
    });
    connect(m_sourceView, &QPlainTextEdit::selectionChanged, this, &MainWindow::updateActions);
    connect(m_sourceView, &QWidget::customContextMenuRequested, this, &MainWindow::showTextMenu);
    m_message = new InlineMessage(textPanel);
    textLayout->addWidget(m_message);
    textLayout->addWidget(m_sourceView, 1);

    // Right: the records.
    m_recordView = new QTableView(this);
    m_recordView->setObjectName(u"recordTable"_s);
    m_recordView->setAccessibleName(tr("Records"));
    setUpTableView(m_recordView);
    m_recordView->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_recordView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                                  QAbstractItemView::AnyKeyPressed);
    m_recordView->setItemDelegate(new RecordDelegate(CountryAliases::builtin().names(), m_recordView));
    m_recordView->verticalHeader()->show();
    m_recordView->setModel(m_recordTranspose);
    m_recordNotice = new EmptyViewNotice(m_recordView);
    m_recordNotice->setObjectName(u"recordNotice"_s);
    connect(m_recordView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::selectSpanOfRecordCell);
    connect(m_recordView, &QWidget::customContextMenuRequested, this, &MainWindow::showRecordMenu);

    // Bottom: the findings, most severe first.
    auto *findingPanel = new QWidget(this);
    auto *findingLayout = new QVBoxLayout(findingPanel);
    findingLayout->setContentsMargins(0, 0, 0, 0);
    findingLayout->setSpacing(0);
    m_findingView = new QTableView(findingPanel);
    m_findingView->setObjectName(u"findingTable"_s);
    m_findingView->setAccessibleName(tr("Findings"));
    setUpTableView(m_findingView);
    m_findingView->setModel(m_findingProxy);
    m_findingNotice = new EmptyViewNotice(m_findingView);
    m_findingNotice->setObjectName(u"findingNotice"_s);
    m_findingView->setSortingEnabled(true);
    m_findingView->sortByColumn(FindingListModel::SeverityColumn, Qt::DescendingOrder);
    m_findingView->horizontalHeader()->resizeSection(FindingListModel::SeverityColumn, 80);
    m_findingView->horizontalHeader()->resizeSection(FindingListModel::RuleColumn, 190);
    m_findingView->horizontalHeader()->resizeSection(FindingListModel::TextColumn, 220);
    // Severity sorts by rank, not alphabetically; the other columns by what they show.
    connect(m_findingView->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int section) {
        m_findingProxy->setSortRole(section == FindingListModel::SeverityColumn ? int(FindingListModel::SeverityRole)
                                                                                : int(Qt::DisplayRole));
    });
    connect(m_findingView, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        selectFinding(index);
        m_sourceView->setFocus(Qt::OtherFocusReason);
    });
    connect(m_findingView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &index) {
                selectFinding(index);
                updateActions();
            });
    connect(m_findingView, &QWidget::customContextMenuRequested, this, &MainWindow::showFindingMenu);
    findingLayout->addWidget(m_findingView);

    m_textSplitter = new QSplitter(Qt::Horizontal, this);
    m_textSplitter->setObjectName(u"textSplitter"_s);
    m_textSplitter->addWidget(textPanel);
    m_textSplitter->addWidget(m_recordView);
    m_textSplitter->setStretchFactor(0, 3);
    m_textSplitter->setStretchFactor(1, 2);

    m_centreSplitter = new QSplitter(Qt::Vertical, this);
    m_centreSplitter->setObjectName(u"centreSplitter"_s);
    m_centreSplitter->addWidget(m_textSplitter);
    m_centreSplitter->addWidget(findingPanel);
    m_centreSplitter->setStretchFactor(0, 3);
    m_centreSplitter->setStretchFactor(1, 1);

    m_outerSplitter = new QSplitter(Qt::Horizontal, this);
    m_outerSplitter->setObjectName(u"outerSplitter"_s);
    m_outerSplitter->addWidget(listPanel);
    m_outerSplitter->addWidget(m_centreSplitter);
    m_outerSplitter->setStretchFactor(0, 1);
    m_outerSplitter->setStretchFactor(1, 4);
    for (QSplitter *splitter : {m_textSplitter, m_centreSplitter, m_outerSplitter}) {
        splitter->setChildrenCollapsible(false);
    }
    setCentralWidget(m_outerSplitter);

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(u"summaryLabel"_s);
    m_summaryLabel->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_summaryLabel);
    m_saveLabel = new QLabel(this);
    m_saveLabel->setObjectName(u"saveLabel"_s);
    m_saveLabel->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_saveLabel);

    // Spot-check mode and the comparison with a second annotation live in docks on the right.
    m_spotCheckDock = new QDockWidget(tr("Spot Check"), this);
    m_spotCheckDock->setObjectName(u"spotCheckDock"_s);
    m_spotCheckDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    auto *noBatch = new QLabel(tr("Open a batch to spot-check it."), m_spotCheckDock);
    noBatch->setAlignment(Qt::AlignCenter);
    m_spotCheckDock->setWidget(noBatch);
    addDockWidget(Qt::RightDockWidgetArea, m_spotCheckDock);
    m_spotCheckDock->hide();
    connect(m_spotCheckDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        // Closing the panel leaves spot-check mode.
        if (!visible && m_spotCheck && !m_spotCheck->currentRound().isEmpty() && !m_spotCheckDock->isVisible()) {
            m_spotCheck->selectRound({});
        }
    });

    m_compare = new ComparePanel(m_schema, this);
    m_compare->setObjectName(u"comparePanel"_s);
    m_compareDock = new QDockWidget(tr("Compare"), this);
    m_compareDock->setObjectName(u"compareDock"_s);
    m_compareDock->setWidget(m_compare);
    addDockWidget(Qt::RightDockWidgetArea, m_compareDock);
    m_compareDock->hide();
    connect(m_compare, &ComparePanel::applyRequested, this, [this](const QList<SpanEdit> &edits, const QString &what) {
        QString error;
        if (!m_session || !m_session->apply(edits, what, &error)) {
            showError(tr("Not taken: %1").arg(error));
        }
    });
    connect(m_compare, &ComparePanel::rangesToMark, this, [this](const QList<ComparePanel::MarkedRange> &ranges) {
        QList<std::pair<std::pair<qsizetype, qsizetype>, QColor>> marks;
        for (const auto &[start, end, kind] : ranges) {
            marks.append({{start, end}, ComparePanel::markColour(kind)});
        }
        m_sourceView->setComparisonMarks(marks);
    });
    // B arrives from a worker: compare the document shown now, not the one shown when it was asked for.
    connect(m_compare, &ComparePanel::batchRead, this, [this](bool opened) {
        if (opened && m_session && !m_shownId.isEmpty()) {
            m_compare->setDocument(m_shownId, m_session->document());
        }
    });
    connect(m_compare, &ComparePanel::rangeActivated, this,
            [this](qsizetype start, qsizetype end) { m_sourceView->selectRange(start, end); });
    connect(m_compareDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible && !m_compareDock->isVisible()) {
            m_sourceView->setComparisonMarks({});
        }
    });

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::refresh);
}

void MainWindow::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QList<QKeySequence> &shortcuts, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        // A key listed twice is two shortcuts of one action, which Qt finds ambiguous and then
        // triggers neither: a standard key can be the same as an explicit one on some desktops.
        QList<QKeySequence> keys;
        for (const QKeySequence &key : shortcuts) {
            if (!key.isEmpty() && !keys.contains(key)) {
                keys.append(key);
            }
        }
        action->setShortcuts(keys);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    // Actions that only make sense in the text: their keys type into other widgets.
    auto inText = [this](QAction *action) {
        removeAction(action);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_sourceView->addAction(action);
        return action;
    };

    for (qsizetype i = 0; i < m_schema.labels().size(); ++i) {
        const LabelInfo &label = m_schema.labels().at(i);
        const int index = int(i);
        QList<QKeySequence> keys;
        QList<QKeySequence> exactKeys;
        if (!label.shortcut.isNull()) {
            keys << QKeySequence(QString(label.shortcut));
            exactKeys << QKeySequence(u"Alt+"_s + label.shortcut);
        }
        QAction *tag =
            inText(make(u"tag-"_s + label.name, label.displayName, keys, [this, index] { tagSelection(index, true); }));
        tag->setIcon(LabelLegend::swatch(labelColour(label)));
        tag->setToolTip(tr("Tag the selection, widened to whole words, as %1").arg(label.displayName));
        m_tagActions << tag;
        QAction *exact = inText(make(u"tag-exact-"_s + label.name, label.displayName, exactKeys,
                                     [this, index] { tagSelection(index, false); }));
        exact->setIcon(tag->icon());
        exact->setToolTip(tr("Tag exactly the selection as %1").arg(label.displayName));
        m_exactTagActions << exact;
    }
    m_removeSpanAction = inText(make(u"removeSpan"_s, tr("&Remove Span"), {QKeySequence::Delete, Qt::Key_Backspace},
                                     &MainWindow::removeSpanAtCursor));
    m_applyFixAction =
        make(u"applyFix"_s, tr("Apply &Fix"), {QKeySequence(Qt::CTRL | Qt::Key_Period)}, &MainWindow::applySelectedFix);
    m_applyFixAction->setToolTip(
        tr("Apply the suggested fix of the finding at the cursor, or of the selected finding in the list"));

    // The open document's stack: each document keeps its own history (ReviewSession::undoGroup()).
    m_undoAction = make(u"undo"_s, tr("&Undo"), {QKeySequence::Undo}, [this] {
        if (m_session) {
            m_session->undoGroup()->undo();
        }
    });
    // Ctrl+Shift+Z everywhere, and the platform's own redo key (QKeySequence::Redo is that very
    // key on Linux desktops: make() lists it once).
    m_redoAction =
        make(u"redo"_s, tr("&Redo"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo}, [this] {
            if (m_session) {
                m_session->undoGroup()->redo();
            }
        });

    // The menu names the step ("Undo Tag “8” as gpu_count"); the tool bar keeps a short label,
    // its tooltip the full text, so that the bar does not grow and squeeze the note field.
    m_undoAction->setIconText(tr("Undo"));
    m_redoAction->setIconText(tr("Redo"));

    m_approveAction = make(u"approve"_s, tr("&Approve"),
                           {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
                           [this] { setStatus(ReviewStatus::Approved); });
    m_approveAction->setToolTip(tr("Approve the document and go to the next unreviewed one"));
    m_needsWorkAction = make(u"needsWork"_s, tr("&Needs Work"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return)},
                             [this] { setStatus(ReviewStatus::NeedsWork); });
    m_rejectAction = make(u"reject"_s, tr("Re&ject"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backspace)},
                          [this] { setStatus(ReviewStatus::Rejected); });
    for (QAction *status : {m_approveAction, m_needsWorkAction, m_rejectAction}) {
        const ReviewStatus value = status == m_approveAction     ? ReviewStatus::Approved
                                   : status == m_needsWorkAction ? ReviewStatus::NeedsWork
                                                                 : ReviewStatus::Rejected;
        status->setIcon(LabelLegend::swatch(DocumentListModel::statusColour(value)));
    }

    m_rawSourceAction =
        make(u"rawSource"_s, tr("Show Tagged &Source"), {QKeySequence(Qt::CTRL | Qt::Key_U)}, [this](bool raw) {
            m_sourceView->setRawSource(raw);
            updateActions();
        });
    m_rawSourceAction->setCheckable(true);
    m_exportAction = make(u"export"_s, tr("&Export…"), {QKeySequence(Qt::CTRL | Qt::Key_E)}, &MainWindow::exportBatch);

    // The legend's buttons tag the selection too.
    auto *legend = new LabelLegend(m_schema, m_tagActions, m_sourceView->parentWidget());
    legend->setObjectName(u"labelLegend"_s);
    static_cast<QVBoxLayout *>(m_sourceView->parentWidget()->layout())->insertWidget(0, legend);

    // The review bar: decisions, the note that goes with them, undo.
    QToolBar *review = addToolBar(tr("Review"));
    review->setObjectName(u"reviewToolBar"_s);
    review->setMovable(false);
    review->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    review->addAction(m_approveAction);
    review->addAction(m_needsWorkAction);
    review->addAction(m_rejectAction);
    review->addSeparator();
    // No mnemonic: Alt+O is Review › Edit Note, which also selects the note to retype it.
    auto *noteLabel = new QLabel(tr("Note:"), review);
    m_noteEdit = new QLineEdit(review);
    m_noteEdit->setObjectName(u"noteEdit"_s);
    m_noteEdit->setAccessibleName(tr("Review note"));
    m_noteEdit->setPlaceholderText(tr("Why this decision (needed to approve a document with errors)"));
    m_noteEdit->setClearButtonEnabled(true);
    noteLabel->setBuddy(m_noteEdit);
    m_noteNeeded =
        m_noteEdit->addAction(style()->standardIcon(QStyle::SP_MessageBoxWarning), QLineEdit::LeadingPosition);
    m_noteNeeded->setToolTip(tr("Approving this document needs a note"));
    m_noteNeeded->setVisible(false);
    connect(m_noteEdit, &QLineEdit::textEdited, this, [this] { setNoteAttention(false); });
    review->addWidget(noteLabel);
    review->addWidget(m_noteEdit);
    review->addSeparator();
    review->addAction(m_undoAction);
    review->addAction(m_redoAction);
    review->addAction(m_applyFixAction);
    review->addAction(m_rawSourceAction);

    // Spot checks: P and F judge the document from the text, the list or the panel.
    m_passAction = make(u"spotPass"_s, tr("&Pass"), {QKeySequence(Qt::Key_P)}, [this] {
        if (m_spotCheck) {
            m_spotCheck->pass();
        }
    });
    m_failAction = make(u"spotFail"_s, tr("&Fail…"), {QKeySequence(Qt::Key_F)}, [this] {
        if (m_spotCheck) {
            m_spotCheckDock->show();
            m_spotCheck->chooseFailReason();
        }
    });
    for (QAction *judge : {m_passAction, m_failAction}) {
        removeAction(judge);
        judge->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_sourceView->addAction(judge);
        m_documentView->addAction(judge);
        m_spotCheckDock->addAction(judge);
    }
    m_drawRoundAction =
        make(u"drawRound"_s, tr("&Draw Round…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)}, [this] {
            if (m_spotCheck) {
                m_spotCheckDock->show();
                m_spotCheck->openDrawRoundDialog();
            }
        });
    m_dashboardAction =
        make(u"dashboard"_s, tr("&Dashboard…"), {QKeySequence(Qt::CTRL | Qt::Key_D)}, &MainWindow::showDashboard);

    m_documentActions = {m_approveAction, m_needsWorkAction, m_rejectAction, m_rawSourceAction};
}

void MainWindow::createMenus()
{
    auto add = [this](QMenu *menu, const QString &name, const QString &text, const QList<QKeySequence> &shortcuts,
                      auto slot) {
        QAction *action = menu->addAction(text, this, slot);
        action->setObjectName(name);
        action->setShortcuts(shortcuts);
        return action;
    };

    QMenu *file = menuBar()->addMenu(tr("&File"));
    add(file, u"openFile"_s, tr("&Open File…"), {QKeySequence::Open}, &MainWindow::openFiles);
    add(file, u"openFolder"_s, tr("Open &Folder…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)},
        &MainWindow::openFolder);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(u"recentMenu"_s);
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu();
    QAction *compare = add(file, u"compareWith"_s, tr("&Compare With…"),
                           {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)}, &MainWindow::compareWith);
    compare->setToolTip(tr("Open a second annotation of the batch and compare the current document's spans"));
    file->addSeparator();
    file->addAction(m_exportAction);
    file->addSeparator();
    // Some platforms bind no key to Quit; Ctrl+Q is what Linux desktops use.
    const QKeySequence quitKey = QKeySequence::keyBindings(QKeySequence::Quit).isEmpty()
                                     ? QKeySequence(Qt::CTRL | Qt::Key_Q)
                                     : QKeySequence(QKeySequence::Quit);
    QAction *quit = add(file, u"quit"_s, tr("&Quit"), {quitKey}, &QWidget::close);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    QMenu *tagMenu = edit->addMenu(tr("&Tag Selection As"));
    tagMenu->addActions(m_tagActions);
    QMenu *exactMenu = edit->addMenu(tr("Tag E&xact Selection As"));
    exactMenu->addActions(m_exactTagActions);
    edit->addAction(m_removeSpanAction);
    edit->addAction(m_applyFixAction);
    edit->addSeparator();
    add(edit, u"find"_s, tr("&Find Documents…"), {QKeySequence::Find}, [this] {
        m_filterBar->searchEdit()->setFocus(Qt::ShortcutFocusReason);
        m_filterBar->searchEdit()->selectAll();
    });
    add(edit, u"reviewerName"_s, tr("Reviewer &Name…"), {}, &MainWindow::editReviewerName);

    QMenu *review = menuBar()->addMenu(tr("&Review"));
    review->addAction(m_approveAction);
    review->addAction(m_needsWorkAction);
    review->addAction(m_rejectAction);
    add(review, u"editNote"_s, tr("Edit N&ote"), {QKeySequence(Qt::ALT | Qt::Key_O)}, [this] {
        m_noteEdit->setFocus(Qt::ShortcutFocusReason);
        m_noteEdit->selectAll();
    });
    review->addSeparator();
    QAction *next = add(review, u"nextDocument"_s, tr("Ne&xt Document"), {QKeySequence(Qt::ALT | Qt::Key_Down)},
                        [this] { moveBy(1); });
    QAction *previous = add(review, u"previousDocument"_s, tr("&Previous Document"),
                            {QKeySequence(Qt::ALT | Qt::Key_Up)}, [this] { moveBy(-1); });
    add(review, u"nextUnreviewed"_s, tr("Next &Unreviewed Document"),
        {QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_Down)}, &MainWindow::moveToNextUnreviewed);
    review->addSeparator();
    QMenu *spotCheck = review->addMenu(tr("&Spot Check"));
    QAction *spotPanel = m_spotCheckDock->toggleViewAction();
    spotPanel->setObjectName(u"spotCheckMode"_s);
    spotPanel->setText(tr("Spot-Check &Mode"));
    spotPanel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    spotCheck->addAction(spotPanel);
    spotCheck->addAction(m_drawRoundAction);
    spotCheck->addAction(m_passAction);
    spotCheck->addAction(m_failAction);
    // J and K move through the list from the text, where letters type nothing.
    QMenu *textKeys = review->addMenu(tr("In the &Text"));
    for (auto [name, text, key, step] :
         {std::tuple{u"nextDocumentFromText"_s, tr("Next Document"), Qt::Key_J, 1},
          std::tuple{u"previousDocumentFromText"_s, tr("Previous Document"), Qt::Key_K, -1}}) {
        QAction *action = textKeys->addAction(text, this, [this, step] { moveBy(step); });
        action->setObjectName(name);
        action->setShortcut(QKeySequence(key));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_sourceView->addAction(action);
    }
    Q_UNUSED(next);
    Q_UNUSED(previous);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_rawSourceAction);
    view->addAction(m_dashboardAction);
    QAction *comparePanel = m_compareDock->toggleViewAction();
    comparePanel->setObjectName(u"comparePanelVisible"_s);
    comparePanel->setText(tr("&Comparison Panel"));
    comparePanel->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    view->addAction(comparePanel);
    view->addSeparator();
    add(view, u"focusDocuments"_s, tr("&Documents"), {QKeySequence(Qt::CTRL | Qt::Key_1)},
        [this] { m_documentView->setFocus(Qt::ShortcutFocusReason); });
    add(view, u"focusText"_s, tr("&Text"), {QKeySequence(Qt::CTRL | Qt::Key_2)},
        [this] { m_sourceView->setFocus(Qt::ShortcutFocusReason); });
    add(view, u"focusRecords"_s, tr("&Records"), {QKeySequence(Qt::CTRL | Qt::Key_3)},
        [this] { m_recordView->setFocus(Qt::ShortcutFocusReason); });
    add(view, u"focusFindings"_s, tr("F&indings"), {QKeySequence(Qt::CTRL | Qt::Key_4)},
        [this] { m_findingView->setFocus(Qt::ShortcutFocusReason); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    add(help, u"shortcuts"_s, tr("&Keyboard Shortcuts"),
        {QKeySequence(Qt::CTRL | Qt::Key_Slash), QKeySequence::HelpContents}, &MainWindow::showShortcuts);
    QAction *about = add(help, u"about"_s, tr("&About annorev"), {}, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);

    m_menus = {file, edit, review, view, help};
}

QAction *MainWindow::action(const QString &name) const
{
    return findChild<QAction *>(name);
}

void MainWindow::restoreSettings()
{
    const QSettings s = appSettings();
    if (!restoreGeometry(s.value(u"mainWindow/geometry"_s).toByteArray())) {
        resize(1360, 820);
    }
    restoreState(s.value(u"mainWindow/state"_s).toByteArray());
    if (!m_outerSplitter->restoreState(s.value(u"mainWindow/outerSplitter"_s).toByteArray())) {
        m_outerSplitter->setSizes({400, 960});
    }
    if (!m_centreSplitter->restoreState(s.value(u"mainWindow/centreSplitter"_s).toByteArray())) {
        m_centreSplitter->setSizes({540, 200});
    }
    if (!m_textSplitter->restoreState(s.value(u"mainWindow/textSplitter"_s).toByteArray())) {
        m_textSplitter->setSizes({520, 480});
    }
    m_documentView->header()->restoreState(s.value(u"mainWindow/documentHeader"_s).toByteArray());
    // The header may have been saved in spot-check mode; a window opens out of it.
    showJudgementColumn(false);
}

void MainWindow::saveSettings() const
{
    QSettings s = appSettings();
    s.setValue(u"mainWindow/geometry"_s, saveGeometry());
    s.setValue(u"mainWindow/state"_s, saveState());
    s.setValue(u"mainWindow/outerSplitter"_s, m_outerSplitter->saveState());
    s.setValue(u"mainWindow/centreSplitter"_s, m_centreSplitter->saveState());
    s.setValue(u"mainWindow/textSplitter"_s, m_textSplitter->saveState());
    s.setValue(u"mainWindow/documentHeader"_s, m_documentView->header()->saveState());
    if (m_store && !m_shownId.isEmpty()) {
        s.setValue(u"lastDocument/"_s +
                       QString::fromLatin1(m_store->path().toUtf8().toBase64(QByteArray::Base64UrlEncoding)),
                   m_shownId);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // An editor still open in the record table commits its value before the window goes.
    m_recordView->setFocus();
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    const bool local =
        !urls.isEmpty() && std::all_of(urls.cbegin(), urls.cend(), [](const QUrl &url) { return url.isLocalFile(); });
    if (local) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile()) {
            paths << url.toLocalFile();
        }
    }
    if (paths.isEmpty()) {
        return;
    }
    event->acceptProposedAction();
    // Opened after the drop returns: the drag source is not kept waiting on a long batch.
    QTimer::singleShot(0, this, [this, paths] { openBatch(paths); });
}

void MainWindow::openFiles()
{
    QSettings s = appSettings();
    const QStringList paths =
        FileDialogs::getOpenFileNames(this, tr("Open Documents"), s.value(u"lastDirectory"_s).toString(),
                                      tr("Documents (*.txt *.html *.htm *.jsonl);;All files (*)"));
    if (paths.isEmpty()) {
        return;
    }
    s.setValue(u"lastDirectory"_s, QFileInfo(paths.first()).absolutePath());
    openBatch(paths);
}

void MainWindow::openFolder()
{
    QSettings s = appSettings();
    const QString folder =
        FileDialogs::getExistingDirectory(this, tr("Open Folder of Documents"), s.value(u"lastDirectory"_s).toString());
    if (folder.isEmpty()) {
        return;
    }
    s.setValue(u"lastDirectory"_s, folder);
    openBatch({folder});
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QVariantList recent = appSettings().value(u"recentBatches"_s).toList();
    int number = 0;
    for (const QVariant &entry : recent) {
        const QStringList paths = entry.toStringList();
        if (paths.isEmpty()) {
            continue;
        }
        ++number;
        QAction *open =
            m_recentMenu->addAction(number < 10 ? u"&%1 %2"_s.arg(number).arg(batchName(paths)) : batchName(paths),
                                    this, [this, paths] { openBatch(paths); });
        open->setToolTip(paths.join(u'\n'));
        open->setStatusTip(paths.join(u", "_s));
    }
    if (number == 0) {
        m_recentMenu->addAction(tr("No recent batches"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear Menu"), this, [] { appSettings().remove(u"recentBatches"_s); });
}

void MainWindow::rememberBatch(const QStringList &paths)
{
    QStringList absolute;
    for (const QString &path : paths) {
        absolute << QFileInfo(path).absoluteFilePath();
    }
    QSettings s = appSettings();
    QVariantList recent = s.value(u"recentBatches"_s).toList();
    recent.removeIf([&absolute](const QVariant &entry) { return entry.toStringList() == absolute; });
    recent.prepend(absolute);
    while (recent.size() > MaxRecentBatches) {
        recent.removeLast();
    }
    s.setValue(u"recentBatches"_s, recent);
    s.setValue(u"lastBatch"_s, absolute);
}

bool MainWindow::openBatch(const QStringList &inputs, const QString &storePath)
{
    // Inputs that are not there are reported and left out: the rest of the batch still opens.
    QStringList paths;
    QList<InputError> missing;
    for (const QString &input : inputs) {
        const QFileInfo info(input);
        if (ReviewStore::isStoreFileName(info.fileName())) {
            // Never read as a document: closing a descriptor of an open store in this process
            // would drop SQLite's locks on it (dropped on the window, picked in "All files").
            missing.append(InputError{input, 0, tr("is a review store, not a document")});
        } else if (info.exists() && info.isReadable()) {
            paths << input;
        } else {
            missing.append(InputError{input, 0, info.exists() ? tr("cannot be read") : tr("no such file or folder")});
        }
    }
    if (paths.isEmpty()) {
        showError(missing.isEmpty() ? tr("Nothing to open.") : missing.first().toString());
        return false;
    }
    const QString path = storePath.isEmpty() ? ReviewStore::defaultStorePath(paths) : storePath;
    const QString reviewer = ReviewerName::resolve();

    // Reading, hashing and checking a new batch takes a while: it runs on the worker threads
    // while this one keeps painting, behind a progress dialog once it takes long enough to see.
    QFutureWatcher<SyncOutcome> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    const Schema *schema = &m_schema;
    const Checker *checker = &m_checker;
    watcher.setFuture(QtConcurrent::run([paths, path, reviewer, schema, checker] {
        SyncOutcome outcome;
        // Read before the store is opened: a batch that cannot be read leaves no empty store.
        const BatchReader reader = BatchReader::open(paths);
        if (!reader.errors().isEmpty()) {
            outcome.error = ReviewStore::unreadableInputs(reader);
            return outcome;
        }
        const Expected<std::unique_ptr<ReviewStore>> store = ReviewStore::open(path);
        if (!store) {
            outcome.error = store.error().message;
            return outcome;
        }
        const Expected<ReviewStore::SyncReport> report = (*store)->sync(reader, paths, *schema, *checker, reviewer);
        if (report) {
            outcome.inputErrors = report->inputErrors;
            outcome.sourceChanged = report->sourceChanged;
        } else {
            outcome.error = report.error().message;
        }
        return outcome;
    }));
    if (!watcher.isFinished()) {
        QProgressDialog progress(tr("Reading and checking %1…").arg(batchName(paths)), QString(), 0, 0, this);
        progress.setWindowTitle(tr("Opening Batch"));
        progress.setWindowModality(Qt::WindowModal);
        progress.setMinimumDuration(progressDelayMs);
        progress.setCancelButton(nullptr);
        progress.setValue(0);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    const SyncOutcome outcome = watcher.result();
    Expected<std::unique_ptr<ReviewStore>> store =
        outcome.error.isEmpty() ? ReviewStore::open(path) : Error{outcome.error};
    // A store that cannot be read is reported as such, never shown as an empty batch.
    const Expected<QList<ReviewStore::ListEntry>> stored = store ? (*store)->listEntries() : store.error();
    if (!stored) {
        const QString error = stored.error().message;
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot Open Batch"),
                                    tr("%1 could not be opened.").arg(batchName(paths)), QMessageBox::Ok, this);
        box->setTextFormat(Qt::PlainText);
        box->setInformativeText(error);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        statusBar()->showMessage(error, messageTimeoutMs);
        return false;
    }

    // The batch is in the store: the window switches to it.
    m_refreshTimer->stop();
    delete m_spotCheck;
    m_spotCheck = nullptr;
    m_documentProxy->setRoundOrder({});
    m_documents->setJudgements({});
    showJudgementColumn(false);
    m_documentView->setSortingEnabled(true);
    m_session.reset();
    m_store = std::move(*store);
    createSpotCheckPanel(reviewer);
    m_batch = paths;
    m_shownId.clear();
    m_session = std::make_unique<ReviewSession>(*m_store, m_schema, m_checker, reviewer);
    connect(m_session.get(), &ReviewSession::documentChanged, this, &MainWindow::scheduleRefresh);
    connect(m_session.get(), &ReviewSession::resultChanged, this, [this] {
        if (m_deferRefresh || m_refreshTimer->isActive()) {
            m_refreshTimer->start();
        } else {
            refreshResult(true);
        }
    });
    connect(m_session.get(), &ReviewSession::savingChanged, this, &MainWindow::updateSaveState);
    connect(m_session.get(), &ReviewSession::errorOccurred, this, &MainWindow::showError);
    // An edit of an approved or rejected document undoes the decision: the list says so at once.
    connect(m_session.get(), &ReviewSession::statusChanged, this, [this](ReviewStatus status) {
        const QString id = m_session->documentId();
        const int row = m_documents->rowOf(id);
        if (row < 0 || m_documents->entry(row).status == status) {
            return;
        }
        DocumentListModel::Entry entry = m_documents->entry(row);
        const ReviewStatus before = std::exchange(entry.status, status);
        m_documents->updateEntry(row, std::move(entry));
        updateSummary();
        if (status == ReviewStatus::Unreviewed) {
            statusBar()->showMessage(tr("%1 was %2; after this edit it is unreviewed again.")
                                         .arg(id, DocumentListModel::statusText(before).toLower()),
                                     messageTimeoutMs);
        }
    });
    // The group's signals follow whichever document's stack is active.
    QUndoGroup *undo = m_session->undoGroup();
    connect(undo, &QUndoGroup::indexChanged, this, &MainWindow::updateActions);
    connect(undo, &QUndoGroup::activeStackChanged, this, &MainWindow::updateActions);

    QList<DocumentListModel::Entry> entries;
    entries.reserve(stored->size());
    m_totalErrors = 0;
    m_totalWarnings = 0;
    for (const ReviewStore::ListEntry &entry : *stored) {
        entries.append(DocumentEntry::fromStore(entry));
        m_totalErrors += entries.last().errorCount;
        m_totalWarnings += entries.last().warningCount;
    }
    m_filterBar->reset();
    m_filterBar->setTextSearch([path](const QString &needle) -> std::optional<QStringList> {
        // Its own connection: SQLite connections belong to the thread that made them.
        const Expected<std::unique_ptr<ReviewStore>> searchStore = ReviewStore::open(path);
        const Expected<QStringList> found = searchStore ? (*searchStore)->search(needle) : searchStore.error();
        return found ? std::optional<QStringList>(*found) : std::nullopt;
    });
    m_documents->setEntries(std::move(entries));
    rememberBatch(paths);
    updateTitle();
    updateSaveState();
    updateSummary();

    const QString last =
        appSettings()
            .value(u"lastDocument/"_s +
                   QString::fromLatin1(m_store->path().toUtf8().toBase64(QByteArray::Base64UrlEncoding)))
            .toString();
    if (!showDocumentWithId(last) && m_documentProxy->rowCount() > 0) {
        m_documentView->setCurrentIndex(m_documentProxy->index(0, 0));
    }
    if (m_documents->rowCount() == 0) {
        clearDocument(tr("The batch has no documents."));
    }

    QStringList problems;
    for (const InputError &inputError : std::as_const(missing) + outcome.inputErrors) {
        problems << inputError.toString();
    }
    for (const QString &id : outcome.sourceChanged) {
        problems << tr("%1: the source changed since it was imported; your version is kept").arg(id);
    }
    if (!problems.isEmpty()) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Some Inputs Need Attention"),
                                    plural(int(problems.size()),
                                           tr("%1 input needs attention; the rest of the batch is shown."),
                                           tr("%1 inputs need attention; the rest of the batch is shown.")),
                                    QMessageBox::Ok, this);
        box->setTextFormat(Qt::PlainText);
        box->setDetailedText(problems.join(u'\n'));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    return true;
}

bool MainWindow::showDocumentWithId(const QString &id)
{
    const int row = id.isEmpty() ? -1 : m_documents->rowOf(id);
    if (row < 0) {
        return false;
    }
    QModelIndex index = m_documentProxy->mapFromSource(m_documents->index(row, 0));
    if (!index.isValid()) {
        // Hidden by the filters: they give way to the document asked for.
        m_filterBar->reset();
        index = m_documentProxy->mapFromSource(m_documents->index(row, 0));
    }
    m_documentView->setCurrentIndex(index);
    m_documentView->scrollTo(index);
    return currentDocumentId() == id;
}

QString MainWindow::storePath() const
{
    return m_store ? m_store->path() : QString();
}

QString MainWindow::currentDocumentId() const
{
    return m_session ? m_session->documentId() : QString();
}

void MainWindow::documentSelected(const QModelIndex &proxyIndex)
{
    if (!m_session || !proxyIndex.isValid()) {
        return;
    }
    const QString id =
        proxyIndex.siblingAtColumn(DocumentListModel::IdColumn).data(DocumentListModel::IdRole).toString();
    if (id == m_session->documentId()) {
        return;
    }
    QString error;
    if (!m_session->open(id, &error)) {
        clearDocument(error);
        showError(error);
        return;
    }
    const Expected<ReviewStore::StoredDocument> stored = m_store->document(id);
    m_noteEdit->setText(stored ? stored->note : QString());
    // What was refused was about the document before.
    setNoteAttention(false);
    m_message->hide();
    // Shown now, not at the next turn of the event loop: switching documents is the action
    // reviewers repeat most, and the benchmark times it.
    m_refreshTimer->stop();
    refresh();
}

void MainWindow::scheduleRefresh()
{
    // An edit that starts from a record cell's setData() must not see its model reset under it:
    // the views follow at the next turn of the event loop. Every other change shows at once.
    if (m_deferRefresh) {
        m_refreshTimer->start();
        return;
    }
    m_refreshTimer->stop();
    refresh();
}

void MainWindow::refresh()
{
    if (!m_session || m_session->documentId().isEmpty()) {
        return;
    }
    const QString id = m_session->documentId();
    const Document &doc = m_session->document();
    const bool sameDocument = id == m_shownId;
    const bool checked = m_session->isChecked();
    m_shownId = id;

    // The text and its spans show at once; findings and records follow the check, which for an
    // edit runs on the session's writer thread (refreshResult()).
    m_sourceView->showDocument(doc, checked ? std::optional(m_session->result().findings) : std::nullopt, sameDocument);
    if (!sameDocument) {
        m_sourceView->moveCursor(QTextCursor::Start);
        m_resizeRecords = true;
    }
    if (m_compare->hasBatch()) {
        m_compare->setDocument(id, doc);
    }
    if (m_spotCheck && !sameDocument) {
        m_spotCheck->setCurrentDocument(id);
    }
    if (checked) {
        refreshResult(false);
    } else {
        updateActions();
    }
}

void MainWindow::refreshResult(bool showFindings)
{
    if (!m_session || !m_session->isChecked() || m_session->documentId() != m_shownId || m_shownId.isEmpty()) {
        return;
    }
    const QString &id = m_shownId;
    const Document &doc = m_session->document();
    const CheckResult &result = m_session->result();
    if (showFindings) {
        m_sourceView->showFindings(result.findings);
    }
    m_records->setDocument(doc, result.analysis, result.findings);
    m_findings->setFindings(doc, result.findings);
    m_recordNotice->setNotice(tr("No records: tag a span to start one."));
    m_findingNotice->setNotice(tr("No findings: the checks found nothing to report in this document."));
    if (m_resizeRecords) {
        m_recordView->resizeColumnsToContents();
        m_resizeRecords = false;
    }
    const int row = m_documents->rowOf(id);
    if (row >= 0) {
        const DocumentListModel::Entry &old = m_documents->entry(row);
        DocumentListModel::Entry entry = DocumentEntry::fromFacts(id, old.status, DocumentFacts::of(doc, result));
        m_totalErrors += entry.errorCount - old.errorCount;
        m_totalWarnings += entry.warningCount - old.warningCount;
        m_documents->updateEntry(row, std::move(entry));
    }
    syncRecordCellToCursor();
    updateSummary();
    updateActions();
}

void MainWindow::updateSaveState()
{
    const bool saving = m_session && m_session->isSaving();
    m_saveLabel->setText(m_session ? (saving ? tr("Saving…") : tr("All changes saved")) : QString());
}

void MainWindow::clearDocument(const QString &placeholder)
{
    m_shownId.clear();
    m_sourceView->clearDocument(placeholder);
    m_records->clear();
    m_findings->clear();
    // No document, nothing to say about its records and findings: the text pane says why.
    m_recordNotice->setNotice({});
    m_findingNotice->setNotice({});
    m_noteEdit->clear();
    updateActions();
}

void MainWindow::updateProgress()
{
    const int total = m_documents->rowCount();
    const int reviewed = total - m_documents->count(ReviewStatus::Unreviewed);
    const QLocale locale;
    m_progressLabel->setText(tr("%1 / %2 reviewed").arg(locale.toString(reviewed), locale.toString(total)));
    m_progressBar->setRange(0, std::max(total, 1));
    m_progressBar->setValue(reviewed);
    const QString detail = tr("%1 approved, %2 need work, %3 rejected")
                               .arg(locale.toString(m_documents->count(ReviewStatus::Approved)),
                                    locale.toString(m_documents->count(ReviewStatus::NeedsWork)),
                                    locale.toString(m_documents->count(ReviewStatus::Rejected)));
    m_progressLabel->setToolTip(detail);
    m_progressBar->setToolTip(detail);
}

void MainWindow::updateSummary()
{
    QStringList parts{plural(m_documents->rowCount(), tr("%1 document"), tr("%1 documents")),
                      plural(m_totalErrors, tr("%1 error"), tr("%1 errors")),
                      plural(m_totalWarnings, tr("%1 warning"), tr("%1 warnings"))};
    if (m_documentProxy->isFiltering()) {
        parts.prepend(plural(m_documentProxy->rowCount(), tr("%1 shown"), tr("%1 shown")));
    }
    m_summaryLabel->setText(parts.join(u" · "_s));
}

void MainWindow::updateTitle()
{
    if (m_batch.isEmpty()) {
        setWindowTitle(u"annorev"_s);
        return;
    }
    setWindowTitle(tr("%1 — %2 — annorev").arg(batchName(m_batch), ReviewerName::resolve()));
}

void MainWindow::updateActions()
{
    const bool open = m_session && !m_shownId.isEmpty();
    const bool editable = open && !m_sourceView->isRawSource();
    const auto [start, end] = m_sourceView->selectedRange();
    for (QAction *tag : std::as_const(m_tagActions) + m_exactTagActions) {
        tag->setEnabled(editable);
    }
    m_removeSpanAction->setEnabled(editable && spanForEditing() >= 0);
    // Enabled with any document: from the text it applies the fix at the cursor, and says so when
    // there is none rather than staying silent.
    m_applyFixAction->setEnabled(editable);
    for (QAction *action : std::as_const(m_documentActions)) {
        action->setEnabled(open);
    }
    m_exportAction->setEnabled(m_store != nullptr);
    m_dashboardAction->setEnabled(m_store != nullptr);
    m_drawRoundAction->setEnabled(m_spotCheck != nullptr);
    updateSpotCheckActions();
    QUndoStack *undo = m_session ? m_session->undoStack() : nullptr;
    m_undoAction->setEnabled(undo && undo->canUndo());
    m_redoAction->setEnabled(undo && undo->canRedo());
    m_undoAction->setText(undo && undo->canUndo() ? tr("&Undo %1").arg(undo->undoText()) : tr("&Undo"));
    m_redoAction->setText(undo && undo->canRedo() ? tr("&Redo %1").arg(undo->redoText()) : tr("&Redo"));
    Q_UNUSED(start);
    Q_UNUSED(end);
}

void MainWindow::showError(const QString &message)
{
    if (!message.isEmpty()) {
        statusBar()->showMessage(message, messageTimeoutMs);
        m_message->showMessage(message);
    }
}

void MainWindow::setNoteAttention(bool attention)
{
    m_noteNeeded->setVisible(attention);
    m_noteEdit->setProperty("attention", attention);
    if (!attention) {
        m_noteEdit->setPalette(QPalette());
        return;
    }
    // Tinted towards red: the colour is a second sign, the icon and the message the first ones.
    QPalette colours = m_noteEdit->palette();
    const QColor base = colours.color(QPalette::Base);
    const QColor red(0xe5, 0x39, 0x35);
    const float share = base.lightnessF() < 0.5 ? 0.3F : 0.2F;
    colours.setColor(QPalette::Base, QColor::fromRgbF(base.redF() * (1 - share) + red.redF() * share,
                                                      base.greenF() * (1 - share) + red.greenF() * share,
                                                      base.blueF() * (1 - share) + red.blueF() * share));
    m_noteEdit->setPalette(colours);
}

void MainWindow::tagSelection(int labelIndex, bool snap)
{
    if (!m_session || m_sourceView->isRawSource() || labelIndex < 0 || labelIndex >= m_schema.labels().size()) {
        return;
    }
    const auto [start, end] = m_sourceView->selectedRange();
    if (start == end) {
        showError(tr("Select the text to tag first."));
        return;
    }
    QString error;
    if (!m_session->tag(m_schema.labels().at(labelIndex).name, start, end, &error, snap)) {
        showError(tr("Not tagged: %1").arg(error));
    }
}

qsizetype MainWindow::spanForEditing() const
{
    if (!m_session) {
        return -1;
    }
    // From the record table, its current cell's span (once the records are the document's);
    // from anywhere else, the span at the text cursor.
    if (m_recordView->hasFocus()) {
        const QModelIndex cell = m_recordTranspose->mapToSource(m_recordView->currentIndex());
        return cell.isValid() && m_session->isChecked() ? cell.data(RecordTableModel::SpanRole).toLongLong() : -1;
    }
    return m_sourceView->spanAtCursor();
}

void MainWindow::removeSpanAtCursor()
{
    const qsizetype span = spanForEditing();
    if (span < 0) {
        showError(tr("There is no span at the cursor to remove."));
        return;
    }
    QString error;
    if (!m_session->untag(span, &error)) {
        showError(tr("Not removed: %1").arg(error));
    }
}

void MainWindow::relabelSpanAtCursor(int labelIndex)
{
    const qsizetype span = spanForEditing();
    if (span < 0 || labelIndex < 0 || labelIndex >= m_schema.labels().size()) {
        return;
    }
    QString error;
    if (!m_session->relabel(span, m_schema.labels().at(labelIndex).name, &error)) {
        showError(tr("Not relabelled: %1").arg(error));
    }
}

void MainWindow::moveSpanToRecord(qsizetype span, int record)
{
    QString error;
    if (m_session && !m_session->moveToRecord(span, record, &error)) {
        showError(tr("Not moved: %1").arg(error));
    }
}

qsizetype MainWindow::findingToFix(QString *why) const
{
    if (!m_session || m_shownId.isEmpty() || m_sourceView->isRawSource()) {
        *why = tr("no document is shown for editing");
        return -1;
    }
    if (!m_session->isChecked()) {
        *why = tr("the check of the latest change is still running");
        return -1;
    }
    const QList<Finding> &findings = m_session->result().findings;
    if (m_findingView->hasFocus()) {
        const QModelIndex index = m_findingProxy->mapToSource(m_findingView->currentIndex());
        if (!index.isValid()) {
            *why = tr("no finding is selected");
            return -1;
        }
        if (!findings.at(index.row()).fix) {
            *why = tr("the finding %1 has no suggested fix").arg(findings.at(index.row()).rule);
            return -1;
        }
        return index.row();
    }
    // At the cursor: a finding whose own range holds it (the untagged count), else one about the
    // span it is in (the hardware span next to the count); the most severe first.
    const qsizetype position = m_sourceView->selectedRange().first; // the cursor without a selection
    const QList<Span> &spans = m_session->document().spans();
    qsizetype best = -1;
    int bestRank = -1;
    QString unfixable;
    for (qsizetype i = 0; i < findings.size(); ++i) {
        const Finding &finding = findings.at(i);
        int rank = -1;
        if (finding.end > finding.start && finding.start <= position && position <= finding.end) {
            rank = 10;
        } else {
            for (qsizetype span : finding.spans) {
                if (span >= 0 && span < spans.size() && spans.at(span).start <= position &&
                    position <= spans.at(span).end) {
                    rank = 0;
                }
            }
        }
        if (rank < 0) {
            continue;
        }
        if (!finding.fix) {
            unfixable = finding.rule;
            continue;
        }
        rank += int(finding.severity);
        if (rank > bestRank) {
            best = i;
            bestRank = rank;
        }
    }
    if (best < 0) {
        *why = unfixable.isEmpty()
                   ? tr("there is no finding at the cursor; put it in an underlined range or pick a finding below")
                   : tr("the finding %1 at the cursor has no suggested fix").arg(unfixable);
    }
    return best;
}

void MainWindow::applySelectedFix()
{
    // Right after an edit its check may still run: the findings at the cursor are the new text's.
    if (m_session && !m_session->isChecked()) {
        m_session->waitForSaved();
    }
    QString why;
    const qsizetype finding = findingToFix(&why);
    if (finding < 0) {
        showError(tr("No fix applied: %1.").arg(why));
        return;
    }
    QString error;
    if (!m_session->applyFix(finding, &error)) {
        showError(tr("The fix was not applied: %1").arg(error));
    }
}

void MainWindow::setStatus(ReviewStatus status)
{
    if (!m_session || m_shownId.isEmpty()) {
        return;
    }
    const QString id = m_shownId;
    const QString note = m_noteEdit->text().trimmed();
    const int row = m_documents->rowOf(id);
    const int errors = row >= 0 ? m_documents->entry(row).errorCount : 0;
    if (status == ReviewStatus::Approved && errors > 0 && note.isEmpty()) {
        showError(tr("%1 has %n error finding(s): write in the note why it is approved.", nullptr, errors).arg(id));
        setNoteAttention(true);
        m_noteEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    QString error;
    // The list follows through ReviewSession::statusChanged, as it does after an edit.
    if (!m_session->setStatus(status, note, &error)) {
        showError(error);
        return;
    }
    statusBar()->showMessage(tr("%1: %2").arg(id, DocumentListModel::statusText(status)), messageTimeoutMs);
    if (status == ReviewStatus::Approved) {
        moveToNextUnreviewed();
    }
}

void MainWindow::moveBy(int step)
{
    const int rows = m_documentProxy->rowCount();
    if (rows == 0) {
        return;
    }
    const QModelIndex current = m_documentView->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + step, 0, rows - 1) : 0;
    m_documentView->setCurrentIndex(m_documentProxy->index(row, 0));
}

void MainWindow::moveToNextUnreviewed()
{
    const int rows = m_documentProxy->rowCount();
    const QModelIndex current = m_documentView->currentIndex();
    const int from = current.isValid() ? current.row() : -1;
    // In the order the list shows, after the current document, wrapping around.
    for (int step = 1; step <= rows; ++step) {
        const int row = (from + step) % rows;
        const QModelIndex index = m_documentProxy->index(row, 0);
        if (ReviewStatus(index.data(DocumentListModel::StatusRole).toInt()) == ReviewStatus::Unreviewed) {
            m_documentView->setCurrentIndex(index);
            m_documentView->scrollTo(index);
            return;
        }
    }
    statusBar()->showMessage(tr("Every document in the list is reviewed."), messageTimeoutMs);
}

void MainWindow::syncRecordCellToCursor()
{
    // The records are the checked version's: until the check of an edit arrives, their span
    // numbers are not the document's.
    if (m_syncingSelection || !m_session || !m_session->isChecked()) {
        return;
    }
    const qsizetype span = m_sourceView->spanAt(m_sourceView->cursorPosition());
    const QModelIndex cell = m_recordTranspose->mapFromSource(m_records->indexOfSpan(span));
    m_syncingSelection = true;
    if (cell.isValid()) {
        m_recordView->setCurrentIndex(cell);
    } else {
        m_recordView->selectionModel()->clearSelection();
    }
    m_syncingSelection = false;
}

void MainWindow::selectSpanOfRecordCell(const QModelIndex &proxyIndex)
{
    if (m_syncingSelection || !m_session || !m_session->isChecked()) {
        return;
    }
    const qsizetype span = m_recordTranspose->mapToSource(proxyIndex).data(RecordTableModel::SpanRole).toLongLong();
    const Document &doc = m_session->document();
    if (span < 0 || span >= doc.spans().size() || m_sourceView->isRawSource()) {
        return;
    }
    m_syncingSelection = true;
    m_sourceView->selectRange(doc.spans().at(span).start, doc.spans().at(span).end);
    m_syncingSelection = false;
    updateActions();
}

void MainWindow::selectFinding(const QModelIndex &proxyIndex)
{
    const QModelIndex index = m_findingProxy->mapToSource(proxyIndex);
    if (!index.isValid() || !m_session || m_sourceView->isRawSource() || !m_session->isChecked()) {
        return;
    }
    const Finding &finding = m_findings->finding(index.row());
    const Document &doc = m_session->document();
    // The finding's own range first (the untagged count), then the spans it is about (the
    // hardware beside it), all outlined; the first is selected, so Apply Fix works from there.
    QList<std::pair<qsizetype, qsizetype>> ranges;
    if (finding.end > finding.start) {
        ranges.append({finding.start, finding.end});
    }
    for (qsizetype span : finding.spans) {
        if (span >= 0 && span < doc.spans().size()) {
            const std::pair range{doc.spans().at(span).start, doc.spans().at(span).end};
            if (!ranges.contains(range)) {
                ranges.append(range);
            }
        }
    }
    m_sourceView->setFocusRanges(ranges);
    // A finding about the whole document has no range to show.
    if (!ranges.isEmpty()) {
        m_sourceView->selectRange(ranges.first().first, ranges.first().second);
    }
}

QString MainWindow::spanToolTip(qsizetype position) const
{
    if (!m_session) {
        return {};
    }
    const Document &doc = m_session->document();
    const DocumentAnalysis &analysis = m_session->result().analysis;
    // Values and records come from the check, which may still be running for an edit.
    const bool checked = m_session->isChecked();
    QStringList lines;
    for (qsizetype i = 0; i < doc.spans().size(); ++i) {
        const Span &span = doc.spans().at(i);
        if (span.start > position || position >= span.end) {
            continue;
        }
        const LabelInfo *label = m_schema.label(span.label);
        QString line = label != nullptr ? label->displayName : tr("Unknown label <%1>").arg(span.label);
        if (checked) {
            const QString value = ValueFormat::value(analysis.typeOf(i), analysis.value(i));
            if (!value.isEmpty()) {
                line += u": "_s + value;
            }
            const qsizetype record = analysis.recordOf(i);
            line += record >= 0 ? tr(" (record %1)").arg(record + 1) : tr(" (no record)");
        }
        lines << line;
    }
    return lines.join(u'\n');
}

void MainWindow::addSpanActions(QMenu *menu, qsizetype span)
{
    if (!m_session || span < 0 || span >= m_session->document().spans().size()) {
        return;
    }
    QMenu *relabel = menu->addMenu(tr("&Change Label To"));
    const QString current = m_session->document().spans().at(span).label;
    for (qsizetype i = 0; i < m_schema.labels().size(); ++i) {
        const LabelInfo &label = m_schema.labels().at(i);
        QAction *action = relabel->addAction(LabelLegend::swatch(labelColour(label)), label.displayName, this,
                                             [this, span, name = label.name] {
                                                 QString error;
                                                 if (!m_session->relabel(span, name, &error)) {
                                                     showError(tr("Not relabelled: %1").arg(error));
                                                 }
                                             });
        action->setEnabled(label.name != current);
    }
    QMenu *move = menu->addMenu(tr("&Move to Record"));
    const qsizetype records = m_session->result().analysis.records().size();
    for (int record = 1; record <= records + 1; ++record) {
        move->addAction(record <= records ? tr("Record %1").arg(record) : tr("New Record %1").arg(record), this,
                        [this, span, record] { moveSpanToRecord(span, record); });
    }
    move->addSeparator();
    move->addAction(tr("Nearest Record"), this, [this, span] { moveSpanToRecord(span, 0); });
    menu->addAction(tr("&Remove Span"), this, [this, span] {
        QString error;
        if (!m_session->untag(span, &error)) {
            showError(tr("Not removed: %1").arg(error));
        }
    });
}

void MainWindow::showTextMenu(const QPoint &position)
{
    QMenu menu(this);
    if (!m_sourceView->textCursor().hasSelection()) {
        m_sourceView->setTextCursor(m_sourceView->cursorForPosition(position));
    }
    if (!m_sourceView->isRawSource() && m_session) {
        QMenu *tag = menu.addMenu(tr("&Tag Selection As"));
        tag->addActions(m_tagActions);
        QMenu *exact = menu.addMenu(tr("Tag E&xact Selection As"));
        exact->addActions(m_exactTagActions);
        const bool selected = m_sourceView->textCursor().hasSelection();
        tag->setEnabled(selected);
        exact->setEnabled(selected);
        const qsizetype span = m_sourceView->spanAtCursor();
        if (span >= 0) {
            menu.addSeparator();
            addSpanActions(&menu, span);
        }
        menu.addSeparator();
    }
    QAction *copy = menu.addAction(tr("&Copy"), m_sourceView, &QPlainTextEdit::copy);
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(m_sourceView->textCursor().hasSelection());
    menu.addAction(m_rawSourceAction);
    menu.exec(m_sourceView->viewport()->mapToGlobal(position));
}

void MainWindow::showRecordMenu(const QPoint &position)
{
    const QModelIndex cell = m_recordTranspose->mapToSource(m_recordView->indexAt(position));
    const qsizetype span = cell.isValid() ? cell.data(RecordTableModel::SpanRole).toLongLong() : -1;
    if (span < 0) {
        return;
    }
    QMenu menu(this);
    menu.addAction(tr("&Edit Value"), this, [this, position] { m_recordView->edit(m_recordView->indexAt(position)); });
    menu.addSeparator();
    addSpanActions(&menu, span);
    menu.exec(m_recordView->viewport()->mapToGlobal(position));
}

void MainWindow::showFindingMenu(const QPoint &position)
{
    const QModelIndex index = m_findingView->indexAt(position);
    if (!index.isValid()) {
        return;
    }
    m_findingView->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(tr("&Show in Text"), this, [this, index] { selectFinding(index); });
    menu.addAction(m_applyFixAction);
    menu.exec(m_findingView->viewport()->mapToGlobal(position));
}

void MainWindow::exportBatch()
{
    if (!m_store) {
        return;
    }
    QString base = batchName(m_batch.mid(0, 1));
    if (base.endsWith(u".jsonl"_s, Qt::CaseInsensitive)) {
        base.chop(6);
    }
    auto *dialog = new ExportDialog(m_store->path(), base, this);
    dialog->setObjectName(u"exportDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::exportFinished, this, [this](bool ok, const QString &message) {
        if (ok) {
            statusBar()->showMessage(message, messageTimeoutMs);
        }
    });
    dialog->open();
}

void MainWindow::editReviewerName()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Reviewer Name"), tr("The name your edits and decisions are recorded under:"),
                              QLineEdit::Normal, ReviewerName::resolve(), &ok)
            .trimmed();
    if (!ok || name.isEmpty()) {
        return;
    }
    ReviewerName::save(name);
    if (m_session) {
        m_session->setReviewer(name);
    }
    if (m_spotCheck) {
        m_spotCheck->setReviewer(name);
    }
    updateTitle();
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(menuBar()->actions(), this);
    dialog->setObjectName(u"shortcutsDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::createSpotCheckPanel(const QString &reviewer)
{
    m_spotCheck = new SpotCheckPanel(*m_store, m_schema, m_checker, reviewer, m_spotCheckDock);
    m_spotCheck->setObjectName(u"spotCheckPanel"_s);
    m_spotCheckDock->setWidget(m_spotCheck);
    connect(m_spotCheck, &SpotCheckPanel::roundSelected, this, &MainWindow::roundSelected);
    connect(m_spotCheck, &SpotCheckPanel::advanceRequested, this, [this](const QString &next) {
        if (next.isEmpty()) {
            statusBar()->showMessage(tr("Every document of the round is judged."), messageTimeoutMs);
        } else {
            showDocumentWithId(next);
        }
        updateSpotCheckActions();
    });
    connect(m_spotCheck, &SpotCheckPanel::judged, this, &MainWindow::updateSpotCheckActions);
    connect(m_spotCheck, &SpotCheckPanel::judgementsChanged, this,
            [this] { m_documents->setJudgements(m_spotCheck->latestJudgements()); });
}

void MainWindow::showJudgementColumn(bool shown)
{
    m_documentView->setColumnHidden(DocumentListModel::JudgementColumn, !shown);
    // Ids are what the list is for: when a dock takes the width, the text and records give way
    // before the ids shrink below about 16 characters.
    int otherColumns = 0;
    for (int column = DocumentListModel::IdColumn + 1; column < DocumentListModel::ColumnCount; ++column) {
        if (!m_documentView->isColumnHidden(column)) {
            otherColumns += m_documentView->header()->sectionSize(column);
        }
    }
    m_documentView->setMinimumWidth(otherColumns + minimumIdWidth(m_documentView->fontMetrics()) +
                                    2 * m_documentView->frameWidth() +
                                    m_documentView->verticalScrollBar()->sizeHint().width());
}

void MainWindow::roundSelected(const QString &name, const QStringList &ids)
{
    if (name.isEmpty()) {
        m_documentProxy->setRoundOrder({});
        showJudgementColumn(false);
        // Back to batch order, and to sorting by a header click.
        m_documentView->header()->setSortIndicator(-1, Qt::AscendingOrder);
        m_documentView->setSortingEnabled(true);
        m_documentProxy->sort(-1);
        updateSummary();
        updateSpotCheckActions();
        return;
    }
    m_filterBar->reset();
    m_documentProxy->setRoundOrder(ids);
    showJudgementColumn(true);
    // The round's order, which no header click changes and no sort arrow misrepresents (any
    // sorted column gives the round's order while a round is shown).
    m_documentView->setSortingEnabled(false);
    m_documentProxy->sort(DocumentListModel::IdColumn, Qt::AscendingOrder);
    if (!ids.isEmpty()) {
        showDocumentWithId(ids.first());
    }
    updateSummary();
    updateSpotCheckActions();
    statusBar()->showMessage(
        tr("Spot check %1: %n document(s); P passes, F fails.", nullptr, int(ids.size())).arg(name), messageTimeoutMs);
}

void MainWindow::updateSpotCheckActions()
{
    const bool judging =
        m_spotCheck && !m_spotCheck->currentRound().isEmpty() && m_spotCheck->roundIds().contains(m_shownId);
    m_passAction->setEnabled(judging);
    m_failAction->setEnabled(judging);
}

void MainWindow::showDashboard()
{
    if (!m_store) {
        return;
    }
    auto *dialog = new DashboardDialog(m_schema, this);
    dialog->setObjectName(u"dashboard"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->loadStore(m_store->path(), m_checker, m_spotCheck ? m_spotCheck->target() : SpotCheckPanel::defaultTarget);
    if (m_spotCheck && !m_spotCheck->currentRound().isEmpty()) {
        dialog->setRound(m_spotCheck->currentRound());
    }
    dialog->open();
}

void MainWindow::compareWith()
{
    m_compareDock->show();
    m_compare->chooseBatch();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About annorev"),
                       tr("<h3>annorev %1</h3><p>Annotation Reviewer: review inline entity annotations of "
                          "machine-learning model facts.</p>")
                           .arg(QStringLiteral(ANNOREV_VERSION)));
}

} // namespace annorev
