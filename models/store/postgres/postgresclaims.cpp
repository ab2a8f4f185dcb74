#include "postgresclaims.h"

#include "postgresconnection.h"
#include "postgresreads.h"

#include <QStringBuilder>

namespace annorev::PostgresClaims {

namespace {

Expected<void> checkLease(const PostgresBatch &batch, int leaseMinutes)
{
    // A week at most: a claim is for a working session, and a forgotten one must come free.
    if (leaseMinutes < 1 || leaseMinutes > 7 * 24 * 60) {
        return Error{u"the team batch " % batch.db().path() %
                     u": a lease is from 1 minute to a week (10080 minutes), not " % QString::number(leaseMinutes)};
    }
    return {};
}

// Runs a function of the server in a transaction of its own and collects (id, until) rows.
Expected<QList<Claim>> claimsFrom(const PostgresBatch &batch, const QString &sql, const QVariantList &values,
                                  const QString &reviewer)
{
    PostgresConnection &db = batch.db();
    Expected<PostgresTransaction> transaction = db.begin();
    if (!transaction) {
        return transaction.error();
    }
    QSqlQuery query = db.query();
    if (Expected<void> prepared = db.prepare(query, sql); !prepared) {
        return prepared.error();
    }
    if (Expected<void> done = db.exec(query, values); !done) {
        return done.error();
    }
    QList<Claim> result;
    while (query.next()) {
        result.append(Claim{query.value(0).toString(), reviewer, QDateTime(), query.value(1).toDateTime().toUTC()});
    }
    query.finish();
    if (Expected<void> committed = transaction->commit(); !committed) {
        return committed.error();
    }
    return result;
}

} // namespace

Expected<QList<Claim>> claim(const PostgresBatch &batch, qsizetype count, int leaseMinutes)
{
    if (Expected<void> lease = checkLease(batch, leaseMinutes); !lease) {
        return lease.error();
    }
    if (count < 1 || count > 100000) {
        return Error{u"the team batch " % batch.db().path() % u": claim from 1 to 100,000 documents at a time, not " %
                     QString::number(count)};
    }
    const Expected<QString> user = batch.db().sessionUser();
    if (!user) {
        return user.error();
    }
    // Handed out in batch order, which the function's RETURNING does not promise.
    Expected<QList<Claim>> claimed =
        claimsFrom(batch,
                   QStringLiteral("SELECT c.claimed_id, c.claimed_until FROM annorev.claim(?, ?, ?) AS c"
                                  " JOIN annorev.documents d ON d.batch = ? AND d.id = c.claimed_id"
                                  " ORDER BY d.position, d.id"),
                   {batch.db().address().batch, int(count), leaseMinutes, batch.id}, *user);
    return claimed;
}

Expected<QStringList> release(const PostgresBatch &batch, const QStringList &ids)
{
    const Expected<QList<Claim>> released =
        claimsFrom(batch, QStringLiteral("SELECT released_id, NULL::timestamptz FROM annorev.release(?, ?::jsonb)"),
                   {batch.db().address().batch, PostgresReads::jsonArray(ids)}, QString());
    if (!released) {
        return released.error();
    }
    QStringList result;
    for (const Claim &claim : *released) {
        result.append(claim.documentId);
    }
    return result;
}

Expected<QList<Claim>> renew(const PostgresBatch &batch, const QStringList &ids, int leaseMinutes)
{
    if (Expected<void> lease = checkLease(batch, leaseMinutes); !lease) {
        return lease.error();
    }
    const Expected<QString> user = batch.db().sessionUser();
    if (!user) {
        return user.error();
    }
    return claimsFrom(batch, QStringLiteral("SELECT renewed_id, renewed_until FROM annorev.renew(?, ?::jsonb, ?)"),
                      {batch.db().address().batch, PostgresReads::jsonArray(ids), leaseMinutes}, *user);
}

Expected<QList<Claim>> claims(const PostgresBatch &batch)
{
    PostgresConnection &db = batch.db();
    QSqlQuery query = db.query();
    if (Expected<void> done = db.run(query,
                                     QStringLiteral("SELECT c.document_id, c.reviewer, c.claimed_at, c.lease_until"
                                                    " FROM annorev.claims c JOIN annorev.documents d"
                                                    " ON d.batch = c.batch AND d.id = c.document_id"
                                                    " WHERE c.batch = ? AND c.lease_until > now()"
                                                    " ORDER BY c.reviewer, d.position, d.id"),
                                     {batch.id});
        !done) {
        return done.error();
    }
    QList<Claim> result;
    while (query.next()) {
        result.append(Claim{query.value(0).toString(), query.value(1).toString(), query.value(2).toDateTime().toUTC(),
                            query.value(3).toDateTime().toUTC()});
    }
    return result;
}

} // namespace annorev::PostgresClaims
