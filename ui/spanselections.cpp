#include "spanselections.h"

#include "document.h"
#include "schema.h"

namespace annorev::SpanSelections {

QColor background(const QColor &labelColour)
{
    QColor colour = labelColour;
    colour.setAlpha(BackgroundAlpha);
    return colour;
}

QList<QTextEdit::ExtraSelection> forDocument(QTextDocument *textDocument, const Document &doc, const Schema &schema)
{
    QList<QTextEdit::ExtraSelection> selections;
    selections.reserve(doc.spans().size());
    for (const Span &span : doc.spans()) {
        const LabelInfo *label = schema.label(span.label);
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(textDocument);
        selection.cursor.setPosition(int(span.start));
        selection.cursor.setPosition(int(span.end), QTextCursor::KeepAnchor);
        selection.format.setBackground(background(label != nullptr ? label->colour : QColor(Qt::gray)));
        selections.append(selection);
    }
    return selections;
}

} // namespace annorev::SpanSelections
