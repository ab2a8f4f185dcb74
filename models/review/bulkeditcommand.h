#pragma once

#include "reviewstore.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace annorev {

class ReviewSession;

// One undo step of a ReviewSession that changed many documents at once (Tag All): undo writes
// every document's text back, redo writes the new ones again, each in one transaction. A write
// the store refuses (someone changed a document since) leaves the documents as they are, reports
// the error and drops the step, which no longer describes them.
class BulkEditCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(BulkEditCommand)

public:
    // The writes are already made: the first redo() does nothing.
    BulkEditCommand(ReviewSession &session, QList<ReviewStore::TextWrite> writes, const QString &description);
    Q_DISABLE_COPY_MOVE(BulkEditCommand)

    void redo() override;
    void undo() override;

private:
    void write(const QList<ReviewStore::TextWrite> &writes, const QString &what);

    ReviewSession &m_session;
    QList<ReviewStore::TextWrite> m_writes;
    QList<ReviewStore::TextWrite> m_reverse; // made at the first undo: its facts cost a check each
    bool m_done = false;
};

} // namespace annorev
