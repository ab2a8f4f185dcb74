#pragma once

#include <QColor>

namespace annorev {

namespace SpanSelections {

// How opaque a label colour is behind span text: light enough for dark text on a light base and
// light text on a dark base to stay legible, strong enough to tell the labels apart.
constexpr int BackgroundAlpha = 96;

QColor background(const QColor &labelColour);

} // namespace SpanSelections

} // namespace annorev
