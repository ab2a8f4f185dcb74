#pragma once

#include "checker.h"
#include "reviewstatus.h"
#include "reviewstore.h"

#include <QMainWindow>
#include <QStringList>

#include <memory>

class QAction;
class QLabel;
class QSplitter;
class QTimer;

namespace annorev {

class BatchFilesWatch;
class BatchOpener;
class CompareMode;
class DocumentListPanel;
class FilesChangedBar;
class OpenBatchFeedback;
class OpenProgress;
class RecentBatches;
class StoreWatch;
class TeamPresence;
class ReviewPane;
class ReviewSession;
class Schema;
class SpotCheckMode;
class WindowActions;

// The reviewer's window: the batch's documents (left, DocumentListPanel), the current
// document's text with its spans highlighted, its records and findings (centre, ReviewPane),
// spot-check mode and the comparison with a second annotation in docks (SpotCheckMode,
// CompareMode), every command in WindowActions, the recent batches in RecentBatches. The window puts them together and
// holds no data of its own: every edit and decision goes through the ReviewSession into the batch's store, and the
// parts show what the store and the checker say.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // Changes told at once past which the list is read again rather than row by row.
    static constexpr int relistAbove = 500;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts opening the batch (files, folders, .jsonl files) with its store (BATCH.annorev.sqlite
    // beside it unless storePath is given); the window stays responsive meanwhile. Once the store
    // is up to date the window shows the batch and the document the reviewer had open last
    // time, or the first; on failure the batch shown before stays and the reason is shown.
    // batchOpened() says which, from the event loop, or before this returns when nothing given
    // can be opened.
    void openBatch(const QStringList &inputs, const QString &storePath = {});
    // Makes a document of the batch current; false when the batch has no such document.
    bool showDocumentWithId(const QString &id);

    // For tests and the benchmark: what the window works on.
    ReviewSession *session() const { return m_session.get(); }
    QString storePath() const;
    QString currentDocumentId() const;
    QAction *action(const QString &name) const;

Q_SIGNALS:
    void batchOpened(bool opened);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createParts();
    void connectActions();
    void restoreSettings();
    void saveSettings() const;

    void openFiles();
    void openFolder();
    void openTeamBatch();
    // Syncs the local batch shown with its files again; the session and its undo history stay.
    void reloadBatch();
    // Review › Next for Me: claims the next document nobody holds and shows it.
    void nextForMe();
    // Another window, process or team member changed these documents in the store (the team
    // store's server announced them, or StoreWatch saw them): the list reads their rows again, and
    // the document shown is shown as the store has it now. Documents a sync added to the batch or
    // found gone from it, or more than relistAbove at once, have the whole list read again.
    void documentsChangedElsewhere(const QStringList &ids);
    // A sync elsewhere put the batch's documents in another order: the list is read again.
    void batchReorderedElsewhere();
    // Reads from the store how far these documents' suggestions and spans differ, for the list.
    void refreshDisagreements(const QStringList &ids);
    QString changedByMessage(const QString &id) const;
    // Reads the shown document from the store again (its undo steps go if its text changed) and
    // says why.
    void reopenShownDocument(const QString &message);
    void batchReady();
    void batchFailed(const QString &error);
    // Lets go of the batch's session and store, remembering where the reviewer was.
    void releaseStore();
    // Lets go of the batch shown, and of its store; the text pane shows the placeholder.
    // The shown batch's own store is being synced by the opener: the batch stays shown, read-only.
    void holdForSync();
    // The sync failed or was canceled: the batch shown is writable again.
    void endHoldForSync();
    void startSession(const QString &reviewer);

    void exportBatch();
    // Edit › Tag All Occurrences…, from the selection in the text.
    void tagAll();
    void fixEverywhere(const QString &rule);
    // The session wrote these documents at once (Tag All, its undo and redo): their rows follow.
    void documentsWritten(const QList<ReviewStore::TextWrite> &writes);
    void editReviewerName();
    void showDashboard();

    void documentPicked(const QString &id);
    // Opens the document in the session and shows it with its note; false (and says why) when the
    // store cannot give it.
    bool openDocument(const QString &id);
    void scheduleRefresh();
    void refresh();
    void refreshResult(bool showFindings);
    void updateSaveState();
    void clearDocument(const QString &placeholder);
    void updateTitle();
    void updateActions();
    // A refusal or failure: in the status bar and by the text, where the reviewer is looking.
    void showError(const QString &message);
    void showMessage(const QString &message);
    void setStatus(ReviewStatus status);
    void moveToNextUnreviewed();

    const Schema &m_schema;
    Checker m_checker;
    // After the checker, which its worker uses: it goes first, waiting for the worker.
    std::unique_ptr<BatchOpener> m_opener;
    std::unique_ptr<ReviewStore> m_store;
    std::unique_ptr<ReviewSession> m_session;
    QStringList m_batch;
    QStringList m_opening; // the inputs being opened

    DocumentListPanel *m_list = nullptr;
    ReviewPane *m_review = nullptr;
    SpotCheckMode *m_spotCheck = nullptr;
    CompareMode *m_compare = nullptr;
    WindowActions *m_actions = nullptr;
    RecentBatches *m_recent = nullptr;
    TeamPresence *m_team = nullptr;
    StoreWatch *m_watch = nullptr;
    BatchFilesWatch *m_filesWatch = nullptr;
    FilesChangedBar *m_filesChanged = nullptr;
    QSplitter *m_outerSplitter = nullptr;
    QLabel *m_saveLabel = nullptr;
    QTimer *m_refreshTimer = nullptr;
    OpenProgress *m_openProgress = nullptr;
    OpenBatchFeedback *m_feedback = nullptr;
};

} // namespace annorev
