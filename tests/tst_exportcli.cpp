#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "testsupport.h"

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
    QCOMPARE(cli({u"export"_s, u"--format"_s, format, u"--status"_s, u"all"_s, u"--out"_s, first, batch}).exitCode,
             0);
    // The export is itself a batch: imported, its text and spans come back, and so do its bytes.
    const QString second = dir.filePath(u"again-"_s + file);
    const Run again =
        cli({u"export"_s, u"--format"_s, format, u"--status"_s, u"all"_s, u"--out"_s, second, first});
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
    QTest::addRow("output folder under a file")
        << QStringList{u"--format"_s, u"brat"_s, u"--out"_s, u"FILE/brat"_s};
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

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_exportcli.moc"
