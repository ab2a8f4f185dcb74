#pragma once

#include "expected.h"

namespace annorev {

class SqliteConnection;

// Schema 6's move of a store's texts into their packed form: each document's texts once (the
// source left out where the JSON line holds it, the reviewer's version where it is the source),
// compressed with a dictionary trained on the store's own documents, and the plain texts indexed
// by word. Runs inside the migration's transaction, between the statements that make the new
// tables (packed_documents, packed_facts, text_dictionaries, plain_words) and those that put them
// in place of the old ones.
namespace SqliteRepack {

Expected<void> repack(const SqliteConnection &connection);

} // namespace SqliteRepack

} // namespace annorev
