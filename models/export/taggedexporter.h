#pragma once

#include "expected.h"

#include <QByteArray>
#include <QString>

namespace annorev {

struct ExportDocument;

// The corrected documents in their input layout: a folder batch gives a folder with the same
// relative paths, a JSON Lines batch one line per document with its other fields kept, a file
// its bytes. Unedited documents come out byte-identical.
namespace TaggedExporter {

// The document's JSON Lines line and a newline: its input line as it was when unedited,
// otherwise that line with the "text" value's token replaced by the new text. An error when the
// document has no line or token to put the text into.
Expected<QByteArray> jsonLine(const ExportDocument &document);

// Whether a folder batch's relative path stays inside the output folder: relative, '/'-separated,
// no empty, "." or ".." component, no backslash, colon or control character.
bool isSafeRelativePath(const QString &path);

} // namespace TaggedExporter

} // namespace annorev
