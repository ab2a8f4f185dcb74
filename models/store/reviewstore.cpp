#include "reviewstore.h"

#include "batchsync.h"
#include "sqlite/sqlitestore.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace annorev {

Expected<std::unique_ptr<ReviewStore>> ReviewStore::open(const QString &location)
{
    if (location.startsWith(u"postgresql://") || location.startsWith(u"postgres://")) {
        // Not echoed: a connection URL may carry a password.
        return Error{QStringLiteral("team stores on a PostgreSQL server are not supported yet")};
    }
    Expected<std::unique_ptr<SqliteStore>> store = SqliteStore::open(location);
    if (!store) {
        return store.error();
    }
    return std::unique_ptr<ReviewStore>(std::move(*store));
}

QString ReviewStore::defaultStorePath(const QStringList &batchInputs)
{
    if (batchInputs.isEmpty()) {
        return {};
    }
    // cleanPath drops a trailing '/' and a final "/.", so a folder's store sits beside it.
    return QDir::cleanPath(QFileInfo(batchInputs.constFirst()).absoluteFilePath()) % u".annorev.sqlite";
}

bool ReviewStore::isStoreFileName(const QString &fileName)
{
    const QStringList &suffixes = SqliteStore::fileSuffixes();
    return std::any_of(suffixes.cbegin(), suffixes.cend(),
                       [&fileName](const QString &suffix) { return fileName.endsWith(u".annorev.sqlite" % suffix); });
}

QStringList ReviewStore::storeFiles(const QString &location)
{
    QStringList files;
    for (const QString &suffix : SqliteStore::fileSuffixes()) {
        files.append(location + suffix);
    }
    return files;
}

QString ReviewStore::unreadableInputs(const BatchReader &reader)
{
    return BatchSync::unreadableInputs(reader);
}

Expected<ReviewStore::SyncReport> ReviewStore::sync(const QStringList &batchInputs, const Schema &schema,
                                                    const Checker &checker, const QString &reviewer)
{
    Expected<std::optional<SyncReport>> unchanged = syncByStamps(batchInputs);
    if (!unchanged) {
        return unchanged.error();
    }
    if (*unchanged) {
        return **std::move(unchanged);
    }
    return sync(BatchReader::open(batchInputs), batchInputs, schema, checker, reviewer);
}

Expected<void> ReviewStore::setTaggedText(const QString &id, const QByteArray &taggedText, const Schema &schema,
                                          const Checker &checker, const QString &reviewer)
{
    // Checked before the lock is taken: parsing a long document should not hold up other writers.
    return setTaggedText(id, taggedText, TextFacts::of(taggedText, schema, checker), reviewer);
}

} // namespace annorev
