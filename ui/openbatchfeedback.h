#pragma once

#include <QObject>
#include <QStringList>

class QWidget;

namespace annorev {

class BatchOpener;
class OpenProgress;
struct InputError;

// What the reviewer is shown while a batch opens and once it has: the stage and its counts in the
// window's progress strip, whose Cancel (or Escape) cancels the open; why a batch could not be
// opened; the inputs of an opened batch that need attention.
class OpenBatchFeedback final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenBatchFeedback)

public:
    // The strip is the window's; messages are shown over the window.
    OpenBatchFeedback(BatchOpener *opener, OpenProgress *progress, QWidget *window);

    void started(const QStringList &paths);
    // The open ended: the strip goes.
    void ended();
    void showFailure(const QStringList &paths, const QString &error);
    void showProblems(const QList<InputError> &inputErrors, const QStringList &sourceChanged);

private:
    // Asks the opener to stop; the strip says so until it has (see ended()).
    void cancel();

    BatchOpener *m_opener = nullptr;
    OpenProgress *m_progress = nullptr;
    QWidget *m_window = nullptr;
};

} // namespace annorev
