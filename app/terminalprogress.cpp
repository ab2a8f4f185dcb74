#include "terminalprogress.h"

#include "console.h"

#include <sys/ioctl.h>
#include <unistd.h>

namespace annorev {

namespace {

constexpr qint64 intervalMs = 100;

int terminalWidth()
{
    winsize size = {};
    return ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0 ? size.ws_col : 80;
}

} // namespace

TerminalProgress::TerminalProgress() : m_terminal(isatty(STDERR_FILENO) == 1) {}

void TerminalProgress::show(const QString &line, bool force)
{
    if (!m_terminal || (!force && m_shown && m_sinceShown.elapsed() < intervalMs)) {
        return;
    }
    // One column spare: a line that fills the last column leaves some terminals on the next line.
    const QString fitted = line.left(terminalWidth() - 1);
    Console::err("\r" + fitted.toUtf8() + "\x1b[K");
    m_shown = true;
    m_sinceShown.start();
}

void TerminalProgress::clear()
{
    if (m_shown) {
        Console::err("\r\x1b[K");
        m_shown = false;
    }
}

} // namespace annorev
