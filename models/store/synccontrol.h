#pragma once

#include "expected.h"

#include <QString>
#include <QtGlobal>

#include <atomic>
#include <functional>

namespace annorev {

// What a long sync tells as it goes, and how it is asked to stop; both optional. A million
// documents take a minute to import: the command line and the window show where it is, and the
// reviewer can stop it without leaving a half-imported store behind.
struct SyncControl
{
    // In the order an open goes through them; a stage may be left out (an unchanged batch is only
    // looked at, a new store has no changes to look for).
    enum class Stage
    {
        LookingForChanges, // the batch's files against the stamps of the last sync; not counted
        Opening,           // listing the batch's files and lines; not counted
        Reading,           // reading and hashing every document: done of total documents
        Importing,         // parsing, checking and writing new documents: done of total documents
    };

    // Called on the syncing thread as each stage starts (with done 0) and as it goes; a counted
    // stage ends with done == total unless the sync stops. Within a stage done never decreases.
    std::function<void(Stage stage, qsizetype done, qsizetype total)> progress;
    // Checked between slices of the reading and of the import. Once it is true (set from any
    // thread, or a signal handler) the sync stops: what it wrote is rolled back and it returns
    // cancelledError().
    const std::atomic_bool *cancel = nullptr;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void report(Stage stage, qsizetype done = 0, qsizetype total = 0) const
    {
        if (progress) {
            progress(stage, done, total);
        }
    }
    // What a stopped sync returns; the store is as it was.
    static Error cancelledError(const QString &store)
    {
        return Error{u"the sync of " % store % u" was cancelled; nothing was changed"};
    }
};

} // namespace annorev
