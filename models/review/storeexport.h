#pragma once

#include "exporter.h"

namespace annorev {

class ReviewStore;

// Exports the documents of a store that pass options' status filter, streaming: the export is
// planned from the documents without their texts, and the texts are read a block at a time as
// they are written, so that memory stays bounded whatever the size of the batch.
Expected<ExportResult> exportStore(const ReviewStore &store, ExportFormat format, const ExportOptions &options);

} // namespace annorev
