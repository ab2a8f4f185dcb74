#pragma once

#include "checker.h"
#include "document.h"
#include "expected.h"
#include "pendingedit.h"
#include "reviewstatus.h"
#include "reviewstore.h"
#include "spanedit.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <deque>
#include <memory>
#include <optional>

class QUndoGroup;
class QUndoStack;

namespace annorev {

class Schema;
class SessionWriter;

// The editing core of the reviewer window, which holds no data of its own: one document at a
// time, every edit an undo step that is written to the store (undo and redo included, so the
// audit log shows them), and the findings recomputed after every change.
//
// An edit, undo or redo changes document() at once and emits documentChanged(); checking the new
// text and writing it to the store happen on a writer thread, in the order the steps were made,
// so that a long document does not hold up the window. result() then still belongs to the
// previous text (isChecked() is false: its span and finding indexes refer to that text) until
// resultChanged(); isSaving() says whether steps wait to be written.
//
// Each document keeps its own undo stack for the life of the session (one QUndoGroup, whose active
// stack is the open document's), so that switching documents and coming back keeps the history
// and an undo always applies to the document it was made in.
//
// The session and the store never disagree once the session is idle: a write that fails is not
// retried and the steps after it are not written; the session reports errorOccurred(), goes back
// to the store's version of the document and forgets its undo steps, which no longer describe it.
class ReviewSession final : public QObject
{
    Q_OBJECT

public:
    ReviewSession(ReviewStore &store, const Schema &schema, const Checker &checker, const QString &reviewer,
                  QObject *parent = nullptr);
    // Writes what is still pending first; a write that fails then is only logged.
    ~ReviewSession() override;
    Q_DISABLE_COPY_MOVE(ReviewSession)

    // Loads the reviewer's version of a document, checked, once the previous document's pending
    // writes are done, and makes its undo stack the active one. The stack keeps the steps made
    // earlier in the session unless the store's text changed since (another process edited it):
    // then the steps no longer describe it and are dropped.
    Expected<void> open(const QString &id);

    // Applies edits as one undo step named description and queues its write; a write that fails
    // later is reported by errorOccurred(). Edits the editor refuses push nothing and return its
    // reason.
    Expected<void> apply(const QList<SpanEdit> &edits, const QString &description);

    // [start, end) is widened to whole words first unless snap is false.
    Expected<void> tag(const QString &label, qsizetype start, qsizetype end, bool snap = true);
    Expected<void> untag(qsizetype spanIndex);
    Expected<void> relabel(qsizetype spanIndex, const QString &newLabel);
    // Replaces the span's text and keeps its tags around the new text.
    Expected<void> setSpanText(qsizetype spanIndex, const QString &newText);
    // A finding's suggested fix, as one undo step named after it. findingIndex counts in the
    // result of the current document: when result() is not checked yet this waits for it
    // (waitForSaved()), and refuses if the pending writes fail.
    Expected<void> applyFix(qsizetype findingIndex);
    // Assigns a span to a record (counted from 1) with a record="N" attribute; 0 removes it.
    Expected<void> moveToRecord(qsizetype spanIndex, int recordNumber);

    // Writes new texts of several documents at once (Tag All), in one transaction with an audit row
    // each, and pushes one undo step on the open document's stack whose undo writes them all back,
    // in one transaction too. Each document must still hold the text its write was planned on (see
    // ReviewStore::setTaggedTexts), or nothing is written. Pending writes are waited for first. The
    // open document, when among them, shows its new text; documentsWritten() follows.
    Expected<void> applyToDocuments(const QList<ReviewStore::TextWrite> &writes, const QString &description);
    // applyToDocuments() in two halves, for a caller that writes the texts on a worker thread with
    // a store connection of its own, so that a long transaction does not hold the window:
    // readyForBulkWrite() first (the open document's own steps saved), then, once the worker's
    // ReviewStore::setTaggedTexts() has succeeded, bulkWritten(), which does the rest of what
    // applyToDocuments() does: the open document shows its new text, documentsWritten() follows
    // and the step goes on the undo stack.
    Expected<void> readyForBulkWrite();
    void bulkWritten(const QList<ReviewStore::TextWrite> &writes, const QString &description);

    // Waits for the pending writes first, so that the decision (and the store's check that an
    // approval with error findings has a note) is about the latest text; refuses if they fail.
    Expected<void> setStatus(ReviewStatus status, const QString &note);

    // Blocks, without an event loop, until every pending step is written or has failed, or msecs
    // pass (-1: no limit), then delivers what the writer reported: resultChanged() if the final
    // check belongs to document(), and a failure's errorOccurred() and revert. False when a write
    // failed during the wait or steps are still pending.
    bool waitForSaved(int msecs = -1);
    bool isSaving() const { return !m_pending.empty(); }

    // The reviewer's change the store last refused (another process or member changed the document
    // first, or the store could not be written), kept after the revert to the store's version.
    const std::optional<PendingEdit> &unsavedEdit() const { return m_unsaved; }
    // Makes the refused change again on the document as the store has it now, as one undo step; the
    // open document must be the one it was made on. Refuses, keeping it, when it cannot be placed
    // (see PendingEdit::editsOn()).
    Expected<void> reapplyUnsavedEdit();
    void dropUnsavedEdit();

    // Who the next edits and decisions are recorded under.
    void setReviewer(const QString &reviewer) { m_reviewer = reviewer; }
    const QString &reviewer() const { return m_reviewer; }

    // The open document's model suggestions (`annorev suggest`) that wait for a decision and still
    // fit its text (what they covered when imported is still there), by position. Read from the
    // store when the document opens; a team store keeps none.
    QList<Suggestion> pendingSuggestions() const;
    // Accept tags the suggestion's span as an ordinary undoable edit (nothing to tag when the
    // document has that span already), then records the decision; undoing the edit keeps the
    // decision, as the audit log does. Reject records the decision and changes no text. Both
    // refuse a suggestion that is not among pendingSuggestions(); suggestionsChanged() follows either.
    Expected<void> acceptSuggestion(qint64 id);
    Expected<void> rejectSuggestion(qint64 id);

    const QString &documentId() const { return m_id; }
    // The open document's version in the store after this session's last write, or as opened: a
    // store holding a later one was changed by someone else.
    qint64 storeVersion() const { return m_writtenVersion; }
    // The open document's review status. An edit (undo and redo included) of an approved or
    // rejected document makes it unreviewed at once, as the store does when it writes the edit.
    ReviewStatus status() const { return m_status; }
    const Document &document() const { return m_document; }
    // The findings and analysis of document() when isChecked(), else of an earlier version.
    const CheckResult &result() const { return m_result; }
    bool isChecked() const { return m_resultVersion == m_version; }
    // The open document's undo stack (an empty one before any document is open).
    QUndoStack *undoStack() const { return m_undoStack; }
    // Every document's stack; its active stack is undoStack() and its signals follow the switch.
    QUndoGroup *undoGroup() const { return m_undoGroup; }

Q_SIGNALS:
    // document() changed: after open(), every edit, undo and redo, and a revert after a failed
    // write. Emitted before the call that changed it returns.
    void documentChanged();
    // result() now belongs to document(): in open() and a revert before they return, and after an
    // edit when the writer's check of the latest text arrives. Checks of texts that were replaced
    // in the meantime are dropped.
    void resultChanged();
    // isSaving() changed: true when a step is queued with none pending, false when the last one
    // is written or given up.
    void savingChanged(bool saving);
    // status() changed: a decision, or an edit that undid one.
    void statusChanged(ReviewStatus status);
    void errorOccurred(const QString &message);
    // unsavedEdit() changed.
    void unsavedEditChanged();
    // applyToDocuments(), or its undo or redo, wrote these documents' texts (and facts) to the store.
    void documentsWritten(const QList<ReviewStore::TextWrite> &writes);
    // pendingSuggestions() changed: another document, or a decision.
    void suggestionsChanged();

private:
    friend class SessionEditCommand;

    // The suggestion of pendingSuggestions() with that id, if it is one.
    std::optional<Suggestion> pendingSuggestion(qint64 id) const;
    Expected<void> decideSuggestion(qint64 id, SuggestionState decision);
    friend class BulkEditCommand;

    // A step made in memory whose write the writer has not reported yet.
    struct PendingStep
    {
        quint64 version = 0;
        QString description;
        Document document;
    };

    // The undo stack's way in: makes `to` the document and queues its write. what names the step
    // in an error message. id is the document the step belongs to, which is always the open one:
    // only its stack is active.
    void change(const QString &id, const Document &from, const Document &to, const QString &what);
    void setCurrentStatus(ReviewStatus status);
    // The write of applyToDocuments() and of its undo and redo steps.
    Expected<void> writeDocuments(const QList<ReviewStore::TextWrite> &writes);
    // After a bulk write: the open document, when written, shows its new text.
    void showWritten(const QList<ReviewStore::TextWrite> &writes);
    // Takes the writer's outcomes in order; the writer calls it through the event loop.
    void deliverOutcomes();
    // After a failed write: the lost steps are named, the store's version comes back.
    void revert(const QString &storeError);
    // A new version of the document, checked on this thread.
    void show(Document document);
    Expected<void> checkSpan(qsizetype spanIndex) const;

    ReviewStore &m_store;
    const Schema &m_schema;
    const Checker &m_checker;
    QString m_reviewer;
    QString m_id;
    ReviewStatus m_status = ReviewStatus::Unreviewed;
    QList<Suggestion> m_suggestions; // the open document's pending ones, as the store gave them
    Document m_document;
    // Every change of m_document is a new version; m_resultVersion is the one m_result is for.
    quint64 m_version = 0;
    CheckResult m_result;
    quint64 m_resultVersion = 0;
    // The last text the store is known to hold, should reading it back fail.
    Document m_saved;
    std::deque<PendingStep> m_pending;
    // Bumped by each revert, so that the writer skips the steps made on top of a lost one.
    quint64 m_generation = 0;
    // The store's version of the document as opened, or as last decided on here: what the
    // writer's steps are made on (SessionWriter::Step::basis).
    qint64 m_storeVersion = 0;
    // The version the store holds after this session's last write: what a decision is made on.
    qint64 m_writtenVersion = 0;
    qsizetype m_failures = 0;
    std::optional<PendingEdit> m_unsaved;
    // Set while an undo step is being applied: a revert then would clear the stack under it.
    bool m_changing = false;
    bool m_deliveryDeferred = false;
    QUndoGroup *m_undoGroup = nullptr;
    QUndoStack *m_undoStack = nullptr; // the open document's, owned by the session
    QHash<QString, QUndoStack *> m_undoStacks;
    // A document's tagged text when the session left it, to tell whether its stack still fits.
    QHash<QString, QByteArray> m_leftText;
    std::unique_ptr<SessionWriter> m_writer;
};

} // namespace annorev
