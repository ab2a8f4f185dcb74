#include "batchstore.h"
#include "commands.h"
#include "console.h"

#include <QCommandLineParser>

namespace annorev {

int runSpotcheck(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Record a spot-check judgement of documents of a round: pass, or fail with a reason. Prints "
                       "\"ID pass\" or \"ID fail REASON\" for each once it is saved. Judging a document again "
                       "replaces the earlier judgement, which stays in the store.\n\n"
                       "Reasons: %1.\n"
                       "Exit status: 0 saved, 2 bad usage, an unknown round, ids not in the round, or a store that "
                       "cannot be written (then nothing is saved).")
            .arg(failReasonNames().join(u", ")));
    parser.addHelpOption();
    const QCommandLineOption roundOption(
        QStringLiteral("round"), QStringLiteral("The round (as `annorev sample` named it)."), QStringLiteral("ROUND"));
    const QCommandLineOption passOption(QStringLiteral("pass"), QStringLiteral("The documents are right."));
    const QCommandLineOption failOption(
        QStringLiteral("fail"), QStringLiteral("The documents are wrong, for this reason."), QStringLiteral("REASON"));
    const QCommandLineOption noteOption(QStringLiteral("note"), QStringLiteral("A note on the judgement."),
                                        QStringLiteral("TEXT"));
    const QCommandLineOption storeOption = BatchStore::storeOption();
    const QCommandLineOption reviewerOption = BatchStore::reviewerOption();
    parser.addOptions({roundOption, passOption, failOption, noteOption, reviewerOption, storeOption});
    parser.addPositionalArgument(QStringLiteral("BATCH"),
                                 QStringLiteral("A file, folder or JSON Lines file, or a team batch's address."));
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Documents of the round to judge."),
                                 QStringLiteral("ID..."));
    if (const auto done = parseArguments(parser, arguments)) {
        return *done;
    }
    if (!parser.isSet(roundOption)) {
        Console::error(QStringLiteral("--round is required"));
        return ExitUsage;
    }
    if (parser.isSet(passOption) == parser.isSet(failOption)) {
        Console::error(QStringLiteral("give either --pass or --fail REASON"));
        return ExitUsage;
    }
    std::optional<FailReason> reason;
    if (parser.isSet(failOption)) {
        reason = failReasonFromName(parser.value(failOption));
        if (!reason) {
            Console::error(QStringLiteral("--fail takes a reason, one of %1, not \"%2\"")
                               .arg(failReasonNames().join(u", "), parser.value(failOption)));
            return ExitUsage;
        }
    }
    const std::unique_ptr<ReviewStore> store = BatchStore::open(parser, BatchStore::Ids::AtLeastOne);
    if (!store) {
        return BatchStore::failureStatus();
    }
    const QString round = parser.value(roundOption);
    const QStringList ids = parser.positionalArguments().mid(1);
    const Verdict verdict = reason ? Verdict::Fail : Verdict::Pass;
    if (const Expected<void> judged =
            store->judge(round, ids, verdict, reason, parser.value(noteOption), BatchStore::reviewer(parser));
        !judged) {
        Console::error(judged.error().message);
        return ExitUsage;
    }
    QByteArray out;
    const QByteArray judged =
        verdict == Verdict::Fail ? "fail " + failReasonName(*reason).toUtf8() : QByteArrayLiteral("pass");
    for (const QString &id : ids) {
        out += id.toUtf8() + ' ' + judged + '\n';
    }
    Console::out(out);
    const Expected<QList<RoundDocument>> documents = store->roundDocuments(round);
    const Expected<QList<Judgement>> judgements = documents ? store->judgements(round) : documents.error();
    if (!judgements) {
        // The judgements above are saved; only the tally cannot be told.
        Console::flush();
        Console::error(judgements.error().message);
        return ExitUsage;
    }
    const RoundTally tally = annorev::tally(*documents, *judgements);
    Console::err(QStringLiteral("annorev: note: round \"%1\": %2 of %3 checked, %4 failed\n")
                     .arg(round)
                     .arg(tally.checked)
                     .arg(tally.size)
                     .arg(tally.failed)
                     .toUtf8());
    Console::flush();
    return ExitOk;
}

} // namespace annorev
