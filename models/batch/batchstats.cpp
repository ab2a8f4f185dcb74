#include "batchstats.h"

#include "ruleset.h"
#include "schema.h"

#include <QHash>

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
        for (const DocumentFacts::LabelCount &label : profile.facts.labels) {
            if (!labelRow.contains(label.label) && !others.contains(label.label)) {
                others.append(label.label);
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
        for (const DocumentFacts::LabelCount &label : profile.facts.labels) {
            LabelCount &row = stats.labels[labelRow.value(label.label)];
            row.spans += label.spans;
            ++row.documents;
        }
        for (std::size_t severity = 0; severity < stats.bySeverity.size(); ++severity) {
            stats.bySeverity[severity] += profile.facts.bySeverity[severity];
        }
        QString lastRule; // facts list a rule once per severity, next to each other
        for (const DocumentFacts::RuleCount &hit : profile.facts.rules) {
            const auto row = ruleRow.constFind(hit.rule);
            if (row == ruleRow.cend()) {
                continue; // every finding comes from a rule of the set
            }
            stats.rules[*row].findings += hit.findings;
            if (hit.rule != lastRule) {
                ++stats.rules[*row].documents;
            }
            lastRule = hit.rule;
        }
    }
    return stats;
}

} // namespace annorev
