#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QAction;
class QLabel;
class QMenu;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QTransposeProxyModel;

namespace annorev {

class EmptyViewNotice;
class FindingListModel;
class InlineMessage;
class SuggestionNavigator;
class UnsavedChangeBar;
class RecordTableModel;
class ReviewSession;
class Schema;
class SourceView;

// The centre of the window: the open document's text with its spans (and the label buttons and
// a line for refusals above it), its records beside it and its findings below, kept in step with
// each other (the span at the cursor is the current record cell, a finding picked is selected in
// the text). Edits made here (tagging, removing, relabelling, moving spans, a record value, a
// fix) go to the session; what the pane shows is what the session says.
class ReviewPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewPane)

public:
    explicit ReviewPane(const Schema &schema, QWidget *parent = nullptr);

    // The session of the batch shown, or none; the pane shows nothing of it until showDocument().
    void setSession(ReviewSession *session);
    // What the context menus offer beside the span actions; the tag actions also make the legend.
    void setActions(const QList<QAction *> &tag, const QList<QAction *> &exactTag, QAction *rawSource,
                    QAction *applyFix, QAction *fixEverywhere);

    // The session's document: its text and spans at once, its findings too when they are checked.
    void showDocument();
    // The session's check of the document shown: records and findings.
    void showResult(bool showFindings);
    void clear(const QString &placeholder);
    // The document the pane shows; empty when none.
    const QString &shownId() const { return m_shownId; }
    bool isEditable() const;
    // Someone else holds the document shown (a claim in a team batch): it is shown read-only with
    // this banner until it is cleared with an empty one or another document is shown.
    void setHeldBy(const QString &banner);
    bool isHeld() const { return !m_heldBy.isEmpty(); }
    // The store cannot be reached (a team batch's server went away): the document is shown
    // read-only under this banner until it is cleared with an empty one.
    void setUnreachable(const QString &banner);
    bool isUnreachable() const { return !m_unreachable.isEmpty(); }
    // The batch's files are being brought into its store by another connection: the batch stays
    // shown read-only under this banner, so that no edit waits on that write, until it is cleared.
    void setSyncing(const QString &banner);
    bool isSyncing() const { return !m_syncing.isEmpty(); }
    // Held, out of reach or syncing: nothing is written while the pane says why.
    bool isWritable() const { return m_heldBy.isEmpty() && m_unreachable.isEmpty() && m_syncing.isEmpty(); }
    // A refusal or failure, by the text where the reviewer is looking.
    void showMessage(const QString &message);
    void hideMessage();

    void tagSelection(int labelIndex, bool snap);
    void removeSpanAtCursor();
    void applySelectedFix();
    // Asks for the fix of the finding Apply Fix works on across the batch (fixEverywhereRequested),
    // or says why there is none.
    void fixSelectedEverywhere();
    // The span at the cursor, or the current record cell's while the records have focus; -1.
    qsizetype spanForEditing() const;
    // A record value being typed in is committed (the window is closing).
    void commitEdits();
    // A record value is being committed: the session's change must not reset the records now.
    bool isCommittingCell() const { return m_committingCell; }

    SourceView *sourceView() const { return m_sourceView; }
    QTableView *recordView() const { return m_recordView; }
    QTableView *findingView() const { return m_findingView; }
    QSplitter *centreSplitter() const { return m_centreSplitter; }
    QSplitter *textSplitter() const { return m_textSplitter; }

Q_SIGNALS:
    void errorOccurred(const QString &message);
    // What a key in the text did, for the status bar (which suggestion Tab selected, what Enter
    // accepted): not a refusal, so not the notice above the text.
    void statusMessage(const QString &message);
    // Apply This Fix Everywhere on the finding Apply Fix works on: the window opens the dialog.
    void fixEverywhereRequested(const QString &rule);
    // The cursor, the selection or the current finding moved: what the actions apply to changed.
    void editTargetChanged();

private:
    // The finding Apply Fix works on, as an index into the check result: the findings list's
    // current one while the list has focus, else the one at the text cursor. -1 and why not.
    qsizetype findingToFix(QString *why) const;
    void removeSpan(qsizetype span);
    // What the span context menus' Change Label To does.
    void relabelSpan(qsizetype span, const QString &label);
    void moveSpanToRecord(qsizetype span, int record);
    void syncRecordCellToCursor();
    void selectSpanOfRecordCell(const QModelIndex &proxyIndex);
    void selectFinding(const QModelIndex &proxyIndex);
    QString spanToolTip(qsizetype position) const;
    void showTextMenu(const QPoint &position);
    void showRecordMenu(const QPoint &position);
    void showFindingMenu(const QPoint &position);
    void addSpanActions(QMenu *menu, qsizetype span);
    // What setHeldBy(), setUnreachable() and setSyncing() share: the record cells and the banners follow.
    void updateReadOnly();

    const Schema &m_schema;
    ReviewSession *m_session = nullptr;
    QString m_shownId;
    QString m_heldBy;
    QString m_unreachable;
    QString m_syncing;
    bool m_syncingSelection = false;
    bool m_committingCell = false;
    bool m_resizeRecords = false; // a new document's records are laid out when they arrive

    RecordTableModel *m_records = nullptr;
    QTransposeProxyModel *m_recordTranspose = nullptr;
    FindingListModel *m_findings = nullptr;
    QSortFilterProxyModel *m_findingProxy = nullptr;

    SourceView *m_sourceView = nullptr;
    InlineMessage *m_message = nullptr;
    QLabel *m_heldBanner = nullptr;
    QLabel *m_unreachableBanner = nullptr;
    QLabel *m_syncingBanner = nullptr;
    UnsavedChangeBar *m_unsaved = nullptr;
    SuggestionNavigator *m_suggestions = nullptr;
    QTableView *m_recordView = nullptr;
    QTableView *m_findingView = nullptr;
    EmptyViewNotice *m_recordNotice = nullptr;
    EmptyViewNotice *m_findingNotice = nullptr;
    QSplitter *m_textSplitter = nullptr;
    QSplitter *m_centreSplitter = nullptr;

    QList<QAction *> m_tagActions;
    QList<QAction *> m_exactTagActions;
    QAction *m_rawSourceAction = nullptr;
    QAction *m_applyFixAction = nullptr;
    QAction *m_fixEverywhereAction = nullptr;
};

} // namespace annorev
