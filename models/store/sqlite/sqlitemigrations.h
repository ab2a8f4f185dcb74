#pragma once

#include "expected.h"

#include <QString>

namespace annorev {

class SqliteConnection;

// The tables of a store file, version by version, and the meta table's keys.
namespace SqliteMigrations {

// The meta key of the batch the store was made for, as canonical paths one a line.
extern const QString batchKey;
// The meta row that counts the syncs that put the batch's documents in another order (absent:
// none yet), so that a window on the store hears of a reorder, which changes no document.
extern const QString batchOrderKey;

// Checks the schema version before anything is written, so that a store this annorev cannot
// read (newer, or not an annorev store) is left byte for byte as it was; then sets the journal
// up and migrates an older store to this annorev's schema.
Expected<void> prepare(SqliteConnection &connection, int schemaVersion);

} // namespace SqliteMigrations

} // namespace annorev
