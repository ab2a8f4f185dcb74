// A store keeps each text once and packed (schema 6): an unedited document's reviewer version is
// its source, a JSON Lines document's source is its line's text, and every text is compressed
// with a dictionary trained on the batch. These tests guard that nothing is lost on the way in or
// out, that a store from schema 5 is repacked with its review intact, and that the packing
// actually makes a store no bigger than its batch.
#include "olderstore.h"
#include "storetestbatch.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using namespace annorev;
using namespace annorev::test;

class TestPackedStore : public QObject, private StoreTestBatch
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { setUpBatch(); }
    void cleanup() { tearDownBatch(); }

    void aPackedTextComesBackByteForByte_data();
    void aPackedTextComesBackByteForByte();
    void aDamagedPackedTextIsAnErrorNotAnotherText_data();
    void aDamagedPackedTextIsAnErrorNotAnotherText();
    void anUneditedDocumentKeepsItsTextOnce();
    void aJsonLinesDocumentKeepsItsLineNotItsText();
    void aDamagedStoredTextNamesTheStoreAndTheDocument();
    void aSchema5StoreIsRepackedAndKeepsItsReview();
    void aStoreFromThisAnnorevSurvivesARoundTripThroughSchema5();
    void aStoreIsNoBiggerThanItsBatch();

private:
    QString writeJsonLines(const QList<QByteArray> &lines) const;
};

namespace {

QByteArray repetitive(int count)
{
    QByteArray text;
    for (int i = 0; i < count; ++i) {
        text += "Trained on <hardware>NVIDIA A100 GPUs</hardware> for <training>" + QByteArray::number(i % 40) +
                " days</training>. ";
    }
    return text;
}

QByteArray noise(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(7);
    for (char &byte : bytes) {
        byte = char(generator.bounded(256));
    }
    return bytes;
}

// A dictionary trained on documents like the ones the tests pack.
QByteArray trainedDictionary()
{
    QList<QByteArray> samples;
    for (int i = 0; i < 400; ++i) {
        samples.append("{\"id\":\"doc-" + QByteArray::number(i) + "\",\"text\":\"" + repetitive(3 + i % 5) + "\"}");
    }
    return TextCodec::trainDictionary(samples);
}

} // namespace

void TestPackedStore::aPackedTextComesBackByteForByte_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("withDictionary");
    QTest::addColumn<bool>("smaller"); // whether packing must shrink it
    for (const bool withDictionary : {false, true}) {
        const char *tail = withDictionary ? " (dictionary)" : "";
        QTest::addRow("empty%s", tail) << QByteArray() << withDictionary << false;
        QTest::addRow("short%s", tail) << QByteArray("A100") << withDictionary << false;
        QTest::addRow("a NUL and invalid UTF-8%s", tail) << QByteArray("a\0b\xff\xfe", 5) << withDictionary << false;
        QTest::addRow("a repetitive document%s", tail) << repetitive(200) << withDictionary << true;
        QTest::addRow("incompressible bytes%s", tail) << noise(5000) << withDictionary << false;
    }
}

void TestPackedStore::aPackedTextComesBackByteForByte()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, withDictionary);
    QFETCH(bool, smaller);
    const QByteArray dictionary = withDictionary ? trainedDictionary() : QByteArray();
    QVERIFY(!withDictionary || !dictionary.isEmpty());
    const Expected<TextCodec> codec =
        TextCodec::withDictionaries(withDictionary ? QList<QByteArray>{dictionary} : QList<QByteArray>{});
    QVERIFY_OK(codec);
    const QByteArray packed = codec->pack(text);
    QCOMPARE(codec->unpack(packed).value(), text);
    if (smaller) {
        QVERIFY2(packed.size() * 4 < text.size(), qPrintable(u"%1 of %2 bytes"_s.arg(packed.size()).arg(text.size())));
    }
    // Never more than a byte over the text: what does not compress is kept as it is.
    QVERIFY(packed.size() <= text.size() + 1);
    QCOMPARE(TextCodec::dictionaryNeeded(packed) != 0, withDictionary && packed.size() < text.size());
    if (TextCodec::dictionaryNeeded(packed) != 0) {
        // A codec without the dictionary says so instead of reading something else.
        const Expected<QByteArray> unread = TextCodec().unpack(packed);
        QVERIFY(!unread);
        QVERIFY2(unread.error().message.contains(u"dictionary"_s), qPrintable(unread.error().message));
    }
}

void TestPackedStore::aDamagedPackedTextIsAnErrorNotAnotherText_data()
{
    QTest::addColumn<QByteArray>("packed");
    const QByteArray frame = TextCodec().pack(repetitive(50));
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("an unknown format") << QByteArray("\x07hello");
    QTest::newRow("a cut frame") << frame.left(frame.size() / 2);
    QByteArray flipped = frame;
    flipped[flipped.size() / 2] = char(flipped[flipped.size() / 2] ^ 0x5a);
    QTest::newRow("a flipped byte") << flipped;
    QTest::newRow("a frame header alone") << frame.left(6);
}

void TestPackedStore::aDamagedPackedTextIsAnErrorNotAnotherText()
{
    QFETCH(QByteArray, packed);
    // The frame's checksum catches what decoding alone would not: a flipped byte in the data.
    const Expected<QByteArray> text = TextCodec().unpack(packed);
    QVERIFY(!text);
    QVERIFY(!text.error().message.isEmpty());
}

QString TestPackedStore::writeJsonLines(const QList<QByteArray> &lines) const
{
    const QString path = m_dir->filePath(u"batch.jsonl"_s);
    writeFile(path, lines.join('\n') + '\n');
    return path;
}

void TestPackedStore::anUneditedDocumentKeepsItsTextOnce()
{
    auto store = openStore();
    QVERIFY(store);
    sync(*store);
    const QString id = store->ids()->constFirst();
    const QByteArray source = store->document(id)->sourceText;
    auto taggedColumn = [this, &id] {
        RawStore raw(m_storePath);
        return raw
            .value(u"SELECT t.tagged_text IS NULL FROM documents d JOIN document_texts t ON t.document = d.rowid"
                   " WHERE d.id = '"_s +
                   id + u"'"_s)
            .toBool();
    };
    QVERIFY2(taggedColumn(), "an unedited document keeps its reviewer version apart");

    QByteArray edited = source;
    edited.replace("<model>", "<params>").replace("</model>", "</params>");
    QVERIFY(edited != source);
    QVERIFY_OK(store->setTaggedText(id, edited, Schema::builtin(), m_checker, u"tester"_s));
    QVERIFY(!taggedColumn());
    QCOMPARE(store->document(id)->taggedText, edited);
    QCOMPARE(store->document(id)->sourceText, source);
    QVERIFY(store->exportDocuments()->constFirst().edited);

    // Edited back to the source: kept once again, and no longer an edited document.
    QVERIFY_OK(store->setTaggedText(id, source, Schema::builtin(), m_checker, u"tester"_s));
    QVERIFY(taggedColumn());
    QVERIFY(!store->exportDocuments()->constFirst().edited);
    QCOMPARE(store->auditLog(id)->size(), 2);
}

void TestPackedStore::aJsonLinesDocumentKeepsItsLineNotItsText()
{
    // The text's escapes decode to other bytes than the token holds; the line keeps them as written.
    const QByteArray plain = R"({"id": "a", "text": "Trained on <hardware>A100</hardware>.", "extra": [1, 2]})";
    const QByteArray escaped = R"({"text":"caf\u00e9 \"GPU\"\n<model>X-7B</model> \ud83d\ude00","id":"b"})";
    const QString batch = writeJsonLines({plain, escaped});
    const QString storePath = ReviewStore::defaultStorePath({batch});
    auto store = openedStore(storePath);
    QVERIFY(store);
    QVERIFY_OK(store->sync({batch}, Schema::builtin(), m_checker, u"tester"_s));
    {
        RawStore raw(storePath);
        QCOMPARE(raw.value(u"SELECT COUNT(*) FROM document_texts WHERE source_text IS NULL AND tagged_text IS NULL"
                           " AND json_line IS NOT NULL"_s)
                     .toInt(),
                 2);
    }
    QCOMPARE(store->document(u"b"_s)->sourceText,
             QByteArray("caf\xc3\xa9 \"GPU\"\n<model>X-7B</model> \xf0\x9f\x98\x80"));
    QCOMPARE(store->document(u"a"_s)->jsonLine, plain);
    const QList<ExportDocument> exported = *store->exportDocuments();
    QCOMPARE(exported[1].jsonLine, escaped);
    QCOMPARE(exported[1].taggedText, store->document(u"b"_s)->sourceText);
    QVERIFY(!exported[1].edited);
}

void TestPackedStore::aDamagedStoredTextNamesTheStoreAndTheDocument()
{
    auto store = openStore();
    QVERIFY(store);
    sync(*store);
    const QString id = store->ids()->constFirst();
    {
        RawStore raw(m_storePath);
        QSqlQuery q = raw.query();
        QVERIFY(q.prepare(
            u"UPDATE document_texts SET source_text = ? WHERE document = (SELECT rowid FROM documents WHERE id = ?)"_s));
        q.addBindValue(QByteArray("\x01garbage"));
        q.addBindValue(id);
        QVERIFY(q.exec());
    }
    const Expected<ReviewStore::StoredDocument> document = store->document(id);
    QVERIFY(!document);
    QVERIFY2(document.error().message.contains(m_storePath), qPrintable(document.error().message));
    QVERIFY2(document.error().message.contains(id), qPrintable(document.error().message));
    const Expected<QList<ExportDocument>> exported = store->exportDocuments();
    QVERIFY(!exported);
    QVERIFY2(exported.error().message.contains(id), qPrintable(exported.error().message));
}

void TestPackedStore::aSchema5StoreIsRepackedAndKeepsItsReview()
{
    // Written by annorev 0.5 (schema 5) on five documents: 000 approved, 002 rejected, a round of
    // two, and 003's line edited at the source after the import.
    const QString batch = copyStoreFixture(u"schema5"_s, m_dir->path());
    QVERIFY(!batch.isEmpty());
    const QString storePath = ReviewStore::defaultStorePath({batch});
    QCOMPARE(columnOf(storePath, u"SELECT value FROM meta WHERE key = 'schema_version'"_s), QList<QByteArray>{"5"});
    const QList<QByteArray> textsBefore = columnOf(storePath, u"SELECT tagged_text FROM documents ORDER BY position"_s);
    auto store = openedStore(storePath);
    QVERIFY(store);
    {
        RawStore raw(storePath);
        QCOMPARE(raw.value(u"SELECT value FROM meta WHERE key = 'schema_version'"_s).toString(),
                 QString::number(ReviewStore::schemaVersion));
        QCOMPARE(raw.value(u"SELECT COUNT(*) FROM document_texts WHERE source_text IS NULL AND tagged_text IS NULL"_s)
                     .toInt(),
                 5);
    }
    const QStringList ids = *store->ids();
    QCOMPARE(ids, (QStringList{u"000"_s, u"001"_s, u"002"_s, u"003"_s, u"004"_s}));
    for (qsizetype i = 0; i < ids.size(); ++i) {
        QCOMPARE(store->document(ids[i])->taggedText, textsBefore[i]);
    }
    QCOMPARE(store->document(u"000"_s)->status, ReviewStatus::Approved);
    QCOMPARE(store->document(u"002"_s)->status, ReviewStatus::Rejected);
    QVERIFY(store->document(u"003"_s)->sourceChanged);
    const QList<ReviewStore::AuditEntry> audit = *store->auditLog();
    QCOMPARE(audit.size(), 3);
    // The source as imported, as the audit row kept it, is what the store still gives.
    QCOMPARE(audit[2].action, u"source-changed"_s);
    QCOMPARE(store->document(u"003"_s)->sourceText, *audit[2].textBefore);
    QCOMPARE(store->rounds()->size(), 1);
    QCOMPARE(store->roundDocuments(u"r1"_s)->size(), 2);
    // The word index was made from the stored plain texts.
    const QStringList found = *store->search(u"parameters"_s);
    QCOMPARE(found, *store->search(u"parameters"_s, TextMatch::Anywhere));
    QVERIFY(!found.isEmpty());
    // And the store goes on: a sync finds nothing new, an edit is kept.
    const Expected<ReviewStore::SyncReport> report = store->sync({batch}, Schema::builtin(), m_checker, u"tester"_s);
    QVERIFY_OK(report);
    QCOMPARE(report->imported, 0);
    QVERIFY_OK(store->setTaggedText(u"001"_s, "Edited.", Schema::builtin(), m_checker, u"tester"_s));
    QCOMPARE(store->document(u"001"_s)->taggedText, QByteArray("Edited."));
}

void TestPackedStore::aStoreFromThisAnnorevSurvivesARoundTripThroughSchema5()
{
    // Enough documents for the migration to train a dictionary.
    QList<QByteArray> lines;
    for (int i = 0; i < 600; ++i) {
        lines.append("{\"id\":\"d" + QByteArray::number(i) + "\",\"text\":\"<model>M-" + QByteArray::number(i) +
                     "</model> " + repetitive(2 + i % 3) + "\"}");
    }
    const QString batch = writeJsonLines(lines);
    const QString storePath = ReviewStore::defaultStorePath({batch});
    QList<ReviewStore::StoredDocument> before;
    {
        auto store = openedStore(storePath);
        QVERIFY(store);
        QVERIFY_OK(store->sync({batch}, Schema::builtin(), m_checker, u"tester"_s));
        QVERIFY_OK(
            store->setTaggedText(u"d7"_s, "<model>M-7</model> edited", Schema::builtin(), m_checker, u"tester"_s));
        for (const QString &id : *store->ids()) {
            before.append(*store->document(id));
        }
    }
    {
        RawStore raw(storePath);
        QCOMPARE(raw.value(u"SELECT COUNT(*) FROM text_dictionaries"_s).toInt(), 1);
    }
    QCOMPARE(rewriteAsSchema5(storePath), QString());
    auto store = openedStore(storePath);
    QVERIFY(store);
    RawStore raw(storePath);
    QCOMPARE(raw.value(u"SELECT COUNT(*) FROM text_dictionaries"_s).toInt(), 1);
    QCOMPARE(raw.value(u"SELECT COUNT(*) FROM document_texts WHERE tagged_text IS NOT NULL"_s).toInt(), 1);
    for (const ReviewStore::StoredDocument &old : std::as_const(before)) {
        const ReviewStore::StoredDocument now = *store->document(old.id);
        QCOMPARE(now.sourceText, old.sourceText);
        QCOMPARE(now.taggedText, old.taggedText);
        QCOMPARE(now.jsonLine, old.jsonLine);
    }
    QCOMPARE(*store->search(u"edited"_s), QStringList{u"d7"_s});
    QCOMPARE(store->search(u"M-599"_s)->size(), 1);
}

void TestPackedStore::aStoreIsNoBiggerThanItsBatch()
{
    // Documents like the benchmark's: the issue's bound is 1.5 times the batch.
    const QString batch = m_dir->filePath(u"generated.jsonl"_s);
    QProcess genbatch;
    genbatch.start(QStringLiteral(ANNOREV_GENBATCH),
                   {u"--seed"_s, u"42"_s, u"--count"_s, u"3000"_s, u"--out"_s, batch});
    QVERIFY(genbatch.waitForFinished(120000));
    QVERIFY2(genbatch.exitCode() == 0, genbatch.readAllStandardError().constData());
    const QString storePath = ReviewStore::defaultStorePath({batch});
    {
        auto store = openedStore(storePath);
        QVERIFY(store);
        const Expected<ReviewStore::SyncReport> report =
            store->sync({batch}, Schema::builtin(), m_checker, u"tester"_s);
        QVERIFY_OK(report);
        QCOMPARE(report->imported, 3000);
    }
    qint64 storeBytes = 0;
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s}) {
        storeBytes += QFileInfo(storePath + suffix).size();
    }
    const qint64 batchBytes = QFileInfo(batch).size();
    qInfo("store %lld bytes for a batch of %lld (%.2fx)", storeBytes, batchBytes, double(storeBytes) / batchBytes);
    QVERIFY2(storeBytes * 2 <= batchBytes * 3, qPrintable(u"%1 bytes for %2"_s.arg(storeBytes).arg(batchBytes)));
}

QTEST_GUILESS_MAIN(TestPackedStore)
#include "tst_packedstore.moc"
