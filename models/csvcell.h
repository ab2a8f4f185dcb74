#pragma once

#include <QByteArray>
#include <QStringView>

namespace annorev::CsvCell {

// RFC 4180 cells in UTF-8. A text cell is quoted when it holds a comma, a double quote, CR or
// LF, with its quotes doubled. A text cell that starts with '=', '+', '-', '@', tab or CR gets a
// leading apostrophe, as OWASP advises against formula injection: spreadsheets run such cells
// as formulas (=HYPERLINK(...), @SUM(...), -2+3). Numbers are written as numbers, never prefixed.
void appendText(QByteArray *out, QStringView text);
// Whole numbers below 2^53 as integers, others in shortest round-trip form; non-finite as empty.
void appendNumber(QByteArray *out, double value);

// Whether a spreadsheet would take a text cell starting this way for a formula.
bool startsLikeFormula(QStringView text);

} // namespace annorev::CsvCell
