#include "offsetunit.h"

#include "document.h"

namespace annorev {

QString offsetUnitName(OffsetUnit unit)
{
    switch (unit) {
    case OffsetUnit::CodePoint:
        return QStringLiteral("codepoint");
    case OffsetUnit::Utf16:
        return QStringLiteral("utf16");
    }
    return {};
}

std::optional<OffsetUnit> offsetUnitFromName(QStringView name)
{
    for (OffsetUnit unit : {OffsetUnit::CodePoint, OffsetUnit::Utf16}) {
        if (name == offsetUnitName(unit)) {
            return unit;
        }
    }
    return std::nullopt;
}

qsizetype toOffsetUnit(const Document &doc, qsizetype utf16Pos, OffsetUnit unit)
{
    return unit == OffsetUnit::CodePoint ? doc.codePointOffset(utf16Pos) : utf16Pos;
}

} // namespace annorev
