#pragma once

#include "expected.h"
#include "reviewstore.h"

#include <QString>
#include <QStringList>

namespace annorev {

class BatchReader;
class Checker;
class Schema;
class SqliteConnection;

// Sync in a store file: loads what the store holds, lets BatchSync decide, and applies the plan
// in one transaction.
namespace SqliteSync {

Expected<ReviewStore::SyncReport> sync(SqliteConnection &connection, const BatchReader &reader,
                                       const QStringList &batchInputs, const Schema &schema, const Checker &checker,
                                       const QString &reviewer);
// The batch the store records (see ReviewStore::sync()); empty for a store that records none yet.
Expected<QString> recordedBatch(const SqliteConnection &connection);

} // namespace SqliteSync

} // namespace annorev
