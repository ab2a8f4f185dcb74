#include "storerows.h"

#include "storevalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>

namespace annorev::StoreRows {

ReviewStore::AuditEntry auditEntry(const QSqlQuery &row, TimeOf timeOf)
{
    ReviewStore::AuditEntry entry;
    entry.seq = row.value(0).toLongLong();
    entry.documentId = row.value(1).toString();
    entry.reviewer = row.value(2).toString();
    entry.at = timeOf(row.value(3));
    entry.action = row.value(4).toString();
    entry.statusBefore = StoreValues::statusOf(row.value(5));
    entry.statusAfter = StoreValues::statusOf(row.value(6));
    if (!row.value(7).isNull()) {
        entry.textBefore = row.value(7).toByteArray();
    }
    if (!row.value(8).isNull()) {
        entry.textAfter = row.value(8).toByteArray();
    }
    entry.note = row.value(9).toString();
    return entry;
}

Judgement judgement(const QSqlQuery &row, TimeOf timeOf)
{
    Judgement judgement;
    judgement.seq = row.value(0).toLongLong();
    judgement.round = row.value(1).toString();
    judgement.documentId = row.value(2).toString();
    judgement.verdict = verdictFromName(row.value(3).toString()).value_or(Verdict::Fail);
    if (!row.value(4).isNull()) {
        judgement.reason = failReasonFromName(row.value(4).toString());
    }
    judgement.note = row.value(5).toString();
    judgement.reviewer = row.value(6).toString();
    judgement.at = timeOf(row.value(7));
    return judgement;
}

SpotCheckRound round(const QSqlQuery &row, TimeOf timeOf)
{
    SpotCheckRound round;
    round.name = row.value(0).toString();
    round.createdAt = timeOf(row.value(1));
    round.createdBy = row.value(2).toString();
    round.seed = row.value(3).toString().toULongLong();
    round.requestedSize = row.value(4).toLongLong();
    round.statuses = row.value(5).toString();
    round.stratify = stratifyFromName(row.value(6).toString()).value_or(Stratify::None);
    round.size = row.value(7).toLongLong();
    return round;
}

void addToSummary(ReviewStore::Summary &summary, const QSqlQuery &row)
{
    const qsizetype count = row.value(1).toLongLong();
    if (const std::optional<ReviewStatus> status = StoreValues::statusOf(row.value(0))) {
        summary.byStatus[std::size_t(*status)] += count;
    }
    summary.documents += count;
    summary.errors += row.value(2).toLongLong();
    summary.warnings += row.value(3).toLongLong();
    summary.infos += row.value(4).toLongLong();
    summary.documentsWithErrors += row.value(5).toLongLong();
}

QString encodedInputErrors(const QList<InputError> &errors)
{
    QJsonArray array;
    for (const InputError &error : errors) {
        array.append(QJsonObject{{QStringLiteral("path"), error.path},
                                 {QStringLiteral("line"), error.line},
                                 {QStringLiteral("message"), error.message}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

ReviewStore::Changes changes(QSqlQuery &rows, qint64 mark)
{
    ReviewStore::Changes result{mark, {}};
    QSet<QString> seen;
    while (rows.next()) {
        result.mark = rows.value(0).toLongLong();
        QString id = rows.value(1).toString();
        if (!seen.contains(id)) {
            seen.insert(id);
            result.ids.append(std::move(id));
        }
    }
    return result;
}

} // namespace annorev::StoreRows
