#include "exporter.h"
#include "exportfixtures.h"
#include "testsupport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <unistd.h>

using namespace annorev;
using namespace Qt::StringLiterals;

namespace {

using test::errorOf;
using test::readFile;
using test::readTree;
using test::writeFile;

} // namespace

// How an export reaches its output: all or nothing (a failed or cancelled export leaves no half
// file and keeps the previous one), deterministic whatever the threads, with progress that
// reaches its total. What the formats say is tested in tst_exporters.
class TestExportWriting : public QObject
{
    Q_OBJECT

private slots:
    void failedExportLeavesNothing_data();
    void failedExportLeavesNothing();
    void failedExportKeepsThePreviousFile();
    void folderOutputMustBeNewOrEmpty();
    void exportsAreDeterministic_data();
    void exportsAreDeterministic();
    void singleFileFormatsWriteToADevice();
    void progressReachesTheTotalAndNeverGoesBack_data();
    void progressReachesTheTotalAndNeverGoesBack();
    void cancellingLeavesNothingAtTheOutput_data();
    void cancellingLeavesNothingAtTheOutput();
    void cancellingKeepsThePreviousFile();
    void writesFolderAgreesWithTheExport_data();
    void writesFolderAgreesWithTheExport();
};

void TestExportWriting::failedExportLeavesNothing_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<QString>("where");
    for (ExportFormat format : {ExportFormat::RecordsJsonl, ExportFormat::Brat}) {
        const QString name = exportFormatName(format);
        QTest::addRow("%s: missing parent", qPrintable(name)) << format << u"missing"_s;
        QTest::addRow("%s: parent is a file", qPrintable(name)) << format << u"file"_s;
        QTest::addRow("%s: read-only parent", qPrintable(name)) << format << u"read-only"_s;
    }
}

void TestExportWriting::failedExportLeavesNothing()
{
    QFETCH(ExportFormat, format);
    QFETCH(QString, where);
    QTemporaryDir dir;
    QString out;
    if (where == u"missing") {
        out = dir.filePath(u"no/such/folder/out"_s);
    } else if (where == u"file") {
        writeFile(dir.filePath(u"plain"_s), "x");
        out = dir.filePath(u"plain/out"_s);
    } else {
        if (::geteuid() == 0) {
            QSKIP("root writes into read-only folders");
        }
        QDir().mkpath(dir.filePath(u"locked"_s));
        QFile::setPermissions(dir.filePath(u"locked"_s), QFile::ReadOwner | QFile::ExeOwner);
        out = dir.filePath(u"locked/out"_s);
    }
    const Expected<ExportResult> result = ExportFixtures::exportTo(ExportFixtures::annotationBatch(), format, out);
    QVERIFY(!result);
    QVERIFY2(result.error().message.startsWith(u"cannot write"), qPrintable(result.error().message));
    QVERIFY(!QFileInfo::exists(out));
    const QMap<QString, QByteArray> left = readTree(dir.path());
    QVERIFY2(left.size() <= 1, qPrintable(left.keys().join(u", "))); // "plain" itself
    QFile::setPermissions(dir.filePath(u"locked"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TestExportWriting::failedExportKeepsThePreviousFile()
{
    QTemporaryDir dir;
    const QString input = dir.filePath(u"batch.jsonl"_s);
    writeFile(input, ExportFixtures::jsonLinesBatch());
    QList<ExportDocument> docs = ExportFixtures::readBatch(input);
    const QString out = dir.filePath(u"out.jsonl"_s);
    writeFile(out, "previous export\n");
    // The last document cannot be written back: the export fails after the first ones rendered.
    docs.last().edited = true;
    docs.last().textTokenBegin = -1;
    const Expected<ExportResult> result = ExportFixtures::exportTo(docs, ExportFormat::Tagged, out, std::nullopt, 1);
    QVERIFY(!result);
    QVERIFY2(result.error().message.contains(u"j3"), qPrintable(result.error().message));
    QCOMPARE(readFile(out), QByteArray("previous export\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), (QStringList{u"batch.jsonl"_s, u"out.jsonl"_s}));
}

void TestExportWriting::folderOutputMustBeNewOrEmpty()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"brat"_s);
    writeFile(out % u"/keep.txt", "mine");
    const Expected<ExportResult> refused =
        ExportFixtures::exportTo(ExportFixtures::annotationBatch(), ExportFormat::Brat, out);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"not empty"), qPrintable(refused.error().message));
    QCOMPARE(readTree(out).keys(), QStringList{u"keep.txt"_s});

    QFile::remove(out % u"/keep.txt");
    QVERIFY_OK(ExportFixtures::exportTo(ExportFixtures::annotationBatch(), ExportFormat::Brat, out));
    QVERIFY(QFile::exists(out % u"/annotation.conf"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{u"brat"_s});

    writeFile(dir.filePath(u"file"_s), "x");
    QVERIFY(!ExportFixtures::exportTo(ExportFixtures::annotationBatch(), ExportFormat::Brat, dir.filePath(u"file"_s)));
    QCOMPARE(readFile(dir.filePath(u"file"_s)), QByteArray("x"));
}

void TestExportWriting::exportsAreDeterministic_data()
{
    QTest::addColumn<ExportFormat>("format");
    for (const QString &name : exportFormatNames()) {
        QTest::addRow("%s", qPrintable(name)) << exportFormatFromName(name).value();
    }
}

void TestExportWriting::exportsAreDeterministic()
{
    QFETCH(ExportFormat, format);
    QTemporaryDir dir;
    QList<ExportDocument> docs = ExportFixtures::annotationBatch();
    if (format == ExportFormat::Tagged) {
        docs = docs.mid(0, 5);
    }
    // One thread and two: the order of the output never depends on scheduling.
    QVERIFY_OK(ExportFixtures::exportTo(docs, format, dir.filePath(u"a"_s), std::nullopt, 1));
    QVERIFY_OK(ExportFixtures::exportTo(docs, format, dir.filePath(u"b"_s), std::nullopt, 2));
    if (QFileInfo(dir.filePath(u"a"_s)).isDir()) {
        const QMap<QString, QByteArray> a = readTree(dir.filePath(u"a"_s));
        QVERIFY(!a.isEmpty());
        QCOMPARE(a, readTree(dir.filePath(u"b"_s)));
    } else {
        const QByteArray a = readFile(dir.filePath(u"a"_s));
        QVERIFY(!a.isEmpty());
        QCOMPARE(a, readFile(dir.filePath(u"b"_s)));
    }
}

void TestExportWriting::singleFileFormatsWriteToADevice()
{
    QTemporaryDir dir;
    const QList<ExportDocument> docs = ExportFixtures::annotationBatch();
    QVERIFY_OK(ExportFixtures::exportTo(docs, ExportFormat::RecordsJsonl, dir.filePath(u"file.jsonl"_s)));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ExportOptions options;
    options.device = &buffer;
    QVERIFY_OK(exportDocuments(docs, ExportFormat::RecordsJsonl, options));
    QCOMPARE(buffer.data(), readFile(dir.filePath(u"file.jsonl"_s)));
    // A folder cannot go to standard output.
    const Expected<ExportResult> folder = exportDocuments(docs, ExportFormat::Brat, options);
    QVERIFY(!folder);
    QVERIFY2(folder.error().message.contains(u"folder"), qPrintable(folder.error().message));
}

void TestExportWriting::progressReachesTheTotalAndNeverGoesBack_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<int>("jobs");
    QTest::addColumn<qsizetype>("count");
    for (ExportFormat format : {ExportFormat::RecordsJsonl, ExportFormat::Brat}) {
        for (int jobs : {1, 2}) {
            QTest::addRow("%s, %d thread(s)", qPrintable(exportFormatName(format)), jobs)
                << format << jobs << qsizetype(700);
        }
    }
    QTest::addRow("no document") << ExportFormat::RecordsJsonl << 1 << qsizetype(0);
}

void TestExportWriting::progressReachesTheTotalAndNeverGoesBack()
{
    QFETCH(ExportFormat, format);
    QFETCH(int, jobs);
    QFETCH(qsizetype, count);
    QTemporaryDir dir;
    QList<std::pair<qsizetype, qsizetype>> reports;
    ExportOptions options;
    options.outPath = dir.filePath(u"out"_s);
    options.jobs = jobs;
    options.progress = [&](qsizetype done, qsizetype total) {
        reports.append({done, total});
    };
    const Expected<ExportResult> result = exportDocuments(ExportFixtures::manyDocuments(count), format, options);
    QVERIFY2(result, qPrintable(errorOf(result)));
    QCOMPARE(result->documents, count);

    QVERIFY(!reports.isEmpty());
    QCOMPARE(reports.constFirst(), std::pair(qsizetype(0), count));
    QCOMPARE(reports.constLast(), std::pair(count, count));
    for (qsizetype i = 1; i < reports.size(); ++i) {
        QCOMPARE(reports.at(i).second, count);
        QVERIFY(reports.at(i).first >= reports.at(i - 1).first);
        // Every few hundred documents, so that a progress bar moves.
        QVERIFY2(reports.at(i).first - reports.at(i - 1).first <= 256,
                 qPrintable(u"%1 -> %2"_s.arg(reports.at(i - 1).first).arg(reports.at(i).first)));
    }
}

void TestExportWriting::cancellingLeavesNothingAtTheOutput_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<qsizetype>("cancelAt"); // documents done when the flag is set; -1: before the start
    for (ExportFormat format : {ExportFormat::RecordsJsonl, ExportFormat::Brat}) {
        const QString name = exportFormatName(format);
        QTest::addRow("%s: before the start", qPrintable(name)) << format << qsizetype(-1);
        QTest::addRow("%s: at the start", qPrintable(name)) << format << qsizetype(0);
        QTest::addRow("%s: mid-way", qPrintable(name)) << format << qsizetype(256);
        QTest::addRow("%s: after the last document", qPrintable(name)) << format << qsizetype(700);
    }
}

void TestExportWriting::cancellingLeavesNothingAtTheOutput()
{
    QFETCH(ExportFormat, format);
    QFETCH(qsizetype, cancelAt);
    QTemporaryDir dir;
    std::atomic_bool cancel = cancelAt < 0;
    qsizetype lastDone = -1;
    ExportOptions options;
    options.outPath = dir.filePath(u"out"_s);
    options.cancel = &cancel;
    options.progress = [&](qsizetype done, qsizetype) {
        lastDone = done;
        if (done == cancelAt) {
            cancel = true;
        }
    };
    const Expected<ExportResult> result = exportDocuments(ExportFixtures::manyDocuments(700), format, options);
    QVERIFY(!result);
    QCOMPARE(result.error().message, u"export cancelled"_s);
    QCOMPARE(lastDone, std::max<qsizetype>(cancelAt, 0));
    QVERIFY(!QFileInfo::exists(options.outPath));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
}

void TestExportWriting::cancellingKeepsThePreviousFile()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"out.jsonl"_s);
    writeFile(out, "previous export\n");
    std::atomic_bool cancel = false;
    ExportOptions options;
    options.outPath = out;
    options.cancel = &cancel;
    options.progress = [&](qsizetype done, qsizetype) {
        cancel = done > 0;
    };
    const Expected<ExportResult> result =
        exportDocuments(ExportFixtures::manyDocuments(700), ExportFormat::RecordsJsonl, options);
    QVERIFY(!result);
    QCOMPARE(result.error().message, u"export cancelled"_s);
    QCOMPARE(readFile(out), QByteArray("previous export\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{u"out.jsonl"_s});
}

void TestExportWriting::writesFolderAgreesWithTheExport_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<BatchLayout>("layout");
    QTest::addColumn<qsizetype>("count");
    const std::pair<const char *, BatchLayout> layouts[] = {
        {"folder", BatchLayout::Folder}, {"file", BatchLayout::File}, {"jsonl", BatchLayout::JsonLines}};
    for (const QString &name : exportFormatNames()) {
        for (const auto &[layoutName, layout] : layouts) {
            for (qsizetype count : {0, 1, 2}) {
                QTest::addRow("%s, %s batch, %lld document(s)", qPrintable(name), layoutName, qlonglong(count))
                    << exportFormatFromName(name).value() << layout << count;
            }
        }
    }
}

void TestExportWriting::writesFolderAgreesWithTheExport()
{
    QFETCH(ExportFormat, format);
    QFETCH(BatchLayout, layout);
    QFETCH(qsizetype, count);
    QList<ExportDocument> docs = ExportFixtures::manyDocuments(count);
    for (ExportDocument &doc : docs) {
        doc.layout = layout;
        if (layout == BatchLayout::JsonLines) {
            doc.relativePath.clear();
            doc.jsonLine = "{\"id\": \"" + doc.id.toUtf8() + "\", \"text\": \"x\"}";
        }
    }
    QTemporaryDir dir;
    const QString out = dir.filePath(u"out"_s);
    QVERIFY_OK(ExportFixtures::exportTo(docs, format, out));
    QVERIFY(QFileInfo::exists(out));
    QCOMPARE(exportWritesFolder(format, layout, count), QFileInfo(out).isDir());
}

QTEST_GUILESS_MAIN(TestExportWriting)
#include "tst_exportwriting.moc"
