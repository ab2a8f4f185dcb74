#pragma once

#include "documentindexpage.h"
#include "reviewstore.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <memory>

class QFutureWatcherBase;

namespace annorev {

// Reads the rest of a batch's document list from its store on a worker thread, page by page, so
// that the window lists the first page at once and stays usable while a million rows come in.
// The worker has a connection of its own (SQLite connections belong to the thread that made
// them) and reads one snapshot of the store; pages arrive through the event loop, in order.
class DocumentIndexLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentIndexLoader)

public:
    static constexpr qsizetype pageSize = 50'000;

    explicit DocumentIndexLoader(QObject *parent = nullptr);
    // Stops and waits for a worker still running.
    ~DocumentIndexLoader() override;

    // Starts reading the store at storePath after `after`; a read under way is dropped first (none
    // of its pages or outcome arrive after this call).
    void start(const QString &storePath, const ReviewStore::IndexCursor &after);
    // Drops the read under way: nothing more of it arrives.
    void stop();
    bool isLoading() const { return m_watcher != nullptr; }

Q_SIGNALS:
    void pageRead(const annorev::DocumentIndexPage &page);
    void finished();
    // The message names the store and the reason.
    void failed(const QString &error);

private:
    QThreadPool m_pool; // one reader at a time, off the global pool the list's sorting uses
    QFutureWatcherBase *m_watcher = nullptr;
    std::shared_ptr<std::atomic_bool> m_stop;
    quint64 m_ticket = 0;
};

} // namespace annorev
