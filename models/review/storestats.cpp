#include "storestats.h"

#include "documentprofile.h"
#include "reviewstore.h"

namespace annorev {

std::optional<StoreStats> StoreStats::read(const ReviewStore &store, const Schema &schema, const Checker &checker,
                                           double target, const QString &onlyRound, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error) {
            *error = message;
        }
        return std::nullopt;
    };
    QString readError;
    QList<SpotCheckRound> rounds;
    if (!onlyRound.isEmpty()) {
        const std::optional<SpotCheckRound> round = store.round(onlyRound, &readError);
        if (!round) {
            return fail(readError.isEmpty() ? u"no round \"" % onlyRound % u"\" in the store " % store.path()
                                            : readError);
        }
        rounds.append(*round);
    } else {
        rounds = store.rounds(&readError);
        if (!readError.isEmpty()) {
            return fail(readError);
        }
    }
    StoreStats stats;
    stats.storePath = store.path();
    stats.target = target;
    for (const SpotCheckRound &round : std::as_const(rounds)) {
        std::optional<RoundReport> report = RoundReport::of(store, round, target, &readError);
        if (!report) {
            return fail(readError);
        }
        stats.rounds.append(std::move(*report));
    }
    const QList<ExportDocument> documents = store.exportDocuments(std::nullopt, &readError);
    if (!readError.isEmpty()) {
        return fail(readError);
    }
    stats.batch = BatchStats::of(DocumentProfile::of(documents, schema, checker), schema);
    return stats;
}

} // namespace annorev
