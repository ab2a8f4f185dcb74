#include "checkcontext.h"
#include "findinglist.h"
#include "rule.h"

#include <memory>

namespace annorev {

namespace {

class AnnotationsMissingRule final : public Rule
{
public:
    const RuleInfo &info() const override
    {
        static const RuleInfo info{
            QLatin1StringView("annotations-missing"), Severity::Warning,
            QStringLiteral("The document has no entity span at all (tags with unknown names do not count)."),
            QStringLiteral("A survey of training techniques with no tag in it."),
            QStringLiteral("Tag the model facts the text states, or reject the document if it states none.")};
        return info;
    }

    void check(const CheckContext &context, FindingList *findings) const override
    {
        if (context.document().spans().isEmpty()) {
            findings->append(finding(0, 0, QStringLiteral("the document has no entity span")));
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeAnnotationsMissingRule()
{
    return std::make_unique<AnnotationsMissingRule>();
}

} // namespace annorev
