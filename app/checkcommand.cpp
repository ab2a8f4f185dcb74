#include "batchcheck.h"
#include "checker.h"
#include "commands.h"
#include "console.h"
#include "countryaliases.h"
#include "schema.h"

#include <QCommandLineParser>
#include <QDate>

namespace annorev {

int runCheck(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Check tagged documents and print their findings.\n\n"
                       "INPUT is a file, a folder (every .txt, .html, .htm below it) or a JSON Lines file (.jsonl).\n"
                       "Exit status: 0 no error findings, 1 error findings (or warnings with --strict), "
                       "2 bad usage or unreadable input."));
    parser.addHelpOption();
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          QStringLiteral("Output format: text (one line per finding) or jsonl (one "
                                                         "object per document)."),
                                          QStringLiteral("text|jsonl"), QStringLiteral("text"));
    const QCommandLineOption schemaOption(QStringLiteral("schema"), QStringLiteral("Read the labels from FILE."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption strictOption(QStringLiteral("strict"), QStringLiteral("Warnings fail the check too."));
    const QCommandLineOption jobsOption(QStringList{QStringLiteral("j"), QStringLiteral("jobs")},
                                        QStringLiteral("Threads to use, at most the cores (default: every core)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({formatOption, schemaOption, strictOption, jobsOption});
    parser.addPositionalArgument(QStringLiteral("INPUT"), QStringLiteral("Files, folders or JSON Lines files."),
                                 QStringLiteral("INPUT..."));
    if (const auto done = parseArguments(parser, arguments)) {
        return *done;
    }
    const std::optional<QString> format =
        oneOf(parser, formatOption, {QStringLiteral("text"), QStringLiteral("jsonl")});
    if (!format) {
        return ExitUsage;
    }
    const std::optional<int> jobs = jobsFrom(parser, jobsOption);
    if (!jobs) {
        return ExitUsage;
    }
    const QStringList inputs = parser.positionalArguments();
    if (inputs.isEmpty()) {
        Console::error(QStringLiteral("no input: name a file, a folder or a JSON Lines file (see --help)"));
        return ExitUsage;
    }

    const std::optional<Schema> chosen = schemaFrom(parser, schemaOption);
    if (!chosen) {
        return ExitUsage;
    }
    const Schema &schema = *chosen;
    const Checker checker(schema, CountryAliases::builtin(), QDate::currentDate().year(), Checker::Fixes::Omit);

    const BatchReader reader = BatchReader::open(inputs, schema);
    bool inputFailed = !reader.errors().isEmpty();
    for (const InputError &error : reader.errors()) {
        Console::err(error.toString().toUtf8() + '\n');
    }

    const bool json = *format == u"jsonl";
    const BatchCheck::Formatter formatter = [json](const SourceEntry &entry, const Document &doc,
                                                   const CheckResult &result, const CheckReport::Write &write) {
        if (json) {
            CheckReport::json(entry, doc, result, write);
        } else {
            CheckReport::text(entry, doc, result.findings, write);
        }
    };
    qsizetype documents = 0;
    CheckReport::Counts total;
    BatchCheck(reader, schema, checker).run(*jobs, formatter, [&](BatchCheck::Unit &&unit) {
        if (unit.error) {
            Console::err(unit.error->toString().toUtf8() + '\n');
            inputFailed = true;
            return;
        }
        if (unit.blank) {
            return;
        }
        ++documents;
        total.add(unit.counts);
        unit.writeOutput([](const QByteArray &part) { Console::out(part); });
    });
    if (!json) {
        Console::out(CheckReport::summary(documents, total));
    }
    Console::flush();
    if (inputFailed) {
        return ExitUsage;
    }
    return total.errors > 0 || (parser.isSet(strictOption) && total.warnings > 0) ? ExitFindings : ExitOk;
}

} // namespace annorev
