#include "openbatchfeedback.h"

#include "batchopener.h"
#include "recentbatches.h"
#include "storeopening.h"

#include <QKeyEvent>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>

#include <limits>

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

constexpr int progressDelayMs = 400;

} // namespace

OpenBatchFeedback::OpenBatchFeedback(BatchOpener *opener, QWidget *window)
    : QObject(window), m_opener(opener), m_window(window)
{
    connect(m_opener, &BatchOpener::progress, this, [this](const QString &what, qint64 done, qint64 total) {
        if (!m_progress) {
            return;
        }
        m_progress->setLabelText(what);
        // The bar is set directly: QProgressDialog::setValue() on a modal dialog processes events,
        // which could end the open, and delete the dialog, from inside this slot. A bar whose
        // counts do not fit an int shows permille.
        const bool counted = total > 0;
        const qint64 scale = total > std::numeric_limits<int>::max() ? total / 1000 + 1 : 1;
        m_bar->setRange(0, counted ? int(total / scale) : 0);
        m_bar->setValue(counted ? int(done / scale) : 0);
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
    // Wide enough for the counts of a large batch, so that the dialog does not grow as they do.
    const QString widest = StoreOpening::describe(SyncControl::Stage::Importing, 9999999, 9999999, {}, QLocale());
    m_progress->setMinimumWidth(m_progress->fontMetrics().horizontalAdvance(widest) * 5 / 4);
    m_progress->setAutoReset(false);
    m_progress->setAutoClose(false);
    m_bar = new QProgressBar(m_progress);
    m_bar->setObjectName(u"openProgressBar"_s);
    m_bar->setRange(0, 0);
    m_progress->setBar(m_bar);
    m_progress->setMinimumDuration(progressDelayMs);
    // Starts the timer that shows the dialog once the open has taken progressDelayMs.
    m_progress->setValue(0);
    // The Cancel button, closing the dialog and Escape (the dialog's own shortcut, or
    // QDialog's reject() where the dialog is not the active window) all cancel. The dialog stays
    // until the open has rolled back (a slice of documents, seconds on a busy machine): left to
    // itself QProgressDialog would hide at once, and the window would look idle meanwhile. Its
    // own connection is string-based, so only the string form disconnects it.
    QObject::disconnect(m_progress, SIGNAL(canceled()), m_progress, SLOT(cancel()));
    connect(m_progress, &QProgressDialog::canceled, this, &OpenBatchFeedback::cancel);
    // Escape reaches QDialog's reject(), which hides the dialog, whenever the dialog is not yet the
    // active window (its own Escape shortcut only works once it is): caught before that.
    m_progress->installEventFilter(this);
}

bool OpenBatchFeedback::eventFilter(QObject *watched, QEvent *event)
{
    // The event's type first: a dialog being destroyed still sends events (its hide) but is no
    // longer a QProgressDialog, and comparing it with m_progress casts it to one (UBSan).
    const bool escape =
        event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Cancel);
    if ((escape || event->type() == QEvent::Close) && watched == m_progress) {
        event->ignore();
        cancel();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void OpenBatchFeedback::cancel()
{
    m_opener->cancel();
    if (!m_progress) {
        return;
    }
    m_progress->setLabelText(tr("Cancelling: putting the store back as it was…"));
    m_bar->setRange(0, 0);
    if (auto *button = m_progress->findChild<QPushButton *>()) {
        button->setEnabled(false);
    }
}

void OpenBatchFeedback::ended()
{
    if (m_progress) {
        m_progress->disconnect(m_opener);
        m_progress->removeEventFilter(this);
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
