#pragma once

#include "postgresbatch.h"
#include "reviewstore.h"

namespace annorev {

// The two writes a team member makes, a decision and an edit, each with its audit row, under the
// server's rules (rights, claims, versions; see PostgresSchema).
namespace PostgresWrites {

Expected<void> setStatus(const PostgresBatch &batch, const QStringList &ids, ReviewStatus status, const QString &note,
                         const ReviewStore::Versions &versions);
Expected<void> setTaggedText(const PostgresBatch &batch, const QString &id, const QByteArray &taggedText,
                             const TextFacts &facts, std::optional<qint64> version);
Expected<void> setTaggedTexts(const PostgresBatch &batch, const QList<ReviewStore::TextWrite> &writes);

} // namespace PostgresWrites

} // namespace annorev
