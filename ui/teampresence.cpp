#include "teampresence.h"

#include <QTimer>

#include <utility>

using namespace Qt::StringLiterals;

namespace annorev {

TeamPresence::TeamPresence(QObject *parent) : QObject(parent)
{
    // A curator's import or a bulk mark is thousands of notifications: the list reads them in
    // one go at the next turn of the event loop.
    m_coalesce = new QTimer(this);
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(50);
    connect(m_coalesce, &QTimer::timeout, this, [this] {
        QStringList ids(m_changed.cbegin(), m_changed.cend());
        m_changed.clear();
        if (!ids.isEmpty()) {
            Q_EMIT documentsChanged(ids);
        }
        if (std::exchange(m_reordered, false)) {
            Q_EMIT batchReordered();
        }
    });
    m_renew = new QTimer(this);
    m_renew->setInterval(renewIntervalMs);
    connect(m_renew, &QTimer::timeout, this, &TeamPresence::renew);
}

void TeamPresence::setStore(ReviewStore *store)
{
    m_renew->stop();
    m_changed.clear();
    m_reordered = false;
    m_shownId.clear();
    m_user.clear();
    m_team = store ? store->team() : nullptr;
    if (!m_team) {
        return;
    }
    const Expected<QString> user = m_team->user();
    m_user = user.value_or(QString());
    const Expected<void> listening = m_team->listen([this](const QString &id) {
        if (id.isEmpty()) {
            m_reordered = true;
        } else {
            m_changed.insert(id);
        }
        m_coalesce->start();
    });
    if (!listening) {
        Q_EMIT errorOccurred(listening.error().message);
    }
}

Expected<QString> TeamPresence::claimNext()
{
    if (!m_team) {
        return Error{tr("Next for Me hands out documents of a team batch; this batch is not one.")};
    }
    const Expected<QList<Claim>> claimed = m_team->claim(1);
    if (!claimed) {
        return claimed.error();
    }
    return claimed->isEmpty() ? QString() : claimed->constFirst().documentId;
}

QString TeamPresence::documentShown(const QString &id)
{
    m_shownId = id;
    m_renew->stop();
    if (!m_team || id.isEmpty()) {
        return {};
    }
    const Expected<QList<Claim>> claims = m_team->claims();
    if (!claims) {
        Q_EMIT errorOccurred(claims.error().message);
        return {};
    }
    for (const Claim &claim : *claims) {
        if (claim.documentId != id) {
            continue;
        }
        if (claim.reviewer == m_user) {
            m_renew->start();
            return {};
        }
        return tr("%1 is working on this document (claimed until %2 UTC). It is shown read-only; "
                  "Review › Next for Me hands you one nobody holds.")
            .arg(claim.reviewer, claim.leaseUntil.toString(u"HH:mm"_s));
    }
    return {};
}

void TeamPresence::renew()
{
    if (!m_team || m_shownId.isEmpty()) {
        return;
    }
    const Expected<QList<Claim>> renewed = m_team->renew({m_shownId});
    if (!renewed) {
        Q_EMIT errorOccurred(renewed.error().message);
    } else if (renewed->isEmpty()) {
        // Lapsed or taken over while the window was away: nothing to keep alive any more.
        m_renew->stop();
    }
}

} // namespace annorev
