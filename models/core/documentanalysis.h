#pragma once

#include "record.h"
#include "schema.h"

#include <QList>

#include <array>

namespace annorev {

class CountryAliases;
class Document;

// The records a document yields and the normalised value of each span.
//
// One record per distinct model name, in order of first mention. Every other span belongs to the
// record of the nearest model span before it (spans before the first model span to the first
// record), unless its tag says record="N". Spans without any model span make one record with an
// empty model; a document without spans has no record.
class DocumentAnalysis
{
public:
    static DocumentAnalysis analyze(const Document &doc, const Schema &schema, const CountryAliases &countries);

    const QList<Record> &records() const { return m_records; }
    // The record a span belongs to (the model span's own record for model spans).
    qsizetype recordOf(qsizetype span) const { return m_spans.at(span).record; }
    const SpanValue &value(qsizetype span) const { return m_values.at(m_spans.at(span).value); }
    ValueType typeOf(qsizetype span) const { return ValueType(m_spans.at(span).type); }

    // The spans of a record with values of a type, in text order.
    QList<qsizetype> spansOf(qsizetype record, ValueType type) const;
    // The first span of that type in the record whose value parsed, or -1.
    qsizetype firstParsed(qsizetype record, ValueType type) const;
    bool hasSpan(qsizetype record, ValueType type) const;

private:
    static constexpr int typeCount = int(ValueType::Text) + 1;
    // Per record and type, so that rules asking per span stay linear: the first span, the first
    // parsed span (-1 for none).
    struct FirstSpans
    {
        std::array<qsizetype, typeCount> any;
        std::array<qsizetype, typeCount> parsed;
    };
    // Per span, as small as they fit (a dense document has millions of spans), in one list: one
    // allocation a document rather than three.
    struct PerSpan
    {
        qint32 record = -1;
        qint32 value = -1; // index into m_values
        quint8 type = 0;   // ValueType
    };
    QList<FirstSpans> m_first;
    QList<Record> m_records;
    QList<PerSpan> m_spans;
    // A span reading as the span of its type before it shares that one's value.
    QList<SpanValue> m_values;
};

} // namespace annorev
