#pragma once

#include "document.h"
#include "expected.h"
#include "spanedit.h"

namespace annorev {

class Schema;

// Applies edits by splicing the source bytes, so an edit changes only the tags (or text) it
// touches and everything else, CRLF, BOM and markup included, stays byte for byte. Each result
// is parsed again and checked: an edit whose outcome is not exactly what it asked for is refused.
namespace DocumentEditor {

Expected<Document> apply(const Document &doc, const SpanEdit &edit, const Schema &schema);
Expected<Document> apply(const Document &doc, const QList<SpanEdit> &edits, const Schema &schema);

// The index of the first span with this label and range, or -1.
qsizetype findSpan(const Document &doc, const QString &label, qsizetype start, qsizetype end);

} // namespace DocumentEditor

} // namespace annorev
