#pragma once

#include "document.h"

#include <QUndoCommand>

namespace annorev {

class ReviewSession;

// One undo step of a ReviewSession: the whole document before and after, so that undo and redo
// write exact bytes back rather than invert edits. A step whose write fails makes itself
// obsolete, and QUndoStack then drops it.
class SessionEditCommand final : public QUndoCommand
{
public:
    SessionEditCommand(ReviewSession &session, Document before, Document after, const QString &description);
    Q_DISABLE_COPY_MOVE(SessionEditCommand)

    void redo() override;
    void undo() override;

private:
    ReviewSession &m_session;
    Document m_before;
    Document m_after;
};

} // namespace annorev
