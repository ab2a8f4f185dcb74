#include "checkcontext.h"
#include "countryaliases.h"
#include "findinglist.h"
#include "rule.h"

#include <cmath>
#include <memory>

namespace annorev {

namespace {

class FieldConflictRule final : public Rule
{
public:
    const RuleInfo &info() const override
    {
        static const RuleInfo info{
            QLatin1StringView("field-conflict"), Severity::Error,
            QStringLiteral("In one record, two spans of a single-valued label normalise to different values. "
                           "params may differ by 1% of the larger; training hours must be equal; countries are "
                           "compared after aliases and hardware after normalisation, both ignoring case. Spans "
                           "that do not parse are left out."),
            QStringLiteral("<params>7.2 billion</params> ... <params>6.7B</params> in one record"),
            QStringLiteral("Keep the span with the right value and untag or correct the other; move a span that "
                           "belongs to another model with record=\"N\".")};
        return info;
    }

    void check(const CheckContext &context, FindingList *findings) const override
    {
        const DocumentAnalysis &analysis = context.analysis();
        const QList<Span> &spans = context.document().spans();
        for (qsizetype record = 0; record < analysis.records().size(); ++record) {
            for (const LabelInfo &label : context.schema().labels()) {
                if (!label.singleValued || label.type == ValueType::Model) {
                    continue;
                }
                qsizetype first = -1;
                for (qsizetype span : analysis.records().at(record).spans) {
                    if (spans[span].label != label.name || !analysis.value(span).parsed) {
                        continue;
                    }
                    if (first < 0) {
                        first = span;
                        continue;
                    }
                    if (same(context, label.type, analysis.value(first), analysis.value(span))) {
                        continue;
                    }
                    Finding result = finding(spans[span].start, spans[span].end,
                                             QStringLiteral("%1 of %2: %3 (%4) here, but %5 (%6) earlier")
                                                 .arg(label.name, context.recordName(record), context.quoted(span),
                                                      context.describeValue(span), context.quoted(first),
                                                      context.describeValue(first)));
                    result.spans = {first, span};
                    findings->append(result);
                }
            }
        }
    }

private:
    static bool same(const CheckContext &context, ValueType type, const SpanValue &a, const SpanValue &b)
    {
        switch (type) {
        case ValueType::Params:
            return std::abs(a.number - b.number) <= 0.01 * std::max(std::abs(a.number), std::abs(b.number));
        case ValueType::GpuCount:
        case ValueType::Year:
        case ValueType::Training:
            return a.number == b.number;
        case ValueType::Country:
            return context.countries().canonical(a.text).compare(context.countries().canonical(b.text),
                                                                 Qt::CaseInsensitive) == 0;
        case ValueType::Hardware:
            return a.text.compare(b.text, Qt::CaseInsensitive) == 0;
        default:
            return a.text == b.text;
        }
    }
};

} // namespace

std::unique_ptr<Rule> makeFieldConflictRule()
{
    return std::make_unique<FieldConflictRule>();
}

} // namespace annorev
