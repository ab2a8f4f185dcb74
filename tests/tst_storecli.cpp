#include "reviewstore.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <grp.h>
#include <memory>
#include <pwd.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using annorev::test::errorOf;
using annorev::test::openedStore;

namespace {

using Run = annorev::test::CliRun;
using annorev::test::readFile;
using annorev::test::writeFile;

const QString first = u"000_fb52d27db3b8b6ee.txt"_s;
const QString second = u"001_1d6e54ff941a55a9.txt"_s;
const QString third = u"002_f429afe5dd9093a8.txt"_s;

// "ID STATUS" pairs as `annorev mark` prints them, or as the store holds them.
using Marks = QList<std::pair<QString, QString>>;

Marks parseMarks(const QByteArray &out)
{
    Marks marks;
    for (const QByteArray &line : out.split('\n')) {
        const qsizetype space = line.lastIndexOf(' ');
        if (space > 0) {
            marks.append({QString::fromUtf8(line.left(space)), QString::fromUtf8(line.mid(space + 1))});
        }
    }
    return marks;
}

// Reads the store with a connection of the test's own, as another program would.
class StoreReader
{
public:
    explicit StoreReader(const QString &path) : m_name(u"reader-"_s + QString::number(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!db.open()) {
            qFatal("cannot open %s", qPrintable(path));
        }
    }
    ~StoreReader() { QSqlDatabase::removeDatabase(m_name); }
    QString integrity() const
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        return q.exec(u"PRAGMA integrity_check"_s) && q.next() ? q.value(0).toString() : QString();
    }
    // Every status change in the audit log, oldest first: {id, status before, status after}.
    QList<std::tuple<QString, QString, QString>> statusChanges() const
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        QList<std::tuple<QString, QString, QString>> rows;
        if (q.exec(
                u"SELECT document_id, status_before, status_after FROM audit WHERE action = 'status' ORDER BY seq"_s)) {
            while (q.next()) {
                rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
            }
        }
        return rows;
    }
    QString status(const QString &id) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        q.prepare(u"SELECT status FROM documents WHERE id = ?"_s);
        q.bindValue(0, id);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }

private:
    static inline int s_count = 0;
    QString m_name;
};

} // namespace

class TestStoreCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void markPrintsEachDocumentOnceSaved();
    void markRefusesUnknownIdsAndChangesNothing();
    void markNeedsANoteToApproveErrors();
    void markUsageErrors_data();
    void markUsageErrors();
    void statusCountsAndListsChangedAndMissing();
    void statusJson();
    void aStoreThatCannotBeReadIsAnErrorNamingIt_data();
    void aStoreThatCannotBeReadIsAnErrorNamingIt();
    void logTextAndJsonl();
    void logOfAnUnknownDocumentIsAnError();
    void unreadableBatchIsReportedWithOnePrefix_data();
    void unreadableBatchIsReportedWithOnePrefix();
    void logTextEscapesLineBreaksInNotesIdsAndReviewers();
    void storeOptionPutsTheStoreElsewhere();
    void newerStoreIsRefused();
    void reviewerComesFromTheSavedSetting();
    void reviewerIsTheAccountNameWithoutUserOrLogname();
    void killedMidStreamLosesNoReportedMark();
    void twoProcessesMarkTheSameStore();
    void aProcessThatLostItsLocksKeepsItsLogWhenAnotherCloses();
    void storeOfAnotherBatchIsRefusedNamingBoth_data();
    void storeOfAnotherBatchIsRefusedNamingBoth();
    void unreadableBatchLeavesNoStore_data();
    void unreadableBatchLeavesNoStore();
    void logFilesLeftReadOnlyByAReadOnlyRunDoNotBlockWrites();
    void fullDiskIsNamedAsSuch();
    void theKeptLogDoesNotKeepTheSizeOfAnImport();

private:
    Run annorev(const QStringList &arguments) const;
    QString makeBatch(int documents);
    // A shell loop of `annorev mark` calls, one document each, in its own process group.
    std::unique_ptr<QProcess> startMarkLoop(const QString &batch, const QStringList &ids, const QString &status,
                                            const QString &reviewer) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_batch;
    QString m_store;
    QProcessEnvironment m_environment;
};

void TestStoreCli::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestStoreCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_batch = annorev::test::copySamples(*m_dir);
    m_store = m_dir->filePath(u"samples.annorev.sqlite"_s);
    // The children read their settings from the temporary folder, never the user's.
    m_environment = annorev::test::isolatedEnvironment(*m_dir);
}

void TestStoreCli::cleanup()
{
    m_dir.reset();
}

Run TestStoreCli::annorev(const QStringList &arguments) const
{
    return annorev::test::runAnnorev(arguments, m_environment);
}

QString TestStoreCli::makeBatch(int documents)
{
    const QString folder = m_dir->filePath(u"generated"_s);
    for (int i = 0; i < documents; ++i) {
        writeFile(folder + u"/doc-%1.txt"_s.arg(i, 4, 10, QChar(u'0')),
                  "Trained on <gpu_count>" + QByteArray::number(i + 1) + "</gpu_count> GPUs: <model>M-" +
                      QByteArray::number(i) + "</model>.\n");
    }
    return folder;
}

std::unique_ptr<QProcess> TestStoreCli::startMarkLoop(const QString &batch, const QStringList &ids,
                                                      const QString &status, const QString &reviewer) const
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment environment = m_environment;
    environment.insert(u"ANNOREV"_s, QStringLiteral(ANNOREV_BINARY));
    environment.insert(u"BATCH"_s, batch);
    environment.insert(u"STATUS"_s, status);
    environment.insert(u"REVIEWER"_s, reviewer);
    process->setProcessEnvironment(environment);
    process->setChildProcessModifier([] { ::setpgid(0, 0); });
    const QStringList arguments = QStringList{u"-c"_s,
                                              u"for id in \"$@\"; do \"$ANNOREV\" mark --status \"$STATUS\" "
                                              "--reviewer \"$REVIEWER\" \"$BATCH\" \"$id\" || exit 1; done"_s,
                                              u"loop"_s} +
                                  ids;
    process->start(u"bash"_s, arguments);
    return process;
}

void TestStoreCli::markPrintsEachDocumentOnceSaved()
{
    const Run run = annorev({u"mark"_s, u"--status"_s, u"needs-work"_s, u"--note"_s, u"check it"_s, u"--reviewer"_s,
                             u"alice"_s, m_batch, second, first});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, (second + u" needs-work\n"_s + first + u" needs-work\n"_s).toUtf8());
    QVERIFY(QFileInfo::exists(m_store));
    StoreReader store(m_store);
    QCOMPARE(store.status(first), u"needs-work"_s);
    QCOMPARE(store.status(second), u"needs-work"_s);
    QCOMPARE(store.status(third), u"unreviewed"_s);
    QCOMPARE(store.integrity(), u"ok"_s);
}

void TestStoreCli::markRefusesUnknownIdsAndChangesNothing()
{
    QCOMPARE(annorev({u"mark"_s, u"--status"_s, u"rejected"_s, m_batch, first}).exitCode, 0);
    const Run run = annorev({u"mark"_s, u"--status"_s, u"approved"_s, m_batch, second, u"nope.txt"_s, first});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(run.err.contains("annorev: error: no document \"nope.txt\" in the store"), run.err.constData());
    QVERIFY(run.err.contains(m_store.toUtf8()));
    StoreReader store(m_store);
    QCOMPARE(store.status(first), u"rejected"_s);
    QCOMPARE(store.status(second), u"unreviewed"_s);
    QCOMPARE(store.statusChanges().size(), 1);
}

void TestStoreCli::markNeedsANoteToApproveErrors()
{
    writeFile(m_batch + u"/broken.txt"_s, "An unclosed <model>Foo-7B tag.\n");
    Run run = annorev({u"mark"_s, u"--status"_s, u"approved"_s, m_batch, u"broken.txt"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("\"broken.txt\" has error findings: approving it needs a note"), run.err.constData());
    run =
        annorev({u"mark"_s, u"--status"_s, u"approved"_s, u"--note"_s, u"fixed upstream"_s, m_batch, u"broken.txt"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("broken.txt approved\n"));
}

void TestStoreCli::markUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    QTest::addRow("no status") << QStringList{u"mark"_s, u"BATCH"_s, first} << QByteArray("--status is required");
    QTest::addRow("bad status") << QStringList{u"mark"_s, u"--status"_s, u"done"_s, u"BATCH"_s, first}
                                << QByteArray("not \"done\"");
    QTest::addRow("no id") << QStringList{u"mark"_s, u"--status"_s, u"approved"_s, u"BATCH"_s}
                           << QByteArray("at least one document id");
    QTest::addRow("no batch") << QStringList{u"mark"_s, u"--status"_s, u"approved"_s, u"nowhere"_s, first}
                              << QByteArray("nowhere: error: cannot read");
    QTest::addRow("status format") << QStringList{u"status"_s, u"--format"_s, u"xml"_s, u"BATCH"_s}
                                   << QByteArray("--format is text or json");
    QTest::addRow("log format") << QStringList{u"log"_s, u"--format"_s, u"json"_s, u"BATCH"_s}
                                << QByteArray("--format is text or jsonl");
}

void TestStoreCli::markUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    arguments.replaceInStrings(u"BATCH"_s, m_batch);
    const Run run = annorev(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
    QCOMPARE(run.out, QByteArray());
}

void TestStoreCli::statusCountsAndListsChangedAndMissing()
{
    QCOMPARE(annorev({u"mark"_s, u"--status"_s, u"approved"_s, m_batch, first, second}).exitCode, 0);
    writeFile(m_batch + u'/' + third, "changed upstream\n");
    QVERIFY(QFile::remove(m_batch + u"/003_2b600daee4a931dd.txt"_s));
    const Run run = annorev({u"status"_s, m_batch});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, (u"5 documents in "_s + m_store +
                       u"\n"
                       "  unreviewed  3\n"
                       "  approved    2\n"
                       "  rejected    0\n"
                       "  needs-work  0\n"
                       "findings: 0 errors, 6 warnings, 1 info (0 documents with errors)\n"
                       "source changed: 1\n"
                       "  002_f429afe5dd9093a8.txt\n"
                       "missing from the batch: 1\n"
                       "  003_2b600daee4a931dd.txt\n"_s)
                          .toUtf8());
    QVERIFY2(run.err.contains("002_f429afe5dd9093a8.txt: the source changed since it was imported"),
             run.err.constData());
    QVERIFY(run.err.contains("003_2b600daee4a931dd.txt: gone from the batch"));
    // Reported once when it happens; status lists it every time.
    const Run again = annorev({u"status"_s, m_batch});
    QCOMPARE(again.out, run.out);
    QCOMPARE(again.err, QByteArray());
}

void TestStoreCli::statusJson()
{
    QCOMPARE(annorev({u"mark"_s, u"--status"_s, u"rejected"_s, m_batch, first}).exitCode, 0);
    const Run run = annorev({u"status"_s, u"--format"_s, u"json"_s, m_batch});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(object[u"store"_s].toString(), m_store);
    QCOMPARE(object[u"documents"_s].toInt(), 5);
    QCOMPARE(object[u"status"_s][u"rejected"_s].toInt(), 1);
    QCOMPARE(object[u"status"_s][u"unreviewed"_s].toInt(), 4);
    QCOMPARE(object[u"findings"_s][u"warning"_s].toInt(), 6);
    QCOMPARE(object[u"findings"_s][u"info"_s].toInt(), 1);
    QCOMPARE(object[u"findings"_s][u"error"_s].toInt(), 0);
    QCOMPARE(object[u"source_changed"_s].toArray(), QJsonArray());
    QCOMPARE(object[u"missing"_s].toArray(), QJsonArray());
}

// A failed read is an error naming the store, never an empty batch ("0 documents").
void TestStoreCli::aStoreThatCannotBeReadIsAnErrorNamingIt_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addRow("status") << QStringList{u"status"_s};
    QTest::addRow("status json") << QStringList{u"status"_s, u"--format"_s, u"json"_s};
    QTest::addRow("stats") << QStringList{u"stats"_s};
    QTest::addRow("export") << QStringList{u"export"_s, u"--format"_s, u"records-jsonl"_s};
}

void TestStoreCli::aStoreThatCannotBeReadIsAnErrorNamingIt()
{
    QFETCH(QStringList, command);
    QCOMPARE(annorev({u"status"_s, m_batch}).exitCode, 0);
    QVERIFY(annorev::test::breakStoreReads(m_store));
    const Run run = annorev(command + QStringList{m_batch});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.out.isEmpty(), run.out.constData());
    QVERIFY2(run.err.contains(QByteArray("annorev: error: the store " + m_store.toUtf8() + ": no such column")),
             run.err.constData());
}

void TestStoreCli::logTextAndJsonl()
{
    QCOMPARE(annorev({u"mark"_s, u"--status"_s, u"needs-work"_s, u"--reviewer"_s, u"alice"_s, m_batch, first}).exitCode,
             0);
    QCOMPARE(annorev({u"mark"_s, u"--status"_s, u"rejected"_s, u"--note"_s, u"wrong model"_s, m_batch, first, second})
                 .exitCode,
             0);
    Run run = annorev({u"log"_s, m_batch});
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    const QRegularExpression stamp(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z "_s);
    QVERIFY2(stamp.match(QString::fromUtf8(lines[0])).hasMatch(), lines[0].constData());
    QVERIFY(lines[0].endsWith(" alice 000_fb52d27db3b8b6ee.txt status unreviewed -> needs-work"));
    QVERIFY(lines[1].endsWith(" tester 000_fb52d27db3b8b6ee.txt status needs-work -> rejected: wrong model"));
    QVERIFY(lines[2].endsWith(" tester 001_1d6e54ff941a55a9.txt status unreviewed -> rejected: wrong model"));

    run = annorev({u"log"_s, u"--format"_s, u"jsonl"_s, m_batch, first});
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> objects = run.out.trimmed().split('\n');
    QCOMPARE(objects.size(), 2);
    const QJsonObject last = QJsonDocument::fromJson(objects[1]).object();
    QCOMPARE(last[u"id"_s].toString(), first);
    QCOMPARE(last[u"reviewer"_s].toString(), u"tester"_s);
    QCOMPARE(last[u"action"_s].toString(), u"status"_s);
    QCOMPARE(last[u"status_before"_s].toString(), u"needs-work"_s);
    QCOMPARE(last[u"status_after"_s].toString(), u"rejected"_s);
    QCOMPARE(last[u"note"_s].toString(), u"wrong model"_s);
    QVERIFY(last[u"text_before"_s].isNull());
    QVERIFY(last[u"seq"_s].toInt() > QJsonDocument::fromJson(objects[0]).object()[u"seq"_s].toInt());
    QVERIFY(QDateTime::fromString(last[u"at"_s].toString(), Qt::ISODateWithMs).isValid());
}

void TestStoreCli::logOfAnUnknownDocumentIsAnError()
{
    const Run run = annorev({u"log"_s, m_batch, u"nope.txt"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("no document \"nope.txt\" in the store"), run.err.constData());
}

// A line break in a note, an id or a reviewer split a text log line in two, so a line no longer
// was one change: the text format escapes them (\n, \r, \t, \\, \uXXXX), JSON Lines as JSON does.
void TestStoreCli::unreadableBatchIsReportedWithOnePrefix_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addRow("status") << QStringList{u"status"_s, u"BATCH"_s};
    QTest::addRow("log") << QStringList{u"log"_s, u"BATCH"_s};
    QTest::addRow("mark") << QStringList{u"mark"_s, u"--status"_s, u"approved"_s, u"BATCH"_s, u"1"_s};
    QTest::addRow("export") << QStringList{u"export"_s, u"--format"_s, u"records-csv"_s, u"BATCH"_s};
}

// "annorev: error: b.json: error: invalid JSON: …" said "error" twice.
void TestStoreCli::unreadableBatchIsReportedWithOnePrefix()
{
    QFETCH(QStringList, arguments);
    const QString batch = m_dir->filePath(u"broken.json"_s);
    writeFile(batch, R"([{"id": 1, "data": {"text": "M"}},)");
    arguments.replaceInStrings(u"BATCH"_s, batch);
    const Run run = annorev(arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QByteArray());
    const QByteArray expected = "annorev: error: " + batch.toUtf8() + ": invalid JSON: ";
    QVERIFY2(run.err.startsWith(expected), run.err.constData());
    QCOMPARE(run.err.count("error:"), 1);
    QCOMPARE(run.err.count('\n'), 1);
}

void TestStoreCli::logTextEscapesLineBreaksInNotesIdsAndReviewers()
{
    const QString batch = m_dir->filePath(u"odd.jsonl"_s);
    writeFile(batch, "{\"id\": \"two\\nlines\", \"text\": \"<model>A</model>\"}\n"
                     "{\"id\": \"back\\\\slash\\r\", \"text\": \"<model>B</model>\"}\n");
    const QString note = u"first line\nsecond\r\nthird\tend \\n not a break\u2028sep\u0085nel\x01"_s;
    const QString reviewer = u"ann\nsmith"_s;
    QCOMPARE(annorev({u"mark"_s, u"--status"_s, u"rejected"_s, u"--reviewer"_s, reviewer, u"--note"_s, note, batch,
                      u"two\nlines"_s, u"back\\slash\r"_s})
                 .exitCode,
             0);
    Run run = annorev({u"log"_s, batch});
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = run.out.split('\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[2], QByteArray());
    const QByteArray escapedNote = "first line\\nsecond\\r\\nthird\\tend \\\\n not a break\\u2028sep\\u0085nel\\u0001";
    const QByteArray firstTail = " ann\\nsmith two\\nlines status unreviewed -> rejected: " + escapedNote;
    const QByteArray secondTail = " ann\\nsmith back\\\\slash\\r status unreviewed -> rejected: " + escapedNote;
    QVERIFY2(lines[0].endsWith(firstTail), lines[0].constData());
    QVERIFY2(lines[1].endsWith(secondTail), lines[1].constData());

    run = annorev({u"log"_s, u"--format"_s, u"jsonl"_s, batch, u"two\nlines"_s});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.count('\n'), 1);
    const QJsonObject object = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(object[u"id"_s].toString(), u"two\nlines"_s);
    QCOMPARE(object[u"reviewer"_s].toString(), reviewer);
    QCOMPARE(object[u"note"_s].toString(), note);
}

void TestStoreCli::storeOptionPutsTheStoreElsewhere()
{
    const QString elsewhere = m_dir->filePath(u"stores/review.sqlite"_s);
    QDir().mkpath(QFileInfo(elsewhere).absolutePath());
    const Run run = annorev({u"mark"_s, u"--store"_s, elsewhere, u"--status"_s, u"approved"_s, m_batch, first});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(QFileInfo::exists(elsewhere));
    QVERIFY(!QFileInfo::exists(m_store));
    QVERIFY(annorev({u"status"_s, u"--store"_s, elsewhere, m_batch}).out.contains("  approved    1\n"));
}

void TestStoreCli::newerStoreIsRefused()
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newer"_s);
        db.setDatabaseName(m_store);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s));
        QVERIFY(q.exec(u"INSERT INTO meta VALUES ('schema_version', '"_s +
                       QString::number(annorev::ReviewStore::schemaVersion + 1) + u"')"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"newer"_s);
    const QByteArray before = readFile(m_store);
    for (const QString &command : {u"mark"_s, u"status"_s, u"log"_s}) {
        QStringList arguments{command, m_batch};
        if (command == u"mark") {
            arguments = QStringList{command, u"--status"_s, u"approved"_s, m_batch, first};
        }
        const Run run = annorev(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QByteArray(
                     "was written by a newer annorev (store schema " +
                     QByteArray::number(annorev::ReviewStore::schemaVersion + 1) + ", this annorev reads up to " +
                     QByteArray::number(annorev::ReviewStore::schemaVersion) + "); upgrade annorev")),
                 run.err.constData());
    }
    QCOMPARE(readFile(m_store), before);
}

void TestStoreCli::reviewerComesFromTheSavedSetting()
{
    QCOMPARE(annorev({u"mark"_s, u"--status"_s, u"rejected"_s, m_batch, first}).exitCode, 0);
    writeFile(m_dir->filePath(u"config/annorev/annorev.conf"_s), "[General]\nreviewer=Carol\n");
    QCOMPARE(annorev({u"mark"_s, u"--status"_s, u"needs-work"_s, m_batch, first}).exitCode, 0);
    QCOMPARE(annorev({u"mark"_s, u"--status"_s, u"approved"_s, u"--reviewer"_s, u"dave"_s, m_batch, first}).exitCode,
             0);
    const QList<QByteArray> lines = annorev({u"log"_s, m_batch}).out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines[0].contains(" tester "), lines[0].constData());
    QVERIFY2(lines[1].contains(" Carol "), lines[1].constData());
    QVERIFY2(lines[2].contains(" dave "), lines[2].constData());
}

// Cron jobs, containers and `env -i` run without USER and LOGNAME: the reviewer was "unknown".
void TestStoreCli::reviewerIsTheAccountNameWithoutUserOrLogname()
{
    const passwd *account = ::getpwuid(::getuid());
    QVERIFY2(account && account->pw_name && *account->pw_name, "this test needs an account in the password database");
    const QByteArray name = account->pw_name;
    QProcessEnvironment environment = m_environment;
    for (const QString &variable : {u"USER"_s, u"USERNAME"_s, u"LOGNAME"_s}) {
        environment.remove(variable);
    }
    const Run mark = annorev::test::runAnnorev({u"mark"_s, u"--status"_s, u"rejected"_s, m_batch, first}, environment);
    QCOMPARE(mark.exitCode, 0);
    const Run log = annorev({u"log"_s, u"--format"_s, u"jsonl"_s, m_batch});
    QCOMPARE(log.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(log.out).object()[u"reviewer"_s].toString(), QString::fromLocal8Bit(name));
}

void TestStoreCli::killedMidStreamLosesNoReportedMark()
{
    const QString batch = makeBatch(120);
    const QString store = batch + u".annorev.sqlite"_s;
    QStringList ids;
    for (int i = 0; i < 120; ++i) {
        ids.append(u"doc-%1.txt"_s.arg(i, 4, 10, QChar(u'0')));
    }
    // Several rounds, each killed at another moment, so that some kill lands inside a commit.
    Marks reported;
    const QStringList statuses{u"needs-work"_s, u"rejected"_s, u"approved"_s};
    for (int round = 0; round < 3; ++round) {
        std::unique_ptr<QProcess> loop = startMarkLoop(batch, ids, statuses[round], u"crash"_s);
        QVERIFY(loop->waitForStarted());
        QByteArray out;
        const int killAfter = 5 + 4 * round;
        while (out.count('\n') < killAfter && loop->state() == QProcess::Running) {
            loop->waitForReadyRead(10000);
            out += loop->readAllStandardOutput();
        }
        QVERIFY2(out.count('\n') >= killAfter, loop->readAllStandardError().constData());
        QTest::qWait(7 * round);
        QCOMPARE(::kill(-pid_t(loop->processId()), SIGKILL), 0);
        QVERIFY(loop->waitForFinished(10000));
        out += loop->readAllStandardOutput();
        // Only whole lines were reported; a line cut short by the kill reports nothing.
        out.truncate(out.lastIndexOf('\n') + 1);
        reported += parseMarks(out);

        StoreReader reader(store);
        QCOMPARE(reader.integrity(), u"ok"_s);
    }
    QVERIFY(reported.size() >= 5 + 9 + 13);

    StoreReader reader(store);
    QCOMPARE(reader.integrity(), u"ok"_s);
    QList<std::pair<QString, QString>> logged;
    for (const auto &[id, before, after] : reader.statusChanges()) {
        logged.append({id, after});
    }
    // Every reported mark is in the audit log, in the order reported (a mark the kill cut off
    // after its commit may be logged without having been reported).
    qsizetype next = 0;
    for (const auto &mark : std::as_const(reported)) {
        const qsizetype found = logged.indexOf(mark, next);
        QVERIFY2(found >= 0, qPrintable(mark.first + u' ' + mark.second));
        next = found + 1;
    }
    QVERIFY(logged.size() - reported.size() <= 3);
    // The store still opens and works.
    const Run run = annorev({u"mark"_s, u"--status"_s, u"unreviewed"_s, batch, ids.constFirst()});
    QCOMPARE(run.exitCode, 0);
}

void TestStoreCli::twoProcessesMarkTheSameStore()
{
    const int count = 30;
    const QString batch = makeBatch(count);
    const QString store = batch + u".annorev.sqlite"_s;
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        ids.append(u"doc-%1.txt"_s.arg(i, 4, 10, QChar(u'0')));
    }
    QStringList reversed(ids.crbegin(), ids.crend());
    // Both start on a store that does not exist yet, so they also race to create and import it.
    std::unique_ptr<QProcess> a = startMarkLoop(batch, ids, u"needs-work"_s, u"a"_s);
    std::unique_ptr<QProcess> b = startMarkLoop(batch, reversed, u"rejected"_s, u"b"_s);
    QVERIFY(a->waitForFinished(300000));
    QVERIFY(b->waitForFinished(300000));
    const QByteArray errors = a->readAllStandardError() + b->readAllStandardError();
    QVERIFY2(a->exitCode() == 0 && b->exitCode() == 0, errors.constData());
    QVERIFY2(!errors.contains("error"), errors.constData());
    const Marks marksA = parseMarks(a->readAllStandardOutput());
    const Marks marksB = parseMarks(b->readAllStandardOutput());
    QCOMPARE(marksA.size(), count);
    QCOMPARE(marksB.size(), count);

    StoreReader reader(store);
    QCOMPARE(reader.integrity(), u"ok"_s);
    const auto changes = reader.statusChanges();
    QCOMPARE(changes.size(), 2 * count);
    // No lost update: each change starts from the status the previous one left.
    QHash<QString, QString> current;
    for (const auto &[id, before, after] : changes) {
        QCOMPARE(before, current.value(id, u"unreviewed"_s));
        current[id] = after;
    }
    for (const QString &id : ids) {
        QCOMPARE(reader.status(id), current.value(id));
    }
}

void TestStoreCli::aProcessThatLostItsLocksKeepsItsLogWhenAnotherCloses()
{
    // This process is the window: it holds the store open and has written to it.
    QCOMPARE(annorev({u"status"_s, m_batch}).exitCode, 0);
    const std::unique_ptr<annorev::ReviewStore> store = openedStore(m_store);
    QVERIFY(store);
    QVERIFY_OK(store->setStatus({first}, annorev::ReviewStatus::NeedsWork, {}, u"window"_s));
    // Something in this process opens and closes the store file, as a file dialog sniffing its
    // type did: POSIX drops every lock this process holds on the file (SQLite's "how to corrupt"
    // 2.2), so the next annorev believes it is the store's last user when it closes.
    const int descriptor = ::open(QFile::encodeName(m_store).constData(), O_RDONLY);
    QVERIFY(descriptor >= 0);
    ::close(descriptor);

    const Run log = annorev({u"log"_s, m_batch});
    QCOMPARE(log.exitCode, 0);

    // Written after the other process closed: a third process must see it.
    QVERIFY_OK(store->setStatus({second}, annorev::ReviewStatus::Approved, {}, u"window"_s));
    const Run status = annorev({u"status"_s, u"--format"_s, u"json"_s, m_batch});
    QCOMPARE(status.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(status.out).object();
    QCOMPARE(object[u"status"_s][u"needs-work"_s].toInt(), 1);
    QCOMPARE(object[u"status"_s][u"approved"_s].toInt(), 1);
    QVERIFY(QFileInfo::exists(m_store + u"-wal"_s));
}

void TestStoreCli::storeOfAnotherBatchIsRefusedNamingBoth_data()
{
    QTest::addColumn<QStringList>("otherFiles"); // sample files the other batch has too
    QTest::addColumn<bool>("refused");
    QTest::addRow("no document in common") << QStringList() << true;
    QTest::addRow("one document in common") << QStringList{first} << true;
}

void TestStoreCli::storeOfAnotherBatchIsRefusedNamingBoth()
{
    QFETCH(QStringList, otherFiles);
    QFETCH(bool, refused);
    QCOMPARE(annorev({u"mark"_s, u"--status"_s, u"rejected"_s, m_batch, third}).exitCode, 0);
    const QString other = m_dir->filePath(u"other"_s);
    writeFile(other + u"/zzz.txt"_s, "Trained on <gpu_count>8</gpu_count> GPUs.\n");
    for (const QString &name : otherFiles) {
        QVERIFY(QFile::copy(m_batch + u'/' + name, other + u'/' + name));
    }
    const Run run = annorev({u"status"_s, u"--store"_s, m_store, other});
    QCOMPARE(run.exitCode, refused ? 2 : 0);
    QVERIFY2(run.err.contains(QFile::encodeName(m_store)), run.err.constData());
    QVERIFY2(run.err.contains(QFile::encodeName(QFileInfo(m_batch).canonicalFilePath())), run.err.constData());
    QVERIFY2(run.err.contains(QFile::encodeName(QFileInfo(other).canonicalFilePath())), run.err.constData());
    QVERIFY2(run.err.contains("belongs to another batch"), run.err.constData());
    QVERIFY(!run.err.contains("gone from the batch"));
    StoreReader reader(m_store);
    QCOMPARE(reader.status(third), u"rejected"_s);
    const Run status = annorev({u"status"_s, u"--format"_s, u"json"_s, m_batch});
    QCOMPARE(status.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(status.out).object()[u"missing"_s].toArray(), QJsonArray());
}

void TestStoreCli::unreadableBatchLeavesNoStore_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addRow("label studio file that does not parse") << u"json"_s;
    QTest::addRow("file that cannot be opened") << u"socket"_s;
}

void TestStoreCli::unreadableBatchLeavesNoStore()
{
    QFETCH(QString, kind);
    QString batch;
    if (kind == u"json") {
        batch = m_dir->filePath(u"tasks.json"_s);
        writeFile(batch, "[{\"data\": ");
    } else {
        // A socket is there but cannot be opened (ENXIO), whoever runs the test (root reads a
        // file without read permission).
        batch = m_dir->filePath(u"socket.txt"_s);
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray encoded = QFile::encodeName(batch);
        QVERIFY(encoded.size() < qsizetype(sizeof(address.sun_path)));
        std::copy(encoded.cbegin(), encoded.cend(), address.sun_path);
        QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)), 0);
        ::close(fd);
    }
    const QString store = batch + u".annorev.sqlite"_s;
    for (const QString &command : {u"status"_s, u"log"_s}) {
        const Run run = annorev({command, batch});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QFile::encodeName(batch)), run.err.constData());
        QVERIFY2(!QFileInfo::exists(store), qPrintable(command));
        QVERIFY(!QFileInfo::exists(store + u"-wal"_s));
    }
}

void TestStoreCli::logFilesLeftReadOnlyByAReadOnlyRunDoNotBlockWrites()
{
    // Permissions do not hold root back: the runs are made as another user, which needs root.
    if (::geteuid() != 0) {
        QSKIP("runs annorev as the user nobody, which takes root");
    }
    constexpr uid_t nobody = 65534;
    QVERIFY(::chmod(QFile::encodeName(m_dir->path()).constData(), 0777) == 0);
    QVERIFY(::chown(QFile::encodeName(m_dir->path()).constData(), nobody, nobody) == 0);
    auto runAsNobody = [this](const QStringList &arguments) {
        QProcess process;
        QProcessEnvironment environment = m_environment;
        environment.insert(u"HOME"_s, m_dir->path());
        process.setProcessEnvironment(environment);
        process.setChildProcessModifier([] {
            if (::setgroups(0, nullptr) != 0 || ::setgid(nobody) != 0 || ::setuid(nobody) != 0) {
                ::_exit(127);
            }
        });
        process.start(QStringLiteral(ANNOREV_BINARY), arguments);
        process.waitForFinished(120000);
        return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                   process.readAllStandardOutput(), process.readAllStandardError()};
    };
    const QByteArray store = QFile::encodeName(m_store);
    QCOMPARE(runAsNobody({u"status"_s, m_batch}).exitCode, 0);
    {
        // A store from before annorev recorded its batch: the read-only run cannot add the record,
        // and must read the store all the same.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"legacy"_s);
        db.setDatabaseName(m_store);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"DELETE FROM meta WHERE key = 'batch'"_s));
        QCOMPARE(query.numRowsAffected(), 1);
    }
    QSqlDatabase::removeDatabase(u"legacy"_s);
    // The store read-only, its log files gone (a copied store, or one from before they were
    // kept): a run that only reads creates them with the store's read-only permissions.
    QVERIFY(::chmod(store.constData(), 0444) == 0);
    QFile::remove(m_store + u"-wal"_s);
    QFile::remove(m_store + u"-shm"_s);
    QCOMPARE(runAsNobody({u"status"_s, m_batch}).exitCode, 0);
    QVERIFY(QFileInfo::exists(m_store + u"-shm"_s));
    QVERIFY(::chmod(store.constData(), 0644) == 0);

    const Run mark = runAsNobody({u"mark"_s, u"--status"_s, u"approved"_s, m_batch, first});
    QVERIFY2(mark.exitCode == 0, mark.err.constData());
    StoreReader reader(m_store);
    QCOMPARE(reader.status(first), u"approved"_s);
}

void TestStoreCli::fullDiskIsNamedAsSuch()
{
    // A real full disk: a small tmpfs, which takes root (CI runs as root).
    const QString mountPoint = m_dir->filePath(u"small"_s);
    QVERIFY(QDir().mkpath(mountPoint));
    if (::mount("tmpfs", QFile::encodeName(mountPoint).constData(), "tmpfs", 0, "size=256k") != 0) {
        QSKIP("cannot mount a small tmpfs here (needs root)");
    }
    const auto unmount = qScopeGuard([&] { ::umount2(QFile::encodeName(mountPoint).constData(), MNT_DETACH); });
    const QString batch = mountPoint + u"/samples"_s;
    QVERIFY(annorev::test::copySamples(batch));
    // Fill what is left.
    QFile filler(mountPoint + u"/filler"_s);
    QVERIFY(filler.open(QIODevice::WriteOnly));
    const QByteArray block(4096, 'x');
    while (filler.write(block) == block.size() && filler.flush()) {
    }
    filler.close();

    const Run run = annorev({u"status"_s, batch});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(
                 QByteArray("the disk holding the store " + QFile::encodeName(batch) + ".annorev.sqlite is full")),
             run.err.constData());
    QVERIFY2(!run.err.contains("disk I/O error") && !run.err.contains("Unknown error"), run.err.constData());
}

void TestStoreCli::theKeptLogDoesNotKeepTheSizeOfAnImport()
{
    const QString batch = makeBatch(2000);
    const QString store = batch + u".annorev.sqlite"_s;
    QCOMPARE(annorev({u"status"_s, batch}).exitCode, 0);
    QVERIFY(QFileInfo(store).size() > 500 * 1024);
    // The -wal file stays (it is never deleted), but empty.
    QVERIFY(QFileInfo::exists(store + u"-wal"_s));
    QCOMPARE(QFileInfo(store + u"-wal"_s).size(), 0);
    QCOMPARE(annorev({u"mark"_s, u"--status"_s, u"approved"_s, batch, u"doc-0001.txt"_s}).exitCode, 0);
    QVERIFY(QFileInfo(store + u"-wal"_s).size() < 64 * 1024);
}

QTEST_GUILESS_MAIN(TestStoreCli)
#include "tst_storecli.moc"
