#pragma once

#include "document.h"

namespace annorev {

// Reads tagged text in two passes: the first finds the well-formed tags (so it knows whether the
// document holds HTML markup, which decides whether character references are decoded), the
// second builds the plain text, the source map and the spans. Both passes are linear.
class TaggedTextParser
{
public:
    explicit TaggedTextParser(const Schema &schema);
    Document parse(QByteArray source) const;

private:
    const Schema &m_schema;
    const QList<QByteArray> &m_labels;
};

} // namespace annorev
