#include "sqliteindex.h"

#include "sqlitebatchorder.h"
#include "sqliteconnection.h"
#include "sqlitestatement.h"

namespace annorev::SqliteIndex {

Expected<void> readIndex(const SqliteConnection &connection, const ReviewStore::IndexCursor &after, qsizetype pageSize,
                         const std::function<bool(DocumentIndexPage)> &deliver)
{
    // One statement, so one snapshot of the store, however many pages it is delivered in. The
    // rows of after's position up to after's id are skipped here (see SqliteBatchOrder).
    Expected<SqliteStatement> statement = SqliteStatement::prepare(
        connection, QStringLiteral("SELECT d.position, d.id, d.status, f.facts, g.count, d.rowid"
                                   " FROM documents d"
                                   " LEFT JOIN facts f ON f.document_id = d.id"
                                   " LEFT JOIN disagreements g ON g.document = d.rowid"
                                   " WHERE d.missing = 0 AND d.position >= ?1"
                                   " ORDER BY d.position"));
    if (!statement) {
        return statement.error();
    }
    statement->bind(1, after.position);
    const QByteArray afterId = after.id.toUtf8();

    DocumentIndexPageBuilder builder;
    qint64 lastPosition = after.position;
    const auto failed = [&connection](const QString &what) {
        return Error{u"the store " + connection.path() + u": " + what};
    };
    const Expected<void> read =
        SqliteBatchOrder::forEach(*statement, [&](const SqliteBatchOrder::Row &row) -> Expected<bool> {
            if (row.position == after.position && row.id <= QByteArrayView(afterId)) {
                return true;
            }
            if (!row.hasFacts) {
                return failed(u"the document \"" + QString::fromUtf8(row.id) +
                              u"\" has no facts yet (a sync with its batch fills them in)");
            }
            const std::optional<ReviewStatus> status = statusFromName(row.status);
            if (Expected<void> added = builder.add(row.id, status.value_or(ReviewStatus::Unreviewed), row.facts,
                                                   row.disagreement, DocumentIndexRow::keyOf(row.key));
                !added) {
                return failed(added.error().message);
            }
            lastPosition = row.position;
            return builder.pending() < pageSize || deliver(builder.take(lastPosition));
        });
    if (!read) {
        return read;
    }
    if (builder.pending() > 0) {
        deliver(builder.take(lastPosition));
    }
    return {};
}

} // namespace annorev::SqliteIndex
