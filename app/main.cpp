#include "appsettings.h"
#include "commands.h"
#include "console.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>

#include <algorithm>
#include <cstring>

namespace {

struct Subcommand
{
    const char *name;
    int (*run)(const QStringList &);
    const char *summary;
};

constexpr Subcommand subcommands[] = {
    {"check", annorev::runCheck, "check documents and print their findings"},
    {"rules", annorev::runRules, "list the finding rules with examples and fixes"},
    {"mark", annorev::runMark, "set the review status of documents in a batch's store"},
    {"tag", annorev::runTag, "tag every occurrence of a text or pattern in a batch (with --dry-run: preview)"},
    {"untag", annorev::runUntag, "remove the spans of a label whose text matches, in every document"},
    {"relabel", annorev::runRelabel, "relabel the spans of a label whose text matches, in every document"},
    {"fix", annorev::runFix, "apply the suggested fix of every finding of one rule, in every document"},
    {"suggest", annorev::runSuggest, "import a model's predictions as suggestions for reviewers to accept or reject"},
    {"status", annorev::runStatus, "count a batch's documents per status and findings per severity"},
    {"log", annorev::runLog, "print the audit log of a batch's reviews"},
    {"export", annorev::runExport,
     "export reviewed records or annotations (JSONL, CSV, tagged, doccano, Label Studio, brat, CoNLL)"},
    {"sample", annorev::runSample, "draw a reproducible spot-check sample of a batch and save it as a round"},
    {"spotcheck", annorev::runSpotcheck, "record a pass or fail judgement of a sampled document"},
    {"stats", annorev::runStats, "count spans, findings and statuses; estimate each round's error rate"},
    {"search", annorev::runSearch, "list the documents whose text holds a word or phrase, as the window's search does"},
    {"compare", annorev::runCompare, "score two annotations of the same documents against each other"},
    {"adjudicate", annorev::runAdjudicate, "merge N annotations of the same documents by vote, queueing the disputed spans"},
    {"team", annorev::runTeam, "set up a PostgreSQL database for team batches (team init)"},
    {"import", annorev::runImport, "import local files into a team batch, or sync it with them"},
    {"claim", annorev::runClaim, "claim the next unreviewed documents of a team batch nobody else holds"},
    {"release", annorev::runRelease, "give back claims on documents of a team batch"},
};

const Subcommand *findSubcommand(const char *name)
{
    for (const Subcommand &subcommand : subcommands) {
        if (std::strcmp(subcommand.name, name) == 0) {
            return &subcommand;
        }
    }
    return nullptr;
}

QByteArray usage()
{
    QByteArray text = "Usage: annorev [BATCH...]            open the reviewer window\n"
                      "       annorev COMMAND [OPTIONS] ...  run headless\n\nCommands:\n";
    for (const Subcommand &subcommand : subcommands) {
        text += "  " + QByteArray(subcommand.name).leftJustified(11) + subcommand.summary + '\n';
    }
    text += "\nEvery command takes --help. annorev --version prints the version.\n";
    return text;
}

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("annorev"));
    QCoreApplication::setApplicationName(QStringLiteral("annorev"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ANNOREV_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    using namespace annorev;
    // A subcommand runs on a QCoreApplication: no display is needed or touched.
    if (argc > 1 && (findSubcommand(argv[1]) || argv[1][0] == '-')) {
        QCoreApplication app(argc, argv);
        describeApplication();
        QStringList arguments = QCoreApplication::arguments();
        arguments.removeFirst();
        const QString first = arguments.constFirst();
        if (first == u"--version" || first == u"-v") {
            Console::out("annorev " ANNOREV_VERSION "\n");
            return ExitOk;
        }
        if (first == u"--help" || first == u"-h") {
            Console::out(usage());
            return ExitOk;
        }
        if (const Subcommand *subcommand = findSubcommand(argv[1])) {
            arguments.first() = QStringLiteral("annorev ") + arguments.constFirst();
            return subcommand->run(arguments);
        }
        Console::error(QStringLiteral("unknown option %1").arg(first));
        Console::err(usage());
        return ExitUsage;
    }
    for (int i = 1; i < argc; ++i) {
        if (!QFileInfo::exists(QString::fromLocal8Bit(argv[i]))) {
            QCoreApplication app(argc, argv);
            Console::error(QStringLiteral("%1 is neither a command nor a file or folder to open")
                               .arg(QString::fromLocal8Bit(argv[i])));
            Console::err(usage());
            return ExitUsage;
        }
    }

    QApplication app(argc, argv);
    describeApplication();
    // Wayland compositors and docks find the installed desktop file, and with it the icon, by this id.
    QGuiApplication::setDesktopFileName(QStringLiteral(ANNOREV_APP_ID));
    MainWindow window;
    window.show();
    QStringList batch = QCoreApplication::arguments();
    batch.removeFirst();
    if (batch.isEmpty()) {
        // Without arguments the reviewer picks up where they left off, when that batch is still there.
        const QStringList last = appSettings().value(QStringLiteral("lastBatch")).toStringList();
        if (!last.isEmpty() &&
            std::all_of(last.cbegin(), last.cend(), [](const QString &path) { return QFileInfo::exists(path); })) {
            batch = last;
        }
    }
    if (!batch.isEmpty()) {
        window.openBatch(batch);
    }
    return app.exec();
}
