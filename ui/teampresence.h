#pragma once

#include "teamstore.h"

#include <QObject>
#include <QSet>
#include <QString>

class QTimer;

namespace annorev {

// What the window does in a team batch beyond a local one: it hears of other members' changes
// as the server announces them, hands the reviewer the next document nobody holds (Review › Next
// for Me) and keeps the claim on the document shown alive, and says who holds a document that
// is not the reviewer's to change.
class TeamPresence final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TeamPresence)

public:
    // A claim is renewed this often while its document is shown: well inside a lease.
    static constexpr int renewIntervalMs = 5 * 60 * 1000;

    explicit TeamPresence(QObject *parent = nullptr);

    // The store of the batch shown, or none; only a team store brings anything here.
    void setStore(ReviewStore *store);
    bool isTeam() const { return m_team != nullptr; }
    // The database user the team store records this reviewer as; empty for a local store.
    const QString &user() const { return m_user; }

    // Claims the next unreviewed document nobody holds: its id, empty when none is left.
    Expected<QString> claimNext();
    // The document now shown: its claim, if it is the reviewer's, is kept alive while it is shown.
    // Returns who else holds it, as a banner ("Held by ann until 14:02 UTC …"), or empty.
    QString documentShown(const QString &id);

Q_SIGNALS:
    // The server said the document changed (another member's decision, edit or claim, or this
    // window's own), a few at a time: the list should read its row again.
    void documentsChanged(const QStringList &ids);
    // The server said an import put the batch's documents in another order: the list should be
    // read again.
    void batchReordered();
    void errorOccurred(const QString &message);

private:
    void renew();

    TeamStore *m_team = nullptr;
    QString m_user;
    QString m_shownId;
    QSet<QString> m_changed;
    bool m_reordered = false;
    QTimer *m_coalesce = nullptr;
    QTimer *m_renew = nullptr;
};

} // namespace annorev
