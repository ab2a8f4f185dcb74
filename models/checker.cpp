#include "checker.h"

#include "checkcontext.h"
#include "document.h"
#include "ruleset.h"

namespace annorev {

Checker::Checker(const Schema &schema, const CountryAliases &countries, int currentYear)
    : m_schema(schema)
    , m_countries(countries)
    , m_currentYear(currentYear)
{
}

CheckResult Checker::check(const Document &doc) const
{
    CheckResult result{DocumentAnalysis::analyze(doc, m_schema, m_countries), {}};
    const CheckContext context(doc, m_schema, result.analysis, m_countries, m_currentYear);
    const RuleSet &rules = RuleSet::builtin();
    for (const auto &rule : rules.rules()) {
        rule->check(context, &result.findings);
    }
    QList<Finding> &findings = result.findings;
    // Rules run in registry order, so a stable sort by position leaves ties in rule order.
    std::stable_sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        return a.start != b.start ? a.start < b.start : a.end < b.end;
    });
    const auto duplicate = std::unique(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        return a.rule == b.rule && a.start == b.start && a.end == b.end;
    });
    findings.erase(duplicate, findings.end());
    return result;
}

} // namespace annorev
