#include "batchstore.h"

#include "commands.h"
#include "console.h"
#include "countryaliases.h"
#include "interruptguard.h"
#include "reviewername.h"
#include "schema.h"
#include "storeopening.h"
#include "terminalprogress.h"

#include <QCommandLineParser>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <optional>

namespace annorev::BatchStore {

QCommandLineOption storeOption()
{
    return QCommandLineOption(QStringLiteral("store"),
                              QStringLiteral("The review store (default: BATCH.annorev.sqlite beside the batch)."),
                              QStringLiteral("PATH"));
}

QCommandLineOption reviewerOption()
{
    return QCommandLineOption(QStringLiteral("reviewer"),
                              QStringLiteral("Who is reviewing (default: the saved setting, else the OS user name)."),
                              QStringLiteral("NAME"));
}

Checker checker()
{
    return Checker(Schema::builtin(), CountryAliases::builtin(), QDate::currentDate().year());
}

namespace {

// Prints what a sync found, as notes on stderr.
void printReport(const ReviewStore::SyncReport &report, const QString &storePath)
{
    QByteArray notes;
    for (const InputError &inputError : report.inputErrors) {
        notes += inputError.toString().toUtf8() + '\n';
    }
    auto note = [&notes](const QString &text) {
        notes += "annorev: note: " + text.toUtf8() + '\n';
    };
    if (report.imported > 0) {
        note(QStringLiteral("imported %1 documents into %2").arg(report.imported).arg(storePath));
    }
    for (const QString &id : report.sourceChanged) {
        note(id % u": the source changed since it was imported; the reviewer's version is kept");
    }
    for (const QString &id : report.sourceRestored) {
        note(id % u": the source is back to the bytes that were imported");
    }
    for (const QString &id : report.missing) {
        note(id % u": gone from the batch; the store keeps it");
    }
    for (const QString &id : report.returned) {
        note(id % u": back in the batch");
    }
    Console::err(notes);
}

} // namespace

std::unique_ptr<ReviewStore> open(const QString &batch, const QString &storePath, const QString &reviewer)
{
    // Checked before the store is opened, so that a mistyped batch leaves no store behind.
    if (!QFileInfo::exists(batch)) {
        Console::err(
            InputError{batch, 0, QStringLiteral("cannot read: no such file or directory")}.toString().toUtf8() + '\n');
        return nullptr;
    }
    const Checker storeChecker = checker();
    StoreOpening opening({batch}, storePath, Schema::builtin(), storeChecker, reviewer);
    const QString name = QFileInfo(QDir::cleanPath(batch)).fileName();
    QLocale locale = QLocale::c();
    locale.setNumberOptions(QLocale::DefaultNumberOptions); // 1,000,000
    TerminalProgress line;
    const InterruptGuard interrupt;
    SyncControl control;
    control.cancel = &InterruptGuard::flag();
    std::optional<SyncControl::Stage> shownStage;
    control.progress = [&](SyncControl::Stage stage, qsizetype done, qsizetype total) {
        line.show(StoreOpening::describe(stage, done, total, name, locale), stage != shownStage);
        shownStage = stage;
    };
    Expected<std::unique_ptr<ReviewStore>> store = opening.run(control);
    line.clear();
    if (!store) {
        if (opening.wasCancelled()) {
            Console::err("annorev: " + store.error().message.toUtf8() + '\n');
        } else if (!opening.unreadableInputs().isEmpty()) {
            for (const InputError &inputError : opening.unreadableInputs()) {
                Console::error(inputError.located());
            }
        } else {
            Console::error(store.error().message);
        }
        return nullptr;
    }
    printReport(opening.report(), opening.storePath());
    return *std::move(store);
}

int failureStatus()
{
    return InterruptGuard::interrupted() ? ExitCancelled : ExitUsage;
}

std::unique_ptr<ReviewStore> open(const QCommandLineParser &parser, Ids ids)
{
    const QStringList positional = parser.positionalArguments();
    const bool fits = ids == Ids::None        ? positional.size() == 1
                      : ids == Ids::AtMostOne ? positional.size() == 1 || positional.size() == 2
                                              : positional.size() >= 2;
    if (!fits) {
        Console::error(ids == Ids::None ? QStringLiteral("name one batch (see --help)")
                       : ids == Ids::AtMostOne
                           ? QStringLiteral("name a batch and at most one document id (see --help)")
                           : QStringLiteral("name a batch and at least one document id (see --help)"));
        return nullptr;
    }
    return open(positional.constFirst(), parser.value(storeOption().names().constFirst()), reviewer(parser));
}

QString reviewer(const QCommandLineParser &parser)
{
    return ReviewerName::resolve(parser.value(reviewerOption().names().constFirst()));
}

} // namespace annorev::BatchStore
