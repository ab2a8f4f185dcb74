#include "batchstamp.h"

#include "folderlisting.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <sys/stat.h>
#include <time.h>

namespace annorev {

namespace {

constexpr qint64 nanosecondsPerSecond = 1'000'000'000;

qint64 nanoseconds(const timespec &time)
{
    return qint64(time.tv_sec) * nanosecondsPerSecond + qint64(time.tv_nsec);
}

// How close to the look a status change may be and still be trusted. Linux stamps files from a
// clock that lags the wall clock by up to a tick (at most 10 ms); a file system that keeps whole
// seconds (FAT, ext3, some network ones) shows no nanoseconds, and there two seconds are needed.
qint64 trustWindowNs(const FileStamp &stamp)
{
    const bool wholeSeconds = stamp.statusChangedNs % nanosecondsPerSecond == 0;
    return wholeSeconds ? 2 * nanosecondsPerSecond : 50'000'000;
}

} // namespace

QString FileStamp::keyOf(const QString &path)
{
    return QDir::cleanPath(QDir::isAbsolutePath(path) ? path : QDir::currentPath() + u'/' + path);
}

FileStamp FileStamp::of(const QString &path)
{
    FileStamp stamp;
    stamp.path = keyOf(path);
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0) {
        return stamp;
    }
    stamp.size = qint64(info.st_size);
    stamp.modifiedNs = nanoseconds(info.st_mtim);
    stamp.statusChangedNs = nanoseconds(info.st_ctim);
    stamp.inode = quint64(info.st_ino);
    stamp.device = quint64(info.st_dev);
    return stamp;
}

BatchStamp BatchStamp::startedNow()
{
    BatchStamp batch;
    timespec now = {};
    clock_gettime(CLOCK_REALTIME, &now);
    batch.takenAtNs = nanoseconds(now);
    return batch;
}

BatchStamp BatchStamp::take(const QStringList &inputs)
{
    BatchStamp batch = startedNow();
    for (const QString &input : inputs) {
        if (!QFileInfo(input).isDir()) {
            batch.addFile(input);
            continue;
        }
        for (const FolderEntry &entry : listFolder(input)) {
            batch.addFolderEntry(entry);
        }
    }
    return batch;
}

bool BatchStamp::isSettled() const
{
    return std::all_of(files.cbegin(), files.cend(), [this](const FileStamp &file) { return isSettled(file); });
}

bool BatchStamp::isSettled(const FileStamp &file) const
{
    return file.statusChangedNs < takenAtNs - trustWindowNs(file);
}

} // namespace annorev
