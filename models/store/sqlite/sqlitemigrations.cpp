#include "sqlitemigrations.h"

#include "sqliteconnection.h"
#include "sqliteinexactwords.h"
#include "sqliterepack.h"

#include <QList>
#include <QStringList>

#include <algorithm>

namespace annorev::SqliteMigrations {

const QString batchKey = QStringLiteral("batch");
const QString batchOrderKey = QStringLiteral("batch_order");

namespace {

const QString schemaVersionKey = QStringLiteral("schema_version");
// The schema whose migration writes every text anew, in a table of its own (the step before packed
// them, SqliteRepack).
constexpr int textsApartSchema = 7;

// What takes a store from one schema version to the next: statements, then code that moves the
// data over (none for most steps), then statements that finish the step.
struct Migration
{
    QStringList statements;
    Expected<void> (*code)(const SqliteConnection &) = nullptr;
    QStringList finishing;

    Migration(QStringList sql) : statements(std::move(sql)) {}
    Migration(QStringList sql, Expected<void> (*moveData)(const SqliteConnection &), QStringList finishingSql)
        : statements(std::move(sql)), code(moveData), finishing(std::move(finishingSql))
    {
    }
};

// Schema 9's trigger statement that adds (sign '+') or takes away ('-') the counts of a document
// (row "new" or "old") to those of its status.
QString countDocument(QChar sign, QLatin1StringView row)
{
    return u" UPDATE summary_counts SET documents = documents " % sign % u" 1, errors = errors " % sign % u' ' %
           row % u".errors, warnings = warnings " % sign % u' ' % row % u".warnings, infos = infos " % sign % u' ' %
           row % u".infos, with_errors = with_errors " % sign % u" (" % row % u".errors > 0) WHERE status = " % row %
           u".status;";
}

// A document's small columns, as schemas 6 and 7 define them.
const QString documentColumns =
    QStringLiteral(" position INTEGER NOT NULL,"
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
                   " infos INTEGER NOT NULL");

// The documents table as schema 6 defines it: texts packed (TextCodec), and kept once. The texts
// come last: a row's later columns sit behind them on overflow pages, and sync and summary read
// only the small columns of every row.
const QString packedDocuments = u"CREATE TABLE packed_documents (" % documentColumns %
                                // NULL: the text the JSON line's text token holds (the line is
                                // kept, so the text need not be).
                                u", source_text BLOB,"
                                // NULL: the source, unedited.
                                u" tagged_text BLOB,"
                                u" json_line BLOB)";

// Each entry takes a store from schema version (its index) to version index + 1.
QList<Migration> migrations()
{
    return {
        QStringList{
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
        QStringList{
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
        QStringList{
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
        QStringList{
            // A version's facts (DocumentFacts::encoded(): finding counts, spans per label,
            // findings per rule, records) replace its label and rule lists, so that stats and
            // stratified draws read them instead of parsing and checking every document again.
            // The next sync fills the new table in (backfillFacts).
            QStringLiteral("DROP TABLE facts"),
            QStringLiteral("CREATE TABLE facts ("
                           " document_id TEXT PRIMARY KEY,"
                           " facts TEXT NOT NULL,"
                           " plain_text TEXT NOT NULL)"),
        },
        QStringList{
            // The stamps of the batch's files as the last sync read them (BatchStamp), so that a
            // command on an unchanged batch stats its files instead of reading them. Written with
            // the sync, with the time they were taken and the input errors it reported (meta).
            QStringLiteral("CREATE TABLE input_stamps ("
                           " seq INTEGER PRIMARY KEY,"
                           " path TEXT NOT NULL,"
                           " size INTEGER NOT NULL,"
                           " modified_ns INTEGER NOT NULL,"
                           " status_changed_ns INTEGER NOT NULL,"
                           // Bit patterns of unsigned 64-bit numbers, in SQLite's signed integers.
                           " inode INTEGER NOT NULL,"
                           " device INTEGER NOT NULL,"
                           // A whole file's bytes as read (BLAKE2b-256), so that a folder batch
                           // reads again only the files whose stamps changed; NULL for a file of
                           // many documents.
                           " content_hash BLOB)"),
        },
        // Each text once and packed (TextCodec: Zstandard with dictionaries trained on the batch),
        // and a word index of the plain texts, so that a store is no bigger than its batch and a
        // word is found without reading every text. SqliteRepack moves the rows over.
        Migration{
            {
                packedDocuments,
                QStringLiteral("CREATE TABLE packed_facts ("
                               " document_id TEXT PRIMARY KEY,"
                               " facts TEXT NOT NULL,"
                               " plain_text BLOB NOT NULL)"),
                // Zstandard dictionaries by the id the trainer gave them; added, never changed.
                QStringLiteral("CREATE TABLE text_dictionaries (id INTEGER PRIMARY KEY, bytes BLOB NOT NULL)"),
                QStringLiteral("CREATE TRIGGER text_dictionaries_no_update BEFORE UPDATE ON text_dictionaries"
                               " BEGIN SELECT RAISE(ABORT, 'text dictionaries are never changed'); END"),
                // Words of the plain texts by the documents' rowids. Contentless: the texts are in
                // facts; without positions (detail=none), since every hit is checked against the
                // text, which also makes phrases and parts of words exact (SqliteSearch).
                QStringLiteral("CREATE VIRTUAL TABLE plain_words USING fts5(plain_text, content='', detail=none,"
                               " tokenize='unicode61 remove_diacritics 0')"),
            },
            &SqliteRepack::repack,
            {
                QStringLiteral("DROP TABLE documents"),
                QStringLiteral("ALTER TABLE packed_documents RENAME TO documents"),
                QStringLiteral("CREATE INDEX documents_position ON documents (position)"),
                QStringLiteral("DROP TABLE facts"),
                QStringLiteral("ALTER TABLE packed_facts RENAME TO facts"),
            },
        },
        // The packed texts in a table of their own, by the documents' rowids: a decision changes a
        // few bytes of a document's row, and SQLite writes a changed row whole, so with the texts
        // in it every mark rewrote them (about 10 KB a document in a bulk mark). The rowids are
        // kept: the texts and the word index are keyed by them.
        QStringList{
            QStringLiteral("CREATE TABLE document_texts ("
                           " document INTEGER PRIMARY KEY,"
                           // NULL: the text the JSON line's text token holds.
                           " source_text BLOB,"
                           // NULL: the source, unedited.
                           " tagged_text BLOB,"
                           " json_line BLOB)"),
            QStringLiteral("INSERT INTO document_texts (document, source_text, tagged_text, json_line)"
                           " SELECT rowid, source_text, tagged_text, json_line FROM documents ORDER BY rowid"),
            // The rowid, named so that VACUUM keeps it.
            u"CREATE TABLE slim_documents (seq INTEGER PRIMARY KEY," % documentColumns % u")",
            QStringLiteral("INSERT INTO slim_documents (seq, position, id, layout, source_path, relative_path,"
                           " source_line, source_hash, text_token_begin, text_token_end, status, note, reviewer,"
                           " changed_at, source_changed, missing, errors, warnings, infos)"
                           " SELECT rowid, position, id, layout, source_path, relative_path, source_line, source_hash,"
                           " text_token_begin, text_token_end, status, note, reviewer, changed_at, source_changed,"
                           " missing, errors, warnings, infos FROM documents ORDER BY rowid"),
            QStringLiteral("DROP TABLE documents"),
            QStringLiteral("ALTER TABLE slim_documents RENAME TO documents"),
            QStringLiteral("CREATE INDEX documents_position ON documents (position)"),
        },
        // `status` and the window's summary add up every document's counts: from an index that
        // holds them (a fifth of the table's pages at a million documents), and the few documents
        // whose source changed or is gone from indexes of those alone, not from every row.
        QStringList{
            QStringLiteral("CREATE INDEX documents_summary ON documents (status, errors, warnings, infos)"),
            QStringLiteral(
                "CREATE INDEX documents_source_changed ON documents (position, id) WHERE source_changed = 1"),
            QStringLiteral("CREATE INDEX documents_missing ON documents (position, id) WHERE missing = 1"),
        },
        // The counts `status` and the window's summary show, kept as documents change rather than
        // added up from an index of every document (0.25 s at a million). A decision or an edit
        // moves a document between rows (the triggers); an import adds what it inserted to the
        // unreviewed row itself, in its own transaction (SqliteImport), since a trigger per
        // inserted row doubled the import's time.
        QStringList{
            QStringLiteral("CREATE TABLE summary_counts ("
                           " status TEXT PRIMARY KEY,"
                           " documents INTEGER NOT NULL,"
                           " errors INTEGER NOT NULL,"
                           " warnings INTEGER NOT NULL,"
                           " infos INTEGER NOT NULL,"
                           " with_errors INTEGER NOT NULL) WITHOUT ROWID"),
            QStringLiteral("INSERT INTO summary_counts (status, documents, errors, warnings, infos, with_errors)"
                           " SELECT s.column1, COUNT(d.status), COALESCE(SUM(d.errors), 0),"
                           " COALESCE(SUM(d.warnings), 0), COALESCE(SUM(d.infos), 0), COALESCE(SUM(d.errors > 0), 0)"
                           " FROM (VALUES ('unreviewed'), ('approved'), ('rejected'), ('needs-work')) s"
                           " LEFT JOIN documents d ON d.status = s.column1 GROUP BY s.column1"),
            u"CREATE TRIGGER summary_counts_update AFTER UPDATE OF status, errors, warnings, infos"
            " ON documents BEGIN" %
                countDocument(u'-', QLatin1StringView("old")) % countDocument(u'+', QLatin1StringView("new")) % u" END",
            u"CREATE TRIGGER summary_counts_delete AFTER DELETE ON documents BEGIN" %
                countDocument(u'-', QLatin1StringView("old")) % u" END",
            QStringLiteral("DROP INDEX documents_summary"),
        },
        // A model's suggested spans (`annorev suggest`), apart from the annotations, each by the
        // rowid of its document's row; offsets in UTF-16 units of the plain text imported against.
        // A decision is kept with the suggestion, and a re-import of its source keeps decided ones.
        QStringList{
            QStringLiteral("CREATE TABLE suggestions ("
                           " id INTEGER PRIMARY KEY,"
                           " document INTEGER NOT NULL,"
                           " start INTEGER NOT NULL,"
                           " \"end\" INTEGER NOT NULL,"
                           " label TEXT NOT NULL,"
                           " score REAL,"
                           " text TEXT NOT NULL,"
                           " source TEXT NOT NULL,"
                           " state TEXT NOT NULL DEFAULT 'pending'"
                           "  CHECK (state IN ('pending', 'accepted', 'rejected')),"
                           " decided_by TEXT,"
                           " decided_at TEXT,"
                           " CHECK (0 <= start AND start < \"end\"),"
                           " CHECK ((state = 'pending') = (decided_at IS NULL)))"),
            QStringLiteral("CREATE INDEX suggestions_document ON suggestions (document, start)"),
            QStringLiteral("CREATE INDEX suggestions_source ON suggestions (source, state)"),
        },
        // How far each document's suggestions and its spans differ, by the rowid of its row, for
        // the list to show and sort by (SqliteDisagreementWriter). A document without suggestions
        // has no row. Suggestions a store at schema 10 has are counted when their source is
        // imported again: the count needs the batch's schema to parse the texts, which a
        // migration does not have.
        QStringList{
            QStringLiteral("CREATE TABLE disagreements (document INTEGER PRIMARY KEY, count INTEGER NOT NULL)"),
        },
        // The documents whose plain texts hold a character where the word index and a search part
        // ways on an ASCII word, by the rowid of their row (SqliteInexactWords): a search of one
        // ASCII word reads these texts alone and takes the index's answer for the others. The
        // migration reads every plain text.
        Migration{
            {
                QStringLiteral("CREATE TABLE inexact_words (document INTEGER PRIMARY KEY)"),
            },
            &SqliteInexactWords::fill,
            {},
        },
        // The documents whose plain texts hold a character the word index keeps inside a word
        // where a search sees a separator, by the rowid of their row (SqliteInexactWords): every
        // word search reads these texts too, since the index may lack a word the search finds
        // there. The migration reads every plain text.
        Migration{
            {
                QStringLiteral("CREATE TABLE unindexed_words (document INTEGER PRIMARY KEY)"),
            },
            &SqliteInexactWords::fillUnindexed,
            {},
        },
    };
}

Expected<int> readVersion(const SqliteConnection &connection)
{
    QSqlQuery query = connection.query();
    if (Expected<void> listed =
            connection.run(query, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
        !listed) {
        return listed.error();
    }
    QStringList tables;
    while (query.next()) {
        tables.append(query.value(0).toString());
    }
    if (tables.isEmpty()) {
        return 0;
    }
    const QString notAStore = u"" % connection.path() % u" is not an annorev store";
    if (!tables.contains(u"meta")) {
        return Error{notAStore};
    }
    if (Expected<void> read =
            connection.run(query, QStringLiteral("SELECT value FROM meta WHERE key = ?"), {schemaVersionKey});
        !read) {
        return read.error();
    }
    bool ok = false;
    const int version = query.next() ? query.value(0).toString().toInt(&ok) : 0;
    if (!ok || version < 1) {
        return Error{notAStore % u" (it has no schema version)"};
    }
    return version;
}

Expected<void> migrate(SqliteConnection &connection, int schemaVersion)
{
    Expected<SqliteTransaction> transaction = connection.beginWrite();
    if (!transaction) {
        return transaction.error();
    }
    // Another process may have created or migrated the store since it was opened.
    const Expected<int> version = readVersion(connection);
    if (!version) {
        return version.error();
    }
    const QList<Migration> steps = migrations();
    auto runAll = [&connection](const QStringList &statements) -> Expected<void> {
        for (const QString &statement : statements) {
            if (Expected<void> done = connection.run(statement); !done) {
                return done;
            }
        }
        return {};
    };
    for (int step = *version; step < schemaVersion; ++step) {
        const Migration &migration = steps[step];
        Expected<void> done = runAll(migration.statements);
        if (done && migration.code) {
            done = migration.code(connection);
        }
        if (done) {
            done = runAll(migration.finishing);
        }
        if (!done) {
            return done;
        }
    }
    QSqlQuery query = connection.query();
    if (Expected<void> done =
            connection.run(query, QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"),
                           {schemaVersionKey, QString::number(std::max(*version, schemaVersion))});
        !done) {
        return done;
    }
    return transaction->commit();
}

} // namespace

Expected<void> prepare(SqliteConnection &connection, int schemaVersion)
{
    const Expected<int> version = readVersion(connection);
    if (!version) {
        return version.error();
    }
    if (*version > schemaVersion) {
        return Error{QStringLiteral("the store %1 was written by a newer annorev (store schema %2, this annorev "
                                    "reads up to %3); upgrade annorev")
                         .arg(connection.path())
                         .arg(*version)
                         .arg(schemaVersion)};
    }
    if (Expected<void> journal = connection.setUpJournal(); !journal) {
        return journal;
    }
    if (*version == schemaVersion) {
        return {};
    }
    if (Expected<void> migrated = migrate(connection, schemaVersion); !migrated) {
        return migrated;
    }
    if (*version > 0 && *version < textsApartSchema && schemaVersion >= textsApartSchema) {
        // Repacking or moving wrote the texts anew and freed the old pages: give them back to the
        // file system, so that a store upgraded in place is as small as one made new. Best effort (it
        // needs no other process in the store and room for a copy); the store is whole either way.
        QSqlQuery vacuum = connection.query();
        if (vacuum.exec(QStringLiteral("VACUUM"))) {
            vacuum.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
    }
    return {};
}

} // namespace annorev::SqliteMigrations
