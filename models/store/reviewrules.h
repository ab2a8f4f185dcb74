#pragma once

#include "expected.h"
#include "reviewstatus.h"
#include "spotcheck.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace annorev {

// The rules every store enforces, whatever keeps its tables, and the words it refuses with.
namespace ReviewRules {

// The ids in their first order, each once.
QStringList uniqueIds(const QStringList &ids);
// "a", "b" as the messages quote them.
QString quotedList(const QStringList &ids);

// Approving a document with error findings needs a note giving the reason.
Expected<void> checkApproval(ReviewStatus status, const QString &note, const QStringList &idsWithErrors);

// An approval or rejection was of the text as it stood: an edit undoes it, so that an export of
// approved documents never carries text nobody approved.
std::optional<ReviewStatus> statusAfterEdit(std::optional<ReviewStatus> before);
// The audit note of an edit that reopened a decision; null when it did not.
QString reopenedNote(std::optional<ReviewStatus> before);

// A note as stored: trimmed, and "" rather than null (a null QString binds as SQL NULL).
QString storedNote(const QString &note);

// A round needs a name and each document once.
Expected<void> checkNewRound(const SpotCheckRound &round, const QList<RoundDocument> &documents);
// A fail needs a reason, a pass has none.
Expected<void> checkVerdict(Verdict verdict, std::optional<FailReason> reason);

// What the store knows of the last write of a document, to refuse a write made on an older version.
struct LastWrite
{
    qint64 version = 0;
    QString by;   // who wrote it; empty when nobody has since the import
    QDateTime at; // UTC
};
// Refuses a write made on version basis of a document now at last.version: "the document "a"
// was changed by bob at 2026-12-03 14:02 UTC since it was opened (version 3, now 5); CONSEQUENCE".
Expected<void> checkVersion(const QString &id, qint64 basis, const LastWrite &last, const QString &consequence);

// Refuses a write made on a text the document no longer holds (Tag All read it, then someone
// changed it): "the document "a" was changed by bob at 2026-12-03 14:02 UTC since it was read; CONSEQUENCE".
Error changedSinceRead(const QString &id, const LastWrite &last, const QString &consequence);

// "no document "a" in the store PATH; CONSEQUENCE" (documents when there are several).
Error unknownDocuments(const QStringList &ids, const QString &store, const QString &consequence);

} // namespace ReviewRules

} // namespace annorev
