#include "colourmetrics.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace annorev::ColourMetrics {

namespace {

constexpr double degrees = 180.0 / std::numbers::pi;

double radians(double angle)
{
    return angle / degrees;
}

// sRGB's transfer function undone: the channel's linear light.
double linear(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

double labF(double t)
{
    constexpr double delta = 6.0 / 29.0;
    return t > delta * delta * delta ? std::cbrt(t) : t / (3 * delta * delta) + 4.0 / 29.0;
}

double pow7(double x)
{
    const double x2 = x * x;
    return x2 * x2 * x2 * x;
}

// A hue angle in degrees, 0 to 360, with 0 for a grey.
double hueAngle(double b, double a)
{
    if (a == 0 && b == 0) {
        return 0;
    }
    const double h = std::atan2(b, a) * degrees;
    return h < 0 ? h + 360 : h;
}

} // namespace

Lab toLab(const QColor &colour)
{
    const QColor rgb = colour.toRgb();
    const double r = linear(rgb.redF());
    const double g = linear(rgb.greenF());
    const double b = linear(rgb.blueF());
    // sRGB to XYZ (IEC 61966-2-1), relative to the D65 white.
    const double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    const double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    const double fx = labF(x);
    const double fy = labF(y);
    const double fz = labF(z);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

double ciede2000(const Lab &x, const Lab &y)
{
    // The steps and names of Sharma, Wu and Dalal, "The CIEDE2000 Color-Difference Formula".
    const double c1 = std::hypot(x.a, x.b);
    const double c2 = std::hypot(y.a, y.b);
    const double cMean = (c1 + c2) / 2;
    const double g = 0.5 * (1 - std::sqrt(pow7(cMean) / (pow7(cMean) + pow7(25))));
    const double a1 = (1 + g) * x.a;
    const double a2 = (1 + g) * y.a;
    const double c1p = std::hypot(a1, x.b);
    const double c2p = std::hypot(a2, y.b);
    const double h1p = hueAngle(x.b, a1);
    const double h2p = hueAngle(y.b, a2);

    const double dL = y.l - x.l;
    const double dC = c2p - c1p;
    double dh = 0;
    if (c1p * c2p != 0) {
        dh = h2p - h1p;
        if (dh > 180) {
            dh -= 360;
        } else if (dh < -180) {
            dh += 360;
        }
    }
    const double dH = 2 * std::sqrt(c1p * c2p) * std::sin(radians(dh / 2));

    const double lMean = (x.l + y.l) / 2;
    const double cMeanP = (c1p + c2p) / 2;
    double hMean = h1p + h2p;
    if (c1p * c2p != 0) {
        if (std::abs(h1p - h2p) <= 180) {
            hMean = (h1p + h2p) / 2;
        } else if (h1p + h2p < 360) {
            hMean = (h1p + h2p + 360) / 2;
        } else {
            hMean = (h1p + h2p - 360) / 2;
        }
    }
    const double t = 1 - 0.17 * std::cos(radians(hMean - 30)) + 0.24 * std::cos(radians(2 * hMean)) +
                     0.32 * std::cos(radians(3 * hMean + 6)) - 0.20 * std::cos(radians(4 * hMean - 63));
    const double dTheta = 30 * std::exp(-std::pow((hMean - 275) / 25, 2));
    const double rC = 2 * std::sqrt(pow7(cMeanP) / (pow7(cMeanP) + pow7(25)));
    const double lOffset = (lMean - 50) * (lMean - 50);
    const double sL = 1 + 0.015 * lOffset / std::sqrt(20 + lOffset);
    const double sC = 1 + 0.045 * cMeanP;
    const double sH = 1 + 0.015 * cMeanP * t;
    const double rT = -std::sin(radians(2 * dTheta)) * rC;
    const double l = dL / sL;
    const double c = dC / sC;
    const double h = dH / sH;
    return std::sqrt(l * l + c * c + h * h + rT * c * h);
}

double ciede2000(const QColor &x, const QColor &y)
{
    return ciede2000(toLab(x), toLab(y));
}

double relativeLuminance(const QColor &colour)
{
    const QColor rgb = colour.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) + 0.0722 * linear(rgb.blueF());
}

double contrastRatio(const QColor &x, const QColor &y)
{
    const double lx = relativeLuminance(x);
    const double ly = relativeLuminance(y);
    return (std::max(lx, ly) + 0.05) / (std::min(lx, ly) + 0.05);
}

} // namespace annorev::ColourMetrics
