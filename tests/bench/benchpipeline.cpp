// Times the stages `annorev check` runs before it prints anything: reading a batch, parsing,
// normalising and checking every document, on 1..N threads. Best of several runs.
// With --stages, one thread times each stage apart, output formatting included, so that the
// README's per-stage profile can be measured again by anyone.
#include "batchcheck.h"
#include "batchreader.h"
#include "checkcontext.h"
#include "checker.h"
#include "countryaliases.h"
#include "document.h"
#include "findinglist.h"
#include "ruleset.h"
#include "schema.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>

#include <chrono>
#include <cstdio>
#include <vector>

using namespace annorev;

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Seconds per stage over one pass of the batch on one thread.
struct StageTimes
{
    double list = 0;    // BatchReader::open: listing, reading, splitting lines
    double decode = 0;  // BatchReader::read: JSON decoding, copying the text
    double parse = 0;   // Document::parse: the tagged-text parser
    double analyse = 0; // DocumentAnalysis: normalising values, building records
    double context = 0; // CheckContext
    std::vector<double> rules;
    double check = 0; // Checker::check whole: analysis, context, rules, ordering findings
    double text = 0;  // CheckReport::text
    double json = 0;  // CheckReport::json
};

StageTimes timeStages(const QString &batch, const Schema &schema, const CountryAliases &countries, int year,
                      const Checker &checker, qint64 *bytes)
{
    const RuleSet &ruleSet = RuleSet::builtin();
    StageTimes times;
    times.rules.assign(ruleSet.rules().size(), 0.0);
    auto start = Clock::now();
    const BatchReader reader = BatchReader::open({batch}, schema);
    times.list = secondsSince(start);
    *bytes = reader.totalBytes();
    QByteArray sink;
    const CheckReport::Write write = [&sink](const QByteArray &part) {
        sink = part;
    };
    FindingList scratch;
    for (qsizetype unit = 0; unit < reader.size(); ++unit) {
        start = Clock::now();
        ReadResult read = reader.read(unit, BatchReader::Keep::Text);
        times.decode += secondsSince(start);
        const auto *entry = std::get_if<SourceEntry>(&read);
        if (!entry) {
            continue;
        }
        start = Clock::now();
        const Document doc = Document::parse(entry->source, schema);
        times.parse += secondsSince(start);

        // The checker's parts one by one (the whole check is timed below, for the output).
        start = Clock::now();
        const DocumentAnalysis analysis = DocumentAnalysis::analyze(doc, schema, countries);
        times.analyse += secondsSince(start);
        start = Clock::now();
        const CheckContext context(doc, schema, analysis, countries, year, false);
        times.context += secondsSince(start);
        for (std::size_t r = 0; r < ruleSet.rules().size(); ++r) {
            scratch = {};
            start = Clock::now();
            ruleSet.rules()[r]->check(context, &scratch);
            times.rules[r] += secondsSince(start);
        }

        start = Clock::now();
        const CheckResult result = checker.check(doc);
        times.check += secondsSince(start);
        start = Clock::now();
        CheckReport::text(*entry, doc, result.findings, write);
        times.text += secondsSince(start);
        start = Clock::now();
        CheckReport::json(*entry, doc, result, write);
        times.json += secondsSince(start);
    }
    return times;
}

void printStages(const QString &batch, int runs)
{
    const Schema &schema = Schema::builtin();
    const CountryAliases &countries = CountryAliases::builtin();
    const int year = QDate::currentDate().year();
    const Checker checker(schema, countries, year, Checker::Fixes::Omit);
    qint64 bytes = 0;
    // The least time of each stage over the runs: other work on the machine only adds time.
    StageTimes best;
    for (int run = 0; run < runs; ++run) {
        const StageTimes times = timeStages(batch, schema, countries, year, checker, &bytes);
        if (run == 0) {
            best = times;
            continue;
        }
        for (auto member : {&StageTimes::list, &StageTimes::decode, &StageTimes::parse, &StageTimes::analyse,
                            &StageTimes::context, &StageTimes::check, &StageTimes::text, &StageTimes::json}) {
            best.*member = std::min(best.*member, times.*member);
        }
        for (std::size_t r = 0; r < best.rules.size(); ++r) {
            best.rules[r] = std::min(best.rules[r], times.rules[r]);
        }
    }
    double rules = 0;
    for (const double seconds : best.rules) {
        rules += seconds;
    }
    // Ordering and deduplicating findings is what the whole check takes beyond its parts.
    const double order = std::max(0.0, best.check - best.analyse - best.context - rules);
    // The rules timed one by one run before the whole check, on colder caches, and take longer
    // than they do inside it: the total is the sum of the rows, so that the shares add up.
    const double total = best.list + best.decode + best.parse + best.analyse + best.context + rules + order + best.text;
    const double mb = double(bytes) / 1e6;
    auto row = [&](const char *stage, double seconds) {
        std::printf("| %s | %.3f | %.1f%% | %.0f |\n", stage, seconds, 100 * seconds / total,
                    seconds > 0 ? mb / seconds : 0.0);
    };
    std::printf("| Stage (one thread, `check --format text`) | Time (s) | Share | MB/s |\n|---|---:|---:|---:|\n");
    row("read: list, split lines", best.list);
    row("read: decode JSON, copy text", best.decode);
    row("parse (tagged text)", best.parse);
    row("normalise (values, records)", best.analyse);
    row("rules", best.context + rules + order);
    for (std::size_t r = 0; r < best.rules.size(); ++r) {
        const QByteArray name = "    " + QString(RuleSet::builtin().rules()[r]->info().id).toUtf8();
        row(name.constData(), best.rules[r]);
    }
    row("    (context, ordering findings)", best.context + order);
    row("output: format text", best.text);
    row("**total**", total);
    std::printf("\nWith `--format jsonl` the output stage takes %.3f s (%.0f MB/s) instead of %.3f s.\n", best.json,
                mb / best.json, best.text);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Read, parse, normalise and check a batch without printing it."));
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per thread count."),
                                        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption stagesOption(QStringLiteral("stages"),
                                          QStringLiteral("Time each stage apart on one thread, output included."));
    parser.addOptions({runsOption, stagesOption});
    parser.addPositionalArgument(QStringLiteral("BATCH"), QStringLiteral("A file, folder or JSON Lines file."));
    parser.process(app);
    if (parser.positionalArguments().size() != 1) {
        parser.showHelp(2);
    }
    const QString batch = parser.positionalArguments().constFirst();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    if (parser.isSet(stagesOption)) {
        printStages(batch, runs);
        return 0;
    }
    // As `annorev check` runs it: no fixes, since it prints none.
    const Checker checker(Schema::builtin(), CountryAliases::builtin(), QDate::currentDate().year(),
                          Checker::Fixes::Omit);

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
