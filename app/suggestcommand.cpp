#include "batchstore.h"
#include "commands.h"
#include "console.h"
#include "document.h"
#include "schema.h"
#include "suggestionimport.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QtConcurrent>

#include <array>

namespace annorev {

namespace {

QString counted(qsizetype n, QLatin1StringView one, QLatin1StringView many)
{
    return QString::number(n) % u' ' % (n == 1 ? one : many);
}

// "imported 12 suggestions for 5 documents; 2 skipped (1 of an unknown document, 1 bad span)"
QString summary(const SuggestionFileContents &contents, const ReviewStore::SuggestionsAdded *added)
{
    QSet<QString> documents;
    for (const Suggestion &suggestion : contents.suggestions) {
        documents.insert(suggestion.documentId);
    }
    const qsizetype imported = added ? added->added : contents.suggestions.size();
    QString line = (added ? QStringLiteral("imported ") : QStringLiteral("would import ")) %
                   counted(imported, QLatin1StringView("suggestion"), QLatin1StringView("suggestions")) % u" for " %
                   counted(documents.size(), QLatin1StringView("document"), QLatin1StringView("documents"));
    if (added && added->replaced > 0) {
        line += u" (replacing " % QString::number(added->replaced) % u" pending from the last import of the file)";
    }
    std::array<qsizetype, 4> skipped{};
    qsizetype unread = 0;
    for (const SuggestionProblem &problem : contents.problems) {
        skipped[std::size_t(problem.kind)] += problem.skipped;
        if (problem.kind == SuggestionProblem::Unreadable && problem.skipped == 0) {
            ++unread;
        }
    }
    QStringList why;
    const auto reason = [&](qsizetype n, QLatin1StringView one, QLatin1StringView many) {
        if (n > 0) {
            why.append(counted(n, one, many));
        }
    };
    reason(skipped[SuggestionProblem::UnknownDocument], QLatin1StringView("of an unknown document"),
           QLatin1StringView("of unknown documents"));
    reason(skipped[SuggestionProblem::TextDiffers], QLatin1StringView("of a document whose text differs"),
           QLatin1StringView("of documents whose text differs"));
    reason(skipped[SuggestionProblem::BadSpan], QLatin1StringView("bad span"), QLatin1StringView("bad spans"));
    reason(skipped[SuggestionProblem::Unreadable], QLatin1StringView("without an id"),
           QLatin1StringView("without an id"));
    reason(added ? added->alreadyDecided : 0, QLatin1StringView("decided before"), QLatin1StringView("decided before"));
    qsizetype total = 0;
    for (qsizetype n : skipped) {
        total += n;
    }
    total += added ? added->alreadyDecided : 0;
    if (total > 0) {
        line += u"; " % QString::number(total) % u" skipped (" % why.join(QStringLiteral(", ")) % u')';
    }
    if (unread > 0) {
        line += u"; " % counted(unread, QLatin1StringView("line"), QLatin1StringView("lines")) % u" not read";
    }
    return line;
}

} // namespace

int runSuggest(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import a model's predictions into a batch's store as suggestions, kept apart from the annotations until a "
        "reviewer accepts or rejects them, in one transaction with an audit row per document. Importing a file of "
        "the same name again replaces its pending suggestions and keeps the decided ones.\n\n"
        "Formats: jsonl (one {\"id\", \"spans\": [{\"start\", \"end\", \"label\", \"score\"}]} a line, offsets in "
        "code points), doccano (JSONL, offsets in UTF-16 units as doccano counts them) and label-studio (a JSON "
        "export's predictions, code points); recognised from the file unless --format names one. Every span is "
        "checked against the reviewer's plain text of its document: in it, on character boundaries, with a label "
        "of the schema and, where the file gives it, the same text. Each problem is printed as FILE:LINE: message "
        "on standard error and the rest is imported; then a summary.\n"
        "Exit status: 0 imported, 2 bad usage, a file that cannot be read or is not of the format, nothing "
        "importable in it, or a store that cannot be written (then nothing is changed)."));
    parser.addHelpOption();
    const QCommandLineOption fromOption(QStringLiteral("from"), QStringLiteral("The predictions file."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          QStringLiteral("The file's format: jsonl, doccano or label-studio "
                                                         "(default: recognised from its content)."),
                                          QStringLiteral("jsonl|doccano|label-studio"));
    const QCommandLineOption dryRunOption(QStringLiteral("dry-run"),
                                          QStringLiteral("Check the file and print what would be imported; write "
                                                         "nothing."));
    parser.addOptions(
        {fromOption, formatOption, dryRunOption, BatchStore::reviewerOption(), BatchStore::storeOption()});
    parser.addPositionalArgument(QStringLiteral("BATCH"), QStringLiteral("A file, folder or JSON Lines file."));
    if (const auto done = parseArguments(parser, arguments)) {
        return *done;
    }
    if (!parser.isSet(fromOption)) {
        Console::error(QStringLiteral("--from FILE is required"));
        return ExitUsage;
    }
    std::optional<SuggestionFormat> format;
    if (parser.isSet(formatOption)) {
        const std::optional<QString> name = oneOf(
            parser, formatOption, {QStringLiteral("jsonl"), QStringLiteral("doccano"), QStringLiteral("label-studio")});
        if (!name) {
            return ExitUsage;
        }
        format = suggestionFormatFrom(*name);
    }
    const QString path = parser.value(fromOption);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Console::error(path % u": cannot read: " % file.errorString());
        return ExitUsage;
    }
    const QByteArray bytes = file.readAll();
    file.close();
    // Before the store is opened: a file of another kind touches nothing.
    if (!format) {
        const Expected<SuggestionFormat> detected = SuggestionImport::detect(bytes);
        if (!detected) {
            Console::error(path % u": " % detected.error().message);
            return ExitUsage;
        }
        format = *detected;
    } else if (const Expected<void> recognised = SuggestionImport::checkFormat(bytes, *format); !recognised) {
        Console::error(path % u": " % recognised.error().message);
        return ExitUsage;
    }

    const std::unique_ptr<ReviewStore> store = BatchStore::open(parser, BatchStore::Ids::None);
    if (!store) {
        return BatchStore::failureStatus();
    }
    if (!store->keepsSuggestions()) {
        Console::error(store->suggestionCounts().error().message);
        return ExitUsage;
    }
    const Expected<QStringList> ids = store->ids();
    if (!ids) {
        Console::error(ids.error().message);
        return ExitUsage;
    }
    const QSet<QString> known(ids->cbegin(), ids->cend());
    const Schema &schema = Schema::builtin();
    // A block of documents read together (one query) and parsed on every core.
    const auto plainTexts = [&](const QStringList &wanted) -> Expected<QHash<QString, QString>> {
        QStringList held;
        QSet<QString> seen;
        for (const QString &id : wanted) {
            if (known.contains(id) && !seen.contains(id)) {
                seen.insert(id);
                held.append(id);
            }
        }
        Expected<QList<ExportDocument>> docs = store->exportDocuments(held);
        if (!docs) {
            return docs.error();
        }
        const std::function<QString(const ExportDocument &)> plain = [&schema](const ExportDocument &doc) {
            return Document::parse(doc.taggedText, schema).text();
        };
        const QList<QString> texts = QtConcurrent::blockingMapped(*docs, plain);
        QHash<QString, QString> byId;
        byId.reserve(texts.size());
        for (qsizetype i = 0; i < texts.size(); ++i) {
            byId.insert(docs->at(i).id, texts.at(i));
        }
        return byId;
    };
    const Expected<SuggestionFileContents> contents = SuggestionImport::read(bytes, format, schema, plainTexts);
    if (!contents) {
        Console::error(path % u": " % contents.error().message);
        return ExitUsage;
    }
    QByteArray problems;
    for (const SuggestionProblem &problem : contents->problems) {
        problems +=
            path.toUtf8() + ':' + QByteArray::number(problem.line) + ": " + Console::escaped(problem.message) + '\n';
    }
    Console::err(problems);
    if (contents->suggestions.isEmpty() && !contents->problems.isEmpty()) {
        Console::error(path % u": nothing in it could be imported; nothing was changed");
        return ExitUsage;
    }
    if (parser.isSet(dryRunOption)) {
        Console::out(summary(*contents, nullptr).toUtf8() + '\n');
        Console::flush();
        return ExitOk;
    }
    const Expected<ReviewStore::SuggestionsAdded> added =
        store->addSuggestions(contents->suggestions, QFileInfo(path).fileName(), BatchStore::reviewer(parser), schema);
    if (!added) {
        Console::error(added.error().message);
        return ExitUsage;
    }
    Console::out(summary(*contents, &*added).toUtf8() + '\n');
    Console::flush();
    return ExitOk;
}

} // namespace annorev
