// annorev-benchscaling: times the work on one long document at a size n and at 8n and prints the
// ratio. Work that grows as n log n takes 8 to 10 times as long at 8n; quadratic work takes 64
// times. Each case is a shape that once was quadratic (see issue 11, item 8).
#include "agreement.h"
#include "annotatedtext.h"
#include "batchreader.h"
#include "checker.h"
#include "checkreport.h"
#include "countryaliases.h"
#include "densedocument.h"
#include "document.h"
#include "schema.h"
#include "spancomparison.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>
#include <functional>

using namespace annorev;

namespace {

// One document: a sentence that never ends, each hardware span after an untagged count.
QByteArray hardwareAfterCounts(qsizetype n, bool withGpuCount)
{
    QByteArray source = "<model>M-7B</model> was trained ";
    if (withGpuCount) {
        source += "on <gpu_count>8</gpu_count> GPUs, ";
    }
    for (qsizetype i = 0; i < n; ++i) {
        source += QByteArray::number(2 + i % 60) + " <hardware>NVIDIA A100</hardware>, ";
    }
    return source + "in all.";
}

QByteArray nestedModels(qsizetype n)
{
    return QByteArray("<model>").repeated(n) + "M-7B" + QByteArray("</model>").repeated(n);
}

// Every </model> closes a tag below all the open <params> tags (which stay unclosed): each crosses
// them all. The spans are short, so that the output does not grow as n^2.
QByteArray crossingTags(qsizetype n)
{
    return QByteArray("<model>").repeated(n) + QByteArray("<params>").repeated(n) + "M-7B" +
           QByteArray("</model>").repeated(n);
}

// A record per model, each named again untagged.
QByteArray manyRecords(qsizetype n)
{
    QByteArray source;
    for (qsizetype i = 0; i < n; ++i) {
        const QByteArray name = "M" + QByteArray::number(i) + "-7B";
        source += "<model>" + name + "</model> has <params>7B</params> parameters and " + name +
                  " ran on <gpu_count>8</gpu_count> <hardware>A100</hardware> in <year>2023</year>; ";
    }
    return source;
}

// A record per model, the names sharing their first word, each named again.
QByteArray sharedFirstWords(qsizetype n)
{
    QByteArray source;
    for (qsizetype i = 0; i < n; ++i) {
        const QByteArray name = "Llama-" + QByteArray::number(i);
        source += "<model>" + name + "</model> is here and " + name + " again; ";
    }
    return source;
}

// Writes a document of about `bytes` made of dense blocks, as a .txt file or as the "text" of the
// one line of a .jsonl file (by the path's suffix): what README's Speed › Long documents measures
// peak memory on.
int writeDense(const QString &path, qsizetype bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "benchscaling: cannot write %s\n", qPrintable(path));
        return 1;
    }
    const bool jsonLines = path.endsWith(QLatin1String(".jsonl"));
    if (jsonLines) {
        file.write(R"({"id": "dense", "text": ")");
    }
    qsizetype written = 0;
    qsizetype spans = 0;
    for (qsizetype i = 0; written < bytes; ++i) {
        const QByteArray block = bench::denseBlock(i);
        file.write(block); // nothing in a block needs escaping in a JSON string
        written += block.size();
        spans += 4;
    }
    if (jsonLines) {
        file.write("\"}\n");
    }
    std::printf("%s: %lld bytes of text, %lld spans\n", qPrintable(path), static_cast<long long>(written),
                static_cast<long long>(spans));
    return file.error() == QFileDevice::NoError ? 0 : 1;
}

// The same text twice: A tags the count, B the count and its word, so no span matches exactly.
std::pair<QByteArray, QByteArray> gpuCountsToCompare(qsizetype n)
{
    return {QByteArray("<gpu_count>8</gpu_count> GPUs and ").repeated(n),
            QByteArray("<gpu_count>8 GPUs</gpu_count> and ").repeated(n)};
}

struct Case
{
    const char *name;
    qsizetype n;
    std::function<qsizetype(qsizetype)> run; // returns a figure of the result, so it is used
};

double bestOf(int runs, const std::function<qsizetype(qsizetype)> &run, qsizetype n, qsizetype *figure)
{
    double best = 0;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer timer;
        timer.start();
        *figure = run(n);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        best = r == 0 ? seconds : std::min(best, seconds);
    }
    return best;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Time checking, records and comparison of one long document at n and 8n."));
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per size (best is shown)."),
                                        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption scaleOption(QStringLiteral("scale"),
                                         QStringLiteral("Multiply every n by F (default 1: 8n is the size issue 11 "
                                                        "measured)."),
                                         QStringLiteral("F"), QStringLiteral("1"));
    const QCommandLineOption denseOption(
        QStringLiteral("write-dense"),
        QStringLiteral("Instead of timing, write one document of about MB megabytes with a span every 38 bytes "
                       "and a finding every four spans to --out (.txt, or one line of a .jsonl)."),
        QStringLiteral("MB"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Where --write-dense writes."),
                                       QStringLiteral("PATH"));
    parser.addOptions({runsOption, scaleOption, denseOption, outOption});
    parser.process(app);
    if (parser.isSet(denseOption)) {
        const double megabytes = parser.value(denseOption).toDouble();
        if (megabytes <= 0 || !parser.isSet(outOption)) {
            std::fprintf(stderr, "benchscaling: --write-dense needs a positive size and --out\n");
            return 2;
        }
        return writeDense(parser.value(outOption), qsizetype(megabytes * 1e6));
    }
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const double scale = std::max(0.001, parser.value(scaleOption).toDouble());

    const Schema &schema = Schema::builtin();
    const Checker checker(schema, CountryAliases::builtin(), 2026);
    // What `annorev check --format jsonl` does with a document: parse, check, write its line.
    const auto check = [&](const QByteArray &source) {
        SourceEntry entry;
        entry.id = QStringLiteral("doc");
        entry.path = QStringLiteral("doc.txt");
        entry.source = source;
        const Document doc = Document::parse(source, schema);
        const CheckResult result = checker.check(doc);
        return CheckReport::json(entry, doc, result).size() + CheckReport::text(entry, doc, result.findings).size();
    };
    const auto compare = [&](const std::pair<QByteArray, QByteArray> &sources) {
        const AnnotatedText a = AnnotatedText::fromDocument(
            QStringLiteral("doc"), Document::parse(sources.first, schema), OffsetUnit::CodePoint);
        const AnnotatedText b = AnnotatedText::fromDocument(
            QStringLiteral("doc"), Document::parse(sources.second, schema), OffsetUnit::CodePoint);
        const Agreement::Result result = Agreement::compare({a}, {b});
        return result.overall.overlap + SpanComparison::of(a, b).rows.size();
    };

    const QList<Case> cases = {
        {"check: hardware spans each after a count", 25000,
         [&](qsizetype n) {
             return check(hardwareAfterCounts(n, false));
         }},
        {"check: the same with a gpu_count (mismatches)", 25000,
         [&](qsizetype n) {
             return check(hardwareAfterCounts(n, true));
         }},
        {"check: nested model tags", 12500,
         [&](qsizetype n) {
             return check(nestedModels(n));
         }},
        {"check: crossing tags", 12500,
         [&](qsizetype n) {
             return check(crossingTags(n));
         }},
        {"check: a record per model, each named again", 12500,
         [&](qsizetype n) {
             return check(manyRecords(n));
         }},
        {"check: a record per model, names sharing a first word", 5000,
         [&](qsizetype n) {
             return check(sharedFirstWords(n));
         }},
        {"compare: gpu_count spans, boundaries differ", 5000,
         [&](qsizetype n) {
             return compare(gpuCountsToCompare(n));
         }},
    };

    std::printf("| Case | n | Time at n (s) | 8n | Time at 8n (s) | Ratio |\n|---|---:|---:|---:|---:|---:|\n");
    for (const Case &c : cases) {
        const auto n = std::max<qsizetype>(1, qsizetype(double(c.n) * scale));
        qsizetype small = 0;
        qsizetype large = 0;
        const double atN = bestOf(runs, c.run, n, &small);
        const double at8n = bestOf(runs, c.run, 8 * n, &large);
        std::printf("| %s | %lld | %.4f | %lld | %.4f | %.1f |\n", c.name, static_cast<long long>(n), atN,
                    static_cast<long long>(8 * n), at8n, at8n / std::max(atN, 1e-9));
        std::fflush(stdout);
        if (large < small) {
            std::fprintf(stderr, "benchscaling: %s: the larger document gave less output\n", c.name);
            return 1;
        }
    }
    return 0;
}
