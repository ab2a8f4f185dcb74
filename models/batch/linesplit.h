#pragma once

#include "expected.h"

#include <QtGlobal>

#include <vector>

namespace annorev {

class FileBytes;

// One line of a JSON Lines file: its offset and length, without the '\n' and a '\r' before it.
struct LineRange
{
    qint64 begin = 0;
    qint64 length = 0;
};

// The lines of a file from offset `from` to its end, in order. Every byte is read, a block at a
// time, so a large file is shared out among the cores, each finding the lines that start in its
// part. A last line without '\n' is a line; the empty text after a final '\n' is not. parts > 0
// sets how many parts (and threads), for tests; 0 lets size and cores decide.
Expected<std::vector<LineRange>> splitLines(const FileBytes &file, qint64 from, int parts = 0);

} // namespace annorev
