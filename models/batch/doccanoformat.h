#pragma once

#include "expected.h"
#include "spanimport.h"

#include <QString>

#include <string_view>

namespace annorev::DoccanoFormat {

// What one line of a .jsonl file is: not a JSON object at all (broken), a doccano
// sequence-labelling object ("text" and spans in "label" (or "labels") as [start, end, "LABEL"]
// or in "entities" as {"start_offset", "end_offset", "label"}; offsets in UTF-16 units, as
// JavaScript string indices), or any other object. The first line that is an object decides the
// layout of the whole file, so that one broken first line cannot hide the spans of the rest.
enum class LineKind { NotAnObject, Doccano, Other };
LineKind classify(std::string_view line);

// Reads one line of such a file, or says why it cannot.
Expected<ImportedDocument> readLine(std::string_view line);

} // namespace annorev::DoccanoFormat
