#pragma once

#include "bulkedit.h"
#include "expected.h"
#include "reviewstatus.h"
#include "reviewstore.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace annorev {

class Checker;
class Schema;

// Which documents a bulk edit looks at: the ids given (in that order; none: every document of the
// batch, in batch order), of those only the ones with a status listed (none: any).
struct BulkScope
{
    QStringList ids;
    QList<ReviewStatus> statuses;
};

// A document with at least one hit, as the preview found it.
struct BulkDocument
{
    QString id;
    ReviewStatus status = ReviewStatus::Unreviewed;
    QByteArray before; // the tagged text the hits were found in; the write checks it is still there
    QString text;      // its plain text, for the context of each hit
    QList<BulkHit> hits;
    // With findings asked for: the document's error and warning counts now, and with every hit
    // that applies made.
    struct Counts
    {
        qsizetype errors = 0;
        qsizetype warnings = 0;
    };
    std::optional<Counts> findingsBefore;
    std::optional<Counts> findingsAfter;

    qsizetype applicable() const;
};

struct BulkPreview
{
    BulkRequest request;
    QList<BulkDocument> documents; // those with hits, in scope order
    qsizetype searched = 0;        // documents looked at

    qsizetype hits() const;
    qsizetype countOf(BulkHit::State state) const;
};

// Per document id, which of its hits to make (false: unticked); a document not listed makes every
// hit that applies.
using BulkSelection = QHash<QString, QList<bool>>;

// The search over a store and the write, shared by `annorev tag` and the window's Tag All dialog.
namespace BulkEditRun {

struct Control
{
    std::function<bool()> cancelled;                               // polled between blocks of documents
    std::function<void(qsizetype done, qsizetype total)> progress; // after each block
};

// The error a cancelled preview returns.
QString cancelledMessage();

// Reads the documents in scope from the store a block at a time and finds the hits on every core.
// With findings, each document with hits is checked before and after (the window's preview). A
// Fix request checks every document in scope for the rule's findings, so it needs findings (a
// checker that suggests fixes).
Expected<BulkPreview> preview(const ReviewStore &store, const BulkScope &scope, const BulkRequest &request,
                              const Schema &schema, const Checker *findings, const Control &control = {});

// The new texts of the documents the selection changes, parsed and checked for the store.
QList<ReviewStore::TextWrite> writes(const BulkPreview &preview, const BulkSelection &selection, const Schema &schema,
                                     const Checker &checker);
// What writes() makes of one document: its new text, parsed and checked; nothing when the
// selection leaves it as it was. For a caller that maps the documents itself, with progress.
std::optional<ReviewStore::TextWrite> write(const BulkDocument &found, const BulkRequest &request,
                                            const BulkSelection &selection, const Schema &schema,
                                            const Checker &checker);

// A one-line account of a preview: "12 hits in 9 of 1,000 documents: 10 tagged, 2 skipped (1
// already tagged, 1 overlaps a span); 8 documents changed" ("12 findings …: 10 fixed" for a fix).
// applied says whether they were written.
QString summary(const BulkPreview &preview, bool applied, qsizetype documentsChanged);

} // namespace BulkEditRun

} // namespace annorev
