#include "folderentries.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {

using annorev::test::readFile;
using Run = annorev::test::CliRun;

Run cli(const QStringList &arguments, const QString &workingDirectory = {},
            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    return annorev::test::runAnnorev(arguments, environment, workingDirectory);
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    annorev::test::writeFile(path, bytes);
    return path;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void checkJsonlOnSamplesGivesTheExpectedOutput();
    void checkTextOnSamplesPrintsCompilerStyleLines();
    void checkOutputIsTheSameForAnyThreadCount();
    void jobsBeyondTheCoresAreCutToTheCoresWithANote();
    void checkExitStatus_data();
    void checkExitStatus();
    void badJsonlLineIsReportedAndTheRestIsChecked();
    void unreadableInputIsNamed();
    void documentPastALimitIsNamedWithItsLineAndTheRestIsChecked();
    void unreadableFolderEntriesAreReportedAndTheRestIsChecked();
    void duplicateIdIsReportedAndSkipped();
    void jsonlOffsetsAreCodePointsAndEscapedTagsAreRead();
    void checkReadsDoccanoAndLabelStudioExports();
    void checkRunsWithoutADisplay();
    void customSchemaIsUsedAndABadOneNamed();
    void everyCommandHasHelp_data();
    void everyCommandHasHelp();
    void versionIsPrinted();
    void rulesListsEveryRuleAndFilters();
};

void TestCli::checkJsonlOnSamplesGivesTheExpectedOutput()
{
    const Run run = cli({u"check"_s, u"--format"_s, u"jsonl"_s, QStringLiteral(ANNOREV_SAMPLES_DIR)});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(run.out, readFile(QStringLiteral(ANNOREV_TESTDATA_DIR "/samples.check.jsonl")));
    for (const QByteArray &line : run.out.split('\n')) {
        if (!line.isEmpty()) {
            QJsonParseError error;
            QVERIFY(QJsonDocument::fromJson(line, &error).isObject());
        }
    }
}

void TestCli::checkTextOnSamplesPrintsCompilerStyleLines()
{
    const Run run = cli({u"check"_s, u"samples"_s}, QFileInfo(QStringLiteral(ANNOREV_SAMPLES_DIR)).absolutePath());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, readFile(QStringLiteral(ANNOREV_TESTDATA_DIR "/samples.check.txt")));
}

void TestCli::checkOutputIsTheSameForAnyThreadCount()
{
    QTemporaryDir dir;
    QByteArray batch;
    const QStringList seeds = QDir(QStringLiteral(ANNOREV_SAMPLES_DIR)).entryList(QDir::Files, QDir::Name);
    for (int i = 0; i < 600; ++i) {
        const QByteArray text = readFile(QStringLiteral(ANNOREV_SAMPLES_DIR "/") + seeds[i % seeds.size()]);
        batch += QJsonDocument(QJsonObject{{u"id"_s, QString::number(i)}, {u"text"_s, QString::fromUtf8(text)}})
                     .toJson(QJsonDocument::Compact) +
                 '\n';
    }
    const QString path = writeFile(dir, u"batch.jsonl"_s, batch);
    const Run one = cli({u"check"_s, u"--format"_s, u"jsonl"_s, u"--jobs"_s, u"1"_s, path});
    const Run two = cli({u"check"_s, u"--format"_s, u"jsonl"_s, u"--jobs"_s, u"2"_s, path});
    const Run text = cli({u"check"_s, u"-j"_s, u"2"_s, path});
    QCOMPARE(one.exitCode, 0);
    QCOMPARE(one.out.count('\n'), 600);
    QCOMPARE(two.out, one.out);
    QVERIFY(text.out.endsWith("600 documents checked: 0 errors, 720 warnings, 120 infos\n"));
}

void TestCli::jobsBeyondTheCoresAreCutToTheCoresWithANote()
{
    // Enough documents for a thousand chunks of work: one thread each ran out of file descriptors.
    QTemporaryDir dir;
    QByteArray batch;
    for (int i = 0; i < 130000; ++i) {
        batch += "{\"id\": \"" + QByteArray::number(i) + "\", \"text\": \"<model>M</model>\"}\n";
    }
    const QString path = writeFile(dir, u"batch.jsonl"_s, batch);
    const Run many = cli({u"check"_s, u"--format"_s, u"jsonl"_s, u"--jobs"_s, u"100000"_s, path});
    QCOMPARE(many.exitCode, 0);
    QVERIFY2(many.err.startsWith("annorev: note: --jobs 100000 is more than the "), many.err.constData());
    const QByteArray cores = QByteArray::number(QThread::idealThreadCount());
    QVERIFY(many.err.endsWith(QByteArray(" cores: using " + cores + '\n')));
    QCOMPARE(many.out.count('\n'), 130000);
    const Run one = cli({u"check"_s, u"--format"_s, u"jsonl"_s, u"--jobs"_s, u"1"_s, path});
    QCOMPARE(one.err, QByteArray());
    QCOMPARE(many.out, one.out);
}

void TestCli::checkExitStatus_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("clean") << QByteArray("<model>M</model> in <year>2023</year>") << QStringList() << 0;
    QTest::addRow("warnings pass") << QByteArray("no tags") << QStringList() << 0;
    QTest::addRow("warnings fail when strict") << QByteArray("no tags") << QStringList{u"--strict"_s} << 1;
    QTest::addRow("clean passes when strict") << QByteArray("<model>M</model>") << QStringList{u"--strict"_s} << 0;
    QTest::addRow("errors fail") << QByteArray("<model>M</model> <year>2020</year> <year>2021</year>")
                                 << QStringList() << 1;
    QTest::addRow("unknown format") << QByteArray("x") << QStringList{u"--format"_s, u"xml"_s} << 2;
    QTest::addRow("unknown option") << QByteArray("x") << QStringList{u"--frobnicate"_s} << 2;
    QTest::addRow("bad jobs") << QByteArray("x") << QStringList{u"--jobs"_s, u"many"_s} << 2;
}

void TestCli::checkExitStatus()
{
    QFETCH(QByteArray, document);
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"doc.txt"_s, document);
    const Run run = cli(QStringList{u"check"_s} + options + QStringList{path});
    QCOMPARE(run.exitCode, exitCode);
    if (exitCode == 2) {
        QVERIFY(run.err.startsWith("annorev: error: "));
    }
}

void TestCli::badJsonlLineIsReportedAndTheRestIsChecked()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"batch.jsonl"_s,
                                   "{\"id\": \"a\", \"text\": \"<model>A</model>\"}\n"
                                   "{\"id\": \"b\", \"text\": 42}\n"
                                   "not json\n"
                                   "{\"id\": \"c\", \"text\": \"<model>C</model>\", \"source\": \"x\"}\n");
    const Run run = cli({u"check"_s, u"--format"_s, u"jsonl"_s, path});
    QCOMPARE(run.exitCode, 2);
    const QList<QByteArray> errors = run.err.trimmed().split('\n');
    QCOMPARE(errors.size(), 2);
    QVERIFY2(errors[0].startsWith(QByteArray(path.toUtf8() + ":2: error: ")), errors[0].constData());
    QVERIFY2(errors[1].startsWith(QByteArray(path.toUtf8() + ":3: error: ")), errors[1].constData());
    QCOMPARE(run.out.count('\n'), 2);
    QVERIFY(run.out.startsWith("{\"id\": \"a\""));
    QVERIFY(run.out.contains("{\"id\": \"c\""));
}

void TestCli::unreadableInputIsNamed()
{
    QTemporaryDir dir;
    const QString good = writeFile(dir, u"good.txt"_s, "<model>M</model>");
    const QString missing = dir.filePath(u"missing.txt"_s);
    const Run run = cli({u"check"_s, missing, good});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(missing.toUtf8()), run.err.constData());
    QVERIFY(run.out.contains("1 document checked"));
}

void TestCli::documentPastALimitIsNamedWithItsLineAndTheRestIsChecked()
{
    QTemporaryDir dir;
    const QString good = writeFile(dir, u"good.txt"_s, "<model>M</model>");
    const QString deep = writeFile(dir, u"deep.txt"_s, "intro\n\n" + QByteArray("<model>").repeated(257));
    const Run run = cli({u"check"_s, deep, good});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, QByteArray(deep.toUtf8() + ":3: error: more than 256 label tags are open at once here "
                                                  "(the limit of nesting)\n"));
    QVERIFY2(run.out.contains("1 document checked"), run.out.constData());
}

// Names that are not UTF-8, dangling and looping links and pipes were skipped without a word.
void TestCli::unreadableFolderEntriesAreReportedAndTheRestIsChecked()
{
    QTemporaryDir dir;
    const auto removeTree = qScopeGuard([&dir] { annorev::test::removeTree(dir.path()); });
    const QString folder = dir.filePath(u"batch"_s);
    writeFile(dir, u"batch/a.txt"_s, "<model>A</model>");
    writeFile(dir, u"batch/z/b.txt"_s, "<model>B</model>");
    QStringList expected = annorev::test::makeEveryUnreadableEntry(folder);
    QVERIFY(expected != QStringList{u"failed"_s});
    const Run run = cli({u"check"_s, u"--format"_s, u"jsonl"_s, folder});
    QCOMPARE(run.exitCode, 2);
    QStringList reported = QString::fromUtf8(run.err).split(u'\n', Qt::SkipEmptyParts);
    reported.sort();
    expected.sort();
    QCOMPARE(reported, expected);
    const QList<QByteArray> documents = run.out.trimmed().split('\n');
    QCOMPARE(documents.size(), 2);
    QVERIFY(documents[0].startsWith("{\"id\": \"a.txt\""));
    QVERIFY(documents[1].startsWith("{\"id\": \"z/b.txt\""));
}

void TestCli::duplicateIdIsReportedAndSkipped()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"batch.jsonl"_s,
                                   "{\"id\": \"a\", \"text\": \"one\"}\n{\"id\": \"a\", \"text\": \"two\"}\n");
    const Run run = cli({u"check"_s, u"--format"_s, u"jsonl"_s, path});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(":2: error: duplicate id \"a\" (first at line 1)"), run.err.constData());
    QCOMPARE(run.out.count('\n'), 1);
}

void TestCli::jsonlOffsetsAreCodePointsAndEscapedTagsAreRead()
{
    QTemporaryDir dir;
    const QString path = writeFile(
        dir, u"batch.jsonl"_s,
        "{\"id\": \"e\", \"text\": \"\xf0\x9f\x98\x80\xf0\x9d\x94\xb8 \\u003cmodel>M\\u003c/model> on 512 "
        "\\u003chardware>A100\\u003c/hardware>\"}\n");
    const Run run = cli({u"check"_s, u"--format"_s, u"jsonl"_s, path});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject object = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(object.value(u"records"_s).toArray().first().toObject().value(u"model"_s).toString(), u"M"_s);
    const QJsonObject finding = object.value(u"findings"_s).toArray().first().toObject();
    QCOMPARE(finding.value(u"rule"_s).toString(), u"gpu-count-untagged"_s);
    QCOMPARE(finding.value(u"start"_s).toInt(), 8);
    QCOMPARE(finding.value(u"end"_s).toInt(), 11);
    QCOMPARE(finding.value(u"text"_s).toString(), u"512"_s);
}

void TestCli::checkReadsDoccanoAndLabelStudioExports()
{
    QTemporaryDir dir;
    const QString doccano = writeFile(
        dir, u"doccano.jsonl"_s,
        R"({"id": 1, "text": "NeuroFlex-7B was trained on 512 NVIDIA A100 GPUs.", "label": [[0, 12, "model"], [32, 48, "hardware"]]})"
        "\n"
        R"({"id": "x", "text": "\ud83d\ude00 <b> M-2 in the UK", "label": [[7, 10, "model"], [18, 20, "country"], [0, 2, "ORG"]]})"
        "\n"
        R"({"id": 3, "text": "M", "label": [[0, 99, "model"]]})"
        "\n");
    const QString labelStudio = writeFile(
        dir, u"tasks.json"_s,
        R"([{"id": 17, "data": {"text": "\ud83d\ude00 M-3 in 2023"}, "annotations": [{"result": [)"
        R"({"type": "labels", "value": {"start": 2, "end": 5, "text": "M-3", "labels": ["model"]}},)"
        R"({"type": "labels", "value": {"start": 9, "end": 13, "labels": ["year"]}}]}]}])");
    const Run run = cli({u"check"_s, u"--format"_s, u"jsonl"_s, doccano, labelStudio});
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.err, doccano.toUtf8() + R"(:3: error: span 1 "model" [0, 99): outside the text (1 UTF-16 units))" "\n");
    const QList<QByteArray> lines = run.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);

    const QJsonObject first = QJsonDocument::fromJson(lines[0]).object();
    QCOMPARE(first.value(u"id"_s).toString(), u"1"_s);
    const QJsonObject record = first.value(u"records"_s).toArray().first().toObject();
    QCOMPARE(record.value(u"model"_s).toString(), u"NeuroFlex-7B"_s);
    QCOMPARE(record.value(u"hardware"_s).toString(), u"NVIDIA A100"_s);
    const QJsonArray findings = first.value(u"findings"_s).toArray();
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings[0].toObject().value(u"rule"_s).toString(), u"gpu-count-untagged"_s);
    QCOMPARE(findings[0].toObject().value(u"start"_s).toInt(), 28);

    // The tag-like "<b>" is text; the unknown label is flagged at its code point offsets.
    const QJsonObject second = QJsonDocument::fromJson(lines[1]).object();
    QCOMPARE(second.value(u"id"_s).toString(), u"x"_s);
    QCOMPARE(second.value(u"records"_s).toArray().first().toObject().value(u"country"_s).toString(),
             u"United Kingdom"_s);
    const QJsonObject unknown = second.value(u"findings"_s).toArray().first().toObject();
    QCOMPARE(unknown.value(u"rule"_s).toString(), u"label-unknown"_s);
    QCOMPARE(unknown.value(u"start"_s).toInt(), 0);
    QCOMPARE(unknown.value(u"end"_s).toInt(), 1);
    QCOMPARE(second.value(u"findings"_s).toArray().size(), 1);

    const QJsonObject third = QJsonDocument::fromJson(lines[2]).object();
    QCOMPARE(third.value(u"id"_s).toString(), u"17"_s);
    const QJsonObject task = third.value(u"records"_s).toArray().first().toObject();
    QCOMPARE(task.value(u"model"_s).toString(), u"M-3"_s);
    QCOMPARE(task.value(u"year"_s).toInt(), 2023);
    QCOMPARE(third.value(u"findings"_s).toArray(), QJsonArray{});
}

void TestCli::checkRunsWithoutADisplay()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"DISPLAY"_s);
    environment.remove(u"WAYLAND_DISPLAY"_s);
    environment.insert(u"QT_QPA_PLATFORM"_s, u"no-such-platform"_s);
    const Run run = cli({u"check"_s, QStringLiteral(ANNOREV_SAMPLES_DIR)}, {}, environment);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("5 documents checked"));
}

void TestCli::customSchemaIsUsedAndABadOneNamed()
{
    QTemporaryDir dir;
    const QString schema =
        writeFile(dir, u"schema.json"_s,
                  R"({"labels": [{"name": "model", "type": "model"}, {"name": "gpu", "type": "gpu_count"}]})");
    const QString doc = writeFile(dir, u"doc.txt"_s, "<model>M</model> <gpu>8</gpu> <params>7B</params>");
    const Run run = cli({u"check"_s, u"--format"_s, u"jsonl"_s, u"--schema"_s, schema, doc});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("\"gpu_count\": 8"), run.out.constData());
    QVERIFY2(run.out.contains("<params> is not a label"), run.out.constData());

    const QString bad = writeFile(dir, u"bad.json"_s, "{\"labels\": 3}");
    const Run failed = cli({u"check"_s, u"--schema"_s, bad, doc});
    QCOMPARE(failed.exitCode, 2);
    QVERIFY2(failed.err.contains(bad.toUtf8()), failed.err.constData());
}

void TestCli::everyCommandHasHelp_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("top level") << QStringList{u"--help"_s} << QByteArray("Commands:");
    QTest::addRow("check") << QStringList{u"check"_s, u"--help"_s} << QByteArray("Usage: annorev check [options]");
    QTest::addRow("rules") << QStringList{u"rules"_s, u"--help"_s} << QByteArray("Usage: annorev rules [options]");
    QTest::addRow("mark") << QStringList{u"mark"_s, u"--help"_s} << QByteArray("Usage: annorev mark [options]");
    QTest::addRow("status") << QStringList{u"status"_s, u"--help"_s} << QByteArray("Usage: annorev status [options]");
    QTest::addRow("log") << QStringList{u"log"_s, u"--help"_s} << QByteArray("Usage: annorev log [options]");
    QTest::addRow("export") << QStringList{u"export"_s, u"--help"_s} << QByteArray("Usage: annorev export [options]");
    QTest::addRow("adjudicate") << QStringList{u"adjudicate"_s, u"--help"_s}
                                << QByteArray("Usage: annorev adjudicate [options] BATCH_1 BATCH_2 [BATCH_3...]");
}

void TestCli::everyCommandHasHelp()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, expected);
    const Run run = cli(arguments);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(expected), run.out.constData());
}

void TestCli::versionIsPrinted()
{
    const Run run = cli({u"--version"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith("annorev "));
    QVERIFY(run.out.trimmed().size() > 8);
}

void TestCli::rulesListsEveryRuleAndFilters()
{
    const Run all = cli({u"rules"_s});
    QCOMPARE(all.exitCode, 0);
    for (const char *id : {"markup-malformed", "label-unknown", "annotations-missing", "model-missing", "model-multiple",
                           "value-unparsed", "value-implausible", "field-conflict", "gpu-count-mismatch",
                           "gpu-count-duplicate", "hardware-count-embedded", "gpu-count-untagged",
                           "params-name-mismatch", "mention-untagged", "span-boundary", "encoding-suspect",
                           "findings-limited"}) {
        QVERIFY2(all.out.contains(QByteArray(QByteArray(id) + " (")), id);
    }
    const Run one = cli({u"rules"_s, u"field-conflict"_s});
    QCOMPARE(one.out.count("Fix: "), 1);
    QCOMPARE(cli({u"rules"_s, u"no-such-rule"_s}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
