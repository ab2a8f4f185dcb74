#include "batchstats.h"

#include "ruleset.h"
#include "schema.h"

#include <QHash>
#include <QSet>

namespace annorev {

BatchStats BatchStats::of(const QList<DocumentProfile> &profiles, const Schema &schema)
{
    BatchStats stats;
    QHash<QString, qsizetype> labelRow;
    for (const LabelInfo &label : schema.labels()) {
        labelRow.insert(label.name, stats.labels.size());
        stats.labels.append({label.name, 0, 0});
    }
    QStringList others;
    for (const DocumentProfile &profile : profiles) {
        for (const QString &label : profile.spanLabels) {
            if (!labelRow.contains(label) && !others.contains(label)) {
                others.append(label);
            }
        }
    }
    others.sort();
    for (const QString &label : std::as_const(others)) {
        labelRow.insert(label, stats.labels.size());
        stats.labels.append({label, 0, 0});
    }
    QHash<QString, qsizetype> ruleRow;
    for (const auto &rule : RuleSet::builtin().rules()) {
        ruleRow.insert(QString(rule->info().id), stats.rules.size());
        stats.rules.append({QString(rule->info().id), rule->info().severity, 0, 0});
    }

    for (const DocumentProfile &profile : profiles) {
        ++stats.documents;
        ++stats.byStatus[std::size_t(profile.status)];
        for (const QString &label : profile.spanLabels) {
            ++stats.labels[labelRow.value(label)].spans;
        }
        for (const QString &label : QSet<QString>(profile.spanLabels.cbegin(), profile.spanLabels.cend())) {
            ++stats.labels[labelRow.value(label)].documents;
        }
        QSet<QString> rulesHit;
        for (const DocumentProfile::Hit &hit : profile.findings) {
            ++stats.bySeverity[std::size_t(hit.severity)];
            const auto row = ruleRow.constFind(hit.rule);
            if (row == ruleRow.cend()) {
                continue; // every finding comes from a rule of the set
            }
            ++stats.rules[*row].findings;
            if (!rulesHit.contains(hit.rule)) {
                rulesHit.insert(hit.rule);
                ++stats.rules[*row].documents;
            }
        }
    }
    return stats;
}

} // namespace annorev
