#include "batchstore.h"
#include "commands.h"
#include "console.h"
#include "jsonstring.h"

#include <QCommandLineParser>

namespace annorev {

namespace {

QString when(const QDateTime &at)
{
    return at.toString(Qt::ISODateWithMs);
}

QByteArray text(const ReviewStore::AuditEntry &entry)
{
    QByteArray line = when(entry.at).toUtf8() + ' ' + Console::escaped(entry.reviewer) + ' ' +
                      Console::escaped(entry.documentId) + ' ' + entry.action.toUtf8();
    if (entry.action == u"status" && entry.statusAfter) {
        line += ' ' + (entry.statusBefore ? statusName(*entry.statusBefore) : QString()).toUtf8() + " -> " +
                statusName(*entry.statusAfter).toUtf8();
    } else if (entry.textBefore && entry.textAfter) {
        line += " (" + QByteArray::number(entry.textBefore->size()) + " -> " +
                QByteArray::number(entry.textAfter->size()) + " bytes)";
    }
    if (!entry.note.isEmpty()) {
        line += ": " + Console::escaped(entry.note);
    }
    return line + '\n';
}

void appendField(QByteArray *out, const char *key, const QString &value, bool present = true)
{
    *out += ", \"" + QByteArray(key) + "\": ";
    if (present) {
        JsonString::append(out, value);
    } else {
        *out += "null";
    }
}

QByteArray json(const ReviewStore::AuditEntry &entry)
{
    QByteArray line = "{\"seq\": " + QByteArray::number(entry.seq);
    appendField(&line, "id", entry.documentId);
    appendField(&line, "reviewer", entry.reviewer);
    appendField(&line, "at", when(entry.at));
    appendField(&line, "action", entry.action);
    appendField(&line, "status_before", entry.statusBefore ? statusName(*entry.statusBefore) : QString(),
                entry.statusBefore.has_value());
    appendField(&line, "status_after", entry.statusAfter ? statusName(*entry.statusAfter) : QString(),
                entry.statusAfter.has_value());
    appendField(&line, "note", entry.note, !entry.note.isEmpty());
    appendField(&line, "text_before", entry.textBefore ? QString::fromUtf8(*entry.textBefore) : QString(),
                entry.textBefore.has_value());
    appendField(&line, "text_after", entry.textAfter ? QString::fromUtf8(*entry.textAfter) : QString(),
                entry.textAfter.has_value());
    return line + "}\n";
}

} // namespace

int runLog(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Print the audit log of a batch, oldest first: every decision and edit, who made it and when.\n\n"
        "Exit status: 0 printed, 2 bad usage, an unknown id or a store that cannot be read."));
    parser.addHelpOption();
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          QStringLiteral("Output format: text or jsonl (one object per change)."),
                                          QStringLiteral("text|jsonl"), QStringLiteral("text"));
    const QCommandLineOption storeOption = BatchStore::storeOption();
    const QCommandLineOption reviewerOption = BatchStore::reviewerOption();
    parser.addOptions({formatOption, storeOption, reviewerOption});
    parser.addPositionalArgument(QStringLiteral("BATCH"),
                                 QStringLiteral("A file, folder or JSON Lines file, or a team batch's address."));
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Only this document's changes."),
                                 QStringLiteral("[ID]"));
    if (const auto done = parseArguments(parser, arguments)) {
        return *done;
    }
    const std::optional<QString> format =
        oneOf(parser, formatOption, {QStringLiteral("text"), QStringLiteral("jsonl")});
    if (!format) {
        return ExitUsage;
    }
    const std::unique_ptr<ReviewStore> store = BatchStore::open(parser, BatchStore::Ids::AtMostOne);
    if (!store) {
        return BatchStore::failureStatus();
    }
    QString id;
    if (parser.positionalArguments().size() == 2) {
        id = parser.positionalArguments()[1];
        if (const Expected<ReviewStore::StoredDocument> document = store->document(id); !document) {
            Console::error(document.error().message);
            return ExitUsage;
        }
    }
    const Expected<QList<ReviewStore::AuditEntry>> entries = store->auditLog(id);
    if (!entries) {
        Console::error(entries.error().message);
        return ExitUsage;
    }
    const bool jsonl = *format == u"jsonl";
    QByteArray out;
    for (const ReviewStore::AuditEntry &entry : *entries) {
        out += jsonl ? json(entry) : text(entry);
    }
    Console::out(out);
    Console::flush();
    return ExitOk;
}

} // namespace annorev
