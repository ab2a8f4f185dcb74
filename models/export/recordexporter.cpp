#include "recordexporter.h"

#include "csvcell.h"
#include "document.h"
#include "documentanalysis.h"
#include "exportdocument.h"
#include "jsonnumber.h"
#include "jsonstring.h"
#include "recordfield.h"

namespace annorev {

namespace {

QString reviewedAt(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
}

void appendJsonRow(QByteArray *out, const ExportDocument &document, const DocumentAnalysis &analysis,
                   qsizetype record)
{
    *out += "{\"doc_id\": ";
    JsonString::append(out, document.id);
    *out += ", \"record\": ";
    JsonNumber::appendInteger(out, record + 1);
    for (const RecordField &field : RecordField::all()) {
        *out += ", \"";
        *out += field.key;
        *out += "\": ";
        const RecordField::Value value = field.value(analysis, record);
        switch (value.kind) {
        case RecordField::Value::Kind::Null:
            *out += "null";
            break;
        case RecordField::Value::Kind::Text:
            JsonString::append(out, value.text);
            break;
        case RecordField::Value::Kind::Number:
            JsonNumber::append(out, value.number);
            break;
        }
    }
    *out += ", \"status\": \"" + statusName(document.status).toLatin1() + "\", \"reviewer\": ";
    document.reviewer.isEmpty() ? void(*out += "null") : JsonString::append(out, document.reviewer);
    *out += ", \"reviewed_at\": ";
    document.reviewedAt.isValid() ? JsonString::append(out, reviewedAt(document.reviewedAt)) : void(*out += "null");
    *out += ", \"note\": ";
    document.note.isEmpty() ? void(*out += "null") : JsonString::append(out, document.note);
    *out += "}\n";
}

void appendCsvRow(QByteArray *out, const ExportDocument &document, const DocumentAnalysis &analysis,
                  qsizetype record)
{
    CsvCell::appendText(out, document.id);
    *out += ',';
    CsvCell::appendNumber(out, double(record + 1));
    for (const RecordField &field : RecordField::all()) {
        *out += ',';
        const RecordField::Value value = field.value(analysis, record);
        if (value.kind == RecordField::Value::Kind::Text) {
            CsvCell::appendText(out, value.text);
        } else if (value.kind == RecordField::Value::Kind::Number) {
            CsvCell::appendNumber(out, value.number);
        }
    }
    *out += ',';
    CsvCell::appendText(out, statusName(document.status));
    *out += ',';
    CsvCell::appendText(out, document.reviewer);
    *out += ',';
    CsvCell::appendText(out, reviewedAt(document.reviewedAt));
    *out += ',';
    CsvCell::appendText(out, document.note);
    // RFC 4180 ends records with CRLF.
    *out += "\r\n";
}

} // namespace

RecordExporter::RecordExporter(Format format, const Schema &schema, const CountryAliases &countries)
    : m_format(format), m_schema(schema), m_countries(countries)
{
}

QByteArray RecordExporter::header() const
{
    if (m_format == Format::Jsonl) {
        return {};
    }
    QByteArray out = "doc_id,record";
    for (const RecordField &field : RecordField::all()) {
        out += ',';
        out += field.key;
    }
    out += ",status,reviewer,reviewed_at,note\r\n";
    return out;
}

QByteArray RecordExporter::document(const ExportDocument &document, qsizetype *rows) const
{
    const Document doc = Document::parse(document.taggedText, m_schema);
    const DocumentAnalysis analysis = DocumentAnalysis::analyze(doc, m_schema, m_countries);
    QByteArray out;
    out.reserve(320 * analysis.records().size());
    for (qsizetype record = 0; record < analysis.records().size(); ++record) {
        m_format == Format::Jsonl ? appendJsonRow(&out, document, analysis, record)
                                  : appendCsvRow(&out, document, analysis, record);
    }
    if (rows) {
        *rows = analysis.records().size();
    }
    return out;
}

} // namespace annorev
