#include "checkcontext.h"
#include "findinglist.h"
#include "rule.h"

#include <memory>

namespace annorev {

namespace {

class ModelMissingRule final : public Rule
{
public:
    const RuleInfo &info() const override
    {
        static const RuleInfo info{
            QLatin1StringView("model-missing"), Severity::Warning,
            QStringLiteral("The document has spans but no model span, so its record has no model name."),
            QStringLiteral("Our model comprises <params>65 billion parameters</params>."),
            QStringLiteral("Tag the model's name where the text gives it.")};
        return info;
    }

    void check(const CheckContext &context, FindingList *findings) const override
    {
        const qsizetype spans = context.document().spans().size();
        if (spans == 0) {
            return;
        }
        for (qsizetype i = 0; i < spans; ++i) {
            if (context.analysis().typeOf(i) == ValueType::Model) {
                return;
            }
        }
        findings->append(finding(0, 0, QStringLiteral("%1 span(s) but no model span: the record has no model name")
                                           .arg(spans)));
    }
};

} // namespace

std::unique_ptr<Rule> makeModelMissingRule()
{
    return std::make_unique<ModelMissingRule>();
}

} // namespace annorev
