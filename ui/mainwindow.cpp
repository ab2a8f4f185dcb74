#include "mainwindow.h"

#include "countryaliases.h"
#include "documentlistmodel.h"
#include "findinglistmodel.h"
#include "labellegend.h"
#include "plaintooltipdelegate.h"
#include "recordtablemodel.h"
#include "schema.h"
#include "spanselections.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QTransposeProxyModel>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

constexpr int filterDelayMs = 300;

QSettings settings()
{
    return QSettings(u"annorev"_s, u"annorev"_s);
}

DocumentListModel::Entry entryOf(const QString &id, const QList<Finding> &findings)
{
    DocumentListModel::Entry entry{id};
    for (const Finding &finding : findings) {
        switch (finding.severity) {
        case Severity::Error:
            ++entry.errorCount;
            break;
        case Severity::Warning:
            ++entry.warningCount;
            break;
        case Severity::Info:
            ++entry.infoCount;
            break;
        }
    }
    return entry;
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
    return (count == 1 ? one : many).arg(count);
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
    // Unsorted until the reviewer clicks a header: document order is the natural one.
    view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    view->setSortingEnabled(true);
    view->setItemDelegate(new PlainToolTipDelegate(view));
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_schema(Schema::builtin()),
      m_checker(m_schema, CountryAliases::builtin(), QDate::currentDate().year())
{
    createWidgets();
    createActions();
    restoreSettings();
    setWindowTitle(u"annorev"_s);
    updateSummary();
    clearDocument(tr("Open a file or a folder of documents to review them (File › Open File…, Open Folder…)."));
}

MainWindow::~MainWindow() = default;

void MainWindow::createWidgets()
{
    m_documents = new DocumentListModel(this);
    m_records = new RecordTableModel(this);
    m_findings = new FindingListModel(this);

    m_documentProxy = new QSortFilterProxyModel(this);
    m_documentProxy->setSourceModel(m_documents);
    m_documentProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_documentProxy->setFilterRole(DocumentListModel::IdRole);

    // Records are shown one per column, fields as rows: a document has few records and seven
    // fields, which fit a side pane this way round.
    m_recordTranspose = new QTransposeProxyModel(this);
    m_recordTranspose->setSourceModel(m_records);

    m_findingProxy = new QSortFilterProxyModel(this);
    m_findingProxy->setSourceModel(m_findings);

    // Left: the document list and its filter.
    auto *listPanel = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPanel);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_filterEdit = new QLineEdit(listPanel);
    m_filterEdit->setObjectName(u"documentFilter"_s);
    m_filterEdit->setPlaceholderText(tr("Filter documents"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAccessibleName(tr("Document filter"));
    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(filterDelayMs);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filterTimer, &QTimer::timeout, this,
            [this] { m_documentProxy->setFilterFixedString(m_filterEdit->text()); });
    m_documentView = new QListView(listPanel);
    m_documentView->setObjectName(u"documentList"_s);
    m_documentView->setAccessibleName(tr("Documents"));
    m_documentView->setUniformItemSizes(true);
    m_documentView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_documentView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_documentView->setTextElideMode(Qt::ElideMiddle);
    m_documentView->setItemDelegate(new PlainToolTipDelegate(m_documentView));
    m_documentView->setModel(m_documentProxy);
    connect(m_documentView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                showDocument(current.isValid() ? m_documentProxy->mapToSource(current).row() : -1);
            });
    listLayout->addWidget(m_filterEdit);
    listLayout->addWidget(m_documentView);

    // Centre: the legend above the text.
    auto *textPanel = new QWidget(this);
    auto *textLayout = new QVBoxLayout(textPanel);
    textLayout->setContentsMargins(0, 0, 0, 0);
    auto *legend = new LabelLegend(m_schema, textPanel);
    legend->setObjectName(u"labelLegend"_s);
    m_textView = new QPlainTextEdit(textPanel);
    m_textView->setObjectName(u"textView"_s);
    m_textView->setAccessibleName(tr("Document text"));
    m_textView->setReadOnly(true);
    m_textView->setUndoRedoEnabled(false);
    m_textView->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_textView->viewport()->installEventFilter(this);
    textLayout->addWidget(legend);
    textLayout->addWidget(m_textView);

    // Right: the records.
    m_recordView = new QTableView(this);
    m_recordView->setObjectName(u"recordTable"_s);
    m_recordView->setAccessibleName(tr("Records"));
    setUpTableView(m_recordView);
    m_recordView->setSortingEnabled(false);
    m_recordView->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_recordView->verticalHeader()->show();
    m_recordView->setModel(m_recordTranspose);
    connect(m_recordView, &QAbstractItemView::activated, this, &MainWindow::selectSpanOfRecordCell);

    // Bottom: the findings.
    m_findingView = new QTableView(this);
    m_findingView->setObjectName(u"findingTable"_s);
    m_findingView->setAccessibleName(tr("Findings"));
    setUpTableView(m_findingView);
    m_findingView->setModel(m_findingProxy);
    m_findingView->horizontalHeader()->resizeSection(FindingListModel::SeverityColumn, 80);
    m_findingView->horizontalHeader()->resizeSection(FindingListModel::RuleColumn, 180);
    m_findingView->horizontalHeader()->resizeSection(FindingListModel::TextColumn, 220);
    // Severity sorts by rank, not alphabetically; the other columns by what they show.
    connect(m_findingView->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int section) {
        m_findingProxy->setSortRole(section == FindingListModel::SeverityColumn ? int(FindingListModel::SeverityRole)
                                                                                : int(Qt::DisplayRole));
    });
    connect(m_findingView, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        selectFinding(index);
        m_textView->setFocus(Qt::OtherFocusReason);
    });
    connect(m_findingView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::selectFinding);

    m_textSplitter = new QSplitter(Qt::Horizontal, this);
    m_textSplitter->setObjectName(u"textSplitter"_s);
    m_textSplitter->addWidget(textPanel);
    m_textSplitter->addWidget(m_recordView);
    m_textSplitter->setStretchFactor(0, 3);
    m_textSplitter->setStretchFactor(1, 2);

    m_centreSplitter = new QSplitter(Qt::Vertical, this);
    m_centreSplitter->setObjectName(u"centreSplitter"_s);
    m_centreSplitter->addWidget(m_textSplitter);
    m_centreSplitter->addWidget(m_findingView);
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
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *openFile = fileMenu->addAction(tr("&Open File…"), this, &MainWindow::openFiles);
    openFile->setShortcut(QKeySequence::Open);
    QAction *openFolder = fileMenu->addAction(tr("Open &Folder…"), this, &MainWindow::openFolder);
    openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(tr("&About annorev"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::restoreSettings()
{
    const QSettings s = settings();
    if (!restoreGeometry(s.value(u"mainWindow/geometry"_s).toByteArray())) {
        resize(1280, 800);
    }
    if (!m_outerSplitter->restoreState(s.value(u"mainWindow/outerSplitter"_s).toByteArray())) {
        m_outerSplitter->setSizes({260, 1020});
    }
    if (!m_centreSplitter->restoreState(s.value(u"mainWindow/centreSplitter"_s).toByteArray())) {
        m_centreSplitter->setSizes({560, 200});
    }
    if (!m_textSplitter->restoreState(s.value(u"mainWindow/textSplitter"_s).toByteArray())) {
        m_textSplitter->setSizes({620, 400});
    }
}

void MainWindow::saveSettings() const
{
    QSettings s = settings();
    s.setValue(u"mainWindow/geometry"_s, saveGeometry());
    s.setValue(u"mainWindow/outerSplitter"_s, m_outerSplitter->saveState());
    s.setValue(u"mainWindow/centreSplitter"_s, m_centreSplitter->saveState());
    s.setValue(u"mainWindow/textSplitter"_s, m_textSplitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::openFiles()
{
    QSettings s = settings();
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Open Documents"), s.value(u"lastDirectory"_s).toString(),
                                      tr("Documents (*.txt *.html *.htm *.jsonl);;All files (*)"));
    if (paths.isEmpty()) {
        return;
    }
    s.setValue(u"lastDirectory"_s, QFileInfo(paths.first()).absolutePath());
    openBatch(paths);
}

void MainWindow::openFolder()
{
    QSettings s = settings();
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Open Folder of Documents"), s.value(u"lastDirectory"_s).toString());
    if (folder.isEmpty()) {
        return;
    }
    s.setValue(u"lastDirectory"_s, folder);
    openBatch({folder});
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About annorev"),
                       tr("<h3>annorev %1</h3><p>Annotation Reviewer: review inline entity annotations of "
                          "machine-learning model facts.</p>")
                           .arg(QStringLiteral(ANNOREV_VERSION)));
}

void MainWindow::openBatch(const QStringList &paths)
{
    BatchReader reader = BatchReader::open(paths);
    QList<InputError> errors = reader.errors();
    QList<DocumentListModel::Entry> entries;
    QList<qsizetype> units;
    entries.reserve(reader.size());
    units.reserve(reader.size());

    std::unique_ptr<QProgressDialog> progress;
    if (reader.size() > ProgressThreshold) {
        progress =
            std::make_unique<QProgressDialog>(tr("Checking documents…"), tr("Stop"), 0, int(reader.size()), this);
        progress->setWindowModality(Qt::WindowModal);
        progress->setMinimumDuration(500);
    }
    bool stopped = false;
    for (qsizetype unit = 0; unit < reader.size(); ++unit) {
        if (progress && unit % 32 == 0) {
            progress->setValue(int(unit));
            if (progress->wasCanceled()) {
                stopped = true;
                break;
            }
        }
        const ReadResult result = reader.read(unit);
        if (const auto *source = std::get_if<SourceEntry>(&result)) {
            const Document doc = Document::parse(source->source, m_schema);
            entries.append(entryOf(source->id, m_checker.check(doc).findings));
            units.append(unit);
        } else if (const auto *error = std::get_if<InputError>(&result)) {
            errors.append(*error);
        }
    }
    progress.reset();

    m_reader = std::move(reader);
    m_unitOfRow = std::move(units);
    m_inputErrors = std::move(errors);
    m_totals = {};
    for (const DocumentListModel::Entry &entry : std::as_const(entries)) {
        m_totals.errors += entry.errorCount;
        m_totals.warnings += entry.warningCount;
    }
    m_documents->setEntries(std::move(entries));
    setWindowTitle(u"annorev — "_s + batchName(paths));
    updateSummary();
    if (stopped) {
        statusBar()->showMessage(
            tr("Stopped: only the first %n documents were read.", nullptr, int(m_unitOfRow.size())));
    }

    if (m_documentProxy->rowCount() > 0) {
        m_documentView->setCurrentIndex(m_documentProxy->index(0, 0));
    } else {
        clearDocument(tr("The batch has no documents."));
    }

    if (!m_inputErrors.isEmpty()) {
        QStringList lines;
        for (const InputError &error : std::as_const(m_inputErrors)) {
            lines << error.toString();
        }
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Some inputs could not be read"),
                                    plural(int(m_inputErrors.size()),
                                           tr("%1 input could not be read; the rest of the batch is shown."),
                                           tr("%1 inputs could not be read; the rest of the batch is shown.")),
                                    QMessageBox::Ok, this);
        box->setTextFormat(Qt::PlainText);
        box->setDetailedText(lines.join(u'\n'));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

void MainWindow::showDocument(int row)
{
    if (row < 0 || row >= m_unitOfRow.size()) {
        clearDocument(m_unitOfRow.isEmpty() ? tr("The batch has no documents.") : tr("Select a document."));
        return;
    }
    // Only the counts of each document are kept; its text is read again when it is shown.
    const ReadResult result = m_reader.read(m_unitOfRow.at(row));
    const auto *source = std::get_if<SourceEntry>(&result);
    if (source == nullptr) {
        const auto *error = std::get_if<InputError>(&result);
        clearDocument(error != nullptr ? error->toString() : tr("The document could not be read again."));
        return;
    }
    m_document = Document::parse(source->source, m_schema);
    const CheckResult checked = m_checker.check(m_document);

    // The file may have changed since the batch was read.
    const DocumentListModel::Entry entry = entryOf(source->id, checked.findings);
    const DocumentListModel::Entry &old = m_documents->entry(row);
    m_totals.errors += entry.errorCount - old.errorCount;
    m_totals.warnings += entry.warningCount - old.warningCount;
    m_documents->updateEntry(row, entry);
    updateSummary();

    m_textView->setPlainText(m_document.text());
    m_textView->setExtraSelections(SpanSelections::forDocument(m_textView->document(), m_document, m_schema));
    m_records->setDocument(m_document, checked.analysis, checked.findings);
    m_findings->setFindings(m_document, checked.findings);
    m_recordView->resizeColumnsToContents();
}

void MainWindow::clearDocument(const QString &placeholder)
{
    m_document = {};
    m_textView->setExtraSelections({});
    m_textView->clear();
    m_textView->setPlaceholderText(placeholder);
    m_records->clear();
    m_findings->clear();
}

void MainWindow::selectRange(qsizetype start, qsizetype end)
{
    QTextCursor cursor(m_textView->document());
    const int length = m_textView->document()->characterCount() - 1;
    cursor.setPosition(int(std::clamp<qsizetype>(start, 0, length)));
    cursor.setPosition(int(std::clamp<qsizetype>(end, 0, length)), QTextCursor::KeepAnchor);
    m_textView->setTextCursor(cursor);
    m_textView->ensureCursorVisible();
}

void MainWindow::selectSpanOfRecordCell(const QModelIndex &proxyIndex)
{
    const qsizetype span = m_recordTranspose->mapToSource(proxyIndex).data(RecordTableModel::SpanRole).toLongLong();
    if (span < 0 || span >= m_document.spans().size()) {
        return;
    }
    selectRange(m_document.spans().at(span).start, m_document.spans().at(span).end);
    m_textView->setFocus(Qt::OtherFocusReason);
}

void MainWindow::selectFinding(const QModelIndex &proxyIndex)
{
    const QModelIndex index = m_findingProxy->mapToSource(proxyIndex);
    if (!index.isValid()) {
        return;
    }
    const qsizetype start = index.data(FindingListModel::StartRole).toLongLong();
    const qsizetype end = index.data(FindingListModel::EndRole).toLongLong();
    // A finding about the whole document has no range to show.
    if (end > start) {
        selectRange(start, end);
    }
}

void MainWindow::updateSummary()
{
    QStringList parts{plural(int(m_unitOfRow.size()), tr("%1 document"), tr("%1 documents")),
                      plural(m_totals.errors, tr("%1 error"), tr("%1 errors")),
                      plural(m_totals.warnings, tr("%1 warning"), tr("%1 warnings"))};
    if (!m_inputErrors.isEmpty()) {
        parts << plural(int(m_inputErrors.size()), tr("%1 input unreadable"), tr("%1 inputs unreadable"));
    }
    m_summaryLabel->setText(parts.join(u" · "_s));
}

QString MainWindow::spanToolTip(qsizetype textPos) const
{
    QStringList lines;
    for (const Span &span : m_document.spans()) {
        if (span.start <= textPos && textPos < span.end) {
            const LabelInfo *label = m_schema.label(span.label);
            lines << (label != nullptr ? label->displayName : tr("Unknown label <%1>").arg(span.label));
        }
    }
    return lines.join(u'\n');
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_textView->viewport() && event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor cursor = m_textView->cursorForPosition(help->pos());
        PlainToolTipDelegate::showPlainToolTip(help->globalPos(), spanToolTip(cursor.position()), m_textView);
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace annorev
