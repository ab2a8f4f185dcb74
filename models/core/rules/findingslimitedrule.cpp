#include "findinglist.h"
#include "rule.h"

#include <QLocale>

#include <memory>

namespace annorev {

namespace {

// Runs after every other rule: FindingList counted what they reported past its limit.
class FindingsLimitedRule final : public Rule
{
public:
    const RuleInfo &info() const override
    {
        static const RuleInfo info{
            QLatin1StringView("findings-limited"), Severity::Error,
            QStringLiteral("The document has more findings than annorev lists for one document (%1): the first "
                           "ones the rules reported are listed, and this finding says how many more there are.")
                .arg(QLocale(QLocale::English).toString(FindingList::limit)),
            QStringLiteral("a document that mentions <model>X</model> and then X untagged on each of its 200,000 lines"),
            QStringLiteral("Fix the mistake the listed findings show across the document (or split it), then check "
                           "it again.")};
        return info;
    }

    void check(const CheckContext &, FindingList *findings) const override
    {
        if (findings->leftOut() == 0) {
            return;
        }
        const QLocale english(QLocale::English);
        findings->appendPastLimit(finding(0, 0, QStringLiteral("%1 more findings are not listed: a document lists at "
                                                               "most %2 (README › Limits)")
                                                    .arg(english.toString(findings->leftOut()),
                                                         english.toString(FindingList::limit))));
    }
};

} // namespace

std::unique_ptr<Rule> makeFindingsLimitedRule()
{
    return std::make_unique<FindingsLimitedRule>();
}

} // namespace annorev
