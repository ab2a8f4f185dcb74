#pragma once

#include "expected.h"

#include <QString>

namespace annorev {

class PostgresConnection;

// The tables, roles, rights and server-side rules of team batches, in the database's schema
// "annorev" (one database holds any number of team batches).
//
// Rights are the server's to enforce, not annorev's: the roles annorev_annotator (edit, mark
// needs-work, claim), annorev_reviewer (also approve, reject, judge) and annorev_curator (also
// import and draw rounds) get only the privileges those need; the audit log, rounds and judgements
// take no UPDATE or DELETE from anyone (no privilege granted, and triggers for their owner); who
// did something is session_user, set by triggers, whatever a client sends.
namespace PostgresSchema {

// The schema this annorev writes; `team init` creates or upgrades to it, and a newer one is refused.
inline constexpr int version = 1;

// Creates or upgrades the schema, the roles and their rights in one transaction; running it again
// changes nothing. Needs a user that may create roles and owns (or may create) the schema.
// Refuses a schema written by a newer annorev. Returns what it did, for the user.
Expected<QString> init(PostgresConnection &connection);

// Checks that the database holds the schema this annorev reads: missing (`team init` first) and
// newer (a newer annorev wrote it) are errors that say so.
Expected<void> check(PostgresConnection &connection);

} // namespace PostgresSchema

} // namespace annorev
