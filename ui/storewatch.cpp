#include "storewatch.h"

#include "reviewstore.h"

#include <QTimer>

namespace annorev {

StoreWatch::StoreWatch(QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &StoreWatch::poll);
}

void StoreWatch::setStore(ReviewStore *store)
{
    m_timer->stop();
    if (!m_problem.isEmpty()) {
        m_problem.clear();
        Q_EMIT reachable();
    }
    m_mark = ReviewStore::noMark;
    m_store = store;
    if (!m_store) {
        return;
    }
    // What is in the store now is what the window reads as it opens: only later changes count.
    m_timer->setInterval(normalInterval());
    m_timer->start();
    poll();
}

bool StoreWatch::isWatching() const
{
    return m_timer->isActive();
}

void StoreWatch::setPaused(bool paused)
{
    if (!m_store || paused == !m_timer->isActive()) {
        return;
    }
    if (paused) {
        m_timer->stop();
    } else {
        m_timer->start();
        poll();
    }
}

int StoreWatch::normalInterval() const
{
    return m_store && m_store->team() ? teamIntervalMs : localIntervalMs;
}

void StoreWatch::poll()
{
    if (!m_store) {
        return;
    }
    const Expected<ReviewStore::Changes> changes = m_store->changesSince(m_mark);
    if (!changes) {
        if (m_problem.isEmpty()) {
            m_problem = changes.error().message;
            m_timer->setInterval(std::min(retryIntervalMs, normalInterval()));
            Q_EMIT unreachable(m_problem);
        } else {
            m_timer->setInterval(std::min(2 * m_timer->interval(), maxRetryIntervalMs));
        }
        return;
    }
    // A team store's server has announced what changed while it could be heard (TeamPresence):
    // only what changed while it could not is news here.
    const bool back = !m_problem.isEmpty();
    if (back) {
        m_problem.clear();
        m_timer->setInterval(normalInterval());
        Q_EMIT reachable();
    }
    const bool first = m_mark == ReviewStore::noMark;
    const bool announced = m_store->team() != nullptr && !back;
    m_mark = changes->mark;
    if (!first && !announced && !changes->ids.isEmpty()) {
        Q_EMIT documentsChanged(changes->ids);
    }
    if (!first && changes->reordered) {
        Q_EMIT batchReordered();
    }
}

} // namespace annorev
