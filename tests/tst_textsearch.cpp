// Searching the plain texts of a store: from a word's start through the word index (SQLite FTS5),
// or inside words by reading every text. The index only narrows: every hit is checked against
// the text, so both ways give exactly the documents whose text holds the search.
#include "storetestbatch.h"
#include "textquery.h"

#include <QDir>
#include <QSqlQuery>
#include <QStandardPaths>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace annorev;
using namespace annorev::test;

class TestTextSearch : public QObject, private StoreTestBatch
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { tearDownBatch(); }

    void theWordQueryHoldsWholeWordsAndALastPrefix_data();
    void theWordQueryHoldsWholeWordsAndALastPrefix();
    void aSearchFindsTheTextWhereItMayBegin_data();
    void aSearchFindsTheTextWhereItMayBegin();
    void theWordIndexFollowsEdits();
    void documentsGoneFromTheBatchAreNotFound();
    void aSearchOfEveryTextStopsWhenCancelled();

private:
    std::unique_ptr<ReviewStore> m_store;
};

void TestTextSearch::init()
{
    setUpBatch();
    QDir(m_batch).removeRecursively();
    QDir().mkpath(m_batch);
    writeFile(m_batch + u"/tagged.txt"_s,
              "Trained on <hardware>NVIDIA A100 GPUs</hardware> by <model>DeepFlex-7B</model>.\n");
    writeFile(m_batch + u"/percent.txt"_s, "Trained on 50% of axb and a_b, c\\d; caf\xc3\xa9 na\xc3\xafve.\n");
    writeFile(m_batch + u"/models.txt"_s, "The models were trained on TPUs; gpus a100 later.\n");
    m_store = openStore();
    QVERIFY(m_store);
    sync(*m_store);
}

void TestTextSearch::theWordQueryHoldsWholeWordsAndALastPrefix_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QString>("query");
    QTest::newRow("one word, a prefix") << u"A100"_s << u"\"A100\"*"_s;
    QTest::newRow("whole words then a prefix") << u"a100 gpu"_s << u"\"a100\" \"gpu\"*"_s;
    QTest::newRow("ending on a separator: all whole") << u"A100 GPUs."_s << u"\"A100\" \"GPUs\""_s;
    QTest::newRow("punctuation splits words") << u"DeepFlex-7B"_s << u"\"DeepFlex\" \"7B\"*"_s;
    QTest::newRow("accented letters are letters") << u"café"_s << u"\"café\"*"_s;
    QTest::newRow("no letter or digit: no query") << u"%;"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestTextSearch::theWordQueryHoldsWholeWordsAndALastPrefix()
{
    QFETCH(QString, needle);
    QFETCH(QString, query);
    QCOMPARE(TextQuery(needle, TextMatch::WordStart).wordQuery(), query);
    // Inside words, every text is read: no query narrows it.
    QCOMPARE(TextQuery(needle, TextMatch::Anywhere).wordQuery(), QString());
}

void TestTextSearch::aSearchFindsTheTextWhereItMayBegin_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QStringList>("fromWordStart");
    QTest::addColumn<QStringList>("anywhere");
    const QString models = u"models.txt"_s, percent = u"percent.txt"_s, tagged = u"tagged.txt"_s;
    QTest::newRow("across a tag boundary") << u"a100 gpus by deep"_s << QStringList{tagged} << QStringList{tagged};
    QTest::newRow("ascii letters in either case")
        << u"TRAINED ON"_s << QStringList{models, percent, tagged} << QStringList{models, percent, tagged};
    QTest::newRow("the start of a word") << u"Deep"_s << QStringList{tagged} << QStringList{tagged};
    QTest::newRow("inside a word") << u"Flex"_s << QStringList{} << QStringList{tagged};
    QTest::newRow("the end of a word") << u"odels"_s << QStringList{} << QStringList{models};
    QTest::newRow("words in another order") << u"gpus a100"_s << QStringList{models} << QStringList{models};
    QTest::newRow("a tag name is not text") << u"hardware"_s << QStringList{} << QStringList{};
    QTest::newRow("percent is literal") << u"50%"_s << QStringList{percent} << QStringList{percent};
    QTest::newRow("underscore is literal") << u"a_b"_s << QStringList{percent} << QStringList{percent};
    QTest::newRow("backslash is literal") << u"c\\d"_s << QStringList{percent} << QStringList{percent};
    QTest::newRow("starting on punctuation") << u"-7B"_s << QStringList{tagged} << QStringList{tagged};
    QTest::newRow("no letters at all") << u"%"_s << QStringList{percent} << QStringList{percent};
    QTest::newRow("non-ASCII letters match as typed") << u"naïve"_s << QStringList{percent} << QStringList{percent};
    QTest::newRow("non-ASCII case does not fold") << u"CAFÉ"_s << QStringList{} << QStringList{};
}

void TestTextSearch::aSearchFindsTheTextWhereItMayBegin()
{
    QFETCH(QString, needle);
    QFETCH(QStringList, fromWordStart);
    QFETCH(QStringList, anywhere);
    QCOMPARE(m_store->search(needle).value(), fromWordStart);
    QCOMPARE(m_store->search(needle, TextMatch::Anywhere).value(), anywhere);
}

void TestTextSearch::theWordIndexFollowsEdits()
{
    QCOMPARE(m_store->search(u"DeepFlex"_s).value(), QStringList{u"tagged.txt"_s});
    QVERIFY_OK(m_store->setTaggedText(u"tagged.txt"_s, "Trained by <model>Zephyr-2</model>.", Schema::builtin(),
                                      m_checker, u"tester"_s));
    QCOMPARE(m_store->search(u"DeepFlex"_s).value(), QStringList{});
    QCOMPARE(m_store->search(u"Zephyr"_s).value(), QStringList{u"tagged.txt"_s});
    // And back: the old words are found again, the edit's are gone from the index.
    QVERIFY_OK(m_store->setTaggedText(u"tagged.txt"_s,
                                      "Trained on <hardware>NVIDIA A100 GPUs</hardware> by "
                                      "<model>DeepFlex-7B</model>.\n",
                                      Schema::builtin(), m_checker, u"tester"_s));
    QCOMPARE(m_store->search(u"Zephyr"_s).value(), QStringList{});
    QCOMPARE(m_store->search(u"DeepFlex"_s).value(), QStringList{u"tagged.txt"_s});
    RawStore raw(m_storePath);
    QCOMPARE(raw.value(u"SELECT COUNT(*) FROM plain_words WHERE plain_words MATCH 'zephyr'"_s).toInt(), 0);
}

void TestTextSearch::documentsGoneFromTheBatchAreNotFound()
{
    QVERIFY(QFile::remove(m_batch + u"/models.txt"_s));
    sync(*m_store);
    QCOMPARE(m_store->search(u"trained"_s).value(), (QStringList{u"percent.txt"_s, u"tagged.txt"_s}));
    QCOMPARE(m_store->search(u"rained"_s, TextMatch::Anywhere).value(),
             (QStringList{u"percent.txt"_s, u"tagged.txt"_s}));
}

void TestTextSearch::aSearchOfEveryTextStopsWhenCancelled()
{
    int asked = 0;
    const Expected<QStringList> stopped =
        m_store->search(u"rained"_s, TextMatch::Anywhere, [&asked] { return ++asked > 0; });
    QVERIFY(!stopped);
    QVERIFY2(stopped.error().message.contains(u"cancelled"_s), qPrintable(stopped.error().message));
    QVERIFY(asked > 0);
    const Expected<QStringList> finished = m_store->search(u"rained"_s, TextMatch::Anywhere, [] { return false; });
    QCOMPARE(finished.value().size(), 3);
}

QTEST_GUILESS_MAIN(TestTextSearch)
#include "tst_textsearch.moc"
