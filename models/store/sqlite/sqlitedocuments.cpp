#include "sqlitedocuments.h"

#include "jsonstring.h"
#include "reviewrules.h"
#include "sqliteconnection.h"
#include "sqlitefactswriter.h"
#include "sqlitemigrations.h"
#include "sqlitestatement.h"
#include "sqlitetexts.h"
#include "sqlitevalues.h"
#include "storerows.h"
#include "textcodec.h"

#include <QtConcurrent/QtConcurrentMap>

namespace annorev::SqliteDocuments {

using namespace SqliteValues;

const QString auditInsert = QStringLiteral(
    "INSERT INTO audit (document_id, reviewer, at, action, status_before, status_after, text_before, text_after, note)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");

namespace {

// The texts' columns (SqliteTexts::packedTextColumns) are 7 to 11.
const QString documentColumns =
    u"position, id, layout, source_path, relative_path, source_line, source_hash, " % SqliteTexts::packedTextColumns %
    u", status, note, reviewer, changed_at, source_changed, missing, errors, warnings, infos";

Expected<ReviewStore::StoredDocument> documentFrom(const SqliteConnection &connection, const QSqlQuery &query)
{
    ReviewStore::StoredDocument doc;
    doc.position = query.value(0).toLongLong();
    doc.id = query.value(1).toString();
    doc.layout = layoutOf(query.value(2).toString());
    doc.sourcePath = query.value(3).toString();
    doc.relativePath = query.value(4).toString();
    doc.sourceLine = query.value(5).toInt();
    doc.sourceHash = query.value(6).toByteArray();
    doc.textTokenBegin = query.value(10).toLongLong();
    doc.textTokenEnd = query.value(11).toLongLong();
    Expected<DocumentTexts> texts = SqliteTexts::unpackDocument(connection, doc.id, query, 7);
    if (!texts) {
        return texts.error();
    }
    doc.sourceText = std::move(texts->source);
    doc.taggedText = std::move(texts->tagged);
    doc.jsonLine = texts->jsonLine.value_or(QByteArray());
    doc.status = statusOf(query.value(12)).value_or(ReviewStatus::Unreviewed);
    doc.note = query.value(13).toString();
    doc.reviewer = query.value(14).toString();
    doc.changedAt = timeOf(query.value(15));
    doc.sourceChanged = query.value(16).toBool();
    doc.missing = query.value(17).toBool();
    doc.errors = query.value(18).toLongLong();
    doc.warnings = query.value(19).toLongLong();
    doc.infos = query.value(20).toLongLong();
    return doc;
}

// The ids one column of a query gives, in order.
QStringList idsFrom(QSqlQuery &query)
{
    QStringList ids;
    while (query.next()) {
        ids.append(query.value(0).toString());
    }
    return ids;
}

// The document's version is the seq of its last audit row: every change of its text, decision
// or source flags writes one (0 when none has been written since the import).
Expected<ReviewRules::LastWrite> lastWrite(const SqliteConnection &connection, const QString &id)
{
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(
            query,
            QStringLiteral("SELECT seq, reviewer, at FROM audit WHERE document_id = ? ORDER BY seq DESC LIMIT 1"),
            {id});
        !done) {
        return done.error();
    }
    ReviewRules::LastWrite last;
    if (query.next()) {
        last = {query.value(0).toLongLong(), query.value(1).toString(), timeOf(query.value(2))};
    }
    return last;
}

} // namespace

Expected<ReviewStore::StoredDocument> document(const SqliteConnection &connection, const QString &id)
{
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(
            query, u"SELECT " % documentColumns % u" FROM " % SqliteTexts::documentsWithTexts() % u" WHERE id = ?",
            {id});
        !done) {
        return done.error();
    }
    if (!query.next()) {
        return Error{u"no document \"" % id % u"\" in the store " % connection.path()};
    }
    Expected<ReviewStore::StoredDocument> doc = documentFrom(connection, query);
    query.finish();
    if (doc) {
        const Expected<ReviewRules::LastWrite> last = lastWrite(connection, id);
        if (!last) {
            return last.error();
        }
        doc->version = last->version;
    }
    return doc;
}

Expected<qint64> version(const SqliteConnection &connection, const QString &id)
{
    const Expected<ReviewRules::LastWrite> last = lastWrite(connection, id);
    if (!last) {
        return last.error();
    }
    return last->version;
}

Expected<ReviewStore::Changes> changesSince(const SqliteConnection &connection, qint64 mark)
{
    // SQLite bumps a connection's data_version when another connection commits: one call that
    // reads no table tells whether anything can have changed.
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(query, QStringLiteral("PRAGMA data_version")); !done) {
        return done.error();
    }
    const qint64 dataVersion = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    if (mark != ReviewStore::noMark && dataVersion == connection.lastDataVersion()) {
        return ReviewStore::Changes{mark, {}};
    }
    // A sync that put the batch's documents in another order counts it in meta: no document
    // changed, so no audit row tells of it.
    if (Expected<void> done = connection.run(query, QStringLiteral("SELECT value FROM meta WHERE key = ?"),
                                             {SqliteMigrations::batchOrderKey});
        !done) {
        return done.error();
    }
    const qint64 batchOrder = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    const bool reordered =
        mark != ReviewStore::noMark && connection.lastBatchOrder() >= 0 && batchOrder != connection.lastBatchOrder();
    // Every change of a document's text, decision or source flags writes an audit row (see
    // lastWrite): the rows after the mark name them.
    ReviewStore::Changes changes{mark, {}};
    if (mark == ReviewStore::noMark) {
        if (Expected<void> done = connection.run(query, QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM audit"));
            !done) {
            return done.error();
        }
        changes.mark = query.next() ? query.value(0).toLongLong() : 0;
    } else {
        if (Expected<void> done = connection.run(
                query, QStringLiteral("SELECT seq, document_id FROM audit WHERE seq > ? ORDER BY seq"), {mark});
            !done) {
            return done.error();
        }
        changes = StoreRows::changes(query, mark);
    }
    changes.reordered = reordered;
    connection.setLastDataVersion(dataVersion);
    connection.setLastBatchOrder(batchOrder);
    return changes;
}

Expected<QStringList> ids(const SqliteConnection &connection)
{
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(query, QStringLiteral("SELECT id FROM documents ORDER BY position, id"));
        !done) {
        return done.error();
    }
    return idsFrom(query);
}

namespace {

// Rows of (id, status, facts): the facts as DocumentFacts::encoded() wrote them.
Expected<QList<DocumentProfile>> profilesFrom(const SqliteConnection &connection, QSqlQuery &query)
{
    QList<DocumentProfile> profiles;
    while (query.next()) {
        const QString id = query.value(0).toString();
        if (query.value(2).isNull()) {
            return Error{u"the store " % connection.path() % u": the document \"" % id %
                         u"\" has no facts yet (a sync with its batch fills them in)"};
        }
        std::optional<DocumentFacts> facts = DocumentFacts::decoded(query.value(2).toString());
        if (!facts) {
            return Error{u"the store " % connection.path() % u": the facts of the document \"" % id %
                         u"\" cannot be read"};
        }
        profiles.append({id, statusOf(query.value(1)).value_or(ReviewStatus::Unreviewed), std::move(*facts)});
    }
    return profiles;
}

} // namespace

Expected<QList<ReviewStore::ListEntry>> listEntries(const SqliteConnection &connection)
{
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(
            query,
            QStringLiteral("SELECT d.id, d.status, f.facts FROM documents d LEFT JOIN facts f ON f.document_id = d.id"
                           " WHERE d.missing = 0 ORDER BY d.position, d.id"));
        !done) {
        return done.error();
    }
    return profilesFrom(connection, query);
}

Expected<QList<DocumentProfile>> profiles(const SqliteConnection &connection)
{
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(
            query,
            QStringLiteral("SELECT d.id, d.status, f.facts FROM documents d LEFT JOIN facts f ON f.document_id = d.id"
                           " ORDER BY d.position, d.id"));
        !done) {
        return done.error();
    }
    return profilesFrom(connection, query);
}

Expected<qsizetype> storedDocumentCount(const SqliteConnection &connection)
{
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(query, QStringLiteral("SELECT COUNT(*) FROM documents")); !done) {
        return done.error();
    }
    if (!query.next()) {
        return connection.errorOf(query);
    }
    return query.value(0).toLongLong();
}

const QString summaryCounts =
    QStringLiteral("SELECT status, documents, errors, warnings, infos, with_errors FROM summary_counts");

QString summaryFlagged(const QString &flag)
{
    // The flag's name comes from this file, never from input.
    return u"SELECT id FROM documents WHERE " % flag % u" = 1 ORDER BY position, id";
}

Expected<ReviewStore::Summary> summary(const SqliteConnection &connection)
{
    ReviewStore::Summary summary;
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(query, summaryCounts); !done) {
        return done.error();
    }
    while (query.next()) {
        StoreRows::addToSummary(summary, query);
    }
    for (auto [column, list] : {std::pair{QStringLiteral("source_changed"), &summary.sourceChanged},
                                std::pair{QStringLiteral("missing"), &summary.missing}}) {
        if (Expected<void> done = connection.run(query, summaryFlagged(column)); !done) {
            return done.error();
        }
        *list = idsFrom(query);
    }
    return summary;
}

namespace {

// What an export plans with; a header of an export is these alone, without the texts.
const QString exportHeaderColumns = QStringLiteral(
    "id, status, reviewer, changed_at, note, layout, relative_path, texts.tagged_text IS NOT NULL, text_token_begin,"
    " text_token_end");
const QString exportColumns = u"SELECT " % exportHeaderColumns % u", " % SqliteTexts::packedTextColumns % u" FROM " %
                              SqliteTexts::documentsWithTexts();

// A row of exportColumns, or of exportHeaderColumns alone, read through SqliteStatement (no
// QVariant a value, no UTF-16 round trip): the header; packedTextsFrom() reads the texts.
ExportDocument exportHeaderFrom(const SqliteStatement &row)
{
    const auto text = [&row](int column) { return QString::fromUtf8(row.text(column)); };
    ExportDocument doc;
    doc.id = text(0);
    doc.status = statusFromName(row.text(1)).value_or(ReviewStatus::Unreviewed);
    doc.reviewer = text(2);
    doc.reviewedAt = row.isNull(3) ? QDateTime() : timeOf(text(3));
    doc.note = text(4);
    doc.layout = layoutOf(text(5));
    doc.relativePath = text(6);
    // A reviewer's version is kept only where it differs from the source.
    doc.edited = row.integer(7) != 0;
    doc.textTokenBegin = row.integer(8);
    doc.textTokenEnd = row.integer(9);
    return doc;
}

PackedDocumentTexts packedTextsFrom(const SqliteStatement &row, int firstColumn)
{
    const auto packed = [&row](int column) {
        return row.isNull(column) ? QVariant() : QVariant(row.text(column).toByteArray());
    };
    return {packed(firstColumn), packed(firstColumn + 1), packed(firstColumn + 2)};
}

// The document's tagged text and JSON line from its packed texts; an error names the store and it.
Expected<void> unpackInto(const SqliteConnection &connection, ExportDocument *doc, const PackedDocumentTexts &packed,
                          const TextCodec &codec)
{
    Expected<DocumentTexts> texts = unpacked(packed, doc->textTokenBegin, doc->textTokenEnd, codec);
    if (!texts) {
        return Error{SqliteTexts::unreadable(connection, doc->id, texts.error().message)};
    }
    doc->taggedText = std::move(texts->tagged);
    doc->jsonLine = texts->jsonLine.value_or(QByteArray());
    return {};
}

} // namespace

Expected<QList<ExportDocument>> exportDocuments(const SqliteConnection &connection, std::optional<ReviewStatus> filter)
{
    Expected<SqliteStatement> rows = SqliteStatement::prepare(
        connection, exportColumns % (filter ? u" WHERE status = ?1" : u"") % u" ORDER BY position, id");
    if (!rows) {
        return rows.error();
    }
    const QByteArray status = filter ? statusName(*filter).toUtf8() : QByteArray();
    if (filter) {
        rows->bindText(1, status);
    }
    QList<ExportDocument> documents;
    while (true) {
        const Expected<bool> next = rows->next();
        if (!next) {
            return next.error();
        }
        if (!*next) {
            return documents;
        }
        ExportDocument doc = exportHeaderFrom(*rows);
        const PackedDocumentTexts packed = packedTextsFrom(*rows, 10);
        const Expected<TextCodec> reader = SqliteTexts::codecFor(connection, {packed});
        if (!reader) {
            return reader.error();
        }
        if (Expected<void> read = unpackInto(connection, &doc, packed, *reader); !read) {
            return read.error();
        }
        documents.append(std::move(doc));
    }
}

Expected<QList<ExportDocument>> exportHeaders(const SqliteConnection &connection)
{
    Expected<SqliteStatement> rows = SqliteStatement::prepare(
        connection, u"SELECT " % exportHeaderColumns % u" FROM " % SqliteTexts::documentsWithTexts() %
                        u" ORDER BY position, id");
    if (!rows) {
        return rows.error();
    }
    QList<ExportDocument> headers;
    while (true) {
        const Expected<bool> next = rows->next();
        if (!next) {
            return next.error();
        }
        if (!*next) {
            return headers;
        }
        headers.append(exportHeaderFrom(*rows));
    }
}

Expected<QList<ExportDocument>> exportDocuments(const SqliteConnection &connection, const QStringList &ids)
{
    QHash<QString, qsizetype> order;
    order.reserve(ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i) {
        order.insert(ids[i], i);
    }
    // The rows are read here and their texts unpacked on the pool: unpacking took a fifth of the
    // reading thread, which sets an export's pace. The ids go in as one JSON array, so that the
    // statement is the same whatever their number (a list of 500 parameters took longer to
    // prepare than its rows took to read).
    struct Row
    {
        std::optional<ExportDocument> doc;
        PackedDocumentTexts packed;
        QString error;
    };
    QList<Row> found(ids.size());
    Expected<SqliteStatement> rows = SqliteStatement::prepare(
        connection, exportColumns % u" WHERE id IN (SELECT value FROM json_each(?1))");
    if (!rows) {
        return rows.error();
    }
    QByteArray idArray = "[";
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i > 0) {
            idArray += ',';
        }
        JsonString::append(&idArray, ids[i]);
    }
    idArray += ']';
    rows->bindText(1, idArray);
    while (true) {
        const Expected<bool> next = rows->next();
        if (!next) {
            return next.error();
        }
        if (!*next) {
            break;
        }
        ExportDocument doc = exportHeaderFrom(*rows);
        const auto at = order.constFind(doc.id);
        if (at == order.cend()) {
            continue;
        }
        Row &row = found[*at];
        row.packed = packedTextsFrom(*rows, 10);
        row.doc = std::move(doc);
    }
    QList<PackedDocumentTexts> packed;
    packed.reserve(found.size());
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (!found[i].doc) {
            return ReviewRules::unknownDocuments({ids[i]}, connection.path(), QStringLiteral("nothing was exported"));
        }
        packed.append(found[i].packed);
    }
    const Expected<TextCodec> reader = SqliteTexts::codecFor(connection, packed);
    if (!reader) {
        return reader.error();
    }
    QtConcurrent::blockingMap(found, [&reader, &connection](Row &row) {
        if (Expected<void> read = unpackInto(connection, &*row.doc, row.packed, *reader); !read) {
            row.error = read.error().message;
        }
    });
    QList<ExportDocument> documents;
    documents.reserve(ids.size());
    for (Row &row : found) {
        if (!row.error.isEmpty()) {
            return Error{row.error};
        }
        documents.append(*std::move(row.doc));
    }
    return documents;
}

Expected<QList<ReviewStore::AuditEntry>> auditLog(const SqliteConnection &connection, const QString &id)
{
    QSqlQuery query = connection.query();
    const QString columns = u"SELECT " % StoreRows::auditColumns % u" FROM audit";
    const Expected<void> done = id.isNull()
                                    ? connection.run(query, columns % u" ORDER BY seq")
                                    : connection.run(query, columns % u" WHERE document_id = ? ORDER BY seq", {id});
    if (!done) {
        return done.error();
    }
    QList<ReviewStore::AuditEntry> entries;
    while (query.next()) {
        entries.append(StoreRows::auditEntry(query, timeOf));
    }
    return entries;
}

Expected<void> setStatus(SqliteConnection &connection, const QStringList &ids, ReviewStatus status, const QString &note,
                         const QString &reviewer, const ReviewStore::Versions &versions)
{
    const QStringList unique = ReviewRules::uniqueIds(ids);
    Expected<SqliteTransaction> transaction = connection.beginWrite();
    if (!transaction) {
        return transaction.error();
    }
    QSqlQuery select = connection.query();
    if (Expected<void> prepared =
            connection.prepare(select, QStringLiteral("SELECT status, errors FROM documents WHERE id = ?"));
        !prepared) {
        return prepared;
    }
    QStringList unknown;
    QStringList withErrors;
    QList<std::optional<ReviewStatus>> before;
    for (const QString &id : unique) {
        if (Expected<void> done = connection.exec(select, {id}); !done) {
            return done;
        }
        if (!select.next()) {
            unknown.append(id);
            before.append(std::nullopt);
            continue;
        }
        before.append(statusOf(select.value(0)));
        if (select.value(1).toLongLong() > 0) {
            withErrors.append(id);
        }
        select.finish();
    }
    if (!unknown.isEmpty()) {
        return ReviewRules::unknownDocuments(unknown, connection.path(), QStringLiteral("nothing was changed"));
    }
    if (Expected<void> allowed = ReviewRules::checkApproval(status, note, withErrors); !allowed) {
        return allowed;
    }
    for (auto basis = versions.cbegin(); basis != versions.cend(); ++basis) {
        if (!unique.contains(basis.key())) {
            continue;
        }
        const Expected<ReviewRules::LastWrite> last = lastWrite(connection, basis.key());
        if (!last) {
            return last.error();
        }
        if (Expected<void> current =
                ReviewRules::checkVersion(basis.key(), basis.value(), *last, QStringLiteral("nothing was changed"));
            !current) {
            return current;
        }
    }

    QSqlQuery update = connection.query();
    QSqlQuery audit = connection.query();
    Expected<void> done = connection.prepare(
        update, QStringLiteral("UPDATE documents SET status = ?, note = ?, reviewer = ?, changed_at = ? WHERE id = ?"));
    if (done) {
        done = connection.prepare(audit, auditInsert);
    }
    const QString at = now();
    const QString noteText = ReviewRules::storedNote(note);
    for (qsizetype i = 0; done && i < unique.size(); ++i) {
        done = connection.exec(update, {statusName(status), noteText, reviewer, at, unique[i]});
        if (done) {
            done = connection.exec(audit, {unique[i], reviewer, at, QStringLiteral("status"), statusValue(before[i]),
                                           statusValue(status), QVariant(), QVariant(),
                                           noteText.isEmpty() ? QVariant() : QVariant(noteText)});
        }
    }
    if (!done) {
        return done;
    }
    return transaction->commit();
}

namespace {

// The statements of an edit, prepared once for the many documents a bulk edit writes, each inside
// the caller's transaction with its audit row. The word index is written last, for every document
// at once (indexWords()): an UPDATE of documents runs its summary trigger in a statement
// savepoint, and a savepoint makes FTS5 flush the words it holds in memory into a segment of their
// own, so indexing between the documents' updates made a segment per document (20 times slower).
class EditWriter
{
public:
    explicit EditWriter(SqliteConnection &connection) : m_connection(connection), m_factsWriter(connection) {}

    Expected<void> prepare()
    {
        m_select = m_connection.query();
        m_update = m_connection.query();
        m_audit = m_connection.query();
        m_tagged = m_connection.query();
        Expected<void> done = m_connection.prepare(
            m_select, u"SELECT d.rowid, " % SqliteTexts::packedTextColumns % u", d.status, f.plain_text FROM documents d" %
                          SqliteTexts::textsJoin(QLatin1StringView("d")) %
                          u" LEFT JOIN facts f ON f.document_id = d.id WHERE d.id = ?");
        if (done) {
            done = m_connection.prepare(
                m_update,
                QStringLiteral("UPDATE documents SET errors = ?, warnings = ?, infos = ?, status = ? WHERE id = ?"));
        }
        if (done) {
            done = m_connection.prepare(m_audit, auditInsert);
        }
        if (done) {
            done = m_connection.prepare(m_tagged, SqliteTexts::taggedUpdate);
        }
        if (done) {
            done = m_factsWriter.prepare();
        }
        return done;
    }

    // Replaces the document's tagged text. With expected, the document must still hold that
    // text (a bulk edit read it earlier); nothing is written when the text is the same.
    Expected<void> write(const QString &id, const QByteArray &taggedText, const TextFacts &facts,
                         const QString &reviewer, const QString &at, const std::optional<QByteArray> &expected,
                         const QString &consequence)
    {
        if (Expected<void> done = m_connection.exec(m_select, {id}); !done) {
            return done;
        }
        if (!m_select.next()) {
            return ReviewRules::unknownDocuments({id}, m_connection.path(), consequence);
        }
        const qint64 rowid = m_select.value(0).toLongLong();
        const Expected<DocumentTexts> texts = SqliteTexts::unpackDocument(m_connection, id, m_select, 1);
        if (!texts) {
            return texts.error();
        }
        const QByteArray before = texts->tagged;
        const std::optional<ReviewStatus> statusBefore = statusOf(m_select.value(6));
        std::optional<QString> indexed;
        QByteArray packedIndexed;
        if (!m_select.isNull(7)) {
            packedIndexed = m_select.value(7).toByteArray();
            Expected<QByteArray> plainText = SqliteTexts::unpack(m_connection, m_select.value(7),
                                                                 u"the plain text of the document \"" % id % u'"');
            if (!plainText) {
                return plainText.error();
            }
            indexed = QString::fromUtf8(*plainText);
        }
        m_select.finish();
        if (expected && before != *expected) {
            const Expected<ReviewRules::LastWrite> last = lastWrite(m_connection, id);
            if (!last) {
                return last.error();
            }
            return ReviewRules::changedSinceRead(id, *last, consequence);
        }
        if (before == taggedText) {
            return {};
        }
        const Expected<TextCodec> codec = SqliteTexts::codec(m_connection);
        if (!codec) {
            return codec.error();
        }
        // reviewer and changed_at stay those of the decision; the audit row says who edited and when.
        const std::optional<ReviewStatus> statusAfter = ReviewRules::statusAfterEdit(statusBefore);
        const QString reopened = ReviewRules::reopenedNote(statusBefore);
        const DocumentFacts &counts = facts.facts;
        Expected<void> done = m_connection.exec(m_update, {integer(counts.errors()), integer(counts.warnings()),
                                                           integer(counts.infos()),
                                                           statusValue(statusAfter.value_or(ReviewStatus::Unreviewed)),
                                                           id});
        if (done) {
            done = m_connection.exec(m_tagged,
                                     {PackedDocumentTexts::packedTagged(taggedText, texts->source, *codec), rowid});
        }
        if (done) {
            done = m_connection.exec(m_audit, {id, reviewer, at, QStringLiteral("edit"), statusValue(statusBefore),
                                               statusValue(statusAfter), before, taggedText,
                                               reopened.isNull() ? QVariant() : QVariant(reopened)});
        }
        // Tagging, untagging and relabelling leave the plain text as it was: its packed form and
        // its words stay (indexing the same words again took a third of a bulk edit's write).
        const bool samePlainText = indexed && *indexed == facts.plainText;
        if (done) {
            done = m_factsWriter.writeFacts(id, rowid, facts,
                                            samePlainText ? packedIndexed : codec->pack(facts.plainText.toUtf8()));
        }
        if (done && !samePlainText) {
            m_words.append({rowid, std::move(indexed), facts.plainText});
        }
        return done;
    }

    // The word index of every document write() wrote: the old words out, the new ones in.
    Expected<void> indexWords()
    {
        for (const Words &words : std::as_const(m_words)) {
            if (words.before) {
                if (Expected<void> done = m_factsWriter.unindex(words.rowid, *words.before); !done) {
                    return done;
                }
            }
            if (Expected<void> done = m_factsWriter.index(words.rowid, words.after); !done) {
                return done;
            }
        }
        m_words.clear();
        return {};
    }

private:
    SqliteConnection &m_connection;
    SqliteFactsWriter m_factsWriter;
    QSqlQuery m_select;
    QSqlQuery m_update;
    QSqlQuery m_audit;
    QSqlQuery m_tagged;
    struct Words
    {
        qint64 rowid = 0;
        std::optional<QString> before; // the plain text indexed now, if any
        QString after;
    };
    QList<Words> m_words;
};

} // namespace

Expected<void> setTaggedText(SqliteConnection &connection, const QString &id, const QByteArray &taggedText,
                             const TextFacts &facts, const QString &reviewer, std::optional<qint64> version)
{
    const QString consequence = QStringLiteral("the edit was not saved");
    Expected<SqliteTransaction> transaction = connection.beginWrite();
    if (!transaction) {
        return transaction.error();
    }
    if (version) {
        const Expected<ReviewRules::LastWrite> last = lastWrite(connection, id);
        if (!last) {
            return last.error();
        }
        if (Expected<void> current = ReviewRules::checkVersion(id, *version, *last, consequence); !current) {
            return current;
        }
    }
    EditWriter writer(connection);
    Expected<void> done = writer.prepare();
    if (done) {
        done = writer.write(id, taggedText, facts, reviewer, now(), std::nullopt,
                            QStringLiteral("nothing was changed"));
    }
    if (done) {
        done = writer.indexWords();
    }
    if (!done) {
        return done;
    }
    return transaction->commit();
}

Expected<void> setTaggedTexts(SqliteConnection &connection, const QList<ReviewStore::TextWrite> &writes,
                              const QString &reviewer)
{
    if (writes.isEmpty()) {
        return {};
    }
    Expected<SqliteTransaction> transaction = connection.beginWrite();
    if (!transaction) {
        return transaction.error();
    }
    EditWriter writer(connection);
    Expected<void> done = writer.prepare();
    const QString at = now();
    const QString consequence = QStringLiteral("nothing was changed");
    for (qsizetype i = 0; done && i < writes.size(); ++i) {
        const ReviewStore::TextWrite &write = writes.at(i);
        done = writer.write(write.id, write.after, write.facts, reviewer, at, write.before, consequence);
    }
    if (done) {
        done = writer.indexWords();
    }
    if (!done) {
        return done;
    }
    return transaction->commit();
}

} // namespace annorev::SqliteDocuments
