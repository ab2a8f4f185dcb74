#include "documentanalysis.h"

#include "countryaliases.h"
#include "document.h"
#include "valuenormalizer.h"

#include <QHash>

namespace annorev {

namespace {

SpanValue normalise(ValueType type, QStringView text, const CountryAliases &countries)
{
    SpanValue value;
    const QStringView trimmed = text.trimmed();
    auto setNumber = [&value](auto parsed) {
        if (parsed) {
            value.parsed = true;
            value.number = double(*parsed);
        }
    };
    switch (type) {
    case ValueType::Params:
        setNumber(ValueNormalizer::params(trimmed));
        break;
    case ValueType::GpuCount:
        setNumber(ValueNormalizer::gpuCount(trimmed));
        break;
    case ValueType::Year:
        setNumber(ValueNormalizer::year(trimmed));
        break;
    case ValueType::Training:
        if (const auto time = ValueNormalizer::training(trimmed)) {
            value.parsed = true;
            value.number = time->hours;
            value.approximate = time->approximate;
        }
        break;
    case ValueType::Hardware:
        value.text = ValueNormalizer::hardware(trimmed);
        value.parsed = !value.text.isEmpty();
        break;
    case ValueType::Country:
        value.text = countries.canonical(trimmed);
        value.parsed = !value.text.isEmpty();
        break;
    case ValueType::Model:
    case ValueType::Text:
        value.text = trimmed.toString();
        value.parsed = !value.text.isEmpty();
        break;
    }
    return value;
}

} // namespace

DocumentAnalysis DocumentAnalysis::analyze(const Document &doc, const Schema &schema, const CountryAliases &countries)
{
    DocumentAnalysis analysis;
    const QList<Span> &spans = doc.spans();
    analysis.m_values.reserve(spans.size());
    analysis.m_types.reserve(spans.size());
    analysis.m_recordOfSpan.fill(-1, spans.size());
    for (const Span &span : spans) {
        const ValueType type = schema.typeOf(span.label);
        analysis.m_types.append(type);
        analysis.m_values.append(normalise(type, QStringView(doc.text()).sliced(span.start, span.length()), countries));
    }
    if (spans.isEmpty()) {
        return analysis;
    }

    QHash<QString, qsizetype> recordByModel;
    for (qsizetype i = 0; i < spans.size(); ++i) {
        if (analysis.m_types[i] != ValueType::Model) {
            continue;
        }
        const QString &name = analysis.m_values[i].text;
        auto it = recordByModel.constFind(name);
        if (it == recordByModel.cend()) {
            it = recordByModel.insert(name, analysis.m_records.size());
            analysis.m_records.append(Record{name, {}});
        }
        analysis.m_recordOfSpan[i] = *it;
    }
    if (analysis.m_records.isEmpty()) {
        analysis.m_records.append(Record{});
    }

    qsizetype current = 0;
    for (qsizetype i = 0; i < spans.size(); ++i) {
        if (analysis.m_types[i] == ValueType::Model) {
            current = analysis.m_recordOfSpan[i];
        } else {
            const int chosen = spans[i].recordAttribute();
            analysis.m_recordOfSpan[i] =
                chosen > 0 && chosen <= analysis.m_records.size() ? qsizetype(chosen - 1) : current;
        }
        analysis.m_records[analysis.m_recordOfSpan[i]].spans.append(i);
    }
    return analysis;
}

QList<qsizetype> DocumentAnalysis::spansOf(qsizetype record, ValueType type) const
{
    QList<qsizetype> result;
    for (qsizetype span : m_records.at(record).spans) {
        if (m_types.at(span) == type) {
            result.append(span);
        }
    }
    return result;
}

qsizetype DocumentAnalysis::firstParsed(qsizetype record, ValueType type) const
{
    for (qsizetype span : m_records.at(record).spans) {
        if (m_types.at(span) == type && m_values.at(span).parsed) {
            return span;
        }
    }
    return -1;
}

bool DocumentAnalysis::hasSpan(qsizetype record, ValueType type) const
{
    for (qsizetype span : m_records.at(record).spans) {
        if (m_types.at(span) == type) {
            return true;
        }
    }
    return false;
}

} // namespace annorev
