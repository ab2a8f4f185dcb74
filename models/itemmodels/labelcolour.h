#pragma once

#include "schema.h"

#include <QColor>

namespace annorev {

// A label's colour as the views paint it. The schema keeps the colour as written (core has no
// QtGui); it was checked to be one of the hexadecimal forms QColor reads when the schema loaded.
inline QColor labelColour(const LabelInfo &label)
{
    return QColor::fromString(label.colour);
}

} // namespace annorev
