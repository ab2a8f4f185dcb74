#pragma once

#include "batchreader.h"
#include "reviewstore.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>

class QFutureWatcherBase;

namespace annorev {

class Checker;
class Schema;

// Opens a batch with its review store without holding up the thread it lives in: opening the
// store and bringing it up to date (StoreOpening, as the command line does: reading, hashing and
// checking every new document) and listing its documents run on a worker; the store the caller
// works with is then opened on this thread, since a SQLite connection belongs to the thread that
// made it. Each stage is reported by progress(); the outcome by exactly one of finished(),
// failed() and canceled(), always from the event loop, never from inside open().
class BatchOpener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchOpener)

public:
    // The documents an opened batch brings listed; a DocumentIndexLoader reads the rest after it.
    static constexpr qsizetype firstPageSize = 5'000;

    // What an opened batch brings; the store's documents as they were when the batch was listed.
    struct Batch
    {
        QStringList inputs; // those that could be read, as given
        std::unique_ptr<ReviewStore> store;
        DocumentIndexPage firstPage; // the first documents in batch order, up to firstPageSize
        // The documents of the store when it was listed, those gone from the batch included (see
        // ReviewStore::storedDocumentCount()): at most that many are to be listed.
        qsizetype documentCount = 0;
        QList<InputError> inputErrors; // inputs left out and units that could not be read
        QStringList sourceChanged;     // documents whose source changed since they were imported
        QString reviewer;
        // The stamps of the batch's files as the store was synced with them: a later look that
        // finds others means the files changed (see ReviewStore::inputStamps()).
        std::optional<BatchStamp> stamps;
    };

    // The checker and schema are used by the worker: they must outlive the opener.
    BatchOpener(const Schema &schema, const Checker &checker, QObject *parent = nullptr);
    // Cancels and waits for a worker still running.
    ~BatchOpener() override;

    // The inputs that can be opened as documents, in order; the others are added to leftOut with
    // the reason. A review store's files never are: closing a descriptor of a store this process
    // has open would drop SQLite's locks on it.
    static QStringList readableInputs(const QStringList &inputs, QList<InputError> *leftOut);

    // Starts opening the batch (files, folders, .jsonl files) with the store at storePath
    // (BATCH.annorev.sqlite beside it when empty). An open still under way is canceled first:
    // its outcome is never reported. Inputs that cannot be read are left out and reported in
    // Batch::inputErrors; when none can be read, failed() says why.
    void open(const QStringList &inputs, const QString &storePath, const QString &reviewer);
    // Stops reporting the open under way and asks its worker to stop within a slice of documents.
    // canceled() follows once the worker has stopped: the sync rolled back, the store is as it was
    // and a store this open created is gone. (A sync that finished before the cancel is kept.)
    void cancel();
    bool isOpening() const { return m_watcher != nullptr; }

    // The batch finished() announced, moved out; empty before and after.
    std::optional<Batch> takeBatch();

Q_SIGNALS:
    // What the worker does now, in words for a progress dialog (see StoreOpening::describe()),
    // and done of total documents; total is 0 while what it does is not counted.
    void progress(const QString &what, qint64 done, qint64 total);
    void finished();
    // Nothing was opened; the message names the batch or the store and the reason.
    void failed(const QString &error);
    void canceled();

private:
    void deliver();

    const Schema &m_schema;
    const Checker &m_checker;
    // One worker at a time, outside the global pool: ReviewStore::sync() maps its work onto the
    // global pool and waits for it, which would deadlock if opens held all of its threads. A
    // dropped open's worker finishes before the next one starts.
    QThreadPool m_pool;
    QFutureWatcherBase *m_watcher = nullptr;    // the open under way
    std::shared_ptr<std::atomic_bool> m_cancel; // its worker's, set to stop it
    quint64 m_ticket = 0;                       // which open a worker's progress belongs to
    QStringList m_inputs;
    QString m_storePath;
    QList<InputError> m_leftOut;
    QString m_reviewer;
    std::optional<Batch> m_batch;
};

} // namespace annorev
