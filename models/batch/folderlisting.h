#pragma once

#include <QList>
#include <QString>

namespace annorev {

// A document of a folder batch, or an entry of the folder that cannot be read (problem says why).
struct FolderEntry
{
    QString path; // as it can be shown: bytes that are not UTF-8 as \xHH
    QString id;   // the path relative to the folder
    QString problem;
    qint64 size = 0;
};

// The .txt, .html and .htm files under a folder (any case, symlinked folders listed but not
// entered, hidden entries left out), in byte order of their UTF-8 relative paths, so that every
// machine lists the same order. Entries named like documents that cannot be read come with a
// problem: names that are not UTF-8, dangling links, loops of links, pipes.
QList<FolderEntry> listFolder(const QString &path);

} // namespace annorev
