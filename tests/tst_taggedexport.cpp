#include "document.h"
#include "exporter.h"
#include "exportfixtures.h"
#include "schema.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace annorev;
using namespace Qt::StringLiterals;

using test::errorOf;
using test::readFile;
using test::readTree;
using test::writeFile;

// The tagged export: the corrected documents in their input layout (a JSON Lines file, a folder
// or a single file), unedited ones byte for byte, and no path that leaves the output folder.
class TestTaggedExport : public QObject
{
    Q_OBJECT

private slots:
    void taggedExportKeepsAnEmptySpanAsWritten();
    void taggedJsonLinesKeepsLinesAndMetadata();
    void taggedFolderKeepsRelativePaths();
    void taggedSingleFile();
    void taggedRefusesPathsOutsideTheFolder();
    void taggedExportCountsEverySpan_data();
    void taggedExportCountsEverySpan();
};

void TestTaggedExport::taggedExportKeepsAnEmptySpanAsWritten()
{
    const QByteArray source = "<model></model>Bar-7B has <params>7B</params>.\n";
    const QList<ExportDocument> docs{ExportFixtures::folderDocument(u"empty.txt"_s, source)};
    QTemporaryDir dir;
    const QString out = dir.filePath(u"out"_s);
    const Expected<ExportResult> result = ExportFixtures::exportTo(docs, ExportFormat::Tagged, out);
    QVERIFY2(result, qPrintable(errorOf(result)));
    QCOMPARE(result->warnings, QStringList());
    QCOMPARE(readFile(out + u"/empty.txt"_s), source);
}

void TestTaggedExport::taggedJsonLinesKeepsLinesAndMetadata()
{
    QTemporaryDir dir;
    const QString input = dir.filePath(u"batch.jsonl"_s);
    const QByteArray batch = ExportFixtures::jsonLinesBatch();
    writeFile(input, batch);
    QList<ExportDocument> docs = ExportFixtures::readBatch(input);
    QCOMPARE(docs.size(), 3);
    QCOMPARE(docs.first().layout, BatchLayout::JsonLines);

    const QString unedited = dir.filePath(u"unedited.jsonl"_s);
    QVERIFY_OK(ExportFixtures::exportTo(docs, ExportFormat::Tagged, unedited));
    QCOMPARE(readFile(unedited), batch);

    docs[0].taggedText = "<model>Llama-\xF0\x9D\x94\xB8</model> with <params>65B</params> <year>2023</year> \"q\"\n";
    docs[0].edited = true;
    const QString edited = dir.filePath(u"edited.jsonl"_s);
    QVERIFY_OK(ExportFixtures::exportTo(docs, ExportFormat::Tagged, edited));
    const QList<QByteArray> inLines = batch.split('\n');
    const QList<QByteArray> outLines = readFile(edited).split('\n');
    QCOMPARE(outLines.size(), inLines.size());
    QCOMPARE(outLines.mid(1), inLines.mid(1));
    const QJsonObject before = QJsonDocument::fromJson(inLines.at(0)).object();
    QJsonParseError parseError;
    const QJsonObject after = QJsonDocument::fromJson(outLines.at(0), &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(after.value(u"text").toString(), QString::fromUtf8(docs[0].taggedText));
    QCOMPARE(after.keys(), before.keys());
    for (const QString &key : before.keys()) {
        if (key != u"text") {
            QCOMPARE(after.value(key), before.value(key));
        }
    }
    // Only the text token changed: the bytes around it are the input's.
    const QByteArray &line = inLines.at(0);
    QVERIFY(outLines.at(0).startsWith(line.first(docs[0].textTokenBegin)));
    QVERIFY(outLines.at(0).endsWith(line.sliced(docs[0].textTokenEnd)));

    // The edited text reads back as the reviewer's document.
    const QString reread = dir.filePath(u"reread"_s);
    QDir().mkpath(reread);
    QVERIFY(QFile::copy(edited, reread % u"/b.jsonl"));
    const QList<ExportDocument> again = ExportFixtures::readBatch(reread % u"/b.jsonl");
    QCOMPARE(again.first().taggedText, docs[0].taggedText);
}

void TestTaggedExport::taggedFolderKeepsRelativePaths()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"corrected"_s);
    QList<ExportDocument> docs = ExportFixtures::readBatch(QStringLiteral(ANNOREV_SAMPLES_DIR));
    QCOMPARE(docs.first().layout, BatchLayout::Folder);
    docs += ExportFixtures::handWritten();
    docs[1].taggedText.replace("<country>Sweden</country>", "<country>Norway</country>");
    docs[1].edited = true;
    const Expected<ExportResult> result = ExportFixtures::exportTo(docs, ExportFormat::Tagged, out);
    QVERIFY2(result, qPrintable(errorOf(result)));
    QCOMPARE(result->documents, docs.size());
    const QMap<QString, QByteArray> files = readTree(out);
    QCOMPARE(files.size(), docs.size());
    for (const ExportDocument &doc : docs) {
        QCOMPARE(files.value(doc.relativePath), doc.taggedText);
    }
    // Unedited samples are the input files byte for byte.
    const QMap<QString, QByteArray> samples = readTree(QStringLiteral(ANNOREV_SAMPLES_DIR));
    for (auto it = samples.cbegin(); it != samples.cend(); ++it) {
        if (it.key() != docs[1].relativePath) {
            QCOMPARE(files.value(it.key()), it.value());
        }
    }
    QVERIFY(files.contains(u"sub/dir/page.html"_s));
}

void TestTaggedExport::taggedSingleFile()
{
    QTemporaryDir dir;
    const QString sample = QStringLiteral(ANNOREV_SAMPLES_DIR "/004_777d6b4e246e2bc8.txt");
    const QList<ExportDocument> docs = ExportFixtures::readBatch(sample);
    QCOMPARE(docs.size(), 1);
    QCOMPARE(docs.first().layout, BatchLayout::File);
    const QString out = dir.filePath(u"single.txt"_s);
    QVERIFY_OK(ExportFixtures::exportTo(docs, ExportFormat::Tagged, out));
    QCOMPARE(readFile(out), readFile(sample));
}

void TestTaggedExport::taggedExportCountsEverySpan_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addRow("folder") << u"folder"_s;
    QTest::addRow("json lines") << u"json lines"_s;
    QTest::addRow("single file") << u"single file"_s;
}

// `annorev export` reports "N document(s), M span(s)": the tagged export said one span per document.
void TestTaggedExport::taggedExportCountsEverySpan()
{
    QFETCH(QString, layout);
    QTemporaryDir dir;
    QList<ExportDocument> docs;
    if (layout == u"folder") {
        docs = ExportFixtures::readBatch(QStringLiteral(ANNOREV_SAMPLES_DIR));
    } else if (layout == u"json lines") {
        writeFile(dir.filePath(u"batch.jsonl"_s), ExportFixtures::jsonLinesBatch());
        docs = ExportFixtures::readBatch(dir.filePath(u"batch.jsonl"_s));
    } else {
        docs = ExportFixtures::readBatch(QStringLiteral(ANNOREV_SAMPLES_DIR "/000_fb52d27db3b8b6ee.txt"));
    }
    qsizetype spans = 0;
    for (const ExportDocument &doc : std::as_const(docs)) {
        spans += Document::parse(doc.taggedText, Schema::builtin()).spans().size();
    }
    QVERIFY(spans > docs.size());
    const Expected<ExportResult> result = ExportFixtures::exportTo(docs, ExportFormat::Tagged, dir.filePath(u"out"_s));
    QVERIFY2(result, qPrintable(errorOf(result)));
    QCOMPARE(result->documents, docs.size());
    QCOMPARE(result->items, spans);
}

void TestTaggedExport::taggedRefusesPathsOutsideTheFolder()
{
    QTemporaryDir dir;
    for (const QString &path : {u"../x.txt"_s, u"/etc/x.txt"_s, u"a//b.txt"_s, u"a/./b.txt"_s, u"a\\b.txt"_s}) {
        QList<ExportDocument> docs{ExportFixtures::folderDocument(u"fine.txt"_s, "x")};
        docs << ExportFixtures::folderDocument(u"bad"_s, "y");
        docs.last().relativePath = path;
        const QString out = dir.filePath(u"out"_s);
        const Expected<ExportResult> result = ExportFixtures::exportTo(docs, ExportFormat::Tagged, out);
        QVERIFY2(!result, qPrintable(path));
        QVERIFY2(result.error().message.contains(u"leaves the output folder"), qPrintable(result.error().message));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    }
    QList<ExportDocument> twice{ExportFixtures::folderDocument(u"a.txt"_s, "x"),
                                ExportFixtures::folderDocument(u"a.txt"_s, "y")};
    const Expected<ExportResult> result = ExportFixtures::exportTo(twice, ExportFormat::Tagged, dir.filePath(u"out"_s));
    QVERIFY(!result);
    QVERIFY2(result.error().message.contains(u"another document has the path"), qPrintable(result.error().message));
}

QTEST_GUILESS_MAIN(TestTaggedExport)
#include "tst_taggedexport.moc"
