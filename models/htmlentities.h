#pragma once

#include <QByteArrayView>

namespace annorev::HtmlEntities {

// Decodes the character reference at the start of text ("&amp;", "&#8212;", "&#x1F600;").
// Returns the bytes it spans, or 0 when text does not start with a reference this knows.
int decode(QByteArrayView text, char32_t *codePoint);

} // namespace annorev::HtmlEntities
