#include "linesplit.h"

#include "filebytes.h"

#include <QThread>

#include <algorithm>
#include <cstring>
#include <thread>

namespace annorev {

namespace {

// Below this a part is not worth a thread of its own.
constexpr qint64 smallestPart = 64 * 1024 * 1024;
constexpr qsizetype blockBytes = 1024 * 1024;

// The lines that start in [begin, end), begin being the start of a line.
Expected<std::vector<LineRange>> linesStartingIn(const FileBytes &file, qint64 begin, qint64 end)
{
    std::vector<LineRange> lines;
    std::vector<char> block(static_cast<std::size_t>(blockBytes));
    qint64 lineStart = begin;
    qint64 blockStart = begin;
    char lastByte = 0; // the byte before blockStart
    while (lineStart < end) {
        if (blockStart >= file.size()) {
            // The last line, with no '\n' after it.
            const bool carriageReturn = lastByte == '\r';
            lines.push_back({lineStart, file.size() - lineStart - (carriageReturn ? 1 : 0)});
            break;
        }
        const qsizetype length = qsizetype(std::min<qint64>(blockBytes, file.size() - blockStart));
        if (Expected<void> read = file.readExactly(block.data(), blockStart, length); !read) {
            return read.error();
        }
        const char *first = block.data();
        const char *last = first + length;
        const char *p = first + std::max<qint64>(lineStart - blockStart, 0);
        while (lineStart < end) {
            const auto *newline = static_cast<const char *>(std::memchr(p, '\n', std::size_t(last - p)));
            if (!newline) {
                break;
            }
            const qint64 at = blockStart + (newline - first);
            const char before = newline > first ? newline[-1] : lastByte;
            const bool carriageReturn = at > lineStart && before == '\r';
            lines.push_back({lineStart, at - lineStart - (carriageReturn ? 1 : 0)});
            lineStart = at + 1;
            p = newline + 1;
        }
        lastByte = last[-1];
        blockStart += length;
    }
    return lines;
}

// Where the first line that starts at or after `at` begins (the file's size if none does).
Expected<qint64> lineStartFrom(const FileBytes &file, qint64 at)
{
    std::vector<char> block(4096);
    // A line starts at `at` when the byte before it ends one.
    for (qint64 pos = at - 1; pos < file.size();) {
        const qsizetype length = qsizetype(std::min<qint64>(qint64(block.size()), file.size() - pos));
        if (Expected<void> read = file.readExactly(block.data(), pos, length); !read) {
            return read.error();
        }
        if (const void *newline = std::memchr(block.data(), '\n', std::size_t(length))) {
            return pos + (static_cast<const char *>(newline) - block.data()) + 1;
        }
        pos += length;
    }
    return file.size();
}

} // namespace

Expected<std::vector<LineRange>> splitLines(const FileBytes &file, qint64 from, int partsWanted)
{
    const qint64 bytes = file.size() - from;
    const qint64 parts = partsWanted > 0
                             ? std::min<qint64>(partsWanted, std::max<qint64>(bytes, 1))
                             : std::clamp<qint64>(bytes / smallestPart, 1, std::max(QThread::idealThreadCount(), 1));
    // Part k takes the lines that start from the first line start at or after its share's start.
    std::vector<qint64> starts(std::size_t(parts) + 1, file.size());
    starts[0] = from;
    for (qint64 k = 1; k < parts; ++k) {
        const Expected<qint64> start = lineStartFrom(file, from + bytes / parts * k);
        if (!start) {
            return start.error();
        }
        starts[std::size_t(k)] = std::max(*start, starts[std::size_t(k - 1)]);
    }
    std::vector<Expected<std::vector<LineRange>>> found(static_cast<std::size_t>(parts), std::vector<LineRange>());
    std::vector<std::thread> threads;
    for (qint64 k = 1; k < parts; ++k) {
        threads.emplace_back([&, k] {
            found[std::size_t(k)] = linesStartingIn(file, starts[std::size_t(k)], starts[std::size_t(k) + 1]);
        });
    }
    found[0] = linesStartingIn(file, starts[0], starts[1]);
    for (std::thread &thread : threads) {
        thread.join();
    }
    std::size_t total = 0;
    for (const auto &part : found) {
        if (!part) {
            return part.error();
        }
        total += part->size();
    }
    std::vector<LineRange> lines = std::move(*found[0]);
    lines.reserve(total);
    for (std::size_t k = 1; k < found.size(); ++k) {
        lines.insert(lines.end(), found[k]->begin(), found[k]->end());
    }
    return lines;
}

} // namespace annorev
