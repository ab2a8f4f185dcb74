#include "documentfacts.h"

#include "checker.h"
#include "document.h"

#include <QMap>
#include <QUrl>

#include <algorithm>

namespace annorev {

namespace {

constexpr char severityLetters[] = {'i', 'w', 'e'}; // indexed by Severity

std::optional<Severity> severityOfLetter(QChar letter)
{
    for (std::size_t i = 0; i < std::size(severityLetters); ++i) {
        if (letter == QLatin1Char(severityLetters[i])) {
            return Severity(i);
        }
    }
    return std::nullopt;
}

// The separators of encoded(), and '%' itself, are percent-encoded in names.
QString encodedName(const QString &name)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(name, QByteArray(), QByteArrayLiteral(";,=:%")));
}

QString decodedName(QStringView name)
{
    return QUrl::fromPercentEncoding(name.toUtf8());
}

std::optional<qsizetype> count(QStringView digits)
{
    bool ok = false;
    const qlonglong value = digits.toLongLong(&ok);
    return ok && value >= 0 && !digits.startsWith(u'+') ? std::optional<qsizetype>(value) : std::nullopt;
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
                QLatin1Char(severityLetters[std::size_t(rules[i].severity)]) + u'=' +
                QString::number(rules[i].findings);
    }
    return text;
}

std::optional<DocumentFacts> DocumentFacts::decoded(QStringView text)
{
    const QList<QStringView> parts = text.split(u';');
    if (parts.size() != 3 || !parts[0].startsWith(u"records=")) {
        return std::nullopt;
    }
    DocumentFacts facts;
    const std::optional<qsizetype> records = count(parts[0].mid(8));
    if (!records) {
        return std::nullopt;
    }
    facts.records = *records;
    if (!parts[1].isEmpty()) {
        for (QStringView item : parts[1].split(u',')) {
            const qsizetype equals = item.lastIndexOf(u'=');
            const std::optional<qsizetype> spans = equals > 0 ? count(item.mid(equals + 1)) : std::nullopt;
            if (!spans) {
                return std::nullopt;
            }
            facts.labels.append({decodedName(item.left(equals)), *spans});
        }
    }
    if (!parts[2].isEmpty()) {
        for (QStringView item : parts[2].split(u',')) {
            const qsizetype equals = item.lastIndexOf(u'=');
            const qsizetype colon = equals > 0 ? item.left(equals).lastIndexOf(u':') : -1;
            const std::optional<qsizetype> findings = colon > 0 ? count(item.mid(equals + 1)) : std::nullopt;
            const std::optional<Severity> severity =
                colon > 0 && equals == colon + 2 ? severityOfLetter(item[colon + 1]) : std::nullopt;
            if (!findings || !severity) {
                return std::nullopt;
            }
            facts.rules.append({decodedName(item.left(colon)), *severity, *findings});
            facts.bySeverity[std::size_t(*severity)] += *findings;
        }
    }
    return facts;
}

} // namespace annorev
