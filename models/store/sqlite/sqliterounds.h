#pragma once

#include "expected.h"
#include "spotcheck.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace annorev {

class SqliteConnection;

// The spot-check tables of a store file: rounds, their documents and the judgements on them, all
// append-only.
namespace SqliteRounds {

Expected<void> createRound(SqliteConnection &connection, const SpotCheckRound &round,
                           const QList<RoundDocument> &documents);
Expected<QList<SpotCheckRound>> rounds(const SqliteConnection &connection);
Expected<SpotCheckRound> round(const SqliteConnection &connection, const QString &name);
Expected<QList<RoundDocument>> roundDocuments(const SqliteConnection &connection, const QString &round);
Expected<void> judge(SqliteConnection &connection, const QString &round, const QStringList &ids, Verdict verdict,
                     std::optional<FailReason> reason, const QString &note, const QString &reviewer);
Expected<QList<Judgement>> judgements(const SqliteConnection &connection, const QString &round);

} // namespace SqliteRounds

} // namespace annorev
