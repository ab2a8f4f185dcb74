#pragma once

#include "finding.h"

#include <QColor>

namespace annorev {

namespace SpanSelections {

// How opaque a label colour is behind span text, over a light and over a dark base: light enough
// for the palette's text to keep WCAG AA contrast (4.5:1), strong enough that any two labels differ
// by CIEDE2000 20 or more as painted (tests/tst_colourmetrics.cpp measures both).
constexpr int LightBackgroundAlpha = 160;
constexpr int DarkBackgroundAlpha = 128;

bool isDark(const QColor &base);
// The translucent colour the text view paints behind a span of this label over base.
QColor background(const QColor &labelColour, const QColor &base);
// The wavy underline of a finding of this severity over base.
QColor findingUnderline(Severity severity, const QColor &base);

} // namespace SpanSelections

} // namespace annorev
