#include "sqlitebatchorder.h"

#include "sqlitestatement.h"

#include <QByteArray>
#include <QList>

#include <algorithm>

namespace annorev::SqliteBatchOrder {

namespace {

// A row copied out of the statement, so that the next one can be read before it is handed out.
// The buffers are reused from row to row: copying allocates nothing once they have grown.
struct CopiedRow
{
    qint64 position = 0;
    QByteArray id;
    QByteArray status;
    QByteArray facts;
    bool hasFacts = false;
    qint32 disagreement = -1;
    qint64 key = 0;

    void copy(const SqliteStatement &statement)
    {
        position = statement.integer(0);
        id.resize(0);
        id.append(statement.text(1));
        status.resize(0);
        status.append(statement.text(2));
        hasFacts = !statement.isNull(3);
        facts.resize(0);
        facts.append(statement.text(3));
        disagreement = statement.isNull(4) ? -1 : qint32(statement.integer(4));
        key = statement.integer(5);
    }
};

} // namespace

Expected<void> forEach(SqliteStatement &statement, const std::function<Expected<bool>(const Row &)> &visit)
{
    QList<CopiedRow> group; // the rows of one position: the first `rows` of them, the others kept for reuse
    qsizetype rows = 0;
    // Hands out the group in id order; false once the visitor has had enough.
    const auto flush = [&]() -> Expected<bool> {
        std::sort(group.begin(), group.begin() + rows,
                  [](const CopiedRow &x, const CopiedRow &y) { return x.id < y.id; });
        for (qsizetype i = 0; i < rows; ++i) {
            const CopiedRow &row = group[i];
            const Expected<bool> more =
                visit(Row{row.position, row.id, row.status, row.facts, row.hasFacts, row.disagreement, row.key});
            if (!more || !*more) {
                return more;
            }
        }
        rows = 0;
        return true;
    };
    for (;;) {
        const Expected<bool> stepped = statement.next();
        if (!stepped) {
            return stepped.error();
        }
        if (!*stepped) {
            break;
        }
        if (rows > 0 && statement.integer(0) != group.first().position) {
            if (const Expected<bool> more = flush(); !more || !*more) {
                return more ? Expected<void>() : Expected<void>(more.error());
            }
        }
        if (rows == group.size()) {
            group.append(CopiedRow{});
        }
        group[rows++].copy(statement);
    }
    const Expected<bool> flushed = flush();
    return flushed ? Expected<void>() : Expected<void>(flushed.error());
}

} // namespace annorev::SqliteBatchOrder
