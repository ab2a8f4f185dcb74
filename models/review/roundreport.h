#pragma once

#include "expected.h"
#include "spotcheck.h"
#include "wilson.h"

#include <QList>
#include <QString>

namespace annorev {

class ReviewStore;

// A spot-check round with its judgements and what they let the reviewer conclude, as
// `annorev stats` reports it and the window shows it.
struct RoundReport
{
    SpotCheckRound round;
    QList<RoundDocument> documents; // in draw order
    QList<Judgement> judgements;    // all of them, oldest first; the latest per document counts
    RoundTally tally;
    Wilson::Estimate estimate;

    // The round's documents and judgements as the store has them, against the target error rate.
    static Expected<RoundReport> of(const ReviewStore &store, const SpotCheckRound &round, double target);
    // The first document in draw order after id without a judgement, wrapping around to the ones
    // before it; empty when every document is judged. From the start when id is not in the round.
    QString nextUnjudged(const QString &id) const;
    // The latest judgement of the document, if it has one.
    std::optional<Judgement> latest(const QString &id) const;
};

} // namespace annorev
