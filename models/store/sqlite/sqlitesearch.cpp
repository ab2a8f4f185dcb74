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
#include <vector>

namespace annorev::SqliteSearch {

namespace {

// Whether a text holds the query, or why it cannot be read.
struct Verdict
{
    bool matches = false;
    QString error;
};

// Steps rows of (position, id, packed plain text) and keeps the ids of those whose text matches,
// and of those without a text: the word index found them and its answer is theirs. The texts
// are unpacked and read on the pool, a block at a time, while the next block is stepped: a word
// held by a third of a million documents took 2.4 s on one thread, half of it unpacking and
// reading texts. *stepped says whether a row was read before an error.
Expected<QStringList> matching(const SqliteConnection &connection, SqliteStatement &rows, const TextQuery &query,
                               const std::function<bool()> &cancelled, bool *stepped)
{
    // Position, id as stored (UTF-8, what SQL's ORDER BY compares), packed plain text.
    struct Row
    {
        qint64 position = 0;
        QByteArray storedId;
        QByteArray packed;
    };
    constexpr qsizetype blockSize = 4096;
    struct Pending
    {
        QList<Row> rows;
        QFuture<Verdict> verdicts;
    };
    // The matches until they are put in batch order: positions, and ids as stored back to back in
    // foundIds. Hundreds of thousands of matches (where the index decides) made a list of two
    // strings each spend more time allocating than SQLite spent finding them.
    struct Match
    {
        qint64 position = 0;
        qsizetype idBegin = 0;
        qsizetype idSize = 0;
    };
    std::vector<Match> found;
    QByteArray foundIds;
    const auto keep = [&found, &foundIds](qint64 position, QByteArrayView storedId) {
        found.push_back(Match{position, foundIds.size(), storedId.size()});
        foundIds.append(storedId);
    };
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
    const auto collect = [&keep](Pending &done) -> Expected<void> {
        const QList<Verdict> verdicts = done.verdicts.results();
        for (qsizetype i = 0; i < verdicts.size(); ++i) {
            if (!verdicts[i].error.isEmpty()) {
                return Error{verdicts[i].error};
            }
            if (verdicts[i].matches) {
                const Row &row = done.rows[i];
                keep(row.position, row.storedId);
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
            if (rows.isNull(2)) {
                // The word index decided: no text to read (see search()).
                keep(rows.integer(0), rows.text(1));
                continue;
            }
            block.append(Row{rows.integer(0), rows.text(1).toByteArray(), rows.text(2).toByteArray()});
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
                verdict.error =
                    SqliteTexts::unreadable(connection, QString::fromUtf8(row.storedId), plainText.error().message);
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
    const auto idOf = [&foundIds](const Match &match) {
        return QByteArrayView(foundIds.constData() + match.idBegin, match.idSize);
    };
    std::sort(found.begin(), found.end(), [&idOf](const Match &a, const Match &b) {
        return a.position != b.position ? a.position < b.position : idOf(a) < idOf(b);
    });
    QStringList ids;
    ids.reserve(qsizetype(found.size()));
    for (const Match &match : found) {
        ids.append(QString::fromUtf8(idOf(match)));
    }
    return ids;
}

} // namespace

Expected<QStringList> search(const SqliteConnection &connection, const TextQuery &query,
                             const std::function<bool()> &cancelled)
{
    if (const QString words = query.wordQuery(); !words.isEmpty()) {
        // For one ASCII word, only the texts the index may answer wrongly are read: it holds the
        // words of the rest as the search sees them (TextQuery::wordIndexIsExact()). CASE
        // evaluates its branches lazily, so their facts rows are not even looked up.
        Expected<SqliteStatement> rows = SqliteStatement::prepare(
            connection,
            query.isOneAsciiWord()
                ? QStringLiteral("SELECT d.position, d.id, CASE WHEN EXISTS (SELECT 1 FROM inexact_words n WHERE"
                                 " n.document = d.rowid) THEN (SELECT f.plain_text FROM facts f WHERE f.document_id"
                                 " = d.id) END FROM plain_words w JOIN documents d ON d.rowid = w.rowid"
                                 " WHERE plain_words MATCH ?1 AND d.missing = 0")
                : QStringLiteral("SELECT d.position, d.id, f.plain_text FROM plain_words w JOIN documents d"
                                 " ON d.rowid = w.rowid JOIN facts f ON f.document_id = d.id WHERE plain_words"
                                 " MATCH ?1 AND d.missing = 0"));
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
