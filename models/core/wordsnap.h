#pragma once

#include <QString>

#include <utility>

namespace annorev {

// Widens a selection [start, end) that begins or ends inside a word to the whole word and trims
// the white space around it, so that a sloppy drag tags "NeuroFlex-7B", not "euroFlex-7B ".
// Words are letters, digits and '_', joined by a '-' or '.' that has a word character on both
// sides ("NeuroFlex-7B", "7.2"). A selection of nothing but white space comes back empty
// (start == end). Offsets are UTF-16 units and are clamped to the text.
std::pair<qsizetype, qsizetype> snapToWords(const QString &text, qsizetype start, qsizetype end);

} // namespace annorev
