#pragma once

#include "batchstats.h"
#include "expected.h"
#include "reviewstore.h"
#include "roundreport.h"
#include "suggestion.h"

#include <QList>
#include <QString>

namespace annorev {

class Checker;
class ReviewStore;
class Schema;

// Everything `annorev stats` reports of a store: the counts over the reviewers' versions and
// each round's estimate. The window's dashboard shows the same numbers from the same call.
struct StoreStats
{
    QString storePath;
    BatchStats batch;
    QList<RoundReport> rounds; // oldest first
    // Per label, in name order; none for a team batch, which keeps no suggestions.
    QList<SuggestionCounts> suggestions;
    // The documents whose suggestions and spans differ most, the most first: at most
    // mostDisagreeingShown of them.
    QList<ReviewStore::Disagreement> mostDisagreeing;
    static constexpr qsizetype mostDisagreeingShown = 10;
    double target = 0.05;

    // Reads the store; with onlyRound, that round alone ("no round ... in the store" when it has
    // none).
    static Expected<StoreStats> read(const ReviewStore &store, const Schema &schema, double target,
                                     const QString &onlyRound);
};

} // namespace annorev
