#include "sessioneditcommand.h"

#include "reviewsession.h"

#include <utility>

namespace annorev {

SessionEditCommand::SessionEditCommand(ReviewSession &session, Document before, Document after,
                                       const QString &description)
    : QUndoCommand(description), m_session(session), m_before(std::move(before)), m_after(std::move(after))
{
}

void SessionEditCommand::redo()
{
    if (!m_session.write(m_before, m_after)) {
        setObsolete(true);
    }
}

void SessionEditCommand::undo()
{
    if (!m_session.write(m_after, m_before)) {
        setObsolete(true);
    }
}

} // namespace annorev
