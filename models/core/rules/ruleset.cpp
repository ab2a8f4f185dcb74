#include "ruleset.h"

namespace annorev {

// Each rule lives in its own file; adding one means writing that file and naming it here, before
// findings-limited, which tells of what the others reported past the limit.
std::unique_ptr<Rule> makeMarkupMalformedRule();
std::unique_ptr<Rule> makeLabelUnknownRule();
std::unique_ptr<Rule> makeAnnotationsMissingRule();
std::unique_ptr<Rule> makeModelMissingRule();
std::unique_ptr<Rule> makeModelMultipleRule();
std::unique_ptr<Rule> makeValueUnparsedRule();
std::unique_ptr<Rule> makeValueImplausibleRule();
std::unique_ptr<Rule> makeFieldConflictRule();
std::unique_ptr<Rule> makeGpuCountMismatchRule();
std::unique_ptr<Rule> makeGpuCountDuplicateRule();
std::unique_ptr<Rule> makeHardwareCountEmbeddedRule();
std::unique_ptr<Rule> makeGpuCountUntaggedRule();
std::unique_ptr<Rule> makeParamsNameMismatchRule();
std::unique_ptr<Rule> makeMentionUntaggedRule();
std::unique_ptr<Rule> makeSpanBoundaryRule();
std::unique_ptr<Rule> makeEncodingSuspectRule();
std::unique_ptr<Rule> makeFindingsLimitedRule();

RuleSet::RuleSet()
{
    for (auto make : {makeMarkupMalformedRule, makeLabelUnknownRule, makeAnnotationsMissingRule, makeModelMissingRule,
                      makeModelMultipleRule, makeValueUnparsedRule, makeValueImplausibleRule, makeFieldConflictRule,
                      makeGpuCountMismatchRule, makeGpuCountDuplicateRule, makeHardwareCountEmbeddedRule,
                      makeGpuCountUntaggedRule, makeParamsNameMismatchRule, makeMentionUntaggedRule,
                      makeSpanBoundaryRule, makeEncodingSuspectRule, makeFindingsLimitedRule}) {
        m_rules.push_back(make());
    }
}

const RuleSet &RuleSet::builtin()
{
    static const RuleSet rules;
    return rules;
}

const Rule *RuleSet::find(QStringView id) const
{
    for (const auto &rule : m_rules) {
        if (rule->info().id == id) {
            return rule.get();
        }
    }
    return nullptr;
}

} // namespace annorev
