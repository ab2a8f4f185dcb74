#include "spotchecksample.h"

#include "documentprofile.h"
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

Drawn draw(const QList<DocumentProfile> &documents, const QList<ReviewStatus> &statuses, qsizetype size, quint64 seed,
           Stratify stratify)
{
    QList<DocumentProfile> candidates = documents;
    candidates.removeIf([&statuses](const DocumentProfile &document) {
        return !statuses.isEmpty() && !statuses.contains(document.status);
    });
    Drawn drawn;
    drawn.candidates = candidates.size();
    if (candidates.isEmpty()) {
        return drawn;
    }
    if (stratify == Stratify::None) {
        for (qsizetype index : Sampler::draw(candidates.size(), size, seed)) {
            drawn.documents.append({candidates[index].id, QString()});
        }
        return drawn;
    }
    const QStringList strata = SampleStrata::of(candidates, stratify);
    drawn.strata = QSet<QString>(strata.cbegin(), strata.cend()).size();
    if (const std::optional<Sampler::Stratified> stratified = Sampler::drawStratified(strata, size, seed)) {
        for (qsizetype index : stratified->indexes) {
            drawn.documents.append({candidates[index].id, strata[index]});
        }
    }
    return drawn;
}

} // namespace annorev::SpotCheckSample
