#include "documentprofile.h"

#include "checker.h"
#include "document.h"

#include <QtConcurrent>

namespace annorev {

QList<DocumentProfile> DocumentProfile::of(const QList<ExportDocument> &documents, const Schema &schema,
                                           const Checker &checker)
{
    return QtConcurrent::blockingMapped<QList<DocumentProfile>>(
        documents, [&schema, &checker](const ExportDocument &document) {
            const Document parsed = Document::parse(document.taggedText, schema);
            return DocumentProfile{document.id, document.status, DocumentFacts::of(parsed, checker.check(parsed))};
        });
}

} // namespace annorev
