#include "textfacts.h"

#include "checker.h"
#include "document.h"
#include "schema.h"

#include <QStringList>

namespace annorev {

namespace {

QString joinedSet(QStringList names)
{
    names.sort();
    names.removeDuplicates();
    // Empty, not null: a null QString is bound as NULL.
    return names.isEmpty() ? QStringLiteral("") : names.join(u' ');
}

} // namespace

TextFacts TextFacts::of(const Document &doc, const QList<Finding> &findings)
{
    TextFacts facts;
    facts.counts.add(findings);
    QStringList labels;
    for (const Span &span : doc.spans()) {
        labels.append(span.label);
    }
    QStringList rules;
    for (const Finding &finding : findings) {
        rules.append(finding.rule);
    }
    facts.labels = joinedSet(std::move(labels));
    facts.rules = joinedSet(std::move(rules));
    facts.plainText = doc.text().isNull() ? QStringLiteral("") : doc.text();
    return facts;
}

TextFacts TextFacts::of(const QByteArray &taggedText, const Schema &schema, const Checker &checker)
{
    const Document doc = Document::parse(taggedText, schema);
    return of(doc, checker.check(doc).findings);
}

} // namespace annorev
