#include "sqliterounds.h"

#include "reviewrules.h"
#include "sqliteconnection.h"
#include "sqlitevalues.h"
#include "storerows.h"

namespace annorev::SqliteRounds {

using namespace SqliteValues;

namespace {

const QString roundSelect =
    QStringLiteral("SELECT name, created_at, created_by, seed, requested_size, statuses, stratify,"
                   " (SELECT COUNT(*) FROM round_documents WHERE round_documents.round = rounds.name) FROM rounds");

} // namespace

Expected<void> createRound(SqliteConnection &connection, const SpotCheckRound &round,
                           const QList<RoundDocument> &documents)
{
    if (Expected<void> valid = ReviewRules::checkNewRound(round, documents); !valid) {
        return valid;
    }
    Expected<SqliteTransaction> transaction = connection.beginWrite();
    if (!transaction) {
        return transaction.error();
    }
    QSqlQuery query = connection.query();
    Expected<bool> taken = connection.prepare(query, QStringLiteral("SELECT 1 FROM rounds WHERE name = ?"))
                               ? connection.hasRow(query, {round.name})
                               : Expected<bool>(connection.errorOf(query));
    if (!taken) {
        return taken.error();
    }
    if (*taken) {
        return Error{u"a round \"" % round.name % u"\" already exists in the store " % connection.path() %
                     u"; rounds are never redrawn: choose another name"};
    }
    if (Expected<void> prepared = connection.prepare(query, QStringLiteral("SELECT 1 FROM documents WHERE id = ?"));
        !prepared) {
        return prepared;
    }
    QStringList unknown;
    for (const RoundDocument &document : documents) {
        const Expected<bool> found = connection.hasRow(query, {document.id});
        if (!found) {
            return found.error();
        }
        if (!*found) {
            unknown.append(document.id);
        }
    }
    if (!unknown.isEmpty()) {
        return ReviewRules::unknownDocuments(unknown, connection.path(), QStringLiteral("nothing was saved"));
    }
    if (Expected<void> done = connection.run(
            query,
            QStringLiteral("INSERT INTO rounds (name, created_at, created_by, seed, requested_size, statuses,"
                           " stratify) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {round.name, now(), round.createdBy, QString::number(round.seed), integer(round.requestedSize),
             round.statuses, stratifyName(round.stratify)});
        !done) {
        return done;
    }
    if (Expected<void> prepared = connection.prepare(
            query,
            QStringLiteral("INSERT INTO round_documents (round, position, document_id, stratum) VALUES (?, ?, ?, ?)"));
        !prepared) {
        return prepared;
    }
    for (qsizetype position = 0; position < documents.size(); ++position) {
        const RoundDocument &document = documents[position];
        // A null QString binds as SQL NULL; the stratum column holds '' for an unstratified round.
        const QString stratum = document.stratum.isNull() ? QStringLiteral("") : document.stratum;
        if (Expected<void> done = connection.exec(query, {round.name, integer(position), document.id, stratum});
            !done) {
            return done;
        }
    }
    return transaction->commit();
}

Expected<QList<SpotCheckRound>> rounds(const SqliteConnection &connection)
{
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(query, roundSelect % u" ORDER BY seq"); !done) {
        return done.error();
    }
    QList<SpotCheckRound> result;
    while (query.next()) {
        result.append(StoreRows::round(query, timeOf));
    }
    return result;
}

Expected<SpotCheckRound> round(const SqliteConnection &connection, const QString &name)
{
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(query, roundSelect % u" WHERE name = ?", {name}); !done) {
        return done.error();
    }
    if (!query.next()) {
        return Error{u"no round \"" % name % u"\" in the store " % connection.path()};
    }
    return StoreRows::round(query, timeOf);
}

Expected<QList<RoundDocument>> roundDocuments(const SqliteConnection &connection, const QString &round)
{
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(
            query, QStringLiteral("SELECT document_id, stratum FROM round_documents WHERE round = ? ORDER BY position"),
            {round});
        !done) {
        return done.error();
    }
    QList<RoundDocument> documents;
    while (query.next()) {
        documents.append({query.value(0).toString(), query.value(1).toString()});
    }
    return documents;
}

Expected<void> judge(SqliteConnection &connection, const QString &round, const QStringList &ids, Verdict verdict,
                     std::optional<FailReason> reason, const QString &note, const QString &reviewer)
{
    if (Expected<void> valid = ReviewRules::checkVerdict(verdict, reason); !valid) {
        return valid;
    }
    const QStringList unique = ReviewRules::uniqueIds(ids);
    Expected<SqliteTransaction> transaction = connection.beginWrite();
    if (!transaction) {
        return transaction.error();
    }
    QSqlQuery known = connection.query();
    QSqlQuery inRound = connection.query();
    Expected<bool> roundKnown = connection.prepare(known, QStringLiteral("SELECT 1 FROM rounds WHERE name = ?"))
                                    ? connection.hasRow(known, {round})
                                    : Expected<bool>(connection.errorOf(known));
    if (!roundKnown) {
        return roundKnown.error();
    }
    if (!*roundKnown) {
        return Error{u"no round \"" % round % u"\" in the store " % connection.path()};
    }
    Expected<void> prepared = connection.prepare(known, QStringLiteral("SELECT 1 FROM documents WHERE id = ?"));
    if (prepared) {
        prepared = connection.prepare(
            inRound, QStringLiteral("SELECT 1 FROM round_documents WHERE round = ? AND document_id = ?"));
    }
    if (!prepared) {
        return prepared;
    }
    QStringList unknown;
    QStringList outside;
    for (const QString &id : unique) {
        const Expected<bool> isKnown = connection.hasRow(known, {id});
        if (!isKnown) {
            return isKnown.error();
        }
        const Expected<bool> isInRound = connection.hasRow(inRound, {round, id});
        if (!isInRound) {
            return isInRound.error();
        }
        if (!*isKnown) {
            unknown.append(id);
        } else if (!*isInRound) {
            outside.append(id);
        }
    }
    if (!unknown.isEmpty()) {
        return ReviewRules::unknownDocuments(unknown, connection.path(), QStringLiteral("nothing was changed"));
    }
    if (!outside.isEmpty()) {
        return Error{ReviewRules::quotedList(outside) %
                     (outside.size() == 1 ? QStringLiteral(" is") : QStringLiteral(" are")) % u" not in round \"" %
                     round % u"\"; nothing was changed"};
    }
    QSqlQuery insert = connection.query();
    if (Expected<void> ready = connection.prepare(insert, QStringLiteral("INSERT INTO judgements (round, document_id,"
                                                                         " verdict, reason, note, reviewer, at)"
                                                                         " VALUES (?, ?, ?, ?, ?, ?, ?)"));
        !ready) {
        return ready;
    }
    const QString at = now();
    const QString noteText = ReviewRules::storedNote(note);
    for (const QString &id : unique) {
        if (Expected<void> done = connection.exec(insert, {round, id, verdictName(verdict),
                                                           reason ? QVariant(failReasonName(*reason)) : QVariant(),
                                                           noteText, reviewer, at});
            !done) {
            return done;
        }
    }
    return transaction->commit();
}

Expected<QList<Judgement>> judgements(const SqliteConnection &connection, const QString &round)
{
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(
            query, u"SELECT " % StoreRows::judgementColumns % u" FROM judgements WHERE round = ? ORDER BY seq",
            {round});
        !done) {
        return done.error();
    }
    QList<Judgement> result;
    while (query.next()) {
        result.append(StoreRows::judgement(query, timeOf));
    }
    return result;
}

} // namespace annorev::SqliteRounds
