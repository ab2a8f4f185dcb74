#pragma once

#include "expected.h"
#include "reviewstore.h"
#include "synccontrol.h"

#include <QString>
#include <QStringList>

#include <optional>

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
                                       const QString &reviewer, const SyncControl &control = {});
// What sync() would report, without reading the batch, when its files are as the last sync
// stamped them; empty when the batch must be read (see ReviewStore::syncByStamps()).
Expected<std::optional<ReviewStore::SyncReport>> syncByStamps(const SqliteConnection &connection,
                                                              const QStringList &batchInputs);
// The stamps the last sync recorded (see ReviewStore::inputStamps()).
Expected<std::optional<BatchStamp>> inputStamps(const SqliteConnection &connection);
// When the last sync took them (see ReviewStore::inputStampsTakenAt()).
Expected<std::optional<qint64>> inputStampsTakenAt(const SqliteConnection &connection);
// The batch the store records (see ReviewStore::sync()); empty for a store that records none yet.
Expected<QString> recordedBatch(const SqliteConnection &connection);

} // namespace SqliteSync

} // namespace annorev
