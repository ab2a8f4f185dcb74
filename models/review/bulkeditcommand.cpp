#include "bulkeditcommand.h"

#include "reviewsession.h"
#include "schema.h"
#include "textfacts.h"

#include <QtConcurrent>

#include <utility>

namespace annorev {

BulkEditCommand::BulkEditCommand(ReviewSession &session, QList<ReviewStore::TextWrite> writes,
                                 const QString &description)
    : QUndoCommand(description), m_session(session), m_writes(std::move(writes))
{
}

void BulkEditCommand::redo()
{
    if (std::exchange(m_done, true)) {
        write(m_writes, tr("redo of %1").arg(text()));
    }
}

void BulkEditCommand::undo()
{
    if (m_reverse.isEmpty()) {
        const Schema &schema = m_session.m_schema;
        const Checker &checker = m_session.m_checker;
        const std::function<ReviewStore::TextWrite(const ReviewStore::TextWrite &)> reverse =
            [&](const ReviewStore::TextWrite &write) {
                return ReviewStore::TextWrite{write.id, write.after, write.before,
                                              TextFacts::of(write.before, schema, checker)};
            };
        m_reverse = QtConcurrent::blockingMapped(m_writes, reverse);
    }
    write(m_reverse, tr("undo of %1").arg(text()));
}

void BulkEditCommand::write(const QList<ReviewStore::TextWrite> &writes, const QString &what)
{
    if (const Expected<void> written = m_session.writeDocuments(writes); !written) {
        setObsolete(true);
        Q_EMIT m_session.errorOccurred(tr("Not saved: %1 (%2).").arg(what, written.error().message));
    }
}

} // namespace annorev
