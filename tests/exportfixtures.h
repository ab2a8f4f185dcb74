#pragma once

#include "exportdocument.h"
#include "exporter.h"

#include <QList>
#include <QString>

// Export documents without the review store: what the store would hand `annorev export`.
namespace annorev::ExportFixtures {

// The reviewer and time every fixture document carries.
QString reviewer();
QDateTime reviewedAt();

// Reads a batch as BatchReader does (a file, a folder or a JSON Lines file) into unedited export
// documents with one status, laid out as their input was. Unreadable units are skipped.
QList<ExportDocument> readBatch(const QString &input, ReviewStatus status = ReviewStatus::Approved);

// A folder-batch document at relativePath == id.
ExportDocument folderDocument(const QString &id, const QByteArray &tagged,
                              ReviewStatus status = ReviewStatus::Approved);

// Documents that catch offset, escaping and injection mistakes: astral characters (😀, 𝔸) before
// and inside spans, CRLF and blank lines, HTML with character references (one astral), spans
// crossing a line break, and model names, reviewers and notes that spreadsheets would run as
// formulas. Folder layout.
QList<ExportDocument> handWritten();

// The sample batch followed by handWritten(): every case the offset and escaping tests need.
QList<ExportDocument> annotationBatch();

// count small folder-batch documents, approved, each with one record and two spans.
QList<ExportDocument> manyDocuments(qsizetype count);

// Exports docs to out with the format's defaults, or the given offsets and jobs.
Expected<ExportResult> exportTo(const QList<ExportDocument> &docs, ExportFormat format, const QString &out,
                                std::optional<OffsetUnit> offsets = std::nullopt, int jobs = 0);

// A JSON Lines batch with metadata fields around "text", escaped tags (\u003c) and astral
// characters; one object per line, no trailing blank line.
QByteArray jsonLinesBatch();

} // namespace annorev::ExportFixtures
