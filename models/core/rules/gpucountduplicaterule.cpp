#include "checkcontext.h"
#include "findinglist.h"
#include "rule.h"

#include <memory>

namespace annorev {

namespace {

class GpuCountDuplicateRule final : public Rule
{
public:
    const RuleInfo &info() const override
    {
        static const RuleInfo info{
            QLatin1StringView("gpu-count-duplicate"), Severity::Warning,
            QStringLiteral("A hardware span embeds a count equal to the record's gpu_count: the count is tagged "
                           "twice (the schema's hardware count policy is \"separate\")."),
            QStringLiteral("<gpu_count>256</gpu_count> ... <hardware>256 NVIDIA A100 GPUs</hardware>"),
            QStringLiteral("Drop the count from the hardware span: <hardware>NVIDIA A100 GPUs</hardware>."),
            true};
        return info;
    }

    void check(const CheckContext &context, FindingList *findings) const override
    {
        if (!context.schema().hardwareCountSeparate()) {
            return;
        }
        const DocumentAnalysis &analysis = context.analysis();
        const QList<Span> &spans = context.document().spans();
        for (const auto &[record, hardware] : context.hardwareSpans()) {
            const qsizetype gpuCount = analysis.firstParsed(record, ValueType::GpuCount);
            const auto embedded = context.embeddedCount(hardware);
            if (gpuCount < 0 || !embedded || embedded->value != qint64(analysis.value(gpuCount).number)) {
                continue;
            }
            const Span &span = spans[hardware];
            Finding result = finding(span.start, span.end,
                                     QStringLiteral("the count %1 is tagged twice: as gpu_count and inside hardware %2")
                                         .arg(embedded->value)
                                         .arg(context.quoted(hardware)));
            result.spans = {gpuCount, hardware};
            if (context.suggestsFixes()) {
                SpanEdit narrowed = SpanEdit::add(span.label, embedded->nameStart, embedded->nameEnd);
                narrowed.attributes = span.attributes;
                result.fix =
                    Fix{QStringLiteral("Drop the count from the hardware span"), {SpanEdit::remove(span), narrowed}};
            }
            findings->append(result);
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeGpuCountDuplicateRule()
{
    return std::make_unique<GpuCountDuplicateRule>();
}

} // namespace annorev
