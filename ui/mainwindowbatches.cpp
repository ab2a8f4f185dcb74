// How the window opens a batch, changes to it once its store is ready, and holds the batch it
// shows while that batch's own store is synced: MainWindow's batch switching.

#include "mainwindow.h"

#include "batchfileswatch.h"
#include "batchopener.h"
#include "comparemode.h"
#include "documentlistmodel.h"
#include "documentlistpanel.h"
#include "fileschangedbar.h"
#include "openbatchfeedback.h"
#include "recentbatches.h"
#include "reviewername.h"
#include "reviewpane.h"
#include "reviewsession.h"
#include "reviewstore.h"
#include "spotcheckmode.h"
#include "storewatch.h"
#include "teampresence.h"

#include <QFileInfo>
#include <QTimer>
#include <QUndoGroup>
#include <QUndoStack>

namespace annorev {

void MainWindow::openBatch(const QStringList &inputs, const QString &storePath)
{
    // Inputs that are not there are reported once the batch is open: the rest of it still opens.
    QList<InputError> leftOut;
    m_opening = BatchOpener::readableInputs(inputs, &leftOut);
    if (m_opening.isEmpty()) {
        showError(leftOut.isEmpty() ? tr("Nothing to open.") : leftOut.first().toString());
        Q_EMIT batchOpened(false);
        return;
    }
    // The window keeps the batch it shows while another opens. When the open is to bring that
    // batch's own store up to date, its sync and the window's edits would wait on each other for
    // the store's one write lock: the batch stays shown, read-only, until the sync is done.
    const QString target = storePath.isEmpty() ? ReviewStore::defaultStorePath(m_opening) : storePath;
    const QString targetFile = QFileInfo(target).canonicalFilePath();
    if (m_store && !targetFile.isEmpty() && targetFile == QFileInfo(m_store->path()).canonicalFilePath()) {
        holdForSync();
    }
    m_opener->open(inputs, storePath, ReviewerName::resolve());
    m_feedback->started(m_opening);
}

void MainWindow::releaseStore()
{
    // An editor still open in the record table commits first, and the batch opens again where
    // the reviewer leaves it.
    m_review->commitEdits();
    if (m_store && !m_review->shownId().isEmpty()) {
        RecentBatches::setLastDocument(m_store->path(), m_review->shownId());
    }
    m_refreshTimer->stop();
    m_list->leaveRound();
    m_spotCheck->closeStore();
    m_review->setSession(nullptr);
    m_review->setHeldBy({});
    m_compare->setSession(nullptr);
    m_team->setStore(nullptr);
    m_watch->setStore(nullptr);
    m_filesWatch->setBatch({}, std::nullopt);
    m_filesChanged->hide();
    m_session.reset();
    m_store.reset();
}

void MainWindow::holdForSync()
{
    // A value being typed in is saved now, before the sync takes the write lock.
    m_review->commitEdits();
    m_watch->setPaused(true);
    m_review->setSyncing(tr("Bringing %1 up to date with its files: the batch is read-only until then. Escape "
                            "cancels.")
                             .arg(RecentBatches::batchName(m_opening)));
    updateActions();
}

void MainWindow::endHoldForSync()
{
    if (!m_review->isSyncing()) {
        return;
    }
    m_review->setSyncing({});
    // The sync rolled back: the store is as it was, and what others wrote meanwhile is caught up.
    m_watch->setPaused(false);
    updateActions();
}

void MainWindow::batchFailed(const QString &error)
{
    m_feedback->ended();
    endHoldForSync();
    m_feedback->showFailure(m_opening, error);
    // A reload that failed leaves the files as changed as they were.
    if (m_filesWatch->hasChanged()) {
        m_filesChanged->showFor(RecentBatches::batchName(m_batch));
    }
    showMessage(error);
    Q_EMIT batchOpened(false);
}

void MainWindow::batchReady()
{
    m_feedback->ended();
    std::optional<BatchOpener::Batch> batch = m_opener->takeBatch();
    if (m_session && m_review->isSyncing()) {
        // The batch shown, brought up to date with its files (reloaded, or opened again): the
        // session stays, and with it every document's undo history: a sync adds documents and
        // flags those whose source changed or that are gone, and never rewrites a reviewer's
        // version. What it wrote reaches the window as another process's writes do, once the
        // watch resumes.
        batch->store.reset();
        m_batch = batch->inputs;
        endHoldForSync();
    } else {
        // The batch is in the store: the window switches to it (the list, title and text follow).
        releaseStore();
        m_review->setSyncing({});
        m_store = std::move(batch->store);
        m_spotCheck->openStore(*m_store, batch->reviewer);
        m_batch = batch->inputs;
        m_team->setStore(m_store.get());
        m_watch->setStore(m_store.get());
        startSession(batch->reviewer);

        m_list->showBatch(batch->firstPage, batch->documentCount, m_store->path());
        updateSaveState();
        // Where the reviewer left off, even when that document is listed only after the first page.
        m_list->showDocumentOnceListed(RecentBatches::lastDocument(m_store->path()));
        if (m_list->documentCount() == 0) {
            clearDocument(tr("The batch has no documents."));
        }
    }
    // A team batch's files are on the machines that import them.
    m_filesWatch->setBatch(m_team->isTeam() ? QStringList() : m_batch, batch->stamps, m_store->path());
    m_filesChanged->hide();
    RecentBatches::remember(m_batch);
    updateTitle();
    m_feedback->showProblems(batch->inputErrors, batch->sourceChanged);
    Q_EMIT batchOpened(true);
}

void MainWindow::startSession(const QString &reviewer)
{
    m_session = std::make_unique<ReviewSession>(*m_store, m_schema, m_checker, reviewer);
    m_review->setSession(m_session.get());
    m_compare->setSession(m_session.get());
    connect(m_session.get(), &ReviewSession::documentChanged, this, &MainWindow::scheduleRefresh);
    connect(m_session.get(), &ReviewSession::resultChanged, this, [this] {
        if (m_review->isCommittingCell() || m_refreshTimer->isActive()) {
            m_refreshTimer->start();
        } else {
            refreshResult(true);
        }
    });
    connect(m_session.get(), &ReviewSession::savingChanged, this, &MainWindow::updateSaveState);
    connect(m_session.get(), &ReviewSession::unsavedEditChanged, this, &MainWindow::updateSaveState);
    connect(m_session.get(), &ReviewSession::errorOccurred, this, &MainWindow::showError);
    connect(m_session.get(), &ReviewSession::documentsWritten, this, &MainWindow::documentsWritten);
    // A decision changes the document's disagreement at once; the store watch would tell later.
    connect(m_session.get(), &ReviewSession::suggestionsChanged, this,
            [this] {
                if (!m_session->documentId().isEmpty()) {
                    refreshDisagreements({m_session->documentId()});
                }
            });
    // An edit of an approved or rejected document undoes the decision: the list says so at once.
    connect(m_session.get(), &ReviewSession::statusChanged, this, [this](ReviewStatus status) {
        const QString id = m_session->documentId();
        const std::optional<ReviewStatus> before = m_list->updateStatus(id, status);
        if (before && status == ReviewStatus::Unreviewed) {
            showMessage(tr("%1 was %2; after this edit it is unreviewed again.")
                            .arg(id, DocumentListModel::statusText(*before).toLower()));
        }
    });
    // The group's signals follow whichever document's stack is active.
    QUndoGroup *undo = m_session->undoGroup();
    connect(undo, &QUndoGroup::indexChanged, this, &MainWindow::updateActions);
    connect(undo, &QUndoGroup::activeStackChanged, this, &MainWindow::updateActions);
}

} // namespace annorev
