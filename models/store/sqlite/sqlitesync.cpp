#include "sqlitesync.h"

#include "batchsync.h"
#include "checker.h"
#include "schema.h"
#include "sqliteconnection.h"
#include "sqlitedocuments.h"
#include "sqlitefactswriter.h"
#include "sqliteimport.h"
#include "sqlitemigrations.h"
#include "sqlitetexts.h"
#include "sqlitevalues.h"
#include "storerows.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent>

namespace annorev::SqliteSync {

namespace {

using namespace SqliteValues;
using BatchSync::Plan;
using BatchSync::Scan;
using BatchSync::Seen;

Expected<BatchSync::StoredById> loadStored(const SqliteConnection &connection)
{
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(
            query,
            QStringLiteral(
                "SELECT id, position, source_hash, source_path, source_line, missing, source_changed FROM documents"));
        !done) {
        return done.error();
    }
    BatchSync::StoredById stored;
    while (query.next()) {
        stored.insert(query.value(0).toString(),
                      BatchSync::Stored{query.value(1).toLongLong(), query.value(2).toByteArray(),
                                        query.value(3).toString(), query.value(4).toInt(), query.value(5).toBool(),
                                        query.value(6).toBool()});
    }
    return stored;
}

// Writes the record, inside the caller's transaction.
Expected<void> recordBatch(const SqliteConnection &connection, const QString &batch)
{
    QSqlQuery record = connection.query();
    return connection.run(record, QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"),
                          {SqliteMigrations::batchKey, batch});
}

const QString stampedAtKey = QStringLiteral("inputs_stamped_at_ns");
const QString inputErrorsKey = QStringLiteral("input_errors");

// The stamps the last sync recorded, with the hashes of the whole files it read.
struct StoredStamps
{
    BatchStamp stamp;
    QHash<QString, QByteArray> hashes; // by the stamps' paths

    // The hash of each whole file whose stamp now (in current) is the one recorded, and trusted:
    // those need not be read again.
    QHash<QString, QByteArray> unchangedFiles(const BatchStamp &current) const
    {
        QHash<QString, FileStamp> recorded;
        for (const FileStamp &file : stamp.files) {
            if (stamp.isSettled(file)) {
                recorded.insert(file.path, file);
            }
        }
        QHash<QString, QByteArray> known;
        for (const FileStamp &file : current.files) {
            const auto then = recorded.constFind(file.path);
            const auto hash = hashes.constFind(file.path);
            if (file.size >= 0 && then != recorded.cend() && *then == file && hash != hashes.cend()) {
                known.insert(file.path, *hash);
            }
        }
        return known;
    }
};

// The stamps the last sync recorded, or none.
Expected<std::optional<StoredStamps>> loadStamps(const SqliteConnection &connection)
{
    const Expected<std::optional<qint64>> stampedAt = inputStampsTakenAt(connection);
    if (!stampedAt) {
        return stampedAt.error();
    }
    if (!*stampedAt) {
        return std::optional<StoredStamps>();
    }
    StoredStamps stored;
    stored.stamp.takenAtNs = **stampedAt;
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(
            query, QStringLiteral("SELECT path, size, modified_ns, status_changed_ns, inode, device, content_hash"
                                  " FROM input_stamps ORDER BY seq"));
        !done) {
        return done.error();
    }
    while (query.next()) {
        const QString path = query.value(0).toString();
        stored.stamp.files.append(FileStamp{path, query.value(1).toLongLong(), query.value(2).toLongLong(),
                                            query.value(3).toLongLong(), quint64(query.value(4).toLongLong()),
                                            quint64(query.value(5).toLongLong())});
        if (!query.isNull(6)) {
            stored.hashes.insert(path, query.value(6).toByteArray());
        }
    }
    return std::optional<StoredStamps>(std::move(stored));
}

Expected<QList<InputError>> loadInputErrors(const SqliteConnection &connection)
{
    QSqlQuery query = connection.query();
    if (Expected<void> done =
            connection.run(query, QStringLiteral("SELECT value FROM meta WHERE key = ?"), {inputErrorsKey});
        !done) {
        return done.error();
    }
    QList<InputError> errors;
    if (!query.next()) {
        return errors;
    }
    QJsonParseError parseError{};
    const QJsonDocument json = QJsonDocument::fromJson(query.value(0).toString().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !json.isArray()) {
        return Error{u"the store " % connection.path() % u" holds unreadable input errors: " %
                     parseError.errorString()};
    }
    for (const QJsonValue &value : json.array()) {
        const QJsonObject object = value.toObject();
        errors.append(InputError{object.value(u"path").toString(), object.value(u"line").toInt(),
                                 object.value(u"message").toString()});
    }
    return errors;
}

// Records the stamps a sync read the batch under, and what it reported, inside the caller's
// transaction: the next look at an unchanged batch then needs no read.
Expected<void> recordStamps(const SqliteConnection &connection, const BatchStamp &stamp, const Scan &scan)
{
    const QHash<QString, QByteArray> hashes = BatchSync::fileHashes(scan);
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(query, QStringLiteral("DELETE FROM input_stamps")); !done) {
        return done;
    }
    if (Expected<void> prepared = connection.prepare(
            query, QStringLiteral("INSERT INTO input_stamps (path, size, modified_ns, status_changed_ns, inode, device,"
                                  " content_hash) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        !prepared) {
        return prepared;
    }
    for (const FileStamp &file : stamp.files) {
        const auto hash = hashes.constFind(file.path);
        if (Expected<void> done =
                connection.exec(query, {file.path, file.size, file.modifiedNs, file.statusChangedNs, qint64(file.inode),
                                        qint64(file.device), hash != hashes.cend() ? QVariant(*hash) : QVariant()});
            !done) {
            return done;
        }
    }
    const QString replace = QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    if (Expected<void> done = connection.run(query, replace, {stampedAtKey, QString::number(stamp.takenAtNs)}); !done) {
        return done;
    }
    return connection.run(query, replace, {inputErrorsKey, StoreRows::encodedInputErrors(scan.inputErrors)});
}

// The log is kept when annorev closes (see SqliteConnection::open()), so an import, or the stamps
// of a large folder, would leave it as large as what was written. A TRUNCATE checkpoint empties
// it once no other connection reads from it; if one does, the log stays as it is and is reused
// from its start.
void truncateLog(const SqliteConnection &connection)
{
    QSqlQuery checkpoint = connection.query();
    checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

// Applies a plan inside the caller's transaction.
class SyncWriter
{
public:
    SyncWriter(const SqliteConnection &connection, const QString &reviewer, const SyncControl &control)
        : m_connection(connection), m_reviewer(reviewer), m_at(now()), m_control(control)
    {
    }

    // addedToBatch: what the plan inserts is news to a window that lists the batch
    // (BatchSync::addsToListedBatch()): an audit row each.
    Expected<void> apply(const Plan &plan, const Scan &scan, const BatchReader &reader, const Schema &schema,
                         const Checker &checker, bool addedToBatch);

private:
    Expected<void> log(const QStringList &ids, const QString &action, const QString &note);
    Expected<void> logAdded(const QStringList &ids);
    Expected<void> setFlag(const QString &column, const QStringList &ids, bool value, const QString &action,
                           const QString &note);
    Expected<void> logSourceChanges(const QList<qsizetype> &changed, const Scan &scan, const BatchReader &reader);
    Expected<void> relocate(const QList<qsizetype> &moved, const Scan &scan, const BatchReader &reader);

    const SqliteConnection &m_connection;
    QString m_reviewer;
    QString m_at;
    const SyncControl &m_control;
};

Expected<void> SyncWriter::apply(const Plan &plan, const Scan &scan, const BatchReader &reader, const Schema &schema,
                                 const Checker &checker, bool addedToBatch)
{
    auto idsOf = [&scan](const QList<qsizetype> &indexes) {
        QStringList ids;
        for (qsizetype i : indexes) {
            ids.append(scan.seen[i].id);
        }
        return ids;
    };
    const QString sourceChanged = QStringLiteral("source_changed");
    const QString missing = QStringLiteral("missing");
    Expected<void> done = SqliteImport::insert(m_connection, scan, plan.inserts, reader, schema, checker, m_control);
    if (done && addedToBatch) {
        done = logAdded(idsOf(plan.inserts));
    }
    if (done) {
        done = relocate(plan.relocate, scan, reader);
    }
    if (done) {
        done = logSourceChanges(plan.changed, scan, reader);
    }
    if (done) {
        done = setFlag(sourceChanged, idsOf(plan.changed), true, {}, {});
    }
    if (done) {
        done = setFlag(sourceChanged, idsOf(plan.restored), false, QStringLiteral("source-restored"),
                       QStringLiteral("the source is back to the bytes imported"));
    }
    if (done) {
        done = setFlag(missing, idsOf(plan.returned), false, QStringLiteral("source-returned"),
                       QStringLiteral("the document is in the batch again"));
    }
    if (done) {
        done = setFlag(missing, plan.missing, true, QStringLiteral("source-missing"),
                       QStringLiteral("the document is gone from the batch; the store keeps it"));
    }
    if (done && plan.reordered) {
        QSqlQuery count = m_connection.query();
        done = m_connection.run(count,
                                QStringLiteral("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT (key)"
                                               " DO UPDATE SET value = CAST(value AS INTEGER) + 1"),
                                {SqliteMigrations::batchOrderKey});
    }
    return done;
}

Expected<void> SyncWriter::relocate(const QList<qsizetype> &moved, const Scan &scan, const BatchReader &reader)
{
    if (moved.isEmpty()) {
        return {};
    }
    QSqlQuery position = m_connection.query();
    QSqlQuery place = m_connection.query();
    QSqlQuery line = m_connection.query();
    Expected<void> prepared =
        m_connection.prepare(position, QStringLiteral("UPDATE documents SET position = ? WHERE id = ?"));
    if (prepared) {
        prepared = m_connection.prepare(place, QStringLiteral("UPDATE documents SET position = ?, source_path = ?,"
                                                              " source_line = ?, text_token_begin = ?,"
                                                              " text_token_end = ? WHERE id = ? AND source_hash = ?"));
    }
    if (prepared) {
        prepared = m_connection.prepare(line, QStringLiteral("UPDATE document_texts SET json_line = ? WHERE document ="
                                                             " (SELECT rowid FROM documents WHERE id = ? AND"
                                                             " source_hash = ?)"));
    }
    if (!prepared) {
        return prepared;
    }
    const Expected<TextCodec> codec = SqliteTexts::codec(m_connection);
    if (!codec) {
        return codec.error();
    }
    for (qsizetype index : moved) {
        const Seen &doc = scan.seen[index];
        if (Expected<void> done = m_connection.exec(position, {integer(doc.unit), doc.id}); !done) {
            return done;
        }
        // Where the source is the one imported, its place (and a JSON Lines line's other fields)
        // follow the batch; otherwise they stay with the text the reviewer's version came from.
        ReadResult read = reader.read(doc.unit, BatchReader::Keep::TextAndLine);
        if (const auto *entry = std::get_if<SourceEntry>(&read)) {
            const bool jsonl = doc.layout == BatchLayout::JsonLines;
            Expected<void> done =
                m_connection.exec(place, {integer(doc.unit), doc.path, doc.line, integer(entry->textTokenBegin),
                                          integer(entry->textTokenEnd), doc.id, doc.hash});
            if (done) {
                done = m_connection.exec(
                    line, {jsonl ? QVariant(codec->pack(entry->jsonLine)) : QVariant(), doc.id, doc.hash});
            }
            if (!done) {
                return done;
            }
        }
    }
    return {};
}

Expected<void> SyncWriter::logSourceChanges(const QList<qsizetype> &changed, const Scan &scan,
                                            const BatchReader &reader)
{
    if (changed.isEmpty()) {
        return {};
    }
    QSqlQuery select = m_connection.query();
    QSqlQuery audit = m_connection.query();
    Expected<void> prepared =
        m_connection.prepare(select, u"SELECT " % SqliteTexts::packedTextColumns % u", status FROM " %
                                         SqliteTexts::documentsWithTexts() % u" WHERE id = ?");
    if (prepared) {
        prepared = m_connection.prepare(audit, SqliteDocuments::auditInsert);
    }
    if (!prepared) {
        return prepared;
    }
    for (qsizetype index : changed) {
        const QString &id = scan.seen[index].id;
        if (Expected<void> done = m_connection.exec(select, {id}); !done) {
            return done;
        }
        if (!select.next()) {
            continue;
        }
        // The audit row keeps both sources, so that the change can be seen after the fact.
        const Expected<DocumentTexts> stored = SqliteTexts::unpackDocument(m_connection, id, select, 0);
        if (!stored) {
            return stored.error();
        }
        const QVariant status = select.value(5);
        select.finish();
        ReadResult read = reader.read(scan.seen[index].unit, BatchReader::Keep::Text);
        const auto *entry = std::get_if<SourceEntry>(&read);
        if (Expected<void> done = m_connection.exec(
                audit, {id, m_reviewer, m_at, QStringLiteral("source-changed"), status, status, stored->source,
                        entry ? QVariant(entry->source) : QVariant(),
                        QStringLiteral("the source bytes changed since import; the reviewer's version is kept")});
            !done) {
            return done;
        }
    }
    return {};
}

Expected<void> SyncWriter::log(const QStringList &ids, const QString &action, const QString &note)
{
    if (ids.isEmpty()) {
        return {};
    }
    QSqlQuery audit = m_connection.query();
    if (Expected<void> prepared = m_connection.prepare(audit, SqliteDocuments::auditInsert); !prepared) {
        return prepared;
    }
    for (const QString &id : ids) {
        if (Expected<void> done = m_connection.exec(
                audit, {id, m_reviewer, m_at, action, QVariant(), QVariant(), QVariant(), QVariant(), note});
            !done) {
            return done;
        }
    }
    return {};
}

Expected<void> SyncWriter::logAdded(const QStringList &ids)
{
    if (ids.isEmpty()) {
        return {};
    }
    // Of the documents the import wrote: a unit that could not be read again is left for the next sync.
    QSqlQuery audit = m_connection.query();
    if (Expected<void> prepared = m_connection.prepare(
            audit, QStringLiteral("INSERT INTO audit (document_id, reviewer, at, action, note)"
                                  " SELECT id, ?, ?, 'source-added', 'the document is new in the batch'"
                                  " FROM documents WHERE id = ?"));
        !prepared) {
        return prepared;
    }
    for (const QString &id : ids) {
        if (Expected<void> done = m_connection.exec(audit, {m_reviewer, m_at, id}); !done) {
            return done;
        }
    }
    return {};
}

Expected<void> SyncWriter::setFlag(const QString &column, const QStringList &ids, bool value, const QString &action,
                                   const QString &note)
{
    if (ids.isEmpty()) {
        return {};
    }
    // The column name comes from this file, never from input; values are bound.
    QSqlQuery update = m_connection.query();
    if (Expected<void> prepared =
            m_connection.prepare(update, u"UPDATE documents SET " % column % u" = ? WHERE id = ?");
        !prepared) {
        return prepared;
    }
    for (const QString &id : ids) {
        if (Expected<void> done = m_connection.exec(update, {int(value), id}); !done) {
            return done;
        }
    }
    return action.isEmpty() ? Expected<void>() : log(ids, action, note);
}

// Fills in the facts of documents that have none: those imported by an annorev from before the
// facts table (schema 1).
Expected<void> backfillFacts(SqliteConnection &connection, const Schema &schema, const Checker &checker)
{
    QSqlQuery missing = connection.query();
    if (Expected<void> done = connection.run(
            missing, QStringLiteral("SELECT d.id FROM documents d LEFT JOIN facts f ON f.document_id = d.id"
                                    " WHERE f.document_id IS NULL ORDER BY d.position"));
        !done) {
        return done;
    }
    QStringList ids;
    while (missing.next()) {
        ids.append(missing.value(0).toString());
    }
    missing.finish();
    if (ids.isEmpty()) {
        return {};
    }
    Expected<SqliteTransaction> transaction = connection.beginWrite();
    if (!transaction) {
        return transaction.error();
    }
    QSqlQuery select = connection.query();
    SqliteFactsWriter factsWriter(connection);
    Expected<void> prepared =
        connection.prepare(select, SqliteTexts::taggedById());
    if (prepared) {
        prepared = factsWriter.prepare();
    }
    if (!prepared) {
        return prepared;
    }
    const Expected<TextCodec> codec = SqliteTexts::codec(connection);
    if (!codec) {
        return codec.error();
    }
    constexpr qsizetype sliceSize = 1024;
    for (qsizetype begin = 0; begin < ids.size(); begin += sliceSize) {
        const QStringList slice = ids.mid(begin, sliceSize);
        const Expected<SqliteTexts::TaggedTexts> read = SqliteTexts::readTagged(connection, select, slice);
        if (!read) {
            return read.error();
        }
        const QList<QByteArray> &texts = read->texts;
        const QList<qint64> &rowids = read->rowids;
        const QList<TextFacts> facts = QtConcurrent::blockingMapped<QList<TextFacts>>(
            texts, [&schema, &checker](const QByteArray &text) { return TextFacts::of(text, schema, checker); });
        for (qsizetype i = 0; i < slice.size(); ++i) {
            if (Expected<void> done =
                    factsWriter.write(slice[i], rowids[i], facts[i], codec->pack(facts[i].plainText.toUtf8()));
                !done) {
                return done;
            }
        }
    }
    return transaction->commit();
}

} // namespace

Expected<QString> recordedBatch(const SqliteConnection &connection)
{
    QSqlQuery query = connection.query();
    if (Expected<void> done =
            connection.run(query, QStringLiteral("SELECT value FROM meta WHERE key = ?"), {SqliteMigrations::batchKey});
        !done) {
        return done.error();
    }
    return query.next() ? query.value(0).toString() : QStringLiteral("");
}

Expected<std::optional<ReviewStore::SyncReport>> syncByStamps(const SqliteConnection &connection,
                                                              const QStringList &batchInputs)
{
    using Outcome = std::optional<ReviewStore::SyncReport>;
    const Expected<QString> recorded = recordedBatch(connection);
    if (!recorded) {
        return recorded.error();
    }
    if (*recorded != BatchSync::identity(batchInputs)) {
        return Outcome(); // another place, or another batch: sync decides
    }
    const Expected<std::optional<StoredStamps>> stamps = loadStamps(connection);
    if (!stamps) {
        return stamps.error();
    }
    if (!*stamps || !(*stamps)->stamp.matches(BatchStamp::take(batchInputs))) {
        return Outcome();
    }
    Expected<QList<InputError>> inputErrors = loadInputErrors(connection);
    if (!inputErrors) {
        return inputErrors.error();
    }
    ReviewStore::SyncReport report;
    report.inputErrors = *std::move(inputErrors);
    return Outcome(std::move(report));
}

Expected<std::optional<qint64>> inputStampsTakenAt(const SqliteConnection &connection)
{
    QSqlQuery query = connection.query();
    if (Expected<void> done =
            connection.run(query, QStringLiteral("SELECT value FROM meta WHERE key = ?"), {stampedAtKey});
        !done) {
        return done.error();
    }
    return query.next() ? std::optional<qint64>(query.value(0).toLongLong()) : std::optional<qint64>();
}

Expected<std::optional<BatchStamp>> inputStamps(const SqliteConnection &connection)
{
    Expected<std::optional<StoredStamps>> stamps = loadStamps(connection);
    if (!stamps) {
        return stamps.error();
    }
    if (!*stamps) {
        return std::optional<BatchStamp>();
    }
    return std::optional<BatchStamp>(std::move((*stamps)->stamp));
}

Expected<ReviewStore::SyncReport> sync(SqliteConnection &connection, const BatchReader &reader,
                                       const QStringList &batchInputs, const Schema &schema, const Checker &checker,
                                       const QString &reviewer, const SyncControl &control)
{
    if (!reader.errors().isEmpty()) {
        // Every document of an unreadable input would look gone: refuse rather than flag them.
        return Error{BatchSync::unreadableInputs(reader)};
    }
    const QString batch = BatchSync::identity(batchInputs);
    const Expected<QString> recorded = recordedBatch(connection);
    if (!recorded) {
        return recorded.error();
    }
    const Expected<std::optional<StoredStamps>> stamps = loadStamps(connection);
    if (!stamps) {
        return stamps.error();
    }
    // Whole files whose stamps have not moved since the last sync read them are not read again,
    // as long as this is the batch that sync read.
    const Scan scan = BatchSync::scan(reader, batchInputs,
                                      *stamps && *recorded == batch ? (*stamps)->unchangedFiles(reader.stamp())
                                                                    : QHash<QString, QByteArray>(),
                                      control);
    if (scan.cancelled) {
        return SyncControl::cancelledError(connection.path());
    }
    Expected<BatchSync::StoredById> stored = loadStored(connection);
    if (!stored) {
        return stored.error();
    }
    const bool besideBatch = QFileInfo(connection.path()).canonicalFilePath() ==
                             QFileInfo(ReviewStore::defaultStorePath(batchInputs)).canonicalFilePath();
    if (Expected<void> same =
            BatchSync::checkSameBatch(connection.path(), besideBatch, *recorded, batch, scan, *stored);
        !same) {
        return same.error();
    }
    const ReviewStore::SyncReport unchanged = BatchSync::report(Plan{}, scan);
    if (BatchSync::plan(scan, *stored).isEmpty()) {
        const bool stampsBehind =
            !*stamps || (*stamps)->stamp.files != reader.stamp().files || !(*stamps)->stamp.isSettled();
        if (*recorded != batch || stampsBehind) {
            // Only the record or the stamps are behind (a store from before them, a batch moved
            // with its store, a file touched). Best effort: a run that cannot write the store
            // still reads it as before, and the next one reads the batch again.
            if (Expected<SqliteTransaction> transaction = connection.beginWrite()) {
                if (recordBatch(connection, batch) && recordStamps(connection, reader.stamp(), scan) &&
                    transaction->commit() && stampsBehind) {
                    truncateLog(connection);
                }
            }
        }
        if (Expected<void> backfilled = backfillFacts(connection, schema, checker); !backfilled) {
            return backfilled.error();
        }
        return unchanged;
    }
    Plan plan;
    {
        Expected<SqliteTransaction> transaction = connection.beginWrite();
        if (!transaction) {
            return transaction.error();
        }
        // Planned again under the write lock: another process may have synced in the meantime.
        stored = loadStored(connection);
        if (!stored) {
            return stored.error();
        }
        plan = BatchSync::plan(scan, *stored);
        Expected<void> done =
            SyncWriter(connection, reviewer, control)
                .apply(plan, scan, reader, schema, checker, BatchSync::addsToListedBatch(*recorded, *stored));
        if (done && *recorded != batch) {
            done = recordBatch(connection, batch);
        }
        if (done) {
            done = recordStamps(connection, reader.stamp(), scan);
        }
        if (done) {
            done = transaction->commit();
        }
        if (!done) {
            return done.error();
        }
    }
    if (Expected<void> backfilled = backfillFacts(connection, schema, checker); !backfilled) {
        return backfilled.error();
    }
    truncateLog(connection);
    return BatchSync::report(plan, scan);
}

} // namespace annorev::SqliteSync
