#include "checker.h"
#include "countryaliases.h"
#include "folderentries.h"
#include "reviewstore.h"
#include "schema.h"
#include "spotchecksample.h"
#include "storestats.h"
#include "sqlite/sqliteconnection.h"
#include "olderstore.h"
#include "sqlite/sqlitestore.h"
#include "storetestbatch.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <pwd.h>
#include <unistd.h>

using namespace annorev;
using namespace Qt::StringLiterals;
using annorev::test::errorOf;
using annorev::test::openedStore;
using namespace annorev::test;

namespace {

using annorev::test::readFile;
using annorev::test::writeFile;

} // namespace

// How the store follows its batch (imports, changed, missing and returning documents, layouts)
// and what it keeps of each version to list, search and count.
class TestStoreSync : public QObject, private test::StoreTestBatch
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { setUpBatch(); }
    void cleanup() { tearDownBatch(); }

    void syncImportsTheBatchOnce();
    void syncKeepsTheReviewersVersionWhenTheSourceChanges();
    void syncFlagsMissingDocumentsAndTheirReturn();
    void syncImportsAddedDocuments();
    void syncSkipsRepeatedIdsAndRefusesUnreadableInputs();
    void syncReportsUnreadableFolderEntriesAndImportsTheRest();
    void layoutFollowsTheInput_data();
    void layoutFollowsTheInput();
    void emptyDocumentIsImportedAndFlaggedAnnotationsMissing_data();
    void emptyDocumentIsImportedAndFlaggedAnnotationsMissing();
    void listEntriesFollowEditsAndStatuses();
    void searchMatchesThePlainTextNotTheTags_data();
    void searchMatchesThePlainTextNotTheTags();
    void listStatsAndDrawsReadTheStoredFacts();
    void olderStoresGetTheirFactsOnSync_data();
    void olderStoresGetTheirFactsOnSync();
};

void TestStoreSync::syncImportsTheBatchOnce()
{
    auto store = openStore();
    QVERIFY(store);
    const ReviewStore::SyncReport report = sync(*store);
    QCOMPARE(report.imported, 5);
    QVERIFY(report.sourceChanged.isEmpty() && report.missing.isEmpty() && report.inputErrors.isEmpty());
    const QStringList ids = *store->ids();
    QCOMPARE(ids.size(), 5);
    QCOMPARE(ids.constFirst(), first);
    QVERIFY(std::is_sorted(ids.cbegin(), ids.cend()));

    const auto doc = store->document(third);
    QVERIFY(doc);
    const QByteArray bytes = readFile(m_batch + u'/' + third);
    QCOMPARE(doc->sourceText, bytes);
    QCOMPARE(doc->taggedText, bytes);
    QCOMPARE(doc->sourceHash, QCryptographicHash::hash(bytes, QCryptographicHash::Blake2b_256));
    QCOMPARE(doc->status, ReviewStatus::Unreviewed);
    QVERIFY(doc->reviewer.isEmpty());
    QVERIFY(!doc->changedAt.isValid());
    QVERIFY(!doc->sourceChanged && !doc->missing);
    QCOMPARE(doc->position, 2);

    const ReviewStore::SyncReport again = sync(*store);
    QCOMPARE(again.imported, 0);
    QVERIFY(again.sourceChanged.isEmpty() && again.missing.isEmpty() && again.returned.isEmpty());
    QCOMPARE(store->auditLog()->size(), 0);
}

void TestStoreSync::syncKeepsTheReviewersVersionWhenTheSourceChanges()
{
    auto store = openStore();
    QVERIFY(store);
    sync(*store);
    const QByteArray original = readFile(m_batch + u'/' + third);
    const QByteArray mine = original + "<model>Mine</model>\n";
    QVERIFY_OK(store->setTaggedText(third, mine, Schema::builtin(), m_checker, u"alice"_s));

    const QByteArray upstream = original + "An upstream fix.\n";
    writeFile(m_batch + u'/' + third, upstream);
    ReviewStore::SyncReport report = sync(*store);
    QCOMPARE(report.sourceChanged, QStringList{third});
    auto doc = store->document(third);
    QVERIFY(doc && doc->sourceChanged);
    QCOMPARE(doc->taggedText, mine);
    QCOMPARE(doc->sourceText, original);
    QList<ReviewStore::AuditEntry> log = *store->auditLog(third);
    QCOMPARE(log.size(), 2);
    QCOMPARE(log[1].action, u"source-changed"_s);
    QCOMPARE(log[1].reviewer, u"tester"_s);
    QCOMPARE(log[1].textBefore, std::optional(original));
    QCOMPARE(log[1].textAfter, std::optional(upstream));
    QCOMPARE(store->summary()->sourceChanged, QStringList{third});

    // Still changed: reported in the summary, not logged again.
    QVERIFY(sync(*store).sourceChanged.isEmpty());
    QCOMPARE(store->auditLog(third)->size(), 2);

    writeFile(m_batch + u'/' + third, original);
    report = sync(*store);
    QCOMPARE(report.sourceRestored, QStringList{third});
    doc = store->document(third);
    QVERIFY(doc && !doc->sourceChanged);
    QCOMPARE(doc->taggedText, mine);
    QCOMPARE(store->auditLog(third)->constLast().action, u"source-restored"_s);
}

void TestStoreSync::syncFlagsMissingDocumentsAndTheirReturn()
{
    auto store = openStore();
    QVERIFY(store);
    sync(*store);
    QVERIFY_OK(store->setStatus({fourth}, ReviewStatus::NeedsWork, {}, u"alice"_s));
    const QByteArray bytes = readFile(m_batch + u'/' + fourth);
    QVERIFY(QFile::remove(m_batch + u'/' + fourth));

    ReviewStore::SyncReport report = sync(*store);
    QCOMPARE(report.missing, QStringList{fourth});
    auto doc = store->document(fourth);
    QVERIFY(doc && doc->missing);
    QCOMPARE(doc->status, ReviewStatus::NeedsWork);
    QCOMPARE(store->ids()->size(), 5);
    QCOMPARE(store->summary()->missing, QStringList{fourth});
    QVERIFY(sync(*store).missing.isEmpty());

    writeFile(m_batch + u'/' + fourth, bytes);
    report = sync(*store);
    QCOMPARE(report.returned, QStringList{fourth});
    doc = store->document(fourth);
    QVERIFY(doc && !doc->missing);
    QCOMPARE(doc->status, ReviewStatus::NeedsWork);
    QStringList actions;
    for (const auto &entry : *store->auditLog(fourth)) {
        actions.append(entry.action);
    }
    QCOMPARE(actions, (QStringList{u"status"_s, u"source-missing"_s, u"source-returned"_s}));
}

void TestStoreSync::syncImportsAddedDocuments()
{
    auto store = openStore();
    QVERIFY(store);
    sync(*store);
    writeFile(m_batch + u"/sub/added.txt"_s, "Meet <model>Added-1B</model>.\n");
    writeFile(m_batch + u"/-first.txt"_s, "Meet <model>First-1B</model>.\n");
    const ReviewStore::SyncReport report = sync(*store);
    QCOMPARE(report.imported, 2);
    const QStringList ids = *store->ids();
    QCOMPARE(ids.size(), 7);
    QCOMPARE(ids.constFirst(), u"-first.txt"_s);
    QCOMPARE(ids.constLast(), u"sub/added.txt"_s);
    QCOMPARE(store->document(u"sub/added.txt"_s)->relativePath, u"sub/added.txt"_s);
}

void TestStoreSync::syncSkipsRepeatedIdsAndRefusesUnreadableInputs()
{
    const QString jsonl = m_dir->filePath(u"batch.jsonl"_s);
    writeFile(jsonl, "{\"id\": \"a\", \"text\": \"one\"}\n{\"id\": \"a\", \"text\": \"two\"}\nnot json\n");
    QString error;
    auto store = openedStore(ReviewStore::defaultStorePath({jsonl}));
    QVERIFY(store);
    auto report = store->sync({jsonl}, Schema::builtin(), m_checker, u"tester"_s);
    QVERIFY(report);
    QCOMPARE(report->imported, 1);
    QCOMPARE(report->inputErrors.size(), 2);
    QVERIFY(report->inputErrors[0].message.contains(u"duplicate id \"a\""_s));
    QCOMPARE(report->inputErrors[1].line, 3);
    QCOMPARE(store->document(u"a"_s)->taggedText, QByteArray("one"));

    // A batch that cannot be read at all would make every document look gone.
    QVERIFY(QFile::remove(jsonl));
    error = errorOf(store->sync({jsonl}, Schema::builtin(), m_checker, u"tester"_s));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(jsonl), qPrintable(error));
    QVERIFY(!store->document(u"a"_s)->missing);
}

// What the window's open report lists: each entry the folder batch cannot read, by its path.
void TestStoreSync::syncReportsUnreadableFolderEntriesAndImportsTheRest()
{
    const auto removeTree = qScopeGuard([this] { annorev::test::removeTree(m_dir->path()); });
    QStringList expected = annorev::test::makeEveryUnreadableEntry(m_batch);
    QVERIFY(expected != QStringList{u"failed"_s});
    auto store = openStore();
    QVERIFY(store);
    const auto report = store->sync({m_batch}, Schema::builtin(), m_checker, u"tester"_s);
    QVERIFY2(report, qPrintable(errorOf(report)));
    QStringList reported;
    for (const InputError &inputError : report->inputErrors) {
        reported << inputError.toString();
    }
    reported.sort();
    expected.sort();
    QCOMPARE(reported, expected);
    QCOMPARE(report->imported, 5);
}

void TestStoreSync::layoutFollowsTheInput_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("layout");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("relativePath");
    QTest::addRow("folder") << u"folder"_s << int(BatchLayout::Folder) << u"sub/doc.txt"_s << u"sub/doc.txt"_s;
    QTest::addRow("file") << u"doc.txt"_s << int(BatchLayout::File) << u"doc.txt"_s << u"doc.txt"_s;
    QTest::addRow("json lines") << u"batch.jsonl"_s << int(BatchLayout::JsonLines) << u"d1"_s << QString();
}

void TestStoreSync::layoutFollowsTheInput()
{
    QFETCH(QString, input);
    QFETCH(int, layout);
    QFETCH(QString, id);
    QFETCH(QString, relativePath);
    const QByteArray text = "Meet <model>Foo-7B</model>.";
    const QByteArray line = "{\"id\": \"d1\", \"text\": \"Meet <model>Foo-7B</model>.\", \"lang\": \"en\"}";
    writeFile(m_dir->filePath(u"folder/sub/doc.txt"_s), text);
    writeFile(m_dir->filePath(u"doc.txt"_s), text);
    writeFile(m_dir->filePath(u"batch.jsonl"_s), line + '\n');
    const QString path = m_dir->filePath(input);
    auto store = openedStore(ReviewStore::defaultStorePath({path}));
    QVERIFY(store);
    QVERIFY_OK(store->sync({path}, Schema::builtin(), m_checker, u"tester"_s));
    const QList<ExportDocument> docs = *store->exportDocuments();
    QCOMPARE(docs.size(), 1);
    const ExportDocument &doc = docs.constFirst();
    QCOMPARE(doc.id, id);
    QCOMPARE(int(doc.layout), layout);
    QCOMPARE(doc.relativePath, relativePath);
    QCOMPARE(doc.taggedText, text);
    QVERIFY(!doc.edited);
    if (doc.layout == BatchLayout::JsonLines) {
        QCOMPARE(doc.jsonLine, line);
        QCOMPARE(doc.jsonLine.mid(doc.textTokenBegin, doc.textTokenEnd - doc.textTokenBegin),
                 QByteArray("\"Meet <model>Foo-7B</model>.\""));
    } else {
        QVERIFY(doc.jsonLine.isEmpty());
    }
}

void TestStoreSync::emptyDocumentIsImportedAndFlaggedAnnotationsMissing_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("emptyId");
    QTest::addColumn<int>("documents");
    QTest::addRow("folder") << u"folder/empty.txt"_s << QByteArray() << u"empty.txt"_s << 2;
    QTest::addRow("file") << u"empty.txt"_s << QByteArray() << u"empty.txt"_s << 1;
    QTest::addRow("json lines") << u"batch.jsonl"_s << QByteArray("{\"id\": \"e\", \"text\": \"\"}\n") << u"e"_s << 1;
    QTest::addRow("doccano") << u"doccano.jsonl"_s << QByteArray("{\"id\": \"e\", \"text\": \"\", \"label\": []}\n")
                             << u"e"_s << 1;
}

// An empty file used to abort the whole import with "NOT NULL constraint failed".
void TestStoreSync::emptyDocumentIsImportedAndFlaggedAnnotationsMissing()
{
    QFETCH(QString, input);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, emptyId);
    QFETCH(int, documents);
    writeFile(m_dir->filePath(input), bytes);
    writeFile(m_dir->filePath(u"folder/full.txt"_s), "Meet <model>Foo-7B</model>.");
    const QString batch = m_dir->filePath(input.startsWith(u"folder/"_s) ? u"folder"_s : input);
    auto store = openedStore(ReviewStore::defaultStorePath({batch}));
    QVERIFY(store);
    const auto report = store->sync({batch}, Schema::builtin(), m_checker, u"tester"_s);
    QVERIFY2(report, qPrintable(errorOf(report)));
    QCOMPARE(report->inputErrors.size(), 0);
    QCOMPARE(report->imported, documents);
    const auto doc = store->document(emptyId);
    QVERIFY2(doc, qPrintable(errorOf(doc)));
    QCOMPARE(doc->sourceText, QByteArray(""));
    QCOMPARE(doc->taggedText, QByteArray(""));
    const QList<ReviewStore::ListEntry> entries = *store->listEntries();
    const auto entry = std::find_if(entries.begin(), entries.end(),
                                    [&emptyId](const ReviewStore::ListEntry &e) { return e.id == emptyId; });
    QVERIFY(entry != entries.end());
    QCOMPARE(entry->facts.ruleNames(), QStringList{u"annotations-missing"_s});
    QCOMPARE(entry->facts.warnings(), 1);
}

void TestStoreSync::listEntriesFollowEditsAndStatuses()
{
    auto store = openStore();
    QVERIFY(store);
    sync(*store);
    QString error;
    QList<ReviewStore::ListEntry> entries = *store->listEntries();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(entries.size(), 5);
    QCOMPARE(entries[0].id, first);
    QCOMPARE(entries[1].id, second);
    QVERIFY(entries[0].facts.hasLabel(u"model"));
    QVERIFY(entries[0].facts.hasLabel(u"params"));
    QCOMPARE(entries[1].facts.errors(), 0);

    QVERIFY_OK(store->setTaggedText(second, withError, Schema::builtin(), m_checker, u"alice"_s));
    QVERIFY_OK(store->setStatus({second}, ReviewStatus::NeedsWork, {}, u"alice"_s));
    entries = *store->listEntries();
    QCOMPARE(entries[1].status, ReviewStatus::NeedsWork);
    QVERIFY(entries[1].facts.errors() > 0);
    // The unclosed hardware tag makes no span.
    QCOMPARE(entries[1].facts.labelNames(), QStringList{u"model"_s});
    QVERIFY2(entries[1].facts.hasRule(u"markup-malformed"), qPrintable(entries[1].facts.encoded()));

    // A document gone from the batch stays in the store but leaves the list.
    QVERIFY(QFile::remove(m_batch + u'/' + third));
    sync(*store);
    entries = *store->listEntries();
    QCOMPARE(entries.size(), 4);
    QCOMPARE(entries[2].id, fourth);
}

void TestStoreSync::searchMatchesThePlainTextNotTheTags_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("across a tag boundary") << u"a100 gpus by foo"_s << QStringList{u"tagged.txt"_s};
    QTest::newRow("ascii letters in either case") << u"TRAINED ON"_s << QStringList{u"percent.txt"_s, u"tagged.txt"_s};
    QTest::newRow("a tag name is not text") << u"hardware"_s << QStringList{};
    QTest::newRow("percent is literal") << u"50%"_s << QStringList{u"percent.txt"_s};
    QTest::newRow("underscore is literal") << u"a_b"_s << QStringList{u"percent.txt"_s};
    QTest::newRow("backslash is literal") << u"c\\d"_s << QStringList{u"percent.txt"_s};
}

void TestStoreSync::searchMatchesThePlainTextNotTheTags()
{
    QFETCH(QString, needle);
    QFETCH(QStringList, ids);
    QDir(m_batch).removeRecursively();
    QDir().mkpath(m_batch);
    writeFile(m_batch + u"/tagged.txt"_s,
              "Trained on <hardware>NVIDIA A100 GPUs</hardware> by <model>Foo-7B</model>.\n");
    writeFile(m_batch + u"/percent.txt"_s, "Trained on 50% of axb and a_b, c\\d.\n");
    auto store = openStore();
    QVERIFY(store);
    sync(*store);
    QString error;
    const std::optional<QStringList> found = *store->search(needle);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(*found, ids);
}

void TestStoreSync::listStatsAndDrawsReadTheStoredFacts()
{
    auto store = openStore();
    QVERIFY(store);
    sync(*store);
    const QString id = store->ids()->first();
    {
        // Facts no parse of the text would give: whatever reads them read the store.
        RawStore raw(m_storePath);
        QSqlQuery q = raw.query();
        QVERIFY(q.prepare(u"UPDATE facts SET facts = 'records=9;zeta=41;' WHERE document_id = ?"_s));
        q.addBindValue(id);
        QVERIFY(q.exec());
        raw.close();
    }
    const QList<ReviewStore::ListEntry> entries = *store->listEntries();
    QCOMPARE(entries.first().facts.labelNames(), QStringList{u"zeta"_s});
    const Expected<StoreStats> stats = StoreStats::read(*store, Schema::builtin(), 0.05, {});
    QVERIFY2(stats, qPrintable(stats ? QString() : stats.error().message));
    const auto zeta = std::find_if(stats->batch.labels.cbegin(), stats->batch.labels.cend(),
                                   [](const BatchStats::LabelCount &label) { return label.label == u"zeta"_s; });
    QVERIFY(zeta != stats->batch.labels.cend());
    QCOMPARE(zeta->spans, 41);
    QCOMPARE(zeta->documents, 1);
    const SpotCheckSample::Drawn drawn =
        SpotCheckSample::draw(*store->profiles(), {}, store->ids()->size(), 7, Stratify::Label);
    QVERIFY(std::any_of(drawn.documents.cbegin(), drawn.documents.cend(),
                        [](const RoundDocument &document) { return document.stratum == u"zeta"_s; }));

    // Facts that cannot be read are an error naming the store and the document.
    {
        RawStore raw(m_storePath);
        QSqlQuery q = raw.query();
        QVERIFY(q.exec(u"UPDATE facts SET facts = 'garbage'"_s));
        raw.close();
    }
    const Expected<QList<ReviewStore::ListEntry>> broken = store->listEntries();
    QVERIFY(!broken);
    QVERIFY2(broken.error().message.contains(m_storePath), qPrintable(broken.error().message));
    QVERIFY(!StoreStats::read(*store, Schema::builtin(), 0.05, {}));
}

void TestStoreSync::olderStoresGetTheirFactsOnSync_data()
{
    QTest::addColumn<QStringList>("statements"); // make a store rewritten as schema 5 look older still
    // Schema 1: no facts, no spot checks.
    QTest::newRow("schema 1") << QStringList{u"DROP TABLE facts"_s,         u"DROP TABLE rounds"_s,
                                             u"DROP TABLE round_documents"_s, u"DROP TABLE judgements"_s,
                                             u"DROP TABLE input_stamps"_s,
                                             u"UPDATE meta SET value = '1' WHERE key = 'schema_version'"_s};
    // Schema 3: a version's labels and rules as names alone.
    QTest::newRow("schema 3") << QStringList{
        u"DROP TABLE facts"_s,
        u"CREATE TABLE facts (document_id TEXT PRIMARY KEY, labels TEXT NOT NULL, rules TEXT NOT NULL,"
        " plain_text TEXT NOT NULL)"_s,
        u"INSERT INTO facts SELECT id, 'model', '', '' FROM documents"_s, u"DROP TABLE input_stamps"_s,
        u"UPDATE meta SET value = '3' WHERE key = 'schema_version'"_s};
}

void TestStoreSync::olderStoresGetTheirFactsOnSync()
{
    QFETCH(QStringList, statements);
    QList<ReviewStore::ListEntry> fresh;
    {
        auto store = openStore();
        QVERIFY(store);
        sync(*store);
        fresh = *store->listEntries();
    }
    QCOMPARE(rewriteAsSchema5(m_storePath), QString());
    {
        RawStore raw(m_storePath);
        QSqlQuery q = raw.query();
        for (const QString &statement : std::as_const(statements)) {
            QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
        }
        raw.close();
    }
    auto store = openStore();
    QVERIFY(store);
    // Until a sync fills the facts in, the list says they are missing rather than showing none.
    const Expected<QList<ReviewStore::ListEntry>> before = store->listEntries();
    QVERIFY(!before);
    QVERIFY2(before.error().message.contains(u"has no facts yet"_s), qPrintable(before.error().message));
    sync(*store);
    const QList<ReviewStore::ListEntry> entries = *store->listEntries();
    QCOMPARE(entries.size(), fresh.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QCOMPARE(entries[i].facts, fresh[i].facts);
    }
    QCOMPARE(store->search(u"NeuroSynth-7"_s)->size(), 1);
}

QTEST_GUILESS_MAIN(TestStoreSync)
#include "tst_storesync.moc"
