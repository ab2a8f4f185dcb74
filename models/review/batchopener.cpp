#include "batchopener.h"

#include "checker.h"
#include "schema.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace annorev {

namespace {

// What the worker brings back; the store it used stays on its thread.
struct Outcome
{
    QString error;
    QList<ReviewStore::ListEntry> entries;
    QList<InputError> inputErrors;
    QStringList sourceChanged;
};

using OutcomeWatcher = QFutureWatcher<Outcome>;

} // namespace

BatchOpener::BatchOpener(const Schema &schema, const Checker &checker, QObject *parent)
    : QObject(parent), m_schema(schema), m_checker(checker)
{
    m_pool.setMaxThreadCount(1);
}

BatchOpener::~BatchOpener()
{
    // Dropped opens may still run too: every worker uses the schema and the checker.
    const QList<QFutureWatcherBase *> watchers = findChildren<QFutureWatcherBase *>();
    for (QFutureWatcherBase *watcher : watchers) {
        watcher->cancel();
        watcher->waitForFinished();
    }
}

QStringList BatchOpener::readableInputs(const QStringList &inputs, QList<InputError> *leftOut)
{
    QStringList paths;
    for (const QString &input : inputs) {
        const QFileInfo info(input);
        if (ReviewStore::isStoreFileName(info.fileName())) {
            leftOut->append(InputError{input, 0, tr("is a review store, not a document")});
        } else if (info.exists() && info.isReadable()) {
            paths << input;
        } else {
            leftOut->append(InputError{input, 0, info.exists() ? tr("cannot be read") : tr("no such file or folder")});
        }
    }
    return paths;
}

void BatchOpener::open(const QStringList &inputs, const QString &storePath, const QString &reviewer)
{
    if (m_watcher) {
        // Left to finish on its own; nothing it says is reported.
        m_watcher->disconnect(this);
        m_watcher->cancel();
        connect(m_watcher, &QFutureWatcherBase::finished, m_watcher, &QObject::deleteLater);
        m_watcher = nullptr;
    }
    m_batch.reset();
    const quint64 ticket = ++m_ticket;
    m_leftOut.clear();
    m_inputs = readableInputs(inputs, &m_leftOut);
    if (m_inputs.isEmpty()) {
        const QString error = m_leftOut.isEmpty() ? tr("Nothing to open.") : m_leftOut.first().toString();
        QMetaObject::invokeMethod(
            this,
            [this, ticket, error] {
                if (ticket == m_ticket) {
                    Q_EMIT failed(error);
                }
            },
            Qt::QueuedConnection);
        return;
    }
    m_storePath = storePath.isEmpty() ? ReviewStore::defaultStorePath(m_inputs) : storePath;
    m_reviewer = reviewer;

    const QString name = QFileInfo(QDir::cleanPath(m_inputs.first())).fileName();
    auto work = [this, ticket, name, paths = m_inputs, path = m_storePath, reviewer, schema = &m_schema,
                 checker = &m_checker](QPromise<Outcome> &promise) {
        // Says what comes next, and whether to go on.
        const auto step = [&](int number, const QString &what) {
            QMetaObject::invokeMethod(
                this,
                [this, ticket, number, what] {
                    if (ticket == m_ticket) {
                        Q_EMIT progress(number, stepCount, what);
                    }
                },
                Qt::QueuedConnection);
            return !promise.isCanceled();
        };
        Outcome outcome;
        std::unique_ptr<ReviewStore> store;
        auto openStore = [&store, &outcome, &path] {
            Expected<std::unique_ptr<ReviewStore>> opened = ReviewStore::open(path);
            if (!opened) {
                outcome.error = opened.error().message;
                return false;
            }
            store = *std::move(opened);
            return true;
        };
        std::optional<ReviewStore::SyncReport> report;
        // A store that exists already is asked first: when the batch's files are as its last sync
        // stamped them, opening costs a stat per file instead of reading the whole batch.
        if (QFileInfo::exists(path)) {
            if (!step(1, tr("Looking for changes in %1…").arg(name))) {
                return;
            }
            if (!openStore()) {
                promise.addResult(std::move(outcome));
                return;
            }
            Expected<std::optional<ReviewStore::SyncReport>> unchanged = store->syncByStamps(paths);
            if (!unchanged) {
                outcome.error = unchanged.error().message;
                promise.addResult(std::move(outcome));
                return;
            }
            report = *std::move(unchanged);
        }
        if (!report) {
            if (!step(1, tr("Reading %1…").arg(name))) {
                return;
            }
            // Read before a new store is created: a batch that cannot be read leaves no empty store.
            const BatchReader reader = BatchReader::open(paths);
            if (!reader.errors().isEmpty()) {
                outcome.error = ReviewStore::unreadableInputs(reader);
                promise.addResult(std::move(outcome));
                return;
            }
            if (!step(2, tr("Checking %1 and bringing its review store up to date…").arg(name))) {
                return;
            }
            if (!store && !openStore()) {
                promise.addResult(std::move(outcome));
                return;
            }
            Expected<ReviewStore::SyncReport> synced = store->sync(reader, paths, *schema, *checker, reviewer);
            if (!synced) {
                outcome.error = synced.error().message;
                promise.addResult(std::move(outcome));
                return;
            }
            report = *std::move(synced);
        }
        outcome.inputErrors = report->inputErrors;
        outcome.sourceChanged = report->sourceChanged;
        if (!step(3, tr("Listing the documents of %1…").arg(name))) {
            return;
        }
        // A failed read is an error, not an empty batch.
        Expected<QList<ReviewStore::ListEntry>> entries = store->listEntries();
        if (entries) {
            outcome.entries = *std::move(entries);
        } else {
            outcome.error = tr("The documents of the batch could not be listed: %1").arg(entries.error().message);
        }
        promise.addResult(std::move(outcome));
    };
    auto *watcher = new OutcomeWatcher(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, &BatchOpener::deliver);
    watcher->setFuture(QtConcurrent::run(&m_pool, std::move(work)));
}

void BatchOpener::cancel()
{
    if (!m_watcher) {
        return;
    }
    m_watcher->disconnect(this);
    m_watcher->cancel();
    connect(m_watcher, &QFutureWatcherBase::finished, m_watcher, &QObject::deleteLater);
    m_watcher = nullptr;
    const quint64 ticket = ++m_ticket;
    QMetaObject::invokeMethod(
        this,
        [this, ticket] {
            if (ticket == m_ticket) {
                Q_EMIT canceled();
            }
        },
        Qt::QueuedConnection);
}

std::optional<BatchOpener::Batch> BatchOpener::takeBatch()
{
    return std::exchange(m_batch, std::nullopt);
}

void BatchOpener::deliver()
{
    auto *watcher = static_cast<OutcomeWatcher *>(m_watcher);
    m_watcher = nullptr;
    watcher->deleteLater();
    // A copy (its lists are shared): QFuture::takeResult() would leave the future not finished
    // for the destructor to wait on.
    const QFuture<Outcome> future = watcher->future();
    if (future.resultCount() == 0) {
        // The worker saw a cancel that came too late to drop it here.
        Q_EMIT canceled();
        return;
    }
    Outcome outcome = future.result();
    Expected<std::unique_ptr<ReviewStore>> store = outcome.error.isEmpty()
                                                       ? ReviewStore::open(m_storePath)
                                                       : Expected<std::unique_ptr<ReviewStore>>(Error{outcome.error});
    if (!store) {
        Q_EMIT failed(store.error().message);
        return;
    }
    m_batch = Batch{m_inputs,
                    *std::move(store),
                    std::move(outcome.entries),
                    m_leftOut + outcome.inputErrors,
                    std::move(outcome.sourceChanged),
                    m_reviewer};
    Q_EMIT finished();
}

} // namespace annorev
