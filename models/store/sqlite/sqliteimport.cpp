#include "sqliteimport.h"

#include "packeddocument.h"
#include "sqliteconnection.h"
#include "sqlitefactswriter.h"
#include "sqliteinexactwords.h"
#include "sqlitestatement.h"
#include "sqlitetexts.h"
#include "sqlitevalues.h"

#include <QFuture>
#include <QtConcurrent>

#include <numeric>

namespace annorev::SqliteImport {

namespace {

using BatchSync::Seen;

// A slice is a few thousand documents: big enough to keep the workers busy while the slice
// before it is written, small enough that progress and a cancel come through every second.
constexpr qsizetype sliceSize = 4096;

// A document as the writer binds it, made on a worker thread: packed, encoded and in UTF-8.
struct Row
{
    bool ok = false; // false when the unit could no longer be read
    QByteArray id;
    QByteArray relativePath;
    qsizetype textTokenBegin = -1;
    qsizetype textTokenEnd = -1;
    qint64 errors = 0;
    qint64 warnings = 0;
    qint64 infos = 0;
    PackedDocumentTexts texts;
    QByteArray facts;
    QByteArray plainText;
    QByteArray packedPlainText;
    SqliteInexactWords::Kinds words; // see SqliteInexactWords
};

Row rowOf(const Seen &doc, const BatchSync::Import &import, const TextCodec &codec)
{
    if (!import.ok) {
        return {};
    }
    const SourceEntry &entry = import.entry;
    const bool jsonl = entry.layout == BatchLayout::JsonLines;
    const DocumentTexts texts{entry.source, entry.source, jsonl ? std::optional(entry.jsonLine) : std::nullopt,
                              entry.textTokenBegin, entry.textTokenEnd};
    const DocumentFacts &facts = import.facts.facts;
    Row row{true,
            doc.id.toUtf8(),
            BatchSync::relativePath(doc).toUtf8(),
            entry.textTokenBegin,
            entry.textTokenEnd,
            facts.errors(),
            facts.warnings(),
            facts.infos(),
            PackedDocumentTexts::of(texts, codec),
            facts.encoded().toUtf8(),
            import.facts.plainText.toUtf8(),
            {},
            SqliteInexactWords::of(import.facts.plainText)};
    row.packedPlainText = codec.pack(row.plainText);
    return row;
}

// What a dictionary is trained on: the texts a store keeps most of.
QList<QByteArray> trainingSamples(const QList<BatchSync::Import> &imports)
{
    QList<QByteArray> samples;
    for (const BatchSync::Import &import : imports) {
        if (import.ok && samples.size() < 2 * SqliteTexts::trainingSamples) {
            samples.append(import.entry.jsonLine.isEmpty() ? import.entry.source : import.entry.jsonLine);
            samples.append(import.facts.plainText.toUtf8());
        }
    }
    return samples;
}

// The statements an import runs for every document, prepared once.
class Writer
{
public:
    static Expected<Writer> prepare(const SqliteConnection &connection)
    {
        Expected<SqliteStatement> document = SqliteStatement::prepare(
            connection, QStringLiteral("INSERT INTO documents (position, id, layout, source_path, relative_path,"
                                       " source_line, source_hash, text_token_begin, text_token_end, errors, warnings,"
                                       " infos) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        if (!document) {
            return document.error();
        }
        Expected<SqliteStatement> texts = SqliteStatement::prepare(connection, SqliteTexts::textsInsert);
        if (!texts) {
            return texts.error();
        }
        Expected<SqliteStatement> facts = SqliteStatement::prepare(connection, SqliteFactsWriter::factsInsert);
        if (!facts) {
            return facts.error();
        }
        Expected<SqliteStatement> words = SqliteStatement::prepare(connection, SqliteFactsWriter::wordsInsert);
        if (!words) {
            return words.error();
        }
        Expected<SqliteStatement> inexactWords = SqliteStatement::prepare(connection, SqliteInexactWords::insert);
        if (!inexactWords) {
            return inexactWords.error();
        }
        Expected<SqliteStatement> unindexedWords =
            SqliteStatement::prepare(connection, SqliteInexactWords::insertUnindexed);
        if (!unindexedWords) {
            return unindexedWords.error();
        }
        return Writer(*std::move(document), *std::move(texts), *std::move(facts), *std::move(words),
                      *std::move(inexactWords), *std::move(unindexedWords));
    }

    Expected<void> write(const Seen &doc, const Row &row)
    {
        const QByteArray path = doc.path.toUtf8();
        const QByteArray layout = SqliteValues::layoutName(doc.layout).toUtf8();
        m_document.bind(1, doc.unit);
        m_document.bindText(2, row.id);
        m_document.bindText(3, layout);
        m_document.bindText(4, path);
        m_document.bindText(5, row.relativePath);
        m_document.bind(6, doc.line);
        m_document.bindBlob(7, doc.hash);
        m_document.bind(8, row.textTokenBegin);
        m_document.bind(9, row.textTokenEnd);
        m_document.bind(10, row.errors);
        m_document.bind(11, row.warnings);
        m_document.bind(12, row.infos);
        if (Expected<void> done = m_document.step(); !done) {
            return done;
        }
        const qint64 rowid = m_document.lastInsertRowid();
        m_texts.bind(1, rowid);
        m_texts.bindPacked(2, row.texts.source);
        m_texts.bindPacked(3, row.texts.tagged);
        m_texts.bindPacked(4, row.texts.jsonLine);
        if (Expected<void> done = m_texts.step(); !done) {
            return done;
        }
        m_facts.bindText(1, row.id);
        m_facts.bindText(2, row.facts);
        m_facts.bindBlob(3, row.packedPlainText);
        if (Expected<void> done = m_facts.step(); !done) {
            return done;
        }
        m_words.bind(1, rowid);
        m_words.bindText(2, row.plainText);
        if (Expected<void> done = m_words.step(); !done) {
            return done;
        }
        if (row.words.inexact) {
            m_inexactWords.bind(1, rowid);
            if (Expected<void> done = m_inexactWords.step(); !done) {
                return done;
            }
        }
        if (row.words.unindexed) {
            m_unindexedWords.bind(1, rowid);
            if (Expected<void> done = m_unindexedWords.step(); !done) {
                return done;
            }
        }
        ++m_added.documents;
        m_added.errors += row.errors;
        m_added.warnings += row.warnings;
        m_added.infos += row.infos;
        m_added.withErrors += row.errors > 0 ? 1 : 0;
        return {};
    }

    // What was inserted, added to the kept counts (schema 9's summary_counts) in the same
    // transaction: inserted documents are unreviewed.
    Expected<void> addToSummary(const SqliteConnection &connection) const
    {
        if (m_added.documents == 0) {
            return {};
        }
        Expected<SqliteStatement> add = SqliteStatement::prepare(
            connection, QStringLiteral("UPDATE summary_counts SET documents = documents + ?, errors = errors + ?,"
                                       " warnings = warnings + ?, infos = infos + ?, with_errors = with_errors + ?"
                                       " WHERE status = 'unreviewed'"));
        if (!add) {
            return add.error();
        }
        add->bind(1, m_added.documents);
        add->bind(2, m_added.errors);
        add->bind(3, m_added.warnings);
        add->bind(4, m_added.infos);
        add->bind(5, m_added.withErrors);
        return add->step();
    }

private:
    Writer(SqliteStatement document, SqliteStatement texts, SqliteStatement facts, SqliteStatement words,
           SqliteStatement inexactWords, SqliteStatement unindexedWords)
        : m_document(std::move(document)), m_texts(std::move(texts)), m_facts(std::move(facts)),
          m_words(std::move(words)), m_inexactWords(std::move(inexactWords)),
          m_unindexedWords(std::move(unindexedWords))
    {
    }

    SqliteStatement m_document;
    SqliteStatement m_texts;
    SqliteStatement m_facts;
    SqliteStatement m_words;
    SqliteStatement m_inexactWords;
    SqliteStatement m_unindexedWords;
    struct
    {
        qint64 documents = 0;
        qint64 errors = 0;
        qint64 warnings = 0;
        qint64 infos = 0;
        qint64 withErrors = 0;
    } m_added;
};

// The slice being prepared while another is written; waited for on every way out, since its
// workers read the batch and the scan.
class Pending
{
public:
    Pending() = default;
    Q_DISABLE_COPY_MOVE(Pending)
    ~Pending()
    {
        m_future.cancel();
        m_future.waitForFinished();
    }

    void start(QFuture<Row> future) { m_future = std::move(future); }
    QList<Row> take()
    {
        QList<Row> rows = m_future.results();
        m_future = {};
        return rows;
    }

private:
    QFuture<Row> m_future;
};

} // namespace

Expected<void> insert(const SqliteConnection &connection, const BatchSync::Scan &scan, const QList<qsizetype> &indexes,
                      const BatchReader &reader, const Schema &schema, const Checker &checker,
                      const SyncControl &control)
{
    if (indexes.isEmpty()) {
        return {};
    }
    Expected<Writer> writer = Writer::prepare(connection);
    if (!writer) {
        return writer.error();
    }
    control.report(SyncControl::Stage::Importing, 0, indexes.size());
    if (control.cancelled()) {
        return SyncControl::cancelledError(connection.path());
    }
    // The first slice is read before anything is packed: the first import of a store trains the
    // dictionary on it.
    QList<qsizetype> slice = indexes.mid(0, sliceSize);
    QList<Row> rows;
    {
        const QList<BatchSync::Import> imports = BatchSync::prepareImports(reader, scan, slice, schema, checker);
        if (Expected<void> trained = SqliteTexts::trainIfNone(connection, trainingSamples(imports)); !trained) {
            return trained;
        }
        const Expected<TextCodec> codec = SqliteTexts::codec(connection);
        if (!codec) {
            return codec.error();
        }
        QList<qsizetype> order(slice.size());
        std::iota(order.begin(), order.end(), 0);
        // The pool's threads index the slice through a const reference: it may still share its data
        // with `indexes`, and a non-const operator[] on each thread would detach it at once, each
        // freeing what another still reads (AddressSanitizer, tst_incrementalsync).
        const QList<qsizetype> &sliceIndexes = slice;
        rows = QtConcurrent::blockingMapped<QList<Row>>(
            order, [&](qsizetype i) { return rowOf(scan.seen[sliceIndexes[i]], imports[i], *codec); });
    }
    const Expected<TextCodec> codec = SqliteTexts::codec(connection);
    if (!codec) {
        return codec.error();
    }
    const auto prepare = [&reader, &scan, &schema, &checker, codec = *codec](qsizetype index) {
        return rowOf(scan.seen[index], BatchSync::prepareImport(reader, scan, index, schema, checker), codec);
    };
    Pending pending;
    for (qsizetype begin = 0; begin < indexes.size(); begin += sliceSize) {
        const qsizetype next = begin + sliceSize;
        QList<qsizetype> nextSlice = indexes.mid(next, sliceSize);
        if (!nextSlice.isEmpty()) {
            pending.start(QtConcurrent::mapped(nextSlice, prepare));
        }
        for (qsizetype i = 0; i < rows.size(); ++i) {
            // A unit that could not be read now, though it could a moment ago (a file deleted
            // since), is picked up by the next sync.
            if (!rows[i].ok) {
                continue;
            }
            if (Expected<void> done = writer->write(scan.seen[slice[i]], rows[i]); !done) {
                return done;
            }
        }
        control.report(SyncControl::Stage::Importing, begin + slice.size(), indexes.size());
        if (nextSlice.isEmpty()) {
            return writer->addToSummary(connection);
        }
        if (control.cancelled()) {
            return SyncControl::cancelledError(connection.path()); // pending is waited for
        }
        rows = pending.take();
        slice = std::move(nextSlice);
    }
    return writer->addToSummary(connection);
}

} // namespace annorev::SqliteImport
