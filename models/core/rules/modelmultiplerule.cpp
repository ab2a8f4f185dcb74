#include "checkcontext.h"
#include "findinglist.h"
#include "rule.h"

#include <QStringList>

#include <memory>

namespace annorev {

namespace {

class ModelMultipleRule final : public Rule
{
public:
    const RuleInfo &info() const override
    {
        static const RuleInfo info{
            QLatin1StringView("model-multiple"), Severity::Info,
            QStringLiteral("More than one distinct model name: the document yields one record per model, and each "
                           "other span belongs to the nearest model mentioned before it (or to record=\"N\")."),
            QStringLiteral("<model>NeuralReasoner-12B</model> ... a distilled <model>NeuralReasoner-3B</model>"),
            QStringLiteral("Check that each span sits in the right record; move one with record=\"N\".")};
        return info;
    }

    void check(const CheckContext &context, FindingList *findings) const override
    {
        const QList<Record> &records = context.analysis().records();
        if (records.size() < 2) {
            return;
        }
        QStringList names;
        for (const Record &record : records) {
            names << record.model;
        }
        findings->append(finding(0, 0, QStringLiteral("%1 distinct models (%2): one record each")
                                           .arg(records.size())
                                           .arg(names.join(QStringLiteral(", ")))));
    }
};

} // namespace

std::unique_ptr<Rule> makeModelMultipleRule()
{
    return std::make_unique<ModelMultipleRule>();
}

} // namespace annorev
