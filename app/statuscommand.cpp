#include "batchstore.h"
#include "commands.h"
#include "console.h"
#include "output.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace annorev {

namespace {

QByteArray text(const ReviewStore::Summary &summary, const QString &storePath)
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
    return out;
}

QByteArray json(const ReviewStore::Summary &summary, const QString &storePath)
{
    QJsonObject statuses;
    for (ReviewStatus status : allReviewStatuses) {
        statuses.insert(statusName(status), qint64(summary.byStatus[std::size_t(status)]));
    }
    const QJsonObject findings{{QStringLiteral("error"), qint64(summary.errors)},
                               {QStringLiteral("warning"), qint64(summary.warnings)},
                               {QStringLiteral("info"), qint64(summary.infos)}};
    const QJsonObject object{
        {QStringLiteral("store"), storePath},
        {QStringLiteral("documents"), qint64(summary.documents)},
        {QStringLiteral("status"), statuses},
        {QStringLiteral("findings"), findings},
        {QStringLiteral("documents_with_errors"), qint64(summary.documentsWithErrors)},
        {QStringLiteral("source_changed"), QJsonArray::fromStringList(summary.sourceChanged)},
        {QStringLiteral("missing"), QJsonArray::fromStringList(summary.missing)},
    };
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
    parser.addPositionalArgument(QStringLiteral("BATCH"), QStringLiteral("A file, folder or JSON Lines file."));
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
    Console::out(*format == u"json" ? json(*summary, store->path()) : text(*summary, store->path()));
    Console::flush();
    return ExitOk;
}

} // namespace annorev
