#include "documentfacts.h"

#include "checker.h"
#include "document.h"
#include "factsview.h"

#include <QMap>
#include <QUrl>

#include <algorithm>

namespace annorev {

namespace {

// The separators of encoded(), and '%' itself, are percent-encoded in names.
QString encodedName(const QString &name)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(name, QByteArray(), QByteArrayLiteral(";,=:%")));
}

} // namespace

DocumentFacts DocumentFacts::of(const Document &doc, const CheckResult &result)
{
    DocumentFacts facts;
    facts.records = result.analysis.records().size();
    QMap<QString, qsizetype> labels;
    for (const Span &span : doc.spans()) {
        ++labels[span.label];
    }
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        facts.labels.append({it.key(), it.value()});
    }
    QMap<std::pair<QString, int>, qsizetype> rules;
    for (const Finding &finding : result.findings) {
        ++facts.bySeverity[std::size_t(finding.severity)];
        ++rules[{finding.rule, int(finding.severity)}];
    }
    for (auto it = rules.cbegin(); it != rules.cend(); ++it) {
        facts.rules.append({it.key().first, Severity(it.key().second), it.value()});
    }
    return facts;
}

QStringList DocumentFacts::labelNames() const
{
    QStringList names;
    names.reserve(labels.size());
    for (const LabelCount &label : labels) {
        names.append(label.label);
    }
    return names;
}

QStringList DocumentFacts::ruleNames() const
{
    QStringList names;
    for (const RuleCount &rule : rules) {
        if (names.isEmpty() || names.constLast() != rule.rule) {
            names.append(rule.rule);
        }
    }
    return names;
}

bool DocumentFacts::hasLabel(QStringView label) const
{
    const auto it = std::lower_bound(labels.cbegin(), labels.cend(), label,
                                     [](const LabelCount &a, QStringView b) { return QStringView(a.label) < b; });
    return it != labels.cend() && it->label == label;
}

bool DocumentFacts::hasRule(QStringView rule) const
{
    const auto it = std::lower_bound(rules.cbegin(), rules.cend(), rule,
                                     [](const RuleCount &a, QStringView b) { return QStringView(a.rule) < b; });
    return it != rules.cend() && it->rule == rule;
}

QString DocumentFacts::encoded() const
{
    QString text = u"records=" + QString::number(records) + u';';
    for (qsizetype i = 0; i < labels.size(); ++i) {
        text += (i ? u"," : u"") + encodedName(labels[i].label) + u'=' + QString::number(labels[i].spans);
    }
    text += u';';
    for (qsizetype i = 0; i < rules.size(); ++i) {
        text += (i ? u"," : u"") + encodedName(rules[i].rule) + u':' +
                QLatin1Char(FactsView::severityLetter(rules[i].severity)) + u'=' + QString::number(rules[i].findings);
    }
    return text;
}

std::optional<DocumentFacts> DocumentFacts::decoded(QStringView text)
{
    const QByteArray bytes = text.toUtf8(); // the view's names point into it
    FactsView view;
    if (!view.read(bytes)) {
        return std::nullopt;
    }
    DocumentFacts facts;
    facts.records = view.records();
    facts.bySeverity = view.bySeverity();
    for (const FactsView::Label &label : view.labels()) {
        facts.labels.append({FactsView::name(label.name), label.spans});
    }
    for (const FactsView::Rule &rule : view.rules()) {
        facts.rules.append({FactsView::name(rule.name), rule.severity, rule.findings});
    }
    return facts;
}

} // namespace annorev
