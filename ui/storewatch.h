#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QTimer;

namespace annorev {

class ReviewStore;

// Tells the window what changed in the store of the batch it shows without it, and whether the
// store can be reached at all.
//
// A local store is asked twice a second what other processes changed (a second window, `annorev
// mark` or `import` on the same SQLite file): SQLite tells nobody, and ReviewStore::changesSince()
// is one PRAGMA when nothing changed. A team store's server announces its changes (TeamPresence
// listens), so it is asked every few seconds only: to see that the server is still there, and to
// catch up on what the notifications missed while it was not.
//
// A store that cannot be asked is unreachable() until it can be again; meanwhile it is asked after
// retryIntervalMs, then twice as long each time up to maxRetryIntervalMs: soon back with a server
// that restarts, and not held up for long at each try by a host that does not answer (each try
// waits up to the connection's connect_timeout on the window's thread).
class StoreWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreWatch)

public:
    static constexpr int localIntervalMs = 500;
    static constexpr int teamIntervalMs = 5000;
    static constexpr int retryIntervalMs = 2000;
    static constexpr int maxRetryIntervalMs = 30000;

    explicit StoreWatch(QObject *parent = nullptr);

    // The store of the batch shown, or none.
    void setStore(ReviewStore *store);
    bool isWatching() const;
    // Stops asking while another connection writes the store in one long transaction (a sync of
    // the batch's files); resuming asks at once, from where it left off, so nothing is missed.
    void setPaused(bool paused);
    bool isReachable() const { return m_problem.isEmpty(); }
    // Asks the store now rather than at the next tick.
    void poll();

Q_SIGNALS:
    // Documents whose text, decision or source flags changed since the last poll, this window's
    // own writes among them (its writer has a connection of its own). For a team store, only
    // those changed while it could not be reached: its notifications tell of the others.
    void documentsChanged(const QStringList &ids);
    // A sync by another process put the batch's documents in another order (ReviewStore::Changes):
    // no document changed, but the list is out of order. A team store's server announces it.
    void batchReordered();
    // The store could not be asked, and why; said once until it can be again.
    void unreachable(const QString &message);
    void reachable();

private:
    int normalInterval() const;

    ReviewStore *m_store = nullptr;
    qint64 m_mark = -1;
    QString m_problem;
    QTimer *m_timer = nullptr;
};

} // namespace annorev
