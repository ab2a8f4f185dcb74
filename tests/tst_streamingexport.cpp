// An export from a store is planned from the documents without their texts and reads the texts a
// block at a time (exportStore()), so that a million documents export in bounded memory. These
// tests guard that streaming changes nothing in what is written, that no block is the whole batch,
// and that a block that cannot be read fails the export without leaving a file.
#include "exporter.h"
#include "jsonstring.h"
#include "storeexport.h"
#include "storetestbatch.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using namespace annorev;
using namespace annorev::test;

class TestStreamingExport : public QObject, private StoreTestBatch
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { setUpBatch(); }
    void cleanup() { tearDownBatch(); }

    void aStreamedExportWritesWhatAListExportWrites_data();
    void aStreamedExportWritesWhatAListExportWrites();
    void theTextsAreReadABlockAtATime();
    void aBlockThatCannotBeReadFailsTheExportAndLeavesNoFile();
    void theStoreGivesTheDocumentsAskedForInTheOrderAsked();
    void idsOfAnyCharactersAreFoundForTheirTexts_data();
    void idsOfAnyCharactersAreFoundForTheirTexts();

private:
    // A JSON Lines batch of count documents, one edited, synced into its store.
    std::unique_ptr<ReviewStore> jsonLinesStore(int count);
};

std::unique_ptr<ReviewStore> TestStreamingExport::jsonLinesStore(int count)
{
    QByteArray lines;
    for (int i = 0; i < count; ++i) {
        lines += "{\"id\":\"d" + QByteArray::number(i) + "\",\"meta\":{\"n\":" + QByteArray::number(i) +
                 "},\"text\":\"<model>M-" + QByteArray::number(i) +
                 "</model> trained on 8 <hardware>A100 GPUs</hardware> in <country>France</country>.\"}\n";
    }
    const QString batch = m_dir->filePath(u"batch.jsonl"_s);
    writeFile(batch, lines);
    auto store = openedStore(ReviewStore::defaultStorePath({batch}));
    if (!store || !store->sync({batch}, Schema::builtin(), m_checker, u"tester"_s)) {
        return nullptr;
    }
    QStringList approved;
    for (int i = 0; i < count; i += 2) {
        approved.append(u"d%1"_s.arg(i));
    }
    if (!store->setStatus(approved, ReviewStatus::Approved, u"fine"_s, u"tester"_s) ||
        !store->setTaggedText(u"d2"_s, "<model>M-2</model> edited, <year>2021</year>.", Schema::builtin(), m_checker,
                              u"tester"_s)) {
        return nullptr;
    }
    return store;
}

void TestStreamingExport::aStreamedExportWritesWhatAListExportWrites_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<QString>("statuses");
    for (const ExportFormat format :
         {ExportFormat::RecordsJsonl, ExportFormat::RecordsCsv, ExportFormat::Tagged, ExportFormat::Doccano,
          ExportFormat::LabelStudio, ExportFormat::Brat, ExportFormat::Conll}) {
        for (const QString &statuses : {u"approved"_s, u"all"_s}) {
            QTest::addRow("%s, %s", qPrintable(exportFormatName(format)), qPrintable(statuses)) << format << statuses;
        }
    }
}

void TestStreamingExport::aStreamedExportWritesWhatAListExportWrites()
{
    QFETCH(ExportFormat, format);
    QFETCH(QString, statuses);
    auto store = jsonLinesStore(700);
    QVERIFY(store);
    ExportOptions options;
    options.statuses = ExportOptions::parseStatuses(statuses).value();
    options.outPath = m_dir->filePath(u"from-list"_s);
    QVERIFY_OK(exportDocuments(store->exportDocuments().value(), format, options));
    options.outPath = m_dir->filePath(u"streamed"_s);
    QVERIFY_OK(exportStore(*store, format, options));
    QCOMPARE(readTree(m_dir->filePath(u"streamed"_s)), readTree(m_dir->filePath(u"from-list"_s)));
    if (QFileInfo(options.outPath).isFile()) {
        QCOMPARE(readFile(options.outPath), readFile(m_dir->filePath(u"from-list"_s)));
    }
}

void TestStreamingExport::theTextsAreReadABlockAtATime()
{
    auto store = jsonLinesStore(1000);
    QVERIFY(store);
    const QList<ExportDocument> headers = store->exportHeaders().value();
    QCOMPARE(headers.size(), 1000);
    QVERIFY(std::all_of(headers.cbegin(), headers.cend(),
                        [](const ExportDocument &doc) { return doc.taggedText.isEmpty() && doc.jsonLine.isEmpty(); }));
    QVERIFY(headers[2].edited);
    QVERIFY(!headers[4].edited);
    qsizetype largest = 0;
    qsizetype total = 0;
    ExportOptions options;
    options.statuses = {};
    options.outPath = m_dir->filePath(u"out.jsonl"_s);
    const Expected<ExportResult> result = exportDocuments(
        headers,
        [&](const QList<const ExportDocument *> &block) {
            largest = std::max(largest, block.size());
            total += block.size();
            QStringList ids;
            for (const ExportDocument *doc : block) {
                ids.append(doc->id);
            }
            return store->exportDocuments(ids);
        },
        ExportFormat::Tagged, options);
    QVERIFY_OK(result);
    QCOMPARE(result->documents, 1000);
    QCOMPARE(total, 1000);
    QVERIFY2(largest <= 256, qPrintable(QString::number(largest)));
    // Byte for byte the batch, but for the edited document.
    const QList<QByteArray> written = readFile(options.outPath).split('\n');
    QVERIFY(written[5].startsWith("{\"id\":\"d5\",\"meta\":{\"n\":5}"));
}

void TestStreamingExport::aBlockThatCannotBeReadFailsTheExportAndLeavesNoFile()
{
    auto store = jsonLinesStore(600);
    QVERIFY(store);
    ExportOptions options;
    options.statuses = {};
    options.outPath = m_dir->filePath(u"out.csv"_s);
    int blocks = 0;
    const Expected<ExportResult> result = exportDocuments(
        store->exportHeaders().value(),
        [&](const QList<const ExportDocument *> &block) -> Expected<QList<ExportDocument>> {
            if (++blocks == 2) {
                return Error{u"the store is gone"_s};
            }
            QStringList ids;
            for (const ExportDocument *doc : block) {
                ids.append(doc->id);
            }
            return store->exportDocuments(ids);
        },
        ExportFormat::RecordsCsv, options);
    QVERIFY(!result);
    QCOMPARE(result.error().message, u"the store is gone"_s);
    QVERIFY(!QFile::exists(options.outPath));
    QCOMPARE(QDir(m_dir->path()).entryList({u"out.csv*"_s}), QStringList{});
}

void TestStreamingExport::theStoreGivesTheDocumentsAskedForInTheOrderAsked()
{
    auto store = jsonLinesStore(1200);
    QVERIFY(store);
    QStringList ids;
    for (int i = 1199; i >= 0; i -= 3) {
        ids.append(u"d%1"_s.arg(i));
    }
    const QList<ExportDocument> documents = store->exportDocuments(ids).value();
    QCOMPARE(documents.size(), ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i) {
        QCOMPARE(documents[i].id, ids[i]);
    }
    QCOMPARE(documents.constLast().taggedText, store->document(ids.constLast())->taggedText);
    const Expected<QList<ExportDocument>> unknown = store->exportDocuments(QStringList{u"d1"_s, u"nope"_s});
    QVERIFY(!unknown);
    QVERIFY2(unknown.error().message.contains(u"nope"_s), qPrintable(unknown.error().message));
}

void TestStreamingExport::idsOfAnyCharactersAreFoundForTheirTexts_data()
{
    // The store is asked for a block's ids as one JSON array: ids that need escaping in JSON,
    // or that JSON and SQLite could read differently, must come back as they went in.
    QTest::addColumn<QString>("id");
    QTest::addRow("quote") << u"say \"hi\""_s;
    QTest::addRow("backslash") << u"C:\\batch\\7"_s;
    QTest::addRow("control character") << u"tab\tand\u0001"_s;
    QTest::addRow("beyond the BMP") << u"doc-😀-𝔸"_s;
    QTest::addRow("a slash and a bracket") << u"a/b]c"_s;
    QTest::addRow("looks like a number") << u"12"_s;
}

void TestStreamingExport::idsOfAnyCharactersAreFoundForTheirTexts()
{
    QFETCH(QString, id);
    const QString batch = m_dir->filePath(u"odd.jsonl"_s);
    QByteArray lines = "{\"id\":\"plain\",\"text\":\"<model>P</model>\"}\n";
    lines += "{\"id\":" + JsonString::quoted(id) + ",\"text\":\"<model>Odd-1</model> on 8 GPUs.\"}\n";
    writeFile(batch, lines);
    auto store = openedStore(ReviewStore::defaultStorePath({batch}));
    QVERIFY(store);
    QVERIFY_OK(store->sync({batch}, Schema::builtin(), m_checker, u"tester"_s));
    const Expected<QList<ExportDocument>> documents = store->exportDocuments(QStringList{id, u"plain"_s});
    QVERIFY_OK(documents);
    QCOMPARE(documents->size(), 2);
    QCOMPARE(documents->at(0).id, id);
    QCOMPARE(documents->at(0).taggedText, QByteArray("<model>Odd-1</model> on 8 GPUs."));
    QCOMPARE(documents->at(1).taggedText, QByteArray("<model>P</model>"));
}

QTEST_GUILESS_MAIN(TestStreamingExport)
#include "tst_streamingexport.moc"
