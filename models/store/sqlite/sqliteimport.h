#pragma once

#include "batchsync.h"
#include "expected.h"
#include "synccontrol.h"

#include <QList>

namespace annorev {

class BatchReader;
class Checker;
class Schema;
class SqliteConnection;

// Writes the documents a sync found new to the store, inside the caller's transaction: each
// document's row, its packed texts, its facts and its words. The first import of a store trains
// the dictionary its texts are packed with on its first documents.
//
// A million documents are read, parsed, checked and packed on the worker threads a slice ahead
// of the one this thread is writing, so that both cores stay busy and no more than two slices are
// held at a time; rows go in in batch order, since a store's rowids follow its documents.
namespace SqliteImport {

// indexes are into scan.seen, in batch order. Reports SyncControl::Stage::Importing and stops
// between slices once the control is cancelled (the caller's transaction then rolls back).
Expected<void> insert(const SqliteConnection &connection, const BatchSync::Scan &scan, const QList<qsizetype> &indexes,
                      const BatchReader &reader, const Schema &schema, const Checker &checker,
                      const SyncControl &control);

} // namespace SqliteImport

} // namespace annorev
