#include "batchstore.h"
#include "commands.h"
#include "console.h"

#include <QCommandLineParser>

namespace annorev {

int runMark(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Set the review status of documents. Prints \"ID STATUS\" for each once it is saved.\n\n"
                       "Approving a document with error findings needs --note (the reason).\n"
                       "Exit status: 0 saved, 2 bad usage, unknown ids or a store that cannot be written "
                       "(then nothing is changed)."));
    parser.addHelpOption();
    const QCommandLineOption statusOption(QStringLiteral("status"),
                                          QStringLiteral("approved, rejected, needs-work or unreviewed."),
                                          QStringLiteral("STATUS"));
    const QCommandLineOption noteOption(QStringLiteral("note"), QStringLiteral("A note on the decision."),
                                        QStringLiteral("TEXT"));
    const QCommandLineOption storeOption = BatchStore::storeOption();
    const QCommandLineOption reviewerOption = BatchStore::reviewerOption();
    parser.addOptions({statusOption, noteOption, reviewerOption, storeOption});
    parser.addPositionalArgument(QStringLiteral("BATCH"),
                                 QStringLiteral("A file, folder or JSON Lines file, or a team batch's address."));
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Documents to mark."), QStringLiteral("ID..."));
    if (const auto done = parseArguments(parser, arguments)) {
        return *done;
    }
    if (!parser.isSet(statusOption)) {
        Console::error(QStringLiteral("--status is required (approved, rejected, needs-work or unreviewed)"));
        return ExitUsage;
    }
    const std::optional<ReviewStatus> status = statusFromName(parser.value(statusOption));
    if (!status) {
        Console::error(QStringLiteral("--status is approved, rejected, needs-work or unreviewed, not \"%1\"")
                           .arg(parser.value(statusOption)));
        return ExitUsage;
    }
    const std::unique_ptr<ReviewStore> store = BatchStore::open(parser, BatchStore::Ids::AtLeastOne);
    if (!store) {
        return BatchStore::failureStatus();
    }
    const QStringList ids = parser.positionalArguments().mid(1);
    if (const Expected<void> saved =
            store->setStatus(ids, *status, parser.value(noteOption), BatchStore::reviewer(parser));
        !saved) {
        Console::error(saved.error().message);
        return ExitUsage;
    }
    QByteArray out;
    const QByteArray name = statusName(*status).toUtf8();
    for (const QString &id : ids) {
        out += id.toUtf8() + ' ' + name + '\n';
    }
    Console::out(out);
    Console::flush();
    return ExitOk;
}

} // namespace annorev
