#include "recordfield.h"

#include "documentanalysis.h"

namespace annorev {

std::span<const RecordField> RecordField::all()
{
    static constexpr RecordField fields[] = {{"model", ValueType::Model},       {"params", ValueType::Params},
                                             {"hardware", ValueType::Hardware}, {"gpu_count", ValueType::GpuCount},
                                             {"training_hours", ValueType::Training}, {"country", ValueType::Country},
                                             {"year", ValueType::Year}};
    return fields;
}

RecordField::Value RecordField::value(const DocumentAnalysis &analysis, qsizetype record) const
{
    Value result;
    if (type == ValueType::Model) {
        const QString &model = analysis.records().at(record).model;
        if (!model.isEmpty()) {
            result.kind = Value::Kind::Text;
            result.text = model;
        }
        return result;
    }
    const qsizetype span = analysis.firstParsed(record, type);
    if (span < 0) {
        return result;
    }
    if (type == ValueType::Hardware || type == ValueType::Country) {
        result.kind = Value::Kind::Text;
        result.text = analysis.value(span).text;
    } else {
        result.kind = Value::Kind::Number;
        result.number = analysis.value(span).number;
    }
    return result;
}

} // namespace annorev
