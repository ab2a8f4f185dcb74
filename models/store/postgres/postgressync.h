#pragma once

#include "postgresbatch.h"
#include "reviewstore.h"

namespace annorev {

// Importing local files into a team batch and syncing it with them again: BatchSync's plan,
// applied in one transaction on the server. After that no member needs the files.
namespace PostgresSync {

// The inputs the last import read, as the importer's machine named them.
Expected<QStringList> batchInputs(const PostgresBatch &batch);
Expected<ReviewStore::SyncReport> sync(const PostgresBatch &batch, const BatchReader &reader,
                                       const QStringList &batchInputs, const Schema &schema, const Checker &checker,
                                       const SyncControl &control);

} // namespace PostgresSync

} // namespace annorev
