#include "documentrowsreader.h"

#include "reviewstore.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <variant>

namespace annorev {

namespace {

constexpr qsizetype pageSize = 50'000;

// What a read gives: the rows, or why there are none (a stopped read gives none and no reason).
using Outcome = std::variant<std::shared_ptr<DocumentRows>, QString>;

} // namespace

DocumentRowsReader::DocumentRowsReader(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

DocumentRowsReader::~DocumentRowsReader()
{
    stop();
    m_pool.waitForDone();
}

void DocumentRowsReader::stop()
{
    if (m_stop) {
        m_stop->store(true);
    }
    if (m_watcher != nullptr) {
        m_watcher->disconnect(this);
        connect(m_watcher, &QFutureWatcherBase::finished, m_watcher, &QObject::deleteLater);
        m_watcher = nullptr;
    }
}

void DocumentRowsReader::start(const QString &storePath)
{
    stop();
    m_stop = std::make_shared<std::atomic_bool>(false);
    auto *watcher = new QFutureWatcher<Outcome>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        Outcome outcome = watcher->result();
        watcher->deleteLater();
        m_watcher = nullptr;
        if (auto *rows = std::get_if<std::shared_ptr<DocumentRows>>(&outcome)) {
            Q_EMIT read(std::move(*rows));
        } else {
            Q_EMIT failed(std::get<QString>(outcome));
        }
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [storePath, stop = m_stop]() -> Outcome {
        const Expected<std::unique_ptr<ReviewStore>> store = ReviewStore::open(storePath);
        if (!store) {
            return store.error().message;
        }
        auto rows = std::make_shared<DocumentRows>();
        const Expected<void> done = (*store)->readIndex({}, pageSize, [&rows, &stop](DocumentIndexPage page) {
            if (stop->load()) {
                return false;
            }
            rows->append(page);
            return true;
        });
        if (!done) {
            return done.error().message;
        }
        return rows;
    }));
}

} // namespace annorev
