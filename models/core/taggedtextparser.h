#pragma once

#include "document.h"
#include "inputlimits.h"

namespace annorev {

// Reads tagged text in one pass that builds the plain text, the source map and the spans as it
// finds the well-formed tags; a second pass only when a tag shows that the document holds HTML
// markup, which decides whether character references are decoded. Both passes are linear.
class TaggedTextParser
{
public:
    explicit TaggedTextParser(const Schema &schema);
    // With breach, the tag limits are counted as the tags are read (see Document::parse).
    Document parse(QByteArray source, std::optional<InputLimits::Breach> *breach = nullptr) const;

private:
    enum class Read
    {
        Done,
        HoldsHtml, // a document read as not HTML holds HTML: read it again as HTML
        PastALimit
    };
    // Reads the source of doc, as HTML or not, and counts the tag limits when given breach.
    Read read(Document *doc, bool html, std::optional<InputLimits::Breach> *breach) const;

    const Schema &m_schema;
    const QList<QByteArray> &m_labels;
};

} // namespace annorev
