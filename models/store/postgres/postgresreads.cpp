#include "postgresreads.h"

#include "factsview.h"
#include "postgresconnection.h"
#include "reviewrules.h"
#include "storerows.h"
#include "storevalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringBuilder>

namespace annorev::PostgresReads {

using namespace StoreValues;

namespace {

// Rows are read a page at a time, in batch order from after the last row of the page before, so
// that a batch of any size is never held whole by the driver.
constexpr int pageRows = 5000;

QDateTime utc(const QVariant &value)
{
    return value.isNull() ? QDateTime() : value.toDateTime().toUTC();
}

// Runs select (which ends in "WHERE batch = ? AND (position, id) > (?, ?)" and may add more
// conditions and values after those three) page by page inside one read-only snapshot, handing
// each row to visit until it returns false. The first two columns are position and id.
Expected<void> forEachRow(const PostgresBatch &batch, const QString &select, const QVariantList &more,
                          const std::function<Expected<bool>(const QSqlQuery &)> &visit, qint64 afterPosition = -1,
                          const QString &afterId = QString())
{
    PostgresConnection &db = batch.db();
    Expected<PostgresTransaction> snapshot = db.beginSnapshot();
    if (!snapshot) {
        return snapshot.error();
    }
    QSqlQuery query = db.query();
    if (Expected<void> prepared =
            db.prepare(query, select % u" ORDER BY position, id LIMIT " % QString::number(pageRows));
        !prepared) {
        return prepared;
    }
    qint64 position = afterPosition;
    QString id = afterId.isNull() ? QStringLiteral("") : afterId;
    for (;;) {
        QVariantList values{batch.id, position, id};
        values += more;
        if (Expected<void> done = db.exec(query, values); !done) {
            return done;
        }
        int rows = 0;
        while (query.next()) {
            ++rows;
            position = query.value(0).toLongLong();
            id = query.value(1).toString();
            const Expected<bool> goOn = visit(query);
            if (!goOn) {
                return goOn.error();
            }
            if (!*goOn) {
                return {};
            }
        }
        if (rows < pageRows) {
            return {};
        }
    }
}

const QString afterClause = QStringLiteral(" WHERE batch = ? AND (position, id) > (?, ?)");

Error noFacts(const PostgresBatch &batch, const QString &id)
{
    return Error{u"the team batch " % batch.db().path() % u": the facts of the document \"" % id %
                 u"\" cannot be read"};
}

} // namespace

QString jsonArray(const QStringList &ids)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
}

Expected<ReviewStore::StoredDocument> document(const PostgresBatch &batch, const QString &id)
{
    PostgresConnection &db = batch.db();
    QSqlQuery query = db.query();
    if (Expected<void> done = db.run(
            query,
            QStringLiteral("SELECT position, id, layout, source_path, relative_path, source_line, source_hash,"
                           " source_text, tagged_text, json_line, text_token_begin, text_token_end, status, note,"
                           " reviewer, changed_at, source_changed, missing, errors, warnings, infos, version"
                           " FROM annorev.documents WHERE batch = ? AND id = ?"),
            {batch.id, id});
        !done) {
        return done.error();
    }
    if (!query.next()) {
        return Error{u"no document \"" % id % u"\" in the team batch " % db.path()};
    }
    ReviewStore::StoredDocument doc;
    doc.position = query.value(0).toLongLong();
    doc.id = query.value(1).toString();
    doc.layout = layoutOf(query.value(2).toString());
    doc.sourcePath = query.value(3).toString();
    doc.relativePath = query.value(4).toString();
    doc.sourceLine = query.value(5).toInt();
    doc.sourceHash = query.value(6).toByteArray();
    doc.sourceText = query.value(7).toByteArray();
    doc.taggedText = query.value(8).toByteArray();
    doc.jsonLine = query.value(9).toByteArray();
    doc.textTokenBegin = query.value(10).toLongLong();
    doc.textTokenEnd = query.value(11).toLongLong();
    doc.status = statusOf(query.value(12)).value_or(ReviewStatus::Unreviewed);
    doc.note = query.value(13).toString();
    doc.reviewer = query.value(14).toString();
    doc.changedAt = utc(query.value(15));
    doc.sourceChanged = query.value(16).toBool();
    doc.missing = query.value(17).toBool();
    doc.errors = query.value(18).toLongLong();
    doc.warnings = query.value(19).toLongLong();
    doc.infos = query.value(20).toLongLong();
    doc.version = query.value(21).toLongLong();
    return doc;
}

Expected<qint64> version(const PostgresBatch &batch, const QString &id)
{
    PostgresConnection &db = batch.db();
    QSqlQuery query = db.query();
    if (Expected<void> done = db.run(
            query, QStringLiteral("SELECT version FROM annorev.documents WHERE batch = ? AND id = ?"), {batch.id, id});
        !done) {
        return done.error();
    }
    if (!query.next()) {
        return Error{u"no document \"" % id % u"\" in the team batch " % db.path()};
    }
    return query.value(0).toLongLong();
}

Expected<ReviewStore::Changes> changesSince(const PostgresBatch &batch, qint64 mark)
{
    PostgresConnection &db = batch.db();
    // Asked between notifications to see that the server is still there: a connection that broke
    // is made again here, so that the window hears of changes again once it is back.
    if (Expected<void> connected = db.ensureConnected(); !connected) {
        return connected.error();
    }
    QSqlQuery query = db.query();
    ReviewStore::Changes changes{mark, {}};
    if (mark == ReviewStore::noMark) {
        if (Expected<void> done = db.run(
                query, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM annorev.audit WHERE batch = ?"), {batch.id});
            !done) {
            return done.error();
        }
        changes.mark = query.next() ? query.value(0).toLongLong() : 0;
        return changes;
    }
    if (Expected<void> done = db.run(query,
                                     QStringLiteral("SELECT seq, document_id FROM annorev.audit"
                                                    " WHERE seq > ? AND batch = ? ORDER BY seq"),
                                     {mark, batch.id});
        !done) {
        return done.error();
    }
    return StoreRows::changes(query, mark);
}

Expected<QStringList> ids(const PostgresBatch &batch)
{
    QStringList result;
    const Expected<void> read = forEachRow(batch, u"SELECT position, id FROM annorev.documents" % afterClause, {},
                                           [&result](const QSqlQuery &row) -> Expected<bool> {
                                               result.append(row.value(1).toString());
                                               return true;
                                           });
    if (!read) {
        return read.error();
    }
    return result;
}

Expected<QList<DocumentProfile>> profiles(const PostgresBatch &batch, Missing missing)
{
    QList<DocumentProfile> result;
    const Expected<void> read = forEachRow(
        batch,
        u"SELECT position, id, status, facts FROM annorev.documents" % afterClause %
            (missing == Missing::Skip ? QStringLiteral(" AND NOT missing") : QString()),
        {}, [&](const QSqlQuery &row) -> Expected<bool> {
            const QString id = row.value(1).toString();
            std::optional<DocumentFacts> facts = DocumentFacts::decoded(row.value(3).toString());
            if (!facts) {
                return noFacts(batch, id);
            }
            result.append({id, statusOf(row.value(2)).value_or(ReviewStatus::Unreviewed), std::move(*facts)});
            return true;
        });
    if (!read) {
        return read.error();
    }
    return result;
}

Expected<void> forEachProfile(const PostgresBatch &batch, const ReviewStore::ProfileVisitor &visit)
{
    FactsView facts;
    return forEachRow(batch, u"SELECT position, id, status, facts FROM annorev.documents" % afterClause, {},
                      [&](const QSqlQuery &row) -> Expected<bool> {
                          const QByteArray id = row.value(1).toString().toUtf8();
                          const QByteArray text = row.value(3).toString().toUtf8();
                          if (!facts.read(text)) {
                              return noFacts(batch, QString::fromUtf8(id));
                          }
                          visit(ProfileRow{id, statusOf(row.value(2)).value_or(ReviewStatus::Unreviewed), facts});
                          return true;
                      });
}

Expected<void> readIndex(const PostgresBatch &batch, const ReviewStore::IndexCursor &after, qsizetype pageSize,
                         const std::function<bool(DocumentIndexPage)> &deliver)
{
    DocumentIndexPageBuilder builder;
    qint64 lastPosition = after.position;
    const Expected<void> read = forEachRow(
        batch, u"SELECT position, id, status, facts FROM annorev.documents" % afterClause % u" AND NOT missing", {},
        [&](const QSqlQuery &row) -> Expected<bool> {
            const QByteArray id = row.value(1).toString().toUtf8();
            const QByteArray facts = row.value(3).toString().toUtf8();
            if (Expected<void> added =
                    builder.add(id, statusOf(row.value(2)).value_or(ReviewStatus::Unreviewed), facts);
                !added) {
                return Error{u"the team batch " % batch.db().path() % u": " % added.error().message};
            }
            lastPosition = row.value(0).toLongLong();
            return builder.pending() < pageSize || deliver(builder.take(lastPosition));
        },
        after.position, after.id);
    if (!read) {
        return read;
    }
    if (builder.pending() > 0) {
        deliver(builder.take(lastPosition));
    }
    return {};
}

Expected<qsizetype> storedDocumentCount(const PostgresBatch &batch)
{
    PostgresConnection &db = batch.db();
    QSqlQuery query = db.query();
    if (Expected<void> done =
            db.run(query, QStringLiteral("SELECT count(*) FROM annorev.documents WHERE batch = ?"), {batch.id});
        !done) {
        return done.error();
    }
    if (!query.next()) {
        return db.errorOf(query);
    }
    return query.value(0).toLongLong();
}

Expected<QStringList> search(const PostgresBatch &batch, const TextQuery &textQuery, const QString &needle,
                             const std::function<bool()> &cancelled)
{
    // The server narrows the search down with a superset of the matches (every letter folded,
    // ASCII or not); each text it hands back is then checked as TextQuery defines a match.
    QStringList found;
    const Expected<void> read = forEachRow(batch,
                                           u"SELECT position, id, plain_text FROM annorev.documents" % afterClause %
                                               u" AND NOT missing AND strpos(lower(plain_text), lower(?)) > 0",
                                           {needle}, [&](const QSqlQuery &row) -> Expected<bool> {
                                               if (cancelled && cancelled()) {
                                                   return Error{QStringLiteral("the search was cancelled")};
                                               }
                                               if (textQuery.matches(row.value(2).toString())) {
                                                   found.append(row.value(1).toString());
                                               }
                                               return true;
                                           });
    if (!read) {
        return read.error();
    }
    return found;
}

Expected<ReviewStore::Summary> summary(const PostgresBatch &batch)
{
    PostgresConnection &db = batch.db();
    ReviewStore::Summary summary;
    QSqlQuery query = db.query();
    if (Expected<void> done = db.run(query,
                                     QStringLiteral("SELECT status, count(*), sum(errors), sum(warnings), sum(infos),"
                                                    " count(*) FILTER (WHERE errors > 0) FROM annorev.documents"
                                                    " WHERE batch = ? GROUP BY status"),
                                     {batch.id});
        !done) {
        return done.error();
    }
    while (query.next()) {
        StoreRows::addToSummary(summary, query);
    }
    // The flag's name comes from this file, never from input.
    for (auto [flag, list] : {std::pair{QStringLiteral("source_changed"), &summary.sourceChanged},
                              std::pair{QStringLiteral("missing"), &summary.missing}}) {
        if (Expected<void> done = db.run(
                query, u"SELECT id FROM annorev.documents WHERE batch = ? AND " % flag % u" ORDER BY position, id",
                {batch.id});
            !done) {
            return done.error();
        }
        while (query.next()) {
            list->append(query.value(0).toString());
        }
    }
    return summary;
}

namespace {

const QString exportHeaderColumns =
    QStringLiteral("position, id, status, reviewer, changed_at, note, layout, relative_path,"
                   " tagged_text <> source_text, text_token_begin, text_token_end");
const QString exportColumns = exportHeaderColumns % u", tagged_text, json_line";

ExportDocument exportDocumentFrom(const QSqlQuery &row, bool headerOnly)
{
    ExportDocument doc;
    doc.id = row.value(1).toString();
    doc.status = statusOf(row.value(2)).value_or(ReviewStatus::Unreviewed);
    doc.reviewer = row.value(3).toString();
    doc.reviewedAt = utc(row.value(4));
    doc.note = row.value(5).toString();
    doc.layout = layoutOf(row.value(6).toString());
    doc.relativePath = row.value(7).toString();
    doc.edited = row.value(8).toBool();
    doc.textTokenBegin = row.value(9).toLongLong();
    doc.textTokenEnd = row.value(10).toLongLong();
    if (!headerOnly) {
        doc.taggedText = row.value(11).toByteArray();
        doc.jsonLine = row.value(12).toByteArray();
    }
    return doc;
}

Expected<QList<ExportDocument>> exportRows(const PostgresBatch &batch, const QString &columns, const QString &where,
                                           const QVariantList &values, bool headerOnly)
{
    QList<ExportDocument> documents;
    const Expected<void> read =
        forEachRow(batch, u"SELECT " % columns % u" FROM annorev.documents" % afterClause % where, values,
                   [&](const QSqlQuery &row) -> Expected<bool> {
                       documents.append(exportDocumentFrom(row, headerOnly));
                       return true;
                   });
    if (!read) {
        return read.error();
    }
    return documents;
}

} // namespace

Expected<QList<ExportDocument>> exportDocuments(const PostgresBatch &batch, std::optional<ReviewStatus> filter)
{
    return filter ? exportRows(batch, exportColumns, QStringLiteral(" AND status = ?"), {statusName(*filter)}, false)
                  : exportRows(batch, exportColumns, QString(), {}, false);
}

Expected<QList<ExportDocument>> exportHeaders(const PostgresBatch &batch)
{
    return exportRows(batch, exportHeaderColumns, QString(), {}, true);
}

Expected<QList<ExportDocument>> exportDocuments(const PostgresBatch &batch, const QStringList &ids)
{
    PostgresConnection &db = batch.db();
    QHash<QString, qsizetype> order;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        order.insert(ids[i], i);
    }
    QList<std::optional<ExportDocument>> found(ids.size());
    QSqlQuery query = db.query();
    if (Expected<void> done = db.run(query,
                                     u"SELECT " % exportColumns %
                                         u" FROM annorev.documents WHERE batch = ? AND id IN"
                                         " (SELECT jsonb_array_elements_text(?::jsonb))",
                                     {batch.id, jsonArray(ids)});
        !done) {
        return done.error();
    }
    while (query.next()) {
        ExportDocument doc = exportDocumentFrom(query, false);
        const qsizetype at = order.value(doc.id);
        found[at] = std::move(doc);
    }
    QList<ExportDocument> documents;
    documents.reserve(ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (!found[i]) {
            return ReviewRules::unknownDocuments({ids[i]}, db.path(), QStringLiteral("nothing was exported"));
        }
        documents.append(*std::move(found[i]));
    }
    return documents;
}

Expected<QList<ReviewStore::AuditEntry>> auditLog(const PostgresBatch &batch, const QString &id)
{
    PostgresConnection &db = batch.db();
    QSqlQuery query = db.query();
    const QString columns = u"SELECT " % StoreRows::auditColumns % u" FROM annorev.audit WHERE batch = ?";
    const Expected<void> done = id.isNull()
                                    ? db.run(query, columns % u" ORDER BY seq", {batch.id})
                                    : db.run(query, columns % u" AND document_id = ? ORDER BY seq", {batch.id, id});
    if (!done) {
        return done.error();
    }
    QList<ReviewStore::AuditEntry> entries;
    while (query.next()) {
        entries.append(StoreRows::auditEntry(query, utc));
    }
    return entries;
}

} // namespace annorev::PostgresReads
