#pragma once

#include "checker.h"
#include "reviewstore.h"

#include <QCommandLineOption>
#include <QString>

#include <memory>

class QCommandLineParser;

namespace annorev::BatchStore {

// --store PATH, which every store command takes.
QCommandLineOption storeOption();
// --reviewer NAME.
QCommandLineOption reviewerOption();

// The checker the store counts findings with: the built-in schema and country aliases, this year.
Checker checker();

// Opens the store of a batch (--store, else BATCH.annorev.sqlite beside it) and brings it up to
// date with the batch (see StoreOpening), printing what changed there on standard error. Prints
// the error and returns nothing when the store cannot be opened or synced. Meanwhile a terminal
// on standard error shows the progress on one line, and Ctrl+C stops the sync, leaving the store
// as it was (a new store is removed): "annorev: cancelled; the store is as it was".
// A team batch's address (postgresql://…?batch=NAME) opens the batch on its server as it is.
std::unique_ptr<ReviewStore> open(const QString &batch, const QString &storePath, const QString &reviewer);
// Brings the store up to date with these source files (a team batch's import), with the same
// progress line and Ctrl+C as open(), and prints what changed. Prints the error and returns false
// when the sources cannot be read or the store refuses.
bool import(ReviewStore &store, const QStringList &sources);
// Prints what a sync found, as notes on standard error.
void printReport(const ReviewStore::SyncReport &report, const QString &storePath);
// The exit status of a command whose store open() could not open: ExitCancelled after a Ctrl+C,
// else ExitUsage.
int failureStatus();

// The document ids a store command takes after its BATCH.
enum class Ids
{
    None,
    AtMostOne,
    AtLeastOne,
    Any
};

// Opens the store of the batch the parser's first positional argument names, with the parser's
// --store and --reviewer (see above), once the other positional arguments are checked to be the
// ids the command takes. Prints the error and returns nothing otherwise.
std::unique_ptr<ReviewStore> open(const QCommandLineParser &parser, Ids ids);
// --reviewer NAME, else the saved setting, else the OS user name.
QString reviewer(const QCommandLineParser &parser);

} // namespace annorev::BatchStore
