#pragma once

#include <QtGlobal>

#include <vector>

namespace annorev {

// One line of a JSON Lines file: its offset and length, without the '\n' and a '\r' before it.
struct LineRange
{
    qsizetype begin = 0;
    qsizetype length = 0;
};

// The lines of [data + from, data + size), a file mapped in memory, in order. Every byte is read,
// so a large file is shared out among the cores, each finding the lines that start in its part;
// each drops the pages behind it as it goes (MappedPages), so that the file is resident only a
// few pieces at a time. A last line without '\n' is a line; the empty text after a final '\n' is
// not. parts > 0 sets how many parts (and threads), for tests; 0 lets size and cores decide.
std::vector<LineRange> splitLines(const char *data, qsizetype size, qsizetype from, int parts = 0);

} // namespace annorev
