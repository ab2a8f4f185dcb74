#include "sqliteindex.h"

#include "sqliteconnection.h"

#include <memory>
#include <sqlite3.h>

namespace annorev::SqliteIndex {

namespace {

QByteArrayView textOf(sqlite3_stmt *statement, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return text ? QByteArrayView(text, sqlite3_column_bytes(statement, column)) : QByteArrayView();
}

} // namespace

Expected<void> readIndex(const SqliteConnection &connection, const ReviewStore::IndexCursor &after, qsizetype pageSize,
                         const std::function<bool(DocumentIndexPage)> &deliver)
{
    sqlite3 *db = connection.handle();
    if (db == nullptr) {
        return Error{u"the store " + connection.path() + u": no connection"};
    }
    // One statement, so one snapshot of the store, however many pages it is delivered in.
    static constexpr char sql[] = "SELECT d.position, d.id, d.status, f.facts FROM documents d"
                                  " LEFT JOIN facts f ON f.document_id = d.id"
                                  " WHERE d.missing = 0 AND (d.position, d.id) > (?1, ?2)"
                                  " ORDER BY d.position, d.id";
    sqlite3_stmt *prepared = nullptr;
    if (sqlite3_prepare_v2(db, sql, int(sizeof sql), &prepared, nullptr) != SQLITE_OK) {
        sqlite3_finalize(prepared);
        return connection.lastError();
    }
    const std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(prepared, &sqlite3_finalize);
    const QByteArray afterId = after.id.toUtf8();
    sqlite3_bind_int64(prepared, 1, after.position);
    sqlite3_bind_text(prepared, 2, afterId.constData(), int(afterId.size()), SQLITE_STATIC);

    DocumentIndexPageBuilder builder;
    qint64 lastPosition = after.position;
    const auto failed = [&connection](const QString &what) {
        return Error{u"the store " + connection.path() + u": " + what};
    };
    for (;;) {
        const int step = sqlite3_step(prepared);
        if (step == SQLITE_DONE) {
            break;
        }
        if (step != SQLITE_ROW) {
            return connection.lastError();
        }
        const QByteArrayView id = textOf(prepared, 1);
        if (sqlite3_column_type(prepared, 3) == SQLITE_NULL) {
            return failed(u"the document \"" + QString::fromUtf8(id) +
                          u"\" has no facts yet (a sync with its batch fills them in)");
        }
        const std::optional<ReviewStatus> status = statusFromName(textOf(prepared, 2));
        if (Expected<void> added = builder.add(id, status.value_or(ReviewStatus::Unreviewed), textOf(prepared, 3));
            !added) {
            return failed(added.error().message);
        }
        lastPosition = sqlite3_column_int64(prepared, 0);
        if (builder.pending() >= pageSize) {
            if (!deliver(builder.take(lastPosition))) {
                return {};
            }
        }
    }
    if (builder.pending() > 0) {
        deliver(builder.take(lastPosition));
    }
    return {};
}

} // namespace annorev::SqliteIndex
