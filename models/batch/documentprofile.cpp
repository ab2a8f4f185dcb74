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
            DocumentProfile profile;
            profile.id = document.id;
            profile.status = document.status;
            for (const Span &span : parsed.spans()) {
                profile.spanLabels.append(span.label);
            }
            for (const Finding &finding : checker.check(parsed).findings) {
                profile.findings.append({finding.rule, finding.severity});
            }
            return profile;
        });
}

} // namespace annorev
