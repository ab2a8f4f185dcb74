// Times the stages `annorev check` runs before it prints anything: reading a batch, parsing,
// normalising and checking every document, on 1..N threads. Best of several runs.
#include "batchcheck.h"
#include "batchreader.h"
#include "checker.h"
#include "countryaliases.h"
#include "schema.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

#include <cstdio>

using namespace annorev;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Read, parse, normalise and check a batch without printing it."));
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per thread count."),
                                        QStringLiteral("N"), QStringLiteral("3"));
    parser.addOption(runsOption);
    parser.addPositionalArgument(QStringLiteral("BATCH"), QStringLiteral("A file, folder or JSON Lines file."));
    parser.process(app);
    if (parser.positionalArguments().size() != 1) {
        parser.showHelp(2);
    }
    const QString batch = parser.positionalArguments().constFirst();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const Checker checker(Schema::builtin(), CountryAliases::builtin(), 2026);

    std::printf("| Threads | Best time (s) | Throughput (MB/s) | Documents | Findings |\n|---:|---:|---:|---:|---:|\n");
    for (int jobs = 1; jobs <= QThread::idealThreadCount(); ++jobs) {
        double best = 0;
        qsizetype documents = 0;
        qsizetype findings = 0;
        qint64 bytes = 0;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            const BatchReader reader = BatchReader::open({batch});
            documents = 0;
            findings = 0;
            BatchCheck(reader, Schema::builtin(), checker)
                .run(
                    jobs, [](const SourceEntry &, const Document &, const CheckResult &, const CheckReport::Write &) {},
                    [&](BatchCheck::Unit &&unit) {
                        if (!unit.error && !unit.blank) {
                            ++documents;
                            findings += unit.counts.errors + unit.counts.warnings + unit.counts.infos;
                        }
                    });
            const double seconds = double(timer.nsecsElapsed()) / 1e9;
            best = run == 0 ? seconds : std::min(best, seconds);
            bytes = reader.totalBytes();
        }
        std::printf("| %d | %.3f | %.0f | %lld | %lld |\n", jobs, best, double(bytes) / 1e6 / best,
                    static_cast<long long>(documents), static_cast<long long>(findings));
    }
    return 0;
}
