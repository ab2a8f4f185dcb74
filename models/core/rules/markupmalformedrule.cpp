#include "checkcontext.h"
#include "findinglist.h"
#include "rule.h"

#include <memory>

namespace annorev {

namespace {

class MarkupMalformedRule final : public Rule
{
public:
    const RuleInfo &info() const override
    {
        static const RuleInfo info{
            QLatin1StringView("markup-malformed"), Severity::Error,
            QStringLiteral("An entity tag is unclosed, closed without being opened, crosses another entity tag, "
                           "or is nested in one. The document still opens: unclosed and stray tags make no span, "
                           "nested and crossing pairs keep theirs."),
            QStringLiteral("<model>NeuroFlex-7B was trained</params> in <country>Canada"),
            QStringLiteral("Close the tag where the span ends, delete the stray tag, or untag one of two "
                           "overlapping spans.")};
        return info;
    }

    void check(const CheckContext &context, FindingList *findings) const override
    {
        for (const MarkupIssue &issue : context.document().markupIssues()) {
            QString message;
            switch (issue.kind) {
            case MarkupIssue::Unclosed:
                message = QStringLiteral("<%1> is never closed").arg(issue.tag);
                break;
            case MarkupIssue::Stray:
                message = QStringLiteral("</%1> closes no open <%1> tag").arg(issue.tag);
                break;
            case MarkupIssue::Crossing:
                message = QStringLiteral("<%1> crosses a tag opened inside it").arg(issue.tag);
                break;
            case MarkupIssue::Nested:
                message = QStringLiteral("<%1> is nested inside another entity span").arg(issue.tag);
                break;
            case MarkupIssue::SelfClosing:
                message = QStringLiteral("<%1/> has no text: an entity tag wraps the words it labels").arg(issue.tag);
                break;
            case MarkupIssue::UnknownLabel:
                continue;
            }
            Finding result = finding(issue.start, issue.end, message);
            result.sourceOffset = issue.sourceOffset;
            findings->append(result);
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeMarkupMalformedRule()
{
    return std::make_unique<MarkupMalformedRule>();
}

} // namespace annorev
