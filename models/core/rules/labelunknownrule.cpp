#include "checkcontext.h"
#include "findinglist.h"
#include "rule.h"

#include <QStringList>

#include <memory>

namespace annorev {

namespace {

class LabelUnknownRule final : public Rule
{
public:
    const RuleInfo &info() const override
    {
        static const RuleInfo info{
            QLatin1StringView("label-unknown"), Severity::Warning,
            QStringLiteral("A tag whose name is neither a label of the schema nor an HTML element. Its text is "
                           "kept as untagged text. Labels are case-sensitive; HTML element names are not."),
            QStringLiteral("trained on <gpu_type>NVIDIA A100</gpu_type> GPUs"),
            QStringLiteral("Tag the text with a schema label (here hardware) or remove the tag.")};
        return info;
    }

    void check(const CheckContext &context, FindingList *findings) const override
    {
        QString labels;
        for (const MarkupIssue &issue : context.document().markupIssues()) {
            if (issue.kind != MarkupIssue::UnknownLabel) {
                continue;
            }
            if (labels.isEmpty()) {
                QStringList names;
                for (const LabelInfo &label : context.schema().labels()) {
                    names << label.name;
                }
                labels = names.join(QStringLiteral(", "));
            }
            Finding result = finding(issue.start, issue.end,
                                     QStringLiteral("<%1> is not a label of the schema (%2)")
                                         .arg(issue.tag, labels));
            result.sourceOffset = issue.sourceOffset;
            findings->append(result);
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeLabelUnknownRule()
{
    return std::make_unique<LabelUnknownRule>();
}

} // namespace annorev
