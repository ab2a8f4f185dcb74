#include "reviewrules.h"

#include <QSet>

namespace annorev::ReviewRules {

QStringList uniqueIds(const QStringList &ids)
{
    QStringList unique;
    QSet<QString> seen;
    for (const QString &id : ids) {
        if (!seen.contains(id)) {
            seen.insert(id);
            unique.append(id);
        }
    }
    return unique;
}

QString quotedList(const QStringList &ids)
{
    return u"\"" % ids.join(QStringLiteral("\", \"")) % u"\"";
}

Expected<void> checkApproval(ReviewStatus status, const QString &note, const QStringList &idsWithErrors)
{
    if (status == ReviewStatus::Approved && note.trimmed().isEmpty() && !idsWithErrors.isEmpty()) {
        return Error{quotedList(idsWithErrors) %
                     u" has error findings: approving it needs a note giving the reason; nothing was changed"};
    }
    return {};
}

std::optional<ReviewStatus> statusAfterEdit(std::optional<ReviewStatus> before)
{
    const bool reopens = before == ReviewStatus::Approved || before == ReviewStatus::Rejected;
    return reopens ? ReviewStatus::Unreviewed : before;
}

QString reopenedNote(std::optional<ReviewStatus> before)
{
    if (statusAfterEdit(before) == before) {
        return {};
    }
    return u"the edit returns the document from " % statusName(*before) % u" to unreviewed";
}

QString storedNote(const QString &note)
{
    return note.trimmed().isEmpty() ? QStringLiteral("") : note.trimmed();
}

Expected<void> checkNewRound(const SpotCheckRound &round, const QList<RoundDocument> &documents)
{
    if (round.name.trimmed().isEmpty()) {
        return Error{QStringLiteral("a spot-check round needs a name")};
    }
    QSet<QString> seen;
    for (const RoundDocument &document : documents) {
        if (seen.contains(document.id)) {
            return Error{u"document \"" % document.id % u"\" is twice in the sample"};
        }
        seen.insert(document.id);
    }
    return {};
}

Expected<void> checkVerdict(Verdict verdict, std::optional<FailReason> reason)
{
    if ((verdict == Verdict::Fail) != reason.has_value()) {
        return Error{verdict == Verdict::Fail ? QStringLiteral("a failed document needs a reason")
                                              : QStringLiteral("a passed document takes no reason")};
    }
    return {};
}

Error unknownDocuments(const QStringList &ids, const QString &store, const QString &consequence)
{
    const QString which = ids.size() == 1 ? QStringLiteral("no document ") : QStringLiteral("no documents ");
    return Error{which % quotedList(ids) % u" in the store " % store % u"; " % consequence};
}

namespace {

// " by bob at 2026-12-03 14:02 UTC", as much of it as the store knows.
QString byWhom(const LastWrite &last)
{
    QString who;
    if (!last.by.isEmpty()) {
        who = u" by " % last.by;
    }
    if (last.at.isValid()) {
        who += u" at " % last.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) % u" UTC";
    }
    return who;
}

} // namespace

Expected<void> checkVersion(const QString &id, qint64 basis, const LastWrite &last, const QString &consequence)
{
    if (basis == last.version) {
        return {};
    }
    return Error{u"the document \"" % id % u"\" was changed" % byWhom(last) % u" since it was opened (version " %
                 QString::number(basis) % u", now " % QString::number(last.version) % u"); " % consequence};
}

Error changedSinceRead(const QString &id, const LastWrite &last, const QString &consequence)
{
    return Error{u"the document \"" % id % u"\" was changed" % byWhom(last) % u" since it was read; " % consequence};
}

} // namespace annorev::ReviewRules
