// A store keeps the packed texts in a table of their own (schema 7), apart from the documents'
// small columns, so that a decision writes a few hundred bytes instead of rewriting its texts;
// and an import writes its rows a slice at a time while the next slice is prepared. These tests
// guard that a decision leaves the texts alone, that a store of schema 6 moves its texts over
// with its review intact, and that an import of many slices keeps the batch's order and every
// text with the right document.
#include "olderstore.h"
#include "storetestbatch.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using namespace annorev;
using namespace annorev::test;

class TestTextsApart : public QObject, private StoreTestBatch
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { setUpBatch(); }
    void cleanup() { tearDownBatch(); }

    void aDecisionDoesNotRewriteTheDocumentsTexts();
    void aSchema6StoreMovesItsTextsApartAndKeepsItsReview();
    void anImportOfManySlicesKeepsEachTextWithItsDocument();

private:
    QString writeJsonLines(const QList<QByteArray> &lines) const;
};

namespace {

// Letters no dictionary predicts: texts that stay as large packed as they are.
QByteArray noiseText(int size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray text(size, Qt::Uninitialized);
    for (char &byte : text) {
        byte = char('a' + generator.bounded(26));
    }
    return text;
}

qint64 fileSize(const QString &path)
{
    return QFileInfo(path).size();
}

} // namespace

QString TestTextsApart::writeJsonLines(const QList<QByteArray> &lines) const
{
    const QString path = m_dir->filePath(u"batch.jsonl"_s);
    writeFile(path, lines.join('\n') + '\n');
    return path;
}

void TestTextsApart::aDecisionDoesNotRewriteTheDocumentsTexts()
{
    // Texts of 6 KB that do not compress: with the texts in the documents' rows (schema 6) every
    // status change rewrote them, over a megabyte for these 200 documents.
    constexpr int count = 200;
    QList<QByteArray> lines;
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        ids.append(u"d"_s + QString::number(i));
        lines.append("{\"id\":\"d" + QByteArray::number(i) + "\",\"text\":\"<model>M-" + QByteArray::number(i) +
                     "</model> " + noiseText(6000, quint32(i)) + "\"}");
    }
    const QString batch = writeJsonLines(lines);
    const QString storePath = ReviewStore::defaultStorePath({batch});
    auto store = openedStore(storePath);
    QVERIFY(store);
    QVERIFY_OK(store->sync({batch}, Schema::builtin(), m_checker, u"tester"_s));
    const QString log = storePath + u"-wal"_s;
    // The import empties the log behind it; what the marks write is what it holds after them.
    QCOMPARE(fileSize(log), 0);
    QVERIFY_OK(store->setStatus(ids, ReviewStatus::Approved, u"all of them"_s, u"tester"_s));
    const qint64 written = fileSize(log);
    const qint64 texts = qint64(count) * 6000;
    QVERIFY2(written > 0, "the marks went to the log");
    QVERIFY2(written * 10 < texts, qPrintable(u"%1 bytes logged for %2 bytes of texts"_s.arg(written).arg(texts)));
    for (const QString &id : {u"d0"_s, u"d199"_s}) {
        const ReviewStore::StoredDocument doc = *store->document(id);
        QCOMPARE(doc.status, ReviewStatus::Approved);
        QVERIFY(doc.jsonLine.contains(noiseText(6000, quint32(id.mid(1).toUInt()))));
    }
}

void TestTextsApart::aSchema6StoreMovesItsTextsApartAndKeepsItsReview()
{
    // Written by annorev at 39d94ba (schema 6) from the schema-5 fixture: 000 approved, 002
    // rejected, 004 needing work (marked under schema 6), a round of two, and 003's line edited
    // at the source after the import.
    const QString batch = copyStoreFixture(u"schema6"_s, m_dir->path());
    QVERIFY(!batch.isEmpty());
    const QString storePath = ReviewStore::defaultStorePath({batch});
    QCOMPARE(columnOf(storePath, u"SELECT value FROM meta WHERE key = 'schema_version'"_s), QList<QByteArray>{"6"});
    const QList<QByteArray> linesBefore = columnOf(storePath, u"SELECT json_line FROM documents ORDER BY position"_s);
    QCOMPARE(linesBefore.size(), 5);
    auto store = openedStore(storePath);
    QVERIFY(store);
    {
        RawStore raw(storePath);
        QCOMPARE(raw.value(u"SELECT value FROM meta WHERE key = 'schema_version'"_s).toString(),
                 QString::number(ReviewStore::schemaVersion));
        QCOMPARE(raw.value(u"SELECT COUNT(*) FROM pragma_table_info('documents') WHERE name IN"
                           " ('source_text', 'tagged_text', 'json_line')"_s)
                     .toInt(),
                 0);
    }
    // Each document's packed line moved as it was, to the row of the same rowid.
    QCOMPARE(columnOf(storePath, u"SELECT t.json_line FROM documents d JOIN document_texts t ON t.document = d.rowid"
                                 " ORDER BY d.position"_s),
             linesBefore);
    const QStringList ids = *store->ids();
    QCOMPARE(ids, (QStringList{u"000"_s, u"001"_s, u"002"_s, u"003"_s, u"004"_s}));
    QCOMPARE(store->document(u"000"_s)->status, ReviewStatus::Approved);
    QCOMPARE(store->document(u"002"_s)->status, ReviewStatus::Rejected);
    QCOMPARE(store->document(u"004"_s)->status, ReviewStatus::NeedsWork);
    QCOMPARE(store->document(u"004"_s)->note, u"boundary of the model name"_s);
    QVERIFY(store->document(u"003"_s)->sourceChanged);
    // Schema 9 counted what the store held for the counts it keeps.
    const ReviewStore::Summary summary = *store->summary();
    QCOMPARE(summary.documents, 5);
    QCOMPARE(summary.byStatus[std::size_t(ReviewStatus::Unreviewed)], 2);
    QCOMPARE(summary.byStatus[std::size_t(ReviewStatus::Approved)], 1);
    QCOMPARE(summary.byStatus[std::size_t(ReviewStatus::Rejected)], 1);
    QCOMPARE(summary.byStatus[std::size_t(ReviewStatus::NeedsWork)], 1);
    {
        RawStore raw(storePath);
        QCOMPARE(raw.value(u"SELECT SUM(warnings) FROM summary_counts"_s).toInt(),
                 raw.value(u"SELECT SUM(warnings) FROM documents"_s).toInt());
        QCOMPARE(raw.value(u"SELECT SUM(infos) FROM summary_counts"_s).toInt(),
                 raw.value(u"SELECT SUM(infos) FROM documents"_s).toInt());
    }
    const QList<ReviewStore::AuditEntry> audit = *store->auditLog();
    QCOMPARE(audit.size(), 4);
    QCOMPARE(audit[2].action, u"source-changed"_s);
    // The source as imported, as the audit row kept it, is what the store still gives.
    QCOMPARE(store->document(u"003"_s)->sourceText, *audit[2].textBefore);
    QCOMPARE(store->roundDocuments(u"r1"_s)->size(), 2);
    // The word index still finds documents by their rowids.
    const QStringList found = *store->search(u"parameters"_s);
    QVERIFY(!found.isEmpty());
    QCOMPARE(found, *store->search(u"parameters"_s, TextMatch::Anywhere));
    // And the store goes on: a sync finds nothing new, an edit is kept and exported.
    const Expected<ReviewStore::SyncReport> report = store->sync({batch}, Schema::builtin(), m_checker, u"tester"_s);
    QVERIFY_OK(report);
    QCOMPARE(report->imported, 0);
    QVERIFY_OK(store->setTaggedText(u"001"_s, "Edited.", Schema::builtin(), m_checker, u"tester"_s));
    QCOMPARE(store->document(u"001"_s)->taggedText, QByteArray("Edited."));
    QVERIFY(store->exportDocuments()->at(1).edited);
    QCOMPARE(*store->search(u"Edited"_s), QStringList{u"001"_s});
}

void TestTextsApart::anImportOfManySlicesKeepsEachTextWithItsDocument()
{
    // More documents than three slices of the import, each text naming its document, in an
    // order that is not the ids' order.
    constexpr int count = 3 * 4096 + 123;
    QList<QByteArray> lines;
    for (int i = count - 1; i >= 0; --i) {
        lines.append("{\"id\":\"n" + QByteArray::number(i) + "\",\"text\":\"<model>Model-" + QByteArray::number(i) +
                     "</model> word" + QByteArray::number(i) + "x\"}");
    }
    const QString batch = writeJsonLines(lines);
    auto store = openedStore(ReviewStore::defaultStorePath({batch}));
    QVERIFY(store);
    const Expected<ReviewStore::SyncReport> report = store->sync({batch}, Schema::builtin(), m_checker, u"tester"_s);
    QVERIFY_OK(report);
    QCOMPARE(report->imported, count);
    const QStringList ids = *store->ids();
    QCOMPARE(ids.size(), count);
    for (const int i : {0, 4095, 4096, 8191, 8192, count - 1}) {
        const QString id = u"n"_s + QString::number(count - 1 - i);
        QCOMPARE(ids[i], id);
        const ReviewStore::StoredDocument doc = *store->document(id);
        QCOMPARE(doc.jsonLine, lines[i]);
        const QByteArray model = "<model>Model-" + id.mid(1).toUtf8() + "</model>";
        QVERIFY(doc.sourceText.startsWith(model));
        QCOMPARE(*store->search(u"word"_s + id.mid(1) + u"x"_s), QStringList{id});
    }
}

QTEST_GUILESS_MAIN(TestTextsApart)
#include "tst_textsapart.moc"
