#pragma once

#include "batchreader.h"
#include "expected.h"

#include <QByteArrayView>

namespace annorev {

// Reads one line of a JSON Lines batch: an object with a "text" string, an optional "id" (a
// string or a number) and any other fields, each of which must be valid JSON. It is the batch
// reader's, apart so that a fuzzer or a test can hand it bytes that are not in a file.
//
// `readable` is how many bytes from line.data() may be read: simdjson reads up to
// SIMDJSON_PADDING bytes past the line, and a line with less room after it is copied first.
// Fills entry's source and the "text" token's range; its id when the line has one (*hasId says
// whether it had); jsonLine when asked to keep the line, and always when invalid UTF-8 had to be
// replaced, since the token offsets then index the repaired line.
Expected<void> readJsonLinesLine(QByteArrayView line, qsizetype readable, BatchReader::Keep keep, SourceEntry *entry,
                                 bool *hasId);

} // namespace annorev
