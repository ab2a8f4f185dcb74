#include "sqliterepack.h"

#include "packeddocument.h"
#include "sqliteconnection.h"
#include "sqlitetexts.h"

#include <QtConcurrent>

namespace annorev::SqliteRepack {

namespace {

// What a dictionary is trained on: the first documents' stored lines (or sources) and plain texts.
Expected<QList<QByteArray>> trainingSamples(const SqliteConnection &connection)
{
    QSqlQuery query = connection.query();
    if (Expected<void> done =
            connection.run(query,
                           QStringLiteral("SELECT coalesce(d.json_line, d.source_text), f.plain_text FROM documents d"
                                          " LEFT JOIN facts f ON f.document_id = d.id ORDER BY d.position LIMIT ?"),
                           {SqliteTexts::trainingSamples});
        !done) {
        return done.error();
    }
    QList<QByteArray> samples;
    while (query.next()) {
        samples.append(query.value(0).toByteArray());
        if (!query.isNull(1)) {
            samples.append(query.value(1).toString().toUtf8());
        }
    }
    return samples;
}

Expected<void> repackDocuments(const SqliteConnection &connection, const TextCodec &codec)
{
    QSqlQuery select = connection.query();
    QSqlQuery insert = connection.query();
    Expected<void> done = connection.run(
        select,
        QStringLiteral("SELECT rowid, position, id, layout, source_path, relative_path, source_line, source_hash,"
                       " text_token_begin, text_token_end, status, note, reviewer, changed_at, source_changed,"
                       " missing, errors, warnings, infos, source_text, tagged_text, json_line FROM documents"));
    if (done) {
        done = connection.prepare(
            insert,
            QStringLiteral("INSERT INTO packed_documents (rowid, position, id, layout, source_path, relative_path,"
                           " source_line, source_hash, text_token_begin, text_token_end, status, note, reviewer,"
                           " changed_at, source_changed, missing, errors, warnings, infos, source_text,"
                           " tagged_text, json_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                           " ?, ?, ?, ?, ?)"));
    }
    if (!done) {
        return done;
    }
    struct Row
    {
        QVariantList values; // the columns before the texts
        DocumentTexts texts;
        PackedDocumentTexts packed;
    };
    constexpr qsizetype sliceSize = 2048;
    bool more = true;
    while (more) {
        QList<Row> slice;
        while (slice.size() < sliceSize && (more = select.next())) {
            Row row;
            for (int column = 0; column < 19; ++column) {
                row.values.append(select.value(column));
            }
            row.texts.source = select.value(19).toByteArray();
            row.texts.tagged = select.value(20).toByteArray();
            row.texts.jsonLine = select.isNull(21) ? std::nullopt : std::optional(select.value(21).toByteArray());
            row.texts.textTokenBegin = select.value(8).toLongLong();
            row.texts.textTokenEnd = select.value(9).toLongLong();
            slice.append(std::move(row));
        }
        // Compression is the slow part of a large store's migration: on every core.
        QtConcurrent::blockingMap(slice,
                                  [&codec](Row &row) { row.packed = PackedDocumentTexts::of(row.texts, codec); });
        for (const Row &row : std::as_const(slice)) {
            for (qsizetype column = 0; column < row.values.size(); ++column) {
                insert.bindValue(int(column), row.values[column]);
            }
            insert.bindValue(19, row.packed.source);
            insert.bindValue(20, row.packed.tagged);
            insert.bindValue(21, row.packed.jsonLine);
            if (Expected<void> inserted = connection.exec(insert); !inserted) {
                return inserted;
            }
        }
    }
    return {};
}

Expected<void> repackFacts(const SqliteConnection &connection, const TextCodec &codec)
{
    QSqlQuery select = connection.query();
    QSqlQuery insert = connection.query();
    QSqlQuery index = connection.query();
    Expected<void> done =
        connection.run(select, QStringLiteral("SELECT f.document_id, f.facts, f.plain_text, d.rowid FROM facts f"
                                              " LEFT JOIN packed_documents d ON d.id = f.document_id"));
    if (done) {
        done = connection.prepare(
            insert, QStringLiteral("INSERT INTO packed_facts (document_id, facts, plain_text) VALUES (?, ?, ?)"));
    }
    if (done) {
        done = connection.prepare(index, QStringLiteral("INSERT INTO plain_words (rowid, plain_text) VALUES (?, ?)"));
    }
    while (done && select.next()) {
        const QString plainText = select.value(2).toString();
        done = connection.exec(insert, {select.value(0), select.value(1), codec.pack(plainText.toUtf8())});
        if (done && !select.isNull(3)) {
            done = connection.exec(index, {select.value(3), plainText});
        }
    }
    return done;
}

} // namespace

Expected<void> repack(const SqliteConnection &connection)
{
    const Expected<QList<QByteArray>> samples = trainingSamples(connection);
    if (!samples) {
        return samples.error();
    }
    if (Expected<void> trained = SqliteTexts::trainIfNone(connection, *samples); !trained) {
        return trained;
    }
    const Expected<TextCodec> codec = SqliteTexts::codec(connection);
    if (!codec) {
        return codec.error();
    }
    if (Expected<void> done = repackDocuments(connection, *codec); !done) {
        return done;
    }
    return repackFacts(connection, *codec);
}

} // namespace annorev::SqliteRepack
