#pragma once

#include <QColor>

namespace annorev::ColourMetrics {

// CIE L*a*b* under D65, from sRGB.
struct Lab
{
    double l = 0;
    double a = 0;
    double b = 0;
};

Lab toLab(const QColor &colour);

// The CIEDE2000 colour difference (Sharma, Wu and Dalal 2005) with kL = kC = kH = 1: about 1 is
// just noticeable, 20 and more reads as clearly different colours.
double ciede2000(const Lab &x, const Lab &y);
double ciede2000(const QColor &x, const QColor &y);

// WCAG 2.x relative luminance (0 black to 1 white) and contrast ratio (1 to 21); text needs 4.5
// for level AA, graphics 3.
double relativeLuminance(const QColor &colour);
double contrastRatio(const QColor &x, const QColor &y);

} // namespace annorev::ColourMetrics
