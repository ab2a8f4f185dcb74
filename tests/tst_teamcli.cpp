// The team batch from the command line, as a team uses it: `team init`, `import`, then every
// store command on the batch's address, `claim` and `release`, and the refusals, on the server
// ctest starts (see teamserver.h).

#include "teamserver.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace annorev;
using namespace annorev::test;
using namespace Qt::StringLiterals;

class TestTeamCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void teamInitAgainChangesNothing();
    void anImportedBatchServesEveryCommand();
    void claimPrintsIdsAndStatusListsThemPerReviewer();
    void refusalsSayWhyAndNeverEchoAPassword_data();
    void refusalsSayWhyAndNeverEchoAPassword();

private:
    QString batch(const QString &user, const QString &name) const
    {
        return m_server.address(m_server.user(user), name);
    }
    CliRun run(const QStringList &arguments) const { return runAnnorev(arguments, isolatedEnvironment(m_dir)); }

    TeamServer m_server{u"tc"_s};
    QTemporaryDir m_dir;
    QString m_samples;
};

void TestTeamCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.setUp());
    m_samples = copySamples(m_dir);
    const CliRun imported = run({u"import"_s, batch(u"carol"_s, u"papers"_s), m_samples});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    QVERIFY2(imported.err.contains("imported 5 documents into postgresql://tc_carol@/tc_db?batch=papers"),
             imported.err.constData());
}

void TestTeamCli::teamInitAgainChangesNothing()
{
    const CliRun init = run({u"team"_s, u"init"_s, m_server.superuserAddress()});
    QCOMPARE(init.exitCode, 0);
    QVERIFY2(init.err.contains("up to date") && !init.err.contains("NOTICE"), init.err.constData());
}

void TestTeamCli::anImportedBatchServesEveryCommand()
{
    const QString id = u"002_f429afe5dd9093a8.txt"_s;
    const CliRun again = run({u"import"_s, batch(u"carol"_s, u"papers"_s), m_samples});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(!again.err.contains("imported"), again.err.constData());

    const CliRun marked = run({u"mark"_s, u"--status"_s, u"approved"_s, batch(u"bob"_s, u"papers"_s), id});
    QVERIFY2(marked.exitCode == 0, marked.err.constData());
    QCOMPARE(marked.out, (id + u" approved\n"_s).toUtf8());

    const CliRun status = run({u"status"_s, u"--format"_s, u"json"_s, batch(u"alice"_s, u"papers"_s)});
    QVERIFY2(status.exitCode == 0, status.err.constData());
    QVERIFY2(status.out.contains("\"approved\": 1") && status.out.contains("\"claims\": ["), status.out.constData());

    const CliRun log = run({u"log"_s, batch(u"alice"_s, u"papers"_s), id});
    QVERIFY2(log.exitCode == 0 &&
                 log.out.contains(QByteArray(" tc_bob " + id.toUtf8() + " status unreviewed -> approved")),
             log.out.constData());

    const CliRun stats = run({u"stats"_s, batch(u"alice"_s, u"papers"_s)});
    QVERIFY2(stats.exitCode == 0, stats.err.constData());

    // Exports are the curators'.
    const CliRun exported = run({u"export"_s, u"--format"_s, u"doccano"_s, batch(u"carol"_s, u"papers"_s)});
    QVERIFY2(exported.exitCode == 0, exported.err.constData());
    QCOMPARE(exported.out.count('\n'), 1);
    QVERIFY(exported.out.contains(id.toUtf8()));
    const CliRun refused = run({u"export"_s, u"--format"_s, u"doccano"_s, batch(u"bob"_s, u"papers"_s)});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("takes the role annorev_curator") && refused.out.isEmpty(), refused.err.constData());
}

void TestTeamCli::claimPrintsIdsAndStatusListsThemPerReviewer()
{
    const CliRun imported = run({u"import"_s, batch(u"carol"_s, u"queue"_s), m_samples});
    QCOMPARE(imported.exitCode, 0);
    const CliRun alices = run({u"claim"_s, u"--count"_s, u"2"_s, batch(u"alice"_s, u"queue"_s)});
    QVERIFY2(alices.exitCode == 0, alices.err.constData());
    QCOMPARE(alices.out, QByteArray("000_fb52d27db3b8b6ee.txt\n001_1d6e54ff941a55a9.txt\n"));
    QVERIFY2(alices.err.contains("claimed 2 until"), alices.err.constData());
    const CliRun bobs = run({u"claim"_s, u"--lease"_s, u"5"_s, batch(u"bob"_s, u"queue"_s)});
    QCOMPARE(bobs.out, QByteArray("002_f429afe5dd9093a8.txt\n"));

    const CliRun status = run({u"status"_s, batch(u"carol"_s, u"queue"_s)});
    QVERIFY2(status.out.contains("claimed: 3\n  tc_alice\n    000_fb52d27db3b8b6ee.txt until "),
             status.out.constData());
    QVERIFY2(status.out.contains("  tc_bob\n    002_f429afe5dd9093a8.txt until "), status.out.constData());

    const CliRun released = run(
        {u"release"_s, batch(u"alice"_s, u"queue"_s), u"001_1d6e54ff941a55a9.txt"_s, u"002_f429afe5dd9093a8.txt"_s});
    QCOMPARE(released.exitCode, 2);
    QCOMPARE(released.out, QByteArray("001_1d6e54ff941a55a9.txt\n"));
    QVERIFY2(released.err.contains("002_f429afe5dd9093a8.txt: you hold no claim on it"), released.err.constData());
    const CliRun next = run({u"claim"_s, batch(u"bob"_s, u"queue"_s)});
    QCOMPARE(next.out, QByteArray("001_1d6e54ff941a55a9.txt\n"));
}

void TestTeamCli::refusalsSayWhyAndNeverEchoAPassword_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("says");
    const QString papers = m_server.address(u"tc_alice"_s, u"papers"_s);
    QTest::newRow("password in the address")
        << QStringList{u"status"_s, u"postgresql://tc_alice:hunter2@localhost/tc_db?batch=papers"_s}
        << u"holds a password"_s;
    QTest::newRow("--reviewer") << QStringList{u"mark"_s, u"--status"_s, u"needs-work"_s, u"--reviewer"_s,
                                               u"x"_s,    papers,        u"a"_s}
                                << u"--reviewer is for local batches"_s;
    QTest::newRow("--store") << QStringList{u"status"_s, u"--store"_s, u"x.sqlite"_s, papers}
                             << u"--store is for local batches"_s;
    QTest::newRow("annotator approves") << QStringList{u"mark"_s, u"--status"_s, u"approved"_s, papers,
                                                       u"001_1d6e54ff941a55a9.txt"_s}
                                        << u"not allowed: tc_alice may not approve or reject documents"_s;
    QTest::newRow("annotator imports") << QStringList{u"import"_s, papers, m_samples}
                                       << u"not allowed: tc_alice may not import"_s;
    QTest::newRow("import into a file") << QStringList{u"import"_s, m_samples, m_samples}
                                        << u"import is into a team batch"_s;
    QTest::newRow("claim on a local batch") << QStringList{u"claim"_s, m_samples} << u"claims are for team batches"_s;
    QTest::newRow("no such batch") << QStringList{u"status"_s, m_server.address(u"tc_alice"_s, u"nope"_s)}
                                   << u"there is no team batch \"nope\""_s;
    QTest::newRow("no such server")
        << QStringList{u"status"_s, u"postgresql:///tc_db?host=/nonexistent&batch=b"_s}
        << u"cannot connect to the team batch postgresql:///tc_db?batch=b&host=/nonexistent"_s;
}

void TestTeamCli::refusalsSayWhyAndNeverEchoAPassword()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    const CliRun refused = run(arguments);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(QString::fromUtf8(refused.err).contains(says), refused.err.constData());
    QVERIFY(!refused.err.contains("hunter2"));
    QVERIFY(refused.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestTeamCli)
#include "tst_teamcli.moc"
