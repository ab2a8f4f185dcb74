#pragma once

#include "document.h"

namespace annorev {

// Reads tagged text in one pass that builds the plain text, the source map and the spans as it
// finds the well-formed tags; a second pass only when a tag shows that the document holds HTML
// markup, which decides whether character references are decoded. Both passes are linear.
class TaggedTextParser
{
public:
    explicit TaggedTextParser(const Schema &schema);
    Document parse(QByteArray source) const;

private:
    // Reads the source of doc, as HTML or not; false when a document read as not HTML holds HTML.
    bool read(Document *doc, bool html) const;

    const Schema &m_schema;
    const QList<QByteArray> &m_labels;
};

} // namespace annorev
