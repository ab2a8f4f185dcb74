#include "postgreswrites.h"

#include "postgresconnection.h"
#include "postgresreads.h"
#include "reviewrules.h"
#include "storevalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringBuilder>

#include <algorithm>

namespace annorev::PostgresWrites {

using namespace StoreValues;

namespace {

QVariant integer(qint64 value)
{
    return QVariant(qlonglong(value));
}

ReviewRules::LastWrite lastWriteOf(const QSqlQuery &row, int column)
{
    return {row.value(column).toLongLong(), row.value(column + 1).toString(),
            row.value(column + 2).toDateTime().toUTC()};
}

} // namespace

Expected<void> setStatus(const PostgresBatch &batch, const QStringList &ids, ReviewStatus status, const QString &note,
                         const ReviewStore::Versions &versions)
{
    PostgresConnection &db = batch.db();
    const QStringList unique = ReviewRules::uniqueIds(ids);
    Expected<PostgresTransaction> transaction = db.begin();
    if (!transaction) {
        return transaction.error();
    }
    // Locked in id order, so that two members deciding on overlapping sets take turns rather
    // than deadlock.
    QSqlQuery select = db.query();
    if (Expected<void> done = db.run(select,
                                     QStringLiteral("SELECT id, status, errors, version, written_by, written_at"
                                                    " FROM annorev.documents WHERE batch = ? AND id IN"
                                                    " (SELECT jsonb_array_elements_text(?::jsonb))"
                                                    " ORDER BY id FOR UPDATE"),
                                     {batch.id, PostgresReads::jsonArray(unique)});
        !done) {
        return done;
    }
    QHash<QString, std::optional<ReviewStatus>> before;
    QStringList withErrors;
    while (select.next()) {
        const QString id = select.value(0).toString();
        before.insert(id, statusOf(select.value(1)));
        if (select.value(2).toLongLong() > 0) {
            withErrors.append(id);
        }
        if (const auto basis = versions.constFind(id); basis != versions.cend()) {
            if (Expected<void> current = ReviewRules::checkVersion(id, *basis, lastWriteOf(select, 3),
                                                                   QStringLiteral("nothing was changed"));
                !current) {
                return current;
            }
        }
    }
    QStringList unknown;
    QJsonArray changes; // [id, status before] each
    for (const QString &id : unique) {
        const auto found = before.constFind(id);
        if (found == before.cend()) {
            unknown.append(id);
        } else {
            changes.append(QJsonArray{id, found->has_value() ? statusName(**found) : QString()});
        }
    }
    if (!unknown.isEmpty()) {
        return ReviewRules::unknownDocuments(unknown, db.path(), QStringLiteral("nothing was changed"));
    }
    if (Expected<void> allowed = ReviewRules::checkApproval(status, note, withErrors); !allowed) {
        return allowed;
    }
    const QString noteText = ReviewRules::storedNote(note);
    QSqlQuery write = db.query();
    // Who decided and when are the server's to record (see PostgresSchema).
    Expected<void> done = db.run(write,
                                 QStringLiteral("UPDATE annorev.documents SET status = ?, note = ? WHERE batch = ? AND"
                                                " id IN (SELECT jsonb_array_elements_text(?::jsonb))"),
                                 {statusName(status), noteText, batch.id, PostgresReads::jsonArray(unique)});
    if (done) {
        done = db.run(write,
                      QStringLiteral("INSERT INTO annorev.audit (batch, document_id, action, status_before,"
                                     " status_after, note) SELECT ?, change->>0, 'status', NULLIF(change->>1, ''), ?,"
                                     " ? FROM jsonb_array_elements(?::jsonb) AS change"),
                      {batch.id, statusName(status), noteText.isEmpty() ? QVariant() : QVariant(noteText),
                       QString::fromUtf8(QJsonDocument(changes).toJson(QJsonDocument::Compact))});
    }
    if (!done) {
        return done;
    }
    return transaction->commit();
}

namespace {

// One document's edit inside the caller's transaction, with its audit row: on version (the one
// the session opened) or on the text expected (the one a bulk edit read), or on any.
Expected<void> writeTaggedText(const PostgresBatch &batch, const QString &id, const QByteArray &taggedText,
                               const TextFacts &facts, std::optional<qint64> version,
                               const std::optional<QByteArray> &expected, const QString &consequence)
{
    PostgresConnection &db = batch.db();
    QSqlQuery select = db.query();
    if (Expected<void> done =
            db.run(select,
                   QStringLiteral("SELECT tagged_text, status, version, written_by, written_at FROM annorev.documents"
                                  " WHERE batch = ? AND id = ? FOR UPDATE"),
                   {batch.id, id});
        !done) {
        return done;
    }
    if (!select.next()) {
        return ReviewRules::unknownDocuments({id}, db.path(), consequence);
    }
    if (version) {
        if (Expected<void> current = ReviewRules::checkVersion(id, *version, lastWriteOf(select, 2), consequence);
            !current) {
            return current;
        }
    }
    const QByteArray before = select.value(0).toByteArray();
    if (expected && before != *expected) {
        return ReviewRules::changedSinceRead(id, lastWriteOf(select, 2), consequence);
    }
    const std::optional<ReviewStatus> statusBefore = statusOf(select.value(1));
    if (before == taggedText) {
        return {};
    }
    const std::optional<ReviewStatus> statusAfter = ReviewRules::statusAfterEdit(statusBefore);
    const QString reopened = ReviewRules::reopenedNote(statusBefore);
    const DocumentFacts &counts = facts.facts;
    QSqlQuery write = db.query();
    Expected<void> done = db.run(
        write,
        QStringLiteral("UPDATE annorev.documents SET tagged_text = ?, errors = ?, warnings = ?, infos = ?, status = ?,"
                       " facts = ?, plain_text = ? WHERE batch = ? AND id = ?"),
        {taggedText, integer(counts.errors()), integer(counts.warnings()), integer(counts.infos()),
         statusName(statusAfter.value_or(ReviewStatus::Unreviewed)), counts.encoded(),
         PostgresConnection::storableText(facts.plainText), batch.id, id});
    if (done) {
        done =
            db.run(write,
                   QStringLiteral("INSERT INTO annorev.audit (batch, document_id, action, status_before,"
                                  " status_after, text_before, text_after, note) VALUES (?, ?, 'edit', ?, ?, ?, ?, ?)"),
                   {batch.id, id, statusValue(statusBefore), statusValue(statusAfter), before, taggedText,
                    reopened.isNull() ? QVariant() : QVariant(reopened)});
    }
    return done;
}

} // namespace

Expected<void> setTaggedText(const PostgresBatch &batch, const QString &id, const QByteArray &taggedText,
                             const TextFacts &facts, std::optional<qint64> version)
{
    Expected<PostgresTransaction> transaction = batch.db().begin();
    if (!transaction) {
        return transaction.error();
    }
    if (Expected<void> done = writeTaggedText(batch, id, taggedText, facts, version, std::nullopt,
                                              QStringLiteral("the edit was not saved"));
        !done) {
        return done;
    }
    return transaction->commit();
}

Expected<void> setTaggedTexts(const PostgresBatch &batch, const QList<ReviewStore::TextWrite> &writes)
{
    if (writes.isEmpty()) {
        return {};
    }
    // Locked in id order, as setStatus() locks, so that two bulk edits take turns rather than deadlock.
    QList<const ReviewStore::TextWrite *> ordered;
    for (const ReviewStore::TextWrite &write : writes) {
        ordered.append(&write);
    }
    std::sort(ordered.begin(), ordered.end(), [](const auto *a, const auto *b) { return a->id < b->id; });
    Expected<PostgresTransaction> transaction = batch.db().begin();
    if (!transaction) {
        return transaction.error();
    }
    for (const ReviewStore::TextWrite *write : std::as_const(ordered)) {
        if (Expected<void> done = writeTaggedText(batch, write->id, write->after, write->facts, std::nullopt,
                                                  write->before, QStringLiteral("nothing was changed"));
            !done) {
            return done;
        }
    }
    return transaction->commit();
}

} // namespace annorev::PostgresWrites
