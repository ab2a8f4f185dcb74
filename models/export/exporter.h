#pragma once

#include "expected.h"
#include "exportdocument.h"
#include "exportformat.h"
#include "exportoptions.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace annorev {

struct AnnotatedText;

struct ExportResult
{
    qsizetype documents = 0; // documents that passed the status filter and were written
    qsizetype items = 0;     // records for the records formats, spans for the others
    // What a format cannot hold and was left out, one line each naming the document ("document
    // ID: ..."), in document order: an empty span in the span-list formats and CoNLL.
    QStringList warnings;
};

// Writes the documents that pass options' status filter in a format, in the order given: the
// same documents give the same bytes. Annotation offsets are converted to the unit the format's
// reader counts in (or options.offsets) and every span is checked against the exported text; a
// mismatch fails the export. A failed export leaves nothing at outPath.
Expected<ExportResult> exportDocuments(const QList<ExportDocument> &documents, ExportFormat format,
                                       const ExportOptions &options);

// Gives the documents of headers, in that order, with their texts.
using DocumentLoader = std::function<Expected<QList<ExportDocument>>(const QList<const ExportDocument *> &headers)>;
// The same, streaming: headers are the documents without their texts (id, status, layout,
// relative path), which the export is planned with; the texts are loaded a block of a few hundred
// documents at a time, so that a million documents export in bounded memory.
Expected<ExportResult> exportDocuments(const QList<ExportDocument> &headers, const DocumentLoader &load,
                                       ExportFormat format, const ExportOptions &options);

// Whether exporting this many documents of a batch laid out as layout writes a folder rather than
// one file: brat always, tagged for a folder batch or for several documents of a batch of files.
bool exportWritesFolder(ExportFormat format, BatchLayout layout, qsizetype documents);

// Writes texts that already carry their spans (offsets in each text's unit) as doccano,
// label-studio or brat, verifying every span first. For converters that have no tagged source.
Expected<ExportResult> exportAnnotatedTexts(const QList<AnnotatedText> &texts, ExportFormat format,
                                            const ExportOptions &options);

} // namespace annorev
