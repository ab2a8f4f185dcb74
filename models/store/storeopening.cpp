#include "storeopening.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace annorev {

StoreOpening::StoreOpening(const QStringList &batchInputs, const QString &storePath, const Schema &schema,
                           const Checker &checker, const QString &reviewer)
    : m_batchInputs(batchInputs),
      m_storePath(storePath.isEmpty() ? ReviewStore::defaultStorePath(batchInputs) : storePath), m_schema(schema),
      m_checker(checker), m_reviewer(reviewer)
{
}

Expected<std::unique_ptr<ReviewStore>> StoreOpening::run(const SyncControl &control)
{
    m_report = {};
    m_unreadable.clear();
    m_cancelled = false;
    const bool existed = QFileInfo::exists(m_storePath);
    std::unique_ptr<ReviewStore> store;
    if (existed) {
        control.report(SyncControl::Stage::LookingForChanges);
        Expected<std::unique_ptr<ReviewStore>> opened = ReviewStore::open(m_storePath);
        if (!opened) {
            return opened.error();
        }
        store = *std::move(opened);
        Expected<std::optional<ReviewStore::SyncReport>> unchanged = store->syncByStamps(m_batchInputs);
        if (!unchanged) {
            return unchanged.error();
        }
        if (*unchanged) {
            m_report = **std::move(unchanged);
            return store;
        }
    }
    if (control.cancelled()) {
        return cancelled(false);
    }
    control.report(SyncControl::Stage::Opening);
    // Read before a new store is created: a batch that cannot be read leaves no empty store.
    const BatchReader reader = BatchReader::open(m_batchInputs);
    if (!reader.errors().isEmpty()) {
        m_unreadable = reader.errors();
        return Error{ReviewStore::unreadableInputs(reader)};
    }
    if (control.cancelled()) {
        return cancelled(false);
    }
    if (!store) {
        Expected<std::unique_ptr<ReviewStore>> opened = ReviewStore::open(m_storePath);
        if (!opened) {
            return opened.error();
        }
        store = *std::move(opened);
    }
    Expected<ReviewStore::SyncReport> synced =
        store->sync(reader, m_batchInputs, m_schema, m_checker, m_reviewer, control);
    if (!synced) {
        if (control.cancelled()) {
            // The sync rolled back; a store made for it goes too, once its connection is closed.
            store.reset();
            return cancelled(!existed);
        }
        return synced.error();
    }
    m_report = *std::move(synced);
    return store;
}

Error StoreOpening::cancelled(bool storeCreated)
{
    m_cancelled = true;
    if (!storeCreated) {
        return Error{QFileInfo::exists(m_storePath) ? QStringLiteral("cancelled; the store is as it was")
                                                    : QStringLiteral("cancelled; no store was made")};
    }
    for (const QString &file : ReviewStore::storeFiles(m_storePath)) {
        QFile remove(file);
        if (remove.exists() && !remove.remove()) {
            return Error{u"cancelled; the new store " % m_storePath % u" could not be removed: " %
                         remove.errorString()};
        }
    }
    return Error{QStringLiteral("cancelled; the new store was removed")};
}

QString StoreOpening::describe(SyncControl::Stage stage, qsizetype done, qsizetype total, const QString &batchName,
                               const QLocale &locale)
{
    switch (stage) {
    case SyncControl::Stage::LookingForChanges:
        return u"Looking for changes in " % batchName % u"…";
    case SyncControl::Stage::Opening:
        return u"Finding the documents of " % batchName % u"…";
    case SyncControl::Stage::Reading:
        return u"Reading " % locale.toString(done) % u" of " % locale.toString(total) % u" documents of " % batchName %
               u"…";
    case SyncControl::Stage::Importing:
        return u"Importing " % locale.toString(done) % u" of " % locale.toString(total) %
               u" new documents into the store…";
    }
    return {};
}

} // namespace annorev
