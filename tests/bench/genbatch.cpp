// annorev-genbatch: writes a reproducible batch of synthetic tagged documents for benchmarks and
// robustness tests of the batch reader and the checker.

#include "documentgenerator.h"
#include "jsonstring.h"
#include "seededrandom.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <optional>

using namespace annorev::bench;

namespace {

enum class Format { JsonLines, Folder };

struct Options
{
    quint64 seed = 1;
    qint64 count = 1000;
    Format format = Format::JsonLines;
    double faultRate = 0.2;
    QString out;
};

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

std::optional<Options> parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes a reproducible batch of synthetic documents with inline entity tags: the same "
        "arguments give the same bytes on every machine."));
    parser.addHelpOption();
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."),
                                        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("Number of documents (default 1000)."),
                                         QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          QStringLiteral("jsonl (one file) or folder (NNN/doc-XXXXXX.txt, 100 per folder)."),
                                          QStringLiteral("jsonl|folder"), QStringLiteral("jsonl"));
    const QCommandLineOption faultOption(QStringLiteral("fault-rate"),
                                         QStringLiteral("Share of documents with one or two faults (default 0.2)."),
                                         QStringLiteral("F"), QStringLiteral("0.2"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Output file (jsonl) or folder."),
                                       QStringLiteral("PATH"));
    parser.addOptions({seedOption, countOption, formatOption, faultOption, outOption});
    parser.process(app);

    const auto fail = [](const QString &message) -> std::optional<Options> {
        err() << "annorev-genbatch: " << message << "\n";
        return std::nullopt;
    };
    if (!parser.positionalArguments().isEmpty()) {
        return fail(QStringLiteral("unexpected argument '%1' (see --help)").arg(parser.positionalArguments().first()));
    }
    Options options;
    bool ok = false;
    options.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok) {
        return fail(QStringLiteral("--seed must be a non-negative integer"));
    }
    options.count = parser.value(countOption).toLongLong(&ok);
    if (!ok || options.count < 0) {
        return fail(QStringLiteral("--count must be a non-negative integer"));
    }
    const QString format = parser.value(formatOption);
    if (format == u"jsonl") {
        options.format = Format::JsonLines;
    } else if (format == u"folder") {
        options.format = Format::Folder;
    } else {
        return fail(QStringLiteral("--format must be jsonl or folder, not '%1'").arg(format));
    }
    options.faultRate = parser.value(faultOption).toDouble(&ok);
    if (!ok || !(options.faultRate >= 0.0 && options.faultRate <= 1.0)) {
        return fail(QStringLiteral("--fault-rate must be a number from 0 to 1"));
    }
    options.out = parser.value(outOption);
    if (options.out.isEmpty()) {
        return fail(QStringLiteral("--out PATH is required (see --help)"));
    }
    return options;
}

QByteArray documentId(qint64 number)
{
    return "doc-" + QByteArray::number(number).rightJustified(6, '0');
}

// Returns the bytes written, or -1 after reporting the error.
qint64 writeJsonLines(const Options &options, const DocumentGenerator &generator, SeededRandom &seeds)
{
    QFile file(options.out);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        err() << "annorev-genbatch: cannot write " << options.out << ": " << file.errorString() << "\n";
        return -1;
    }
    const QByteArray tail = ",\"source\":\"genbatch\",\"seed\":" + QByteArray::number(options.seed) + "}\n";
    constexpr qsizetype flushAt = 4 << 20;
    QByteArray buffer;
    buffer.reserve(flushAt + (64 << 10));
    qint64 written = 0;
    for (qint64 number = 1; number <= options.count; ++number) {
        const quint64 documentSeed = seeds.next();
        const GeneratedDocument document = generator.generate(documentSeed);
        // Some writers (Go's encoding/json, for one) escape < > & so that JSON can sit in HTML.
        const JsonEscaping escaping = documentSeed % 10 == 0 ? JsonEscaping::HtmlSafe : JsonEscaping::Plain;
        buffer += "{\"id\":\"" + documentId(number) + "\",\"text\":";
        appendJsonString(buffer, document.text, escaping);
        buffer += tail;
        if (buffer.size() >= flushAt || number == options.count) {
            if (file.write(buffer) != buffer.size()) {
                err() << "annorev-genbatch: cannot write " << options.out << ": " << file.errorString() << "\n";
                return -1;
            }
            written += buffer.size();
            buffer.clear();
        }
    }
    return written;
}

qint64 writeFolder(const Options &options, const DocumentGenerator &generator, SeededRandom &seeds)
{
    const QDir root(options.out);
    qint64 written = 0;
    QString folder;
    for (qint64 number = 1; number <= options.count; ++number) {
        const GeneratedDocument document = generator.generate(seeds.next());
        if ((number - 1) % 100 == 0) {
            folder = root.filePath(QString::number((number - 1) / 100).rightJustified(3, u'0'));
            if (!QDir().mkpath(folder)) {
                err() << "annorev-genbatch: cannot create " << folder << "\n";
                return -1;
            }
        }
        const QString name = QString::fromLatin1(documentId(number)) + (document.htmlFileName ? u".html" : u".txt");
        QFile file(folder + u'/' + name);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(document.text) != document.text.size()) {
            err() << "annorev-genbatch: cannot write " << file.fileName() << ": " << file.errorString() << "\n";
            return -1;
        }
        written += document.text.size();
    }
    return written;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("annorev-genbatch"));

    const std::optional<Options> options = parseOptions(app);
    if (!options) {
        return 2;
    }

    QElapsedTimer timer;
    timer.start();
    // One seed per document from the batch seed, so documents do not depend on each other.
    SeededRandom seeds(options->seed);
    const DocumentGenerator generator(options->faultRate, options->format == Format::Folder);
    const qint64 bytes = options->format == Format::JsonLines ? writeJsonLines(*options, generator, seeds)
                                                              : writeFolder(*options, generator, seeds);
    if (bytes < 0) {
        return 1;
    }
    const double seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    err() << "annorev-genbatch: wrote " << options->count << " documents, " << bytes << " bytes ("
          << QString::number(static_cast<double>(bytes) / 1e6, 'f', 1) << " MB) in "
          << QString::number(seconds, 'f', 2) << " s to " << options->out << "\n";
    return 0;
}
