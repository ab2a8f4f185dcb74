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

namespace {

// A terminal line that shows where a sync is, and Ctrl+C to stop it, for as long as it lives.
class SyncWatch
{
public:
    explicit SyncWatch(const QString &batchName) : m_name(batchName)
    {
        m_locale.setNumberOptions(QLocale::DefaultNumberOptions); // 1,000,000
        m_control.cancel = &InterruptGuard::flag();
        m_control.progress = [this](SyncControl::Stage stage, qsizetype done, qsizetype total) {
            m_line.show(StoreOpening::describe(stage, done, total, m_name, m_locale), stage != m_shownStage);
            m_shownStage = stage;
        };
    }
    ~SyncWatch() { m_line.clear(); }
    Q_DISABLE_COPY_MOVE(SyncWatch)

    const SyncControl &control() const { return m_control; }
    void clear() { m_line.clear(); }

private:
    QString m_name;
    QLocale m_locale = QLocale::c();
    TerminalProgress m_line;
    const InterruptGuard m_interrupt;
    SyncControl m_control;
    std::optional<SyncControl::Stage> m_shownStage;
};

// A team batch is opened as it is on its server: nothing local to sync with.
std::unique_ptr<ReviewStore> openTeam(const QString &address, const QString &storePath)
{
    if (!storePath.isEmpty()) {
        Console::error(QStringLiteral("--store is for local batches; a team batch lives on its server"));
        return nullptr;
    }
    Expected<std::unique_ptr<ReviewStore>> store = ReviewStore::open(address);
    if (!store) {
        Console::error(store.error().message);
        return nullptr;
    }
    return *std::move(store);
}

} // namespace

std::unique_ptr<ReviewStore> open(const QString &batch, const QString &storePath, const QString &reviewer)
{
    if (ReviewStore::isTeamLocation(batch)) {
        return openTeam(batch, storePath);
    }
    // Checked before the store is opened, so that a mistyped batch leaves no store behind.
    if (!QFileInfo::exists(batch)) {
        Console::err(
            InputError{batch, 0, QStringLiteral("cannot read: no such file or directory")}.toString().toUtf8() + '\n');
        return nullptr;
    }
    const Checker storeChecker = checker();
    StoreOpening opening({batch}, storePath, Schema::builtin(), storeChecker, reviewer);
    SyncWatch watch(QFileInfo(QDir::cleanPath(batch)).fileName());
    Expected<std::unique_ptr<ReviewStore>> store = opening.run(watch.control());
    watch.clear();
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

bool import(ReviewStore &store, const QStringList &sources)
{
    for (const QString &source : sources) {
        if (!QFileInfo::exists(source)) {
            Console::err(
                InputError{source, 0, QStringLiteral("cannot read: no such file or directory")}.toString().toUtf8() +
                '\n');
            return false;
        }
    }
    const BatchReader reader = BatchReader::open(sources);
    if (!reader.errors().isEmpty()) {
        for (const InputError &inputError : reader.errors()) {
            Console::error(inputError.located());
        }
        return false;
    }
    const Checker storeChecker = checker();
    SyncWatch watch(QFileInfo(QDir::cleanPath(sources.constFirst())).fileName());
    const Expected<ReviewStore::SyncReport> report =
        store.sync(reader, sources, Schema::builtin(), storeChecker, QString(), watch.control());
    watch.clear();
    if (!report) {
        Console::error(report.error().message);
        return false;
    }
    printReport(*report, store.path());
    return true;
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
                      : ids == Ids::Any       ? positional.size() >= 1
                                              : positional.size() >= 2;
    if (!fits) {
        Console::error(ids == Ids::None || ids == Ids::Any ? QStringLiteral("name one batch (see --help)")
                       : ids == Ids::AtMostOne
                           ? QStringLiteral("name a batch and at most one document id (see --help)")
                           : QStringLiteral("name a batch and at least one document id (see --help)"));
        return nullptr;
    }
    if (ReviewStore::isTeamLocation(positional.constFirst()) && parser.isSet(reviewerOption().names().constFirst())) {
        Console::error(QStringLiteral("--reviewer is for local batches: in a team batch you act as the database user "
                                      "you connect as"));
        return nullptr;
    }
    return open(positional.constFirst(), parser.value(storeOption().names().constFirst()), reviewer(parser));
}

QString reviewer(const QCommandLineParser &parser)
{
    return ReviewerName::resolve(parser.value(reviewerOption().names().constFirst()));
}

} // namespace annorev::BatchStore
