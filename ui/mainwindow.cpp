#include "mainwindow.h"

#include "appsettings.h"
#include "batchfileswatch.h"
#include "batchopener.h"
#include "comparemode.h"
#include "countryaliases.h"
#include "dashboarddialog.h"
#include "document.h"
#include "documentfacts.h"
#include "documentlistmodel.h"
#include "documentlistpanel.h"
#include "exportdialog.h"
#include "filedialogs.h"
#include "fileschangedbar.h"
#include "fixalldialog.h"
#include "noteedit.h"
#include "openbatchfeedback.h"
#include "openprogress.h"
#include "postgres/teamaddress.h"
#include "recentbatches.h"
#include "reviewername.h"
#include "reviewpane.h"
#include "reviewrules.h"
#include "reviewsession.h"
#include "reviewstore.h"
#include "schema.h"
#include "sourceview.h"
#include "spotcheckmode.h"
#include "storewatch.h"
#include "tagalldialog.h"
#include "teampresence.h"
#include "textfacts.h"
#include "windowactions.h"

#include <QAction>
#include <QCloseEvent>
#include <QDate>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMimeData>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

constexpr int messageTimeoutMs = 8000;

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_schema(Schema::builtin()),
      m_checker(m_schema, CountryAliases::builtin(), QDate::currentDate().year()),
      m_opener(std::make_unique<BatchOpener>(m_schema, m_checker))
{
    createParts();
    m_actions = new WindowActions(m_schema, this, m_review, m_list, m_spotCheck, m_compare->dock());
    m_recent = new RecentBatches(m_actions->recentMenu(), this);
    m_team = new TeamPresence(this);
    connect(m_team, &TeamPresence::documentsChanged, this, &MainWindow::documentsChangedElsewhere);
    connect(m_team, &TeamPresence::batchReordered, this, &MainWindow::batchReorderedElsewhere);
    connect(m_team, &TeamPresence::errorOccurred, this, &MainWindow::showError);
    m_watch = new StoreWatch(this);
    connect(m_watch, &StoreWatch::documentsChanged, this, &MainWindow::documentsChangedElsewhere);
    connect(m_watch, &StoreWatch::batchReordered, this, &MainWindow::batchReorderedElsewhere);
    connect(m_watch, &StoreWatch::unreachable, this, [this](const QString &message) {
        m_review->setUnreachable(
            tr("Out of touch with the store: %1. The document is read-only until it is back; annorev tries again "
               "in %2 seconds, then less and less often (at least every %3 seconds). A change that was not saved "
               "waits above the text to be re-applied.")
                .arg(message)
                .arg(StoreWatch::retryIntervalMs / 1000)
                .arg(StoreWatch::maxRetryIntervalMs / 1000));
        updateActions();
    });
    connect(m_watch, &StoreWatch::reachable, this, [this] {
        const bool wasOut = m_review->isUnreachable();
        m_review->setUnreachable({});
        if (wasOut) {
            m_review->showMessage(tr("In touch with the store again."));
        }
        updateActions();
    });
    m_filesWatch = new BatchFilesWatch(this);
    connect(m_filesWatch, &BatchFilesWatch::changed, this,
            [this] { m_filesChanged->showFor(RecentBatches::batchName(m_batch)); });
    connect(m_filesWatch, &BatchFilesWatch::unchangedAgain, this, [this] {
        m_filesChanged->hide();
        // What the sync brought in may have a message of its own (the document shown is gone from
        // the files, say), which says more.
        if (statusBar()->currentMessage().isEmpty()) {
            showMessage(tr("The files of %1 match the store again: another process brought their changes in, "
                           "or the change was undone.")
                            .arg(RecentBatches::batchName(m_batch)));
        }
    });
    connect(m_filesChanged, &FilesChangedBar::reloadRequested, this, &MainWindow::reloadBatch);
    connect(m_recent, &RecentBatches::openRequested, this, [this](const QStringList &paths) { openBatch(paths); });
    connectActions();
    restoreSettings();
    setAcceptDrops(true);
    updateTitle();
    clearDocument(tr("Open a file or a folder of documents to review them (File › Open File…, Open Folder…), "
                     "or drop them on this window."));
}

MainWindow::~MainWindow()
{
    // The session and the spot-check panel work on the store: they go first.
    m_spotCheck->closeStore();
    m_review->setSession(nullptr);
    m_review->setHeldBy({});
    m_compare->setSession(nullptr);
    m_team->setStore(nullptr);
    m_watch->setStore(nullptr);
    m_session.reset();
    m_store.reset();
}

void MainWindow::createParts()
{
    m_list = new DocumentListPanel(m_schema, this);
    connect(m_list, &DocumentListPanel::documentPicked, this, &MainWindow::documentPicked);
    connect(m_list, &DocumentListPanel::listingFailed, this, &MainWindow::showError);
    m_review = new ReviewPane(m_schema, this);
    connect(m_review, &ReviewPane::errorOccurred, this, &MainWindow::showError);
    connect(m_review, &ReviewPane::statusMessage, this, &MainWindow::showMessage);
    connect(m_review, &ReviewPane::editTargetChanged, this, &MainWindow::updateActions);

    m_outerSplitter = new QSplitter(Qt::Horizontal, this);
    m_outerSplitter->setObjectName(u"outerSplitter"_s);
    m_outerSplitter->addWidget(m_list);
    m_outerSplitter->addWidget(m_review);
    m_outerSplitter->setStretchFactor(0, 1);
    m_outerSplitter->setStretchFactor(1, 4);
    m_outerSplitter->setChildrenCollapsible(false);
    // The open's progress strip above both panes: the batch shown stays usable under it.
    m_openProgress = new OpenProgress(this);
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_openProgress);
    m_filesChanged = new FilesChangedBar(this);
    centralLayout->addWidget(m_filesChanged);
    centralLayout->addWidget(m_outerSplitter, 1);
    setCentralWidget(central);

    statusBar()->addPermanentWidget(m_list->summaryLabel());
    m_saveLabel = new QLabel(this);
    m_saveLabel->setObjectName(u"saveLabel"_s);
    m_saveLabel->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_saveLabel);

    // Spot-check mode and the comparison with a second annotation live in docks on the right.
    m_spotCheck = new SpotCheckMode(m_schema, m_checker, m_list, this);
    connect(m_spotCheck, &SpotCheckMode::message, this, &MainWindow::showMessage);
    connect(m_spotCheck, &SpotCheckMode::stateChanged, this, &MainWindow::updateActions);
    m_compare = new CompareMode(m_schema, m_review, this);
    connect(m_compare, &CompareMode::errorOccurred, this, &MainWindow::showError);

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::refresh);

    m_feedback = new OpenBatchFeedback(m_opener.get(), m_openProgress, this);
    connect(m_opener.get(), &BatchOpener::finished, this, &MainWindow::batchReady);
    connect(m_opener.get(), &BatchOpener::failed, this, &MainWindow::batchFailed);
    connect(m_opener.get(), &BatchOpener::canceled, this, [this] {
        m_feedback->ended();
        endHoldForSync();
        showMessage(tr("Opening %1 was canceled; its store is as it was.").arg(RecentBatches::batchName(m_opening)));
        Q_EMIT batchOpened(false);
    });
}

void MainWindow::connectActions()
{
    const WindowActions &a = *m_actions;
    connect(a.openFile, &QAction::triggered, this, &MainWindow::openFiles);
    connect(a.openFolder, &QAction::triggered, this, &MainWindow::openFolder);
    connect(a.openTeamBatch, &QAction::triggered, this, &MainWindow::openTeamBatch);
    connect(a.reloadBatch, &QAction::triggered, this, &MainWindow::reloadBatch);
    connect(a.nextForMe, &QAction::triggered, this, &MainWindow::nextForMe);
    connect(a.compareWith, &QAction::triggered, m_compare, &CompareMode::chooseBatch);
    connect(a.addAnnotator, &QAction::triggered, m_compare, &CompareMode::chooseAnotherBatch);
    connect(a.exportBatch, &QAction::triggered, this, &MainWindow::exportBatch);
    connect(a.reviewerName, &QAction::triggered, this, &MainWindow::editReviewerName);
    connect(a.tagAll, &QAction::triggered, this, &MainWindow::tagAll);
    connect(m_review, &ReviewPane::fixEverywhereRequested, this, &MainWindow::fixEverywhere);
    connect(a.undo, &QAction::triggered, this, [this] {
        if (m_session) {
            m_session->undoGroup()->undo();
        }
    });
    connect(a.redo, &QAction::triggered, this, [this] {
        if (m_session) {
            m_session->undoGroup()->redo();
        }
    });
    connect(a.approve, &QAction::triggered, this, [this] { setStatus(ReviewStatus::Approved); });
    connect(a.needsWork, &QAction::triggered, this, [this] { setStatus(ReviewStatus::NeedsWork); });
    connect(a.reject, &QAction::triggered, this, [this] { setStatus(ReviewStatus::Rejected); });
    connect(a.nextUnreviewed, &QAction::triggered, this, &MainWindow::moveToNextUnreviewed);
    connect(a.rawSource, &QAction::triggered, this, [this](bool raw) {
        m_review->sourceView()->setRawSource(raw);
        updateActions();
    });
    connect(a.dashboard, &QAction::triggered, this, &MainWindow::showDashboard);
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
    if (!m_review->centreSplitter()->restoreState(s.value(u"mainWindow/centreSplitter"_s).toByteArray())) {
        m_review->centreSplitter()->setSizes({540, 200});
    }
    if (!m_review->textSplitter()->restoreState(s.value(u"mainWindow/textSplitter"_s).toByteArray())) {
        m_review->textSplitter()->setSizes({520, 480});
    }
    m_list->restoreHeaderState(s.value(u"mainWindow/documentHeader"_s).toByteArray());
}

void MainWindow::saveSettings() const
{
    QSettings s = appSettings();
    s.setValue(u"mainWindow/geometry"_s, saveGeometry());
    s.setValue(u"mainWindow/state"_s, saveState());
    s.setValue(u"mainWindow/outerSplitter"_s, m_outerSplitter->saveState());
    s.setValue(u"mainWindow/centreSplitter"_s, m_review->centreSplitter()->saveState());
    s.setValue(u"mainWindow/textSplitter"_s, m_review->textSplitter()->saveState());
    s.setValue(u"mainWindow/documentHeader"_s, m_list->saveHeaderState());
    if (m_store && !m_review->shownId().isEmpty()) {
        RecentBatches::setLastDocument(m_store->path(), m_review->shownId());
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // An editor still open in the record table commits its value before the window goes.
    m_review->commitEdits();
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
    openBatch(paths);
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

void MainWindow::openTeamBatch()
{
    QSettings s = appSettings();
    bool ok = false;
    const QString address =
        QInputDialog::getText(this, tr("Open Team Batch"),
                              tr("The team batch's address, postgresql://[user@]host[:port]/database?batch=NAME\n"
                                 "(a password goes in ~/.pgpass or PGPASSWORD, never here):"),
                              QLineEdit::Normal, s.value(u"lastTeamBatch"_s).toString(), &ok)
            .trimmed();
    if (!ok || address.isEmpty()) {
        return;
    }
    if (!ReviewStore::isTeamLocation(address)) {
        showError(tr("A team batch's address starts with postgresql://"));
        return;
    }
    const Expected<TeamAddress> parsed = TeamAddress::parse(address);
    if (!parsed) {
        showError(parsed.error().message); // never repeats the address: it may hold a password
        return;
    }
    s.setValue(u"lastTeamBatch"_s, parsed->display());
    openBatch({parsed->display()});
}

void MainWindow::reloadBatch()
{
    if (!m_store || m_batch.isEmpty() || m_team->isTeam() || m_review->isSyncing()) {
        return;
    }
    m_filesChanged->hide();
    // A store named on the command line is named again; the one beside the batch is found again.
    const QString store = m_store->path();
    openBatch(m_batch, store == ReviewStore::defaultStorePath(m_batch) ? QString() : store);
}

void MainWindow::nextForMe()
{
    const Expected<QString> id = m_team->claimNext();
    if (!id) {
        showError(id.error().message);
    } else if (id->isEmpty()) {
        showMessage(tr("Every unreviewed document of the batch is taken or reviewed."));
    } else if (!showDocumentWithId(*id)) {
        showError(tr("%1 was handed to you but is not in the list; it is yours until the lease ends.").arg(*id));
    } else {
        showMessage(
            tr("%1 is yours for the next %2 minutes while it is open.").arg(*id).arg(TeamStore::defaultLeaseMinutes));
    }
}

void MainWindow::documentsChangedElsewhere(const QStringList &ids)
{
    if (!m_store) {
        return;
    }
    // A sync elsewhere may have brought in the files' changes the bar tells of.
    m_filesWatch->storeWritten();
    // Many at once (a bulk decision or an import elsewhere): the list is read again, from the
    // facts the store keeps, rather than each document read and checked again here.
    const bool many = ids.size() > relistAbove;
    bool relist = many;
    const QString shown = m_review->shownId();
    for (const QString &id : ids) {
        if (many && id != shown) {
            continue;
        }
        const Expected<ReviewStore::StoredDocument> stored = m_store->document(id);
        if (!stored) {
            continue; // a document this window does not list
        }
        // A sync elsewhere added it to the batch, or found it gone: the list is read again. One the
        // list lacks while it is still being read may be coming, or may not: that read is of one
        // snapshot, which a later addition is not in.
        if (stored->missing == m_list->statusOf(id).has_value()) {
            relist = true;
            if (stored->missing && id == shown) {
                showMessage(tr("%1 is gone from the batch's files; the store keeps it and its review.").arg(id));
            }
            continue;
        }
        // This window's own writes come back too (its writer has a connection of its own): the
        // list already has them, and checking the text again would only cost time.
        const bool own = m_session && id == m_session->documentId() && stored->version == m_session->storeVersion();
        if (!own) {
            m_list->updateStatus(id, stored->status);
            m_list->updateDocument(id, TextFacts::of(stored->taggedText, m_schema, m_checker).facts);
        }
        if (id != shown) {
            continue;
        }
        m_review->setHeldBy(m_team->documentShown(id));
        // Showing the store's version now saves the reviewer an edit the store would refuse as
        // made on an older one. A write still on its way is refused that way and reverts anyway.
        if (!own && m_session && !m_session->isSaving()) {
            reopenShownDocument(changedByMessage(id));
        }
        updateActions();
    }
    if (relist) {
        m_list->relist(m_store->path());
    }
    // The store counts disagreements with every change to a text or a suggestion, this window's
    // own edits and decisions included; a list read again has them.
    if (!many) {
        refreshDisagreements(ids);
    }
}

void MainWindow::batchReorderedElsewhere()
{
    if (!m_store) {
        return;
    }
    // The sync elsewhere read the batch's files: they may match the store again.
    m_filesWatch->storeWritten();
    m_list->relist(m_store->path());
    showMessage(tr("The documents of %1 are in another order in its files now; the list follows it.")
                    .arg(RecentBatches::batchName(m_batch)));
}

void MainWindow::refreshDisagreements(const QStringList &ids)
{
    if (!m_store || !m_store->keepsSuggestions() || ids.isEmpty()) {
        return;
    }
    const Expected<QHash<QString, int>> counts = m_store->disagreements(ids);
    if (!counts) {
        showError(tr("The disagreement of the documents with their suggestions could not be read: %1")
                      .arg(counts.error().message));
        return;
    }
    for (const QString &id : ids) {
        m_list->updateDisagreement(id, counts->value(id, -1));
    }
}

QString MainWindow::changedByMessage(const QString &id) const
{
    const Expected<QList<ReviewStore::AuditEntry>> log = m_store->auditLog(id);
    if (!log || log->isEmpty()) {
        return tr("%1 was changed elsewhere; it shows the saved version now.").arg(id);
    }
    const ReviewStore::AuditEntry &last = log->constLast();
    // A sync (a reload, or a command elsewhere) flags what happened to the source; the text stays.
    if (last.action == u"source-changed") {
        return tr("The source of %1 changed on disk; the version here is kept, flagged \"source changed\".").arg(id);
    }
    if (last.action == u"source-restored") {
        return tr("The source of %1 is back to what was imported.").arg(id);
    }
    if (last.action == u"source-returned") {
        return tr("%1 is back in the batch's files.").arg(id);
    }
    return tr("%1 was changed by %2 at %3; it shows that version now.")
        .arg(id, last.reviewer, QLocale().toString(last.at.toLocalTime().time(), QLocale::ShortFormat));
}

void MainWindow::reopenShownDocument(const QString &message)
{
    if (openDocument(m_session->documentId())) {
        m_review->showMessage(message);
    }
}

bool MainWindow::showDocumentWithId(const QString &id)
{
    return m_list->showDocument(id) && currentDocumentId() == id;
}

QString MainWindow::storePath() const
{
    return m_store ? m_store->path() : QString();
}

QString MainWindow::currentDocumentId() const
{
    return m_session ? m_session->documentId() : QString();
}

void MainWindow::documentPicked(const QString &id)
{
    if (!m_session || id == m_session->documentId()) {
        return;
    }
    openDocument(id);
}

bool MainWindow::openDocument(const QString &id)
{
    if (const Expected<void> opened = m_session->open(id); !opened) {
        clearDocument(opened.error().message);
        showError(opened.error().message);
        return false;
    }
    const Expected<ReviewStore::StoredDocument> stored = m_store->document(id);
    m_actions->noteEdit()->setText(stored ? stored->note : QString());
    if (!stored) {
        showError(stored.error().message); // the note could not be read: say so, not an empty note
    }
    // What was refused was about the document before.
    m_actions->noteEdit()->setAttention(false);
    m_review->hideMessage();
    m_review->setHeldBy(m_team->documentShown(id));
    // Shown now, not at the next turn of the event loop: switching documents is the action
    // reviewers repeat most, and the benchmark times it.
    m_refreshTimer->stop();
    refresh();
    return true;
}

void MainWindow::scheduleRefresh()
{
    // An edit that starts from a record cell's setData() must not see its model reset under it:
    // the views follow at the next turn of the event loop. Every other change shows at once.
    if (m_review->isCommittingCell()) {
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
    const bool sameDocument = id == m_review->shownId();
    m_review->showDocument();
    m_compare->documentShown();
    if (!sameDocument) {
        m_spotCheck->setCurrentDocument(id);
    }
    if (m_session->isChecked()) {
        refreshResult(false);
    } else {
        updateActions();
    }
}

void MainWindow::refreshResult(bool showFindings)
{
    const QString &id = m_review->shownId();
    if (!m_session || !m_session->isChecked() || m_session->documentId() != id || id.isEmpty()) {
        return;
    }
    m_review->showResult(showFindings);
    m_list->updateDocument(id, DocumentFacts::of(m_session->document(), m_session->result()));
    updateActions();
}

void MainWindow::updateSaveState()
{
    if (!m_session) {
        m_saveLabel->clear();
    } else if (m_session->isSaving()) {
        m_saveLabel->setText(tr("Saving…"));
    } else if (m_session->unsavedEdit()) {
        // Refused, and kept above its document's text to re-apply or drop.
        m_saveLabel->setText(tr("A change was not saved"));
    } else {
        m_saveLabel->setText(tr("All changes saved"));
    }
}

void MainWindow::clearDocument(const QString &placeholder)
{
    m_review->clear(placeholder);
    m_actions->noteEdit()->clear();
    updateActions();
}

void MainWindow::updateTitle()
{
    if (m_batch.isEmpty()) {
        setWindowTitle(u"annorev"_s);
        return;
    }
    // In a team batch the server records the database user, whatever name is set here.
    setWindowTitle(
        tr("%1 — %2 — annorev")
            .arg(RecentBatches::batchName(m_batch), m_team->isTeam() ? m_team->user() : ReviewerName::resolve()));
}

void MainWindow::updateActions()
{
    const WindowActions &a = *m_actions;
    const bool open = m_session && !m_review->shownId().isEmpty();
    const bool editable = m_review->isEditable();
    for (QAction *tag : a.tagActions + a.exactTagActions) {
        tag->setEnabled(editable);
    }
    a.removeSpan->setEnabled(editable && m_review->spanForEditing() >= 0);
    // Enabled with any document: from the text it applies the fix at the cursor, and says so when
    // there is none rather than staying silent.
    a.applyFix->setEnabled(editable);
    // Someone else's document, a store out of reach or one being synced: nothing to decide or write.
    const bool writable = m_review->isWritable();
    for (QAction *action : a.documentActions) {
        action->setEnabled(open && writable);
    }
    a.tagAll->setEnabled(open && writable);
    a.fixEverywhere->setEnabled(editable && writable);
    const bool syncing = m_review->isSyncing();
    a.nextForMe->setEnabled(m_team->isTeam() && !syncing);
    a.reloadBatch->setEnabled(m_store && !m_team->isTeam() && !syncing);
    a.exportBatch->setEnabled(m_store != nullptr);
    a.dashboard->setEnabled(m_store != nullptr);
    a.drawRound->setEnabled(m_spotCheck->hasStore() && !syncing);
    m_spotCheck->setWritable(!syncing);
    const bool judging = m_spotCheck->isJudging(m_review->shownId()) && !syncing;
    a.pass->setEnabled(judging);
    a.fail->setEnabled(judging);
    QUndoStack *undo = m_session ? m_session->undoStack() : nullptr;
    a.undo->setEnabled(undo && undo->canUndo() && writable);
    a.redo->setEnabled(undo && undo->canRedo() && writable);
    a.undo->setText(undo && undo->canUndo() ? tr("&Undo %1").arg(undo->undoText()) : tr("&Undo"));
    a.redo->setText(undo && undo->canRedo() ? tr("&Redo %1").arg(undo->redoText()) : tr("&Redo"));
}

void MainWindow::showError(const QString &message)
{
    if (!message.isEmpty()) {
        statusBar()->showMessage(message, messageTimeoutMs);
        m_review->showMessage(message);
    }
}

void MainWindow::showMessage(const QString &message)
{
    statusBar()->showMessage(message, messageTimeoutMs);
}

void MainWindow::setStatus(ReviewStatus status)
{
    const QString id = m_review->shownId();
    if (!m_session || id.isEmpty()) {
        return;
    }
    NoteEdit *note = m_actions->noteEdit();
    const QString text = note->text().trimmed();
    // The store decides whether the decision may be made (an approval of a document with error
    // findings needs a note); the list follows through ReviewSession::statusChanged.
    if (const Expected<void> decided = m_session->setStatus(status, text); !decided) {
        showError(decided.error().message);
        // The session has waited for the latest check: when it has errors, the missing note is
        // what the store refused, and the note field is where to put it right.
        const QList<Finding> &findings = m_session->result().findings;
        const bool hasErrors = std::any_of(findings.cbegin(), findings.cend(),
                                           [](const Finding &finding) { return finding.severity == Severity::Error; });
        if (status == ReviewStatus::Approved && text.isEmpty() && m_session->isChecked() && hasErrors) {
            note->setAttention(true);
            note->setFocus(Qt::OtherFocusReason);
        }
        return;
    }
    showMessage(tr("%1: %2").arg(id, DocumentListModel::statusText(status)));
    if (status == ReviewStatus::Approved) {
        moveToNextUnreviewed();
    }
}

void MainWindow::moveToNextUnreviewed()
{
    if (!m_list->moveToNextUnreviewed()) {
        showMessage(tr("Every document in the list is reviewed."));
    }
}

void MainWindow::exportBatch()
{
    if (!m_store) {
        return;
    }
    QString base = RecentBatches::batchName(m_batch.mid(0, 1));
    if (base.endsWith(u".jsonl"_s, Qt::CaseInsensitive)) {
        base.chop(6);
    }
    auto *dialog = new ExportDialog(m_store->path(), base, this);
    dialog->setObjectName(u"exportDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::exportFinished, this, [this](bool ok, const QString &message) {
        if (ok) {
            showMessage(message);
        }
    });
    dialog->open();
}

void MainWindow::tagAll()
{
    if (!m_session || !m_store || m_session->documentId().isEmpty()) {
        return;
    }
    auto *dialog = new TagAllDialog(*m_session, m_store->path(), m_schema, m_checker, m_list->shownIds(), this);
    dialog->setObjectName(u"tagAllDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // A selection on one line is the text to find; a longer one is rarely meant.
    const auto [start, end] = m_review->sourceView()->selectedRange();
    const QString selected = m_session->document().text().mid(start, end - start).trimmed();
    if (!selected.isEmpty() && !selected.contains(u'\n') && selected.size() <= 200) {
        dialog->setPattern(selected);
    }
    connect(dialog, &QDialog::accepted, this, [this] { showMessage(tr("Tag All Occurrences: saved.")); });
    dialog->open();
}

void MainWindow::fixEverywhere(const QString &rule)
{
    if (!m_session || !m_store || m_session->documentId().isEmpty()) {
        return;
    }
    auto *dialog = new FixAllDialog(rule, *m_session, m_store->path(), m_schema, m_checker, m_list->shownIds(), this);
    dialog->setObjectName(u"fixAllDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { showMessage(tr("Apply Fix Everywhere: saved.")); });
    dialog->open();
    // The rule is chosen already: what it would change is the first thing to see.
    dialog->preview();
}

void MainWindow::documentsWritten(const QList<ReviewStore::TextWrite> &writes)
{
    for (const ReviewStore::TextWrite &write : writes) {
        m_list->updateDocument(write.id, write.facts.facts);
        // An edit reopens a decision, as the store does when it writes it.
        if (const std::optional<ReviewStatus> status = m_list->statusOf(write.id)) {
            m_list->updateStatus(write.id, ReviewRules::statusAfterEdit(*status).value_or(*status));
        }
    }
    updateActions();
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
    m_spotCheck->setReviewer(name);
    updateTitle();
}

void MainWindow::showDashboard()
{
    if (!m_store) {
        return;
    }
    auto *dialog = new DashboardDialog(m_schema, this);
    dialog->setObjectName(u"dashboard"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->loadStore(m_store->path(), m_spotCheck->target());
    if (!m_spotCheck->currentRound().isEmpty()) {
        dialog->setRound(m_spotCheck->currentRound());
    }
    dialog->open();
}

} // namespace annorev
