#pragma once

#include "spanimport.h"

#include <QString>

#include <string_view>

namespace annorev::DoccanoFormat {

// Whether the first object of a .jsonl file is a doccano sequence-labelling export: "text" and
// spans in "label" (or "labels") as [start, end, "LABEL"] or in "entities" as
// {"start_offset", "end_offset", "label"}. Offsets are UTF-16 units (JavaScript string indices).
bool looksLike(std::string_view line);

// Reads one line of such a file; on failure returns false with *error saying why.
bool readLine(std::string_view line, ImportedDocument *doc, QString *error);

} // namespace annorev::DoccanoFormat
