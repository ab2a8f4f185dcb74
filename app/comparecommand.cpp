#include "agreement.h"
#include "annotatoragreement.h"
#include "batchcomparison.h"
#include "commands.h"
#include "console.h"
#include "output.h"
#include "schema.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace annorev {

namespace {

QJsonObject scoresJson(qsizetype matched, const Agreement::Scores &scores)
{
    return QJsonObject{{QStringLiteral("matched"), qint64(matched)},
                       {QStringLiteral("precision"), jsonNumber(scores.precision)},
                       {QStringLiteral("recall"), jsonNumber(scores.recall)},
                       {QStringLiteral("f1"), jsonNumber(scores.f1)}};
}

QJsonObject countsJson(const Agreement::Counts &counts, const std::optional<double> &kappa)
{
    return QJsonObject{{QStringLiteral("a_spans"), qint64(counts.aSpans)},
                       {QStringLiteral("b_spans"), qint64(counts.bSpans)},
                       {QStringLiteral("exact"), scoresJson(counts.exact, counts.exactScores())},
                       {QStringLiteral("overlap"), scoresJson(counts.overlap, counts.overlapScores())},
                       {QStringLiteral("kappa"), jsonNumber(kappa)}};
}

QJsonArray spansJson(const QList<AnnotatedText::Span> &only)
{
    QJsonArray spans;
    for (const AnnotatedText::Span &span : only) {
        spans.append(QJsonObject{{QStringLiteral("label"), span.label},
                                 {QStringLiteral("start"), qint64(span.start)},
                                 {QStringLiteral("end"), qint64(span.end)},
                                 {QStringLiteral("text"), span.text}});
    }
    return spans;
}

struct Sides
{
    QString pathA;
    QString pathB;
};

QJsonObject json(const Agreement::Result &result, const Sides &sides)
{
    QJsonObject labels;
    for (const QString &label : result.labels) {
        labels.insert(label, countsJson(result.perLabel.value(label), result.labelKappa.value(label)));
    }
    QJsonArray differing;
    for (const Agreement::DocumentDiff &diff : result.differing) {
        differing.append(QJsonObject{
            {QStringLiteral("id"), diff.id},
            {QStringLiteral("unmatched"), qint64(diff.unmatched())},
            {QStringLiteral("a_spans"), qint64(diff.counts.aSpans)},
            {QStringLiteral("b_spans"), qint64(diff.counts.bSpans)},
            {QStringLiteral("exact_matched"), qint64(diff.counts.exact)},
            {QStringLiteral("overlap_matched"), qint64(diff.counts.overlap)},
            {QStringLiteral("only_in_a"), spansJson(diff.spansOnlyInA)},
            {QStringLiteral("only_in_b"), spansJson(diff.spansOnlyInB)},
        });
    }
    const QJsonObject object{
        {QStringLiteral("a"), sides.pathA},
        {QStringLiteral("b"), sides.pathB},
        {QStringLiteral("compared"), qint64(result.compared)},
        {QStringLiteral("only_in_a"), QJsonArray::fromStringList(result.onlyInA)},
        {QStringLiteral("only_in_b"), QJsonArray::fromStringList(result.onlyInB)},
        {QStringLiteral("text_differs"), QJsonArray::fromStringList(result.textDiffers)},
        {QStringLiteral("tokens"), qint64(result.tokens)},
        {QStringLiteral("labels"), labels},
        {QStringLiteral("overall"), countsJson(result.overall, result.kappa)},
        {QStringLiteral("differing"), differing},
    };
    return object;
}

QJsonObject acrossJson(const AnnotatorAgreement &across, const QStringList &batches)
{
    const RaterReliability &tokens = across.tokens;
    return QJsonObject{
        {QStringLiteral("batches"), QJsonArray::fromStringList(batches)},
        {QStringLiteral("documents"), qint64(across.documents)},
        {QStringLiteral("documents_in_all"), qint64(across.documentsInAll)},
        {QStringLiteral("documents_pairable"), qint64(across.pairable)},
        {QStringLiteral("fleiss_tokens"), qint64(tokens.fleissUnits())},
        {QStringLiteral("fleiss_kappa"), jsonNumber(tokens.fleissKappa())},
        {QStringLiteral("alpha_tokens"), qint64(tokens.pairableUnits())},
        {QStringLiteral("alpha_values"), qint64(tokens.pairableValues())},
        {QStringLiteral("krippendorff_alpha"), jsonNumber(tokens.krippendorffAlpha())},
    };
}

QByteArray acrossText(const AnnotatorAgreement &across, qsizetype annotators)
{
    const RaterReliability &tokens = across.tokens;
    const auto figure = [](const std::optional<double> &value) {
        return value ? QByteArray::number(*value, 'f', 3) : QByteArray("-");
    };
    return "\nacross all " + QByteArray::number(annotators) + " annotators (tokens; a token's category is its label "
           "or outside):\n" +
           "  Fleiss' kappa         " + figure(tokens.fleissKappa()).rightJustified(6) + "  over " +
           plural(tokens.fleissUnits(), "token", "tokens") + " of the " +
           plural(across.documentsInAll, "document", "documents") + " every batch holds\n" +
           "  Krippendorff's alpha  " + figure(tokens.krippendorffAlpha()).rightJustified(6) + "  over " +
           plural(tokens.pairableUnits(), "token", "tokens") + " of the " +
           plural(across.pairable, "document", "documents") + " two batches or more hold\n";
}

QByteArray cell(const std::optional<double> &value)
{
    return (value ? QByteArray::number(*value, 'f', 3) : QByteArray("-")).rightJustified(7);
}

QByteArray row(const QString &name, qsizetype width, const Agreement::Counts &counts,
               const std::optional<double> &kappa)
{
    const Agreement::Scores exact = counts.exactScores();
    const Agreement::Scores overlap = counts.overlapScores();
    return "  " + name.toUtf8().leftJustified(width) + QByteArray::number(counts.aSpans).rightJustified(6) +
           QByteArray::number(counts.bSpans).rightJustified(6) + "  " + cell(exact.precision) + cell(exact.recall) +
           cell(exact.f1) + "  " + cell(overlap.precision) + cell(overlap.recall) + cell(overlap.f1) + "  " +
           cell(kappa) + '\n';
}

QByteArray spanLines(const char *side, const QList<AnnotatedText::Span> &only)
{
    QByteArray out;
    for (const AnnotatedText::Span &span : only) {
        out += "      only in " + QByteArray(side) + ": " + span.label.toUtf8() + ' ' + QByteArray::number(span.start) +
               '-' + QByteArray::number(span.end) + " \"" + span.text.toUtf8() + "\"\n";
    }
    return out;
}

QByteArray text(const Agreement::Result &result, const Sides &sides)
{
    QByteArray out = "A: " + sides.pathA.toUtf8() + "\nB: " + sides.pathB.toUtf8() + '\n';
    out += QByteArray::number(result.compared) + " documents compared, " + QByteArray::number(result.tokens) +
           " tokens; only in A: " + QByteArray::number(result.onlyInA.size()) +
           ", only in B: " + QByteArray::number(result.onlyInB.size()) +
           ", text differs: " + QByteArray::number(result.textDiffers.size()) + "\n\n";
    qsizetype width = 7; // "overall"
    for (const QString &label : result.labels) {
        width = std::max(width, label.size());
    }
    const QByteArray scoreHeads =
        QByteArray("P").rightJustified(7) + QByteArray("R").rightJustified(7) + QByteArray("F1").rightJustified(7);
    out += "  " + QByteArray().leftJustified(width + 12) + "  " +
           QByteArray("exact").rightJustified(7).leftJustified(21) + "  " + QByteArray("overlap").rightJustified(7) +
           '\n';
    out += "  " + QByteArray("label").leftJustified(width) + QByteArray("A").rightJustified(6) +
           QByteArray("B").rightJustified(6) + "  " + scoreHeads + "  " + scoreHeads + "  " +
           QByteArray("kappa").rightJustified(7) + '\n';
    for (const QString &label : result.labels) {
        out += row(label, width, result.perLabel.value(label), result.labelKappa.value(label));
    }
    out += row(QStringLiteral("overall"), width, result.overall, result.kappa);
    if (!result.differing.isEmpty()) {
        out += "\ndocuments that differ, most unmatched spans first (offsets in code points):\n";
        for (const Agreement::DocumentDiff &diff : result.differing) {
            out += "  " + diff.id.toUtf8() + ": " + QByteArray::number(diff.unmatched()) + " unmatched (A " +
                   QByteArray::number(diff.counts.aSpans) + " spans, B " + QByteArray::number(diff.counts.bSpans) +
                   ", exact " + QByteArray::number(diff.counts.exact) + ", overlap " +
                   QByteArray::number(diff.counts.overlap) + ")\n";
            out += spanLines("A", diff.spansOnlyInA);
            out += spanLines("B", diff.spansOnlyInB);
        }
    }
    for (const auto &[title, ids] : {std::pair{"only in A", &result.onlyInA}, std::pair{"only in B", &result.onlyInB},
                                     std::pair{"text differs, not compared", &result.textDiffers}}) {
        if (!ids->isEmpty()) {
            out += '\n' + QByteArray(title) + ":\n";
            for (const QString &id : *ids) {
                out += "  " + id.toUtf8() + '\n';
            }
        }
    }
    return out;
}

} // namespace

int runCompare(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Compare two annotations of the same documents, matched by id: B is scored against A. Per label and "
        "overall: precision, recall and F1 for exact span matches and for overlapping ones, and Cohen's kappa "
        "over tokens; then the documents that differ, most different first. Across all the batches: Fleiss' "
        "kappa and Krippendorff's alpha (nominal) over tokens. With more than two batches, every pair is "
        "compared in turn, each later batch scored against each earlier one.\n\n"
        "The batches are read as they are on disk, not from their stores.\n"
        "Exit status: 0 compared, 2 bad usage, input that could not be read, or no document in common."));
    parser.addHelpOption();
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("Output format: text or json."),
                                          QStringLiteral("text|json"), QStringLiteral("text"));
    const QCommandLineOption schemaOption(QStringLiteral("schema"), QStringLiteral("Read the labels from FILE."),
                                          QStringLiteral("FILE"));
    parser.addOptions({formatOption, schemaOption});
    parser.addPositionalArgument(QStringLiteral("BATCH_A"), QStringLiteral("The reference annotation."));
    parser.addPositionalArgument(QStringLiteral("BATCH_B"), QStringLiteral("The annotation scored against it."));
    parser.addPositionalArgument(QStringLiteral("BATCH_C"), QStringLiteral("More annotations (optional)."),
                                 QStringLiteral("[BATCH_C...]"));
    if (const auto done = parseArguments(parser, arguments)) {
        return *done;
    }
    const std::optional<QString> format = oneOf(parser, formatOption, {QStringLiteral("text"), QStringLiteral("json")});
    if (!format) {
        return ExitUsage;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2) {
        Console::error(QStringLiteral("name two batches, A and B, or more (see --help)"));
        return ExitUsage;
    }
    const std::optional<Schema> schema = schemaFrom(parser, schemaOption);
    if (!schema) {
        return ExitUsage;
    }
    // Streamed: no batch is held (see BatchComparison and AnnotatorAgreement). Each batch's
    // errors are reported once, from the first pair that reads it.
    QByteArray errors;
    QList<bool> reported(positional.size(), false);
    QByteArray textOut;
    QJsonArray pairs;
    Agreement::Result pairResult; // the first pair's
    for (qsizetype a = 0; a < positional.size(); ++a) {
        for (qsizetype b = a + 1; b < positional.size(); ++b) {
            const BatchComparison comparison =
                BatchComparison::run({positional[a]}, {positional[b]}, *schema, OffsetUnit::CodePoint);
            for (const auto &[side, batchErrors] :
                 {std::pair{a, &comparison.errorsA}, std::pair{b, &comparison.errorsB}}) {
                if (!reported[side]) {
                    reported[side] = true;
                    for (const InputError &error : *batchErrors) {
                        errors += error.toString().toUtf8() + '\n';
                    }
                }
            }
            const Agreement::Result &result = comparison.result;
            if (result.compared == 0 && positional.size() == 2) {
                Console::err(errors);
                Console::error(QStringLiteral("%1 and %2 have no document with the same id and text to compare")
                                   .arg(positional[0], positional[1]));
                return ExitUsage;
            }
            if (a == 0 && b == 1) {
                pairResult = result;
            }
            const Sides sides{positional[a], positional[b]};
            if (*format == u"json") {
                pairs.append(json(result, sides));
            } else {
                textOut += (textOut.isEmpty() ? QByteArray() : QByteArray("\n")) + text(result, sides);
            }
        }
    }
    Console::err(errors);
    QList<QStringList> batches;
    for (const QString &batch : positional) {
        batches.append({batch});
    }
    // Two batches: the figures across them come out of the pair's tally, with no second pass.
    const AnnotatorAgreement across = positional.size() == 2 ? AnnotatorAgreement::ofPair(pairResult)
                                                             : AnnotatorAgreement::run(batches, *schema);
    if (across.pairable == 0) {
        Console::error(QStringLiteral("no two of the batches have a document with the same id and text to compare"));
        return ExitUsage;
    }
    if (*format == u"json") {
        // Two batches: the pair's object as before, with the figures across them beside.
        QJsonObject object = positional.size() == 2 ? pairs.first().toObject() : QJsonObject{{QStringLiteral("pairs"), pairs}};
        object.insert(QStringLiteral("across"), acrossJson(across, positional));
        Console::out(QJsonDocument(object).toJson(QJsonDocument::Indented));
    } else {
        Console::out(textOut + acrossText(across, positional.size()));
    }
    Console::flush();
    return errors.isEmpty() ? ExitOk : ExitUsage;
}

} // namespace annorev
