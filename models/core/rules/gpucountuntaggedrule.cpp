#include "checkcontext.h"
#include "findinglist.h"
#include "rule.h"

#include <memory>

namespace annorev {

namespace {

class GpuCountUntaggedRule final : public Rule
{
public:
    const RuleInfo &info() const override
    {
        static const RuleInfo info{
            QLatin1StringView("gpu-count-untagged"), Severity::Warning,
            QStringLiteral("In the sentence of a hardware span, an untagged integer of 2 or more is attached to the "
                           "hardware, and the record has no gpu_count span. Attached means directly before the span "
                           "(only white space and an optional x or × between; 8xA100 and 64×H100 glue a count to "
                           "a name), or followed by the span's own text "
                           "and/or a device word (GPUs, TPUs, accelerators, chips). Numbers glued to a hyphen "
                           "(ZeRO-3, 8-GPU) and decimals are not counts."),
            QStringLiteral("512 <hardware>NVIDIA A100 80GB GPUs</hardware>; "
                           "256 NVIDIA A100 GPUs (<hardware>NVIDIA A100</hardware>)"),
            QStringLiteral("Tag the count: <gpu_count>512</gpu_count> <hardware>NVIDIA A100 80GB GPUs</hardware>."),
            true};
        return info;
    }

    void check(const CheckContext &context, FindingList *findings) const override
    {
        const QString gpuCountLabel = context.schema().labelFor(ValueType::GpuCount);
        const AttachedCounts &attached = context.attachedCounts();
        for (const AttachedCount &count : attached.kept) {
            const qsizetype hardware = count.untaggedHardware;
            if (hardware < 0) {
                continue;
            }
            Finding result = finding(count.start, count.end,
                                     QStringLiteral("the count %1 next to hardware %2 is not tagged as gpu_count")
                                         .arg(count.value)
                                         .arg(context.quoted(hardware)));
            result.spans = {hardware};
            if (context.suggestsFixes() && !gpuCountLabel.isEmpty()) {
                result.fix = Fix{QStringLiteral("Tag %1 as gpu_count").arg(count.value),
                                 {SpanEdit::add(gpuCountLabel, count.start, count.end)}};
            }
            findings->append(result);
        }
        findings->countLeftOut(attached.untaggedLeftOut);
    }
};

} // namespace

std::unique_ptr<Rule> makeGpuCountUntaggedRule()
{
    return std::make_unique<GpuCountUntaggedRule>();
}

} // namespace annorev
