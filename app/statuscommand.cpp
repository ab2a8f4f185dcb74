#include "batchstore.h"
#include "commands.h"
#include "console.h"
#include "output.h"
#include "teamstore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace annorev {

namespace {

QString until(const Claim &claim)
{
    return claim.leaseUntil.toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

QByteArray text(const ReviewStore::Summary &summary, const QString &storePath, const QList<Claim> *claims)
{
    QByteArray out = plural(summary.documents, "document", "documents") + " in " + storePath.toUtf8() + '\n';
    for (ReviewStatus status : allReviewStatuses) {
        out += "  " + statusName(status).toUtf8().leftJustified(12) +
               QByteArray::number(summary.byStatus[std::size_t(status)]) + '\n';
    }
    out += "findings: " + plural(summary.errors, "error", "errors") + ", " +
           plural(summary.warnings, "warning", "warnings") + ", " + plural(summary.infos, "info", "infos") + " (" +
           plural(summary.documentsWithErrors, "document", "documents") + " with errors)\n";
    for (const auto &[title, ids] :
         {std::pair{"source changed", &summary.sourceChanged}, std::pair{"missing from the batch", &summary.missing}}) {
        out += QByteArray(title) + ": " + QByteArray::number(ids->size()) + '\n';
        for (const QString &id : *ids) {
            out += "  " + id.toUtf8() + '\n';
        }
    }
    if (claims) {
        // Grouped by reviewer: the store hands them out so.
        out += "claimed: " + QByteArray::number(claims->size()) + '\n';
        QString reviewer;
        for (const Claim &claim : *claims) {
            if (claim.reviewer != reviewer) {
                reviewer = claim.reviewer;
                out += "  " + reviewer.toUtf8() + '\n';
            }
            out += "    " + claim.documentId.toUtf8() + " until " + until(claim).toUtf8() + '\n';
        }
    }
    return out;
}

QByteArray json(const ReviewStore::Summary &summary, const QString &storePath, const QList<Claim> *claims)
{
    QJsonObject statuses;
    for (ReviewStatus status : allReviewStatuses) {
        statuses.insert(statusName(status), qint64(summary.byStatus[std::size_t(status)]));
    }
    const QJsonObject findings{{QStringLiteral("error"), qint64(summary.errors)},
                               {QStringLiteral("warning"), qint64(summary.warnings)},
                               {QStringLiteral("info"), qint64(summary.infos)}};
    QJsonObject object{
        {QStringLiteral("store"), storePath},
        {QStringLiteral("documents"), qint64(summary.documents)},
        {QStringLiteral("status"), statuses},
        {QStringLiteral("findings"), findings},
        {QStringLiteral("documents_with_errors"), qint64(summary.documentsWithErrors)},
        {QStringLiteral("source_changed"), QJsonArray::fromStringList(summary.sourceChanged)},
        {QStringLiteral("missing"), QJsonArray::fromStringList(summary.missing)},
    };
    if (claims) {
        QJsonArray array;
        for (const Claim &claim : *claims) {
            array.append(QJsonObject{{QStringLiteral("id"), claim.documentId},
                                     {QStringLiteral("reviewer"), claim.reviewer},
                                     {QStringLiteral("until"), claim.leaseUntil.toString(Qt::ISODate)}});
        }
        object.insert(QStringLiteral("claims"), array);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

} // namespace

int runStatus(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Summarise a batch's review: documents per status, findings per severity in the reviewer's "
                       "versions, documents whose source changed and documents gone from the batch.\n\n"
                       "Exit status: 0 printed, 2 bad usage or a store that cannot be read."));
    parser.addHelpOption();
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("Output format: text or json."),
                                          QStringLiteral("text|json"), QStringLiteral("text"));
    const QCommandLineOption storeOption = BatchStore::storeOption();
    const QCommandLineOption reviewerOption = BatchStore::reviewerOption();
    parser.addOptions({formatOption, storeOption, reviewerOption});
    parser.addPositionalArgument(QStringLiteral("BATCH"),
                                 QStringLiteral("A file, folder or JSON Lines file, or a team batch's address."));
    if (const auto done = parseArguments(parser, arguments)) {
        return *done;
    }
    const std::optional<QString> format = oneOf(parser, formatOption, {QStringLiteral("text"), QStringLiteral("json")});
    if (!format) {
        return ExitUsage;
    }
    const std::unique_ptr<ReviewStore> store = BatchStore::open(parser, BatchStore::Ids::None);
    if (!store) {
        return BatchStore::failureStatus();
    }
    const Expected<ReviewStore::Summary> summary = store->summary();
    if (!summary) {
        Console::error(summary.error().message);
        return ExitUsage;
    }
    // A team batch also says who holds which document.
    std::optional<QList<Claim>> claims;
    if (TeamStore *team = store->team()) {
        Expected<QList<Claim>> live = team->claims();
        if (!live) {
            Console::error(live.error().message);
            return ExitUsage;
        }
        claims = *std::move(live);
    }
    const QList<Claim> *held = claims ? &*claims : nullptr;
    Console::out(*format == u"json" ? json(*summary, store->path(), held) : text(*summary, store->path(), held));
    Console::flush();
    return ExitOk;
}

} // namespace annorev
