// Searching the plain texts of a store: from a word's start through the word index (SQLite FTS5),
// or inside words by reading every text. The index narrows, and decides alone only where its words
// are the search's (one ASCII word, a text whose words are all ASCII): every other hit is checked
// against the text, so both ways give exactly the documents whose text holds the search.
#include "sqlite/sqliteconnection.h"
#include "sqlite/sqlitesearch.h"
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
    void theLastWordIsAskedAsTheTermsThatBeginIt_data();
    void theLastWordIsAskedAsTheTermsThatBeginIt();
    void theIndexIsAskedForTheWholeTermsAWordBegins_data();
    void theIndexIsAskedForTheWholeTermsAWordBegins();
    void aWordManyTermsBeginIsAskedAsAPrefix();
    void aSearchFindsTheTextWhereItMayBegin_data();
    void aSearchFindsTheTextWhereItMayBegin();
    void theWordIndexFollowsEdits();
    void documentsGoneFromTheBatchAreNotFound();
    void aSearchOfEveryTextStopsWhenCancelled();
    void aSearchByKeyAsksTheStore();
    void oneAsciiWordIsWhatTheIndexAnswersAlone_data();
    void oneAsciiWordIsWhatTheIndexAnswersAlone();
    void theIndexIsExactForTextsWithoutTheCharactersItReadsOtherwise_data();
    void theIndexIsExactForTextsWithoutTheCharactersItReadsOtherwise();
    void everyCharacterOfAnExactTextIsSeenAsTheSearchSeesIt();
    void theIndexMayLackTheWordsOfTextsWithCharactersItJoins_data();
    void theIndexMayLackTheWordsOfTextsWithCharactersItJoins();
    void everyCharacterTheIndexJoinsAndTheSearchDoesNotIsListed();
    void aWordSearchReadsTheTextsWhoseWordsTheIndexMayLack_data();
    void aWordSearchReadsTheTextsWhoseWordsTheIndexMayLack();
    void theTextsWhoseWordsTheIndexMayLackFollowEdits();
    void aSchema12StoreListsTheTextsWhoseWordsTheIndexMayLackWhenOpened();
    void oneAsciiWordReadsOnlyTheTextsTheIndexMayAnswerWrongly();
    void theTextsToReadFollowEdits();
    void aSchema11StoreListsItsTextsToReadWhenOpened();

private:
    std::unique_ptr<ReviewStore> m_store;
    // The rowids of these documents' rows, ascending: what searchKeys() gives for them.
    QList<qint64> rowidsOf(const QStringList &ids) const;
    // The rowids the word index gives for an FTS5 query, ascending; {-1} when it refuses it.
    QList<qint64> indexRowids(const QString &match) const;
    // SqliteSearch::wordMatch() on the store: what its search asks the index.
    std::optional<QString> wordMatch(const QString &needle) const;
    // Closes the store, makes it what annorev left at that schema (the tables added since dropped),
    // and opens it again: whether it was migrated to this annorev's schema.
    bool reopenedAsSchema(int version, const QStringList &tablesSince);
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

void TestTextSearch::theLastWordIsAskedAsTheTermsThatBeginIt_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QStringList>("terms");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("query");
    QTest::newRow("one word, one term") << u"GPU"_s << QStringList{u"gpus"_s} << u"gpu"_s << u"\"gpus\""_s;
    QTest::newRow("one word, two terms") << u"GPU"_s << QStringList{u"gpus"_s, u"gpux"_s} << u"gpu"_s
                                         << u"(\"gpus\" OR \"gpux\")"_s;
    // FTS5 refuses a group after a phrase without an AND between them.
    QTest::newRow("words then a group") << u"a100 gpu"_s << QStringList{u"gpus"_s, u"gpu1"_s} << u"gpu"_s
                                        << u"\"a100\" AND (\"gpus\" OR \"gpu1\")"_s;
    QTest::newRow("words then a term") << u"a100 Gp"_s << QStringList{u"gpus"_s} << u"gp"_s
                                       << u"\"a100\" AND \"gpus\""_s;
    QTest::newRow("no terms: the prefix") << u"GPU"_s << QStringList{} << u"gpu"_s << u"\"GPU\"*"_s;
    QTest::newRow("ending on a separator: no prefix")
        << u"A100 GPUs."_s << QStringList{u"gpus"_s} << QString() << u"\"A100\" \"GPUs\""_s;
    QTest::newRow("a quote in a term is doubled") << u"x"_s << QStringList{u"x\"y"_s} << u"x"_s << u"\"x\"\"y\""_s;
    QTest::newRow("a word not ASCII keeps its prefix")
        << u"caf\u00e9"_s << QStringList{} << QString() << u"\"caf\u00e9\"*"_s;
}

void TestTextSearch::theLastWordIsAskedAsTheTermsThatBeginIt()
{
    QFETCH(QString, needle);
    QFETCH(QStringList, terms);
    QFETCH(QString, prefix);
    QFETCH(QString, query);
    const TextQuery search(needle, TextMatch::WordStart);
    QCOMPARE(search.asciiPrefixWord(), prefix);
    QCOMPARE(search.wordQuery(terms), query);
    QCOMPARE(TextQuery(needle, TextMatch::Anywhere).wordQuery(terms), QString());
    QCOMPARE(TextQuery(needle, TextMatch::Anywhere).asciiPrefixWord(), QString());
}

void TestTextSearch::theIndexIsAskedForTheWholeTermsAWordBegins_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<std::optional<QString>>("match");
    QTest::addColumn<QStringList>("found");
    const QString models = u"models.txt"_s, percent = u"percent.txt"_s, tagged = u"tagged.txt"_s;
    QTest::newRow("one term") << u"GPU"_s << std::optional(u"\"gpus\""_s) << QStringList{models, tagged};
    QTest::newRow("several terms, in the index's order")
        << u"A"_s << std::optional(u"(\"a\" OR \"a100\" OR \"and\" OR \"axb\")"_s)
        << QStringList{models, percent, tagged};
    QTest::newRow("whole words then a term")
        << u"a100 gp"_s << std::optional(u"\"a100\" AND \"gpus\""_s) << QStringList{tagged};
    QTest::newRow("whole words then several terms")
        << u"on t"_s << std::optional(u"\"on\" AND (\"the\" OR \"tpus\" OR \"trained\")"_s) << QStringList{models};
    QTest::newRow("a digit last") << u"a1"_s << std::optional(u"\"a100\""_s) << QStringList{models, tagged};
    QTest::newRow("no term begins so: nothing can match") << u"gpx"_s << std::optional<QString>() << QStringList{};
    QTest::newRow("ending on a separator: whole words") << u"GPUs."_s << std::optional(u"\"GPUs\""_s) << QStringList{};
    QTest::newRow("not ASCII: the prefix")
        << u"caf\u00e9"_s << std::optional(u"\"caf\u00e9\"*"_s) << QStringList{percent};
}

void TestTextSearch::theIndexIsAskedForTheWholeTermsAWordBegins()
{
    QFETCH(QString, needle);
    QFETCH(std::optional<QString>, match);
    QFETCH(QStringList, found);
    QCOMPARE(wordMatch(needle), match);
    // The index takes the query, and gives for it what it gives for the prefix.
    const QString prefixQuery = TextQuery(needle, TextMatch::WordStart).wordQuery();
    QVERIFY(!indexRowids(prefixQuery).contains(-1));
    QCOMPARE(match ? indexRowids(*match) : QList<qint64>(), indexRowids(prefixQuery));
    // And the search finds the documents whose text holds it, by id and by key.
    QCOMPARE(m_store->search(needle).value(), found);
    QCOMPARE(m_store->searchKeys(needle).value(), rowidsOf(found));
}

void TestTextSearch::aWordManyTermsBeginIsAskedAsAPrefix()
{
    QByteArray words;
    for (int i = 1; i <= 17; ++i) {
        words += "q" + QByteArray::number(i) + ' ';
    }
    writeFile(m_batch + u"/many.txt"_s, words + '\n');
    writeFile(m_batch + u"/some.txt"_s, "qa qb qc.\n");
    sync(*m_store);
    // 17 terms begin with "q", more than are asked whole; 16 with "q1".
    QCOMPARE(wordMatch(u"q"_s), std::optional(u"\"q\"*"_s));
    const std::optional<QString> q1 = wordMatch(u"q1"_s);
    QVERIFY(q1 && q1->startsWith(u"(\"q1\" OR \"q10\""_s));
    QCOMPARE(q1->count(u" OR "_s), 8);
    QCOMPARE(indexRowids(*q1), indexRowids(u"\"q1\"*"_s));
    QCOMPARE(m_store->search(u"q"_s).value(), (QStringList{u"many.txt"_s, u"some.txt"_s}));
    QCOMPARE(m_store->searchKeys(u"q1"_s).value(), rowidsOf({u"many.txt"_s}));
    // A search that is cancelled stops, by key too.
    const Expected<QList<qint64>> stopped = m_store->searchKeys(u"q"_s, TextMatch::WordStart, [] { return true; });
    QVERIFY(!stopped);
    QVERIFY2(stopped.error().message.contains(u"cancelled"_s), qPrintable(stopped.error().message));
}

std::optional<QString> TestTextSearch::wordMatch(const QString &needle) const
{
    Expected<std::unique_ptr<SqliteConnection>> connection = SqliteConnection::open(m_storePath);
    if (!connection) {
        qWarning("%s", qPrintable(connection.error().message));
        return u"(the store did not open)"_s;
    }
    return SqliteSearch::wordMatch(**connection, TextQuery(needle, TextMatch::WordStart));
}

QList<qint64> TestTextSearch::indexRowids(const QString &match) const
{
    RawStore raw(m_storePath);
    QSqlQuery q = raw.query();
    q.prepare(u"SELECT rowid FROM plain_words WHERE plain_words MATCH ? ORDER BY rowid"_s);
    q.addBindValue(match);
    if (!q.exec()) {
        return {-1};
    }
    QList<qint64> rowids;
    while (q.next()) {
        rowids.append(q.value(0).toLongLong());
    }
    return rowids;
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
    // By key, the same documents: the rowids of their rows, ascending.
    QCOMPARE(m_store->searchKeys(needle).value(), rowidsOf(fromWordStart));
    QCOMPARE(m_store->searchKeys(needle, TextMatch::Anywhere).value(), rowidsOf(anywhere));
}

QList<qint64> TestTextSearch::rowidsOf(const QStringList &ids) const
{
    RawStore raw(m_storePath);
    QList<qint64> rowids;
    for (const QString &id : ids) {
        QSqlQuery q = raw.query();
        q.prepare(u"SELECT rowid FROM documents WHERE id = ?"_s);
        q.addBindValue(id);
        rowids.append(q.exec() && q.next() ? q.value(0).toLongLong() : -1);
    }
    std::sort(rowids.begin(), rowids.end());
    return rowids;
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
    QCOMPARE(m_store->searchKeys(u"trained"_s).value(), rowidsOf({u"percent.txt"_s, u"tagged.txt"_s}));
    QCOMPARE(m_store->searchKeys(u"trained on"_s).value(), rowidsOf({u"percent.txt"_s, u"tagged.txt"_s}));
}

void TestTextSearch::aSearchByKeyAsksTheStore()
{
    QVERIFY(m_store->hasDocumentKeys());
    // A word the index decides for (the text made to say otherwise is not read), and by key too.
    {
        RawStore raw(m_storePath);
        QSqlQuery q = raw.query();
        QVERIFY(q.exec(u"UPDATE facts SET plain_text = x'00' || CAST('Nothing here.' AS BLOB)"
                       " WHERE document_id = 'models.txt'"_s));
    }
    QCOMPARE(m_store->searchKeys(u"TPU"_s).value(), rowidsOf({u"models.txt"_s}));
    QCOMPARE(m_store->searchKeys(u"TPUs;"_s).value(), QList<qint64>{});
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

void TestTextSearch::oneAsciiWordIsWhatTheIndexAnswersAlone_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<int>("match");
    QTest::addColumn<bool>("oneAsciiWord");
    const int wordStart = int(TextMatch::WordStart), anywhere = int(TextMatch::Anywhere);
    QTest::newRow("a word") << u"GPU"_s << wordStart << true;
    QTest::newRow("letters and digits") << u"a100"_s << wordStart << true;
    QTest::newRow("a digit first") << u"7B"_s << wordStart << true;
    QTest::newRow("inside words") << u"GPU"_s << anywhere << false;
    QTest::newRow("two words") << u"A100 GPUs"_s << wordStart << false;
    QTest::newRow("a word then punctuation") << u"GPU."_s << wordStart << false;
    QTest::newRow("a space first") << u" GPU"_s << wordStart << false;
    QTest::newRow("a letter outside ASCII") << u"café"_s << wordStart << false;
    QTest::newRow("the Kelvin sign") << u"\u212Am"_s << wordStart << false;
    QTest::newRow("empty") << QString() << wordStart << false;
}

void TestTextSearch::oneAsciiWordIsWhatTheIndexAnswersAlone()
{
    QFETCH(QString, needle);
    QFETCH(int, match);
    QFETCH(bool, oneAsciiWord);
    QCOMPARE(TextQuery(needle, TextMatch(match)).isOneAsciiWord(), oneAsciiWord);
}

void TestTextSearch::theIndexIsExactForTextsWithoutTheCharactersItReadsOtherwise_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("exact");
    QTest::newRow("ASCII") << u"Trained on 512 GPUs; 21 days (A100-80GB)."_s << true;
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("typographic punctuation and symbols")
        << u"\u201CDeep\u201D \u2013 4\u00D78 \u00B1 2\u00B0, 10\u00A0GPUs \u2026 \u20AC5"_s << true;
    QTest::newRow("accented, Greek and CJK letters") << u"na\u00EFve Z\u00FCrich \u03B21 \u6A21\u578B"_s << true;
    QTest::newRow("an emoji, outside the BMP") << u"fast \U0001F600 model"_s << true;
    QTest::newRow("a combining acute") << u"cafe\u0301s"_s << true;
    QTest::newRow("a symbol newer than unicode61's tables") << u"\u058DGPU"_s << true;
    QTest::newRow("the Kelvin sign, k to unicode61") << u"300 \u212Am"_s << false;
    QTest::newRow("long s, s to unicode61") << u"Cla\u017Fs"_s << false;
    QTest::newRow("a New Tai Lue vowel sign, a separator to unicode61") << u"a\u19B0gpu"_s << false;
    QTest::newRow("the last New Tai Lue one") << u"a\u19C9gpu"_s << false;
    QTest::newRow("a Vedic sign") << u"a\u1CF3gpu"_s << false;
    QTest::newRow("after a long ASCII text") << QString(u"abcdefgh"_s.repeated(40) + u"\u212A"_s) << false;
    QTest::newRow("beside the New Tai Lue ones") << u"\u19AF\u19C1\u19C7\u19CA\u1CF1\u1CF4\u212B"_s << true;
}

void TestTextSearch::theIndexIsExactForTextsWithoutTheCharactersItReadsOtherwise()
{
    QFETCH(QString, text);
    QFETCH(bool, exact);
    QCOMPARE(TextQuery::wordIndexIsExact(text), exact);
}

namespace {

// Every code point from U+0080 on (surrogates apart) between two z's, each in a row of its own
// (the rowid), through this SQLite's unicode61 with the store's options: the code points the
// index keeps inside one word with the z's, and that word. Made once for the tests that read it.
const QHash<char32_t, QString> &wordsOfEveryCodePoint()
{
    static const QHash<char32_t, QString> joined = [] {
        SqlFile memory(u":memory:"_s);
        QSqlQuery q = memory.query();
        QHash<char32_t, QString> words;
        if (!q.exec(u"CREATE VIRTUAL TABLE words USING fts5(plain_text, tokenize='unicode61 remove_diacritics 0')"_s) ||
            !q.exec(u"CREATE VIRTUAL TABLE terms USING fts5vocab(words, 'instance')"_s) ||
            !memory.query().exec(u"BEGIN"_s) || !q.prepare(u"INSERT INTO words (rowid, plain_text) VALUES (?, ?)"_s)) {
            return words;
        }
        for (char32_t codePoint = 0x80; codePoint <= 0x10FFFF; ++codePoint) {
            if (QChar::isSurrogate(codePoint)) {
                continue;
            }
            // Not QString::fromUcs4(), which drops U+FEFF as a byte order mark.
            q.addBindValue(qint64(codePoint));
            q.addBindValue(QString(u'z' + QStringView(QChar::fromUcs4(codePoint)) + u'z'));
            if (!q.exec()) {
                return words;
            }
        }
        if (!memory.query().exec(u"COMMIT"_s) ||
            !q.exec(u"SELECT doc, MIN(term) FROM terms GROUP BY doc HAVING COUNT(*) = 1"_s)) {
            return words;
        }
        while (q.next()) {
            words.insert(char32_t(q.value(0).toLongLong()), q.value(1).toString());
        }
        return words;
    }();
    return joined;
}

} // namespace

void TestTextSearch::everyCharacterOfAnExactTextIsSeenAsTheSearchSeesIt()
{
    // Where wordIndexIsExact() takes the index's word for a search of one ASCII word, the index
    // must not fold the character to ASCII (or drop it), and must not split a word at a character
    // the search takes for part of it.
    const QHash<char32_t, QString> &joined = wordsOfEveryCodePoint();
    QVERIFY2(joined.size() > 100000, qPrintable(QString::number(joined.size())));
    // Code points unassigned in Qt's Unicode are no letter to the search.
    const auto assigned = [](char32_t codePoint) {
        return !QChar::isSurrogate(codePoint) && QChar::category(codePoint) != QChar::Other_NotAssigned;
    };
    QStringList foldedToAscii, splitInsideWords;
    for (char32_t codePoint = 0x80; codePoint <= 0x10FFFF; ++codePoint) {
        const QString character = QStringView(QChar::fromUcs4(codePoint)).toString();
        if (!assigned(codePoint) || !TextQuery::wordIndexIsExact(character)) {
            continue;
        }
        const auto word = joined.constFind(codePoint);
        const QString name = u"U+"_s + QString::number(quint32(codePoint), 16).toUpper();
        if (word != joined.cend() &&
            std::all_of(word->cbegin(), word->cend(), [](QChar c) { return c.unicode() < 0x80; })) {
            foldedToAscii.append(name);
        }
        if (word == joined.cend() && TextQuery::isWordCharacter(codePoint)) {
            splitInsideWords.append(name);
        }
    }
    QVERIFY2(foldedToAscii.isEmpty(), qPrintable(u"folded to ASCII by unicode61: "_s + foldedToAscii.join(u", ")));
    QVERIFY2(splitInsideWords.isEmpty(),
             qPrintable(u"separators to unicode61, parts of words to the search: "_s + splitInsideWords.join(u", ")));
}

void TestTextSearch::theIndexMayLackTheWordsOfTextsWithCharactersItJoins_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("mayLack");
    QTest::newRow("ASCII") << u"Trained on 512 GPUs; 21 days (A100-80GB)."_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("composed accents, Greek and CJK letters")
        << u"na\u00EFve Z\u00FCrich \u03B21 \u6A21\u578B"_s << false;
    QTest::newRow("typographic punctuation and symbols")
        << u"\u201CDeep\u201D \u2013 4\u00D78 \u00B1 2\u00B0, 10\u00A0GPUs \u2026 \u20AC5"_s << false;
    QTest::newRow("an emoji unicode61 knows") << u"fast \U0001F600 model"_s << false;
    QTest::newRow("a decomposed umlaut") << u"Zu\u0308rich"_s << true;
    QTest::newRow("a combining acute") << u"cafe\u0301s"_s << true;
    QTest::newRow("a combining mark unicode61 splits at") << u"a\u0305b"_s << false;
    QTest::newRow("a symbol newer than unicode61's tables") << u"\u058DGPU"_s << true;
    QTest::newRow("an emoji newer than unicode61's tables") << u"the \U0001F916GPT model"_s << true;
    QTest::newRow("a code point no Unicode assigns") << u"a\U0003FFFDb"_s << true;
    QTest::newRow("after a long ASCII text") << QString(u"abcdefgh"_s.repeated(40) + u"\u0301"_s) << true;
    QTest::newRow("a lone surrogate") << QString(u"ab"_s + QChar(0xD83E) + u"cd"_s) << false;
}

void TestTextSearch::theIndexMayLackTheWordsOfTextsWithCharactersItJoins()
{
    QFETCH(QString, text);
    QFETCH(bool, mayLack);
    QCOMPARE(TextQuery::wordIndexMayLackWords(text), mayLack);
}

void TestTextSearch::everyCharacterTheIndexJoinsAndTheSearchDoesNotIsListed()
{
    // A code point the index keeps inside a word and the search takes for a separator makes the
    // index lack the search's words: a text holding one must be read on every word search. The
    // list (IndexWordJoiners) must be exactly these, assigned in Qt's Unicode or not.
    const QHash<char32_t, QString> &joined = wordsOfEveryCodePoint();
    QVERIFY2(joined.size() > 100000, qPrintable(QString::number(joined.size())));
    QStringList unlisted, listedWrongly;
    for (char32_t codePoint = 0x80; codePoint <= 0x10FFFF; ++codePoint) {
        if (QChar::isSurrogate(codePoint)) {
            continue;
        }
        const bool joins = joined.contains(codePoint) && !TextQuery::isWordCharacter(codePoint);
        const bool listed = TextQuery::wordIndexMayLackWords(QStringView(QChar::fromUcs4(codePoint)));
        const QString name = u"U+"_s + QString::number(quint32(codePoint), 16).toUpper();
        if (joins && !listed) {
            unlisted.append(name);
        } else if (listed && !joins) {
            listedWrongly.append(name);
        }
    }
    QVERIFY2(unlisted.isEmpty(), qPrintable(u"joined by unicode61, separators to the search, not listed: "_s +
                                            unlisted.mid(0, 200).join(u", ")));
    QVERIFY2(listedWrongly.isEmpty(),
             qPrintable(u"listed, but not joined by unicode61 alone: "_s + listedWrongly.mid(0, 200).join(u", ")));
}

void TestTextSearch::aWordSearchReadsTheTextsWhoseWordsTheIndexMayLack_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QStringList>("found");
    const QString decomposed = u"decomposed.txt"_s, robot = u"robot.txt"_s, models = u"models.txt"_s;
    QTest::newRow("a word after a decomposed accent") << u"rich"_s << QStringList{decomposed};
    QTest::newRow("the text copied from the document") << u"in Zu\u0308rich"_s << QStringList{decomposed};
    QTest::newRow("the start of that word") << u"Zu"_s << QStringList{decomposed};
    QTest::newRow("one ASCII word after a newer emoji") << u"GPT"_s << QStringList{robot};
    QTest::newRow("a prefix of it") << u"gp"_s << QStringList{models, robot, u"tagged.txt"_s};
    QTest::newRow("words across it") << u"the \U0001F916GPT"_s << QStringList{robot};
    QTest::newRow("a word no text holds") << u"Bern"_s << QStringList{};
    QTest::newRow("inside that word, not found") << u"PT"_s << QStringList{};
}

void TestTextSearch::aWordSearchReadsTheTextsWhoseWordsTheIndexMayLack()
{
    QFETCH(QString, needle);
    QFETCH(QStringList, found);
    writeFile(m_batch + u"/decomposed.txt"_s, "Trained in Zu\xcc\x88rich on TPUs.\n");
    writeFile(m_batch + u"/robot.txt"_s, "Meet the \xf0\x9f\xa4\x96GPT model.\n");
    sync(*m_store);
    QCOMPARE(m_store->search(needle).value(), found);
    QCOMPARE(m_store->searchKeys(needle).value(), rowidsOf(found));
    // Inside words, every text is read: the same documents at least.
    const QStringList anywhere = m_store->search(needle, TextMatch::Anywhere).value();
    for (const QString &id : found) {
        QVERIFY2(anywhere.contains(id), qPrintable(id));
    }
}

void TestTextSearch::oneAsciiWordReadsOnlyTheTextsTheIndexMayAnswerWrongly()
{
    // The Kelvin sign folds to k in the index: "km" is its word there, not the text's.
    writeFile(m_batch + u"/kelvin.txt"_s, "Cooled to 4 \xe2\x84\xaam below.\n");
    sync(*m_store);
    QCOMPARE(m_store->search(u"km"_s).value(), QStringList{});
    QCOMPARE(m_store->search(u"KM"_s, TextMatch::Anywhere).value(), QStringList{});
    {
        // A text whose words are all ASCII is not read for one ASCII word: the index's words are
        // taken, even where the stored text (here made to say something else) no longer has them.
        // A search of two words reads it.
        RawStore raw(m_storePath);
        QSqlQuery q = raw.query();
        QVERIFY(q.exec(u"UPDATE facts SET plain_text = x'00' || CAST('Nothing here.' AS BLOB)"
                       " WHERE document_id = 'models.txt'"_s));
    }
    QCOMPARE(m_store->search(u"trained"_s).value(), (QStringList{u"models.txt"_s, u"percent.txt"_s, u"tagged.txt"_s}));
    QCOMPARE(m_store->search(u"TPU"_s).value(), QStringList{u"models.txt"_s});
    QCOMPARE(m_store->search(u"trained on"_s).value(), (QStringList{u"percent.txt"_s, u"tagged.txt"_s}));
    QCOMPARE(m_store->search(u"nothing"_s).value(), QStringList{});
}

namespace {

// The ids of the documents one of the store's lists of texts to read holds: inexact_words (a search
// of one ASCII word reads them) or unindexed_words (every word search reads them).
QStringList listedIn(const QString &storePath, const QString &table)
{
    SqlFile raw(storePath);
    QSqlQuery q = raw.query();
    QStringList ids;
    if (q.exec(u"SELECT d.id FROM "_s + table + u" n JOIN documents d ON d.rowid = n.document ORDER BY d.id"_s)) {
        while (q.next()) {
            ids.append(q.value(0).toString());
        }
    }
    return ids;
}

} // namespace

void TestTextSearch::theTextsToReadFollowEdits()
{
    QCOMPARE(listedIn(m_storePath, u"inexact_words"_s), QStringList{});
    QVERIFY_OK(m_store->setTaggedText(u"tagged.txt"_s, "Cooled to 4 \xe2\x84\xaam by <model>Frost</model>.",
                                      Schema::builtin(), m_checker, u"tester"_s));
    QCOMPARE(listedIn(m_storePath, u"inexact_words"_s), QStringList{u"tagged.txt"_s});
    QCOMPARE(m_store->search(u"km"_s).value(), QStringList{});
    QVERIFY_OK(m_store->setTaggedText(u"tagged.txt"_s, "Cooled to 4 km by <model>Frost</model>.", Schema::builtin(),
                                      m_checker, u"tester"_s));
    QCOMPARE(listedIn(m_storePath, u"inexact_words"_s), QStringList{});
    QCOMPARE(m_store->search(u"km"_s).value(), QStringList{u"tagged.txt"_s});
}

void TestTextSearch::theTextsWhoseWordsTheIndexMayLackFollowEdits()
{
    const QString unindexed = u"unindexed_words"_s;
    QCOMPARE(listedIn(m_storePath, unindexed), QStringList{});
    QVERIFY_OK(m_store->setTaggedText(u"tagged.txt"_s, "Trained in Zu\xcc\x88rich by <model>Frost</model>.",
                                      Schema::builtin(), m_checker, u"tester"_s));
    QCOMPARE(listedIn(m_storePath, unindexed), QStringList{u"tagged.txt"_s});
    QCOMPARE(m_store->search(u"rich"_s).value(), QStringList{u"tagged.txt"_s});
    QVERIFY_OK(m_store->setTaggedText(u"tagged.txt"_s, "Trained in Bern by <model>Frost</model>.", Schema::builtin(),
                                      m_checker, u"tester"_s));
    QCOMPARE(listedIn(m_storePath, unindexed), QStringList{});
    QCOMPARE(m_store->search(u"rich"_s).value(), QStringList{});
    QCOMPARE(m_store->search(u"Bern"_s).value(), QStringList{u"tagged.txt"_s});
}

bool TestTextSearch::reopenedAsSchema(int version, const QStringList &tablesSince)
{
    m_store.reset();
    {
        RawStore raw(m_storePath);
        QSqlQuery q = raw.query();
        for (const QString &table : tablesSince) {
            if (!q.exec(u"DROP TABLE "_s + table)) {
                return false;
            }
        }
        if (!q.exec(u"UPDATE meta SET value = '"_s + QString::number(version) + u"' WHERE key = 'schema_version'"_s)) {
            return false;
        }
    }
    m_store = openStore();
    return m_store &&
           RawStore(m_storePath).value(u"SELECT value FROM meta WHERE key = 'schema_version'"_s).toString() ==
               QString::number(ReviewStore::schemaVersion);
}

void TestTextSearch::aSchema12StoreListsTheTextsWhoseWordsTheIndexMayLackWhenOpened()
{
    writeFile(m_batch + u"/decomposed.txt"_s, "Trained in Zu\xcc\x88rich on TPUs.\n");
    sync(*m_store);
    QVERIFY(reopenedAsSchema(12, {u"unindexed_words"_s}));
    QCOMPARE(listedIn(m_storePath, u"unindexed_words"_s), QStringList{u"decomposed.txt"_s});
    QCOMPARE(m_store->search(u"rich"_s).value(), QStringList{u"decomposed.txt"_s});
}

void TestTextSearch::aSchema11StoreListsItsTextsToReadWhenOpened()
{
    writeFile(m_batch + u"/kelvin.txt"_s, "Cooled to 4 \xe2\x84\xaam below.\n");
    sync(*m_store);
    QVERIFY(reopenedAsSchema(11, {u"inexact_words"_s, u"unindexed_words"_s}));
    QCOMPARE(listedIn(m_storePath, u"inexact_words"_s), QStringList{u"kelvin.txt"_s});
    QCOMPARE(m_store->search(u"km"_s).value(), QStringList{});
    QCOMPARE(m_store->search(u"trained"_s).value().size(), 3);
}

QTEST_GUILESS_MAIN(TestTextSearch)
#include "tst_textsearch.moc"
