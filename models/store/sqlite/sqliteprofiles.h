#pragma once

#include "expected.h"
#include "reviewstore.h"

namespace annorev {

class SqliteConnection;

// The cursor over every document's id, status and facts (ReviewStore::forEachProfile). It steps
// SQLite's statement itself: through Qt SQL, each row became three QVariants and two UTF-16
// copies, which at a million documents was most of what `stats` spent.
namespace SqliteProfiles {

Expected<void> forEach(const SqliteConnection &connection, const ReviewStore::ProfileVisitor &visit);

} // namespace SqliteProfiles

} // namespace annorev
