#include "sqlitesuggestions.h"

#include "reviewrules.h"
#include "sqliteconnection.h"
#include "sqlitedisagreement.h"
#include "sqlitedocuments.h"
#include "sqlitevalues.h"

#include <QHash>

#include <set>
#include <tuple>

namespace annorev::SqliteSuggestions {

using namespace SqliteValues;

namespace {

// What makes two suggestions of one source the same: a re-import must not ask again about one
// a reviewer decided.
using SpanKey = std::tuple<qint64, qint64, qint64, QString>;

QString quoted(const QString &text)
{
    return u'"' % text % u'"';
}

} // namespace

Expected<ReviewStore::SuggestionsAdded> add(SqliteConnection &connection, const QList<Suggestion> &suggestions,
                                            const QString &source, const QString &reviewer, const Schema &schema)
{
    if (source.isEmpty()) {
        return Error{QStringLiteral("suggestions need the name of the file they came from")};
    }
    for (const Suggestion &suggestion : suggestions) {
        if (suggestion.start < 0 || suggestion.start >= suggestion.end || suggestion.label.isEmpty()) {
            return Error{u"the suggestion " % quoted(suggestion.label) % u" [" % QString::number(suggestion.start) %
                         u", " % QString::number(suggestion.end) % u") of " % quoted(suggestion.documentId) %
                         u" is empty, reversed or has no label; nothing was imported"};
        }
    }
    Expected<SqliteTransaction> transaction = connection.beginWrite();
    if (!transaction) {
        return transaction.error();
    }
    QSqlQuery query = connection.query();
    if (Expected<void> prepared = connection.prepare(query, QStringLiteral("SELECT rowid FROM documents WHERE id = ?"));
        !prepared) {
        return prepared.error();
    }
    QHash<QString, qint64> rowOf;
    QStringList unknown;
    for (const Suggestion &suggestion : suggestions) {
        if (rowOf.contains(suggestion.documentId) || unknown.contains(suggestion.documentId)) {
            continue;
        }
        if (Expected<void> done = connection.exec(query, {suggestion.documentId}); !done) {
            return done.error();
        }
        if (query.next()) {
            rowOf.insert(suggestion.documentId, query.value(0).toLongLong());
        } else {
            unknown.append(suggestion.documentId);
        }
        query.finish();
    }
    if (!unknown.isEmpty()) {
        return ReviewRules::unknownDocuments(unknown, connection.path(), QStringLiteral("nothing was imported"));
    }

    // The pending suggestions this source brought last time go; the decided ones stay.
    QHash<QString, qsizetype> replacedIn;
    if (Expected<void> done = connection.run(
            query,
            QStringLiteral("SELECT d.id, COUNT(*) FROM suggestions s JOIN documents d ON d.rowid = s.document"
                           " WHERE s.source = ? AND s.state = 'pending' GROUP BY d.id"),
            {source});
        !done) {
        return done.error();
    }
    while (query.next()) {
        replacedIn.insert(query.value(0).toString(), query.value(1).toLongLong());
    }
    std::set<SpanKey> decided;
    if (Expected<void> done = connection.run(
            query,
            QStringLiteral(
                "SELECT document, start, \"end\", label FROM suggestions WHERE source = ? AND state != 'pending'"),
            {source});
        !done) {
        return done.error();
    }
    while (query.next()) {
        decided.emplace(query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toLongLong(),
                        query.value(3).toString());
    }
    if (Expected<void> done = connection.run(
            query, QStringLiteral("DELETE FROM suggestions WHERE source = ? AND state = 'pending'"), {source});
        !done) {
        return done.error();
    }

    ReviewStore::SuggestionsAdded result;
    QHash<QString, qsizetype> addedIn;
    QStringList touched; // in the order the suggestions name them, then the documents that only lost some
    if (Expected<void> prepared = connection.prepare(
            query, QStringLiteral("INSERT INTO suggestions (document, start, \"end\", label, score, text, source)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?)"));
        !prepared) {
        return prepared.error();
    }
    for (const Suggestion &suggestion : suggestions) {
        const qint64 row = rowOf.value(suggestion.documentId);
        if (decided.contains({row, qint64(suggestion.start), qint64(suggestion.end), suggestion.label})) {
            ++result.alreadyDecided;
            continue;
        }
        if (Expected<void> done =
                connection.exec(query, {row, integer(suggestion.start), integer(suggestion.end), suggestion.label,
                                        suggestion.score ? QVariant(*suggestion.score) : QVariant(),
                                        // A null QString binds as SQL NULL.
                                        suggestion.text.isNull() ? QStringLiteral("") : suggestion.text, source});
            !done) {
            return done.error();
        }
        if (addedIn[suggestion.documentId]++ == 0) {
            touched.append(suggestion.documentId);
        }
        ++result.added;
    }
    QStringList onlyReplaced;
    for (auto it = replacedIn.cbegin(); it != replacedIn.cend(); ++it) {
        result.replaced += it.value();
        if (!addedIn.contains(it.key())) {
            onlyReplaced.append(it.key());
        }
    }
    onlyReplaced.sort(); // the audit rows in an order of their own, not the hash's
    touched += onlyReplaced;

    if (Expected<void> prepared = connection.prepare(query, SqliteDocuments::auditInsert); !prepared) {
        return prepared.error();
    }
    const QString at = now();
    for (const QString &id : std::as_const(touched)) {
        const qsizetype added = addedIn.value(id);
        const qsizetype replaced = replacedIn.value(id);
        QString note = QString::number(added) % (added == 1 ? u" suggestion from " : u" suggestions from ") % source;
        if (replaced > 0) {
            note += u", replacing " % QString::number(replaced) % u" pending";
        }
        if (Expected<void> done = connection.exec(query, {id, reviewer, at, QStringLiteral("suggest"), QVariant(),
                                                          QVariant(), QVariant(), QVariant(), note});
            !done) {
            return done.error();
        }
    }
    result.documents = touched.size();
    SqliteDisagreementWriter disagreement(connection);
    if (Expected<void> prepared = disagreement.prepare(); !prepared) {
        return prepared.error();
    }
    if (Expected<void> done = disagreement.refresh(touched, schema); !done) {
        return done.error();
    }
    if (Expected<void> committed = transaction->commit(); !committed) {
        return committed.error();
    }
    return result;
}

Expected<QList<Suggestion>> ofDocument(const SqliteConnection &connection, const QString &documentId)
{
    QSqlQuery query = connection.query();
    if (Expected<void> done =
            connection.run(query, QStringLiteral("SELECT rowid FROM documents WHERE id = ?"), {documentId});
        !done) {
        return done.error();
    }
    if (!query.next()) {
        return Error{u"no document " % quoted(documentId) % u" in the store " % connection.path()};
    }
    const qint64 row = query.value(0).toLongLong();
    query.finish();
    if (Expected<void> done = connection.run(
            query,
            QStringLiteral("SELECT id, start, \"end\", label, score, text, source, state, decided_by, decided_at"
                           " FROM suggestions WHERE document = ? ORDER BY start, \"end\", label, id"),
            {row});
        !done) {
        return done.error();
    }
    QList<Suggestion> result;
    while (query.next()) {
        Suggestion suggestion;
        suggestion.id = query.value(0).toLongLong();
        suggestion.documentId = documentId;
        suggestion.start = query.value(1).toLongLong();
        suggestion.end = query.value(2).toLongLong();
        suggestion.label = query.value(3).toString();
        if (!query.value(4).isNull()) {
            suggestion.score = query.value(4).toDouble();
        }
        suggestion.text = query.value(5).toString();
        suggestion.source = query.value(6).toString();
        suggestion.state = suggestionStateFrom(query.value(7).toString()).value_or(SuggestionState::Pending);
        suggestion.decidedBy = query.value(8).toString();
        suggestion.decidedAt = timeOf(query.value(9));
        result.append(std::move(suggestion));
    }
    return result;
}

Expected<void> decide(SqliteConnection &connection, qint64 id, SuggestionState decision, const QString &reviewer,
                      const Schema &schema)
{
    if (decision == SuggestionState::Pending) {
        return Error{QStringLiteral("a suggestion is accepted or rejected; it cannot be made pending again")};
    }
    Expected<SqliteTransaction> transaction = connection.beginWrite();
    if (!transaction) {
        return transaction.error();
    }
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(
            query,
            QStringLiteral("SELECT d.id, s.label, s.text, s.source, s.state, s.decided_by FROM suggestions s"
                           " JOIN documents d ON d.rowid = s.document WHERE s.id = ?"),
            {id});
        !done) {
        return done.error();
    }
    if (!query.next()) {
        return Error{u"no suggestion " % QString::number(id) % u" in the store " % connection.path()};
    }
    const QString documentId = query.value(0).toString();
    const QString label = query.value(1).toString();
    const QString text = query.value(2).toString();
    const QString source = query.value(3).toString();
    const QString state = query.value(4).toString();
    const QString decidedBy = query.value(5).toString();
    query.finish();
    if (state != suggestionStateName(SuggestionState::Pending)) {
        return Error{u"the suggestion " % QString::number(id) % u" of " % quoted(documentId) % u" was " % state %
                     u" by " % decidedBy % u" already; a decision is not changed"};
    }
    const QString at = now();
    if (Expected<void> done = connection.run(
            query, QStringLiteral("UPDATE suggestions SET state = ?, decided_by = ?, decided_at = ? WHERE id = ?"),
            {suggestionStateName(decision), reviewer, at, id});
        !done) {
        return done;
    }
    const QString action = decision == SuggestionState::Accepted ? QStringLiteral("suggestion-accepted")
                                                                 : QStringLiteral("suggestion-rejected");
    const QString note =
        label % u' ' % quoted(text) % u" (suggestion " % QString::number(id) % u" from " % source % u')';
    if (Expected<void> done =
            connection.run(query, SqliteDocuments::auditInsert,
                           {documentId, reviewer, at, action, QVariant(), QVariant(), QVariant(), QVariant(), note});
        !done) {
        return done;
    }
    SqliteDisagreementWriter disagreement(connection);
    if (Expected<void> done = disagreement.prepare(); !done) {
        return done;
    }
    if (Expected<void> done = disagreement.refresh(QStringList{documentId}, schema); !done) {
        return done;
    }
    return transaction->commit();
}

Expected<QList<SuggestionCounts>> counts(const SqliteConnection &connection)
{
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(
            query, QStringLiteral("SELECT label, SUM(state = 'pending'), SUM(state = 'accepted'),"
                                  " SUM(state = 'rejected') FROM suggestions GROUP BY label ORDER BY label"));
        !done) {
        return done.error();
    }
    QList<SuggestionCounts> result;
    while (query.next()) {
        result.append({query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toLongLong(),
                       query.value(3).toLongLong()});
    }
    return result;
}

Expected<QHash<QString, int>> disagreements(const SqliteConnection &connection, const QStringList &ids)
{
    QSqlQuery query = connection.query();
    if (Expected<void> prepared = connection.prepare(
            query, QStringLiteral("SELECT g.count FROM disagreements g JOIN documents d ON d.rowid = g.document"
                                  " WHERE d.id = ?"));
        !prepared) {
        return prepared.error();
    }
    QHash<QString, int> result;
    for (const QString &id : ids) {
        if (Expected<void> done = connection.exec(query, {id}); !done) {
            return done.error();
        }
        if (query.next()) {
            result.insert(id, query.value(0).toInt());
        }
        query.finish();
    }
    return result;
}

Expected<QList<ReviewStore::Disagreement>> mostDisagreeing(const SqliteConnection &connection, qsizetype limit)
{
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(
            query,
            QStringLiteral("SELECT d.id, g.count FROM disagreements g JOIN documents d ON d.rowid = g.document"
                           " WHERE d.missing = 0 AND g.count > 0 ORDER BY g.count DESC, d.position, d.id LIMIT ?"),
            {integer(limit)});
        !done) {
        return done.error();
    }
    QList<ReviewStore::Disagreement> result;
    while (query.next()) {
        result.append({query.value(0).toString(), query.value(1).toInt()});
    }
    return result;
}

} // namespace annorev::SqliteSuggestions
