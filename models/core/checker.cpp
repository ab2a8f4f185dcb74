#include "checker.h"

#include "checkcontext.h"
#include "document.h"
#include "findinglist.h"
#include "ruleset.h"

#include <numeric>

namespace annorev {

namespace {

// A stable sort of the findings by their order's indexes, applied by swaps.
template<typename Before>
void sortInPlace(QList<Finding> &findings, const Before &before)
{
    QList<qsizetype> order(findings.size());
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(),
                     [&findings, &before](qsizetype a, qsizetype b) { return before(findings[a], findings[b]); });
    // order[i] is the finding that belongs at i; follow each cycle once.
    for (qsizetype i = 0; i < order.size(); ++i) {
        qsizetype at = i;
        while (order[at] != i) {
            const qsizetype from = order[at];
            std::swap(findings[at], findings[from]);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

} // namespace

Checker::Checker(const Schema &schema, const CountryAliases &countries, int currentYear, Fixes fixes)
    : m_schema(schema)
    , m_countries(countries)
    , m_currentYear(currentYear)
    , m_fixes(fixes)
{
}

CheckResult Checker::check(const Document &doc) const
{
    CheckResult result{DocumentAnalysis::analyze(doc, m_schema, m_countries), {}};
    const CheckContext context(doc, m_schema, result.analysis, m_countries, m_currentYear, m_fixes == Fixes::Suggest);
    const RuleSet &rules = RuleSet::builtin();
    FindingList reported;
    for (const auto &rule : rules.rules()) {
        rule->check(context, &reported);
    }
    result.findings = reported.take();
    QList<Finding> &findings = result.findings;
    const auto before = [](const Finding &a, const Finding &b) {
        return a.start != b.start ? a.start < b.start : a.end < b.end;
    };
    // Most documents have a finding or none: nothing to sort, and no order list to allocate.
    if (findings.size() < 2) {
        return result;
    }
    // Rules run in registry order, so a stable sort by position leaves ties in rule order. The
    // order is sorted as indexes and applied by swaps: sorting the findings themselves would move
    // them through a buffer as large as the list.
    if (!std::is_sorted(findings.cbegin(), findings.cend(), before)) {
        sortInPlace(findings, before);
    }
    const auto duplicate = std::unique(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        return a.rule == b.rule && a.start == b.start && a.end == b.end;
    });
    findings.erase(duplicate, findings.end());
    return result;
}

} // namespace annorev
