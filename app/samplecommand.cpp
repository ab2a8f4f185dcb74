#include "batchstore.h"
#include "commands.h"
#include "console.h"
#include "exportoptions.h"
#include "schema.h"
#include "spotchecksample.h"

#include <QCommandLineParser>
#include <QDate>

#include <algorithm>

namespace annorev {

int runSample(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Draw a spot-check sample of a batch's documents, print its ids one per line in the order drawn, and save "
        "it in the store as a round to judge with `annorev spotcheck`.\n\n"
        "The same batch, seed and options give the same sample on any machine. A stratified sample is "
        "proportional to the strata's sizes with at least one document from each.\n"
        "Exit status: 0 saved, 2 bad usage, a round name that is taken, or a store that cannot be written."));
    parser.addHelpOption();
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("How many documents to draw."),
                                        QStringLiteral("N"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        QStringLiteral("The random seed, a whole number from 0 to 2^64-1."),
                                        QStringLiteral("S"));
    const QCommandLineOption nameOption(QStringLiteral("name"),
                                        QStringLiteral("The round's name (default: today's date, YYYY-MM-DD, with "
                                                       "-2, -3... when taken)."),
                                        QStringLiteral("ROUND"));
    const QCommandLineOption statusOption(
        QStringLiteral("status"),
        QStringLiteral("Draw from documents with these statuses: all, or statuses separated by commas (default all)."),
        QStringLiteral("STATUS"), QStringLiteral("all"));
    const QCommandLineOption stratifyOption(QStringLiteral("stratify"),
                                            QStringLiteral("Stratify by each document's rarest label, or by the "
                                                           "rule of its most severe finding."),
                                            QStringLiteral("label|rule"));
    const QCommandLineOption storeOption = BatchStore::storeOption();
    const QCommandLineOption reviewerOption = BatchStore::reviewerOption();
    parser.addOptions({sizeOption, seedOption, nameOption, statusOption, stratifyOption, reviewerOption, storeOption});
    parser.addPositionalArgument(QStringLiteral("BATCH"),
                                 QStringLiteral("A file, folder or JSON Lines file, or a team batch's address."));
    if (const auto done = parseArguments(parser, arguments)) {
        return *done;
    }

    bool ok = false;
    const qsizetype size = parser.value(sizeOption).toLongLong(&ok);
    if (!parser.isSet(sizeOption) || !ok || size < 1) {
        Console::error(
            parser.isSet(sizeOption)
                ? QStringLiteral("--size takes a whole number of at least 1, not \"%1\"").arg(parser.value(sizeOption))
                : QStringLiteral("--size is required"));
        return ExitUsage;
    }
    const quint64 seed = parser.value(seedOption).toULongLong(&ok);
    if (!parser.isSet(seedOption) || !ok) {
        Console::error(parser.isSet(seedOption)
                           ? QStringLiteral("--seed takes a whole number from 0 to 18446744073709551615, not \"%1\"")
                                 .arg(parser.value(seedOption))
                           : QStringLiteral("--seed is required (any whole number; the same seed gives the same "
                                            "sample)"));
        return ExitUsage;
    }
    Stratify stratify = Stratify::None;
    if (parser.isSet(stratifyOption)) {
        const std::optional<QString> by =
            oneOf(parser, stratifyOption, {QStringLiteral("label"), QStringLiteral("rule")});
        if (!by) {
            return ExitUsage;
        }
        stratify = *stratifyFromName(*by);
    }
    const Expected<QList<ReviewStatus>> statuses = ExportOptions::parseStatuses(parser.value(statusOption));
    if (!statuses) {
        Console::error(u"--status: " % statuses.error().message);
        return ExitUsage;
    }
    if (parser.isSet(nameOption) && parser.value(nameOption).trimmed().isEmpty()) {
        Console::error(QStringLiteral("--name cannot be empty"));
        return ExitUsage;
    }
    const std::unique_ptr<ReviewStore> store = BatchStore::open(parser, BatchStore::Ids::None);
    if (!store) {
        return BatchStore::failureStatus();
    }
    const Expected<QList<SpotCheckRound>> rounds = store->rounds();
    if (!rounds) {
        Console::error(rounds.error().message);
        return ExitUsage;
    }
    SpotCheckRound round;
    round.name = parser.isSet(nameOption) ? parser.value(nameOption)
                                          : SpotCheckSample::defaultRoundName(*rounds, QDate::currentDate());
    round.createdBy = BatchStore::reviewer(parser);
    round.seed = seed;
    round.requestedSize = size;
    round.statuses = SpotCheckSample::statusesText(*statuses);
    round.stratify = stratify;
    // Checked again when the round is saved; here it spares drawing a sample for nothing.
    if (std::any_of(rounds->cbegin(), rounds->cend(),
                    [&round](const SpotCheckRound &taken) { return taken.name == round.name; })) {
        Console::error(u"a round \"" % round.name % u"\" already exists in the store " % store->path() %
                       u"; rounds are never redrawn: choose another --name");
        return ExitUsage;
    }

    const Expected<SpotCheckSample::Drawn> read = SpotCheckSample::draw(*store, *statuses, size, seed, stratify);
    if (!read) {
        Console::error(read.error().message);
        return ExitUsage;
    }
    const SpotCheckSample::Drawn &drawn = *read;
    if (drawn.noCandidates()) {
        Console::error(u"no document with status " % round.statuses % u" in the store " % store->path() %
                       u" to sample");
        return ExitUsage;
    }
    if (drawn.fewerThanStrata()) {
        Console::error(QStringLiteral("--size %1 is smaller than the %2 strata by %3: a stratified sample takes "
                                      "at least one document from each")
                           .arg(size)
                           .arg(drawn.strata)
                           .arg(stratifyName(stratify)));
        return ExitUsage;
    }
    const QList<RoundDocument> &sample = drawn.documents;
    if (const Expected<void> saved = store->createRound(round, sample); !saved) {
        Console::error(saved.error().message);
        return ExitUsage;
    }
    QByteArray out;
    for (const RoundDocument &document : std::as_const(sample)) {
        out += document.id.toUtf8() + '\n';
    }
    Console::out(out);
    Console::err(QStringLiteral("annorev: note: saved round \"%1\": %2 of %3 documents (seed %4)%5\n")
                     .arg(round.name)
                     .arg(sample.size())
                     .arg(drawn.candidates)
                     .arg(seed)
                     .arg(sample.size() < size ? QStringLiteral("; that is all there are") : QString())
                     .toUtf8());
    Console::flush();
    return ExitOk;
}

} // namespace annorev
