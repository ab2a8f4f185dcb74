#pragma once

#include "expected.h"

#include <QtGlobal>

#include <string_view>

namespace annorev {

// Reads ranges of a file by offset with pread(), from any number of threads at once, through a
// window each thread keeps: the neighbouring lines a thread reads in a row cost one system call
// each 64 KB. A JSON Lines batch used to be mapped instead, but on a virtual machine a page fault
// is dear: the first touch of each page of a 1.5 GB file cost 0.5 s of CPU on top of reading it,
// paid again after the pages were dropped to keep memory low, against 0.2 s to read it whole.
class FileBytes
{
public:
    // fd: a descriptor open for reading, kept open while this is used; size: the file's size.
    FileBytes(int fd, qint64 size);

    qint64 size() const { return m_size; }

    // The bytes [begin, begin + length), valid until this thread's next read of any FileBytes.
    // At least `padding` readable bytes follow them, for parsers that read ahead (simdjson): the
    // file's next bytes or zeros. A range the file no longer holds, because it changed since it
    // was measured, is an error that says so; a range this thread read ahead before the change
    // is served as it was read.
    static constexpr qsizetype padding = 64;
    Expected<std::string_view> read(qint64 begin, qsizetype length) const;

    // The range last read on this thread is no longer needed: a long one (over 1 MB) leaves memory
    // now rather than at the next read.
    static void doneWithLongRange();

    // Fills out with [begin, begin + length), or says why it could not: the system's error, or
    // that the file got shorter while it was read.
    Expected<void> readExactly(char *out, qint64 begin, qsizetype length) const;

private:
    // Reads up to wanted bytes into out: how many, or -1 (errno set) when fewer than needed.
    qsizetype readAtLeast(char *out, qint64 begin, qsizetype wanted, qsizetype needed) const;

    int m_fd;
    qint64 m_size;
    quint64 m_serial; // tells a thread's window of this file from one left by another
};

} // namespace annorev
