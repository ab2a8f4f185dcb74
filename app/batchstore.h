#pragma once

#include "reviewstore.h"

#include <QCommandLineOption>

#include <memory>

class QCommandLineParser;

namespace annorev::BatchStore {

// --store PATH, which every store command takes.
QCommandLineOption storeOption();
// --reviewer NAME.
QCommandLineOption reviewerOption();

// Opens the store of a batch (--store, else BATCH.annorev.sqlite beside it) and brings it up to
// date with the batch, printing what changed there on standard error. Prints the error and
// returns nothing when the store cannot be opened or synced.
std::unique_ptr<ReviewStore> open(const QString &batch, const QString &storePath, const QString &reviewer);

} // namespace annorev::BatchStore
