#pragma once

#include <QtGlobal>

namespace annorev::MappedPages {

// Below this, a mapping's pages are not worth dropping: the call costs more than they hold.
constexpr qsizetype smallestWorthDropping = 16 * 1024 * 1024;

// Drops the whole pages of [begin, begin + length), part of a large read-only file mapping, from
// this process's resident memory; a later read faults them back in from the page cache.
void forget(const char *begin, qsizetype length);

// Drops the pages of a large read-only file mapping that hold [begin, end), a range read after
// everything before it. A read maps the pages around the one it faults (fault-around), so the
// reads after a range would map its last pages again: those go with the next range, or now when
// the range ends the file (atEnd).
void forgetBehind(const char *mapping, qsizetype mappingSize, qsizetype begin, qsizetype end, bool atEnd);

} // namespace annorev::MappedPages
