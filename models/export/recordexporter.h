#pragma once

#include <QByteArray>

namespace annorev {

class CountryAliases;
class Schema;
struct ExportDocument;

// One row per record: doc_id, record (from 1), model, params, hardware, gpu_count,
// training_hours, country, year, status, reviewer, reviewed_at, note. Values are the ones
// `check --format jsonl` prints; reviewed_at is ISO 8601 UTC. A document without records has no
// row. Thread-safe.
class RecordExporter
{
public:
    enum class Format { Jsonl, Csv };

    RecordExporter(Format format, const Schema &schema, const CountryAliases &countries);

    // The CSV header line; empty for JSON Lines.
    QByteArray header() const;
    // The document's rows; rows (if given) is set to how many.
    QByteArray document(const ExportDocument &document, qsizetype *rows = nullptr) const;

private:
    Format m_format;
    const Schema &m_schema;
    const CountryAliases &m_countries;
};

} // namespace annorev
