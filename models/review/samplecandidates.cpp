#include "samplecandidates.h"

#include "ruleset.h"
#include "samplestrata.h"

#include <QHash>

namespace annorev {

SampleCandidates::SampleCandidates(const QList<ReviewStatus> &statuses, Stratify by) : m_statuses(statuses), m_by(by) {}

void SampleCandidates::add(const ProfileRow &row)
{
    if (!m_statuses.isEmpty() && !m_statuses.contains(row.status)) {
        return;
    }
    m_ids.append(row.id);
    m_idEnds.append(m_ids.size());
    switch (m_by) {
    case Stratify::None:
        break;
    case Stratify::Label:
        for (const FactsView::Label &label : row.facts.labels()) {
            m_labels.append(m_names.indexOf(label.name));
        }
        m_labelEnds.append(m_labels.size());
        break;
    case Stratify::Rule: {
        // The most severe finding's rule; of equally severe ones, the rule `annorev rules` lists first.
        int worst = -1;
        Severity worstSeverity = Severity::Info;
        for (const FactsView::Rule &rule : row.facts.rules()) {
            const int index = m_names.indexOf(rule.name);
            if (index == m_ruleOrder.size()) {
                static const QHash<QString, qsizetype> order = [] {
                    QHash<QString, qsizetype> byId;
                    for (const auto &builtin : RuleSet::builtin().rules()) {
                        byId.insert(QString(builtin->info().id), byId.size());
                    }
                    return byId;
                }();
                m_ruleOrder.append(order.value(m_names.name(index)));
            }
            if (worst < 0 || rule.severity > worstSeverity ||
                (rule.severity == worstSeverity && m_ruleOrder[index] < m_ruleOrder[worst])) {
                worst = index;
                worstSeverity = rule.severity;
            }
        }
        m_worstRules.append(worst);
        break;
    }
    }
}

QString SampleCandidates::id(qsizetype candidate) const
{
    const qsizetype begin = candidate == 0 ? 0 : m_idEnds[candidate - 1];
    return QString::fromUtf8(QByteArrayView(m_ids).sliced(begin, m_idEnds[candidate] - begin));
}

QStringList SampleCandidates::strata() const
{
    switch (m_by) {
    case Stratify::Label:
        return labelStrata();
    case Stratify::Rule: {
        QStringList strata;
        strata.reserve(size());
        for (int rule : m_worstRules) {
            strata.append(rule < 0 ? SampleStrata::clean : m_names.name(rule));
        }
        return strata;
    }
    case Stratify::None:
        break;
    }
    return QStringList(size(), QStringLiteral(""));
}

// Each candidate's rarest label: the one the fewest candidates have a span of, ties by name.
QStringList SampleCandidates::labelStrata() const
{
    QList<qsizetype> documentsWith(m_names.size(), 0);
    for (int label : m_labels) {
        ++documentsWith[label];
    }
    QStringList strata;
    strata.reserve(size());
    qsizetype begin = 0;
    for (qsizetype end : m_labelEnds) {
        int rarest = -1;
        for (qsizetype i = begin; i < end; ++i) {
            const int label = m_labels[i];
            if (rarest < 0 || documentsWith[label] < documentsWith[rarest] ||
                (documentsWith[label] == documentsWith[rarest] && m_names.name(label) < m_names.name(rarest))) {
                rarest = label;
            }
        }
        strata.append(rarest < 0 ? SampleStrata::noSpans : m_names.name(rarest));
        begin = end;
    }
    return strata;
}

} // namespace annorev
