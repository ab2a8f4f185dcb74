#include "outputguard.h"

#include "reviewstore.h"
#include "sqlite/sqlitestore.h"

#include <QDir>
#include <QFileInfo>

namespace annorev::OutputGuard {

namespace {

bool isInside(const QString &path, const QString &folder)
{
    return path == folder || path.startsWith(folder.endsWith(u'/') ? folder : QString(folder + u'/'));
}

} // namespace

QString resolve(const QString &path)
{
    // Component by component: QDir::cleanPath would drop "link/.." as text, while the file
    // system takes ".." from where the link points.
    const QString absolute = QDir::isAbsolutePath(path) ? path : QDir::currentPath() + u'/' + path;
    QString resolved = QStringLiteral("/");
    bool existing = true; // every component so far exists, so resolved is canonical
    for (const QString &part : absolute.split(u'/', Qt::SkipEmptyParts)) {
        if (part == u".") {
            continue;
        }
        if (part == u"..") {
            resolved = QFileInfo(resolved).path();
            continue;
        }
        const QString next = resolved.endsWith(u'/') ? QString(resolved + part) : QString(resolved + u'/' + part);
        if (existing) {
            const QString canonical = QFileInfo(next).canonicalFilePath();
            if (!canonical.isEmpty()) {
                resolved = canonical;
                continue;
            }
            const QFileInfo link(next);
            if (link.isSymLink()) {
                // A dangling link: writing to it creates its target.
                resolved = resolve(link.symLinkTarget());
                existing = false;
                continue;
            }
            existing = false;
        }
        resolved = next;
    }
    return resolved;
}

QString refusal(const QString &out, const QStringList &batchInputs, const QString &storePath)
{
    const QString target = resolve(out);
    if (!storePath.isEmpty()) {
        const QString store = resolve(storePath);
        for (const QString &suffix : SqliteStore::fileSuffixes()) {
            if (target == store + suffix) {
                return suffix.isEmpty()
                           ? QStringLiteral("%1 is the review store: writing there would destroy every decision "
                                            "and the audit log; choose another output path")
                                 .arg(out)
                           : QStringLiteral("%1 is a file of the review store %2: writing there would lose decisions; "
                                            "choose another output path")
                                 .arg(out, storePath);
            }
        }
    }
    if (ReviewStore::isStoreFileName(QFileInfo(target).fileName())) {
        // Another batch's store, or this batch's default one while --store names another.
        return QStringLiteral("%1 is a review store or one of its files: writing there would destroy decisions; "
                              "choose another output path")
            .arg(out);
    }
    for (const QString &input : batchInputs) {
        const QString source = resolve(input);
        if (QFileInfo(source).isDir()) {
            if (isInside(target, source)) {
                return QStringLiteral("%1 is inside the batch folder %2: writing there would overwrite or join "
                                      "the batch's documents; choose a path outside it")
                    .arg(out, input);
            }
        } else if (target == source) {
            return QStringLiteral("%1 is a file of the batch: writing there would replace the documents under "
                                  "review; choose another output path")
                .arg(out);
        }
    }
    return {};
}

} // namespace annorev::OutputGuard
