#pragma once

#include "checker.h"
#include "document.h"
#include "reviewstatus.h"
#include "spanedit.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

class QUndoStack;

namespace annorev {

class ReviewStore;
class Schema;

// The editing core of the reviewer window, which holds no data of its own: one document at a
// time, every edit an undo step that is written to the store as it is done (undo and redo
// included, so the audit log shows them), and the findings recomputed after every change.
//
// The session and the store never disagree: a store write that fails leaves both as they were,
// reports errorOccurred() and drops the step from the undo stack rather than keep a step that
// was never saved.
class ReviewSession final : public QObject
{
    Q_OBJECT

public:
    ReviewSession(ReviewStore &store, const Schema &schema, const Checker &checker, const QString &reviewer,
                  QObject *parent = nullptr);
    ~ReviewSession() override;
    Q_DISABLE_COPY_MOVE(ReviewSession)

    // Loads the reviewer's version of a document and forgets the previous document's undo steps.
    bool open(const QString &id, QString *error);

    // Applies edits as one undo step named description. Edits the editor refuses push nothing.
    bool apply(const QList<SpanEdit> &edits, const QString &description, QString *error);

    // [start, end) is widened to whole words first unless snap is false.
    bool tag(const QString &label, qsizetype start, qsizetype end, QString *error, bool snap = true);
    bool untag(qsizetype spanIndex, QString *error);
    bool relabel(qsizetype spanIndex, const QString &newLabel, QString *error);
    // Replaces the span's text and keeps its tags around the new text.
    bool setSpanText(qsizetype spanIndex, const QString &newText, QString *error);
    // A finding's suggested fix, as one undo step named after it.
    bool applyFix(qsizetype findingIndex, QString *error);
    // Assigns a span to a record (counted from 1) with a record="N" attribute; 0 removes it.
    bool moveToRecord(qsizetype spanIndex, int recordNumber, QString *error);

    bool setStatus(ReviewStatus status, const QString &note, QString *error);
    // The first unreviewed document after the current one in batch order, wrapping around.
    std::optional<QString> nextUnreviewed() const;

    // Who the next edits and decisions are recorded under.
    void setReviewer(const QString &reviewer) { m_reviewer = reviewer; }
    const QString &reviewer() const { return m_reviewer; }

    const QString &documentId() const { return m_id; }
    const Document &document() const { return m_document; }
    const CheckResult &result() const { return m_result; }
    QUndoStack *undoStack() const { return m_undoStack; }

Q_SIGNALS:
    void documentChanged();
    void errorOccurred(const QString &message);

private:
    friend class SessionEditCommand;

    // Writes `to` to the store if the session holds `from`; on success the session holds `to`.
    bool write(const Document &from, const Document &to);
    bool checkSpan(qsizetype spanIndex, QString *error) const;

    ReviewStore &m_store;
    const Schema &m_schema;
    const Checker &m_checker;
    QString m_reviewer;
    QString m_id;
    Document m_document;
    CheckResult m_result;
    QUndoStack *m_undoStack = nullptr;
    QString m_lastWriteError;
};

} // namespace annorev
