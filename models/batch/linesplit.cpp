#include "linesplit.h"

#include "mappedpages.h"

#include <QThread>

#include <algorithm>
#include <cstring>
#include <thread>

namespace annorev {

namespace {

// Below this a part is not worth a thread of its own.
constexpr qsizetype smallestPart = 64 * 1024 * 1024;

// The lines that start in [begin, end), begin being the start of a line.
std::vector<LineRange> linesStartingIn(const char *data, qsizetype size, qsizetype begin, qsizetype end)
{
    std::vector<LineRange> lines;
    const char *fileEnd = data + size;
    const char *p = data + begin;
    const char *stop = data + end;
    const char *kept = p;
    while (p < stop) {
        const auto *newline = static_cast<const char *>(std::memchr(p, '\n', std::size_t(fileEnd - p)));
        const char *lineEnd = newline ? newline : fileEnd;
        const char *contentEnd = (lineEnd > p && lineEnd[-1] == '\r') ? lineEnd - 1 : lineEnd;
        lines.push_back({p - data, contentEnd - p});
        p = newline ? newline + 1 : fileEnd;
        if (p - kept >= MappedPages::smallestWorthDropping && size >= MappedPages::smallestWorthDropping) {
            MappedPages::forget(kept, p - kept);
            kept = p;
        }
    }
    return lines;
}

} // namespace

std::vector<LineRange> splitLines(const char *data, qsizetype size, qsizetype from, int partsWanted)
{
    const qsizetype bytes = size - from;
    const qsizetype parts =
        partsWanted > 0 ? std::min<qsizetype>(partsWanted, std::max<qsizetype>(bytes, 1))
                        : std::clamp<qsizetype>(bytes / smallestPart, 1, std::max(QThread::idealThreadCount(), 1));
    if (parts == 1) {
        return linesStartingIn(data, size, from, size);
    }
    // Part k takes the lines that start from the first line start at or after its share's start.
    std::vector<qsizetype> starts(std::size_t(parts) + 1, size);
    starts[0] = from;
    for (qsizetype k = 1; k < parts; ++k) {
        const qsizetype share = from + bytes / parts * k;
        const auto *newline =
            static_cast<const char *>(std::memchr(data + share - 1, '\n', std::size_t(size - share + 1)));
        starts[std::size_t(k)] = std::max(newline ? newline + 1 - data : size, starts[std::size_t(k - 1)]);
    }
    std::vector<std::vector<LineRange>> found(static_cast<std::size_t>(parts));
    std::vector<std::thread> threads;
    for (qsizetype k = 1; k < parts; ++k) {
        threads.emplace_back([&, k] {
            found[std::size_t(k)] = linesStartingIn(data, size, starts[std::size_t(k)], starts[std::size_t(k) + 1]);
        });
    }
    found[0] = linesStartingIn(data, size, starts[0], starts[1]);
    for (std::thread &thread : threads) {
        thread.join();
    }
    std::size_t total = 0;
    for (const auto &part : found) {
        total += part.size();
    }
    std::vector<LineRange> lines = std::move(found[0]);
    lines.reserve(total);
    for (std::size_t k = 1; k < found.size(); ++k) {
        lines.insert(lines.end(), found[k].begin(), found[k].end());
    }
    return lines;
}

} // namespace annorev
