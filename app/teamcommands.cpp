#include "batchstore.h"
#include "commands.h"
#include "console.h"
#include "teamstore.h"

#include <QCommandLineParser>

namespace annorev {

namespace {

const QString addressHelp = QStringLiteral("postgresql://[user@]host[:port]/dbname?batch=NAME[&libpq options]");

// The team batch the parser's first positional argument names, opened, when the arguments after
// it are ids (or none, without ids); prints why not otherwise.
TeamStore *openTeamBatch(const QCommandLineParser &parser, bool ids, std::unique_ptr<ReviewStore> &holder)
{
    const QStringList positional = parser.positionalArguments();
    if (ids ? positional.size() < 2 : positional.size() != 1) {
        Console::error(ids ? QStringLiteral("name a team batch and at least one document id (see --help)")
                           : QStringLiteral("name one team batch (see --help)"));
        return nullptr;
    }
    if (!ReviewStore::isTeamLocation(positional.constFirst())) {
        Console::error(u"claims are for team batches, addressed as " % addressHelp);
        return nullptr;
    }
    holder = BatchStore::open(positional.constFirst(), QString(), QString());
    return holder ? holder->team() : nullptr;
}

std::optional<int> leaseFrom(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    bool ok = false;
    const int minutes = parser.value(option).toInt(&ok);
    if (!ok || minutes < 1 || minutes > 7 * 24 * 60) {
        Console::error(u"--lease is a number of minutes from 1 to 10080 (a week), not \"" % parser.value(option) %
                       u'"');
        return std::nullopt;
    }
    return minutes;
}

} // namespace

int runTeam(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Set up a PostgreSQL database for team batches.\n\n"
        "annorev team init DATABASE creates the annorev schema, or upgrades it, and the roles "
        "annorev_annotator, annorev_reviewer and annorev_curator; running it again changes nothing. It needs a user "
        "who may create roles. DATABASE is " %
        addressHelp %
        u" (batch= is not needed). Passwords come from ~/.pgpass, PGPASSFILE, PGPASSWORD or a service "
        "file, never from the address.\n\nExit status: 0 done, 2 bad usage or a database that refused.");
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("init"), QStringLiteral("What to do: init."));
    parser.addPositionalArgument(QStringLiteral("DATABASE"), QStringLiteral("The database's address."));
    if (const auto done = parseArguments(parser, arguments)) {
        return *done;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || positional[0] != u"init") {
        Console::error(QStringLiteral("usage: annorev team init DATABASE (see --help)"));
        return ExitUsage;
    }
    const Expected<QString> done = TeamStore::initDatabase(positional[1]);
    if (!done) {
        Console::error(done.error().message);
        return ExitUsage;
    }
    Console::err("annorev: note: " + done->toUtf8() + '\n');
    return ExitOk;
}

int runImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Import local files into a team batch, creating it, or sync it with them again: new documents are "
        "added, documents whose source changed or that are gone are flagged (the reviewers' versions are kept). "
        "After that no member needs the files. Needs the role annorev_curator.\n\nTEAM_BATCH is " %
        addressHelp %
        u".\n\nExit status: 0 imported, 2 bad usage, unreadable sources or a refusal (then nothing "
        "is changed), 130 cancelled with Ctrl+C.");
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("TEAM_BATCH"), QStringLiteral("The team batch's address."));
    parser.addPositionalArgument(QStringLiteral("SOURCE"), QStringLiteral("Files or folders to import."),
                                 QStringLiteral("SOURCE..."));
    if (const auto done = parseArguments(parser, arguments)) {
        return *done;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2) {
        Console::error(QStringLiteral("name a team batch and at least one source (see --help)"));
        return ExitUsage;
    }
    if (!ReviewStore::isTeamLocation(positional.constFirst())) {
        Console::error(u"import is into a team batch, addressed as " % addressHelp %
                       u"; a local batch is synced by every command that opens it");
        return ExitUsage;
    }
    Expected<std::unique_ptr<ReviewStore>> store = ReviewStore::open(positional.constFirst(), true);
    if (!store) {
        Console::error(store.error().message);
        return ExitUsage;
    }
    if (!BatchStore::import(**store, positional.mid(1))) {
        return BatchStore::failureStatus();
    }
    return ExitOk;
}

int runClaim(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Claim the next unreviewed documents of a team batch that nobody else holds, and print their ids, one a "
        "line. Nobody else is handed them, or may change them, until you decide on them, release them or the "
        "lease ends.\n\nTEAM_BATCH is " %
        addressHelp % u".\n\nExit status: 0 printed (none when the batch has no more), 2 bad usage or a refusal.");
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("How many (default 1)."),
                                         QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption leaseOption(QStringLiteral("lease"),
                                         QStringLiteral("Minutes the claim lasts (default 30)."),
                                         QStringLiteral("MINUTES"), QString::number(TeamStore::defaultLeaseMinutes));
    parser.addOptions({countOption, leaseOption});
    parser.addPositionalArgument(QStringLiteral("TEAM_BATCH"), QStringLiteral("The team batch's address."));
    if (const auto done = parseArguments(parser, arguments)) {
        return *done;
    }
    bool ok = false;
    const qsizetype count = parser.value(countOption).toLongLong(&ok);
    if (!ok || count < 1 || count > 100000) {
        Console::error(u"--count is a number from 1 to 100000, not \"" % parser.value(countOption) % u'"');
        return ExitUsage;
    }
    const std::optional<int> lease = leaseFrom(parser, leaseOption);
    if (!lease) {
        return ExitUsage;
    }
    std::unique_ptr<ReviewStore> holder;
    TeamStore *store = openTeamBatch(parser, false, holder);
    if (!store) {
        return BatchStore::failureStatus();
    }
    const Expected<QList<Claim>> claimed = store->claim(count, *lease);
    if (!claimed) {
        Console::error(claimed.error().message);
        return ExitUsage;
    }
    QByteArray out;
    for (const Claim &claim : *claimed) {
        out += claim.documentId.toUtf8() + '\n';
    }
    Console::out(out);
    Console::flush();
    if (claimed->isEmpty()) {
        Console::err("annorev: note: no unreviewed document is free to claim\n");
    } else {
        Console::err("annorev: note: claimed " + QByteArray::number(claimed->size()) + " until " +
                     claimed->constLast().leaseUntil.toString(QStringLiteral("yyyy-MM-dd HH:mm")).toUtf8() + " UTC\n");
    }
    return ExitOk;
}

int runRelease(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Give back your claims on documents of a team batch, so that others can be handed them. Prints each id "
        "given back.\n\nTEAM_BATCH is " %
        addressHelp % u".\n\nExit status: 0 all given back, 2 bad usage, a refusal, or an id you held no claim on.");
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("TEAM_BATCH"), QStringLiteral("The team batch's address."));
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Documents to give back."),
                                 QStringLiteral("ID..."));
    if (const auto done = parseArguments(parser, arguments)) {
        return *done;
    }
    std::unique_ptr<ReviewStore> holder;
    TeamStore *store = openTeamBatch(parser, true, holder);
    if (!store) {
        return BatchStore::failureStatus();
    }
    const QStringList ids = parser.positionalArguments().mid(1);
    const Expected<QStringList> released = store->release(ids);
    if (!released) {
        Console::error(released.error().message);
        return ExitUsage;
    }
    QByteArray out;
    QStringList notHeld;
    for (const QString &id : ids) {
        if (released->contains(id)) {
            out += id.toUtf8() + '\n';
        } else if (!notHeld.contains(id)) {
            notHeld.append(id);
        }
    }
    Console::out(out);
    Console::flush();
    for (const QString &id : notHeld) {
        Console::error(id % u": you hold no claim on it; nothing to give back");
    }
    return notHeld.isEmpty() ? ExitOk : ExitUsage;
}

} // namespace annorev
