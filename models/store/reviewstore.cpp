#include "reviewstore.h"

#include "checker.h"
#include "checkreport.h"
#include "document.h"
#include "schema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QThread>
#include <QVariant>
#include <QtConcurrent>

#include <algorithm>
#include <atomic>
#include <initializer_list>
#include <sqlite3.h>

namespace annorev {

namespace {

// Each entry takes a store from schema version (its index) to version index + 1.
QList<QStringList> migrations()
{
    return {
        {
            QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE documents ("
                           " position INTEGER NOT NULL,"
                           " id TEXT NOT NULL UNIQUE,"
                           " layout TEXT NOT NULL,"
                           " source_path TEXT NOT NULL,"
                           " relative_path TEXT NOT NULL,"
                           " source_line INTEGER NOT NULL,"
                           " source_hash BLOB NOT NULL,"
                           " text_token_begin INTEGER NOT NULL,"
                           " text_token_end INTEGER NOT NULL,"
                           " status TEXT NOT NULL DEFAULT 'unreviewed'"
                           "  CHECK (status IN ('unreviewed', 'approved', 'rejected', 'needs-work')),"
                           " note TEXT NOT NULL DEFAULT '',"
                           " reviewer TEXT,"
                           " changed_at TEXT,"
                           " source_changed INTEGER NOT NULL DEFAULT 0,"
                           " missing INTEGER NOT NULL DEFAULT 0,"
                           " errors INTEGER NOT NULL,"
                           " warnings INTEGER NOT NULL,"
                           " infos INTEGER NOT NULL,"
                           // The texts come last: a row's later columns sit behind them on overflow pages, and
                           // sync and summary read only the small columns of every row.
                           " source_text BLOB NOT NULL,"
                           " tagged_text BLOB NOT NULL,"
                           " json_line BLOB)"),
            QStringLiteral("CREATE INDEX documents_position ON documents (position)"),
            QStringLiteral("CREATE TABLE audit ("
                           " seq INTEGER PRIMARY KEY,"
                           " document_id TEXT NOT NULL,"
                           " reviewer TEXT NOT NULL,"
                           " at TEXT NOT NULL,"
                           " action TEXT NOT NULL,"
                           " status_before TEXT,"
                           " status_after TEXT,"
                           " text_before BLOB,"
                           " text_after BLOB,"
                           " note TEXT)"),
            QStringLiteral("CREATE INDEX audit_document ON audit (document_id, seq)"),
            QStringLiteral("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
                           " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
            QStringLiteral("CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
                           " BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"),
        },
        {
            // What the window filters and searches on, kept apart from the documents table so that
            // reading every row's labels does not walk past the texts there.
            QStringLiteral("CREATE TABLE facts ("
                           " document_id TEXT PRIMARY KEY,"
                           " labels TEXT NOT NULL,"
                           " rules TEXT NOT NULL,"
                           " plain_text TEXT NOT NULL)"),
        },
        // Spot-check rounds: samples, their documents and the judgements on them. All three are
        // append-only: a round is never redrawn, and a new judgement of a document is a new row
        // whose seq makes it the one that counts.
        {
            QStringLiteral("CREATE TABLE rounds ("
                           " seq INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL UNIQUE,"
                           " created_at TEXT NOT NULL,"
                           " created_by TEXT NOT NULL,"
                           // Decimal text: a 64-bit unsigned seed does not fit SQLite's signed integers.
                           " seed TEXT NOT NULL,"
                           " requested_size INTEGER NOT NULL,"
                           " statuses TEXT NOT NULL,"
                           " stratify TEXT NOT NULL CHECK (stratify IN ('', 'label', 'rule')))"),
            QStringLiteral("CREATE TABLE round_documents ("
                           " round TEXT NOT NULL,"
                           " position INTEGER NOT NULL,"
                           " document_id TEXT NOT NULL,"
                           " stratum TEXT NOT NULL,"
                           " PRIMARY KEY (round, document_id),"
                           " UNIQUE (round, position))"),
            QStringLiteral(
                "CREATE TABLE judgements ("
                " seq INTEGER PRIMARY KEY,"
                " round TEXT NOT NULL,"
                " document_id TEXT NOT NULL,"
                " verdict TEXT NOT NULL CHECK (verdict IN ('pass', 'fail')),"
                " reason TEXT CHECK ((verdict = 'pass' AND reason IS NULL) OR (verdict = 'fail' AND reason IN"
                "  ('wrong-label', 'wrong-boundary', 'missing-span', 'spurious-span', 'wrong-value', 'other'))),"
                " note TEXT NOT NULL,"
                " reviewer TEXT NOT NULL,"
                " at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX judgements_round ON judgements (round, seq)"),
            QStringLiteral("CREATE TRIGGER rounds_no_update BEFORE UPDATE ON rounds"
                           " BEGIN SELECT RAISE(ABORT, 'spot-check rounds are append-only'); END"),
            QStringLiteral("CREATE TRIGGER rounds_no_delete BEFORE DELETE ON rounds"
                           " BEGIN SELECT RAISE(ABORT, 'spot-check rounds are append-only'); END"),
            QStringLiteral("CREATE TRIGGER round_documents_no_update BEFORE UPDATE ON round_documents"
                           " BEGIN SELECT RAISE(ABORT, 'spot-check rounds are append-only'); END"),
            QStringLiteral("CREATE TRIGGER round_documents_no_delete BEFORE DELETE ON round_documents"
                           " BEGIN SELECT RAISE(ABORT, 'spot-check rounds are append-only'); END"),
            QStringLiteral("CREATE TRIGGER judgements_no_update BEFORE UPDATE ON judgements"
                           " BEGIN SELECT RAISE(ABORT, 'spot-check judgements are append-only'); END"),
            QStringLiteral("CREATE TRIGGER judgements_no_delete BEFORE DELETE ON judgements"
                           " BEGIN SELECT RAISE(ABORT, 'spot-check judgements are append-only'); END"),
        },
    };
}

const QString schemaVersionKey = QStringLiteral("schema_version");
// The batch the store was made for, as canonical paths one a line (see ReviewStore::sync).
const QString batchKey = QStringLiteral("batch");

const QString auditInsert = QStringLiteral(
    "INSERT INTO audit (document_id, reviewer, at, action, status_before, status_after, text_before, text_after, note)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");

const QString documentColumns = QStringLiteral(
    "position, id, layout, source_path, relative_path, source_line, source_hash, source_text, tagged_text, json_line,"
    " text_token_begin, text_token_end, status, note, reviewer, changed_at, source_changed, missing, errors,"
    " warnings, infos");

// The ids in their first order, each once.
QStringList uniqueIds(const QStringList &ids)
{
    QStringList unique;
    for (const QString &id : ids) {
        if (!unique.contains(id)) {
            unique.append(id);
        }
    }
    return unique;
}

QString lockedMessage(const QString &path)
{
    return u"the store " % path % u" is locked by another annorev process; try again";
}

// The sqlite3 handle under a Qt SQL connection (Debian's QSQLITE driver links the system
// libsqlite3, the same library this file calls).
sqlite3 *handleOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return nullptr;
    }
    return *static_cast<sqlite3 *const *>(handle.constData());
}

QString describeError(const QString &path, const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return ok ? ReviewStore::describeSqliteError(path, code, detail) : u"the store " % path % u": " % detail;
}

void setError(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
}

QVariant integer(qint64 value)
{
    return QVariant(qlonglong(value));
}

void bind(QSqlQuery &query, std::initializer_list<QVariant> values)
{
    int index = 0;
    for (const QVariant &value : values) {
        query.bindValue(index++, value);
    }
}

QVariant statusValue(std::optional<ReviewStatus> status)
{
    return status ? QVariant(statusName(*status)) : QVariant();
}

std::optional<ReviewStatus> statusOf(const QVariant &value)
{
    return value.isNull() ? std::nullopt : statusFromName(value.toString());
}

QString timestamp(const QDateTime &time)
{
    return time.toString(Qt::ISODateWithMs);
}

QDateTime timeOf(const QVariant &value)
{
    if (value.isNull()) {
        return {};
    }
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.toUTC();
}

QString layoutName(BatchLayout layout)
{
    switch (layout) {
    case BatchLayout::File:
        return QStringLiteral("file");
    case BatchLayout::Folder:
        return QStringLiteral("folder");
    case BatchLayout::JsonLines:
        return QStringLiteral("jsonl");
    case BatchLayout::Doccano:
        return QStringLiteral("doccano");
    case BatchLayout::LabelStudio:
        return QStringLiteral("label-studio");
    }
    return {};
}

BatchLayout layoutOf(const QString &name)
{
    for (BatchLayout layout : {BatchLayout::File, BatchLayout::Folder, BatchLayout::JsonLines, BatchLayout::Doccano,
                               BatchLayout::LabelStudio}) {
        if (name == layoutName(layout)) {
            return layout;
        }
    }
    return BatchLayout::File;
}

QByteArray hashOf(const QByteArray &source)
{
    return QCryptographicHash::hash(source, QCryptographicHash::Blake2b_256);
}

using Facts = ReviewStore::TextFacts;

QString joinedSet(QStringList names)
{
    names.sort();
    names.removeDuplicates();
    // Empty, not null: a null QString is bound as NULL.
    return names.isEmpty() ? QStringLiteral("") : names.join(u' ');
}

Facts factsOf(const QByteArray &taggedText, const Schema &schema, const Checker &checker)
{
    const Document doc = Document::parse(taggedText, schema);
    return Facts::of(doc, checker.check(doc).findings);
}

const QString factsInsert =
    QStringLiteral("INSERT OR REPLACE INTO facts (document_id, labels, rules, plain_text) VALUES (?, ?, ?, ?)");

} // namespace

ReviewStore::TextFacts ReviewStore::TextFacts::of(const Document &doc, const QList<Finding> &findings)
{
    TextFacts facts;
    facts.counts.add(findings);
    QStringList labels;
    for (const Span &span : doc.spans()) {
        labels.append(span.label);
    }
    QStringList rules;
    for (const Finding &finding : findings) {
        rules.append(finding.rule);
    }
    facts.labels = joinedSet(std::move(labels));
    facts.rules = joinedSet(std::move(rules));
    facts.plainText = doc.text().isNull() ? QStringLiteral("") : doc.text();
    return facts;
}

namespace {

// One document of the batch as sync sees it before touching the store.
struct Seen
{
    qsizetype unit = 0;
    QString id;
    QByteArray hash;
    QString path;
    int line = 0;
    BatchLayout layout = BatchLayout::File;
};

// What the store holds about a document, as far as sync needs it.
struct Existing
{
    qsizetype position = 0;
    QByteArray hash;
    QString path;
    int line = 0;
    bool missing = false;
    bool sourceChanged = false;
};

struct Plan
{
    QList<qsizetype> inserts;  // indexes into the seen list
    QList<qsizetype> relocate; // same source, another place in the batch
    QList<qsizetype> changed;
    QList<qsizetype> restored;
    QList<qsizetype> returned;
    QStringList missing;

    bool isEmpty() const
    {
        return inserts.isEmpty() && relocate.isEmpty() && changed.isEmpty() && restored.isEmpty() &&
               returned.isEmpty() && missing.isEmpty();
    }
};

// seenById maps each id of the batch to its index in seen.
Plan makePlan(const QList<Seen> &seen, const QHash<QString, qsizetype> &seenById,
              const QHash<QString, Existing> &existing)
{
    Plan plan;
    for (qsizetype i = 0; i < seen.size(); ++i) {
        const Seen &doc = seen[i];
        const auto found = existing.constFind(doc.id);
        if (found == existing.cend()) {
            plan.inserts.append(i);
            continue;
        }
        const bool sameSource = found->hash == doc.hash;
        if (!sameSource && !found->sourceChanged) {
            plan.changed.append(i);
        } else if (sameSource && found->sourceChanged) {
            plan.restored.append(i);
        }
        if (found->missing) {
            plan.returned.append(i);
        }
        if (found->position != doc.unit || (sameSource && (found->path != doc.path || found->line != doc.line))) {
            plan.relocate.append(i);
        }
    }
    for (auto it = existing.cbegin(); it != existing.cend(); ++it) {
        if (!it->missing && !seenById.contains(it.key())) {
            plan.missing.append(it.key());
        }
    }
    plan.missing.sort();
    return plan;
}

std::optional<QHash<QString, Existing>> loadExisting(const QSqlDatabase &db, const QString &path, QString *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT id, position, source_hash, source_path, source_line, missing, source_changed FROM documents"))) {
        setError(error, describeError(path, query.lastError()));
        return std::nullopt;
    }
    QHash<QString, Existing> existing;
    while (query.next()) {
        existing.insert(query.value(0).toString(),
                        Existing{query.value(1).toLongLong(), query.value(2).toByteArray(), query.value(3).toString(),
                                 query.value(4).toInt(), query.value(5).toBool(), query.value(6).toBool()});
    }
    return existing;
}

// Everything an imported document needs, made on the worker threads.
struct ImportRow
{
    SourceEntry entry;
    Facts facts;
    bool ok = false;
};

class SyncWriter
{
public:
    SyncWriter(QSqlDatabase db, const QString &path, const QString &reviewer)
        : m_db(std::move(db)), m_path(path), m_reviewer(reviewer), m_at(timestamp(QDateTime::currentDateTimeUtc()))
    {
    }

    bool apply(const Plan &plan, const QList<Seen> &seen, const BatchReader &reader, const Schema &schema,
               const Checker &checker, QString *error);

private:
    bool fail(const QSqlQuery &query, QString *error)
    {
        setError(error, describeError(m_path, query.lastError()));
        return false;
    }
    bool insertAll(const QList<qsizetype> &inserts, const QList<Seen> &seen, const BatchReader &reader,
                   const Schema &schema, const Checker &checker, QString *error);
    bool setFlag(const QString &column, const QStringList &ids, bool value, const QString &action, const QString &note,
                 QString *error);
    bool logSourceChanges(const QList<qsizetype> &changed, const QList<Seen> &seen, const BatchReader &reader,
                          QString *error);
    bool relocate(const QList<qsizetype> &moved, const QList<Seen> &seen, const BatchReader &reader, QString *error);

    QSqlDatabase m_db;
    QString m_path;
    QString m_reviewer;
    QString m_at;
};

bool SyncWriter::apply(const Plan &plan, const QList<Seen> &seen, const BatchReader &reader, const Schema &schema,
                       const Checker &checker, QString *error)
{
    auto idsOf = [&seen](const QList<qsizetype> &indexes) {
        QStringList ids;
        for (qsizetype i : indexes) {
            ids.append(seen[i].id);
        }
        return ids;
    };
    return insertAll(plan.inserts, seen, reader, schema, checker, error) &&
           relocate(plan.relocate, seen, reader, error) && logSourceChanges(plan.changed, seen, reader, error) &&
           setFlag(QStringLiteral("source_changed"), idsOf(plan.changed), true, {}, {}, error) &&
           setFlag(QStringLiteral("source_changed"), idsOf(plan.restored), false, QStringLiteral("source-restored"),
                   QStringLiteral("the source is back to the bytes imported"), error) &&
           setFlag(QStringLiteral("missing"), idsOf(plan.returned), false, QStringLiteral("source-returned"),
                   QStringLiteral("the document is in the batch again"), error) &&
           setFlag(QStringLiteral("missing"), plan.missing, true, QStringLiteral("source-missing"),
                   QStringLiteral("the document is gone from the batch; the store keeps it"), error);
}

bool SyncWriter::insertAll(const QList<qsizetype> &inserts, const QList<Seen> &seen, const BatchReader &reader,
                           const Schema &schema, const Checker &checker, QString *error)
{
    if (inserts.isEmpty()) {
        return true;
    }
    QSqlQuery query(m_db);
    if (!query.prepare(QStringLiteral(
            "INSERT INTO documents (position, id, layout, source_path, relative_path, source_line, source_hash,"
            " source_text, tagged_text, json_line, text_token_begin, text_token_end, errors, warnings, infos)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))) {
        return fail(query, error);
    }
    QSqlQuery factsQuery(m_db);
    if (!factsQuery.prepare(factsInsert)) {
        return fail(factsQuery, error);
    }
    // Parsing and checking run on every core, a slice at a time so that memory stays bounded;
    // the inserts stay on this thread, which owns the connection.
    constexpr qsizetype sliceSize = 4096;
    for (qsizetype begin = 0; begin < inserts.size(); begin += sliceSize) {
        const QList<qsizetype> slice = inserts.mid(begin, sliceSize);
        const QList<ImportRow> rows =
            QtConcurrent::blockingMapped<QList<ImportRow>>(slice, [&](qsizetype index) -> ImportRow {
                ReadResult read = reader.read(seen[index].unit, BatchReader::Keep::TextAndLine);
                auto *entry = std::get_if<SourceEntry>(&read);
                if (!entry) {
                    return {};
                }
                Facts facts = factsOf(entry->source, schema, checker);
                return ImportRow{std::move(*entry), std::move(facts), true};
            });
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const ImportRow &row = rows[i];
            const Seen &doc = seen[slice[i]];
            if (!row.ok) {
                // The unit could be read a moment ago; a file deleted since is picked up next time.
                continue;
            }
            const SourceEntry &entry = row.entry;
            const bool jsonl = doc.layout == BatchLayout::JsonLines;
            const QString relative = doc.layout == BatchLayout::Folder ? doc.id
                                     : doc.layout == BatchLayout::File ? QFileInfo(doc.path).fileName()
                                                                       : QStringLiteral("");
            bind(query, {integer(doc.unit), doc.id, layoutName(doc.layout), doc.path, relative, doc.line, doc.hash,
                         entry.source, entry.source, jsonl ? QVariant(entry.jsonLine) : QVariant(),
                         integer(entry.textTokenBegin), integer(entry.textTokenEnd), integer(row.facts.counts.errors),
                         integer(row.facts.counts.warnings), integer(row.facts.counts.infos)});
            if (!query.exec()) {
                return fail(query, error);
            }
            bind(factsQuery, {doc.id, row.facts.labels, row.facts.rules, row.facts.plainText});
            if (!factsQuery.exec()) {
                return fail(factsQuery, error);
            }
        }
    }
    return true;
}

bool SyncWriter::relocate(const QList<qsizetype> &moved, const QList<Seen> &seen, const BatchReader &reader,
                          QString *error)
{
    if (moved.isEmpty()) {
        return true;
    }
    QSqlQuery position(m_db);
    QSqlQuery place(m_db);
    if (!position.prepare(QStringLiteral("UPDATE documents SET position = ? WHERE id = ?"))) {
        return fail(position, error);
    }
    if (!place.prepare(QStringLiteral("UPDATE documents SET position = ?, source_path = ?, source_line = ?,"
                                      " json_line = ?, text_token_begin = ?, text_token_end = ?"
                                      " WHERE id = ? AND source_hash = ?"))) {
        return fail(place, error);
    }
    for (qsizetype index : moved) {
        const Seen &doc = seen[index];
        bind(position, {integer(doc.unit), doc.id});
        if (!position.exec()) {
            return fail(position, error);
        }
        // Where the source is the one imported, its place (and a JSON Lines line's other fields)
        // follow the batch; otherwise they stay with the text the reviewer's version came from.
        ReadResult read = reader.read(doc.unit, BatchReader::Keep::TextAndLine);
        if (const auto *entry = std::get_if<SourceEntry>(&read)) {
            const bool jsonl = doc.layout == BatchLayout::JsonLines;
            bind(place, {integer(doc.unit), doc.path, doc.line, jsonl ? QVariant(entry->jsonLine) : QVariant(),
                         integer(entry->textTokenBegin), integer(entry->textTokenEnd), doc.id, doc.hash});
            if (!place.exec()) {
                return fail(place, error);
            }
        }
    }
    return true;
}

bool SyncWriter::logSourceChanges(const QList<qsizetype> &changed, const QList<Seen> &seen, const BatchReader &reader,
                                  QString *error)
{
    if (changed.isEmpty()) {
        return true;
    }
    QSqlQuery query(m_db);
    if (!query.prepare(QStringLiteral(
            "INSERT INTO audit (document_id, reviewer, at, action, status_before, status_after, text_before,"
            " text_after, note) SELECT id, ?, ?, ?, status, status, source_text, ?, ? FROM documents WHERE id = ?"))) {
        return fail(query, error);
    }
    for (qsizetype index : changed) {
        ReadResult read = reader.read(seen[index].unit, BatchReader::Keep::Text);
        const auto *entry = std::get_if<SourceEntry>(&read);
        bind(query,
             {m_reviewer, m_at, QStringLiteral("source-changed"), entry ? QVariant(entry->source) : QVariant(),
              QStringLiteral("the source bytes changed since import; the reviewer's version is kept"), seen[index].id});
        if (!query.exec()) {
            return fail(query, error);
        }
    }
    return true;
}

bool SyncWriter::setFlag(const QString &column, const QStringList &ids, bool value, const QString &action,
                         const QString &note, QString *error)
{
    if (ids.isEmpty()) {
        return true;
    }
    // The column name comes from this file, never from input; values are bound.
    QSqlQuery update(m_db);
    if (!update.prepare(u"UPDATE documents SET " % column % u" = ? WHERE id = ?")) {
        return fail(update, error);
    }
    QSqlQuery audit(m_db);
    if (!action.isEmpty() && !audit.prepare(auditInsert)) {
        return fail(audit, error);
    }
    for (const QString &id : ids) {
        bind(update, {int(value), id});
        if (!update.exec()) {
            return fail(update, error);
        }
        if (!action.isEmpty()) {
            bind(audit, {id, m_reviewer, m_at, action, QVariant(), QVariant(), QVariant(), QVariant(), note});
            if (!audit.exec()) {
                return fail(audit, error);
            }
        }
    }
    return true;
}

ReviewStore::StoredDocument documentFrom(const QSqlQuery &query)
{
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
    doc.changedAt = timeOf(query.value(15));
    doc.sourceChanged = query.value(16).toBool();
    doc.missing = query.value(17).toBool();
    doc.errors = query.value(18).toLongLong();
    doc.warnings = query.value(19).toLongLong();
    doc.infos = query.value(20).toLongLong();
    return doc;
}

} // namespace

ReviewStore::ReviewStore(const QString &path, const QString &connectionName)
    : m_path(path), m_connectionName(connectionName),
      m_db(QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName))
{
}

QString ReviewStore::describeSqliteError(const QString &path, int code, const QString &detail)
{
    const int primary = code & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
        return lockedMessage(path);
    }
    // SQLite says SQLITE_FULL when a write comes up short, but "disk I/O error" when growing the
    // shared-memory file or syncing runs out of space; either way the reviewer needs to hear that
    // the disk is full. An I/O error with next to nothing left on the disk is taken for that.
    constexpr qint64 nearlyFull = 1024 * 1024;
    const QStorageInfo disk(QFileInfo(path).absolutePath());
    if (primary == SQLITE_FULL || (primary == SQLITE_IOERR && disk.isValid() && disk.bytesAvailable() < nearlyFull)) {
        return u"the disk holding the store " % path % u" is full; free some space and try again";
    }
    return u"the store " % path % u": " % detail;
}

ReviewStore::~ReviewStore()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString ReviewStore::defaultStorePath(const QStringList &batchInputs)
{
    if (batchInputs.isEmpty()) {
        return {};
    }
    // cleanPath drops a trailing '/' and a final "/.", so a folder's store sits beside it.
    return QDir::cleanPath(QFileInfo(batchInputs.constFirst()).absoluteFilePath()) % u".annorev.sqlite";
}

const QStringList &ReviewStore::fileSuffixes()
{
    static const QStringList suffixes{QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                                      QStringLiteral("-journal")};
    return suffixes;
}

bool ReviewStore::isStoreFileName(const QString &fileName)
{
    return std::any_of(fileSuffixes().cbegin(), fileSuffixes().cend(), [&fileName](const QString &suffix) {
        return fileName.endsWith(u".annorev.sqlite" % suffix);
    });
}

std::unique_ptr<ReviewStore> ReviewStore::open(const QString &path, QString *error)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        setError(error, QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed"));
        return nullptr;
    }
    // A run that could not write the store (its file read-only then) leaves -wal and -shm files
    // with the store's read-only permissions, as SQLite creates them; with such a -shm, every
    // later write fails with "attempt to write a readonly database" even once the store is
    // writable again. They get the store's permissions back; changing the mode of a file that
    // another process has open does not disturb it.
    const QFileInfo storeInfo(path);
    if (storeInfo.isFile() && storeInfo.isWritable()) {
        for (const QLatin1StringView suffix : {QLatin1StringView("-wal"), QLatin1StringView("-shm")}) {
            const QString sidecar = path + suffix;
            const QFileInfo sidecarInfo(sidecar);
            if (sidecarInfo.exists() && !sidecarInfo.isWritable() &&
                !QFile::setPermissions(sidecar, sidecarInfo.permissions() | storeInfo.permissions())) {
                setError(error, u"the store " % path % u" cannot be written: " % sidecar %
                                    u" is read-only and belongs to someone else; make it writable, or delete it "
                                    u"while no annorev uses the store");
                return nullptr;
            }
        }
    }
    static std::atomic<quint64> opened{0};
    const QString connection = u"annorev-store-" % QString::number(++opened);
    std::unique_ptr<ReviewStore> store(new ReviewStore(path, connection));
    QSqlDatabase &db = store->m_db;
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=" % QString::number(busyTimeoutMs));
    if (!db.open()) {
        setError(error, u"cannot open the store " % path % u": " % db.lastError().text());
        return nullptr;
    }
    // A closing connection that believes it is the last one deletes the -wal and -shm files. If
    // anything in another annorev process opened and closed the store file, that process lost
    // its POSIX locks and looks gone, yet it still writes to the files it has open: its commits
    // would go to a deleted log. With a persistent WAL nothing is deleted, so they are not lost.
    sqlite3 *handle = handleOf(db);
    int persist = 1;
    if (!handle || sqlite3_file_control(handle, "main", SQLITE_FCNTL_PERSIST_WAL, &persist) != SQLITE_OK) {
        setError(error, u"cannot open the store " % path %
                            u": the SQLite driver does not let annorev keep the "
                            u"write-ahead log");
        return nullptr;
    }
    // SQLite answers "busy" at once, without waiting out its busy timeout, while another process
    // turns a new file into a WAL database; so getting ready is retried for as long as that timeout.
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        QString attemptError;
        if (store->prepare(&attemptError)) {
            return store;
        }
        if (attemptError != lockedMessage(path) || waited.elapsed() >= busyTimeoutMs) {
            setError(error, attemptError);
            return nullptr;
        }
        QThread::msleep(10);
    }
}

bool ReviewStore::prepare(QString *error)
{
    // The version is read before anything is written (WAL mode included), so a store this
    // annorev cannot read is left byte for byte as it was.
    const std::optional<int> version = readVersion(error);
    if (!version) {
        return false;
    }
    if (*version > schemaVersion) {
        setError(error, QStringLiteral("the store %1 was written by a newer annorev (store schema %2, this annorev "
                                       "reads up to %3); upgrade annorev")
                            .arg(m_path)
                            .arg(*version)
                            .arg(schemaVersion));
        return false;
    }
    // WAL: a commit is one append to the log, and readers never wait for the writer.
    // synchronous=FULL syncs the log at every commit, so a reported change also survives a power
    // loss, not only a killed process (which NORMAL already survives); it still marks a document
    // inside the 5 ms target (see README, "Speed").
    QSqlQuery pragma(m_db);
    if (!pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !pragma.next() ||
        pragma.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0) {
        setError(error, pragma.lastError().isValid()
                            ? describeError(m_path, pragma.lastError())
                            : QString(u"the store " % m_path % u" cannot use a write-ahead log"));
        return false;
    }
    pragma.finish();
    if (!exec(QStringLiteral("PRAGMA synchronous = FULL"), error) ||
        !exec(u"PRAGMA busy_timeout = " % QString::number(busyTimeoutMs), error)) {
        return false;
    }
    return *version == schemaVersion || migrate(error);
}

std::optional<int> ReviewStore::readVersion(QString *error) const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"))) {
        setError(error, describeError(m_path, query.lastError()));
        return std::nullopt;
    }
    QStringList tables;
    while (query.next()) {
        tables.append(query.value(0).toString());
    }
    if (tables.isEmpty()) {
        return 0;
    }
    const QString notAStore = u"" % m_path % u" is not an annorev store";
    if (!tables.contains(u"meta")) {
        setError(error, notAStore);
        return std::nullopt;
    }
    if (!query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"))) {
        setError(error, describeError(m_path, query.lastError()));
        return std::nullopt;
    }
    query.bindValue(0, schemaVersionKey);
    if (!query.exec()) {
        setError(error, describeError(m_path, query.lastError()));
        return std::nullopt;
    }
    bool ok = false;
    const int version = query.next() ? query.value(0).toString().toInt(&ok) : 0;
    if (!ok || version < 1) {
        setError(error, notAStore % u" (it has no schema version)");
        return std::nullopt;
    }
    return version;
}

bool ReviewStore::migrate(QString *error)
{
    if (!beginWrite(error)) {
        return false;
    }
    // Another process may have created or migrated the store since it was opened.
    const std::optional<int> version = readVersion(error);
    if (!version) {
        rollback();
        return false;
    }
    const QList<QStringList> steps = migrations();
    for (int step = *version; step < schemaVersion; ++step) {
        for (const QString &statement : steps[step]) {
            if (!exec(statement, error)) {
                rollback();
                return false;
            }
        }
    }
    QSqlQuery query(m_db);
    if (!query.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"))) {
        setError(error, describeError(m_path, query.lastError()));
        rollback();
        return false;
    }
    bind(query, {schemaVersionKey, QString::number(std::max(*version, schemaVersion))});
    if (!query.exec()) {
        setError(error, describeError(m_path, query.lastError()));
        rollback();
        return false;
    }
    return commit(error);
}

bool ReviewStore::exec(const QString &sql, QString *error)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql)) {
        setError(error, describeError(m_path, query.lastError()));
        return false;
    }
    return true;
}

bool ReviewStore::beginWrite(QString *error)
{
    return exec(QStringLiteral("BEGIN IMMEDIATE"), error);
}

bool ReviewStore::commit(QString *error)
{
    if (exec(QStringLiteral("COMMIT"), error)) {
        return true;
    }
    rollback();
    return false;
}

bool ReviewStore::abandon(QString *error, const QString &message)
{
    setError(error, message);
    rollback();
    return false;
}

void ReviewStore::rollback()
{
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK"));
}

QString ReviewStore::unreadableInputs(const BatchReader &reader)
{
    QStringList messages;
    for (const InputError &inputError : reader.errors()) {
        messages.append(inputError.located());
    }
    return messages.join(u'\n');
}

QString ReviewStore::batchIdentity(const QStringList &batchInputs)
{
    QStringList paths;
    for (const QString &input : batchInputs) {
        const QFileInfo info(input);
        const QString canonical = info.canonicalFilePath();
        paths.append(canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical);
    }
    return paths.join(u'\n');
}

std::optional<ReviewStore::SyncReport> ReviewStore::sync(const QStringList &batchInputs, const Schema &schema,
                                                         const Checker &checker, const QString &reviewer,
                                                         QString *error)
{
    return sync(BatchReader::open(batchInputs), batchInputs, schema, checker, reviewer, error);
}

std::optional<QString> ReviewStore::recordedBatch(QString *error) const
{
    QSqlQuery query(m_db);
    if (!query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"))) {
        setError(error, describeError(m_path, query.lastError()));
        return std::nullopt;
    }
    query.bindValue(0, batchKey);
    if (!query.exec()) {
        setError(error, describeError(m_path, query.lastError()));
        return std::nullopt;
    }
    return query.next() ? query.value(0).toString() : QStringLiteral("");
}

bool ReviewStore::recordBatch(const QString &batch, QString *error)
{
    QSqlQuery record(m_db);
    if (!record.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"))) {
        setError(error, describeError(m_path, record.lastError()));
        return false;
    }
    bind(record, {batchKey, batch});
    if (!record.exec()) {
        setError(error, describeError(m_path, record.lastError()));
        return false;
    }
    return true;
}

QStringList ReviewStore::batchInputs(QString *error) const
{
    const std::optional<QString> recorded = recordedBatch(error);
    return recorded ? recorded->split(u'\n', Qt::SkipEmptyParts) : QStringList();
}

std::optional<ReviewStore::SyncReport> ReviewStore::sync(const BatchReader &reader, const QStringList &batchInputs,
                                                         const Schema &schema, const Checker &checker,
                                                         const QString &reviewer, QString *error)
{
    if (!reader.errors().isEmpty()) {
        // Every document of an unreadable input would look gone: refuse rather than flag them.
        setError(error, unreadableInputs(reader));
        return std::nullopt;
    }
    QSet<QString> fileInputs;
    for (const QString &input : batchInputs) {
        const QFileInfo info(input);
        if (!info.isDir() && !input.endsWith(u".jsonl", Qt::CaseInsensitive)) {
            fileInputs.insert(input);
        }
    }

    // Reading and hashing run on every core; ids are checked for repeats in batch order after.
    struct Read
    {
        std::optional<InputError> error;
        std::optional<Seen> seen;
    };
    constexpr qsizetype chunkSize = 1024;
    QList<std::pair<qsizetype, qsizetype>> chunks;
    for (qsizetype begin = 0; begin < reader.size(); begin += chunkSize) {
        chunks.append({begin, std::min(reader.size(), begin + chunkSize)});
    }
    const QList<QList<Read>> readChunks = QtConcurrent::blockingMapped<QList<QList<Read>>>(
        chunks, [&reader, &fileInputs](const std::pair<qsizetype, qsizetype> &chunk) -> QList<Read> {
            QList<Read> reads;
            for (qsizetype unit = chunk.first; unit < chunk.second; ++unit) {
                ReadResult read = reader.read(unit, BatchReader::Keep::Text);
                if (auto *inputError = std::get_if<InputError>(&read)) {
                    reads.append(Read{std::move(*inputError), std::nullopt});
                } else if (const auto *entry = std::get_if<SourceEntry>(&read)) {
                    const BatchLayout layout = entry->line > 0                    ? BatchLayout::JsonLines
                                               : fileInputs.contains(entry->path) ? BatchLayout::File
                                                                                  : BatchLayout::Folder;
                    reads.append(Read{std::nullopt,
                                      Seen{unit, entry->id, hashOf(entry->source), entry->path, entry->line, layout}});
                }
            }
            return reads;
        });

    SyncReport report;
    QList<Seen> seen;
    seen.reserve(reader.size());
    QHash<QString, qsizetype> firstPlace; // id -> index in seen
    firstPlace.reserve(reader.size());
    for (const QList<Read> &reads : readChunks) {
        for (const Read &read : reads) {
            if (read.error) {
                report.inputErrors.append(*read.error);
                continue;
            }
            const Seen &doc = *read.seen;
            const auto first = firstPlace.constFind(doc.id);
            if (first != firstPlace.cend()) {
                const Seen &earlier = seen[*first];
                const QString where = earlier.line > 0 ? QStringLiteral("line %1").arg(earlier.line) : earlier.path;
                report.inputErrors.append(
                    InputError{doc.path, doc.line,
                               QStringLiteral("duplicate id \"%1\" (first at %2): skipped").arg(doc.id, where)});
                continue;
            }
            firstPlace.insert(doc.id, seen.size());
            seen.append(doc);
        }
    }

    std::optional<QHash<QString, Existing>> existing = loadExisting(m_db, m_path, error);
    if (!existing) {
        return std::nullopt;
    }
    const QString batch = batchIdentity(batchInputs);
    const std::optional<QString> recorded = recordedBatch(error);
    if (!recorded) {
        return std::nullopt;
    }
    // A store given for the wrong batch would flag its documents missing. It is refused when it
    // shares no document with this batch, or when the batch it records is still there and the
    // store is not the one beside this batch; a batch moved, renamed or copied with its store
    // shares its documents and is let through, and the store records the new place.
    const QStringList recordedInputs = recorded->split(u'\n', Qt::SkipEmptyParts);
    const bool shared =
        std::any_of(seen.cbegin(), seen.cend(), [&](const Seen &doc) { return existing->contains(doc.id); });
    const bool elsewhere =
        !recordedInputs.isEmpty() &&
        std::all_of(recordedInputs.cbegin(), recordedInputs.cend(),
                    [](const QString &input) { return QFileInfo::exists(input); }) &&
        QFileInfo(m_path).canonicalFilePath() != QFileInfo(defaultStorePath(batchInputs)).canonicalFilePath();
    if (*recorded != batch && !existing->isEmpty() && (!shared || elsewhere)) {
        QString other = QString(*recorded).replace(u'\n', QStringLiteral(", "));
        if (other.isEmpty()) {
            // Stores from before the batch was recorded: name it by one of its documents.
            const auto first =
                std::min_element(existing->cbegin(), existing->cend(),
                                 [](const Existing &a, const Existing &b) { return a.position < b.position; });
            other = u"of " % first->path;
        }
        setError(error, u"the store " % m_path % u" belongs to another batch (" % other % u"), not to " %
                            QString(batch).replace(u'\n', QStringLiteral(", ")) %
                            u". Give this batch its own store (leave out --store for the one beside it); nothing was "
                            u"changed");
        return std::nullopt;
    }
    if (makePlan(seen, firstPlace, *existing).isEmpty()) {
        if (*recorded != batch) {
            // Only the record is behind (a store from before it, or a batch moved with its store).
            // Best effort: a run that cannot write the store still reads it as before.
            QString ignored;
            if (beginWrite(&ignored)) {
                if (recordBatch(batch, &ignored)) {
                    commit(&ignored);
                } else {
                    rollback();
                }
            }
        }
        if (!backfillFacts(schema, checker, error)) {
            return std::nullopt;
        }
        return report;
    }
    if (!beginWrite(error)) {
        return std::nullopt;
    }
    // Planned again under the write lock: another process may have synced in the meantime.
    existing = loadExisting(m_db, m_path, error);
    if (!existing) {
        rollback();
        return std::nullopt;
    }
    const Plan plan = makePlan(seen, firstPlace, *existing);
    if (!SyncWriter(m_db, m_path, reviewer).apply(plan, seen, reader, schema, checker, error)) {
        rollback();
        return std::nullopt;
    }
    if (*recorded != batch && !recordBatch(batch, error)) {
        rollback();
        return std::nullopt;
    }
    if (!commit(error) || !backfillFacts(schema, checker, error)) {
        return std::nullopt;
    }
    if (!plan.inserts.isEmpty()) {
        // The log is kept when annorev closes (see open()), so an import would leave it as large
        // as the batch. A TRUNCATE checkpoint empties it once no other connection reads from it;
        // if one does, the log stays as it is and is reused from its start.
        QSqlQuery checkpoint(m_db);
        checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    report.imported = plan.inserts.size();
    for (qsizetype i : plan.changed) {
        report.sourceChanged.append(seen[i].id);
    }
    for (qsizetype i : plan.restored) {
        report.sourceRestored.append(seen[i].id);
    }
    for (qsizetype i : plan.returned) {
        report.returned.append(seen[i].id);
    }
    report.missing = plan.missing;
    return report;
}

bool ReviewStore::backfillFacts(const Schema &schema, const Checker &checker, QString *error)
{
    // Documents imported by an annorev from before the facts table have none yet.
    QSqlQuery missing(m_db);
    missing.setForwardOnly(true);
    if (!missing.exec(QStringLiteral("SELECT d.id FROM documents d LEFT JOIN facts f ON f.document_id = d.id"
                                     " WHERE f.document_id IS NULL ORDER BY d.position"))) {
        setError(error, describeError(m_path, missing.lastError()));
        return false;
    }
    QStringList ids;
    while (missing.next()) {
        ids.append(missing.value(0).toString());
    }
    missing.finish();
    if (ids.isEmpty()) {
        return true;
    }
    if (!beginWrite(error)) {
        return false;
    }
    auto failWith = [this, error](const QSqlQuery &query) {
        setError(error, describeError(m_path, query.lastError()));
        rollback();
        return false;
    };
    QSqlQuery select(m_db);
    QSqlQuery insert(m_db);
    if (!select.prepare(QStringLiteral("SELECT tagged_text FROM documents WHERE id = ?"))) {
        return failWith(select);
    }
    if (!insert.prepare(factsInsert)) {
        return failWith(insert);
    }
    constexpr qsizetype sliceSize = 1024;
    for (qsizetype begin = 0; begin < ids.size(); begin += sliceSize) {
        const QStringList slice = ids.mid(begin, sliceSize);
        QList<QByteArray> texts;
        texts.reserve(slice.size());
        for (const QString &id : slice) {
            select.bindValue(0, id);
            if (!select.exec()) {
                return failWith(select);
            }
            texts.append(select.next() ? select.value(0).toByteArray() : QByteArray());
        }
        const QList<Facts> facts = QtConcurrent::blockingMapped<QList<Facts>>(
            texts, [&schema, &checker](const QByteArray &text) { return factsOf(text, schema, checker); });
        for (qsizetype i = 0; i < slice.size(); ++i) {
            bind(insert, {slice[i], facts[i].labels, facts[i].rules, facts[i].plainText});
            if (!insert.exec()) {
                return failWith(insert);
            }
        }
    }
    return commit(error);
}

QList<ReviewStore::ListEntry> ReviewStore::listEntries(QString *error) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT d.id, d.status, d.errors, d.warnings, d.infos, f.labels, f.rules"
                                   " FROM documents d LEFT JOIN facts f ON f.document_id = d.id"
                                   " WHERE d.missing = 0 ORDER BY d.position, d.id"))) {
        setError(error, describeError(m_path, query.lastError()));
        return {};
    }
    QList<ListEntry> entries;
    while (query.next()) {
        ListEntry entry;
        entry.id = query.value(0).toString();
        entry.status = statusOf(query.value(1)).value_or(ReviewStatus::Unreviewed);
        entry.errors = query.value(2).toLongLong();
        entry.warnings = query.value(3).toLongLong();
        entry.infos = query.value(4).toLongLong();
        entry.labels = query.value(5).toString().split(u' ', Qt::SkipEmptyParts);
        entry.rules = query.value(6).toString().split(u' ', Qt::SkipEmptyParts);
        entries.append(std::move(entry));
    }
    return entries;
}

std::optional<QStringList> ReviewStore::search(const QString &needle, QString *error) const
{
    QString pattern = needle;
    pattern.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(QStringLiteral("SELECT d.id FROM facts f JOIN documents d ON d.id = f.document_id"
                                      " WHERE d.missing = 0 AND f.plain_text LIKE ? ESCAPE '\\'"
                                      " ORDER BY d.position, d.id"))) {
        setError(error, describeError(m_path, query.lastError()));
        return std::nullopt;
    }
    query.bindValue(0, QString(u'%' + pattern + u'%'));
    if (!query.exec()) {
        setError(error, describeError(m_path, query.lastError()));
        return std::nullopt;
    }
    QStringList ids;
    while (query.next()) {
        ids.append(query.value(0).toString());
    }
    return ids;
}

std::optional<ReviewStore::StoredDocument> ReviewStore::document(const QString &id, QString *error) const
{
    QSqlQuery query(m_db);
    if (!query.prepare(u"SELECT " % documentColumns % u" FROM documents WHERE id = ?")) {
        setError(error, describeError(m_path, query.lastError()));
        return std::nullopt;
    }
    query.bindValue(0, id);
    if (!query.exec()) {
        setError(error, describeError(m_path, query.lastError()));
        return std::nullopt;
    }
    if (!query.next()) {
        return std::nullopt;
    }
    return documentFrom(query);
}

QStringList ReviewStore::ids(QString *error) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id FROM documents ORDER BY position, id"))) {
        setError(error, describeError(m_path, query.lastError()));
        return {};
    }
    QStringList ids;
    while (query.next()) {
        ids.append(query.value(0).toString());
    }
    return ids;
}

bool ReviewStore::setStatus(const QStringList &ids, ReviewStatus status, const QString &note, const QString &reviewer,
                            QString *error)
{
    const QStringList unique = uniqueIds(ids);
    if (!beginWrite(error)) {
        return false;
    }
    QSqlQuery select(m_db);
    if (!select.prepare(QStringLiteral("SELECT status, errors FROM documents WHERE id = ?"))) {
        return abandon(error, describeError(m_path, select.lastError()));
    }
    QStringList unknown;
    QStringList withErrors;
    QList<std::optional<ReviewStatus>> before;
    for (const QString &id : unique) {
        select.bindValue(0, id);
        if (!select.exec()) {
            return abandon(error, describeError(m_path, select.lastError()));
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
        const QString which = unknown.size() == 1 ? QStringLiteral("no document") : QStringLiteral("no documents");
        return abandon(error, which % u" \"" % unknown.join(QStringLiteral("\", \"")) % u"\" in the store " % m_path %
                                  u"; nothing was changed");
    }
    if (status == ReviewStatus::Approved && note.trimmed().isEmpty() && !withErrors.isEmpty()) {
        return abandon(error,
                       u"\"" % withErrors.join(QStringLiteral("\", \"")) %
                           u"\" has error findings: approving it needs a note giving the reason; nothing was changed");
    }

    QSqlQuery update(m_db);
    QSqlQuery audit(m_db);
    if (!update.prepare(
            QStringLiteral("UPDATE documents SET status = ?, note = ?, reviewer = ?, changed_at = ? WHERE id = ?"))) {
        return abandon(error, describeError(m_path, update.lastError()));
    }
    if (!audit.prepare(auditInsert)) {
        return abandon(error, describeError(m_path, audit.lastError()));
    }
    const QString at = timestamp(QDateTime::currentDateTimeUtc());
    // A null QString binds as SQL NULL; the note column holds '' when there is none.
    const QString noteText = note.trimmed().isEmpty() ? QStringLiteral("") : note.trimmed();
    for (qsizetype i = 0; i < unique.size(); ++i) {
        bind(update, {statusName(status), noteText, reviewer, at, unique[i]});
        if (!update.exec()) {
            return abandon(error, describeError(m_path, update.lastError()));
        }
        bind(audit, {unique[i], reviewer, at, QStringLiteral("status"), statusValue(before[i]), statusValue(status),
                     QVariant(), QVariant(), noteText.isEmpty() ? QVariant() : QVariant(noteText)});
        if (!audit.exec()) {
            return abandon(error, describeError(m_path, audit.lastError()));
        }
    }
    return commit(error);
}

bool ReviewStore::setTaggedText(const QString &id, const QByteArray &taggedText, const Schema &schema,
                                const Checker &checker, const QString &reviewer, QString *error)
{
    // Checked before the lock is taken: parsing a long document should not hold up other writers.
    return setTaggedText(id, taggedText, factsOf(taggedText, schema, checker), reviewer, error);
}

bool ReviewStore::setTaggedText(const QString &id, const QByteArray &taggedText, const TextFacts &facts,
                                const QString &reviewer, QString *error)
{
    const CheckReport::Counts &counts = facts.counts;
    if (!beginWrite(error)) {
        return false;
    }
    QSqlQuery select(m_db);
    if (!select.prepare(QStringLiteral("SELECT tagged_text, status FROM documents WHERE id = ?"))) {
        return abandon(error, describeError(m_path, select.lastError()));
    }
    select.bindValue(0, id);
    if (!select.exec()) {
        return abandon(error, describeError(m_path, select.lastError()));
    }
    if (!select.next()) {
        return abandon(error, u"no document \"" % id % u"\" in the store " % m_path % u"; nothing was changed");
    }
    const QByteArray before = select.value(0).toByteArray();
    const std::optional<ReviewStatus> statusBefore = statusOf(select.value(1));
    select.finish();
    if (before == taggedText) {
        rollback();
        return true;
    }
    // An approval or rejection was of the text as it stood: an edit undoes it, so that an export
    // of approved documents never carries text nobody approved. reviewer and changed_at stay those
    // of the decision; the audit row says who edited and when.
    const bool reopens = statusBefore == ReviewStatus::Approved || statusBefore == ReviewStatus::Rejected;
    const std::optional<ReviewStatus> statusAfter = reopens ? ReviewStatus::Unreviewed : statusBefore;
    const QString at = timestamp(QDateTime::currentDateTimeUtc());
    QSqlQuery update(m_db);
    if (!update.prepare(QStringLiteral("UPDATE documents SET tagged_text = ?, errors = ?, warnings = ?, infos = ?,"
                                       " status = ? WHERE id = ?"))) {
        return abandon(error, describeError(m_path, update.lastError()));
    }
    bind(update, {taggedText, integer(counts.errors), integer(counts.warnings), integer(counts.infos),
                  statusValue(statusAfter.value_or(ReviewStatus::Unreviewed)), id});
    if (!update.exec()) {
        return abandon(error, describeError(m_path, update.lastError()));
    }
    QSqlQuery audit(m_db);
    if (!audit.prepare(auditInsert)) {
        return abandon(error, describeError(m_path, audit.lastError()));
    }
    const QVariant note =
        reopens ? QVariant(u"the edit returns the document from " % statusName(*statusBefore) % u" to unreviewed")
                : QVariant();
    bind(audit, {id, reviewer, at, QStringLiteral("edit"), statusValue(statusBefore), statusValue(statusAfter), before,
                 taggedText, note});
    if (!audit.exec()) {
        return abandon(error, describeError(m_path, audit.lastError()));
    }
    QSqlQuery factsQuery(m_db);
    if (!factsQuery.prepare(factsInsert)) {
        return abandon(error, describeError(m_path, factsQuery.lastError()));
    }
    bind(factsQuery, {id, facts.labels, facts.rules, facts.plainText});
    if (!factsQuery.exec()) {
        return abandon(error, describeError(m_path, factsQuery.lastError()));
    }
    return commit(error);
}

QList<ReviewStore::AuditEntry> ReviewStore::auditLog(const QString &id, QString *error) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    const QString columns = QStringLiteral(
        "SELECT seq, document_id, reviewer, at, action, status_before, status_after, text_before, text_after, note"
        " FROM audit");
    const bool ok = id.isNull() ? query.prepare(columns % u" ORDER BY seq")
                                : query.prepare(columns % u" WHERE document_id = ? ORDER BY seq");
    if (!ok) {
        setError(error, describeError(m_path, query.lastError()));
        return {};
    }
    if (!id.isNull()) {
        query.bindValue(0, id);
    }
    if (!query.exec()) {
        setError(error, describeError(m_path, query.lastError()));
        return {};
    }
    QList<AuditEntry> entries;
    while (query.next()) {
        AuditEntry entry;
        entry.seq = query.value(0).toLongLong();
        entry.documentId = query.value(1).toString();
        entry.reviewer = query.value(2).toString();
        entry.at = timeOf(query.value(3));
        entry.action = query.value(4).toString();
        entry.statusBefore = statusOf(query.value(5));
        entry.statusAfter = statusOf(query.value(6));
        if (!query.value(7).isNull()) {
            entry.textBefore = query.value(7).toByteArray();
        }
        if (!query.value(8).isNull()) {
            entry.textAfter = query.value(8).toByteArray();
        }
        entry.note = query.value(9).toString();
        entries.append(std::move(entry));
    }
    return entries;
}

ReviewStore::Summary ReviewStore::summary(QString *error) const
{
    Summary summary;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT status, COUNT(*), SUM(errors), SUM(warnings), SUM(infos), SUM(errors > 0)"
                                   " FROM documents GROUP BY status"))) {
        setError(error, describeError(m_path, query.lastError()));
        return {};
    }
    while (query.next()) {
        const qsizetype count = query.value(1).toLongLong();
        if (const std::optional<ReviewStatus> status = statusOf(query.value(0))) {
            summary.byStatus[std::size_t(*status)] += count;
        }
        summary.documents += count;
        summary.errors += query.value(2).toLongLong();
        summary.warnings += query.value(3).toLongLong();
        summary.infos += query.value(4).toLongLong();
        summary.documentsWithErrors += query.value(5).toLongLong();
    }
    for (auto [column, list] : {std::pair{QStringLiteral("source_changed"), &summary.sourceChanged},
                                std::pair{QStringLiteral("missing"), &summary.missing}}) {
        // The column name comes from this file, never from input.
        if (!query.exec(u"SELECT id FROM documents WHERE " % column % u" = 1 ORDER BY position, id")) {
            setError(error, describeError(m_path, query.lastError()));
            return {};
        }
        while (query.next()) {
            list->append(query.value(0).toString());
        }
    }
    return summary;
}

QList<ExportDocument> ReviewStore::exportDocuments(std::optional<ReviewStatus> filter, QString *error) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    const QString select =
        QStringLiteral("SELECT id, tagged_text, status, reviewer, changed_at, note, layout, relative_path, json_line,"
                       " text_token_begin, text_token_end, tagged_text = source_text FROM documents");
    const bool ok = filter ? query.prepare(select % u" WHERE status = ? ORDER BY position, id")
                           : query.prepare(select % u" ORDER BY position, id");
    if (!ok) {
        setError(error, describeError(m_path, query.lastError()));
        return {};
    }
    if (filter) {
        query.bindValue(0, statusName(*filter));
    }
    if (!query.exec()) {
        setError(error, describeError(m_path, query.lastError()));
        return {};
    }
    QList<ExportDocument> documents;
    while (query.next()) {
        ExportDocument doc;
        doc.id = query.value(0).toString();
        doc.taggedText = query.value(1).toByteArray();
        doc.status = statusOf(query.value(2)).value_or(ReviewStatus::Unreviewed);
        doc.reviewer = query.value(3).toString();
        doc.reviewedAt = timeOf(query.value(4));
        doc.note = query.value(5).toString();
        doc.layout = layoutOf(query.value(6).toString());
        doc.relativePath = query.value(7).toString();
        doc.jsonLine = query.value(8).toByteArray();
        doc.textTokenBegin = query.value(9).toLongLong();
        doc.textTokenEnd = query.value(10).toLongLong();
        doc.edited = !query.value(11).toBool();
        documents.append(std::move(doc));
    }
    return documents;
}

namespace {

const QString roundSelect =
    QStringLiteral("SELECT name, created_at, created_by, seed, requested_size, statuses, stratify,"
                   " (SELECT COUNT(*) FROM round_documents WHERE round_documents.round = rounds.name) FROM rounds");

SpotCheckRound roundFrom(const QSqlQuery &query)
{
    SpotCheckRound round;
    round.name = query.value(0).toString();
    round.createdAt = timeOf(query.value(1));
    round.createdBy = query.value(2).toString();
    round.seed = query.value(3).toString().toULongLong();
    round.requestedSize = query.value(4).toLongLong();
    round.statuses = query.value(5).toString();
    round.stratify = stratifyFromName(query.value(6).toString()).value_or(Stratify::None);
    round.size = query.value(7).toLongLong();
    return round;
}

// Runs a prepared statement with these values. On failure sets the error, naming the store.
bool rerun(QSqlQuery &query, const QString &path, std::initializer_list<QVariant> values, QString *error)
{
    bind(query, values);
    if (!query.exec()) {
        setError(error, describeError(path, query.lastError()));
        return false;
    }
    return true;
}

// Prepares the statement and runs it with these values. On failure sets the error, naming the store.
bool run(QSqlQuery &query, const QString &path, const QString &sql, std::initializer_list<QVariant> values,
         QString *error)
{
    if (!query.prepare(sql)) {
        setError(error, describeError(path, query.lastError()));
        return false;
    }
    return rerun(query, path, values, error);
}

// Whether a prepared statement gives a row with these values; nothing when it fails.
std::optional<bool> hasRow(QSqlQuery &query, const QString &path, std::initializer_list<QVariant> values,
                           QString *error)
{
    if (!rerun(query, path, values, error)) {
        return std::nullopt;
    }
    const bool found = query.next();
    query.finish();
    return found;
}

QString quotedList(const QStringList &ids)
{
    return u"\"" % ids.join(QStringLiteral("\", \"")) % u"\"";
}

} // namespace

bool ReviewStore::createRound(const SpotCheckRound &round, const QList<RoundDocument> &documents, QString *error)
{
    if (round.name.trimmed().isEmpty()) {
        setError(error, QStringLiteral("a spot-check round needs a name"));
        return false;
    }
    QSet<QString> seen;
    for (const RoundDocument &document : documents) {
        if (seen.contains(document.id)) {
            setError(error, u"document \"" % document.id % u"\" is twice in the sample");
            return false;
        }
        seen.insert(document.id);
    }
    if (!beginWrite(error)) {
        return false;
    }
    QSqlQuery query(m_db);
    if (!run(query, m_path, QStringLiteral("SELECT 1 FROM rounds WHERE name = ?"), {round.name}, error)) {
        rollback();
        return false;
    }
    if (query.next()) {
        return abandon(error, u"a round \"" % round.name % u"\" already exists in the store " % m_path %
                                  u"; rounds are never redrawn: choose another name");
    }
    query.finish();
    if (!query.prepare(QStringLiteral("SELECT 1 FROM documents WHERE id = ?"))) {
        return abandon(error, describeError(m_path, query.lastError()));
    }
    QStringList unknown;
    for (const RoundDocument &document : documents) {
        const std::optional<bool> found = hasRow(query, m_path, {document.id}, error);
        if (!found) {
            rollback();
            return false;
        }
        if (!*found) {
            unknown.append(document.id);
        }
    }
    if (!unknown.isEmpty()) {
        return abandon(error,
                       u"no document " % quotedList(unknown) % u" in the store " % m_path % u"; nothing was saved");
    }
    if (!run(query, m_path,
             QStringLiteral("INSERT INTO rounds (name, created_at, created_by, seed, requested_size, statuses,"
                            " stratify) VALUES (?, ?, ?, ?, ?, ?, ?)"),
             {round.name, timestamp(QDateTime::currentDateTimeUtc()), round.createdBy, QString::number(round.seed),
              integer(round.requestedSize), round.statuses, stratifyName(round.stratify)},
             error)) {
        rollback();
        return false;
    }
    if (!query.prepare(QStringLiteral(
            "INSERT INTO round_documents (round, position, document_id, stratum) VALUES (?, ?, ?, ?)"))) {
        return abandon(error, describeError(m_path, query.lastError()));
    }
    for (qsizetype position = 0; position < documents.size(); ++position) {
        const RoundDocument &document = documents[position];
        // A null QString binds as SQL NULL; the stratum column holds '' for an unstratified round.
        const QString stratum = document.stratum.isNull() ? QStringLiteral("") : document.stratum;
        if (!rerun(query, m_path, {round.name, integer(position), document.id, stratum}, error)) {
            rollback();
            return false;
        }
    }
    return commit(error);
}

QList<SpotCheckRound> ReviewStore::rounds(QString *error) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!run(query, m_path, roundSelect % u" ORDER BY seq", {}, error)) {
        return {};
    }
    QList<SpotCheckRound> result;
    while (query.next()) {
        result.append(roundFrom(query));
    }
    return result;
}

std::optional<SpotCheckRound> ReviewStore::round(const QString &name, QString *error) const
{
    QSqlQuery query(m_db);
    if (!run(query, m_path, roundSelect % u" WHERE name = ?", {name}, error) || !query.next()) {
        return std::nullopt;
    }
    return roundFrom(query);
}

QList<RoundDocument> ReviewStore::roundDocuments(const QString &round, QString *error) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!run(query, m_path,
             QStringLiteral("SELECT document_id, stratum FROM round_documents WHERE round = ? ORDER BY position"),
             {round}, error)) {
        return {};
    }
    QList<RoundDocument> documents;
    while (query.next()) {
        documents.append({query.value(0).toString(), query.value(1).toString()});
    }
    return documents;
}

bool ReviewStore::judge(const QString &round, const QStringList &ids, Verdict verdict, std::optional<FailReason> reason,
                        const QString &note, const QString &reviewer, QString *error)
{
    if ((verdict == Verdict::Fail) != reason.has_value()) {
        setError(error, verdict == Verdict::Fail ? QStringLiteral("a failed document needs a reason")
                                                 : QStringLiteral("a passed document takes no reason"));
        return false;
    }
    const QStringList unique = uniqueIds(ids);
    if (!beginWrite(error)) {
        return false;
    }
    QSqlQuery known(m_db);
    QSqlQuery inRound(m_db);
    if (!run(known, m_path, QStringLiteral("SELECT 1 FROM rounds WHERE name = ?"), {round}, error)) {
        rollback();
        return false;
    }
    if (!known.next()) {
        return abandon(error, u"no round \"" % round % u"\" in the store " % m_path);
    }
    known.finish();
    if (!known.prepare(QStringLiteral("SELECT 1 FROM documents WHERE id = ?")) ||
        !inRound.prepare(QStringLiteral("SELECT 1 FROM round_documents WHERE round = ? AND document_id = ?"))) {
        return abandon(error,
                       describeError(m_path, known.lastError().isValid() ? known.lastError() : inRound.lastError()));
    }
    QStringList unknown;
    QStringList outside;
    for (const QString &id : unique) {
        const std::optional<bool> isKnown = hasRow(known, m_path, {id}, error);
        const std::optional<bool> isInRound = isKnown ? hasRow(inRound, m_path, {round, id}, error) : std::nullopt;
        if (!isInRound) {
            rollback();
            return false;
        }
        if (!*isKnown) {
            unknown.append(id);
        } else if (!*isInRound) {
            outside.append(id);
        }
    }
    if (!unknown.isEmpty()) {
        return abandon(error, (unknown.size() == 1 ? QStringLiteral("no document ") : QStringLiteral("no documents ")) %
                                  quotedList(unknown) % u" in the store " % m_path % u"; nothing was changed");
    }
    if (!outside.isEmpty()) {
        return abandon(error, quotedList(outside) %
                                  (outside.size() == 1 ? QStringLiteral(" is") : QStringLiteral(" are")) %
                                  u" not in round \"" % round % u"\"; nothing was changed");
    }
    QSqlQuery insert(m_db);
    if (!insert.prepare(QStringLiteral("INSERT INTO judgements (round, document_id, verdict, reason, note, reviewer,"
                                       " at) VALUES (?, ?, ?, ?, ?, ?, ?)"))) {
        return abandon(error, describeError(m_path, insert.lastError()));
    }
    const QString at = timestamp(QDateTime::currentDateTimeUtc());
    const QString noteText = note.trimmed().isEmpty() ? QStringLiteral("") : note.trimmed();
    for (const QString &id : unique) {
        if (!rerun(insert, m_path,
                   {round, id, verdictName(verdict), reason ? QVariant(failReasonName(*reason)) : QVariant(), noteText,
                    reviewer, at},
                   error)) {
            rollback();
            return false;
        }
    }
    return commit(error);
}

QList<Judgement> ReviewStore::judgements(const QString &round, QString *error) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!run(query, m_path,
             QStringLiteral("SELECT seq, round, document_id, verdict, reason, note, reviewer, at"
                            " FROM judgements WHERE round = ? ORDER BY seq"),
             {round}, error)) {
        return {};
    }
    QList<Judgement> result;
    while (query.next()) {
        Judgement judgement;
        judgement.seq = query.value(0).toLongLong();
        judgement.round = query.value(1).toString();
        judgement.documentId = query.value(2).toString();
        judgement.verdict = verdictFromName(query.value(3).toString()).value_or(Verdict::Fail);
        if (!query.value(4).isNull()) {
            judgement.reason = failReasonFromName(query.value(4).toString());
        }
        judgement.note = query.value(5).toString();
        judgement.reviewer = query.value(6).toString();
        judgement.at = timeOf(query.value(7));
        result.append(std::move(judgement));
    }
    return result;
}

} // namespace annorev
