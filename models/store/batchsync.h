#pragma once

#include "batchreader.h"
#include "expected.h"
#include "exportdocument.h"
#include "reviewstore.h"
#include "synccontrol.h"
#include "textfacts.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace annorev {

class Checker;
class Schema;

// What syncing a store with its batch decides before and apart from any SQL: reading and hashing
// the batch, parsing and checking new documents, what changed, and whether the batch is the
// store's. A store backend only loads what it holds and applies the plan.
namespace BatchSync {

// One document of the batch as sync sees it before touching the store.
struct Seen
{
    qsizetype unit = 0;
    QString id;
    QByteArray hash; // BLAKE2b-256 of the source bytes
    QString path;
    int line = 0;
    BatchLayout layout = BatchLayout::File;
};

// What the store holds about a document, as far as sync needs it.
struct Stored
{
    qsizetype position = 0;
    QByteArray hash;
    QString path;
    int line = 0;
    bool missing = false;
    bool sourceChanged = false;
};
using StoredById = QHash<QString, Stored>;

struct Scan
{
    QList<Seen> seen;               // in batch order, each id once
    QHash<QString, qsizetype> byId; // id -> index in seen
    QList<InputError> inputErrors;  // units that could not be read, repeated ids
    qsizetype unitsRead = 0;        // the others were known by their stamps
    bool cancelled = false;         // stopped part way (see SyncControl): nothing may be planned from it
};

// Reads and hashes every unit of the batch on every core. batchInputs tell a file input from a
// folder. A whole file whose path is in known, by FileStamp::keyOf() (its stamp unchanged since
// the last sync read it), is not read again: known gives the hash of its bytes. Reports SyncControl::Stage::Reading and
// stops between slices once the control is cancelled.
Scan scan(const BatchReader &reader, const QStringList &batchInputs, const QHash<QString, QByteArray> &known = {},
          const SyncControl &control = {});
// The hash of each whole file the scan read or knew, by FileStamp::keyOf() of its path: what the
// stamps keep beside them.
QHash<QString, QByteArray> fileHashes(const Scan &scan);

// Indexes into Scan::seen, except missing.
struct Plan
{
    QList<qsizetype> inserts;
    QList<qsizetype> relocate; // same source, another place in the batch
    QList<qsizetype> changed;
    QList<qsizetype> restored;
    QList<qsizetype> returned;
    QStringList missing; // ids gone from the batch, sorted
    // Whether the documents the batch kept are in another order than the store's (lines moved,
    // files renamed): no document changes, but a window's list is out of order. Documents added
    // or gone around them change no order of their own.
    bool reordered = false;

    bool isEmpty() const;
};
Plan plan(const Scan &scan, const StoredById &stored);
// Whether what a plan inserts is news to windows that list the batch, and so logged: the store
// was synced with it before (it records the batch, or holds documents of it). The first import
// adds the whole batch, which nobody lists yet.
bool addsToListedBatch(const QString &recorded, const StoredById &stored);

// The reader's errors one a line, as sync refuses an unreadable batch with; empty if none.
QString unreadableInputs(const BatchReader &reader);
// The batch inputs as a store records them: canonical paths, one a line.
QString identity(const QStringList &batchInputs);

// A store given for the wrong batch would flag its documents missing. It is refused when it
// shares no document with this batch, or when the batch it records (recorded) is still there
// and the store is not the one beside this batch; a batch moved, renamed or copied with its
// store shares its documents and is let through.
Expected<void> checkSameBatch(const QString &store, bool storeBesideBatch, const QString &recorded,
                              const QString &batch, const Scan &scan, const StoredById &stored);

// A document to import: its entry as read, with its facts.
struct Import
{
    SourceEntry entry;
    TextFacts facts;
    bool ok = false; // false when the unit could no longer be read
};
// Reads, parses and checks the document of the scan at index.
Import prepareImport(const BatchReader &reader, const Scan &scan, qsizetype index, const Schema &schema,
                     const Checker &checker);
// Reads, parses and checks these documents of the scan on every core.
QList<Import> prepareImports(const BatchReader &reader, const Scan &scan, const QList<qsizetype> &indexes,
                             const Schema &schema, const Checker &checker);
// The path a document is exported under (see ExportDocument::relativePath).
QString relativePath(const Seen &doc);

ReviewStore::SyncReport report(const Plan &plan, const Scan &scan);

} // namespace BatchSync

} // namespace annorev
