#pragma once

#include "expected.h"
#include "offsetunit.h"
#include "reviewstatus.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

class QIODevice;

namespace annorev {

class CountryAliases;
class Schema;

// How `annorev export` writes a batch: where, which documents, which offsets.
struct ExportOptions
{
    // The file or folder to write. A folder format (brat, tagged of a folder batch) writes into a
    // sibling temporary folder renamed to outPath at the end; outPath must not exist or be an
    // empty folder.
    QString outPath;
    // Single-file formats only: write here (standard output) instead of outPath. Not atomic.
    QIODevice *device = nullptr;
    // Documents with one of these statuses are exported; empty exports every document.
    QList<ReviewStatus> statuses{ReviewStatus::Approved};
    // Overrides the unit the format's reader counts offsets in (--offsets codepoint|utf16).
    std::optional<OffsetUnit> offsets;
    const Schema *schema = nullptr;            // nullptr: Schema::builtin()
    const CountryAliases *countries = nullptr; // nullptr: CountryAliases::builtin()
    int jobs = 0;                              // threads; 0: every core
    // Called with the documents written so far and the documents to write: once before the first,
    // then at least every few hundred, and with done == total at the end. From the exporting
    // thread; done never decreases.
    std::function<void(qsizetype done, qsizetype total)> progress;
    // Checked between blocks of documents and before the output is committed: once it is true the
    // export fails with "export cancelled" and leaves nothing at outPath. Set from any thread.
    const std::atomic_bool *cancel = nullptr;

    bool accepts(ReviewStatus status) const { return statuses.isEmpty() || statuses.contains(status); }

    // "all" or a comma-separated list of statuses ("approved,needs-work"), for --status.
    static Expected<QList<ReviewStatus>> parseStatuses(QStringView text);
};

} // namespace annorev
