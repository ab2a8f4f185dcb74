#include "checkcontext.h"
#include "findinglist.h"
#include "rule.h"

#include <memory>

namespace annorev {

namespace {

class HardwareCountEmbeddedRule final : public Rule
{
public:
    const RuleInfo &info() const override
    {
        static const RuleInfo info{
            QLatin1StringView("hardware-count-embedded"), Severity::Warning,
            QStringLiteral("A hardware span starts with a count and the record has no gpu_count span: the count "
                           "belongs in its own gpu_count span. The count may be glued to the name by x or × "
                           "(8xA100-80GB, 64×H100); an x between digits (4x4) or before a lower-case word "
                           "(24xlarge) is not a count."),
            QStringLiteral("<hardware>768 NVIDIA A100 GPUs</hardware>, <hardware>8x A100</hardware>, "
                           "<hardware>8xA100-80GB</hardware>"),
            QStringLiteral("Split it: <gpu_count>768</gpu_count> <hardware>NVIDIA A100 GPUs</hardware>."),
            true};
        return info;
    }

    void check(const CheckContext &context, FindingList *findings) const override
    {
        if (!context.schema().hardwareCountSeparate()) {
            return;
        }
        const QString gpuCountLabel = context.schema().labelFor(ValueType::GpuCount);
        const QList<Span> &spans = context.document().spans();
        for (const auto &[record, hardware] : context.hardwareSpans()) {
            const auto embedded = context.embeddedCount(hardware);
            if (!embedded || context.analysis().hasSpan(record, ValueType::GpuCount)) {
                continue;
            }
            const Span &span = spans[hardware];
            Finding result = finding(span.start, span.end,
                                     QStringLiteral("hardware %1 holds the count %2: it belongs in a gpu_count span")
                                         .arg(context.quoted(hardware))
                                         .arg(embedded->value));
            result.spans = {hardware};
            if (context.suggestsFixes() && !gpuCountLabel.isEmpty()) {
                SpanEdit name = SpanEdit::add(span.label, embedded->nameStart, embedded->nameEnd);
                name.attributes = span.attributes;
                result.fix = Fix{QStringLiteral("Split into gpu_count %1 and hardware").arg(embedded->value),
                                 {SpanEdit::remove(span), SpanEdit::add(gpuCountLabel, embedded->start, embedded->end),
                                  name}};
            }
            findings->append(result);
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeHardwareCountEmbeddedRule()
{
    return std::make_unique<HardwareCountEmbeddedRule>();
}

} // namespace annorev
