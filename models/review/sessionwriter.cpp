#include "sessionwriter.h"

#include "reviewstore.h"

#include <QThread>

#include <utility>

namespace annorev {

SessionWriter::SessionWriter(const QString &storePath, const Checker &checker, std::function<void()> notify)
    : m_storePath(storePath), m_checker(checker), m_notify(std::move(notify))
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("annorev session writer"));
    m_thread->start();
}

SessionWriter::~SessionWriter()
{
    {
        const QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_stepQueued.wakeAll();
    }
    m_thread->wait();
}

void SessionWriter::enqueue(Step step)
{
    const QMutexLocker lock(&m_mutex);
    m_steps.push_back(std::move(step));
    m_stepQueued.wakeAll();
}

bool SessionWriter::waitUntilIdle(QDeadlineTimer deadline)
{
    QMutexLocker lock(&m_mutex);
    while (m_busy || !m_steps.empty()) {
        if (!m_idle.wait(&m_mutex, deadline)) {
            return !m_busy && m_steps.empty();
        }
    }
    return true;
}

std::optional<SessionWriter::Outcome> SessionWriter::takeOutcome()
{
    const QMutexLocker lock(&m_mutex);
    if (m_outcomes.empty()) {
        return std::nullopt;
    }
    Outcome outcome = std::move(m_outcomes.front());
    m_outcomes.pop_front();
    return outcome;
}

void SessionWriter::run()
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        while (m_steps.empty() && !m_stopping) {
            m_stepQueued.wait(&m_mutex);
        }
        if (m_steps.empty()) {
            break;
        }
        Step step = std::move(m_steps.front());
        m_steps.pop_front();
        m_busy = true;
        lock.unlock();
        process(step);
        lock.relock();
        m_busy = false;
        if (m_steps.empty()) {
            m_idle.wakeAll();
        }
    }
    lock.unlock();
    // The connection was opened on this thread and is closed on it.
    m_store.reset();
}

void SessionWriter::process(const Step &step)
{
    if (m_failedGeneration && step.generation <= *m_failedGeneration) {
        publish({Outcome::Skipped, step.version, {}, {}, 0});
        return;
    }
    const CheckResult result = m_checker.check(step.document);
    // The findings go out before the facts are gathered from them: the window waits for them.
    publish({Outcome::Checked, step.version, result, {}, 0});
    const TextFacts facts = TextFacts::of(step.document, result);

    Expected<void> written = Error{};
    if (!m_store) {
        Expected<std::unique_ptr<ReviewStore>> opened = ReviewStore::open(m_storePath);
        if (opened) {
            m_store = std::move(*opened);
        } else {
            written = opened.error();
        }
    }
    // The version this step was made on: the session's opening, or this writer's last write of
    // the same opening.
    const auto before = m_written.constFind(step.id);
    const qint64 basis = before != m_written.cend() && before->basis == step.basis ? before->version : step.basis;
    if (m_store) {
        written = m_store->setTaggedText(step.id, step.document.source(), facts, step.reviewer, basis);
    }
    if (!written) {
        m_failedGeneration = step.generation;
        publish({Outcome::Failed, step.version, {}, written.error().message, 0});
        return;
    }
    const Expected<qint64> after = m_store->version(step.id);
    const qint64 now = after ? *after : basis;
    m_written.insert(step.id, {step.basis, now});
    publish({Outcome::Written, step.version, {}, {}, now});
}

void SessionWriter::publish(Outcome outcome)
{
    bool first = false;
    {
        const QMutexLocker lock(&m_mutex);
        first = m_outcomes.empty();
        m_outcomes.push_back(std::move(outcome));
    }
    // One call per batch: the receiver takes every outcome that is waiting.
    if (first) {
        m_notify();
    }
}

} // namespace annorev
