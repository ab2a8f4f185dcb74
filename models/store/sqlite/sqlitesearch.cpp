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

// How many of the index's terms may stand for a search's last word before it is asked as a
// prefix after all: the OR of many whole terms costs as much as the prefix's merge (the 99 terms
// that begin with "a" at a million documents, 0.61 s against 0.56; 16 of them, 0.11).
constexpr qsizetype maxWholeTerms = 16;

} // namespace

// FTS5 answers a prefix ("gpu"*) by merging the document lists of every term that begins so into
// one in memory: 56 ms for a word 419,279 of a million documents hold, where the same documents by
// their whole term ("gpus") take 12 and finding that term in the index's vocabulary 8. Where the
// vocabulary cannot be read, the prefix still answers.
std::optional<QString> wordMatch(const SqliteConnection &connection, const TextQuery &query)
{
    const QString prefix = query.asciiPrefixWord();
    if (prefix.isEmpty() || !connection.run(QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS temp.plain_word_terms"
                                                           " USING fts5vocab(main, plain_words, row)"))) {
        return query.wordQuery();
    }
    Expected<SqliteStatement> terms = SqliteStatement::prepare(
        connection, QStringLiteral("SELECT term FROM temp.plain_word_terms WHERE term >= ?1 AND term < ?2 LIMIT ?3"));
    if (!terms) {
        return query.wordQuery();
    }
    // Every term that begins with the prefix, and none other, sorts from it to the prefix with
    // its last character the next one (ASCII: "gpu" to "gpv", "a9" to "a:").
    const QByteArray from = prefix.toLatin1();
    QByteArray to = from;
    to.back() = char(to.back() + 1);
    terms->bindText(1, from);
    terms->bindText(2, to);
    terms->bind(3, maxWholeTerms + 1);
    QStringList whole;
    while (true) {
        const Expected<bool> next = terms->next();
        if (!next) {
            return query.wordQuery();
        }
        if (!*next) {
            break;
        }
        whole.append(QString::fromUtf8(terms->text(0)));
    }
    if (whole.isEmpty()) {
        return std::nullopt;
    }
    return whole.size() > maxWholeTerms ? query.wordQuery() : query.wordQuery(whole);
}

namespace {

// Whether a text holds the query, or why it cannot be read.
struct Verdict
{
    bool matches = false;
    QString error;
};

// The matches until they are put in order: positions, keys (rowids), and ids as stored (UTF-8,
// what SQL's ORDER BY compares) back to back in ids. Hundreds of thousands of matches (where the
// index decides) made a list of two strings each spend more time allocating than SQLite spent
// finding them.
struct Matches
{
    struct Match
    {
        qint64 position = 0;
        qint64 key = 0;
        qsizetype idBegin = 0;
        qsizetype idSize = 0;
    };
    std::vector<Match> found;
    QByteArray ids;

    void keep(qint64 position, qint64 key, QByteArrayView storedId)
    {
        found.push_back(Match{position, key, ids.size(), storedId.size()});
        ids.append(storedId);
    }
    QByteArrayView idOf(const Match &match) const
    {
        return QByteArrayView(ids.constData() + match.idBegin, match.idSize);
    }
    void add(const Matches &more)
    {
        for (const Match &match : more.found) {
            keep(match.position, match.key, more.idOf(match));
        }
    }
};

// The columns matching() reads: position, id, key, whether the text must be read (0: the word
// index decided), the packed plain text.
// Steps such rows and keeps those whose text matches, and those the word index decided. The texts
// are unpacked and read on the pool, a block at a time, while the next block is stepped: a word
// held by a third of a million documents took 2.4 s on one thread, half of it unpacking and
// reading texts. *stepped says whether a row was read before an error.
Expected<Matches> matching(const SqliteConnection &connection, SqliteStatement &rows, const TextQuery &query,
                           const std::function<bool()> &cancelled, bool *stepped)
{
    struct Row
    {
        qint64 position = 0;
        qint64 key = 0;
        QByteArray storedId;
        QByteArray packed;
    };
    constexpr qsizetype blockSize = 4096;
    struct Pending
    {
        QList<Row> rows;
        QFuture<Verdict> verdicts;
    };
    Matches matches;
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
    const auto collect = [&matches](Pending &done) -> Expected<void> {
        const QList<Verdict> verdicts = done.verdicts.results();
        for (qsizetype i = 0; i < verdicts.size(); ++i) {
            if (!verdicts[i].error.isEmpty()) {
                return Error{verdicts[i].error};
            }
            if (verdicts[i].matches) {
                const Row &row = done.rows[i];
                matches.keep(row.position, row.key, row.storedId);
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
            if (rows.integer(3) == 0) {
                // The word index decided: no text to read (see search()).
                matches.keep(rows.integer(0), rows.integer(2), rows.text(1));
                continue;
            }
            block.append(Row{rows.integer(0), rows.integer(2), rows.text(1).toByteArray(), rows.text(4).toByteArray()});
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
    return matches;
}

// What a search of a word's start selects from the word index w, after the rowid: whether the
// text must be read, and the packed text when it must (CASE evaluates its branches lazily, so a
// text not read is not even looked up). For one ASCII word, only the texts the index may answer
// wrongly are read: it holds the words of the rest as the search sees them
// (TextQuery::wordIndexIsExact()), and when the store has none of them, not even asked about.
QString textColumns(const TextQuery &query, bool anyInexact)
{
    const QString text = QStringLiteral("(SELECT f.plain_text FROM documents t JOIN facts f ON f.document_id = t.id"
                                        " WHERE t.rowid = w.rowid)");
    if (!query.isOneAsciiWord()) {
        return u"1, " % text;
    }
    if (!anyInexact) {
        return QStringLiteral("0, NULL");
    }
    const QString inexact = QStringLiteral("EXISTS (SELECT 1 FROM inexact_words n WHERE n.document = w.rowid)");
    return inexact % u", CASE WHEN " % inexact % u" THEN " % text % u" END";
}

// Whether a query of one row and one column (an EXISTS) says yes. Asked once a search, it spares
// a probe of a table for each of hundreds of thousands of matches when, as nearly always, the
// table or the index range is empty: 0.13 s of a common word's 0.2 s in SQLite at a million.
Expected<bool> holds(const SqliteConnection &connection, const QString &sql)
{
    Expected<SqliteStatement> statement = SqliteStatement::prepare(connection, sql);
    if (!statement) {
        return statement.error();
    }
    const Expected<bool> row = statement->next();
    if (!row) {
        return row.error();
    }
    return *row && statement->integer(0) != 0;
}

Expected<bool> anyInexact(const SqliteConnection &connection)
{
    return holds(connection, QStringLiteral("SELECT EXISTS (SELECT 1 FROM inexact_words)"));
}

Expected<bool> anyUnindexed(const SqliteConnection &connection)
{
    return holds(connection, QStringLiteral("SELECT EXISTS (SELECT 1 FROM unindexed_words)"));
}

// What find() asks of the index and of the store.
struct FindSql
{
    // The rows of the index's matches (MATCH ?1 the index's query), columns as matching() reads.
    QString words;
    // The first three of those columns, of the document d, for the rows of documents the index
    // may lack words of (no text read when empty: the store lists none).
    QString unindexedColumns;
};

// The rows of the documents whose words the index may lack (SqliteInexactWords), texts to read,
// but for those the index matched (MATCH ?1) when it was asked.
QString unindexedSql(const QString &columns, bool besideTheIndex)
{
    return u"SELECT " % columns %
           u", 1, (SELECT f.plain_text FROM facts f WHERE f.document_id = d.id) FROM unindexed_words u"
           u" JOIN documents d ON d.rowid = u.document WHERE d.missing = 0" %
           (besideTheIndex ? QStringLiteral(" AND u.document NOT IN"
                                            " (SELECT rowid FROM plain_words WHERE plain_words MATCH ?1)")
                           : QString());
}

// The matches of the query, through the word index when it has words, by reading every text
// otherwise. The index's matches come with those of the texts whose words it may lack, read.
Expected<Matches> find(const SqliteConnection &connection, const TextQuery &query, const FindSql &sql,
                       const std::function<bool()> &cancelled)
{
    if (!query.wordQuery().isEmpty()) {
        const std::optional<QString> words = wordMatch(connection, query);
        Expected<Matches> found = Matches{};
        bool stepped = false;
        const QByteArray utf8 = words ? words->toUtf8() : QByteArray();
        if (words) {
            Expected<SqliteStatement> rows = SqliteStatement::prepare(connection, sql.words);
            if (rows) {
                rows->bindText(1, utf8);
                found = matching(connection, *rows, query, cancelled, &stepped);
            } else {
                found = rows.error();
            }
        }
        // The index's tokenizer knows an older Unicode than Qt and may refuse a word Qt does
        // not, before the first row: the texts are read instead.
        if (found || stepped) {
            if (!found || sql.unindexedColumns.isEmpty()) {
                return found;
            }
            Expected<SqliteStatement> rows =
                SqliteStatement::prepare(connection, unindexedSql(sql.unindexedColumns, words.has_value()));
            if (!rows) {
                return rows.error();
            }
            if (words) {
                rows->bindText(1, utf8);
            }
            Expected<Matches> unindexed = matching(connection, *rows, query, cancelled, &stepped);
            if (!unindexed) {
                return unindexed.error();
            }
            found->add(*unindexed);
            return found;
        }
    }
    Expected<SqliteStatement> rows = SqliteStatement::prepare(
        connection, QStringLiteral("SELECT d.position, d.id, d.rowid, 1, f.plain_text FROM facts f JOIN documents d"
                                   " ON d.id = f.document_id WHERE d.missing = 0"));
    if (!rows) {
        return rows.error();
    }
    bool stepped = false;
    return matching(connection, *rows, query, cancelled, &stepped);
}

// Keys in ascending order; the word index gives its rowids so already.
void sortKeys(QList<qint64> &keys)
{
    if (!std::is_sorted(keys.cbegin(), keys.cend())) {
        std::sort(keys.begin(), keys.end());
    }
}

// The rowids sql (its MATCH ?1 the index's query words) selects, in ascending order.
Expected<QList<qint64>> wordKeys(const SqliteConnection &connection, const QString &words, const QString &sql,
                                 const std::function<bool()> &cancelled)
{
    Expected<SqliteStatement> rows = SqliteStatement::prepare(connection, sql);
    if (!rows) {
        return rows.error();
    }
    const QByteArray utf8 = words.toUtf8();
    rows->bindText(1, utf8);
    QList<qint64> keys;
    while (true) {
        // Often enough to stop within a moment, rarely enough to cost nothing.
        if ((keys.size() & 0xffff) == 0 && cancelled && cancelled()) {
            return Error{QStringLiteral("the search was cancelled")};
        }
        const Expected<bool> next = rows->next();
        if (!next) {
            return next.error();
        }
        if (!*next) {
            break;
        }
        keys.append(rows->integer(0));
    }
    sortKeys(keys);
    return keys;
}

} // namespace

Expected<QStringList> search(const SqliteConnection &connection, const TextQuery &query,
                             const std::function<bool()> &cancelled)
{
    const Expected<bool> inexact = anyInexact(connection);
    if (!inexact) {
        return inexact.error();
    }
    const Expected<bool> unindexed = anyUnindexed(connection);
    if (!unindexed) {
        return unindexed.error();
    }
    Expected<Matches> matches =
        find(connection, query,
             FindSql{u"SELECT d.position, d.id, w.rowid, " % textColumns(query, *inexact) %
                         u" FROM plain_words w JOIN documents d ON d.rowid = w.rowid WHERE plain_words MATCH ?1"
                         u" AND d.missing = 0",
                     *unindexed ? QStringLiteral("d.position, d.id, d.rowid") : QString()},
             cancelled);
    if (!matches) {
        return matches.error();
    }
    // In batch order. Sorting the matches here, not every candidate row with its text in SQL,
    // spared SQLite a sort through a temporary file.
    std::vector<Matches::Match> &found = matches->found;
    std::sort(found.begin(), found.end(), [&matches](const Matches::Match &a, const Matches::Match &b) {
        return a.position != b.position ? a.position < b.position : matches->idOf(a) < matches->idOf(b);
    });
    QStringList ids;
    ids.reserve(qsizetype(found.size()));
    for (const Matches::Match &match : found) {
        ids.append(QString::fromUtf8(matches->idOf(match)));
    }
    return ids;
}

Expected<QList<qint64>> searchKeys(const SqliteConnection &connection, const TextQuery &query,
                                   const std::function<bool()> &cancelled)
{
    // Neither the documents' places nor their ids: a common word's 419,279 rowids at a million
    // documents come from the index in 0.08 s, and joining each with its row took 0.2 s more.
    const Expected<bool> inexact = anyInexact(connection);
    if (!inexact) {
        return inexact.error();
    }
    const Expected<bool> unindexed = anyUnindexed(connection);
    if (!unindexed) {
        return unindexed.error();
    }
    const Expected<bool> anyMissing =
        holds(connection, QStringLiteral("SELECT EXISTS (SELECT 1 FROM documents WHERE missing = 1)"));
    if (!anyMissing) {
        return anyMissing.error();
    }
    const QString notMissing =
        *anyMissing ? QStringLiteral(" AND w.rowid NOT IN (SELECT rowid FROM documents WHERE missing = 1)") : QString();
    if (query.isOneAsciiWord() && !*inexact && !*unindexed) {
        // The index decides every match: its rowids are the answer, read as they come.
        const std::optional<QString> words = wordMatch(connection, query);
        if (!words) {
            return QList<qint64>();
        }
        return wordKeys(connection, *words,
                        u"SELECT w.rowid FROM plain_words w WHERE plain_words MATCH ?1" % notMissing, cancelled);
    }
    Expected<Matches> matches = find(connection, query,
                                     FindSql{u"SELECT 0, NULL, w.rowid, " % textColumns(query, *inexact) %
                                                 u" FROM plain_words w WHERE plain_words MATCH ?1" % notMissing,
                                             *unindexed ? QStringLiteral("0, NULL, d.rowid") : QString()},
                                     cancelled);
    if (!matches) {
        return matches.error();
    }
    QList<qint64> keys;
    keys.reserve(qsizetype(matches->found.size()));
    for (const Matches::Match &match : matches->found) {
        keys.append(match.key);
    }
    sortKeys(keys);
    return keys;
}

} // namespace annorev::SqliteSearch
