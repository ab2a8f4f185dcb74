#pragma once

#include "expected.h"
#include "reviewstore.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace annorev {

class SqliteConnection;

// The documents table and its audit log in a store file: reading documents, lists and counts,
// and the two writes a reviewer makes (a decision, an edit), each with its audit row.
namespace SqliteDocuments {

extern const QString auditInsert; // the 9 columns of an audit row, in AuditEntry's order
// What summary() asks: the counts by status, then the ids of the documents with a flag (source_changed
// or missing) set, in batch order.
extern const QString summaryCounts;
QString summaryFlagged(const QString &flag);

Expected<ReviewStore::StoredDocument> document(const SqliteConnection &connection, const QString &id);
Expected<qint64> version(const SqliteConnection &connection, const QString &id);
Expected<ReviewStore::Changes> changesSince(const SqliteConnection &connection, qint64 mark);
Expected<QStringList> ids(const SqliteConnection &connection);
Expected<QList<ReviewStore::ListEntry>> listEntries(const SqliteConnection &connection);
Expected<QList<DocumentProfile>> profiles(const SqliteConnection &connection);
Expected<qsizetype> storedDocumentCount(const SqliteConnection &connection);
Expected<ReviewStore::Summary> summary(const SqliteConnection &connection);
Expected<QList<ExportDocument>> exportDocuments(const SqliteConnection &connection, std::optional<ReviewStatus> filter);
Expected<QList<ExportDocument>> exportHeaders(const SqliteConnection &connection);
Expected<QList<ExportDocument>> exportDocuments(const SqliteConnection &connection, const QStringList &ids);
Expected<QList<ReviewStore::AuditEntry>> auditLog(const SqliteConnection &connection, const QString &id);

Expected<void> setStatus(SqliteConnection &connection, const QStringList &ids, ReviewStatus status, const QString &note,
                         const QString &reviewer, const ReviewStore::Versions &versions);
Expected<void> setTaggedText(SqliteConnection &connection, const QString &id, const QByteArray &taggedText,
                             const TextFacts &facts, const QString &reviewer, std::optional<qint64> version);
Expected<void> setTaggedTexts(SqliteConnection &connection, const QList<ReviewStore::TextWrite> &writes,
                              const QString &reviewer);

} // namespace SqliteDocuments

} // namespace annorev
