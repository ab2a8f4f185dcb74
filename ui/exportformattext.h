#pragma once

#include "exportdocument.h"
#include "exportformat.h"

#include <QString>

#include <optional>

// How the export dialog names each format, describes it, and names the file or folder it writes.
namespace annorev::ExportFormatText {

QString title(ExportFormat format);
QString description(ExportFormat format);
// base plus the format's ending; a tagged export into one file ends as the batch's files do
// (layout and firstSuffix of its first document), none when it writes a folder.
QString fileName(const QString &base, ExportFormat format, std::optional<BatchLayout> layout,
                 const QString &firstSuffix);

} // namespace annorev::ExportFormatText
