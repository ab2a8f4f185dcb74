#include "postgressync.h"

#include "batchsync.h"
#include "postgresconnection.h"
#include "postgrescopy.h"
#include "storerows.h"
#include "storevalues.h"
#include "teamstore.h"

#include <QStringBuilder>

namespace annorev::PostgresSync {

using namespace StoreValues;
using BatchSync::Plan;
using BatchSync::Scan;
using BatchSync::Seen;

namespace {

// Documents are parsed and checked on every core a slice at a time, and written in between.
constexpr qsizetype sliceSize = 512;

// Tells windows on the batch (TeamStore::listen) that a document changed, binding the batch and
// the document's id; an empty id tells them the batch's documents are in another order. Sent when
// the transaction commits.
const QString announceSql = QStringLiteral("SELECT pg_notify('annorev_changes', ?::bigint || ' ' || left(?, 7000))");

QVariant integer(qint64 value)
{
    return QVariant(qlonglong(value));
}

Expected<BatchSync::StoredById> loadStored(const PostgresBatch &batch)
{
    PostgresConnection &db = batch.db();
    QSqlQuery query = db.query();
    if (Expected<void> done = db.run(query,
                                     QStringLiteral("SELECT id, position, source_hash, source_path, source_line,"
                                                    " missing, source_changed FROM annorev.documents WHERE batch = ?"),
                                     {batch.id});
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

// Applies a plan inside the caller's transaction.
class Writer
{
public:
    Writer(const PostgresBatch &batch, const Scan &scan, const BatchReader &reader)
        : m_batch(batch), m_db(batch.db()), m_scan(scan), m_reader(reader)
    {
    }

    Expected<void> insert(const QList<qsizetype> &indexes, const Schema &schema, const Checker &checker,
                          const SyncControl &control);
    Expected<void> relocate(const QList<qsizetype> &moved);
    Expected<void> logAdded(const QList<qsizetype> &inserted);
    Expected<void> logSourceChanges(const QList<qsizetype> &changed);
    Expected<void> setFlag(const QString &column, const QStringList &ids, bool value, const QString &action,
                           const QString &note);
    QStringList idsOf(const QList<qsizetype> &indexes) const
    {
        QStringList ids;
        for (qsizetype i : indexes) {
            ids.append(m_scan.seen[i].id);
        }
        return ids;
    }

private:
    const PostgresBatch &m_batch;
    PostgresConnection &m_db;
    const Scan &m_scan;
    const BatchReader &m_reader;
};

Expected<void> Writer::insert(const QList<qsizetype> &indexes, const Schema &schema, const Checker &checker,
                              const SyncControl &control)
{
    if (indexes.isEmpty()) {
        return {};
    }
    // One COPY for the whole import: a prepared INSERT per row had the server parse every row's
    // values again, and took twice as long.
    Expected<PostgresCopy> copy = PostgresCopy::start(
        m_db, QStringLiteral("COPY annorev.documents (batch, id, position, layout, source_path, relative_path,"
                             " source_line, source_hash, source_text, tagged_text, json_line, text_token_begin,"
                             " text_token_end, errors, warnings, infos, facts, plain_text) FROM STDIN"));
    if (!copy) {
        return copy.error();
    }
    control.report(SyncControl::Stage::Importing, 0, indexes.size());
    for (qsizetype begin = 0; begin < indexes.size(); begin += sliceSize) {
        if (control.cancelled()) {
            return SyncControl::cancelledError(m_db.path());
        }
        const QList<qsizetype> slice = indexes.mid(begin, sliceSize);
        const QList<BatchSync::Import> imports = BatchSync::prepareImports(m_reader, m_scan, slice, schema, checker);
        for (qsizetype i = 0; i < slice.size(); ++i) {
            const BatchSync::Import &import = imports[i];
            // A unit that could not be read now, though it could a moment ago, waits for the next import.
            if (!import.ok) {
                continue;
            }
            const Seen &doc = m_scan.seen[slice[i]];
            const SourceEntry &entry = import.entry;
            const DocumentFacts &facts = import.facts.facts;
            copy->integer(m_batch.id);
            copy->text(doc.id);
            copy->integer(doc.unit);
            copy->text(layoutName(doc.layout));
            copy->text(doc.path);
            copy->text(BatchSync::relativePath(doc));
            copy->integer(doc.line);
            copy->bytes(doc.hash);
            copy->bytes(entry.source);
            copy->bytes(entry.source);
            if (entry.jsonLine.isEmpty()) {
                copy->null();
            } else {
                copy->bytes(entry.jsonLine);
            }
            copy->integer(entry.textTokenBegin);
            copy->integer(entry.textTokenEnd);
            copy->integer(facts.errors());
            copy->integer(facts.warnings());
            copy->integer(facts.infos());
            copy->text(facts.encoded());
            copy->text(PostgresConnection::storableText(import.facts.plainText));
            copy->endRow();
        }
        if (Expected<void> sent = copy->flush(); !sent) {
            return sent;
        }
        control.report(SyncControl::Stage::Importing, begin + slice.size(), indexes.size());
    }
    return copy->finish();
}

Expected<void> Writer::relocate(const QList<qsizetype> &moved)
{
    if (moved.isEmpty()) {
        return {};
    }
    QSqlQuery position = m_db.query();
    QSqlQuery place = m_db.query();
    Expected<void> prepared =
        m_db.prepare(position, QStringLiteral("UPDATE annorev.documents SET position = ? WHERE batch = ? AND id = ?"));
    if (prepared) {
        prepared = m_db.prepare(place, QStringLiteral("UPDATE annorev.documents SET source_path = ?, source_line = ?,"
                                                      " text_token_begin = ?, text_token_end = ?, json_line = ?"
                                                      " WHERE batch = ? AND id = ? AND source_hash = ?"));
    }
    if (!prepared) {
        return prepared;
    }
    for (qsizetype index : moved) {
        const Seen &doc = m_scan.seen[index];
        if (Expected<void> done = m_db.exec(position, {integer(doc.unit), m_batch.id, doc.id}); !done) {
            return done;
        }
        // Where the source is the one imported, its place (and a JSON Lines line's other fields)
        // follow the batch; otherwise they stay with the text the reviewer's version came from.
        ReadResult read = m_reader.read(doc.unit, BatchReader::Keep::TextAndLine);
        if (const auto *entry = std::get_if<SourceEntry>(&read)) {
            const bool jsonl = doc.layout == BatchLayout::JsonLines;
            if (Expected<void> done =
                    m_db.exec(place, {doc.path, doc.line, integer(entry->textTokenBegin), integer(entry->textTokenEnd),
                                      jsonl ? QVariant(entry->jsonLine) : QVariant(QMetaType(QMetaType::QByteArray)),
                                      m_batch.id, doc.id, doc.hash});
                !done) {
                return done;
            }
        }
    }
    return {};
}

Expected<void> Writer::logSourceChanges(const QList<qsizetype> &changed)
{
    if (changed.isEmpty()) {
        return {};
    }
    QSqlQuery audit = m_db.query();
    if (Expected<void> prepared = m_db.prepare(
            audit, QStringLiteral("INSERT INTO annorev.audit (batch, document_id, action, status_before,"
                                  " status_after, text_before, text_after, note) SELECT batch, id, 'source-changed',"
                                  " status, status, source_text, ?, ? FROM annorev.documents"
                                  " WHERE batch = ? AND id = ?"));
        !prepared) {
        return prepared;
    }
    for (qsizetype index : changed) {
        // The audit row keeps both sources, so that the change can be seen after the fact.
        ReadResult read = m_reader.read(m_scan.seen[index].unit, BatchReader::Keep::Text);
        const auto *entry = std::get_if<SourceEntry>(&read);
        if (Expected<void> done = m_db.exec(
                audit, {entry ? QVariant(entry->source) : QVariant(QMetaType(QMetaType::QByteArray)),
                        QStringLiteral("the source bytes changed since import; the reviewer's version is kept"),
                        m_batch.id, m_scan.seen[index].id});
            !done) {
            return done;
        }
    }
    return {};
}

Expected<void> Writer::logAdded(const QList<qsizetype> &inserted)
{
    if (inserted.isEmpty()) {
        return {};
    }
    // Of the documents the import wrote (a unit that could not be read again waits for the next
    // import). Windows on the batch hear of them as of any other change: the server announces it.
    QSqlQuery audit = m_db.query();
    QSqlQuery announce = m_db.query();
    Expected<void> prepared = m_db.prepare(
        audit, QStringLiteral("INSERT INTO annorev.audit (batch, document_id, action, note) SELECT batch, id,"
                              " 'source-added', 'the document is new in the batch' FROM annorev.documents"
                              " WHERE batch = ? AND id = ?"));
    if (prepared) {
        prepared = m_db.prepare(announce, announceSql);
    }
    if (!prepared) {
        return prepared;
    }
    for (qsizetype index : inserted) {
        const QString &id = m_scan.seen[index].id;
        Expected<void> done = m_db.exec(audit, {m_batch.id, id});
        if (done) {
            done = m_db.exec(announce, {m_batch.id, id});
        }
        if (!done) {
            return done;
        }
    }
    return {};
}

Expected<void> Writer::setFlag(const QString &column, const QStringList &ids, bool value, const QString &action,
                               const QString &note)
{
    if (ids.isEmpty()) {
        return {};
    }
    // The column name comes from this file, never from input; values are bound.
    QSqlQuery update = m_db.query();
    QSqlQuery audit = m_db.query();
    Expected<void> prepared =
        m_db.prepare(update, u"UPDATE annorev.documents SET " % column % u" = ? WHERE batch = ? AND id = ?");
    if (prepared && !action.isEmpty()) {
        prepared = m_db.prepare(audit, QStringLiteral("INSERT INTO annorev.audit (batch, document_id, action, note)"
                                                      " VALUES (?, ?, ?, ?)"));
    }
    if (!prepared) {
        return prepared;
    }
    for (const QString &id : ids) {
        Expected<void> done = m_db.exec(update, {value, m_batch.id, id});
        if (done && !action.isEmpty()) {
            done = m_db.exec(audit, {m_batch.id, id, action, note});
        }
        if (!done) {
            return done;
        }
    }
    return {};
}

Expected<QString> recordedInputs(const PostgresBatch &batch)
{
    PostgresConnection &db = batch.db();
    QSqlQuery query = db.query();
    if (Expected<void> done =
            db.run(query, QStringLiteral("SELECT inputs FROM annorev.batches WHERE id = ?"), {batch.id});
        !done) {
        return done.error();
    }
    if (!query.next()) {
        return Error{u"the team batch " % db.path() % u" is gone from its database"};
    }
    return query.value(0).toString();
}

Expected<void> record(const PostgresBatch &batch, const QString &identity, const Scan &scan)
{
    PostgresConnection &db = batch.db();
    QSqlQuery query = db.query();
    return db.run(query, QStringLiteral("UPDATE annorev.batches SET inputs = ?, input_errors = ? WHERE id = ?"),
                  {identity, StoreRows::encodedInputErrors(scan.inputErrors), batch.id});
}

} // namespace

Expected<QStringList> batchInputs(const PostgresBatch &batch)
{
    const Expected<QString> recorded = recordedInputs(batch);
    if (!recorded) {
        return recorded.error();
    }
    return recorded->split(u'\n', Qt::SkipEmptyParts);
}

Expected<ReviewStore::SyncReport> sync(const PostgresBatch &batch, const BatchReader &reader,
                                       const QStringList &batchInputs, const Schema &schema, const Checker &checker,
                                       const SyncControl &control)
{
    PostgresConnection &db = batch.db();
    if (!reader.errors().isEmpty()) {
        // Every document of an unreadable input would look gone: refuse rather than flag them.
        return Error{BatchSync::unreadableInputs(reader)};
    }
    // Asked first, so that a member without the right hears it before the batch is read.
    const Expected<bool> curator = db.hasRole(roleName(TeamRole::Curator));
    if (!curator) {
        return curator.error();
    }
    if (!*curator) {
        const Expected<QString> user = db.sessionUser();
        return Error{u"the team batch " % db.path() % u": not allowed: " % user.value_or(QStringLiteral("you")) %
                     u" may not import into a team batch: that takes the role " % roleName(TeamRole::Curator)};
    }
    const QString identity = BatchSync::identity(batchInputs);
    const Expected<QString> recorded = recordedInputs(batch);
    if (!recorded) {
        return recorded.error();
    }
    const Scan scan = BatchSync::scan(reader, batchInputs, {}, control);
    if (scan.cancelled) {
        return SyncControl::cancelledError(db.path());
    }
    Expected<BatchSync::StoredById> stored = loadStored(batch);
    if (!stored) {
        return stored.error();
    }
    if (Expected<void> same = BatchSync::checkSameBatch(db.path(), true, *recorded, identity, scan, *stored); !same) {
        return same.error();
    }
    Expected<PostgresTransaction> transaction = db.begin();
    if (!transaction) {
        return transaction.error();
    }
    // One import of a batch at a time: a second waits, then plans against what the first wrote.
    QSqlQuery lock = db.query();
    if (Expected<void> locked =
            db.run(lock, QStringLiteral("SELECT 1 FROM annorev.batches WHERE id = ? FOR UPDATE"), {batch.id});
        !locked) {
        return locked.error();
    }
    stored = loadStored(batch);
    if (!stored) {
        return stored.error();
    }
    const Plan plan = BatchSync::plan(scan, *stored);
    Writer writer(batch, scan, reader);
    Expected<void> done = writer.insert(plan.inserts, schema, checker, control);
    if (done && BatchSync::addsToListedBatch(*recorded, *stored)) {
        done = writer.logAdded(plan.inserts);
    }
    if (done) {
        done = writer.relocate(plan.relocate);
    }
    if (done) {
        done = writer.logSourceChanges(plan.changed);
    }
    const QString sourceChanged = QStringLiteral("source_changed");
    const QString missing = QStringLiteral("missing");
    if (done) {
        done = writer.setFlag(sourceChanged, writer.idsOf(plan.changed), true, {}, {});
    }
    if (done) {
        done = writer.setFlag(sourceChanged, writer.idsOf(plan.restored), false, QStringLiteral("source-restored"),
                              QStringLiteral("the source is back to the bytes imported"));
    }
    if (done) {
        done = writer.setFlag(missing, writer.idsOf(plan.returned), false, QStringLiteral("source-returned"),
                              QStringLiteral("the document is in the batch again"));
    }
    if (done) {
        done = writer.setFlag(missing, plan.missing, true, QStringLiteral("source-missing"),
                              QStringLiteral("the document is gone from the batch; the store keeps it"));
    }
    if (done && plan.reordered) {
        // No document changed, so no audit row tells of it: windows on the batch hear it from the
        // server, as a change of no document.
        QSqlQuery announce = db.query();
        done = db.run(announce, announceSql, {batch.id, QStringLiteral("")});
    }
    if (done) {
        done = record(batch, identity, scan);
    }
    if (done) {
        done = transaction->commit();
    }
    if (!done) {
        return done.error();
    }
    return BatchSync::report(plan, scan);
}

} // namespace annorev::PostgresSync
