#include "checkcontext.h"
#include "findinglist.h"
#include "rule.h"
#include "valueformat.h"
#include "valuenormalizer.h"

#include <cmath>
#include <memory>

namespace annorev {

namespace {

class ParamsNameMismatchRule final : public Rule
{
public:
    const RuleInfo &info() const override
    {
        static const RuleInfo info{
            QLatin1StringView("params-name-mismatch"), Severity::Warning,
            QStringLiteral("The model name carries a size (7B, 12B, 1.3B, 350M, 1T: its last size token not glued "
                           "to a letter, digit or '.', so Mixtral-8x7B has none) and params differs from it by more "
                           "than 25%."),
            QStringLiteral("<model>NeuroFlex-7B</model> ... <params>70 billion parameters</params>"),
            QStringLiteral("Check the parameter count against the paper; it may belong to another model.")};
        return info;
    }

    void check(const CheckContext &context, FindingList *findings) const override
    {
        const DocumentAnalysis &analysis = context.analysis();
        for (qsizetype record = 0; record < analysis.records().size(); ++record) {
            const QString &model = analysis.records().at(record).model;
            const auto size = ValueNormalizer::modelNameSize(model);
            const qsizetype params = analysis.firstParsed(record, ValueType::Params);
            if (!size || params < 0) {
                continue;
            }
            const double value = analysis.value(params).number;
            if (std::abs(value - *size) <= 0.25 * *size) {
                continue;
            }
            const Span &span = context.document().spans().at(params);
            Finding result = finding(span.start, span.end,
                                     QStringLiteral("the name %1 says %2 parameters but params %3 is %4")
                                         .arg(model, ValueFormat::count(*size), context.quoted(params),
                                              ValueFormat::count(value)));
            result.spans = {params};
            findings->append(result);
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeParamsNameMismatchRule()
{
    return std::make_unique<ParamsNameMismatchRule>();
}

} // namespace annorev
