#pragma once

#include "expected.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace annorev {

class Schema;

// A span as an annotation tool exports it: offsets in the tool's unit, and the text it says the
// span covers when the export carries one (Label Studio's value.text).
struct ImportedSpan
{
    QString label;
    qint64 start = 0;
    qint64 end = 0;
    std::optional<QString> text;
    std::optional<double> score; // a model's confidence, where a prediction gives one
};

// A document as an annotation tool exports it: plain text plus spans.
struct ImportedDocument
{
    QString id;
    bool hasId = false;
    QString text;
    QList<ImportedSpan> spans;
};

// Turns plain text and standoff spans into annorev's tagged text. The result is parsed back and
// must give exactly the text and spans it was made from: a span is never silently shifted.
//
// Spans that overlap or cross are kept: they become nested or crossing tags, which the parser
// recovers and markup-malformed flags, so the reviewer sees what the annotator did. Crossing
// spans of one label cannot be written as tags (a closing tag closes the innermost open one)
// and are refused. A label outside the schema becomes an unknown tag, which label-unknown flags.
class SpanImport
{
public:
    enum class OffsetUnit { Utf16, CodePoint };

    // The tagged UTF-8 source, or why the spans cannot become one.
    static Expected<QByteArray> taggedSource(const QString &text, const QList<ImportedSpan> &spans, OffsetUnit unit,
                                             const Schema &schema);
};

} // namespace annorev
