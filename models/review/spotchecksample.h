#pragma once

#include "documentprofile.h"
#include "expected.h"
#include "spotcheck.h"

#include <QDate>
#include <QList>
#include <QString>

namespace annorev {

class ReviewStore;

// Drawing a spot-check round's sample, as `annorev sample` and the window's Draw Round dialog
// both do it, so that the same options give the same ids.
namespace SpotCheckSample {

// The first of DATE, DATE-2, DATE-3... that no round has.
QString defaultRoundName(const QList<SpotCheckRound> &rounds, const QDate &today);
// How a round records the statuses it was drawn from: "all" for none, else the names joined by commas.
QString statusesText(const QList<ReviewStatus> &statuses);

struct Drawn
{
    QList<RoundDocument> documents; // in draw order; empty when the draw was refused
    qsizetype candidates = 0;       // documents with the statuses asked for
    qsizetype strata = 0;           // stratified draws: distinct strata among the candidates

    bool noCandidates() const { return candidates == 0; }
    // A stratified sample takes one document from each stratum at least.
    bool fewerThanStrata() const { return candidates > 0 && documents.isEmpty(); }
};

// Draws size of the documents (the store's, in batch order) whose status is one of statuses (any
// when empty): a simple sample, or one stratified by label or rule (samplestrata.h).
Drawn draw(const QList<DocumentProfile> &documents, const QList<ReviewStatus> &statuses, qsizetype size, quint64 seed,
           Stratify stratify);
// The same draw from every document of the store, read through its cursor and never held whole
// (see SampleCandidates): what `annorev sample` and the Draw Round dialog use.
Expected<Drawn> draw(const ReviewStore &store, const QList<ReviewStatus> &statuses, qsizetype size, quint64 seed,
                     Stratify stratify);

} // namespace SpotCheckSample

} // namespace annorev
