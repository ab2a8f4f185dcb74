#include "samplestrata.h"

#include "ruleset.h"

#include <QHash>

namespace annorev::SampleStrata {

namespace {

QStringList byLabel(const QList<DocumentProfile> &profiles)
{
    QHash<QString, qsizetype> documentsWith;
    for (const DocumentProfile &profile : profiles) {
        for (const DocumentFacts::LabelCount &label : profile.facts.labels) {
            ++documentsWith[label.label];
        }
    }
    QStringList strata;
    for (const DocumentProfile &profile : profiles) {
        QString rarest;
        for (const DocumentFacts::LabelCount &span : profile.facts.labels) {
            const QString &label = span.label;
            const qsizetype count = documentsWith.value(label);
            const qsizetype best = documentsWith.value(rarest);
            if (rarest.isNull() || count < best || (count == best && label < rarest)) {
                rarest = label;
            }
        }
        strata.append(rarest.isNull() ? noSpans : rarest);
    }
    return strata;
}

QStringList byRule(const QList<DocumentProfile> &profiles)
{
    QHash<QString, qsizetype> ruleOrder;
    qsizetype index = 0;
    for (const auto &rule : RuleSet::builtin().rules()) {
        ruleOrder.insert(QString(rule->info().id), index++);
    }
    QStringList strata;
    for (const DocumentProfile &profile : profiles) {
        const DocumentFacts::RuleCount *worst = nullptr;
        for (const DocumentFacts::RuleCount &hit : profile.facts.rules) {
            if (!worst || hit.severity > worst->severity ||
                (hit.severity == worst->severity && ruleOrder.value(hit.rule) < ruleOrder.value(worst->rule))) {
                worst = &hit;
            }
        }
        strata.append(worst ? worst->rule : clean);
    }
    return strata;
}

} // namespace

QStringList of(const QList<DocumentProfile> &profiles, Stratify by)
{
    switch (by) {
    case Stratify::Label:
        return byLabel(profiles);
    case Stratify::Rule:
        return byRule(profiles);
    case Stratify::None:
        break;
    }
    return QStringList(profiles.size(), QStringLiteral(""));
}

} // namespace annorev::SampleStrata
