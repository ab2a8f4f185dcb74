#include "checkcontext.h"
#include "findinglist.h"
#include "rule.h"

#include <memory>

namespace annorev {

namespace {

class GpuCountMismatchRule final : public Rule
{
public:
    const RuleInfo &info() const override
    {
        static const RuleInfo info{
            QLatin1StringView("gpu-count-mismatch"), Severity::Error,
            QStringLiteral("Two counts for one record disagree: the record's first gpu_count against a count "
                           "inside a hardware span, or against an untagged count attached to the hardware mention."),
            QStringLiteral("<gpu_count>256</gpu_count> ... 512 <hardware>NVIDIA A100</hardware>"),
            QStringLiteral("Find which count the paper means and correct the other.")};
        return info;
    }

    void check(const CheckContext &context, FindingList *findings) const override
    {
        const DocumentAnalysis &analysis = context.analysis();
        const QList<Span> &spans = context.document().spans();
        for (const auto &[record, hardware] : context.hardwareSpans()) {
            const qsizetype gpuCount = analysis.firstParsed(record, ValueType::GpuCount);
            if (gpuCount < 0) {
                continue;
            }
            const auto tagged = qint64(analysis.value(gpuCount).number);
            if (const auto embedded = context.embeddedCount(hardware); embedded && embedded->value != tagged) {
                Finding result = finding(spans[hardware].start, spans[hardware].end,
                                         QStringLiteral("gpu_count %1 disagrees with the count %2 inside hardware %3")
                                             .arg(tagged)
                                             .arg(embedded->value)
                                             .arg(context.quoted(hardware)));
                result.spans = {gpuCount, hardware};
                findings->append(result);
            }
        }
        const AttachedCounts &attached = context.attachedCounts();
        for (const AttachedCount &count : attached.kept) {
            const qsizetype hardware = count.mismatchedHardware;
            if (hardware < 0) {
                continue;
            }
            const qsizetype gpuCount = analysis.firstParsed(analysis.recordOf(hardware), ValueType::GpuCount);
            Finding result = finding(count.start, count.end,
                                     QStringLiteral("gpu_count %1 disagrees with the untagged count %2 next to "
                                                    "hardware %3")
                                         .arg(qint64(analysis.value(gpuCount).number))
                                         .arg(count.value)
                                         .arg(context.quoted(hardware)));
            result.spans = {gpuCount, hardware};
            findings->append(result);
        }
        findings->countLeftOut(attached.mismatchedLeftOut);
    }
};

} // namespace

std::unique_ptr<Rule> makeGpuCountMismatchRule()
{
    return std::make_unique<GpuCountMismatchRule>();
}

} // namespace annorev
