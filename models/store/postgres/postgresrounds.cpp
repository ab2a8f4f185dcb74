#include "postgresrounds.h"

#include "postgresconnection.h"
#include "postgresreads.h"
#include "reviewrules.h"
#include "storerows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringBuilder>

namespace annorev::PostgresRounds {

namespace {

const QString roundSelect =
    QStringLiteral("SELECT name, created_at, created_by, seed::text, requested_size, statuses, stratify,"
                   " (SELECT count(*) FROM annorev.round_documents d WHERE d.batch = r.batch AND d.round = r.name)"
                   " FROM annorev.rounds r WHERE r.batch = ?");

QDateTime utcTime(const QVariant &value)
{
    return value.isNull() ? QDateTime() : value.toDateTime().toUTC();
}

Error noRound(const PostgresBatch &batch, const QString &name)
{
    return Error{u"no round \"" % name % u"\" in the team batch " % batch.db().path()};
}

// The ids among ids that the query (batch, JSON array of ids, and more values) gives back, in the
// order of ids.
Expected<QStringList> idsNotFound(const PostgresBatch &batch, const QString &select, const QStringList &ids,
                                  const QVariantList &more)
{
    PostgresConnection &db = batch.db();
    QSqlQuery query = db.query();
    QVariantList values{batch.id, PostgresReads::jsonArray(ids)};
    values += more;
    if (Expected<void> prepared = db.prepare(query, select); !prepared) {
        return prepared.error();
    }
    if (Expected<void> done = db.exec(query, values); !done) {
        return done.error();
    }
    QSet<QString> found;
    while (query.next()) {
        found.insert(query.value(0).toString());
    }
    QStringList missing;
    for (const QString &id : ids) {
        if (!found.contains(id)) {
            missing.append(id);
        }
    }
    return missing;
}

} // namespace

Expected<void> createRound(const PostgresBatch &batch, const SpotCheckRound &round,
                           const QList<RoundDocument> &documents)
{
    if (Expected<void> valid = ReviewRules::checkNewRound(round, documents); !valid) {
        return valid;
    }
    PostgresConnection &db = batch.db();
    Expected<PostgresTransaction> transaction = db.begin();
    if (!transaction) {
        return transaction.error();
    }
    QStringList ids;
    for (const RoundDocument &document : documents) {
        ids.append(document.id);
    }
    const Expected<QStringList> unknown =
        idsNotFound(batch,
                    QStringLiteral("SELECT id FROM annorev.documents WHERE batch = ? AND id IN"
                                   " (SELECT jsonb_array_elements_text(?::jsonb))"),
                    ids, {});
    if (!unknown) {
        return unknown.error();
    }
    if (!unknown->isEmpty()) {
        return ReviewRules::unknownDocuments(*unknown, db.path(), QStringLiteral("nothing was saved"));
    }
    QSqlQuery query = db.query();
    // A name taken meanwhile by another member is the unique constraint's to refuse.
    if (Expected<void> done =
            db.run(query,
                   QStringLiteral("INSERT INTO annorev.rounds (batch, name, seed, requested_size,"
                                  " statuses, stratify) VALUES (?, ?, ?::numeric, ?, ?, ?)"
                                  " ON CONFLICT (batch, name) DO NOTHING"),
                   {batch.id, round.name, QString::number(round.seed), QVariant(qlonglong(round.requestedSize)),
                    round.statuses, stratifyName(round.stratify)});
        !done) {
        return done;
    }
    if (query.numRowsAffected() == 0) {
        return Error{u"a round \"" % round.name % u"\" already exists in the team batch " % db.path() %
                     u"; rounds are never redrawn: choose another name"};
    }
    QJsonArray rows; // [id, stratum] in draw order
    for (const RoundDocument &document : documents) {
        rows.append(QJsonArray{document.id, document.stratum.isNull() ? QStringLiteral("") : document.stratum});
    }
    if (Expected<void> done =
            db.run(query,
                   QStringLiteral("INSERT INTO annorev.round_documents (batch, round, position, document_id, stratum)"
                                  " SELECT ?, ?, row.position - 1, row.value->>0, row.value->>1"
                                  " FROM jsonb_array_elements(?::jsonb) WITH ORDINALITY AS row(value, position)"),
                   {batch.id, round.name, QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact))});
        !done) {
        return done;
    }
    return transaction->commit();
}

Expected<QList<SpotCheckRound>> rounds(const PostgresBatch &batch)
{
    PostgresConnection &db = batch.db();
    QSqlQuery query = db.query();
    if (Expected<void> done = db.run(query, roundSelect % u" ORDER BY r.seq", {batch.id}); !done) {
        return done.error();
    }
    QList<SpotCheckRound> result;
    while (query.next()) {
        result.append(StoreRows::round(query, utcTime));
    }
    return result;
}

Expected<SpotCheckRound> round(const PostgresBatch &batch, const QString &name)
{
    PostgresConnection &db = batch.db();
    QSqlQuery query = db.query();
    if (Expected<void> done = db.run(query, roundSelect % u" AND r.name = ?", {batch.id, name}); !done) {
        return done.error();
    }
    if (!query.next()) {
        return noRound(batch, name);
    }
    return StoreRows::round(query, utcTime);
}

Expected<QList<RoundDocument>> roundDocuments(const PostgresBatch &batch, const QString &round)
{
    PostgresConnection &db = batch.db();
    QSqlQuery query = db.query();
    if (Expected<void> done = db.run(query,
                                     QStringLiteral("SELECT document_id, stratum FROM annorev.round_documents"
                                                    " WHERE batch = ? AND round = ? ORDER BY position"),
                                     {batch.id, round});
        !done) {
        return done.error();
    }
    QList<RoundDocument> documents;
    while (query.next()) {
        documents.append({query.value(0).toString(), query.value(1).toString()});
    }
    return documents;
}

Expected<void> judge(const PostgresBatch &batch, const QString &round, const QStringList &ids, Verdict verdict,
                     std::optional<FailReason> reason, const QString &note)
{
    if (Expected<void> valid = ReviewRules::checkVerdict(verdict, reason); !valid) {
        return valid;
    }
    PostgresConnection &db = batch.db();
    const QStringList unique = ReviewRules::uniqueIds(ids);
    Expected<PostgresTransaction> transaction = db.begin();
    if (!transaction) {
        return transaction.error();
    }
    if (Expected<SpotCheckRound> known = PostgresRounds::round(batch, round); !known) {
        return known.error();
    }
    const Expected<QStringList> unknown =
        idsNotFound(batch,
                    QStringLiteral("SELECT id FROM annorev.documents WHERE batch = ? AND id IN"
                                   " (SELECT jsonb_array_elements_text(?::jsonb))"),
                    unique, {});
    if (!unknown) {
        return unknown.error();
    }
    if (!unknown->isEmpty()) {
        return ReviewRules::unknownDocuments(*unknown, db.path(), QStringLiteral("nothing was changed"));
    }
    const Expected<QStringList> outside =
        idsNotFound(batch,
                    QStringLiteral("SELECT document_id FROM annorev.round_documents WHERE batch = ? AND document_id IN"
                                   " (SELECT jsonb_array_elements_text(?::jsonb)) AND round = ?"),
                    unique, {round});
    if (!outside) {
        return outside.error();
    }
    if (!outside->isEmpty()) {
        return Error{ReviewRules::quotedList(*outside) %
                     (outside->size() == 1 ? QStringLiteral(" is") : QStringLiteral(" are")) % u" not in round \"" %
                     round % u"\"; nothing was changed"};
    }
    QSqlQuery insert = db.query();
    if (Expected<void> done =
            db.run(insert,
                   QStringLiteral("INSERT INTO annorev.judgements (batch, round, document_id, verdict, reason, note)"
                                  " SELECT ?, ?, id.value, ?, ?, ? FROM jsonb_array_elements_text(?::jsonb)"
                                  " WITH ORDINALITY AS id(value, position) ORDER BY id.position"),
                   {batch.id, round, verdictName(verdict),
                    reason ? QVariant(failReasonName(*reason)) : QVariant(QMetaType(QMetaType::QString)),
                    ReviewRules::storedNote(note), PostgresReads::jsonArray(unique)});
        !done) {
        return done;
    }
    return transaction->commit();
}

Expected<QList<Judgement>> judgements(const PostgresBatch &batch, const QString &round)
{
    PostgresConnection &db = batch.db();
    QSqlQuery query = db.query();
    if (Expected<void> done = db.run(query,
                                     u"SELECT " % StoreRows::judgementColumns %
                                         u" FROM annorev.judgements WHERE batch = ? AND round = ? ORDER BY seq",
                                     {batch.id, round});
        !done) {
        return done.error();
    }
    QList<Judgement> result;
    while (query.next()) {
        result.append(StoreRows::judgement(query, utcTime));
    }
    return result;
}

} // namespace annorev::PostgresRounds
