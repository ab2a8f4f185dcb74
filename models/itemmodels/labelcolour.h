#pragma once

#include "schema.h"

#include <QColor>
#include <QHash>
#include <QString>

namespace annorev {

// A label's colour as the views paint it. The schema keeps the colour as written (core has no
// QtGui); it was checked to be one of the hexadecimal forms QColor reads when the schema loaded.
inline QColor labelColour(const LabelInfo &label)
{
    return QColor::fromString(label.colour);
}

// Every label's colour by its name, for a view that looks them up per row.
inline QHash<QString, QColor> labelColours(const Schema &schema)
{
    QHash<QString, QColor> colours;
    for (const LabelInfo &label : schema.labels()) {
        colours.insert(label.name, labelColour(label));
    }
    return colours;
}

} // namespace annorev
