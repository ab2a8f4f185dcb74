#include "annotatornames.h"
#include "commands.h"
#include "console.h"
#include "documentmerge.h"
#include "namesakestream.h"
#include "output.h"
#include "outputguard.h"
#include "reviewstore.h"
#include "schema.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

namespace annorev {

namespace {

// What the report keeps of a document: its disputes (offsets in code points) and who had it.
struct Disputed
{
    QString id;
    QList<int> present;
    QList<Adjudication::Candidate> candidates;
    QList<Adjudication::Dispute> disputes;
};

struct Report
{
    QStringList names;
    QStringList batches;
    int minAgree = 0;
    qsizetype documents = 0;
    qsizetype written = 0;
    qsizetype accepted = 0;
    qsizetype tooFewVotes = 0;
    qsizetype overlaps = 0;
    QList<Disputed> disputed;
};

// The text report says "queued" for too few votes; both name an overlap "overlaps".
const char *outcomeName(Adjudication::Outcome outcome, bool json)
{
    switch (outcome) {
    case Adjudication::Outcome::Accepted:
        return "accepted";
    case Adjudication::Outcome::TooFewVotes:
        return json ? "too_few_votes" : "queued";
    case Adjudication::Outcome::Overlaps:
        return "overlaps";
    }
    return "";
}

QStringList namesOf(const QList<int> &annotators, const QStringList &names)
{
    QStringList result;
    for (int annotator : annotators) {
        result.append(names[annotator]);
    }
    return result;
}

QByteArray json(const Report &report, const QString &out)
{
    QJsonArray annotators;
    for (qsizetype i = 0; i < report.names.size(); ++i) {
        annotators.append(
            QJsonObject{{QStringLiteral("name"), report.names[i]}, {QStringLiteral("batch"), report.batches[i]}});
    }
    QJsonArray documents;
    for (const Disputed &doc : report.disputed) {
        QJsonArray disputes;
        for (const Adjudication::Dispute &dispute : doc.disputes) {
            QJsonArray spans;
            for (qsizetype c : dispute.candidates) {
                const Adjudication::Candidate &candidate = doc.candidates[c];
                spans.append(QJsonObject{
                    {QStringLiteral("label"), candidate.label},
                    {QStringLiteral("start"), qint64(candidate.start)},
                    {QStringLiteral("end"), qint64(candidate.end)},
                    {QStringLiteral("text"), candidate.text},
                    {QStringLiteral("annotators"),
                     QJsonArray::fromStringList(namesOf(candidate.annotators, report.names))},
                    {QStringLiteral("outcome"), QString::fromLatin1(outcomeName(candidate.outcome, true))},
                });
            }
            disputes.append(QJsonObject{
                {QStringLiteral("start"), qint64(dispute.start)},
                {QStringLiteral("end"), qint64(dispute.end)},
                {QStringLiteral("spans"), spans},
                {QStringLiteral("no_span"), QJsonArray::fromStringList(namesOf(dispute.noSpan, report.names))},
            });
        }
        documents.append(QJsonObject{
            {QStringLiteral("id"), doc.id},
            {QStringLiteral("annotators"), QJsonArray::fromStringList(namesOf(doc.present, report.names))},
            {QStringLiteral("disputes"), disputes},
        });
    }
    const QJsonObject object{
        {QStringLiteral("out"), out},
        {QStringLiteral("annotators"), annotators},
        {QStringLiteral("min_agree"), report.minAgree},
        {QStringLiteral("documents"), qint64(report.documents)},
        {QStringLiteral("written"), qint64(report.written)},
        {QStringLiteral("accepted"), qint64(report.accepted)},
        {QStringLiteral("too_few_votes"), qint64(report.tooFewVotes)},
        {QStringLiteral("overlaps"), qint64(report.overlaps)},
        {QStringLiteral("disputed"), documents},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

QByteArray text(const Report &report, const QString &out)
{
    QByteArray text;
    for (qsizetype i = 0; i < report.names.size(); ++i) {
        text += report.names[i].toUtf8() + ": " + report.batches[i].toUtf8() + '\n';
    }
    text += plural(report.documents, "document", "documents") + ", " + QByteArray::number(report.written) +
            " written to " + out.toUtf8() + "; a span needs " + QByteArray::number(report.minAgree) + " of " +
            QByteArray::number(report.names.size()) + " votes\n";
    text += plural(report.accepted, "span", "spans") + " accepted, " +
            QByteArray::number(report.tooFewVotes + report.overlaps) + " queued (" +
            QByteArray::number(report.tooFewVotes) + " with too few votes, " + QByteArray::number(report.overlaps) +
            " overlapping another with enough)\n";
    if (report.disputed.isEmpty()) {
        return text;
    }
    text += "\ndisputed spans, by document (offsets in code points):\n";
    for (const Disputed &doc : report.disputed) {
        text += "  " + doc.id.toUtf8() + " (" + namesOf(doc.present, report.names).join(u", ").toUtf8() + ")\n";
        for (const Adjudication::Dispute &dispute : doc.disputes) {
            text += "    at " + QByteArray::number(dispute.start) + '-' + QByteArray::number(dispute.end) + ":\n";
            for (qsizetype c : dispute.candidates) {
                const Adjudication::Candidate &candidate = doc.candidates[c];
                text += "      " + QByteArray(outcomeName(candidate.outcome, false)).leftJustified(9) +
                        candidate.label.toUtf8() + ' ' + QByteArray::number(candidate.start) + '-' +
                        QByteArray::number(candidate.end) + " \"" + candidate.text.toUtf8() +
                        "\": " + namesOf(candidate.annotators, report.names).join(u", ").toUtf8() + '\n';
            }
            if (!dispute.noSpan.isEmpty()) {
                text += "      no span: " + namesOf(dispute.noSpan, report.names).join(u", ").toUtf8() + '\n';
            }
        }
    }
    return text;
}

// The annotators' names: given, else each batch's file name without its suffix (alice.jsonl is
// alice), else (when two share one) the paths.
std::optional<QStringList> annotatorNames(const QCommandLineParser &parser, const QCommandLineOption &namesOption,
                                          const QStringList &batches)
{
    if (parser.isSet(namesOption)) {
        const QStringList names = parser.value(namesOption).split(u',');
        if (names.size() != batches.size()) {
            Console::error(
                QStringLiteral("--names gives %1 names for %2 batches").arg(names.size()).arg(batches.size()));
            return std::nullopt;
        }
        if (names.contains(QString()) || QSet<QString>(names.cbegin(), names.cend()).size() != names.size()) {
            Console::error(QStringLiteral("--names must give every batch a name of its own, none empty"));
            return std::nullopt;
        }
        return names;
    }
    return AnnotatorNames::of(batches);
}

} // namespace

int runAdjudicate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Merge N annotations of the same documents, matched by id, into one JSON Lines batch of tagged text. "
        "A span (a label with the same start and end in the plain text) that at least K annotators marked is "
        "accepted; the rest are queued and reported per document with who chose what. Two spans with enough "
        "votes that overlap are both queued, not written. Documents missing from some batches are merged from "
        "those that hold them, with a warning.\n\n"
        "The batches are read as they are on disk, not from their stores, and never modified.\n"
        "Exit status: 0 merged, nothing queued; 1 merged, spans queued; 2 bad usage, a refused output, input that "
        "could not be read or a document that could not be merged (the rest are merged and written)."));
    parser.addHelpOption();
    const QCommandLineOption outOption(
        QStringLiteral("out"), QStringLiteral("Write the merged batch to FILE (.jsonl)."), QStringLiteral("FILE"));
    const QCommandLineOption minAgreeOption(
        QStringLiteral("min-agree"),
        QStringLiteral("Votes a span needs to be accepted (default: a strict majority, N/2 + 1 rounded down)."),
        QStringLiteral("K"));
    const QCommandLineOption namesOption(QStringLiteral("names"),
                                         QStringLiteral("The annotators' names, one per batch, separated by commas "
                                                        "(default: each batch's file name without its suffix)."),
                                         QStringLiteral("A,B,..."));
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("Report format: text or json."),
                                          QStringLiteral("text|json"), QStringLiteral("text"));
    const QCommandLineOption schemaOption(QStringLiteral("schema"), QStringLiteral("Read the labels from FILE."),
                                          QStringLiteral("FILE"));
    parser.addOptions({outOption, minAgreeOption, namesOption, formatOption, schemaOption});
    parser.addPositionalArgument(QStringLiteral("BATCH"), QStringLiteral("Two or more annotations of the batch."),
                                 QStringLiteral("BATCH_1 BATCH_2 [BATCH_3...]"));
    if (const auto done = parseArguments(parser, arguments)) {
        return *done;
    }
    const std::optional<QString> format = oneOf(parser, formatOption, {QStringLiteral("text"), QStringLiteral("json")});
    if (!format) {
        return ExitUsage;
    }
    const QStringList batches = parser.positionalArguments();
    if (batches.size() < 2) {
        Console::error(QStringLiteral("name two batches or more to merge (see --help)"));
        return ExitUsage;
    }
    if (!parser.isSet(outOption)) {
        Console::error(QStringLiteral("--out FILE is needed: where to write the merged batch"));
        return ExitUsage;
    }
    const QString out = parser.value(outOption);
    if (!out.endsWith(QStringLiteral(".jsonl"))) {
        Console::error(
            QStringLiteral("--out %1: the merged batch is JSON Lines, and annorev reads a file as JSON Lines "
                           "by its .jsonl suffix; name a .jsonl file")
                .arg(out));
        return ExitUsage;
    }
    for (const QString &batch : batches) {
        const QString refusal = OutputGuard::refusal(out, {batch}, ReviewStore::defaultStorePath({batch}));
        if (!refusal.isEmpty()) {
            Console::error(refusal);
            return ExitUsage;
        }
    }
    const int annotators = int(batches.size());
    int minAgree = annotators / 2 + 1;
    if (parser.isSet(minAgreeOption)) {
        bool ok = false;
        minAgree = parser.value(minAgreeOption).toInt(&ok);
        if (!ok || minAgree < 1 || minAgree > annotators) {
            Console::error(QStringLiteral("--min-agree is a whole number from 1 to %1 (the batches), not \"%2\"")
                               .arg(annotators)
                               .arg(parser.value(minAgreeOption)));
            return ExitUsage;
        }
    }
    const std::optional<QStringList> names = annotatorNames(parser, namesOption, batches);
    if (!names) {
        return ExitUsage;
    }
    const std::optional<Schema> schema = schemaFrom(parser, schemaOption);
    if (!schema) {
        return ExitUsage;
    }

    QList<QStringList> inputs;
    for (const QString &batch : batches) {
        inputs.append({batch});
    }
    const NamesakeStream stream(inputs, *schema);
    QByteArray errors;
    for (qsizetype b = 0; b < stream.batchCount(); ++b) {
        for (const InputError &error : stream.errors(b)) {
            errors += error.toString().toUtf8() + '\n';
        }
    }
    if (stream.idCount() == 0) {
        Console::err(errors);
        Console::error(QStringLiteral("the batches hold no document to merge"));
        return ExitUsage;
    }
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly)) {
        Console::err(errors);
        Console::error(QStringLiteral("cannot write %1: %2").arg(out, file.errorString()));
        return ExitUsage;
    }
    Report report{*names, batches, minAgree, 0, 0, 0, 0, 0, {}};
    QByteArray warnings;
    bool failed = false;
    const auto batchList = [&](const QList<int> &which) {
        QStringList named;
        for (int b : which) {
            named.append(QStringLiteral("%1 (%2)").arg((*names)[b], batches[b]));
        }
        return named.join(QStringLiteral(", "));
    };
    stream.forEach(
        [&schema, minAgree](const QString &id, const QList<std::optional<SourceEntry>> &versions) {
            return DocumentMerge::of(id, versions, *schema, minAgree);
        },
        [&](DocumentMerge &merge) {
            ++report.documents;
            if (!merge.missing.isEmpty()) {
                warnings += "annorev: warning: document " + merge.id.toUtf8() + " is not in " +
                            batchList(merge.missing).toUtf8() + ": merged from the other " +
                            plural(annotators - merge.missing.size(), "batch", "batches") + '\n';
            }
            if (!merge.textDiffers.isEmpty()) {
                warnings += "annorev: warning: document " + merge.id.toUtf8() + " has another text in " +
                            batchList(merge.textDiffers).toUtf8() + ": left out of its merge\n";
            }
            if (!merge.warning.isEmpty()) {
                warnings += "annorev: warning: " + merge.warning.toUtf8() + '\n';
            }
            const Adjudication &adjudication = merge.adjudication;
            if (!merge.error.isEmpty()) {
                errors += "annorev: error: " + merge.error.toUtf8() + " (not written)\n";
                failed = true;
                return;
            }
            if (file.write(merge.line) != merge.line.size()) {
                failed = true;
            }
            ++report.written;
            report.accepted += adjudication.count(Adjudication::Outcome::Accepted);
            report.tooFewVotes += adjudication.count(Adjudication::Outcome::TooFewVotes);
            report.overlaps += adjudication.count(Adjudication::Outcome::Overlaps);
            if (!adjudication.disputes.isEmpty()) {
                // Only the candidates the disputes name are kept.
                Disputed disputed{merge.id, adjudication.present, {}, {}};
                for (Adjudication::Dispute dispute : adjudication.disputes) {
                    for (qsizetype &c : dispute.candidates) {
                        disputed.candidates.append(adjudication.candidates[c]);
                        c = disputed.candidates.size() - 1;
                    }
                    disputed.disputes.append(std::move(dispute));
                }
                report.disputed.append(std::move(disputed));
            }
        });
    if (!file.commit()) {
        Console::err(warnings + errors);
        Console::error(QStringLiteral("cannot write %1: %2").arg(out, file.errorString()));
        return ExitUsage;
    }
    Console::err(warnings + errors);
    Console::out(*format == u"json" ? json(report, out) : text(report, out));
    Console::flush();
    if (!errors.isEmpty() || failed) {
        return ExitUsage;
    }
    return report.tooFewVotes + report.overlaps > 0 ? ExitFindings : ExitOk;
}

} // namespace annorev
