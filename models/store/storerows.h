#pragma once

#include "reviewstore.h"
#include "spotcheck.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>

class QSqlQuery;

namespace annorev {

// What a row of the audit log or of a round's judgements reads as, whichever backend gave it:
// both backends select these columns in this order, and differ only in how a time is kept.
namespace StoreRows {

using TimeOf = QDateTime (*)(const QVariant &);

// The audit log's columns, in the order auditEntry() reads them.
inline constexpr QLatin1StringView auditColumns{
    "seq, document_id, reviewer, at, action, status_before, status_after, text_before, text_after, note"};
ReviewStore::AuditEntry auditEntry(const QSqlQuery &row, TimeOf timeOf);

// A judgement's columns, in the order judgement() reads them.
inline constexpr QLatin1StringView judgementColumns{"seq, round, document_id, verdict, reason, note, reviewer, at"};
Judgement judgement(const QSqlQuery &row, TimeOf timeOf);

// A round: name, created_at, created_by, seed, requested_size, statuses, stratify and its
// document count, in that order.
SpotCheckRound round(const QSqlQuery &row, TimeOf timeOf);

// Adds a row of counts per status (status, documents, errors, warnings, infos, documents with
// errors) to a summary.
void addToSummary(ReviewStore::Summary &summary, const QSqlQuery &row);

// Audit rows (seq, document_id) in seq order after the mark: the documents they name, once each,
// and the last seq as the new mark (ReviewStore::changesSince()).
ReviewStore::Changes changes(QSqlQuery &rows, qint64 mark);

// The input errors a sync reported, as a store keeps them to report again: a JSON array.
QString encodedInputErrors(const QList<InputError> &errors);

} // namespace StoreRows

} // namespace annorev
