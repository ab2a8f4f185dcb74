#pragma once

#include "postgresbatch.h"
#include "teamstore.h"

namespace annorev {

// Claims on a team batch's documents, through the server's functions claim(), release() and
// renew(), which act for the connection's user alone (see PostgresSchema).
namespace PostgresClaims {

Expected<QList<Claim>> claim(const PostgresBatch &batch, qsizetype count, int leaseMinutes);
Expected<QStringList> release(const PostgresBatch &batch, const QStringList &ids);
Expected<QList<Claim>> renew(const PostgresBatch &batch, const QStringList &ids, int leaseMinutes);
Expected<QList<Claim>> claims(const PostgresBatch &batch);

} // namespace PostgresClaims

} // namespace annorev
