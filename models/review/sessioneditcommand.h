#pragma once

#include "document.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace annorev {

class ReviewSession;

// One undo step of a ReviewSession: the whole document before and after, so that undo and redo
// write exact bytes back rather than invert edits. Applying it only changes the session's
// document; the session writes it to the store in the background.
class SessionEditCommand final : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(SessionEditCommand)

public:
    SessionEditCommand(ReviewSession &session, QString documentId, Document before, Document after,
                       const QString &description);
    Q_DISABLE_COPY_MOVE(SessionEditCommand)

    void redo() override;
    void undo() override;

private:
    ReviewSession &m_session;
    QString m_documentId;
    Document m_before;
    Document m_after;
    bool m_done = false; // redo() after the first one is the user's redo
};

} // namespace annorev
