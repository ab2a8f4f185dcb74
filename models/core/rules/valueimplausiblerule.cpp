#include "checkcontext.h"
#include "findinglist.h"
#include "rule.h"
#include "valueformat.h"

#include <memory>

namespace annorev {

namespace {

class ValueImplausibleRule final : public Rule
{
public:
    const RuleInfo &info() const override
    {
        static const RuleInfo info{
            QLatin1StringView("value-implausible"), Severity::Warning,
            QStringLiteral("A value outside what is plausible: a year before 1950 or after next year, params "
                           "outside 10³–10¹⁵, gpu_count outside 1–10⁶, training not within (0, 43,800] hours "
                           "(five years). The value still fills the record."),
            QStringLiteral("released in <year>1850</year>; <params>7.2e20</params>"),
            QStringLiteral("Correct the value, or the tag if it labels something else.")};
        return info;
    }

    void check(const CheckContext &context, FindingList *findings) const override
    {
        const QList<Span> &spans = context.document().spans();
        for (qsizetype i = 0; i < spans.size(); ++i) {
            const SpanValue &value = context.analysis().value(i);
            if (!value.parsed) {
                continue;
            }
            QString range;
            switch (context.analysis().typeOf(i)) {
            case ValueType::Year:
                if (value.number < 1950 || value.number > context.currentYear() + 1) {
                    range = QStringLiteral("1950–%1").arg(context.currentYear() + 1);
                }
                break;
            case ValueType::Params:
                if (value.number < 1e3 || value.number > 1e15) {
                    range = QStringLiteral("%1–%2").arg(ValueFormat::count(1e3), ValueFormat::count(1e15));
                }
                break;
            case ValueType::GpuCount:
                if (value.number < 1 || value.number > 1e6) {
                    range = QStringLiteral("1–1,000,000");
                }
                break;
            case ValueType::Training:
                if (value.number <= 0 || value.number > 43800) {
                    range = QStringLiteral("more than 0 and at most 43,800 h");
                }
                break;
            default:
                break;
            }
            if (range.isEmpty()) {
                continue;
            }
            Finding result = finding(spans[i].start, spans[i].end,
                                     QStringLiteral("%1 %2 (%3) is outside the plausible range %4")
                                         .arg(spans[i].label, context.quoted(i), context.describeValue(i), range));
            result.spans = {i};
            findings->append(result);
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeValueImplausibleRule()
{
    return std::make_unique<ValueImplausibleRule>();
}

} // namespace annorev
