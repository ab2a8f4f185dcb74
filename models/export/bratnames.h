#pragma once

#include <QString>
#include <QStringList>

namespace annorev::BratNames {

// A file stem for a document id that is safe on every common file system: '/', '\', ':', '*',
// '?', '"', '<', '>', '|' and control characters become '_', runs of dots collapse to one,
// leading dots and trailing dots and spaces go, Windows device names (CON, NUL, COM1...) get a
// leading '_', a .txt/.html/.htm extension is dropped and the stem is cut to 120 UTF-8 bytes.
// Never empty.
QString safeStem(const QString &id);

// safeStem of each id, made unique ignoring case (case-insensitive file systems) by adding -2,
// -3... in input order, so the same ids always get the same names.
QStringList uniqueStems(const QStringList &ids);

} // namespace annorev::BratNames
