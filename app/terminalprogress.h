#pragma once

#include <QElapsedTimer>
#include <QString>

namespace annorev {

// One line of progress on standard error while it is a terminal: rewritten in place (\r), at
// most ten times a second within a stage, cut to the terminal's width (a wrapped line could not be rewritten),
// and cleared when done. Nothing at all when standard error is not a terminal, so scripts, logs
// and tests read the output they always did.
class TerminalProgress
{
public:
    TerminalProgress();
    ~TerminalProgress() { clear(); }
    Q_DISABLE_COPY_MOVE(TerminalProgress)

    // Shows the line unless one was shown less than 100 ms ago; a new stage (force) always shows.
    void show(const QString &line, bool force = false);
    // Takes the line away, leaving the cursor where it began.
    void clear();

private:
    bool m_terminal = false;
    bool m_shown = false;
    QElapsedTimer m_sinceShown;
};

} // namespace annorev
