#include "valueformat.h"

#include "record.h"

#include <cmath>

namespace annorev::ValueFormat {

namespace {

QString superscript(int exponent)
{
    static const char16_t digits[] = u"⁰¹²³⁴⁵⁶⁷⁸⁹";
    QString result;
    if (exponent < 0) {
        result += u'⁻';
        exponent = -exponent;
    }
    for (QChar c : QString::number(exponent)) {
        result += QChar(digits[c.digitValue()]);
    }
    return result;
}

} // namespace

QString count(double value)
{
    if (!std::isfinite(value)) {
        return QString::number(value);
    }
    if (std::abs(value) < 1e6) {
        return QString::number(value, 'g', 12);
    }
    int exponent = int(std::floor(std::log10(std::abs(value))));
    double mantissa = value / std::pow(10.0, exponent);
    if (std::abs(mantissa) >= 9.9999999995) {
        mantissa /= 10;
        ++exponent;
    }
    const QString digits = QString::number(mantissa, 'g', 10);
    return (digits == u"1" ? QString() : digits + QStringLiteral(" × ")) + QStringLiteral("10") + superscript(exponent);
}

QString hours(double value, bool approximate)
{
    QString text = (approximate ? QStringLiteral("~") : QString()) + QString::number(value, 'g', 12) + QStringLiteral(" h");
    if (value >= 48) {
        text += QStringLiteral(" (%1 days)").arg(QString::number(value / 24, 'g', 6));
    }
    return text;
}

QString value(ValueType type, const SpanValue &value)
{
    if (!value.parsed) {
        return {};
    }
    switch (type) {
    case ValueType::Params:
    case ValueType::GpuCount:
        return count(value.number);
    case ValueType::Year:
        return QString::number(qint64(value.number));
    case ValueType::Training:
        return hours(value.number, value.approximate);
    case ValueType::Model:
    case ValueType::Hardware:
    case ValueType::Country:
    case ValueType::Text:
        return value.text;
    }
    return {};
}

} // namespace annorev::ValueFormat
