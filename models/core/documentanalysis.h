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
    qsizetype recordOf(qsizetype span) const { return m_recordOfSpan.at(span); }
    const SpanValue &value(qsizetype span) const { return m_values.at(m_valueOf.at(span)); }
    ValueType typeOf(qsizetype span) const { return ValueType(m_types.at(span)); }

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
    QList<FirstSpans> m_first;
    QList<Record> m_records;
    // Per span, as small as they fit: a dense document has millions of spans.
    QList<qint32> m_recordOfSpan;
    // A span reading as the span of its type before it shares that one's value.
    QList<SpanValue> m_values;
    QList<qint32> m_valueOf; // per span: index into m_values
    QList<quint8> m_types;   // ValueType
};

} // namespace annorev
