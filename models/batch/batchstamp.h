#pragma once

#include "folderlisting.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace annorev {

// What the file system says of one file of a batch, enough to tell that it has not changed
// without reading it. Any write, rename or replacement moves the status-change time (which no
// tool can set back) or the inode; the size and modification time catch the rest.
struct FileStamp
{
    // Absolute and clean, so that the same batch named from another directory, or by a path
    // with "./" in it, has the same stamps (not canonical: that would cost a look at every
    // directory on the way, per file, and a link swapped for another file is a change).
    QString path;
    qint64 size = -1; // -1: the file could not be stat'ed (a dangling link, a name that is not UTF-8)
    qint64 modifiedNs = 0;
    qint64 statusChangedNs = 0;
    quint64 inode = 0;
    quint64 device = 0;

    static FileStamp of(const QString &path);
    // The path a stamp of the file at path (as the batch names it) is kept under.
    static QString keyOf(const QString &path);
    friend bool operator==(const FileStamp &, const FileStamp &) = default;
};

// The stamps of every file a batch reads: each file input, and every document of a folder input
// (listing the folder, so that a file added or removed shows too). Taken before the batch is read,
// so that a change during the read shows at the next look.
struct BatchStamp
{
    QList<FileStamp> files;
    qint64 takenAtNs = 0; // the wall clock when the stamps were taken

    static BatchStamp take(const QStringList &inputs);
    // A batch's stamps as they are taken while the batch is listed: the wall clock first, then
    // each file input and each folder entry in listing order (what take() does in one go).
    static BatchStamp startedNow();
    void addFile(const QString &path) { files.append(FileStamp::of(path)); }
    // Entries with a problem keep their shown name and no stamp: reading them fails the same
    // way until the name or the link changes, and then the listing changes.
    void addFolderEntry(const FolderEntry &entry)
    {
        files.append(entry.problem.isEmpty() ? FileStamp::of(entry.path) : FileStamp{FileStamp::keyOf(entry.path)});
    }

    // Whether a look at the files now can trust these stamps: a file changed in the same clock
    // tick as the look would keep its times, so a stamp whose status-change time is that close to
    // takenAtNs is not taken as proof of anything (git calls such entries "racy").
    bool isSettled() const;
    // The same for one of the files: whether a look now can trust its stamp.
    bool isSettled(const FileStamp &file) const;
    // Whether the files are as these stamps say, as far as a stat can tell.
    bool matches(const BatchStamp &now) const { return isSettled() && files == now.files; }
};

} // namespace annorev
