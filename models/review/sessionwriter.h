#pragma once

#include "checker.h"
#include "document.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace annorev {

class ReviewStore;

// Checks and writes a ReviewSession's steps on a thread of its own, one at a time, in the order
// they were made. The thread opens its own connection to the store, because a QSqlDatabase
// connection belongs to the thread that opened it, and closes it before the thread ends.
//
// A step whose write fails takes every later step of its generation with it: they were made on
// top of the lost one. The session starts a new generation once it has gone back to the store's
// version, and the steps of that generation are written again.
class SessionWriter final
{
public:
    struct Step
    {
        quint64 version = 0; // the session's number for this version of the document
        quint64 generation = 0;
        QString id;
        Document document; // the text to write, whole
        QString reviewer;
        // The store's version of the document the session opened (ReviewStore::StoredDocument::
        // version): a write on a document someone else has changed since is refused. Later steps
        // of the same opening build on the writer's own writes.
        qint64 basis = 0;
    };

    // Every step gets a Checked outcome (unless it is skipped) and then one of Written, Failed or
    // Skipped. Checked comes before the write, so that the findings need not wait for the disk.
    struct Outcome
    {
        enum Kind
        {
            Checked,
            Written,
            Failed,
            Skipped
        };
        Kind kind = Written;
        quint64 version = 0;
        CheckResult result;      // Checked: the findings of the step's document
        QString error;           // Failed
        qint64 storeVersion = 0; // Written: the document's version in the store after the write
    };

    // notify is called on the writer's thread whenever an outcome is ready and none was waiting.
    SessionWriter(const QString &storePath, const Checker &checker, std::function<void()> notify);
    // Writes every queued step first: closing must not lose them.
    ~SessionWriter();
    Q_DISABLE_COPY_MOVE(SessionWriter)

    void enqueue(Step step);
    // Blocks until every queued step has been written, failed or skipped; false when the deadline
    // passes first.
    bool waitUntilIdle(QDeadlineTimer deadline);
    std::optional<Outcome> takeOutcome();

private:
    void run();
    void process(const Step &step);
    void publish(Outcome outcome);

    const QString m_storePath;
    const Checker &m_checker;
    const std::function<void()> m_notify;
    std::unique_ptr<QThread> m_thread;

    // Only the writer thread touches these.
    std::unique_ptr<ReviewStore> m_store;
    std::optional<quint64> m_failedGeneration;
    // Per document: the basis of the opening its last write belonged to, and the version it left.
    struct Written
    {
        qint64 basis = 0;
        qint64 version = 0;
    };
    QHash<QString, Written> m_written;

    // Guards everything below; the writer thread holds it only between steps.
    QMutex m_mutex;
    QWaitCondition m_stepQueued;
    QWaitCondition m_idle;
    std::deque<Step> m_steps;
    std::deque<Outcome> m_outcomes;
    bool m_busy = false;
    bool m_stopping = false;
};

} // namespace annorev
