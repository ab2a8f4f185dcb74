#pragma once

#include "documentindexpage.h"
#include "expected.h"
#include "reviewstore.h"

namespace annorev {

class SqliteConnection;

// The document list's rows straight from SQLite's own API: a million rows through QSqlQuery
// would cost a QVariant a value and a QString an id.
namespace SqliteIndex {

Expected<void> readIndex(const SqliteConnection &connection, const ReviewStore::IndexCursor &after, qsizetype pageSize,
                         const std::function<bool(DocumentIndexPage)> &deliver);

} // namespace SqliteIndex

} // namespace annorev
