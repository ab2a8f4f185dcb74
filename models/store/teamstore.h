#pragma once

#include "expected.h"
#include "reviewstore.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace annorev {

// A team member's hold on a document: nobody else is handed it, or may change it, until the
// lease ends, the member decides on it or gives it back.
struct Claim
{
    QString documentId;
    QString reviewer;
    QDateTime claimedAt;  // UTC
    QDateTime leaseUntil; // UTC
};

// The rights a team member holds through the server's roles (README › Team review).
enum class TeamRole
{
    Annotator, // edit, mark needs-work, claim
    Reviewer,  // also approve, reject, judge spot-checks
    Curator,   // also import, draw rounds, export
};

// A store a team shares on a server: a ReviewStore whose reviewer is the database user the
// server knows, and which hands out documents so that two members never get the same one.
class TeamStore : public ReviewStore
{
public:
    static constexpr int defaultLeaseMinutes = 30;

    TeamStore *team() override { return this; }

    // Creates or upgrades the annorev schema and roles in the database at location (a team
    // address, with or without a batch; see PostgresSchema::init()). Returns what it did.
    static Expected<QString> initDatabase(const QString &location);

    // Who the server records this connection's writes under (session_user).
    virtual Expected<QString> user() const = 0;
    virtual Expected<bool> hasRole(TeamRole role) const = 0;

    // Hands out up to count unreviewed documents, in batch order, that nobody holds a live claim
    // on, with a lease of leaseMinutes. Fewer (or none) when the batch has no more.
    virtual Expected<QList<Claim>> claim(qsizetype count, int leaseMinutes = defaultLeaseMinutes) = 0;
    // Gives back this member's claims among ids; returns the ids given back.
    virtual Expected<QStringList> release(const QStringList &ids) = 0;
    // Extends this member's live claims among ids; returns the claims extended.
    virtual Expected<QList<Claim>> renew(const QStringList &ids, int leaseMinutes = defaultLeaseMinutes) = 0;
    // Every live claim on the batch, by reviewer then batch order.
    virtual Expected<QList<Claim>> claims() const = 0;

    // Calls changed with a document's id whenever the server says it changed (its text, decision,
    // flags or claim; this connection's own writes too), from the event loop of the thread the
    // store belongs to, until the store is closed; with an empty id when an import put the batch's
    // documents in another order, which changes none of them.
    virtual Expected<void> listen(std::function<void(const QString &id)> changed) = 0;
};

// The channel a team store's server NOTIFYs on when a document of a team batch changes (its text,
// decision, flags or claim): the payload is the batch's number, a space and the document's id
// (none when the batch's documents are in another order).
inline constexpr const char *teamChangesChannel = "annorev_changes";

// The name a role has on the server: "annorev_annotator", ….
QString roleName(TeamRole role);

} // namespace annorev
