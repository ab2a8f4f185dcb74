#include "filebytes.h"

#include <QString>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <unistd.h>
#include <vector>

namespace annorev {

namespace {

// Lines are about 1.5 KB: a window holds a few dozen, and a thread reading a run of 128 of them
// reads at most one window more than it needs.
constexpr qsizetype windowBytes = 64 * 1024;
// A window grown past this for a longer range is let go when the next read is short, or when
// the reader is done with it.
constexpr qsizetype keptBytes = 1024 * 1024;

std::atomic<quint64> nextSerial{1};

struct Window
{
    quint64 serial = 0;
    qint64 begin = 0;
    qsizetype length = 0; // bytes of the file in it, from begin
    std::vector<char> bytes;
};

thread_local Window window;

constexpr QLatin1StringView reopen("the file is shorter than when the batch was opened; open it again");

// A read that failed (errno set) or came short (errno 0, which shortRead explains).
Error readError(int error, QLatin1StringView shortRead)
{
    return Error{u"cannot read: " % (error == 0 ? QString(shortRead) : QString::fromLocal8Bit(std::strerror(error)))};
}

} // namespace

FileBytes::FileBytes(int fd, qint64 size) : m_fd(fd), m_size(size), m_serial(nextSerial.fetch_add(1)) {}

Expected<void> FileBytes::readExactly(char *out, qint64 begin, qsizetype length) const
{
    if (readAtLeast(out, begin, length, length) != length) {
        return readError(errno, QLatin1StringView("the file got shorter while it was read"));
    }
    return {};
}

qsizetype FileBytes::readAtLeast(char *out, qint64 begin, qsizetype wanted, qsizetype needed) const
{
    qsizetype got = 0;
    while (got < wanted) {
        const ssize_t read = ::pread(m_fd, out + got, std::size_t(wanted - got), off_t(begin + got));
        if (read < 0 && errno == EINTR) {
            continue;
        }
        if (read <= 0) {
            if (read == 0) {
                errno = 0;
            }
            break;
        }
        got += read;
    }
    return got >= needed ? got : -1;
}

void FileBytes::doneWithLongRange()
{
    if (window.bytes.size() > std::size_t(keptBytes + padding)) {
        window = Window();
    }
}

Expected<std::string_view> FileBytes::read(qint64 begin, qsizetype length) const
{
    if (begin < 0 || length < 0 || begin + length > m_size) {
        return readError(0, reopen);
    }
    const bool inWindow =
        window.serial == m_serial && begin >= window.begin && begin + length <= window.begin + window.length;
    if (!inWindow) {
        const qsizetype wanted = std::max(length, std::min<qsizetype>(windowBytes, m_size - begin));
        const std::size_t capacity = std::size_t(wanted + padding);
        if (window.bytes.size() < capacity || window.bytes.size() > std::size_t(keptBytes + padding)) {
            window.bytes = std::vector<char>(std::max(capacity, std::size_t(windowBytes + padding)));
        }
        window.serial = 0;
        // The bytes after the range are read ahead for the next ranges; the file may have lost
        // some of them since it was measured, but the range itself must be there.
        const qsizetype got = readAtLeast(window.bytes.data(), begin, wanted, length);
        if (got < 0) {
            return readError(errno, reopen);
        }
        std::fill_n(window.bytes.data() + got, padding, '\0');
        window.serial = m_serial;
        window.begin = begin;
        window.length = got;
    }
    return std::string_view(window.bytes.data() + (begin - window.begin), std::size_t(length));
}

} // namespace annorev
