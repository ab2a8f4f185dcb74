#pragma once

#include "expected.h"
#include "postgresbatch.h"
#include "spotcheck.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace annorev {

// A team batch's spot-check rounds, their documents and judgements: append-only, and stamped with
// the server's user and time (see PostgresSchema).
namespace PostgresRounds {

Expected<void> createRound(const PostgresBatch &batch, const SpotCheckRound &round,
                           const QList<RoundDocument> &documents);
Expected<QList<SpotCheckRound>> rounds(const PostgresBatch &batch);
Expected<SpotCheckRound> round(const PostgresBatch &batch, const QString &name);
Expected<QList<RoundDocument>> roundDocuments(const PostgresBatch &batch, const QString &round);
Expected<void> judge(const PostgresBatch &batch, const QString &round, const QStringList &ids, Verdict verdict,
                     std::optional<FailReason> reason, const QString &note);
Expected<QList<Judgement>> judgements(const PostgresBatch &batch, const QString &round);

} // namespace PostgresRounds

} // namespace annorev
