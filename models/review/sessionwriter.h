#pragma once

#include "checker.h"
#include "document.h"

#include <QDeadlineTimer>
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
        CheckResult result; // Checked: the findings of the step's document
        QString error;      // Failed
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
