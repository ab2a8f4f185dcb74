#include "sqlitesearch.h"

#include "sqliteconnection.h"
#include "sqlitetexts.h"

namespace annorev::SqliteSearch {

namespace {

// Rows of (id, packed plain text): the ids of those whose text matches.
Expected<QStringList> matching(const SqliteConnection &connection, QSqlQuery &rows, const TextQuery &query,
                               const std::function<bool()> &cancelled)
{
    QStringList ids;
    for (qsizetype row = 0; rows.next(); ++row) {
        // Often enough to stop within a moment, rarely enough to cost nothing.
        if (cancelled && row % 256 == 0 && cancelled()) {
            return Error{QStringLiteral("the search was cancelled")};
        }
        const QString id = rows.value(0).toString();
        const Expected<QByteArray> plainText =
            SqliteTexts::unpack(connection, rows.value(1), u"the plain text of the document \"" % id % u'"');
        if (!plainText) {
            return plainText.error();
        }
        if (query.matches(QString::fromUtf8(*plainText))) {
            ids.append(id);
        }
    }
    return ids;
}

} // namespace

Expected<QStringList> search(const SqliteConnection &connection, const TextQuery &query,
                             const std::function<bool()> &cancelled)
{
    QSqlQuery rows = connection.query();
    if (const QString words = query.wordQuery(); !words.isEmpty()) {
        const Expected<void> done = connection.run(
            rows,
            QStringLiteral("SELECT d.id, f.plain_text FROM plain_words w JOIN documents d ON d.rowid = w.rowid"
                           " JOIN facts f ON f.document_id = d.id WHERE plain_words MATCH ? AND d.missing = 0"
                           " ORDER BY d.position, d.id"),
            {words});
        if (done) {
            return matching(connection, rows, query, cancelled);
        }
        // The index's tokenizer knows an older Unicode than Qt and may split a word Qt does not:
        // the texts are read instead.
    }
    if (Expected<void> done = connection.run(
            rows, QStringLiteral("SELECT d.id, f.plain_text FROM facts f JOIN documents d ON d.id = f.document_id"
                                 " WHERE d.missing = 0 ORDER BY d.position, d.id"));
        !done) {
        return done.error();
    }
    return matching(connection, rows, query, cancelled);
}

} // namespace annorev::SqliteSearch
