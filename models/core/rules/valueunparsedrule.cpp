#include "checkcontext.h"
#include "findinglist.h"
#include "rule.h"

#include <memory>

namespace annorev {

namespace {

class ValueUnparsedRule final : public Rule
{
public:
    const RuleInfo &info() const override
    {
        static const RuleInfo info{
            QLatin1StringView("value-unparsed"), Severity::Warning,
            QStringLiteral("A params, gpu_count, training or year span whose text cannot be normalised: a range, "
                           "an unknown unit, or words around the number (gpu_count and year take digits only)."),
            QStringLiteral("<gpu_count>512 GPUs</gpu_count>, <training>2-3 weeks</training>"),
            QStringLiteral("Tag only the value (<gpu_count>512</gpu_count> GPUs); write a range as the value the "
                           "paper reports, or untag it."),
            true};
        return info;
    }

    void check(const CheckContext &context, FindingList *findings) const override
    {
        const QList<Span> &spans = context.document().spans();
        for (qsizetype i = 0; i < spans.size(); ++i) {
            const ValueType type = context.analysis().typeOf(i);
            if ((type != ValueType::Params && type != ValueType::GpuCount && type != ValueType::Training &&
                 type != ValueType::Year) ||
                context.analysis().value(i).parsed) {
                continue;
            }
            Finding result = finding(spans[i].start, spans[i].end,
                                     QStringLiteral("%1 %2 cannot be read as %3")
                                         .arg(spans[i].label, context.quoted(i), expected(type)));
            result.spans = {i};
            if (context.suggestsFixes() && (type == ValueType::GpuCount || type == ValueType::Year)) {
                result.fix = numberOnly(context, i);
            }
            findings->append(result);
        }
    }

private:
    static QString expected(ValueType type)
    {
        switch (type) {
        case ValueType::Params:
            return QStringLiteral("a parameter count (\"7.2 billion\", \"65B\")");
        case ValueType::GpuCount:
            return QStringLiteral("a whole number (digits only: \"256\", \"1,024\")");
        case ValueType::Training:
            return QStringLiteral("a duration (\"21 days\", \"approximately 6 weeks\")");
        default:
            return QStringLiteral("a year (digits only)");
        }
    }

    // "<gpu_count>512 GPUs</gpu_count>" -> "<gpu_count>512</gpu_count> GPUs".
    static std::optional<Fix> numberOnly(const CheckContext &context, qsizetype span)
    {
        const auto [start, end] = context.trimmedRange(span);
        qsizetype digitsEnd = start;
        while (digitsEnd < end && (context.text().at(digitsEnd).isDigit() || context.text().at(digitsEnd) == u',')) {
            ++digitsEnd;
        }
        while (digitsEnd > start && context.text().at(digitsEnd - 1) == u',') {
            --digitsEnd;
        }
        if (digitsEnd == start || digitsEnd == end) {
            return std::nullopt;
        }
        const Span &s = context.document().spans().at(span);
        SpanEdit add = SpanEdit::add(s.label, start, digitsEnd);
        add.attributes = s.attributes;
        return Fix{QStringLiteral("Tag only the number %1").arg(context.text().mid(start, digitsEnd - start)),
                   {SpanEdit::remove(s), add}};
    }
};

} // namespace

std::unique_ptr<Rule> makeValueUnparsedRule()
{
    return std::make_unique<ValueUnparsedRule>();
}

} // namespace annorev
