#pragma once

#include <QByteArray>
#include <QStringView>

namespace annorev::CsvCell {

// RFC 4180 cells in UTF-8. A text cell is quoted when it holds a comma, a double quote, CR or
// LF, with its quotes doubled. A text cell that starts with '=', '+', '-', '@', tab or CR gets a
// leading apostrophe, as OWASP advises against formula injection: spreadsheets run such cells
// as formulas (=HYPERLINK(...), @SUM(...), -2+3). Numbers are written as numbers, never prefixed,
// and so is a text cell that is a signed number (-3, +1, -3.5e2): a spreadsheet reads it as
// that number and nothing can run from it.
void appendText(QByteArray *out, QStringView text);
// Whole numbers below 2^53 as integers, others in shortest round-trip form; non-finite as empty.
void appendNumber(QByteArray *out, double value);

// Whether a spreadsheet would take this text cell for a formula (a signed number is not one).
bool startsLikeFormula(QStringView text);

} // namespace annorev::CsvCell
