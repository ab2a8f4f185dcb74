#include "unsavedchangebar.h"

#include "reviewsession.h"

#include <QPushButton>

using namespace Qt::StringLiterals;

namespace annorev {

UnsavedChangeBar::UnsavedChangeBar(QWidget *parent) : NoticeBar(u"unsavedChangeBar"_s, parent)
{
    m_reapply = addButton(tr("Re-&apply My Change"), u"reapplyButton"_s,
                          tr("Make the refused change again on the version shown (Alt+A)"));
    m_drop = addButton(tr("Dro&p It"), u"dropButton"_s, tr("Forget the refused change (Alt+P)"));
    connect(m_reapply, &QPushButton::clicked, this, &UnsavedChangeBar::reapply);
    connect(m_drop, &QPushButton::clicked, this, &UnsavedChangeBar::drop);
}

void UnsavedChangeBar::setSession(ReviewSession *session)
{
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
    }
    m_session = session;
    if (m_session) {
        connect(m_session, &ReviewSession::unsavedEditChanged, this, &UnsavedChangeBar::update);
    }
    update();
}

void UnsavedChangeBar::update()
{
    const std::optional<PendingEdit> *edit = m_session ? &m_session->unsavedEdit() : nullptr;
    if (!edit || !*edit || (*edit)->documentId() != m_session->documentId()) {
        hide();
        return;
    }
    const PendingEdit &pending = **edit;
    if (pending.changesText()) {
        setText(tr("Not saved: %1. It rewrote text, so it cannot be placed on this version; make it again.")
                    .arg(pending.description()));
    } else {
        const auto count = [](qsizetype n, const QString &one, const QString &many) {
            return n == 1 ? one : many.arg(n);
        };
        QStringList parts;
        if (pending.added() > 0) {
            parts << count(pending.added(), tr("1 tag added"), tr("%1 tags added"));
        }
        if (pending.removed() > 0) {
            parts << count(pending.removed(), tr("1 tag removed"), tr("%1 tags removed"));
        }
        setText(tr("Not saved: %1 (%2). Re-apply it on the version shown, or drop it.")
                    .arg(pending.description(), parts.join(u", ")));
    }
    m_reapply->setVisible(!pending.changesText());
    show();
}

void UnsavedChangeBar::reapply()
{
    if (!m_session || !m_session->unsavedEdit()) {
        return;
    }
    const QString what = m_session->unsavedEdit()->description();
    if (const Expected<void> done = m_session->reapplyUnsavedEdit(); !done) {
        Q_EMIT errorOccurred(done.error().message);
        return;
    }
    Q_EMIT this->done(tr("Re-applied: %1.").arg(what));
}

void UnsavedChangeBar::drop()
{
    if (!m_session || !m_session->unsavedEdit()) {
        return;
    }
    const QString what = m_session->unsavedEdit()->description();
    m_session->dropUnsavedEdit();
    Q_EMIT done(tr("Dropped: %1.").arg(what));
}

} // namespace annorev
