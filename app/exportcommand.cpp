#include "batchstore.h"
#include "commands.h"
#include "console.h"
#include "exporter.h"
#include "outputguard.h"
#include "storeexport.h"
#include "teamstore.h"

#include <QCommandLineParser>
#include <QFile>

#include <cstdio>

namespace annorev {

int runExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Export the reviewed documents of a batch: records, corrected tagged text, or annotations "
        "for doccano, Label Studio, brat and CoNLL.\n\n"
        "Offsets are counted as the receiving tool counts them: code points for records, Label "
        "Studio and brat, UTF-16 units for doccano. Every exported span is checked against its "
        "text. Output is written atomically: a failed export leaves nothing behind.\n"
        "--out never writes to the store or its -wal/-shm/-journal files, a file of the batch, or into a "
        "folder batch (symlinks and .. followed).\n"
        "Exit status: 0 exported, 2 bad usage, a refused output path, a store that cannot be read, or "
        "a failed export."));
    parser.addHelpOption();
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          QStringLiteral("One of: %1.").arg(exportFormatNames().join(u", ")),
                                          QStringLiteral("FORMAT"));
    const QCommandLineOption statusOption(
        QStringLiteral("status"),
        QStringLiteral("Which documents: all, or statuses separated by commas (default approved)."),
        QStringLiteral("STATUS"), QStringLiteral("approved"));
    const QCommandLineOption offsetsOption(QStringLiteral("offsets"),
                                           QStringLiteral("Count span offsets in codepoint or utf16 units instead of "
                                                          "the format's own."),
                                           QStringLiteral("UNIT"));
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       QStringLiteral("The file or folder to write (default: standard output, for "
                                                      "formats that are one file)."),
                                       QStringLiteral("PATH"));
    const QCommandLineOption jobsOption(QStringList{QStringLiteral("j"), QStringLiteral("jobs")},
                                        QStringLiteral("Threads to use, at most the cores (default: every core)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption storeOption = BatchStore::storeOption();
    const QCommandLineOption reviewerOption = BatchStore::reviewerOption();
    parser.addOptions({formatOption, statusOption, offsetsOption, outOption, jobsOption, reviewerOption, storeOption});
    parser.addPositionalArgument(QStringLiteral("BATCH"),
                                 QStringLiteral("A file, folder or JSON Lines file, or a team batch's address."));
    if (const auto done = parseArguments(parser, arguments)) {
        return *done;
    }

    const std::optional<ExportFormat> format = exportFormatFromName(parser.value(formatOption));
    if (!format) {
        Console::error(parser.isSet(formatOption)
                           ? QStringLiteral("--format is one of %1, not \"%2\"")
                                 .arg(exportFormatNames().join(u", "), parser.value(formatOption))
                           : QStringLiteral("--format is required (%1)").arg(exportFormatNames().join(u", ")));
        return ExitUsage;
    }
    ExportOptions options;
    const Expected<QList<ReviewStatus>> statuses = ExportOptions::parseStatuses(parser.value(statusOption));
    if (!statuses) {
        Console::error(statuses.error().message);
        return ExitUsage;
    }
    options.statuses = *statuses;
    if (parser.isSet(offsetsOption)) {
        options.offsets = offsetUnitFromName(parser.value(offsetsOption));
        if (!options.offsets) {
            Console::error(
                QStringLiteral("--offsets is codepoint or utf16, not \"%1\"").arg(parser.value(offsetsOption)));
            return ExitUsage;
        }
    }
    const std::optional<int> jobs = jobsFrom(parser, jobsOption);
    if (!jobs) {
        return ExitUsage;
    }
    options.jobs = *jobs;
    if (parser.isSet(outOption) && !parser.positionalArguments().isEmpty() &&
        !ReviewStore::isTeamLocation(parser.positionalArguments().constFirst())) {
        // Checked before the store is opened or anything is written. A team batch has no file here.
        const QString batch = parser.positionalArguments().constFirst();
        const QString storePath =
            parser.isSet(storeOption) ? parser.value(storeOption) : ReviewStore::defaultStorePath({batch});
        const QString refusal = OutputGuard::refusal(parser.value(outOption), {batch}, storePath);
        if (!refusal.isEmpty()) {
            Console::error(refusal);
            return ExitUsage;
        }
    }
    const std::unique_ptr<ReviewStore> store = BatchStore::open(parser, BatchStore::Ids::None);
    if (!store) {
        return BatchStore::failureStatus();
    }
    // A team's exports are its curators'. The server cannot tell an export from a read, so this
    // is annorev's refusal, not the server's (README › Team review).
    if (TeamStore *team = store->team()) {
        const Expected<bool> curator = team->hasRole(TeamRole::Curator);
        if (!curator || !*curator) {
            Console::error(curator ? u"exporting a team batch takes the role " % roleName(TeamRole::Curator)
                                   : curator.error().message);
            return ExitUsage;
        }
    }

    QFile standardOutput;
    if (parser.isSet(outOption)) {
        options.outPath = parser.value(outOption);
    } else {
        Console::flush();
        if (!standardOutput.open(stdout, QIODevice::WriteOnly)) {
            Console::error(QStringLiteral("cannot write to standard output"));
            return ExitUsage;
        }
        options.device = &standardOutput;
    }
    const Expected<ExportResult> result = exportStore(*store, *format, options);
    standardOutput.close();
    if (!result) {
        Console::error(result.error().message);
        return ExitUsage;
    }
    for (const QString &warning : result->warnings) {
        Console::err((QStringLiteral("annorev: warning: ") + warning + u'\n').toUtf8());
    }
    Console::err(QStringLiteral("exported %1 document(s), %2 %3%4\n")
                     .arg(result->documents)
                     .arg(result->items)
                     .arg(*format == ExportFormat::RecordsJsonl || *format == ExportFormat::RecordsCsv
                              ? QStringLiteral("record(s)")
                              : QStringLiteral("span(s)"),
                          options.outPath.isEmpty() ? QString() : QStringLiteral(" to ") + options.outPath)
                     .toUtf8());
    return ExitOk;
}

} // namespace annorev
