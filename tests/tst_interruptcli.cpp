#include "largebatch.h"
#include "reviewstore.h"
#include "testsupport.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace annorev;
using namespace annorev::test;

// The command line on a terminal while a batch is imported: one line of progress on standard
// error, and Ctrl+C stops the import and leaves the store as it was.
class TestInterruptCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void progressIsOneLineOnATerminalAndNothingElsewhere();
    void ctrlCDuringTheImportLeavesTheStoreAsItWas_data();
    void ctrlCDuringTheImportLeavesTheStoreAsItWas();

private:
    // What `annorev ARGUMENTS` wrote on its terminal (standard error) and how it ended.
    struct TerminalRun
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray terminal;
    };
    // Runs annorev with standard error on a pseudo-terminal; once the terminal shows interruptAt
    // (when given), sends SIGINT, as Ctrl+C does.
    TerminalRun runOnTerminal(const QStringList &arguments, const QByteArray &interruptAt = {});
    // Every row of every table of the store, and which of its files exist.
    QStringList snapshot(const QString &store) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_batch;
    QString m_store;
};

void TestInterruptCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_batch = m_dir->filePath(u"batch.jsonl"_s);
    m_store = ReviewStore::defaultStorePath({m_batch});
}

void TestInterruptCli::cleanup()
{
    m_dir.reset();
}

TestInterruptCli::TerminalRun TestInterruptCli::runOnTerminal(const QStringList &arguments,
                                                              const QByteArray &interruptAt)
{
    TerminalRun run;
    const int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
        qWarning("no pseudo-terminal");
        return run;
    }
    const QByteArray slave = ptsname(master);
    QProcess process;
    process.setProcessEnvironment(isolatedEnvironment(*m_dir));
    // After QProcess has set up the child's channels: standard error becomes the terminal.
    process.setChildProcessModifier([slave] {
        const int fd = ::open(slave.constData(), O_RDWR | O_NOCTTY);
        ::dup2(fd, STDERR_FILENO);
        ::close(fd);
    });
    process.start(QStringLiteral(ANNOREV_BINARY), arguments);
    if (!process.waitForStarted()) {
        ::close(master);
        return run;
    }
    bool interrupted = interruptAt.isEmpty();
    QElapsedTimer clock;
    clock.start();
    // Read until the child has exited and its terminal has nothing more (EIO once it is closed).
    while (clock.elapsed() < 120000) {
        pollfd fd{master, POLLIN, 0};
        if (::poll(&fd, 1, 50) > 0) {
            char buffer[4096];
            const ssize_t got = ::read(master, buffer, sizeof buffer);
            if (got <= 0) {
                break;
            }
            run.terminal.append(buffer, got);
        } else if (process.state() == QProcess::NotRunning || process.waitForFinished(0)) {
            break;
        }
        if (!interrupted && run.terminal.contains(interruptAt)) {
            ::kill(pid_t(process.processId()), SIGINT);
            interrupted = true;
        }
    }
    ::close(master);
    // The terminal turns each \n into \r\n.
    run.terminal.replace("\r\n", "\n");
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    return run;
}

QStringList TestInterruptCli::snapshot(const QString &store) const
{
    QStringList rows;
    for (const QString &file : ReviewStore::storeFiles(store)) {
        rows << file % (QFileInfo::exists(file) ? u" exists" : u" absent");
    }
    if (!QFileInfo::exists(store)) {
        return rows;
    }
    const SqlFile raw(store);
    for (const QString &table : raw.rows(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s)) {
        QStringList tableRows = raw.rows(u"SELECT * FROM "_s + table);
        tableRows.sort();
        rows << u"== "_s + table << tableRows;
    }
    return rows;
}

void TestInterruptCli::progressIsOneLineOnATerminalAndNothingElsewhere()
{
    writeLargeBatch(m_batch, 5000);
    const TerminalRun onTerminal = runOnTerminal({u"status"_s, m_batch});
    QCOMPARE(onTerminal.exitCode, 0);
    // Rewritten in place, then cleared before the notes.
    QVERIFY2(onTerminal.terminal.startsWith("\r"), onTerminal.terminal.left(200).constData());
    QVERIFY(onTerminal.terminal.contains("documents of batch.jsonl"));
    QVERIFY(onTerminal.terminal.contains("\r\x1b[Kannorev: note: imported 5000 documents into "));
    QVERIFY(!onTerminal.terminal.contains("\nReading"));

    // Without a terminal, standard error has the notes alone.
    QVERIFY(QFile::remove(m_store));
    const CliRun piped = runAnnorev({u"status"_s, m_batch}, isolatedEnvironment(*m_dir));
    QCOMPARE(piped.exitCode, 0);
    QVERIFY2(piped.err.startsWith("annorev: note: imported 5000 documents into "), piped.err.constData());
    QVERIFY(!piped.err.contains('\r'));
}

void TestInterruptCli::ctrlCDuringTheImportLeavesTheStoreAsItWas_data()
{
    QTest::addColumn<bool>("existing");
    QTest::addColumn<QByteArray>("message");
    QTest::addRow("a new store is removed") << false << QByteArray("annorev: cancelled; the new store was removed\n");
    QTest::addRow("an existing store is as it was")
        << true << QByteArray("annorev: cancelled; the store is as it was\n");
}

void TestInterruptCli::ctrlCDuringTheImportLeavesTheStoreAsItWas()
{
    QFETCH(bool, existing);
    QFETCH(QByteArray, message);
    if (existing) {
        writeLargeBatch(m_batch, 5);
        const CliRun marked =
            runAnnorev({u"mark"_s, u"--status"_s, u"approved"_s, u"--note"_s, u"fine"_s, m_batch, u"doc-1"_s},
                       isolatedEnvironment(*m_dir));
        QCOMPARE(marked.exitCode, 0);
    }
    // Imported in five slices: the Ctrl+C comes in the first.
    writeLargeBatch(m_batch, 20000);
    const QStringList before = snapshot(m_store);

    const TerminalRun run = runOnTerminal({u"status"_s, m_batch}, "Importing 0 of ");
    QCOMPARE(run.exitCode, 130);
    const QByteArray ending = QByteArray("\r\x1b[K") + message;
    QVERIFY2(run.terminal.endsWith(ending), run.terminal.right(300).constData());
    QVERIFY(run.out.isEmpty());
    QCOMPARE(snapshot(m_store), before);

    // The next run imports the batch in full.
    const CliRun again = runAnnorev({u"status"_s, m_batch}, isolatedEnvironment(*m_dir));
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.err.contains(existing ? "imported 19995 documents" : "imported 20000 documents"),
             again.err.constData());
}

QTEST_GUILESS_MAIN(TestInterruptCli)
#include "tst_interruptcli.moc"
