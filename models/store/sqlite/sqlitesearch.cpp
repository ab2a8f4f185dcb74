#include "sqlitesearch.h"

#include "sqliteconnection.h"

namespace annorev::SqliteSearch {

Expected<QStringList> search(const SqliteConnection &connection, const QString &needle)
{
    QString pattern = needle;
    pattern.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(query,
                                             QStringLiteral("SELECT d.id FROM facts f JOIN documents d ON d.id ="
                                                            " f.document_id WHERE d.missing = 0 AND f.plain_text"
                                                            " LIKE ? ESCAPE '\\' ORDER BY d.position, d.id"),
                                             {QString(u'%' + pattern + u'%')});
        !done) {
        return done.error();
    }
    QStringList ids;
    while (query.next()) {
        ids.append(query.value(0).toString());
    }
    return ids;
}

} // namespace annorev::SqliteSearch
