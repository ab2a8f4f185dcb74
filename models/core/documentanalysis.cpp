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
    analysis.m_spans.resize(spans.size());
    // Capped: a dense document's values are mostly shared, and would leave most of a full reserve unused.
    analysis.m_values.reserve(std::min<qsizetype>(spans.size(), 256));
    // Long documents repeat their names and numbers: a span of a type reading as the last one did
    // shares its value instead of normalising and storing it again.
    std::array<std::pair<QStringView, qint32>, typeCount> last;
    last.fill({QStringView(), -1});
    for (qsizetype i = 0; i < spans.size(); ++i) {
        const Span &span = spans[i];
        const ValueType type = schema.typeOf(span.label);
        PerSpan &facts = analysis.m_spans[i];
        facts.type = quint8(type);
        const QStringView text = QStringView(doc.text()).sliced(span.start, span.length());
        auto &[lastText, lastIndex] = last[std::size_t(type)];
        if (lastIndex < 0 || text != lastText) {
            lastIndex = qint32(analysis.m_values.size());
            analysis.m_values.append(normalise(type, text, countries));
        }
        lastText = text;
        facts.value = lastIndex;
    }
    if (spans.isEmpty()) {
        return analysis;
    }

    // Most documents name one to three models: a scan beats hashing until there are many.
    constexpr qsizetype scanLimit = 8;
    QHash<QString, qsizetype> recordByModel;
    auto recordFor = [&](const QString &name) {
        if (analysis.m_records.size() <= scanLimit) {
            for (qsizetype r = 0; r < analysis.m_records.size(); ++r) {
                if (analysis.m_records[r].model == name) {
                    return r;
                }
            }
            if (analysis.m_records.size() == scanLimit) {
                for (qsizetype r = 0; r < analysis.m_records.size(); ++r) {
                    recordByModel.insert(analysis.m_records[r].model, r);
                }
            }
        } else if (const auto it = recordByModel.constFind(name); it != recordByModel.cend()) {
            return *it;
        }
        const qsizetype added = analysis.m_records.size();
        analysis.m_records.append(Record{name, {}});
        if (added >= scanLimit) {
            recordByModel.insert(name, added);
        }
        return added;
    };
    for (qsizetype i = 0; i < spans.size(); ++i) {
        if (analysis.typeOf(i) == ValueType::Model) {
            analysis.m_spans[i].record = qint32(recordFor(analysis.value(i).text));
        }
    }
    if (analysis.m_records.isEmpty()) {
        analysis.m_records.append(Record{});
    }

    qsizetype current = 0;
    for (qsizetype i = 0; i < spans.size(); ++i) {
        PerSpan &facts = analysis.m_spans[i];
        if (ValueType(facts.type) == ValueType::Model) {
            current = facts.record;
        } else {
            const int chosen = spans[i].recordAttribute();
            facts.record = qint32(chosen > 0 && chosen <= analysis.m_records.size() ? qsizetype(chosen - 1) : current);
        }
        QList<qsizetype> &recordSpans = analysis.m_records[facts.record].spans;
        if (recordSpans.isEmpty()) {
            recordSpans.reserve(std::min<qsizetype>(spans.size(), 16));
        }
        recordSpans.append(i);
    }

    FirstSpans none;
    none.any.fill(-1);
    none.parsed.fill(-1);
    analysis.m_first.fill(none, analysis.m_records.size());
    for (qsizetype i = spans.size() - 1; i >= 0; --i) {
        FirstSpans &first = analysis.m_first[analysis.m_spans[i].record];
        const auto type = std::size_t(analysis.m_spans[i].type);
        first.any[type] = i;
        if (analysis.value(i).parsed) {
            first.parsed[type] = i;
        }
    }
    return analysis;
}

QList<qsizetype> DocumentAnalysis::spansOf(qsizetype record, ValueType type) const
{
    QList<qsizetype> result;
    for (qsizetype span : m_records.at(record).spans) {
        if (typeOf(span) == type) {
            result.append(span);
        }
    }
    return result;
}

qsizetype DocumentAnalysis::firstParsed(qsizetype record, ValueType type) const
{
    return m_first.at(record).parsed[std::size_t(type)];
}

bool DocumentAnalysis::hasSpan(qsizetype record, ValueType type) const
{
    return m_first.at(record).any[std::size_t(type)] >= 0;
}

} // namespace annorev
