#include "spotchecksample.h"

#include "documentprofile.h"
#include "reviewstore.h"
#include "samplecandidates.h"
#include "sampler.h"
#include "samplestrata.h"

#include <QSet>

#include <algorithm>

namespace annorev::SpotCheckSample {

QString defaultRoundName(const QList<SpotCheckRound> &rounds, const QDate &today)
{
    const QString date = today.toString(Qt::ISODate);
    auto taken = [&rounds](const QString &name) {
        return std::any_of(rounds.cbegin(), rounds.cend(),
                           [&name](const SpotCheckRound &round) { return round.name == name; });
    };
    QString name = date;
    for (int suffix = 2; taken(name); ++suffix) {
        name = date % u'-' % QString::number(suffix);
    }
    return name;
}

QString statusesText(const QList<ReviewStatus> &statuses)
{
    if (statuses.isEmpty()) {
        return QStringLiteral("all");
    }
    QStringList names;
    for (ReviewStatus status : statuses) {
        names.append(statusName(status));
    }
    return names.join(u',');
}

namespace {

// The draw from candidates [0, count): idOf gives a candidate's id, strataOf every candidate's
// stratum (asked for only when the draw is stratified).
template <typename IdOf, typename StrataOf>
Drawn drawFrom(qsizetype count, IdOf idOf, StrataOf strataOf, qsizetype size, quint64 seed, Stratify stratify)
{
    Drawn drawn;
    drawn.candidates = count;
    if (count == 0) {
        return drawn;
    }
    if (stratify == Stratify::None) {
        for (qsizetype index : Sampler::draw(count, size, seed)) {
            drawn.documents.append({idOf(index), QString()});
        }
        return drawn;
    }
    const QStringList strata = strataOf();
    drawn.strata = QSet<QString>(strata.cbegin(), strata.cend()).size();
    if (const std::optional<Sampler::Stratified> stratified = Sampler::drawStratified(strata, size, seed)) {
        for (qsizetype index : stratified->indexes) {
            drawn.documents.append({idOf(index), strata[index]});
        }
    }
    return drawn;
}

} // namespace

Drawn draw(const QList<DocumentProfile> &documents, const QList<ReviewStatus> &statuses, qsizetype size, quint64 seed,
           Stratify stratify)
{
    QList<DocumentProfile> candidates = documents;
    candidates.removeIf([&statuses](const DocumentProfile &document) {
        return !statuses.isEmpty() && !statuses.contains(document.status);
    });
    return drawFrom(
        candidates.size(), [&candidates](qsizetype index) { return candidates[index].id; },
        [&candidates, stratify] { return SampleStrata::of(candidates, stratify); }, size, seed, stratify);
}

Expected<Drawn> draw(const ReviewStore &store, const QList<ReviewStatus> &statuses, qsizetype size, quint64 seed,
                     Stratify stratify)
{
    SampleCandidates candidates(statuses, stratify);
    if (Expected<void> read = store.forEachProfile([&candidates](const ProfileRow &row) { candidates.add(row); });
        !read) {
        return read.error();
    }
    return drawFrom(
        candidates.size(), [&candidates](qsizetype index) { return candidates.id(index); },
        [&candidates] { return candidates.strata(); }, size, seed, stratify);
}

} // namespace annorev::SpotCheckSample
