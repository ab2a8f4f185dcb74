#include "openbatchfeedback.h"

#include "batchopener.h"
#include "recentbatches.h"

#include <QMessageBox>
#include <QProgressDialog>

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

constexpr int progressDelayMs = 400;

} // namespace

OpenBatchFeedback::OpenBatchFeedback(BatchOpener *opener, QWidget *window)
    : QObject(window), m_opener(opener), m_window(window)
{
    connect(m_opener, &BatchOpener::progress, this, [this](const QString &what) {
        if (m_progress) {
            m_progress->setLabelText(what);
        }
    });
}

void OpenBatchFeedback::started(const QStringList &paths)
{
    // Reading, hashing and checking a new batch takes a while: the window keeps painting, behind
    // a progress dialog once it takes long enough to see.
    ended();
    m_progress = new QProgressDialog(tr("Reading and checking %1…").arg(RecentBatches::batchName(paths)), tr("Cancel"),
                                     0, 0, m_window);
    m_progress->setObjectName(u"openProgress"_s);
    m_progress->setWindowTitle(tr("Opening Batch"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(progressDelayMs);
    m_progress->setValue(0);
    connect(m_progress, &QProgressDialog::canceled, m_opener, &BatchOpener::cancel);
}

void OpenBatchFeedback::ended()
{
    if (m_progress) {
        m_progress->disconnect(m_opener);
        delete m_progress;
    }
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
