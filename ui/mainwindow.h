#pragma once

#include "checker.h"
#include "reviewstatus.h"

#include <QList>
#include <QMainWindow>
#include <QStringList>

#include <memory>
#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSplitter;
class QTableView;
class QTimer;
class QTransposeProxyModel;
class QSortFilterProxyModel;
class QTreeView;

namespace annorev {

class ComparePanel;
class InlineMessage;
class DocumentFilterBar;
class EmptyViewNotice;
class SpotCheckPanel;
class DocumentFilterProxyModel;
class DocumentListModel;
class FindingListModel;
class RecordTableModel;
class ReviewSession;
class ReviewStore;
class Schema;
class SourceView;

// The reviewer's window: the batch's documents (left), the current document's text with its
// spans highlighted (centre), its records (right) and findings (bottom). It holds no data of its
// own: every edit and decision goes through the ReviewSession into the batch's store, and the
// views show what the store and the checker say.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    static constexpr int MaxRecentBatches = 10;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the batch (files, folders, .jsonl files) with its store (BATCH.annorev.sqlite beside
    // it unless storePath is given), brings the store up to date and shows the first document,
    // or the one the reviewer had open last time. On failure the batch shown before stays and the
    // reason is shown; returns whether the batch opened.
    bool openBatch(const QStringList &inputs, const QString &storePath = {});
    // Makes a document of the batch current; false when the batch has no such document.
    bool showDocumentWithId(const QString &id);

    // For tests and the benchmark: what the window works on.
    ReviewSession *session() const { return m_session.get(); }
    QString storePath() const;
    QString currentDocumentId() const;
    QAction *action(const QString &name) const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createModels();
    void createWidgets();
    void createActions();
    void createMenus();
    void restoreSettings();
    void saveSettings() const;

    void openFiles();
    void openFolder();
    void fillRecentMenu();
    void rememberBatch(const QStringList &paths);
    void exportBatch();
    void editReviewerName();
    void showShortcuts();
    void showAbout();
    void showDashboard();
    void compareWith();
    void createSpotCheckPanel(const QString &reviewer);
    void roundSelected(const QString &name, const QStringList &ids);
    // The Check column of spot-check mode, and the list's minimum width with it.
    void showJudgementColumn(bool shown);
    void updateSpotCheckActions();

    void documentSelected(const QModelIndex &proxyIndex);
    void scheduleRefresh();
    void refresh();
    void refreshResult(bool showFindings);
    void updateSaveState();
    void clearDocument(const QString &placeholder);
    void updateProgress();
    void updateSummary();
    void updateTitle();
    void updateActions();
    // A refusal or failure: in the status bar and by the text, where the reviewer is looking.
    void showError(const QString &message);
    // The note field marked as what a refused approval needs, until it is typed in or the
    // document changes.
    void setNoteAttention(bool attention);

    void tagSelection(int labelIndex, bool snap);
    void removeSpanAtCursor();
    void relabelSpanAtCursor(int labelIndex);
    void moveSpanToRecord(qsizetype span, int record);
    void applySelectedFix();
    // The finding Apply Fix works on, as an index into the check result: the findings list's
    // current one while the list has focus, else the one at the text cursor. -1 and why not.
    qsizetype findingToFix(QString *why) const;
    void setStatus(ReviewStatus status);
    void moveBy(int step);
    void moveToNextUnreviewed();

    qsizetype spanForEditing() const; // the span at the cursor, or the current record cell's
    void syncRecordCellToCursor();
    void selectSpanOfRecordCell(const QModelIndex &proxyIndex);
    void selectFinding(const QModelIndex &proxyIndex);
    QString spanToolTip(qsizetype position) const;
    void showTextMenu(const QPoint &position);
    void showRecordMenu(const QPoint &position);
    void showFindingMenu(const QPoint &position);
    void addSpanActions(QMenu *menu, qsizetype span);

    const Schema &m_schema;
    Checker m_checker;
    std::unique_ptr<ReviewStore> m_store;
    std::unique_ptr<ReviewSession> m_session;
    QStringList m_batch;
    QString m_shownId; // the document the views show
    int m_totalErrors = 0;
    int m_totalWarnings = 0;
    bool m_syncingSelection = false;
    bool m_deferRefresh = false;
    bool m_resizeRecords = false; // a new document's records are laid out when they arrive

    DocumentListModel *m_documents = nullptr;
    DocumentFilterProxyModel *m_documentProxy = nullptr;
    RecordTableModel *m_records = nullptr;
    QTransposeProxyModel *m_recordTranspose = nullptr;
    FindingListModel *m_findings = nullptr;
    QSortFilterProxyModel *m_findingProxy = nullptr;

    DocumentFilterBar *m_filterBar = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QTreeView *m_documentView = nullptr;
    SourceView *m_sourceView = nullptr;
    QTableView *m_recordView = nullptr;
    QTableView *m_findingView = nullptr;
    QLineEdit *m_noteEdit = nullptr;
    QAction *m_noteNeeded = nullptr; // the note field's warning sign
    InlineMessage *m_message = nullptr;
    EmptyViewNotice *m_recordNotice = nullptr;
    EmptyViewNotice *m_findingNotice = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QLabel *m_saveLabel = nullptr;
    QSplitter *m_outerSplitter = nullptr;
    QSplitter *m_centreSplitter = nullptr;
    QSplitter *m_textSplitter = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QDockWidget *m_spotCheckDock = nullptr;
    SpotCheckPanel *m_spotCheck = nullptr; // one per batch: it works on the batch's store
    QDockWidget *m_compareDock = nullptr;
    ComparePanel *m_compare = nullptr;

    QMenu *m_recentMenu = nullptr;
    QList<QAction *> m_tagActions;      // one per schema label, in schema order
    QList<QAction *> m_exactTagActions; // the same without snapping to words
    QList<QMenu *> m_menus;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_removeSpanAction = nullptr;
    QAction *m_applyFixAction = nullptr;
    QAction *m_approveAction = nullptr;
    QAction *m_needsWorkAction = nullptr;
    QAction *m_rejectAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_rawSourceAction = nullptr;
    QAction *m_passAction = nullptr;
    QAction *m_failAction = nullptr;
    QAction *m_drawRoundAction = nullptr;
    QAction *m_dashboardAction = nullptr;
    QList<QAction *> m_documentActions; // enabled only while a document is shown
};

} // namespace annorev
