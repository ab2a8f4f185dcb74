#pragma once

#include "batchreader.h"
#include "expected.h"
#include "reviewstore.h"
#include "synccontrol.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class QLocale;

namespace annorev {

class Checker;
class Schema;

// Opening a batch's store and bringing it up to date with the batch: what every store command and
// the window start with, written once. A store that exists is asked first whether the batch's files
// are as its last sync stamped them (a stat per file, no read). Otherwise the batch is opened
// before the store, so that a batch that cannot be read leaves no store behind, and synced.
//
// A cancel (see SyncControl) leaves the store as it was: the sync rolls back, and a store this
// opening created is removed again with the files its database keeps beside it.
class StoreOpening
{
public:
    // The checker and schema must outlive run(). An empty storePath means the store beside the
    // batch (ReviewStore::defaultStorePath()).
    StoreOpening(const QStringList &batchInputs, const QString &storePath, const Schema &schema, const Checker &checker,
                 const QString &reviewer);

    // Opens and syncs on the calling thread, which the store then belongs to. On failure the
    // error names the batch or the store; a cancelled opening says what became of the store.
    Expected<std::unique_ptr<ReviewStore>> run(const SyncControl &control = {});

    const QString &storePath() const { return m_storePath; }
    // What bringing the store up to date found; empty until run() succeeds.
    const ReviewStore::SyncReport &report() const { return m_report; }
    // The inputs that could not be read, when that is why run() failed.
    const QList<InputError> &unreadableInputs() const { return m_unreadable; }
    // Whether run() failed because it was cancelled.
    bool wasCancelled() const { return m_cancelled; }

    // What a stage is doing, for a progress line or dialog: "Reading 120,000 of 1,000,000
    // documents of big.jsonl…". Counts are written in locale.
    static QString describe(SyncControl::Stage stage, qsizetype done, qsizetype total, const QString &batchName,
                            const QLocale &locale);

private:
    Error cancelled(bool storeCreated);

    QStringList m_batchInputs;
    QString m_storePath;
    const Schema &m_schema;
    const Checker &m_checker;
    QString m_reviewer;
    ReviewStore::SyncReport m_report;
    QList<InputError> m_unreadable;
    bool m_cancelled = false;
};

} // namespace annorev
