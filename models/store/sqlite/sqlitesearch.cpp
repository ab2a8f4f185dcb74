#include "sqlitesearch.h"

#include "sqliteconnection.h"
#include "sqlitestatement.h"
#include "sqlitetexts.h"

#include <QFuture>
#include <QScopeGuard>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <memory>
#include <optional>

namespace annorev::SqliteSearch {

namespace {

// Whether a text holds the query, or why it cannot be read.
struct Verdict
{
    bool matches = false;
    QString error;
};

// Steps rows of (id, packed plain text) and keeps the ids of those whose text matches. The texts
// are unpacked and read on the pool, a block at a time, while the next block is stepped: a word
// held by a third of a million documents took 2.4 s on one thread, half of it unpacking and
// reading texts. *stepped says whether a row was read before an error.
Expected<QStringList> matching(const SqliteConnection &connection, SqliteStatement &rows, const TextQuery &query,
                               const std::function<bool()> &cancelled, bool *stepped)
{
    // Position, id as stored (UTF-8, what SQL's ORDER BY compares), id, packed plain text.
    struct Row
    {
        qint64 position = 0;
        QByteArray storedId;
        QString id;
        QByteArray packed;
    };
    constexpr qsizetype blockSize = 4096;
    struct Pending
    {
        QList<Row> rows;
        QFuture<Verdict> verdicts;
    };
    // The matches, without their texts, until they are put in batch order.
    struct Match
    {
        qint64 position = 0;
        QByteArray storedId;
        QString id;
    };
    QList<Match> found;
    // A pool of its own: the search itself often runs on a thread of the global pool, which its
    // blocks must not wait for.
    QThreadPool pool;
    pool.setMaxThreadCount(QThread::idealThreadCount());
    std::optional<Pending> pending;
    const auto stopPending = qScopeGuard([&pending] {
        if (pending) {
            pending->verdicts.cancel();
            pending->verdicts.waitForFinished();
        }
    });
    const auto collect = [&found](Pending &done) -> Expected<void> {
        const QList<Verdict> verdicts = done.verdicts.results();
        for (qsizetype i = 0; i < verdicts.size(); ++i) {
            if (!verdicts[i].error.isEmpty()) {
                return Error{verdicts[i].error};
            }
            if (verdicts[i].matches) {
                const Row &row = done.rows[i];
                found.append(Match{row.position, row.storedId, row.id});
            }
        }
        return {};
    };
    *stepped = false;
    bool more = true;
    while (more) {
        // Often enough to stop within a moment, rarely enough to cost nothing.
        if (cancelled && cancelled()) {
            return Error{QStringLiteral("the search was cancelled")};
        }
        QList<Row> block;
        block.reserve(blockSize);
        QList<PackedDocumentTexts> packed;
        while (block.size() < blockSize) {
            const Expected<bool> next = rows.next();
            if (!next) {
                return next.error();
            }
            if (!*next) {
                more = false;
                break;
            }
            *stepped = true;
            const QByteArray storedId = rows.text(1).toByteArray();
            block.append(Row{rows.integer(0), storedId, QString::fromUtf8(storedId), rows.text(2).toByteArray()});
            packed.append(PackedDocumentTexts{QVariant(block.constLast().packed), {}, {}});
        }
        // The codec is read on this thread, which owns the connection; the pool only unpacks.
        const Expected<TextCodec> reader = SqliteTexts::codecFor(connection, packed);
        if (!reader) {
            return reader.error();
        }
        const auto check = [&connection, &query, codec = std::make_shared<const TextCodec>(*reader)](const Row &row) {
            Verdict verdict;
            const Expected<QByteArray> plainText = codec->unpack(row.packed);
            if (!plainText) {
                verdict.error = SqliteTexts::unreadable(connection, row.id, plainText.error().message);
                return verdict;
            }
            verdict.matches = query.matches(QString::fromUtf8(*plainText));
            return verdict;
        };
        Pending started{block, QtConcurrent::mapped(&pool, block, check)};
        if (pending) {
            if (Expected<void> collected = collect(*pending); !collected) {
                return collected.error();
            }
        }
        pending = std::move(started);
    }
    if (pending) {
        if (Expected<void> collected = collect(*pending); !collected) {
            return collected.error();
        }
        pending.reset();
    }
    // In batch order. Sorting the matches here, not every candidate row with its text in SQL,
    // spared SQLite a sort through a temporary file.
    std::sort(found.begin(), found.end(), [](const Match &a, const Match &b) {
        return a.position != b.position ? a.position < b.position : a.storedId < b.storedId;
    });
    QStringList ids;
    ids.reserve(found.size());
    for (const Match &match : std::as_const(found)) {
        ids.append(match.id);
    }
    return ids;
}

} // namespace

Expected<QStringList> search(const SqliteConnection &connection, const TextQuery &query,
                             const std::function<bool()> &cancelled)
{
    if (const QString words = query.wordQuery(); !words.isEmpty()) {
        Expected<SqliteStatement> rows = SqliteStatement::prepare(
            connection,
            QStringLiteral("SELECT d.position, d.id, f.plain_text FROM plain_words w JOIN documents d"
                           " ON d.rowid = w.rowid JOIN facts f ON f.document_id = d.id WHERE plain_words MATCH ?1"
                           " AND d.missing = 0"));
        if (rows) {
            const QByteArray utf8 = words.toUtf8();
            rows->bindText(1, utf8);
            bool stepped = false;
            Expected<QStringList> found = matching(connection, *rows, query, cancelled, &stepped);
            // The index's tokenizer knows an older Unicode than Qt and may refuse a word Qt does
            // not, before the first row: the texts are read instead.
            if (found || stepped) {
                return found;
            }
        }
    }
    Expected<SqliteStatement> rows = SqliteStatement::prepare(
        connection, QStringLiteral("SELECT d.position, d.id, f.plain_text FROM facts f JOIN documents d"
                                   " ON d.id = f.document_id WHERE d.missing = 0"));
    if (!rows) {
        return rows.error();
    }
    bool stepped = false;
    return matching(connection, *rows, query, cancelled, &stepped);
}

} // namespace annorev::SqliteSearch
