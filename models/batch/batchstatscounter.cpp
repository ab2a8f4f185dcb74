#include "batchstatscounter.h"

#include "ruleset.h"
#include "schema.h"

#include <QSet>

namespace annorev {

void BatchStatsCounter::add(const ProfileRow &row)
{
    ++m_documents;
    ++m_byStatus[std::size_t(row.status)];
    for (const FactsView::Label &label : row.facts.labels()) {
        const int index = m_labelNames.indexOf(label.name);
        if (index == m_labels.size()) {
            m_labels.append(Tally{});
        }
        m_labels[index].count += label.spans;
        ++m_labels[index].documents;
    }
    for (std::size_t severity = 0; severity < m_bySeverity.size(); ++severity) {
        m_bySeverity[severity] += row.facts.bySeverity()[severity];
    }
    int lastRule = -1; // facts list a rule once per severity, next to each other
    for (const FactsView::Rule &rule : row.facts.rules()) {
        const int index = m_ruleNames.indexOf(rule.name);
        if (index == m_rules.size()) {
            m_rules.append(Tally{});
        }
        m_rules[index].count += rule.findings;
        if (index != lastRule) {
            ++m_rules[index].documents;
        }
        lastRule = index;
    }
}

BatchStatsCounter::Tally BatchStatsCounter::tallyOf(const FactsNames &names, const QList<Tally> &tallies,
                                                    const QString &name)
{
    const int index = names.indexOfName(name);
    return index < 0 ? Tally{} : tallies[index];
}

BatchStats BatchStatsCounter::stats(const Schema &schema) const
{
    BatchStats stats;
    stats.documents = m_documents;
    stats.byStatus = m_byStatus;
    stats.bySeverity = m_bySeverity;
    QSet<QString> inSchema;
    for (const LabelInfo &label : schema.labels()) {
        inSchema.insert(label.name);
        const Tally tally = tallyOf(m_labelNames, m_labels, label.name);
        stats.labels.append({label.name, tally.count, tally.documents});
    }
    QStringList others;
    for (const QString &label : m_labelNames.names()) {
        if (!inSchema.contains(label)) {
            others.append(label);
        }
    }
    others.sort();
    for (const QString &label : std::as_const(others)) {
        const Tally tally = tallyOf(m_labelNames, m_labels, label);
        stats.labels.append({label, tally.count, tally.documents});
    }
    // Every rule in the order `annorev rules` lists them; every finding comes from one of them.
    for (const auto &rule : RuleSet::builtin().rules()) {
        const QString id(rule->info().id);
        const Tally tally = tallyOf(m_ruleNames, m_rules, id);
        stats.rules.append({id, rule->info().severity, tally.count, tally.documents});
    }
    return stats;
}

} // namespace annorev
