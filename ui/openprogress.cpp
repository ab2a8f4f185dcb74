#include "openprogress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>

#include <limits>

using namespace Qt::StringLiterals;

namespace annorev {

OpenProgress::OpenProgress(QWidget *parent) : QFrame(parent)
{
    setObjectName(u"openProgress"_s);
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Opening batch"));
    m_label = new QLabel(this);
    m_label->setObjectName(u"openProgressText"_s);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // long names elide, not widen
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(u"openProgressBar"_s);
    m_bar->setAccessibleName(tr("Opening progress"));
    m_bar->setFixedWidth(m_bar->fontMetrics().horizontalAdvance(u"0"_s) * 32);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(u"openProgressCancel"_s);
    m_cancel->setToolTip(tr("Stop opening this batch; its store is left as it was (Esc)"));
    m_cancel->setFocusPolicy(Qt::TabFocus); // clicking it does not take the focus off the document
    connect(m_cancel, &QPushButton::clicked, this, &OpenProgress::cancelRequested);
    // Escape anywhere in the window, but only while an open runs: otherwise it is the views' key.
    m_escape = new QShortcut(QKeySequence::Cancel, this, this, &OpenProgress::cancelRequested, Qt::WindowShortcut);
    m_escape->setEnabled(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 3, 3);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    m_showTimer = new QTimer(this);
    m_showTimer->setSingleShot(true);
    m_showTimer->setInterval(ShowDelayMs);
    connect(m_showTimer, &QTimer::timeout, this, &QWidget::show);
    hide();
}

OpenProgress::~OpenProgress() = default;

void OpenProgress::start(const QString &what)
{
    m_running = true;
    m_label->setText(what);
    m_bar->setRange(0, 0);
    m_cancel->setEnabled(true);
    m_escape->setEnabled(true);
    if (isHidden()) {
        m_showTimer->start();
    }
}

void OpenProgress::setShowDelay(int ms)
{
    m_showTimer->setInterval(ms);
}

void OpenProgress::setProgress(const QString &what, qint64 done, qint64 total)
{
    if (!m_running || !m_cancel->isEnabled()) {
        return; // nothing to show, or cancelling: the strip says so until the open has stopped
    }
    m_label->setText(what);
    // A bar whose counts do not fit an int shows permille.
    const bool counted = total > 0;
    const qint64 scale = total > std::numeric_limits<int>::max() ? total / 1000 + 1 : 1;
    m_bar->setRange(0, counted ? int(total / scale) : 0);
    m_bar->setValue(counted ? int(done / scale) : 0);
}

void OpenProgress::showCancelling()
{
    m_label->setText(tr("Cancelling: putting the store back as it was…"));
    m_bar->setRange(0, 0);
    m_cancel->setEnabled(false);
    m_escape->setEnabled(false);
}

void OpenProgress::finish()
{
    m_running = false;
    m_showTimer->stop();
    m_escape->setEnabled(false);
    hide();
}

bool OpenProgress::isRunning() const
{
    return m_running;
}

QString OpenProgress::text() const
{
    return m_label->text();
}

} // namespace annorev
