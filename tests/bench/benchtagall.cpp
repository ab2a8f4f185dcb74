// Times Tag All Occurrences over a batch's store, as `annorev tag` and the window's dialog run it:
// the preview (every document read from the store, parsed and searched on every core; with
// --findings, each document with a hit checked before and after, as the window does), then the
// apply (the new texts made and checked, then written in one transaction with an audit row per
// document), then the same documents written back (what the window's undo does).
#include "bulkeditrun.h"
#include "checker.h"
#include "countryaliases.h"
#include "reviewstore.h"
#include "schema.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace annorev;

namespace {

double seconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Time Tag All Occurrences over a batch (its store, BATCH.annorev.sqlite beside it, is made if missing)."));
    parser.addHelpOption();
    const QCommandLineOption matchOption(QStringLiteral("match"), QStringLiteral("The text to find (whole words)."),
                                         QStringLiteral("TEXT"), QStringLiteral("transformer"));
    const QCommandLineOption regexOption(QStringLiteral("regex"), QStringLiteral("Find this expression instead."),
                                         QStringLiteral("RE"));
    const QCommandLineOption labelOption(QStringLiteral("label"), QStringLiteral("The label to tag with."),
                                         QStringLiteral("LABEL"), QStringLiteral("model"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("Runs of each step (best kept)."),
                                          QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption findingsOption(QStringLiteral("findings"),
                                            QStringLiteral("Count findings before and after, as the window does."));
    parser.addOptions({matchOption, regexOption, labelOption, repeatOption, findingsOption});
    parser.addPositionalArgument(QStringLiteral("BATCH"), QStringLiteral("A file, folder or JSON Lines file."));
    parser.process(app);
    if (parser.positionalArguments().size() != 1) {
        parser.showHelp(2);
    }
    const QString batch = parser.positionalArguments().constFirst();
    const int repeat = std::max(1, parser.value(repeatOption).toInt());
    const Schema &schema = Schema::builtin();
    const Checker checker(schema, CountryAliases::builtin(), 2026);

    Expected<std::unique_ptr<ReviewStore>> store = ReviewStore::open(ReviewStore::defaultStorePath({batch}));
    const Expected<ReviewStore::SyncReport> synced =
        store ? (*store)->sync({batch}, schema, checker, QStringLiteral("bench")) : store.error();
    if (!synced) {
        std::fprintf(stderr, "%s\n", qPrintable(synced.error().message));
        return 1;
    }
    BulkRequest request;
    request.label = parser.value(labelOption);
    request.match.regex = parser.isSet(regexOption);
    request.match.pattern = parser.value(request.match.regex ? regexOption : matchOption);
    request.match.wholeWords = true;

    double bestPreview = 1e9;
    double bestWrites = 1e9;
    double bestApply = 1e9;
    double bestUndo = 1e9;
    qsizetype written = 0;
    for (int run = 0; run < repeat; ++run) {
        QElapsedTimer timer;
        timer.start();
        const Expected<BulkPreview> preview =
            BulkEditRun::preview(**store, {}, request, schema, parser.isSet(findingsOption) ? &checker : nullptr);
        bestPreview = std::min(bestPreview, seconds(timer));
        if (!preview) {
            std::fprintf(stderr, "%s\n", qPrintable(preview.error().message));
            return 1;
        }
        if (run == 0) {
            std::printf("%s\n", qPrintable(BulkEditRun::summary(*preview, false, preview->documents.size())));
        }
        timer.restart();
        const QList<ReviewStore::TextWrite> writes = BulkEditRun::writes(*preview, {}, schema, checker);
        bestWrites = std::min(bestWrites, seconds(timer));
        timer.restart();
        if (const Expected<void> saved = (*store)->setTaggedTexts(writes, QStringLiteral("bench")); !saved) {
            std::fprintf(stderr, "%s\n", qPrintable(saved.error().message));
            return 1;
        }
        bestApply = std::min(bestApply, seconds(timer));
        written = writes.size();
        // Back as they were, for the next run: the window's undo.
        timer.restart();
        QList<ReviewStore::TextWrite> back;
        back.reserve(writes.size());
        for (const ReviewStore::TextWrite &write : writes) {
            back.append({write.id, write.after, write.before, TextFacts::of(write.before, schema, checker)});
        }
        if (const Expected<void> undone = (*store)->setTaggedTexts(back, QStringLiteral("bench")); !undone) {
            std::fprintf(stderr, "%s\n", qPrintable(undone.error().message));
            return 1;
        }
        bestUndo = std::min(bestUndo, seconds(timer));
    }
    std::printf("preview%s: %.2f s\n", parser.isSet(findingsOption) ? " with findings" : "", bestPreview);
    std::printf("apply: %.2f s (new texts made and checked %.2f s, written %.2f s; %lld documents)\n",
                bestWrites + bestApply, bestWrites, bestApply, qlonglong(written));
    std::printf("undo (texts checked on one thread, written back): %.2f s\n", bestUndo);
    return 0;
}
