#include "folderlisting.h"

#include "utf8.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <vector>

namespace annorev {

namespace {

bool isListedInFolder(QByteArrayView name)
{
    const auto endsWith = [name](QByteArrayView suffix) {
        return name.size() >= suffix.size() && name.last(suffix.size()).compare(suffix, Qt::CaseInsensitive) == 0;
    };
    return endsWith(".txt") || endsWith(".html") || endsWith(".htm");
}

// Whether Utf8::decode() gave U+FFFD for bytes that are not U+FFFD itself.
bool isDecodingError(const unsigned char *p, int used, char32_t codePoint)
{
    return codePoint == 0xfffd && !(used == 3 && p[0] == 0xef && p[1] == 0xbf && p[2] == 0xbd);
}

bool isValidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        char32_t codePoint = 0;
        const int used = Utf8::decode(p, end, &codePoint);
        if (isDecodingError(p, used, codePoint)) {
            return false;
        }
        p += used;
    }
    return true;
}

// A file name as it can be shown: its valid UTF-8 as is, the other bytes as \xHH.
QString printableName(QByteArrayView bytes)
{
    QString out;
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        char32_t codePoint = 0;
        const int used = Utf8::decode(p, end, &codePoint);
        if (isDecodingError(p, used, codePoint)) {
            for (int i = 0; i < used; ++i) {
                out += u"\\x" % QString::number(p[i], 16).rightJustified(2, u'0');
            }
        } else {
            out += QString::fromUtf8(reinterpret_cast<const char *>(p), used);
        }
        p += used;
    }
    return out;
}

// Why a folder entry that is neither a regular file nor a folder cannot be read.
QString unreadableEntry(const QFileInfo &info)
{
    if (info.isSymLink()) {
        struct stat target;
        if (::stat(QFile::encodeName(info.filePath()).constData(), &target) != 0 && errno == ELOOP) {
            return QStringLiteral("a symbolic link in a loop of links: skipped");
        }
        return u"a symbolic link to \"" % info.symLinkTarget() % u"\", which does not exist: skipped";
    }
    return QStringLiteral("not a regular file (a pipe, socket or device): skipped");
}

bool isListedInFolder(const QString &name)
{
    return isListedInFolder(QByteArrayView(name.toUtf8()));
}

} // namespace

QList<FolderEntry> listFolder(const QString &path)
{
    struct Listed
    {
        QByteArray key;
        QString path;
        QString id;
        QString problem;
        qint64 size = 0;
    };
    std::vector<Listed> listed;
    const QDir root(QFileInfo(path).absoluteFilePath());
    // QDirIterator leaves out names that are not valid UTF-8 (no QString names them), so every
    // folder it enters is read once more with readdir() to report those entries.
    const auto listUnnamed = [&](const QString &folder) {
        DIR *dir = ::opendir(QFile::encodeName(folder).constData());
        if (!dir) {
            return; // a folder QDirIterator could not read either
        }
        const QByteArray relativeFolder = root.relativeFilePath(QFileInfo(folder).absoluteFilePath()).toUtf8();
        const QByteArray prefix = relativeFolder == "." ? QByteArray() : relativeFolder + '/';
        while (const dirent *entry = ::readdir(dir)) {
            const QByteArrayView name(entry->d_name);
            // Hidden entries are not listed whatever their names.
            if (name.startsWith('.') || isValidUtf8(name)) {
                continue;
            }
            struct stat status;
            const bool isFolder =
                ::fstatat(::dirfd(dir), entry->d_name, &status, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(status.st_mode);
            if (!isFolder && !isListedInFolder(name)) {
                continue;
            }
            const QString shown = (folder.endsWith(u'/') ? folder : folder % u'/') % printableName(name);
            listed.push_back({prefix + name.toByteArray(), shown, QString::fromUtf8(prefix) + printableName(name),
                              isFolder ? QStringLiteral("the folder name is not valid UTF-8, so nothing in it can be "
                                                        "read: skipped (rename it)")
                                       : QStringLiteral("the file name is not valid UTF-8, so it cannot be read: "
                                                        "skipped (rename it)")});
        }
        ::closedir(dir);
    };
    listUnnamed(path);
    // Without QDirIterator::FollowSymlinks a symlinked folder is listed but not entered, so a
    // link back up the tree cannot loop; symlinked files are still read. QDir::System lists the
    // entries that are neither files nor folders (broken links, pipes), to report them.
    QDirIterator it(path, QDir::Files | QDir::Dirs | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isDir()) {
            if (!info.isSymLink()) {
                listUnnamed(info.filePath());
            }
            continue;
        }
        if (!isListedInFolder(info.fileName())) {
            continue;
        }
        const QString relative = root.relativeFilePath(info.absoluteFilePath());
        if (!info.isFile()) {
            listed.push_back({relative.toUtf8(), info.filePath(), relative, unreadableEntry(info)});
            continue;
        }
        listed.push_back({relative.toUtf8(), info.filePath(), relative, {}, info.size()});
    }
    // Byte order of the UTF-8 path, not locale collation, so every machine lists the same order.
    std::sort(listed.begin(), listed.end(), [](const Listed &a, const Listed &b) { return a.key < b.key; });
    QList<FolderEntry> entries;
    entries.reserve(qsizetype(listed.size()));
    for (Listed &entry : listed) {
        entries.append({std::move(entry.path), std::move(entry.id), std::move(entry.problem), entry.size});
    }
    return entries;
}

} // namespace annorev
