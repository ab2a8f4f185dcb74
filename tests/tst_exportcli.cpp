#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>

using namespace Qt::StringLiterals;

namespace {

using annorev::test::copySamples;
using annorev::test::readFile;
using annorev::test::writeFile;
using Run = annorev::test::CliRun;

Run cli(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"USER"_s, u"tester"_s);
    return annorev::test::runAnnorev(arguments, environment);
}

} // namespace

class TestExportCli : public QObject
{
    Q_OBJECT

private slots:
    void exportTakesApprovedDocumentsByDefault();
    void exportReimportedGivesTheSameBytes_data();
    void exportReimportedGivesTheSameBytes();
    void emptySpanIsLeftOutWithAWarningAndTheExportReadsBack_data();
    void emptySpanIsLeftOutWithAWarningAndTheExportReadsBack();
    void taggedExportOfAnUneditedFolderIsByteIdentical();
    void exportingTwiceGivesIdenticalBytes();
    void badExportIsRefusedAndLeavesNothing_data();
    void badExportIsRefusedAndLeavesNothing();
    void exportNeverWritesOverTheStoreOrTheBatch_data();
    void exportNeverWritesOverTheStoreOrTheBatch();
    void exportToAFullDiskSaysSoAndLeavesNothing_data();
    void exportToAFullDiskSaysSoAndLeavesNothing();
};

void TestExportCli::exportTakesApprovedDocumentsByDefault()
{
    QTemporaryDir dir;
    const QString batch = copySamples(dir);
    QCOMPARE(cli({u"mark"_s, u"--status"_s, u"approved"_s, batch, u"000_fb52d27db3b8b6ee.txt"_s}).exitCode, 0);
    QCOMPARE(cli({u"mark"_s, u"--status"_s, u"rejected"_s, batch, u"001_1d6e54ff941a55a9.txt"_s}).exitCode, 0);
    const Run run = cli({u"export"_s, u"--format"_s, u"records-jsonl"_s, batch});
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines[0].contains("\"doc_id\": \"000_fb52d27db3b8b6ee.txt\"") ||
                 lines[0].contains("\"doc_id\":\"000_fb52d27db3b8b6ee.txt\""),
             lines[0].constData());
    QVERIFY(lines[0].contains("tester"));

    const Run all = cli({u"export"_s, u"--format"_s, u"records-csv"_s, u"--status"_s, u"all"_s, batch});
    QCOMPARE(all.exitCode, 0);
    // A header and one row per record: 1 + 1 + 0 + 1 + 2 records in the five samples.
    QCOMPARE(all.out.count('\n'), 6);
    QVERIFY(all.out.startsWith("doc_id,record,model,params,hardware,gpu_count,training_hours,country,year,status,"
                               "reviewer,reviewed_at,note"));
}

void TestExportCli::exportReimportedGivesTheSameBytes_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("file");
    QTest::addRow("doccano") << u"doccano"_s << u"export.jsonl"_s;
    QTest::addRow("label-studio") << u"label-studio"_s << u"export.json"_s;
}

void TestExportCli::exportReimportedGivesTheSameBytes()
{
    QFETCH(QString, format);
    QFETCH(QString, file);
    QTemporaryDir dir;
    const QString batch = copySamples(dir);
    const QString first = dir.filePath(file);
    QCOMPARE(cli({u"export"_s, u"--format"_s, format, u"--status"_s, u"all"_s, u"--out"_s, first, batch}).exitCode, 0);
    // The export is itself a batch: imported, its text and spans come back, and so do its bytes.
    const QString second = dir.filePath(u"again-"_s + file);
    const Run again = cli({u"export"_s, u"--format"_s, format, u"--status"_s, u"all"_s, u"--out"_s, second, first});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(!readFile(first).isEmpty());
    QCOMPARE(readFile(second), readFile(first));
    // And checking the re-imported batch finds what checking the original finds.
    const Run original = cli({u"check"_s, u"--format"_s, u"jsonl"_s, batch});
    const Run reimported = cli({u"check"_s, u"--format"_s, u"jsonl"_s, first});
    QCOMPARE(reimported.out, original.out);
}

void TestExportCli::emptySpanIsLeftOutWithAWarningAndTheExportReadsBack_data()
{
    exportReimportedGivesTheSameBytes_data();
}

// <model></model> once exported as [0, 0], which the import refused, losing the document.
void TestExportCli::emptySpanIsLeftOutWithAWarningAndTheExportReadsBack()
{
    QFETCH(QString, format);
    QFETCH(QString, file);
    QTemporaryDir dir;
    const QString batch = dir.filePath(u"batch"_s);
    writeFile(batch + u"/a.txt"_s, "<model></model>Foo-7B has <params>7 billion</params> parameters.\n");
    writeFile(batch + u"/b.txt"_s, "<model>Bar-3B</model> was trained in <country>Peru</country>.\n");
    const QString first = dir.filePath(file);
    const Run exported = cli({u"export"_s, u"--format"_s, format, u"--status"_s, u"all"_s, u"--out"_s, first, batch});
    QCOMPARE(exported.exitCode, 0);
    QVERIFY2(exported.err.contains("annorev: warning: document a.txt: the empty model span at 0 is left out"),
             exported.err.constData());
    QVERIFY2(exported.err.contains("exported 2 document(s), 3 span(s)"), exported.err.constData());

    // Both documents come back, with the spans that were exported.
    const QString second = dir.filePath(u"again-"_s + file);
    const Run again =
        cli({u"export"_s, u"--format"_s, format, u"--status"_s, u"all"_s, u"--out"_s, second, first});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(!again.err.contains("error") && !again.err.contains("warning"), again.err.constData());
    QVERIFY2(again.err.contains("exported 2 document(s), 3 span(s)"), again.err.constData());
    QCOMPARE(readFile(second), readFile(first));
}

void TestExportCli::taggedExportOfAnUneditedFolderIsByteIdentical()
{
    QTemporaryDir dir;
    const QString batch = copySamples(dir);
    const QString out = dir.filePath(u"tagged"_s);
    QCOMPARE(cli({u"export"_s, u"--format"_s, u"tagged"_s, u"--status"_s, u"all"_s, u"--out"_s, out, batch}).exitCode,
             0);
    const QStringList names = QDir(batch).entryList(QDir::Files, QDir::Name);
    QCOMPARE(QDir(out).entryList(QDir::Files, QDir::Name), names);
    for (const QString &name : names) {
        QCOMPARE(readFile(out + u'/' + name), readFile(batch + u'/' + name));
    }
}

void TestExportCli::exportingTwiceGivesIdenticalBytes()
{
    QTemporaryDir dir;
    const QString batch = copySamples(dir);
    for (const QString &format : {u"records-csv"_s, u"label-studio"_s, u"conll"_s}) {
        const Run one = cli({u"export"_s, u"--format"_s, format, u"--status"_s, u"all"_s, batch});
        const Run two = cli({u"export"_s, u"--format"_s, format, u"--status"_s, u"all"_s, batch});
        QCOMPARE(one.exitCode, 0);
        QVERIFY(!one.out.isEmpty());
        QCOMPARE(two.out, one.out);
    }
}

void TestExportCli::badExportIsRefusedAndLeavesNothing_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addRow("unknown format") << QStringList{u"--format"_s, u"xml"_s};
    QTest::addRow("no format") << QStringList{};
    QTest::addRow("unknown offsets") << QStringList{u"--format"_s, u"doccano"_s, u"--offsets"_s, u"bytes"_s};
    QTest::addRow("unknown status") << QStringList{u"--format"_s, u"doccano"_s, u"--status"_s, u"done"_s};
    QTest::addRow("folder format to standard output") << QStringList{u"--format"_s, u"brat"_s};
    QTest::addRow("output folder under a file") << QStringList{u"--format"_s, u"brat"_s, u"--out"_s, u"FILE/brat"_s};
}

void TestExportCli::badExportIsRefusedAndLeavesNothing()
{
    QFETCH(QStringList, options);
    QTemporaryDir dir;
    const QString batch = copySamples(dir);
    QFile file(dir.filePath(u"FILE"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    options.replaceInStrings(u"FILE"_s, file.fileName());
    const QStringList before = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    const Run run = cli(QStringList{u"export"_s, u"--status"_s, u"all"_s} + options + QStringList{batch});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("annorev: error: "), run.err.constData());
    QStringList after = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    after.removeIf([](const QString &name) { return name.startsWith(u"samples.annorev.sqlite"); });
    QCOMPARE(after, before);
}

void TestExportCli::exportNeverWritesOverTheStoreOrTheBatch_data()
{
    QTest::addColumn<QString>("batch"); // relative to the test folder, which is the working folder
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("store"); // --store, empty for the default
    QTest::addColumn<bool>("refused");
    const QString folder = u"samples"_s;
    const QString jsonl = u"b.jsonl"_s;
    const QString csv = u"records-csv"_s;
    QTest::addRow("the store") << folder << csv << u"samples.annorev.sqlite"_s << QString() << true;
    QTest::addRow("its -wal") << folder << csv << u"samples.annorev.sqlite-wal"_s << QString() << true;
    QTest::addRow("its -shm") << folder << csv << u"samples.annorev.sqlite-shm"_s << QString() << true;
    QTest::addRow("its -journal") << folder << csv << u"samples.annorev.sqlite-journal"_s << QString() << true;
    QTest::addRow("the store through ..") << folder << csv << u"sub/../samples.annorev.sqlite"_s << QString() << true;
    QTest::addRow("the store through a symlink") << folder << csv << u"storelink"_s << QString() << true;
    QTest::addRow("the store of a JSON Lines batch")
        << jsonl << csv << u"b.jsonl.annorev.sqlite"_s << QString() << true;
    QTest::addRow("a --store elsewhere") << folder << csv << u"sub/custom.sqlite"_s << u"sub/custom.sqlite"_s << true;
    QTest::addRow("a --store's -wal") << folder << csv << u"sub/custom.sqlite-wal"_s << u"sub/custom.sqlite"_s << true;
    QTest::addRow("another batch's store") << folder << csv << u"sub/other.annorev.sqlite"_s << QString() << true;
    QTest::addRow("the JSON Lines batch") << jsonl << csv << u"b.jsonl"_s << QString() << true;
    QTest::addRow("the JSON Lines batch through a symlink") << jsonl << csv << u"jsonllink"_s << QString() << true;
    QTest::addRow("a source document") << folder << u"tagged"_s << u"samples/000_fb52d27db3b8b6ee.txt"_s << QString()
                                       << true;
    QTest::addRow("a new file in the folder batch") << folder << csv << u"samples/new.csv"_s << QString() << true;
    QTest::addRow("a new file through a symlinked folder") << folder << csv << u"link/new.csv"_s << QString() << true;
    QTest::addRow("a folder export into the batch") << folder << u"brat"_s << u"samples/brat"_s << QString() << true;
    QTest::addRow("a folder export through ..") << folder << u"brat"_s << u"sub/../samples/brat"_s << QString() << true;
    QTest::addRow("the batch folder itself") << folder << u"brat"_s << u"link/."_s << QString() << true;
    QTest::addRow("beside the batch") << folder << csv << u"out.csv"_s << QString() << false;
    QTest::addRow("a sibling named like the batch") << folder << u"brat"_s << u"samples-brat"_s << QString() << false;
    QTest::addRow("a folder .. leads out of") << folder << csv << u"samples/../out.csv"_s << QString() << false;
}

void TestExportCli::exportNeverWritesOverTheStoreOrTheBatch()
{
    QFETCH(QString, batch);
    QFETCH(QString, format);
    QFETCH(QString, out);
    QFETCH(QString, store);
    QFETCH(bool, refused);
    QTemporaryDir dir;
    copySamples(dir);
    const QDir root(dir.path());
    annorev::test::writeFile(dir.filePath(u"b.jsonl"_s),
                             "{\"id\": \"a\", \"text\": \"Trained on <gpu_count>8</gpu_count> GPUs.\"}\n");
    QVERIFY(root.mkdir(u"sub"_s));
    QVERIFY(QFile::link(u"samples"_s, dir.filePath(u"link"_s)));
    QVERIFY(QFile::link(u"samples.annorev.sqlite"_s, dir.filePath(u"storelink"_s)));
    QVERIFY(QFile::link(u"b.jsonl"_s, dir.filePath(u"jsonllink"_s)));
    const QStringList storeOption = store.isEmpty() ? QStringList() : QStringList{u"--store"_s, store};
    auto run = [&](const QStringList &arguments) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"USER"_s, u"tester"_s);
        return annorev::test::runAnnorev(arguments + storeOption + QStringList{batch}, environment, dir.path());
    };
    const QString id = batch == u"b.jsonl" ? u"a"_s : u"000_fb52d27db3b8b6ee.txt"_s;
    const Run mark = annorev::test::runAnnorev(QStringList{u"mark"_s, u"--status"_s, u"approved"_s} + storeOption +
                                                   QStringList{batch, id},
                                               QProcessEnvironment::systemEnvironment(), dir.path());
    QVERIFY2(mark.exitCode == 0, mark.err.constData());
    const QMap<QString, QByteArray> before = annorev::test::readTree(dir.path());

    const Run exported = run({u"export"_s, u"--format"_s, format, u"--status"_s, u"all"_s, u"--out"_s, out});
    if (!refused) {
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        return;
    }
    QCOMPARE(exported.exitCode, 2);
    QVERIFY2(exported.err.startsWith(QByteArray("annorev: error: " + out.toUtf8() + ' ')), exported.err.constData());
    QVERIFY2(exported.err.contains("choose"), exported.err.constData());
    // Nothing was written, and the decision is still there.
    QCOMPARE(annorev::test::readTree(dir.path()), before);
    const Run status = run({u"status"_s});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.out.contains("approved    1"), status.out.constData());
    QVERIFY2(!status.err.contains("imported"), status.err.constData());
}

void TestExportCli::exportToAFullDiskSaysSoAndLeavesNothing_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("out");
    QTest::addRow("one file") << u"records-csv"_s << u"out.csv"_s;
    QTest::addRow("a folder") << u"brat"_s << u"brat"_s;
}

void TestExportCli::exportToAFullDiskSaysSoAndLeavesNothing()
{
    QFETCH(QString, format);
    QFETCH(QString, out);
    QTemporaryDir dir;
    // A real full disk: a small tmpfs, which takes root (CI runs as root).
    const QString mountPoint = dir.filePath(u"small"_s);
    QVERIFY(QDir().mkpath(mountPoint));
    if (::mount("tmpfs", QFile::encodeName(mountPoint).constData(), "tmpfs", 0, "size=512k") != 0) {
        QSKIP("cannot mount a small tmpfs here (needs root)");
    }
    const auto unmount = qScopeGuard([&] { ::umount2(QFile::encodeName(mountPoint).constData(), MNT_DETACH); });
    const QString batch = mountPoint + u"/samples"_s;
    QVERIFY(copySamples(batch));
    QCOMPARE(cli({u"status"_s, batch}).exitCode, 0);
    // Fill what is left, to the last byte.
    for (const qint64 blockSize : {qint64(4096), qint64(1)}) {
        QFile filler(mountPoint + u"/filler-"_s + QString::number(blockSize));
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        const QByteArray block(blockSize, 'x');
        while (filler.write(block) == block.size()) {
        }
    }

    const QString target = mountPoint + u'/' + out;
    const Run run = cli({u"export"_s, u"--format"_s, format, u"--status"_s, u"all"_s, u"--out"_s, target, batch});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("No space left on device"), run.err.constData());
    QVERIFY(!QFileInfo::exists(target));
    QCOMPARE(QDir(mountPoint).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).filter(u"tmp"_s),
             QStringList());
}

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_exportcli.moc"
