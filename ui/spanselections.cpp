#include "spanselections.h"

namespace annorev::SpanSelections {

bool isDark(const QColor &base)
{
    return base.lightnessF() < 0.5;
}

QColor background(const QColor &labelColour, const QColor &base)
{
    QColor colour = labelColour;
    colour.setAlpha(isDark(base) ? DarkBackgroundAlpha : LightBackgroundAlpha);
    return colour;
}

QColor findingUnderline(Severity severity, const QColor &base)
{
    // Lighter over a dark base, so the thin line stays visible.
    const bool dark = isDark(base);
    switch (severity) {
    case Severity::Info:
        return dark ? QColor(0x64, 0xb5, 0xf6) : QColor(0x15, 0x65, 0xc0);
    case Severity::Warning:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xe6, 0x7e, 0x00);
    case Severity::Error:
        return dark ? QColor(0xff, 0x6e, 0x6e) : QColor(0xd3, 0x2f, 0x2f);
    }
    return {};
}

} // namespace annorev::SpanSelections
