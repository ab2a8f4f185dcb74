#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace annorev {

class Document;

// What an exported offset counts. Python, brat, spaCy and Label Studio count code points;
// doccano's default mode reads and writes JavaScript string indices, which are UTF-16 units
// (doccano #2290). Document spans are UTF-16 internally.
enum class OffsetUnit { CodePoint, Utf16 };

QString offsetUnitName(OffsetUnit unit);
std::optional<OffsetUnit> offsetUnitFromName(QStringView name);

// A UTF-16 position in doc.text() counted in unit.
qsizetype toOffsetUnit(const Document &doc, qsizetype utf16Pos, OffsetUnit unit);

} // namespace annorev
