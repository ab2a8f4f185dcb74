#pragma once

// Folder entries that a folder batch cannot read, made with POSIX calls because Qt cannot name
// some of them: a name that is not UTF-8 has no QString that opens it.

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <fcntl.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

namespace annorev::test {

// The kinds of entry makeUnreadableEntry() makes, one test row each.
inline const QStringList unreadableEntryKinds{
    QStringLiteral("file name not UTF-8"),
    QStringLiteral("truncated UTF-8 in a name"),
    QStringLiteral("folder name not UTF-8"),
    QStringLiteral("file name not UTF-8 in a subfolder"),
    QStringLiteral("dangling symbolic link"),
    QStringLiteral("symbolic link loop"),
    QStringLiteral("symbolic link to itself"),
    QStringLiteral("named pipe"),
    QStringLiteral("three bytes of a four-byte character"),
};

// Makes one entry of that kind below folder (which must exist) and returns what annorev reports
// for it, "RELATIVE PATH: MESSAGE" per unit it cannot read, in batch order; {"failed"} when the
// entry could not be made.
inline QStringList makeUnreadableEntry(const QString &folder, const QString &kind)
{
    const QByteArray root = QFile::encodeName(folder) + '/';
    const auto file = [](const QByteArray &path) {
        const int fd = ::open(path.constData(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
        return fd >= 0 && ::write(fd, "text", 4) == 4 && ::close(fd) == 0;
    };
    const QString badFile =
        QStringLiteral(": the file name is not valid UTF-8, so it cannot be read: skipped (rename it)");
    const QString badFolder =
        QStringLiteral(": the folder name is not valid UTF-8, so nothing in it can be read: skipped (rename it)");
    const QString loop = QStringLiteral(": a symbolic link in a loop of links: skipped");
    const QStringList failed{QStringLiteral("failed")};
    if (kind == u"file name not UTF-8") {
        return file(root + "na\xffme.txt") ? QStringList{QStringLiteral("na\\xffme.txt") + badFile} : failed;
    }
    if (kind == u"truncated UTF-8 in a name") {
        return file(root + "caf\xc3.html") ? QStringList{QStringLiteral("caf\\xc3.html") + badFile} : failed;
    }
    if (kind == u"folder name not UTF-8") {
        return ::mkdir(QByteArray(root + "\376dir").constData(), 0755) == 0 && file(root + "\376dir/in.txt")
                   ? QStringList{QStringLiteral("\\xfedir") + badFolder}
                   : failed;
    }
    if (kind == u"file name not UTF-8 in a subfolder") {
        return ::mkdir(QByteArray(root + "sub").constData(), 0755) == 0 && file(root + "sub/\xff.htm")
                   ? QStringList{QStringLiteral("sub/\\xff.htm") + badFile}
                   : failed;
    }
    if (kind == u"dangling symbolic link") {
        return ::symlink("nowhere.txt", QByteArray(root + "dangling.txt").constData()) == 0
                   ? QStringList{QStringLiteral("dangling.txt: a symbolic link to \"") +
                                 QFileInfo(folder).absoluteFilePath() +
                                 QStringLiteral("/nowhere.txt\", which does not exist: skipped")}
                   : failed;
    }
    if (kind == u"symbolic link loop") {
        return ::symlink("loop-b.txt", QByteArray(root + "loop-a.txt").constData()) == 0 &&
                       ::symlink("loop-a.txt", QByteArray(root + "loop-b.txt").constData()) == 0
                   ? QStringList{QStringLiteral("loop-a.txt") + loop, QStringLiteral("loop-b.txt") + loop}
                   : failed;
    }
    if (kind == u"symbolic link to itself") {
        return ::symlink("self.txt", QByteArray(root + "self.txt").constData()) == 0
                   ? QStringList{QStringLiteral("self.txt") + loop}
                   : failed;
    }
    if (kind == u"three bytes of a four-byte character") {
        return file(QByteArray(root + "emoji\xf0\x9f\x98.txt"))
                   ? QStringList{QStringLiteral("emoji\\xf0\\x9f\\x98.txt") + badFile}
                   : failed;
    }
    if (kind == u"named pipe") {
        return ::mkfifo(QByteArray(root + "pipe.txt").constData(), 0644) == 0
                   ? QStringList{QStringLiteral("pipe.txt: not a regular file (a pipe, socket or device): skipped")}
                   : failed;
    }
    return failed;
}

// Makes one entry of every kind in folder and returns how annorev reports each, as a compiler
// would ("FOLDER/NAME: error: why"); {"failed"} when one could not be made.
inline QStringList makeEveryUnreadableEntry(const QString &folder)
{
    QStringList expected;
    for (const QString &kind : unreadableEntryKinds) {
        const QStringList problems = makeUnreadableEntry(folder, kind);
        if (problems == QStringList{QStringLiteral("failed")}) {
            return problems;
        }
        for (const QString &problem : problems) {
            const qsizetype colon = problem.indexOf(u": ");
            expected << folder % u'/' % problem.left(colon) % u": error: " % problem.mid(colon + 2);
        }
    }
    return expected;
}

// QTemporaryDir cannot remove what Qt cannot name: this removes a tree with POSIX calls.
inline void removeTree(const QString &folder)
{
    ::nftw(
        QFile::encodeName(folder).constData(),
        [](const char *path, const struct stat *, int, FTW *) { return std::remove(path); }, 16, FTW_DEPTH | FTW_PHYS);
}

} // namespace annorev::test
