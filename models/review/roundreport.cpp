#include "roundreport.h"

#include "reviewstore.h"

#include <QSet>

namespace annorev {

Expected<RoundReport> RoundReport::of(const ReviewStore &store, const SpotCheckRound &round, double target)
{
    Expected<QList<RoundDocument>> documents = store.roundDocuments(round.name);
    if (!documents) {
        return documents.error();
    }
    Expected<QList<Judgement>> judgements = store.judgements(round.name);
    if (!judgements) {
        return judgements.error();
    }
    RoundReport report{round, std::move(*documents), std::move(*judgements), {}, {}};
    report.tally = annorev::tally(report.documents, report.judgements);
    report.estimate = Wilson::estimate(report.tally.failed, report.tally.checked, target);
    return report;
}

QString RoundReport::nextUnjudged(const QString &id) const
{
    QSet<QString> judged;
    for (const Judgement &judgement : judgements) {
        judged.insert(judgement.documentId);
    }
    qsizetype from = 0;
    for (qsizetype i = 0; i < documents.size(); ++i) {
        if (documents[i].id == id) {
            from = i + 1;
            break;
        }
    }
    for (qsizetype k = 0; k < documents.size(); ++k) {
        const QString &candidate = documents[(from + k) % documents.size()].id;
        if (!judged.contains(candidate)) {
            return candidate;
        }
    }
    return {};
}

std::optional<Judgement> RoundReport::latest(const QString &id) const
{
    std::optional<Judgement> found;
    for (const Judgement &judgement : judgements) {
        if (judgement.documentId == id && (!found || found->seq < judgement.seq)) {
            found = judgement;
        }
    }
    return found;
}

} // namespace annorev
