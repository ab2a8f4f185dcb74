#pragma once

#include <QByteArrayView>

namespace annorev::HtmlElements {

// Whether a tag name (any case) is an HTML element: such tags are markup, not spans.
bool isElement(QByteArrayView name);
// Block elements end lines and sentences in the displayed text.
bool isBlock(QByteArrayView name);

} // namespace annorev::HtmlElements
