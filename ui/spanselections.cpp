#include "spanselections.h"

namespace annorev::SpanSelections {

QColor background(const QColor &labelColour)
{
    QColor colour = labelColour;
    colour.setAlpha(BackgroundAlpha);
    return colour;
}

} // namespace annorev::SpanSelections
