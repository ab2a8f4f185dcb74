#pragma once

#include "documentrows.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <memory>

class QFutureWatcherBase;

namespace annorev {

// Reads a batch's whole document list from its store on a worker thread and hands it over at
// once, as rows ready to put in a list (DocumentListModel::setRows()): reading the list again
// while the list in use stays as it is. The pages of a million documents are merged into rows,
// and their ids into the id table, on the worker; the window's thread only takes the result.
class DocumentRowsReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentRowsReader)

public:
    explicit DocumentRowsReader(QObject *parent = nullptr);
    // Stops and waits for a worker still running.
    ~DocumentRowsReader() override;

    // Starts reading the store at storePath; a read under way is dropped first (its outcome does
    // not arrive after this call).
    void start(const QString &storePath);
    // Drops the read under way: nothing more of it arrives.
    void stop();
    bool isReading() const { return m_watcher != nullptr; }

Q_SIGNALS:
    // The rows, for the receiver to take (std::move).
    void read(std::shared_ptr<annorev::DocumentRows> rows);
    // The message names the store and the reason.
    void failed(const QString &error);

private:
    QThreadPool m_pool; // one reader at a time, off the global pool the list's sorting uses
    QFutureWatcherBase *m_watcher = nullptr;
    std::shared_ptr<std::atomic_bool> m_stop;
};

} // namespace annorev
