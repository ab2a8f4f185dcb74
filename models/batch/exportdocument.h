#pragma once

#include "reviewstatus.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace annorev {

// How the batch a document came from was laid out: exports of the tagged documents give back
// the same layout.
enum class BatchLayout { File, Folder, JsonLines, Doccano, LabelStudio };

// One document as the store hands it to an exporter: the reviewer's current tagged text and
// decision, and what is needed to write it back in its input format.
struct ExportDocument
{
    QString id;
    QByteArray taggedText;       // the reviewer's version, UTF-8, tags inline
    ReviewStatus status = ReviewStatus::Unreviewed;
    QString reviewer;
    QDateTime reviewedAt;        // UTC; invalid when never reviewed
    QString note;
    BatchLayout layout = BatchLayout::File;
    QString relativePath;        // Folder: the path below the batch folder ('/'-separated); File: the file name
    QByteArray jsonLine;         // JsonLines: the input line, to keep its other fields
    qsizetype textTokenBegin = -1;  // JsonLines: the "text" value's JSON token in jsonLine
    qsizetype textTokenEnd = -1;
    bool edited = false;         // taggedText differs from the source: unedited documents export byte-identical
};

} // namespace annorev
