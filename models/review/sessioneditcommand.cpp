#include "sessioneditcommand.h"

#include "reviewsession.h"

#include <utility>

namespace annorev {

SessionEditCommand::SessionEditCommand(ReviewSession &session, QString documentId, Document before, Document after,
                                       const QString &description)
    : QUndoCommand(description), m_session(session), m_documentId(std::move(documentId)), m_before(std::move(before)),
      m_after(std::move(after))
{
}

void SessionEditCommand::redo()
{
    m_session.change(m_documentId, m_before, m_after, m_done ? tr("redo of %1").arg(text()) : text());
    m_done = true;
}

void SessionEditCommand::undo()
{
    m_session.change(m_documentId, m_after, m_before, tr("undo of %1").arg(text()));
}

} // namespace annorev
