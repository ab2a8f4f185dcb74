#include "storeexport.h"

#include "reviewstore.h"

namespace annorev {

Expected<ExportResult> exportStore(const ReviewStore &store, ExportFormat format, const ExportOptions &options)
{
    const Expected<QList<ExportDocument>> headers = store.exportHeaders();
    if (!headers) {
        return headers.error();
    }
    return exportDocuments(
        *headers,
        [&store](const QList<const ExportDocument *> &block) {
            QStringList ids;
            ids.reserve(block.size());
            for (const ExportDocument *doc : block) {
                ids.append(doc->id);
            }
            return store.exportDocuments(ids);
        },
        format, options);
}

} // namespace annorev
