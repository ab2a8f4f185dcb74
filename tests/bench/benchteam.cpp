// Team review under load (issue 14): reviewer processes at once on one team batch, each claiming
// documents, editing some and marking all it was handed. Then checks that no document was handed
// to two reviewers and that every acknowledged mark and edit is in the store.
//
//   annorev-benchteam --address ADDRESS --users U1,U2,… [--claims 500] [--edits 100]
//                     [--kill-after-marks N] [--restart-after MS --restart COMMAND]
//
// ADDRESS is the team batch's address without user= (each worker adds its own). Each user runs
// as one worker process (this program with --worker). --kill-after-marks sends SIGKILL to the first
// worker once it has acknowledged N marks, as a reviewer's machine that dies mid-work; --restart-after runs
// COMMAND (a shell command that restarts the server) that long after the start. A worker whose
// write meets a server that is away tries again for up to 30 s, as a reviewer would; only what a
// worker printed as acknowledged must be in the store. bench-team.sh sets up a server, the users
// and a batch and runs it; README › Team review has the figures.

#include "checker.h"
#include "countryaliases.h"
#include "schema.h"
#include "teamstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QProcess>
#include <QSet>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace annorev;

namespace {

QString as(const QString &address, const QString &user)
{
    return address + QStringLiteral("&user=") + user;
}

// Runs a write again while the server is away (a restart), for up to 30 s; a refusal that is not
// about reaching the server ends it at once.
template <typename Write> auto retried(Write write, int *retries)
{
    for (int attempt = 0;; ++attempt) {
        auto result = write();
        const bool away = !result && (result.error().message.contains(QStringLiteral("cannot be reached")) ||
                                      result.error().message.contains(QStringLiteral("may not have been saved")));
        if (!away || attempt == 60) {
            return result;
        }
        ++*retries;
        QThread::msleep(500);
    }
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
    int retries = 0;
    while (held.size() < claims) {
        timer.start();
        const Expected<QList<Claim>> claimed =
            retried([&] { return store.claim(std::min(50, claims - int(held.size()))); }, &retries);
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
            const Expected<ReviewStore::StoredDocument> doc = retried([&] { return store.document(id); }, &retries);
            if (doc) {
                timer.start();
                const Expected<void> edited = retried(
                    [&] {
                        return store.setTaggedText(id, doc->taggedText + " <model>Checked</model>", Schema::builtin(),
                                                   checker, QString(), doc->version);
                    },
                    &retries);
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
        const Expected<void> marked =
            retried([&] { return store.setStatus({id}, ReviewStatus::NeedsWork, QString(), QString()); }, &retries);
        out << "mark-us " << timer.nsecsElapsed() / 1000 << '\n';
        if (marked) {
            out << "marked " << id << '\n';
        } else {
            ++failures;
            std::fprintf(stderr, "mark %s: %s\n", qPrintable(id), qPrintable(marked.error().message));
        }
        out.flush();
    }
    out << "retries " << retries << '\n';
    // A write the server refused after a restart (an edit whose first try went through before the
    // connection broke is stale on its second) is not acknowledged: only a lost one would matter.
    out << "refused " << failures << '\n';
    return 0;
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
    const QCommandLineOption killOption(QStringLiteral("kill-after-marks"),
                                        QStringLiteral("SIGKILL the first worker once it has made N marks."),
                                        QStringLiteral("N"));
    const QCommandLineOption restartAfterOption(QStringLiteral("restart-after"),
                                                QStringLiteral("Restart the server after this many ms."),
                                                QStringLiteral("MS"));
    const QCommandLineOption restartOption(QStringLiteral("restart"), QStringLiteral("The shell command that does."),
                                           QStringLiteral("COMMAND"));
    parser.addOptions({addressOption, usersOption, workerOption, claimsOption, editsOption, killOption,
                       restartAfterOption, restartOption});
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
    // Read as they go: a worker killed mid-run leaves what it printed, and no pipe fills up.
    QList<QByteArray> output(workers.size());
    QEventLoop loop;
    const int killAfterMarks = parser.isSet(killOption) ? parser.value(killOption).toInt() : -1;
    qint64 killedAt = -1;
    qsizetype running = workers.size();
    for (qsizetype w = 0; w < workers.size(); ++w) {
        QObject::connect(workers[w], &QProcess::readyReadStandardOutput, &loop, [&, w] {
            output[w] += workers[w]->readAllStandardOutput();
            if (w == 0 && killAfterMarks >= 0 && killedAt < 0 && output[w].count("\nmarked ") >= killAfterMarks) {
                killedAt = wall.elapsed();
                workers[w]->kill();
            }
        });
        QObject::connect(workers[w], &QProcess::finished, &loop, [&, w] {
            output[w] += workers[w]->readAllStandardOutput();
            if (--running == 0) {
                loop.quit();
            }
        });
    }
    qint64 restartedAt = -1;
    qint64 restartTook = 0;
    if (parser.isSet(restartAfterOption)) {
        QTimer::singleShot(parser.value(restartAfterOption).toInt(), &loop, [&] {
            restartedAt = wall.elapsed();
            auto *restart = new QProcess(&app);
            restart->setProcessChannelMode(QProcess::ForwardedChannels);
            QObject::connect(restart, &QProcess::finished, &loop, [&, restart](int code) {
                restartTook = wall.elapsed() - restartedAt;
                if (code != 0) {
                    std::fprintf(stderr, "the restart command failed (%d)\n", code);
                }
                restart->deleteLater();
            });
            restart->start(QStringLiteral("sh"), {QStringLiteral("-c"), parser.value(restartOption)});
        });
    }
    loop.exec();

    QHash<QString, QString> claimedBy;
    qsizetype handedTwice = 0;
    QHash<QString, QString> marked;
    QHash<QString, QString> edited;
    QList<qint64> markUs;
    QList<qint64> editUs;
    QList<qint64> claimUs;
    qint64 retries = 0;
    qint64 refused = 0;
    int failedWorkers = 0;
    for (qsizetype w = 0; w < workers.size(); ++w) {
        QProcess *process = workers[w];
        const bool killed = w == 0 && killedAt >= 0;
        if (!killed && (process->exitStatus() != QProcess::NormalExit || process->exitCode() != 0)) {
            ++failedWorkers;
        }
        const QStringList lines = QString::fromUtf8(output[w]).split(u'\n', Qt::SkipEmptyParts);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            // The line a killed worker was writing may be cut short: it acknowledged nothing.
            if (killed && i == lines.size() - 1 && !output[w].endsWith('\n')) {
                break;
            }
            const QString &line = lines[i];
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
            } else if (what == u"retries") {
                retries += value.toLongLong();
            } else if (what == u"refused") {
                refused += value.toLongLong();
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
                qlonglong(users.size()), qlonglong(claimedBy.size()), qlonglong(handedTwice), qlonglong(marked.size()),
                qlonglong(edited.size()), qlonglong(lost), failedWorkers);
    if (killedAt >= 0) {
        std::printf("killed %s with SIGKILL at %.1f s, after it acknowledged %lld marks\n", qPrintable(users.first()),
                    double(killedAt) / 1000.0, qlonglong(std::count(marked.cbegin(), marked.cend(), users.first())));
    }
    if (restartedAt >= 0) {
        std::printf("server restarted at %.1f s (took %.1f s); writes tried again %lld times, refused %lld\n",
                    double(restartedAt) / 1000.0, double(restartTook) / 1000.0, qlonglong(retries), qlonglong(refused));
    }
    std::printf("wall %.1f s, %.0f marks/s; claim of 50 p50 %.1f ms p95 %.1f ms; mark p50 %.1f ms p95 %.1f ms; "
                "edit p50 %.1f ms p95 %.1f ms\n",
                seconds, double(marked.size()) / seconds, percentile(claimUs, 0.5), percentile(claimUs, 0.95),
                percentile(markUs, 0.5), percentile(markUs, 0.95), percentile(editUs, 0.5), percentile(editUs, 0.95));
    return handedTwice == 0 && lost == 0 && failedWorkers == 0 ? 0 : 1;
}
