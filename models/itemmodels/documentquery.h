#pragma once

#include "documentrows.h"
#include "reviewstatus.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <optional>
#include <vector>

namespace annorev {

// Which documents the list shows and in what order: the reviewer's filters, a search, a
// spot-check round, a sorted column. run() turns it into row numbers of a DocumentRows; it reads
// nothing else, so a snapshot of a million rows can be sorted and filtered on a worker thread.
struct DocumentQuery
{
    enum class FindingFilter
    {
        Any,
        WithErrors,
        WithWarnings,
        WithInfos,
        WithoutFindings
    };
    // Sortable columns, as DocumentListModel numbers them.
    enum class SortKey
    {
        None, // batch order
        Id,
        Status,
        Errors,
        Warnings,
        Disagreement // documents without suggestions count as -1: last when descending
    };

    std::optional<ReviewStatus> status;
    QString label; // rows with a span of the label pass; empty passes any
    QString rule;  // rows with a finding of the rule pass; empty passes any
    FindingFilter findings = FindingFilter::Any;
    // Rows whose id contains needle (in any case), is among textMatches or whose key
    // (DocumentIndexRow::key) is among textMatchKeys pass; empty passes any.
    QString needle;
    QStringList textMatches;
    QList<qint64> textMatchKeys;
    // Only these documents, in this order whatever the sort (a spot-check round); empty: all.
    QStringList roundOrder;
    SortKey sortKey = SortKey::None;
    bool descending = false;

    bool isFiltering() const;
    bool isIdentity() const { return !isFiltering() && sortKey == SortKey::None; }

    // The rows that pass, in the order asked for; ties keep batch order. Nothing when cancelled
    // turns true (checked now and then).
    std::optional<std::vector<int>> run(const DocumentRows &rows, const std::atomic_bool *cancelled = nullptr) const;
};

} // namespace annorev
