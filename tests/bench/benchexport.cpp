// Times `annorev export --format records-jsonl` without the store: parsing every document,
// computing its records and writing them atomically. Building the input list is not timed.
#include "exporter.h"
#include "exportfixtures.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace annorev;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Export a batch's approved records as JSON Lines and time it."));
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per thread count."),
                                        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("Export format."),
                                          QStringLiteral("FORMAT"), QStringLiteral("records-jsonl"));
    parser.addOptions({runsOption, formatOption});
    parser.addPositionalArgument(QStringLiteral("BATCH"), QStringLiteral("A JSON Lines batch (annorev-genbatch)."));
    parser.process(app);
    if (parser.positionalArguments().size() != 1) {
        parser.showHelp(2);
    }
    const std::optional<ExportFormat> format = exportFormatFromName(parser.value(formatOption));
    if (!format) {
        std::fprintf(stderr, "unknown format\n");
        return 2;
    }
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const QList<ExportDocument> documents = ExportFixtures::readBatch(parser.positionalArguments().constFirst());
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("export"));

    std::printf("| Threads | Best time (s) | Documents | Rows | Output (MB) |\n|---:|---:|---:|---:|---:|\n");
    for (int jobs = 1; jobs <= QThread::idealThreadCount(); ++jobs) {
        double best = 0;
        ExportResult result;
        for (int run = 0; run < runs; ++run) {
            ExportOptions options;
            options.outPath = out;
            options.jobs = jobs;
            QElapsedTimer timer;
            timer.start();
            Expected<ExportResult> exported = exportDocuments(documents, *format, options);
            const double seconds = double(timer.nsecsElapsed()) / 1e9;
            if (!exported) {
                std::fprintf(stderr, "export failed: %s\n", qPrintable(exported.error().message));
                return 1;
            }
            result = std::move(exported).value();
            best = run == 0 ? seconds : std::min(best, seconds);
        }
        std::printf("| %d | %.3f | %lld | %lld | %.1f |\n", jobs, best, static_cast<long long>(result.documents),
                    static_cast<long long>(result.items), double(QFileInfo(out).size()) / 1e6);
    }
    return 0;
}
