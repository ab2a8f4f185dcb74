// Team review under load (issue 14): reviewer processes at once on one team batch, each claiming
// documents, editing some and marking all it was handed. Then checks that no document was handed
// to two reviewers and that every acknowledged mark and edit is in the store.
//
//   annorev-benchteam --address ADDRESS --users U1,U2,… [--claims 500] [--edits 100]
//
// ADDRESS is the team batch's address without user= (each worker adds its own). Each user runs
// as one worker process (this program with --worker). bench-team.sh sets up a server, the users
// and a batch and runs it; README › Team review has the figures.

#include "checker.h"
#include "countryaliases.h"
#include "schema.h"
#include "teamstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QSet>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

using namespace annorev;

namespace {

QString as(const QString &address, const QString &user)
{
    return address + QStringLiteral("&user=") + user;
}

double percentile(QList<qint64> values, double p)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return double(values[qsizetype(p * double(values.size() - 1))]) / 1000.0;
}

// One reviewer: claims in blocks of 50 until it holds `claims`, edits the first `edits`, marks
// every one needs-work. Prints "claimed ID", "edited ID", "marked ID" as each is acknowledged,
// and "mark-us N" / "claim-us N" latencies.
int work(const QString &address, int claims, int edits)
{
    Expected<std::unique_ptr<ReviewStore>> opened = ReviewStore::open(address);
    if (!opened || !(*opened)->team()) {
        std::fprintf(stderr, "%s\n", qPrintable(opened ? QStringLiteral("not a team batch") : opened.error().message));
        return 2;
    }
    TeamStore &store = *(*opened)->team();
    const Checker checker(Schema::builtin(), CountryAliases::builtin(), 2026);
    QTextStream out(stdout);
    QStringList held;
    QElapsedTimer timer;
    while (held.size() < claims) {
        timer.start();
        const Expected<QList<Claim>> claimed = store.claim(std::min(50, claims - int(held.size())));
        out << "claim-us " << timer.nsecsElapsed() / 1000 << '\n';
        if (!claimed) {
            std::fprintf(stderr, "claim: %s\n", qPrintable(claimed.error().message));
            return 2;
        }
        if (claimed->isEmpty()) {
            break;
        }
        for (const Claim &claim : *claimed) {
            held.append(claim.documentId);
            out << "claimed " << claim.documentId << '\n';
        }
    }
    int failures = 0;
    for (qsizetype i = 0; i < held.size(); ++i) {
        const QString &id = held[i];
        if (i < edits) {
            const Expected<ReviewStore::StoredDocument> doc = store.document(id);
            if (doc) {
                timer.start();
                const Expected<void> edited =
                    store.setTaggedText(id, doc->taggedText + " <model>Checked</model>", Schema::builtin(), checker,
                                        QString(), doc->version);
                out << "edit-us " << timer.nsecsElapsed() / 1000 << '\n';
                if (edited) {
                    out << "edited " << id << '\n';
                } else {
                    ++failures;
                    std::fprintf(stderr, "edit %s: %s\n", qPrintable(id), qPrintable(edited.error().message));
                }
            }
        }
        timer.start();
        const Expected<void> marked = store.setStatus({id}, ReviewStatus::NeedsWork, QString(), QString());
        out << "mark-us " << timer.nsecsElapsed() / 1000 << '\n';
        if (marked) {
            out << "marked " << id << '\n';
        } else {
            ++failures;
            std::fprintf(stderr, "mark %s: %s\n", qPrintable(id), qPrintable(marked.error().message));
        }
        out.flush();
    }
    return failures == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption addressOption(QStringLiteral("address"), QStringLiteral("The team batch, without user="),
                                           QStringLiteral("ADDRESS"));
    const QCommandLineOption usersOption(QStringLiteral("users"), QStringLiteral("One worker per user, by commas."),
                                         QStringLiteral("USERS"));
    const QCommandLineOption workerOption(QStringLiteral("worker"), QStringLiteral("Run as one worker, this user."),
                                          QStringLiteral("USER"));
    const QCommandLineOption claimsOption(QStringLiteral("claims"), QStringLiteral("Documents per worker."),
                                          QStringLiteral("N"), QStringLiteral("500"));
    const QCommandLineOption editsOption(QStringLiteral("edits"), QStringLiteral("Edits per worker."),
                                         QStringLiteral("N"), QStringLiteral("100"));
    parser.addOptions({addressOption, usersOption, workerOption, claimsOption, editsOption});
    parser.process(app);
    const QString address = parser.value(addressOption);
    const int claims = parser.value(claimsOption).toInt();
    const int edits = parser.value(editsOption).toInt();
    if (parser.isSet(workerOption)) {
        return work(as(address, parser.value(workerOption)), claims, edits);
    }

    const QStringList users = parser.value(usersOption).split(u',', Qt::SkipEmptyParts);
    QElapsedTimer wall;
    wall.start();
    QList<QProcess *> workers;
    for (const QString &user : users) {
        auto *process = new QProcess(&app);
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->start(QCoreApplication::applicationFilePath(),
                       {QStringLiteral("--address"), address, QStringLiteral("--worker"), user,
                        QStringLiteral("--claims"), QString::number(claims), QStringLiteral("--edits"),
                        QString::number(edits)});
        workers.append(process);
    }
    QHash<QString, QString> claimedBy;
    qsizetype handedTwice = 0;
    QHash<QString, QString> marked;
    QHash<QString, QString> edited;
    QList<qint64> markUs;
    QList<qint64> editUs;
    QList<qint64> claimUs;
    int failedWorkers = 0;
    for (qsizetype w = 0; w < workers.size(); ++w) {
        QProcess *process = workers[w];
        process->waitForFinished(-1);
        if (process->exitStatus() != QProcess::NormalExit || process->exitCode() != 0) {
            ++failedWorkers;
        }
        const QStringList lines = QString::fromUtf8(process->readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            const QString what = line.section(u' ', 0, 0);
            const QString value = line.section(u' ', 1);
            if (what == u"claimed") {
                if (claimedBy.contains(value)) {
                    ++handedTwice;
                }
                claimedBy.insert(value, users[w]);
            } else if (what == u"marked") {
                marked.insert(value, users[w]);
            } else if (what == u"edited") {
                edited.insert(value, users[w]);
            } else if (what == u"mark-us") {
                markUs.append(value.toLongLong());
            } else if (what == u"edit-us") {
                editUs.append(value.toLongLong());
            } else if (what == u"claim-us") {
                claimUs.append(value.toLongLong());
            }
        }
    }
    const double seconds = double(wall.elapsed()) / 1000.0;

    // Every acknowledged write is there, under its reviewer's name.
    Expected<std::unique_ptr<ReviewStore>> check = ReviewStore::open(as(address, QStringLiteral("postgres")));
    if (!check) {
        std::fprintf(stderr, "%s\n", qPrintable(check.error().message));
        return 2;
    }
    qsizetype lost = 0;
    for (auto it = marked.cbegin(); it != marked.cend(); ++it) {
        const Expected<ReviewStore::StoredDocument> doc = (*check)->document(it.key());
        if (!doc || doc->status != ReviewStatus::NeedsWork || doc->reviewer != it.value()) {
            ++lost;
        }
    }
    for (auto it = edited.cbegin(); it != edited.cend(); ++it) {
        const Expected<ReviewStore::StoredDocument> doc = (*check)->document(it.key());
        if (!doc || !doc->taggedText.endsWith(" <model>Checked</model>")) {
            ++lost;
        }
    }
    std::printf("reviewers %lld, handed out %lld, handed to two %lld, marks acknowledged %lld, edits acknowledged "
                "%lld, acknowledged but not stored %lld, failed workers %d\n",
                qlonglong(users.size()), qlonglong(claimedBy.size()), qlonglong(handedTwice),
                qlonglong(marked.size()), qlonglong(edited.size()), qlonglong(lost), failedWorkers);
    std::printf("wall %.1f s, %.0f marks/s; claim of 50 p50 %.1f ms p95 %.1f ms; mark p50 %.1f ms p95 %.1f ms; "
                "edit p50 %.1f ms p95 %.1f ms\n",
                seconds, double(marked.size()) / seconds, percentile(claimUs, 0.5), percentile(claimUs, 0.95),
                percentile(markUs, 0.5), percentile(markUs, 0.95), percentile(editUs, 0.5), percentile(editUs, 0.95));
    return handedTwice == 0 && lost == 0 && failedWorkers == 0 ? 0 : 1;
}
