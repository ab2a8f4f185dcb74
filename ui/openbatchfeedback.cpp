#include "openbatchfeedback.h"

#include "batchopener.h"
#include "openprogress.h"
#include "recentbatches.h"

#include <QMessageBox>

namespace annorev {

OpenBatchFeedback::OpenBatchFeedback(BatchOpener *opener, OpenProgress *progress, QWidget *window)
    : QObject(window), m_opener(opener), m_progress(progress), m_window(window)
{
    connect(m_opener, &BatchOpener::progress, m_progress, &OpenProgress::setProgress);
    connect(m_progress, &OpenProgress::cancelRequested, this, &OpenBatchFeedback::cancel);
}

void OpenBatchFeedback::started(const QStringList &paths)
{
    // Reading, hashing and checking a new batch takes a while: the window stays usable meanwhile,
    // with the strip saying how far the open is once it takes long enough to see.
    m_progress->start(tr("Reading and checking %1…").arg(RecentBatches::batchName(paths)));
}

void OpenBatchFeedback::cancel()
{
    if (!m_progress->isRunning()) {
        return;
    }
    // The strip stays until the open has rolled back (a slice of documents, seconds on a busy
    // machine): the window would look idle meanwhile.
    m_opener->cancel();
    m_progress->showCancelling();
}

void OpenBatchFeedback::ended()
{
    m_progress->finish();
}

void OpenBatchFeedback::showFailure(const QStringList &paths, const QString &error)
{
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Cannot Open Batch"),
                        tr("%1 could not be opened.").arg(RecentBatches::batchName(paths)), QMessageBox::Ok, m_window);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(error);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void OpenBatchFeedback::showProblems(const QList<InputError> &inputErrors, const QStringList &sourceChanged)
{
    QStringList problems;
    for (const InputError &inputError : inputErrors) {
        problems << inputError.toString();
    }
    for (const QString &id : sourceChanged) {
        problems << tr("%1: the source changed since it was imported; your version is kept").arg(id);
    }
    if (problems.isEmpty()) {
        return;
    }
    const QString text = problems.size() == 1 ? tr("%1 input needs attention; the rest of the batch is shown.")
                                              : tr("%1 inputs need attention; the rest of the batch is shown.");
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Some Inputs Need Attention"),
                                text.arg(QLocale().toString(problems.size())), QMessageBox::Ok, m_window);
    box->setTextFormat(Qt::PlainText);
    box->setDetailedText(problems.join(u'\n'));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace annorev
