#pragma once

#include <QtGlobal>

#include <atomic>
#include <csignal>

namespace annorev {

// While a guard lives, Ctrl+C (SIGINT) asks the work under way to stop instead of ending the
// process: the handler only sets a lock-free atomic flag, which is async-signal-safe, and the
// work checks it (SyncControl::cancel). The handler is installed with SA_RESETHAND, so a second
// Ctrl+C ends the process as usual. The disposition before is put back when the guard goes; a
// SIGINT ignored by whoever started annorev (nohup, a background job) stays ignored.
class InterruptGuard
{
public:
    InterruptGuard();
    ~InterruptGuard();
    Q_DISABLE_COPY_MOVE(InterruptGuard)

    static const std::atomic_bool &flag();
    // Whether a Ctrl+C came while a guard lived.
    static bool interrupted() { return flag().load(); }

private:
    struct sigaction m_previous = {};
    bool m_installed = false;
};

} // namespace annorev
