#pragma once

#include "postgresbatch.h"
#include "reviewstore.h"
#include "textquery.h"

namespace annorev {

// What a team batch's documents and audit log read as: the read half of ReviewStore, in SQL.
namespace PostgresReads {

enum class Missing
{
    Include,
    Skip
};

Expected<ReviewStore::StoredDocument> document(const PostgresBatch &batch, const QString &id);
Expected<qint64> version(const PostgresBatch &batch, const QString &id);
// The documents changed since the mark, from the audit log (ReviewStore::changesSince()).
Expected<ReviewStore::Changes> changesSince(const PostgresBatch &batch, qint64 mark);
Expected<QStringList> ids(const PostgresBatch &batch);
Expected<QList<DocumentProfile>> profiles(const PostgresBatch &batch, Missing missing);
Expected<void> forEachProfile(const PostgresBatch &batch, const ReviewStore::ProfileVisitor &visit);
Expected<void> readIndex(const PostgresBatch &batch, const ReviewStore::IndexCursor &after, qsizetype pageSize,
                         const std::function<bool(DocumentIndexPage)> &deliver);
Expected<qsizetype> storedDocumentCount(const PostgresBatch &batch);
Expected<QStringList> search(const PostgresBatch &batch, const TextQuery &query, const QString &needle,
                             const std::function<bool()> &cancelled);
Expected<ReviewStore::Summary> summary(const PostgresBatch &batch);
Expected<QList<ExportDocument>> exportDocuments(const PostgresBatch &batch, std::optional<ReviewStatus> filter);
Expected<QList<ExportDocument>> exportHeaders(const PostgresBatch &batch);
Expected<QList<ExportDocument>> exportDocuments(const PostgresBatch &batch, const QStringList &ids);
Expected<QList<ReviewStore::AuditEntry>> auditLog(const PostgresBatch &batch, const QString &id);

// The ids as one JSON array, which SQL takes apart with jsonb_array_elements_text(): a list
// bound as one value.
QString jsonArray(const QStringList &ids);

} // namespace PostgresReads

} // namespace annorev
