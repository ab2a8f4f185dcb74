#include "sqliteprofiles.h"

#include "sqlitebatchorder.h"
#include "sqliteconnection.h"
#include "sqlitestatement.h"

#include <QStringBuilder>

namespace annorev::SqliteProfiles {

Expected<void> forEach(const SqliteConnection &connection, const ReviewStore::ProfileVisitor &visit)
{
    // The rows of SqliteDocuments::profiles(), in batch order (see SqliteBatchOrder).
    Expected<SqliteStatement> statement = SqliteStatement::prepare(
        connection, QStringLiteral("SELECT d.position, d.id, d.status, f.facts, NULL, d.rowid FROM documents d"
                                   " LEFT JOIN facts f ON f.document_id = d.id ORDER BY d.position"));
    if (!statement) {
        return statement.error();
    }
    FactsView facts;
    return SqliteBatchOrder::forEach(*statement, [&](const SqliteBatchOrder::Row &row) -> Expected<bool> {
        if (!row.hasFacts) {
            return Error{u"the store " % connection.path() % u": the document \"" % QString::fromUtf8(row.id) %
                         u"\" has no facts yet (a sync with its batch fills them in)"};
        }
        if (!facts.read(row.facts)) {
            return Error{u"the store " % connection.path() % u": the facts of the document \"" %
                         QString::fromUtf8(row.id) % u"\" cannot be read"};
        }
        visit(ProfileRow{row.id, statusFromName(row.status).value_or(ReviewStatus::Unreviewed), facts});
        return true;
    });
}

} // namespace annorev::SqliteProfiles
