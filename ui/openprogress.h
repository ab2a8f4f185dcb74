#pragma once

#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;
class QShortcut;
class QTimer;

namespace annorev {

// The strip across the top of the window while a batch opens: what the open does now, its counts
// on a bar, and Cancel (Escape too). It sits in the window, not in a dialog, so the batch shown
// meanwhile stays usable: a large import takes minutes. Shown only once the open has taken long
// enough to notice, so that a quick open does not flash it.
class OpenProgress final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenProgress)

public:
    static constexpr int ShowDelayMs = 400;

    explicit OpenProgress(QWidget *parent = nullptr);
    ~OpenProgress() override;

    // An open starts: the strip shows this after ShowDelayMs, until finish().
    void start(const QString &what);
    // What the open does now, and done of total (total 0: not counted).
    void setProgress(const QString &what, qint64 done, qint64 total);
    // Cancel was asked for: the strip says what it waits for until finish().
    void showCancelling();
    void finish();

    // How long an open runs before the strip shows; ShowDelayMs unless set.
    void setShowDelay(int ms);

    bool isRunning() const;
    QString text() const;

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
    QPushButton *m_cancel = nullptr;
    QShortcut *m_escape = nullptr;
    QTimer *m_showTimer = nullptr;
    bool m_running = false;
};

} // namespace annorev
