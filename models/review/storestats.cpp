#include "storestats.h"

#include "batchstatscounter.h"
#include "reviewstore.h"

namespace annorev {

Expected<StoreStats> StoreStats::read(const ReviewStore &store, const Schema &schema, double target,
                                      const QString &onlyRound)
{
    QList<SpotCheckRound> rounds;
    if (!onlyRound.isEmpty()) {
        Expected<SpotCheckRound> round = store.round(onlyRound);
        if (!round) {
            return round.error();
        }
        rounds.append(std::move(*round));
    } else {
        Expected<QList<SpotCheckRound>> all = store.rounds();
        if (!all) {
            return all.error();
        }
        rounds = std::move(*all);
    }
    StoreStats stats;
    stats.storePath = store.path();
    stats.target = target;
    for (const SpotCheckRound &round : std::as_const(rounds)) {
        Expected<RoundReport> report = RoundReport::of(store, round, target);
        if (!report) {
            return report.error();
        }
        stats.rounds.append(std::move(*report));
    }
    if (store.keepsSuggestions()) {
        Expected<QList<SuggestionCounts>> suggestions = store.suggestionCounts();
        if (!suggestions) {
            return suggestions.error();
        }
        stats.suggestions = std::move(*suggestions);
        Expected<QList<ReviewStore::Disagreement>> most = store.mostDisagreeing(mostDisagreeingShown);
        if (!most) {
            return most.error();
        }
        stats.mostDisagreeing = std::move(*most);
    }
    // The facts stored with each document's current version: nothing is parsed or checked again,
    // and counted as they are read, so that a million documents are never held at once.
    BatchStatsCounter counter;
    if (Expected<void> read = store.forEachProfile([&counter](const ProfileRow &row) { counter.add(row); }); !read) {
        return read.error();
    }
    stats.batch = counter.stats(schema);
    return stats;
}

} // namespace annorev
