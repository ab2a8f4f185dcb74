#include "interruptguard.h"

namespace annorev {

namespace {

std::atomic_bool s_interrupted = false;
static_assert(std::atomic_bool::is_always_lock_free, "the signal handler may only touch a lock-free atomic");

extern "C" void onInterrupt(int)
{
    s_interrupted.store(true);
}

} // namespace

InterruptGuard::InterruptGuard()
{
    if (sigaction(SIGINT, nullptr, &m_previous) != 0 || m_previous.sa_handler == SIG_IGN) {
        return;
    }
    struct sigaction action = {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND | SA_RESTART;
    m_installed = sigaction(SIGINT, &action, nullptr) == 0;
}

InterruptGuard::~InterruptGuard()
{
    if (m_installed) {
        sigaction(SIGINT, &m_previous, nullptr);
    }
}

const std::atomic_bool &InterruptGuard::flag()
{
    return s_interrupted;
}

} // namespace annorev
