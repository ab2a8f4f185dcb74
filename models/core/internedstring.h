#pragma once

#include <QString>
#include <QStringView>

namespace annorev {

// The same text as a QString that does not own its characters: they stay for the whole process,
// so copying the result copies a pointer and a length. A label name is copied into every span
// of every document; a shared QString would make each copy and each release an atomic reference
// count change on one cache line, which threads on two cores then hand back and forth (10% of
// `check`'s time on two threads). Meant for a small vocabulary such as label names or the paths
// of a batch's JSON Lines files: each distinct text is kept once and never freed. Thread-safe.
QString internedString(QStringView text);

} // namespace annorev
