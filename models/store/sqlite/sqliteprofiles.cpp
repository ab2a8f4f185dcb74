#include "sqliteprofiles.h"

#include "sqliteconnection.h"

#include <algorithm>
#include <memory>
#include <sqlite3.h>

namespace annorev::SqliteProfiles {

namespace {

QByteArrayView column(sqlite3_stmt *statement, int index)
{
    // sqlite3_column_bytes() after sqlite3_column_text(): the length of the UTF-8 it gave.
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, index));
    return QByteArrayView(text, sqlite3_column_bytes(statement, index));
}

// A row copied out of the statement, so that the next one can be read before it is handed out.
// The buffers are reused from row to row: copying allocates nothing once they have grown.
struct Row
{
    QByteArray id;
    QByteArray status;
    QByteArray facts;
    bool hasFacts = false;

    void copy(sqlite3_stmt *statement)
    {
        id.resize(0);
        id.append(column(statement, 1));
        status.resize(0);
        status.append(column(statement, 2));
        hasFacts = sqlite3_column_type(statement, 3) != SQLITE_NULL;
        facts.resize(0);
        facts.append(column(statement, 3));
    }
};

} // namespace

Expected<void> forEach(const SqliteConnection &connection, const ReviewStore::ProfileVisitor &visit)
{
    sqlite3 *db = connection.handle();
    if (!db) {
        return Error{u"the store " % connection.path() % u": the SQLite driver does not give its connection"};
    }
    // The rows of SqliteDocuments::profiles(), ordered by position alone: SQLite would sort every
    // position's rows by id in a temporary tree, a third of the query's time, when positions are
    // all but always distinct. Rows that share a position are put in id order here instead
    // (SQLite compares TEXT byte by byte, as QByteArray does).
    sqlite3_stmt *prepared = nullptr;
    if (sqlite3_prepare_v2(db,
                           "SELECT d.position, d.id, d.status, f.facts FROM documents d"
                           " LEFT JOIN facts f ON f.document_id = d.id ORDER BY d.position",
                           -1, &prepared, nullptr) != SQLITE_OK) {
        return connection.lastError();
    }
    const std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(prepared, &sqlite3_finalize);
    FactsView facts;
    QList<Row> group; // the rows of one position: the first `rows` of them, the others kept for reuse
    qsizetype rows = 0;
    const auto flush = [&]() -> Expected<void> {
        std::sort(group.begin(), group.begin() + rows, [](const Row &x, const Row &y) { return x.id < y.id; });
        for (qsizetype i = 0; i < rows; ++i) {
            const Row &row = group[i];
            if (!row.hasFacts) {
                return Error{u"the store " % connection.path() % u": the document \"" % QString::fromUtf8(row.id) %
                             u"\" has no facts yet (a sync with its batch fills them in)"};
            }
            if (!facts.read(row.facts)) {
                return Error{u"the store " % connection.path() % u": the facts of the document \"" %
                             QString::fromUtf8(row.id) % u"\" cannot be read"};
            }
            visit(ProfileRow{row.id, statusFromName(row.status).value_or(ReviewStatus::Unreviewed), facts});
        }
        rows = 0;
        return {};
    };
    qint64 position = 0;
    int stepped = SQLITE_ROW;
    while ((stepped = sqlite3_step(prepared)) == SQLITE_ROW) {
        const qint64 next = sqlite3_column_int64(prepared, 0);
        if (rows > 0 && next != position) {
            if (Expected<void> done = flush(); !done) {
                return done;
            }
        }
        position = next;
        if (rows == group.size()) {
            group.append(Row{});
        }
        group[rows++].copy(prepared);
    }
    if (stepped != SQLITE_DONE) {
        return connection.lastError();
    }
    return flush();
}

} // namespace annorev::SqliteProfiles
