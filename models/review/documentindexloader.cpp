#include "documentindexloader.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace annorev {

DocumentIndexLoader::DocumentIndexLoader(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

DocumentIndexLoader::~DocumentIndexLoader()
{
    stop();
    m_pool.waitForDone();
}

void DocumentIndexLoader::stop()
{
    ++m_ticket;
    if (m_stop) {
        m_stop->store(true);
    }
    if (m_watcher != nullptr) {
        m_watcher->disconnect(this);
        connect(m_watcher, &QFutureWatcherBase::finished, m_watcher, &QObject::deleteLater);
        m_watcher = nullptr;
    }
}

void DocumentIndexLoader::start(const QString &storePath, const ReviewStore::IndexCursor &after)
{
    stop();
    const quint64 ticket = m_ticket;
    m_stop = std::make_shared<std::atomic_bool>(false);
    auto *watcher = new QFutureWatcher<QString>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, ticket] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (ticket != m_ticket) {
            return;
        }
        m_watcher = nullptr;
        if (error.isEmpty()) {
            Q_EMIT finished();
        } else {
            Q_EMIT failed(error);
        }
    });
    // The worker may use `this`: the destructor waits for it.
    watcher->setFuture(QtConcurrent::run(&m_pool, [this, ticket, storePath, after, stop = m_stop]() -> QString {
        const Expected<std::unique_ptr<ReviewStore>> store = ReviewStore::open(storePath);
        if (!store) {
            return store.error().message;
        }
        const Expected<void> read = (*store)->readIndex(after, pageSize, [this, ticket, &stop](DocumentIndexPage page) {
            if (stop->load()) {
                return false;
            }
            // Through the event loop, in order; dropped when the read was stopped meanwhile.
            QMetaObject::invokeMethod(
                this,
                [this, ticket, page = std::move(page)] {
                    if (ticket == m_ticket) {
                        Q_EMIT pageRead(page);
                    }
                },
                Qt::QueuedConnection);
            return true;
        });
        return read ? QString() : read.error().message;
    }));
}

} // namespace annorev
