#pragma once

#include "expected.h"

#include <QString>
#include <QStringList>

namespace annorev {

class SqliteConnection;

namespace SqliteSearch {

// The ids, in batch order, of the documents of the batch whose plain text contains needle (a
// LIKE pattern: ASCII letters match either case).
Expected<QStringList> search(const SqliteConnection &connection, const QString &needle);

} // namespace SqliteSearch

} // namespace annorev
