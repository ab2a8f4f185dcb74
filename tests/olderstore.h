#pragma once

// Stores as older annorevs wrote them, made from one this annorev wrote: the tests of migrations
// start from a store that went through today's code and turn it into the older layout.

#include "packeddocument.h"
#include "reviewstore.h"
#include "testsupport.h"
#include "textcodec.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace annorev::test {

// Copies the store fixture tests/data/stores/<name> (batch.jsonl and the store beside it, as an
// older annorev wrote it) into dir, the store writable. Returns the batch's path, or an empty
// string when a file could not be copied.
inline QString copyStoreFixture(const QString &name, const QString &dir)
{
    const QString fixture = QStringLiteral(ANNOREV_TESTDATA_DIR "/stores/") + name;
    const QString batch = dir + QStringLiteral("/batch.jsonl");
    const QString store = ReviewStore::defaultStorePath({batch});
    if (!QFile::copy(fixture + QStringLiteral("/batch.jsonl"), batch) ||
        !QFile::copy(fixture + QStringLiteral("/batch.jsonl.annorev.sqlite"), store) ||
        !QFile::setPermissions(store, QFile::ReadOwner | QFile::WriteOwner)) {
        return {};
    }
    return batch;
}

// The first column of each row a query of the store at path gives, in order; empty if it fails.
inline QList<QByteArray> columnOf(const QString &path, const QString &sql)
{
    SqlFile file(path);
    QSqlQuery q = file.query();
    QList<QByteArray> values;
    if (q.exec(sql)) {
        while (q.next()) {
            values.append(q.value(0).toByteArray());
        }
    }
    return values;
}

// Rewrites the store at path (schema 7) the way schema 5 kept it: every text as it is (the source, the
// reviewer's version and the JSON line each in full), plain texts in the facts, no dictionaries
// and no word index. Returns an error message, empty when it worked.
inline QString rewriteAsSchema5(const QString &path)
{
    SqlFile sql(path);
    QSqlQuery q = sql.query();
    auto fail = [&q](const char *what) {
        return QStringLiteral("%1: %2").arg(QLatin1String(what), q.lastError().text());
    };
    QList<QByteArray> dictionaries;
    if (!q.exec(QStringLiteral("SELECT bytes FROM text_dictionaries ORDER BY rowid"))) {
        return fail("dictionaries");
    }
    while (q.next()) {
        dictionaries.append(q.value(0).toByteArray());
    }
    const Expected<TextCodec> codec = TextCodec::withDictionaries(dictionaries);
    if (!codec) {
        return codec.error().message;
    }
    const QStringList statements{
        QStringLiteral("CREATE TABLE old_documents (position INTEGER NOT NULL, id TEXT NOT NULL UNIQUE,"
                       " layout TEXT NOT NULL, source_path TEXT NOT NULL, relative_path TEXT NOT NULL,"
                       " source_line INTEGER NOT NULL, source_hash BLOB NOT NULL, text_token_begin INTEGER NOT NULL,"
                       " text_token_end INTEGER NOT NULL, status TEXT NOT NULL DEFAULT 'unreviewed',"
                       " note TEXT NOT NULL DEFAULT '', reviewer TEXT, changed_at TEXT,"
                       " source_changed INTEGER NOT NULL DEFAULT 0, missing INTEGER NOT NULL DEFAULT 0,"
                       " errors INTEGER NOT NULL, warnings INTEGER NOT NULL, infos INTEGER NOT NULL,"
                       " source_text BLOB NOT NULL, tagged_text BLOB NOT NULL, json_line BLOB)"),
        QStringLiteral("INSERT INTO old_documents SELECT position, id, layout, source_path, relative_path, source_line,"
                       " source_hash, text_token_begin, text_token_end, status, note, reviewer, changed_at,"
                       " source_changed, missing, errors, warnings, infos, x'', x'', NULL FROM documents"),
        QStringLiteral("CREATE TABLE old_facts (document_id TEXT PRIMARY KEY, facts TEXT NOT NULL,"
                       " plain_text TEXT NOT NULL)"),
    };
    for (const QString &statement : statements) {
        if (!q.exec(statement)) {
            return fail("old tables");
        }
    }
    QSqlQuery rows = sql.query();
    QSqlQuery update = sql.query();
    if (!rows.exec(
            QStringLiteral("SELECT d.id, t.source_text, t.tagged_text, t.json_line, d.text_token_begin,"
                           " d.text_token_end FROM documents d JOIN document_texts t ON t.document = d.rowid")) ||
        !update.prepare(
            QStringLiteral("UPDATE old_documents SET source_text = ?, tagged_text = ?, json_line = ? WHERE id = ?"))) {
        return fail("documents");
    }
    while (rows.next()) {
        const Expected<DocumentTexts> texts = unpacked({rows.value(1), rows.value(2), rows.value(3)},
                                                       rows.value(4).toLongLong(), rows.value(5).toLongLong(), *codec);
        if (!texts) {
            return texts.error().message;
        }
        update.addBindValue(texts->source);
        update.addBindValue(texts->tagged);
        update.addBindValue(texts->jsonLine ? QVariant(*texts->jsonLine) : QVariant());
        update.addBindValue(rows.value(0));
        if (!update.exec()) {
            return fail("document");
        }
    }
    if (!rows.exec(QStringLiteral("SELECT document_id, facts, plain_text FROM facts")) ||
        !update.prepare(QStringLiteral("INSERT INTO old_facts VALUES (?, ?, ?)"))) {
        return fail("facts");
    }
    while (rows.next()) {
        const Expected<QByteArray> plainText = codec->unpack(rows.value(2).toByteArray());
        if (!plainText) {
            return plainText.error().message;
        }
        update.addBindValue(rows.value(0));
        update.addBindValue(rows.value(1));
        update.addBindValue(QString::fromUtf8(*plainText));
        if (!update.exec()) {
            return fail("fact");
        }
    }
    rows.finish();
    for (const QString &statement :
         {QStringLiteral("DROP TABLE documents"), QStringLiteral("ALTER TABLE old_documents RENAME TO documents"),
          QStringLiteral("CREATE INDEX documents_position ON documents (position)"), QStringLiteral("DROP TABLE facts"),
          QStringLiteral("ALTER TABLE old_facts RENAME TO facts"), QStringLiteral("DROP TABLE plain_words"),
          QStringLiteral("DROP TABLE text_dictionaries"), QStringLiteral("DROP TABLE document_texts"),
          QStringLiteral("DROP TABLE summary_counts"), QStringLiteral("DROP TABLE suggestions"),
          QStringLiteral("DROP TABLE disagreements"), QStringLiteral("DROP TABLE inexact_words"),
          QStringLiteral("DROP TABLE unindexed_words"),
          QStringLiteral("UPDATE meta SET value = '5' WHERE key = 'schema_version'")}) {
        if (!q.exec(statement)) {
            return fail(qPrintable(statement));
        }
    }
    return {};
}

} // namespace annorev::test
