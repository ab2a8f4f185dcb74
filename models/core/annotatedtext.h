#pragma once

#include "expected.h"
#include "offsetunit.h"

#include <QList>
#include <QString>

namespace annorev {

class Document;

// A document as the annotation formats (doccano, Label Studio, brat) write it: the plain text
// and its spans, offsets counted in one unit.
struct AnnotatedText
{
    struct Span
    {
        QString label;
        qsizetype start = 0;
        qsizetype end = 0;
        QString text;  // what the span covers, taken from the document before conversion
    };

    QString id;
    QString text;
    OffsetUnit unit = OffsetUnit::CodePoint;
    QList<Span> spans;

    static AnnotatedText fromDocument(const QString &id, const Document &doc, OffsetUnit unit);

    // The same with each CRLF and lone CR as LF, offsets and span texts counted on that text: what
    // a reader with universal newlines (brat's open(..., 'rU')) sees. A span that starts or ends
    // between a CR and its LF keeps the whole line break.
    AnnotatedText withLfLineEnds() const;

    // Whether text, counted in unit, holds each span's text at [start, end). It slices the text
    // on its own rather than trusting the conversion, so a wrong offset is an error, never a
    // silent shift. A mismatch is the error
    // "document ID: span LABEL START-END does not match its text".
    Expected<void> verify() const;
};

} // namespace annorev
