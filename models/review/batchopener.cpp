#include "batchopener.h"

#include "checker.h"
#include "schema.h"
#include "storeopening.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace annorev {

namespace {

// What the worker brings back; the store it used stays on its thread.
struct Outcome
{
    QString error;
    DocumentIndexPage firstPage;
    qsizetype documentCount = 0;
    QList<InputError> inputErrors;
    QStringList sourceChanged;
    std::optional<BatchStamp> stamps;
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
    if (m_cancel) {
        m_cancel->store(true);
    }
    const QList<QFutureWatcherBase *> watchers = findChildren<QFutureWatcherBase *>();
    for (QFutureWatcherBase *watcher : watchers) {
        watcher->waitForFinished();
    }
}

QStringList BatchOpener::readableInputs(const QStringList &inputs, QList<InputError> *leftOut)
{
    QStringList paths;
    for (const QString &input : inputs) {
        const QFileInfo info(input);
        if (ReviewStore::isTeamLocation(input)) {
            // A team batch on its server: whether it can be opened, only the server can say.
            paths << input;
        } else if (ReviewStore::isStoreFileName(info.fileName())) {
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
        // Left to stop on its own; nothing it says is reported.
        m_cancel->store(true);
        m_watcher->disconnect(this);
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
    // A team batch is its own store, opened as it is on its server: it has no files to sync with.
    const bool team = m_inputs.size() == 1 && ReviewStore::isTeamLocation(m_inputs.constFirst());
    m_storePath =
        team ? m_inputs.constFirst() : (storePath.isEmpty() ? ReviewStore::defaultStorePath(m_inputs) : storePath);
    m_reviewer = reviewer;
    m_cancel = std::make_shared<std::atomic_bool>(false);

    const QString name = ReviewStore::batchName(m_inputs);
    auto work = [this, ticket, name, team, paths = m_inputs, path = m_storePath, reviewer, schema = &m_schema,
                 checker = &m_checker, cancel = m_cancel](QPromise<Outcome> &promise) {
        // Says what the worker does now, unless the open was dropped meanwhile.
        const auto say = [&](const QString &what, qint64 done, qint64 total) {
            QMetaObject::invokeMethod(
                this,
                [this, ticket, what, done, total] {
                    if (ticket == m_ticket) {
                        Q_EMIT progress(what, done, total);
                    }
                },
                Qt::QueuedConnection);
        };
        SyncControl control;
        control.cancel = cancel.get();
        control.progress = [&say, &name](SyncControl::Stage stage, qsizetype done, qsizetype total) {
            say(StoreOpening::describe(stage, done, total, name, QLocale()), done, total);
        };
        Outcome outcome;
        StoreOpening opening(paths, path, *schema, *checker, reviewer);
        if (team) {
            say(tr("Connecting to the team batch %1…").arg(name), 0, 0);
        }
        Expected<std::unique_ptr<ReviewStore>> store = team ? ReviewStore::open(path) : opening.run(control);
        if (opening.wasCancelled()) {
            return;
        }
        if (!store) {
            outcome.error = store.error().message;
            promise.addResult(std::move(outcome));
            return;
        }
        if (!team) {
            outcome.inputErrors = opening.report().inputErrors;
            outcome.sourceChanged = opening.report().sourceChanged;
            // Unknown when they cannot be read: the window then takes its own.
            if (Expected<std::optional<BatchStamp>> stamps = (*store)->inputStamps(); stamps) {
                outcome.stamps = *std::move(stamps);
            }
        }
        if (control.cancelled()) {
            // Too late to roll back: the store is up to date, and the next open finds it so.
            return;
        }
        say(tr("Listing the documents of %1…").arg(name), 0, 0);
        // A failed read is an error, not an empty batch.
        const Expected<qsizetype> count = (*store)->storedDocumentCount();
        const Expected<void> listed = count ? (*store)->readIndex({}, firstPageSize,
                                                                  [&outcome](DocumentIndexPage page) {
                                                                      outcome.firstPage = std::move(page);
                                                                      return false;
                                                                  })
                                            : Expected<void>(count.error());
        if (listed) {
            outcome.documentCount = *count;
        } else {
            outcome.error = tr("The documents of the batch could not be listed: %1").arg(listed.error().message);
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
    m_cancel->store(true);
    m_watcher->disconnect(this);
    const quint64 ticket = ++m_ticket;
    // Reported once the worker has stopped, the store as it was; not at all if another open
    // starts meanwhile.
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this, ticket] {
        if (ticket == m_ticket) {
            Q_EMIT canceled();
        }
    });
    connect(m_watcher, &QFutureWatcherBase::finished, m_watcher, &QObject::deleteLater);
    m_watcher = nullptr;
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
        // The worker stopped at a cancel that came too late to drop it here.
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
                    std::move(outcome.firstPage),
                    outcome.documentCount,
                    m_leftOut + outcome.inputErrors,
                    std::move(outcome.sourceChanged),
                    m_reviewer,
                    std::move(outcome.stamps)};
    Q_EMIT finished();
}

} // namespace annorev
