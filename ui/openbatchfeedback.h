#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class QProgressBar;
class QProgressDialog;
class QWidget;

namespace annorev {

class BatchOpener;
struct InputError;

// What the reviewer is shown while a batch opens and once it has: a progress dialog with the
// stage and its counts, which cancels the open, when it takes long enough to notice; why a batch
// could not be opened; the inputs of an opened batch that need attention.
class OpenBatchFeedback final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenBatchFeedback)

public:
    OpenBatchFeedback(BatchOpener *opener, QWidget *window);

    void started(const QStringList &paths);
    // The open ended: the progress dialog goes.
    void ended();
    void showFailure(const QStringList &paths, const QString &error);
    void showProblems(const QList<InputError> &inputErrors, const QStringList &sourceChanged);

protected:
    // Escape and closing the dialog cancel the open without hiding the dialog.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Asks the opener to stop; the dialog says so until it has (see ended()).
    void cancel();

    BatchOpener *m_opener = nullptr;
    QWidget *m_window = nullptr;
    QPointer<QProgressDialog> m_progress;
    QProgressBar *m_bar = nullptr; // the dialog's, which owns it
};

} // namespace annorev
