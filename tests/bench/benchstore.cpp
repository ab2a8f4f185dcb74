// Times the review store: importing a batch into a new store, then marking documents one at a
// time, each a committed transaction with its audit row, as `annorev mark` does.
#include "checker.h"
#include "countryaliases.h"
#include "reviewstore.h"
#include "schema.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace annorev;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Import a batch into a new review store, then mark documents."));
    parser.addHelpOption();
    const QCommandLineOption marksOption(QStringLiteral("marks"), QStringLiteral("Documents to mark one by one."),
                                         QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Where to create the store (default: a temporary folder)."),
                                       QStringLiteral("DIR"));
    parser.addOptions({marksOption, dirOption});
    parser.addPositionalArgument(QStringLiteral("BATCH"), QStringLiteral("A file, folder or JSON Lines file."));
    parser.process(app);
    if (parser.positionalArguments().size() != 1) {
        parser.showHelp(2);
    }
    const QString batch = parser.positionalArguments().constFirst();
    const qsizetype marks = std::max(1, parser.value(marksOption).toInt());
    QTemporaryDir temporary(parser.isSet(dirOption) ? parser.value(dirOption) + QStringLiteral("/benchstore-XXXXXX")
                                                    : QString());
    if (!temporary.isValid()) {
        std::fprintf(stderr, "cannot create a temporary folder\n");
        return 2;
    }
    const Checker checker(Schema::builtin(), CountryAliases::builtin(), 2026);
    const QString path = temporary.filePath(QStringLiteral("bench.annorev.sqlite"));

    QElapsedTimer timer;
    timer.start();
    Expected<std::unique_ptr<ReviewStore>> opened = ReviewStore::open(path);
    const Expected<ReviewStore::SyncReport> report =
        opened ? (*opened)->sync({batch}, Schema::builtin(), checker, QStringLiteral("bench")) : opened.error();
    const double importSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!report) {
        std::fprintf(stderr, "%s\n", qPrintable(report.error().message));
        return 1;
    }
    std::printf("import: %lld documents into a new store in %.2f s (store %.1f MB)\n", qlonglong(report->imported),
                importSeconds, double(QFileInfo(path).size()) / 1e6);

    ReviewStore *store = opened->get();
    // What a touched batch costs (every file read and hashed), then what an unchanged one does.
    timer.restart();
    const auto reread =
        store->sync(BatchReader::open({batch}), {batch}, Schema::builtin(), checker, QStringLiteral("bench"));
    std::printf("sync of the unchanged batch, read and hashed: %.3f s\n", double(timer.nsecsElapsed()) / 1e9);
    if (!reread) {
        std::fprintf(stderr, "%s\n", qPrintable(reread.error().message));
        return 1;
    }
    timer.restart();
    const auto again = store->sync({batch}, Schema::builtin(), checker, QStringLiteral("bench"));
    std::printf("sync of the unchanged batch, from its stamps: %.3f s\n", double(timer.nsecsElapsed()) / 1e9);
    if (!again) {
        std::fprintf(stderr, "%s\n", qPrintable(again.error().message));
        return 1;
    }

    const Expected<QStringList> read = store->ids();
    if (!read) {
        std::fprintf(stderr, "%s\n", qPrintable(read.error().message));
        return 1;
    }
    const QStringList &ids = *read;
    const ReviewStatus statuses[] = {ReviewStatus::NeedsWork, ReviewStatus::Rejected, ReviewStatus::Approved};
    std::vector<double> times;
    times.reserve(std::size_t(marks));
    for (qsizetype i = 0; i < marks && i < ids.size(); ++i) {
        timer.restart();
        // A note on every mark, so that approving a document with error findings is allowed.
        const Expected<void> marked =
            store->setStatus({ids[i]}, statuses[i % 3], QStringLiteral("bench"), QStringLiteral("bench"));
        if (!marked) {
            std::fprintf(stderr, "%s\n", qPrintable(marked.error().message));
            return 1;
        }
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    const auto at = [&times](double q) {
        return times[std::min(times.size() - 1, std::size_t(q * double(times.size())))];
    };
    std::printf("mark: %zu documents one at a time: median %.3f ms, p95 %.3f ms, max %.3f ms\n", times.size(), at(0.5),
                at(0.95), times.back());
    return 0;
}
