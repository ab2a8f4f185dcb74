#include "reviewstore.h"

#include "batchsync.h"
#include "postgres/postgresstore.h"
#include "postgres/teamaddress.h"
#include "sqlite/sqlitestore.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace annorev {

Expected<std::unique_ptr<ReviewStore>> ReviewStore::open(const QString &location, bool createTeamBatch)
{
    if (TeamAddress::isAddress(location)) {
        // The location is never repeated in a message: it might carry a password.
        const Expected<TeamAddress> address = TeamAddress::parse(location);
        if (!address) {
            return address.error();
        }
        Expected<std::unique_ptr<PostgresStore>> store = PostgresStore::open(*address, createTeamBatch);
        if (!store) {
            return store.error();
        }
        return std::unique_ptr<ReviewStore>(std::move(*store));
    }
    Expected<std::unique_ptr<SqliteStore>> store = SqliteStore::open(location);
    if (!store) {
        return store.error();
    }
    return std::unique_ptr<ReviewStore>(std::move(*store));
}

Expected<QList<qint64>> ReviewStore::searchKeys(const QString &, TextMatch, const std::function<bool()> &) const
{
    return Error{QStringLiteral("this store gives its documents no keys to search by; search by id")};
}

bool ReviewStore::isTeamLocation(const QString &location)
{
    return TeamAddress::isAddress(location);
}

QString ReviewStore::batchName(const QStringList &batchInputs)
{
    if (batchInputs.isEmpty()) {
        return {};
    }
    const QString &first = batchInputs.constFirst();
    if (TeamAddress::isAddress(first)) {
        const Expected<TeamAddress> address = TeamAddress::parse(first);
        return address ? address->batch % u" on " % address->database : QStringLiteral("a team batch");
    }
    return QFileInfo(QDir::cleanPath(first)).fileName();
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
                                          const Checker &checker, const QString &reviewer,
                                          std::optional<qint64> version)
{
    // Checked before the lock is taken: parsing a long document should not hold up other writers.
    return setTaggedText(id, taggedText, TextFacts::of(taggedText, schema, checker), reviewer, version);
}

} // namespace annorev
