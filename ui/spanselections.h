#pragma once

#include <QList>
#include <QTextEdit>

namespace annorev {

class Document;
class Schema;

namespace SpanSelections {

// How opaque a label colour is behind span text: light enough for dark text on a light base and
// light text on a dark base to stay legible, strong enough to tell the labels apart.
constexpr int BackgroundAlpha = 96;

QColor background(const QColor &labelColour);

// One background selection per span of doc, in the colour of its label, for a QTextDocument
// that holds doc.text(). Spans of labels the schema does not know are drawn in grey.
QList<QTextEdit::ExtraSelection> forDocument(QTextDocument *textDocument, const Document &doc,
                                             const Schema &schema);

} // namespace SpanSelections

} // namespace annorev
