#include "seenids.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace annorev;

namespace {

struct Read
{
    QString id;
    QString path;
    int line = 0;
};

// Adds the reads in order; the errors of those refused, as "path:line: message".
QStringList refusals(SeenIds &seen, const QList<Read> &reads)
{
    QStringList errors;
    for (const Read &read : reads) {
        if (const auto error = seen.add(read.id, SeenIds::hash(read.id), read.path, read.line)) {
            errors.append(u"%1:%2: %3"_s.arg(error->path).arg(error->line).arg(error->message));
        }
    }
    return errors;
}

QString numberedId(int n)
{
    return u"doc-"_s + QString::number(n);
}

} // namespace

Q_DECLARE_METATYPE(Read)

class TestSeenIds : public QObject
{
    Q_OBJECT

private slots:
    void repeatedIdIsRefusedNamingTheFirst_data();
    void repeatedIdIsRefusedNamingTheFirst();
    void everyIdIsFoundAgainAfterTheTableGrowsOrIsReserved_data();
    void everyIdIsFoundAgainAfterTheTableGrowsOrIsReserved();
};

void TestSeenIds::repeatedIdIsRefusedNamingTheFirst_data()
{
    QTest::addColumn<QList<Read>>("reads");
    QTest::addColumn<QStringList>("expected");

    const QString jsonl = u"batch.jsonl"_s;
    QTest::addRow("distinct ids") << QList<Read>{{u"a"_s, jsonl, 1}, {u"b"_s, jsonl, 2}, {u"c"_s, jsonl, 3}}
                                  << QStringList();
    QTest::addRow("JSON Lines: the first line is named")
        << QList<Read>{{u"a"_s, jsonl, 1}, {u"b"_s, jsonl, 2}, {u"a"_s, jsonl, 3}, {u"a"_s, jsonl, 4}}
        << QStringList{u"batch.jsonl:3: duplicate id \"a\" (first at line 1): skipped"_s,
                       u"batch.jsonl:4: duplicate id \"a\" (first at line 1): skipped"_s};
    QTest::addRow("files: the first file is named")
        << QList<Read>{{u"x"_s, u"one.txt"_s, 0}, {u"y"_s, u"two.txt"_s, 0}, {u"x"_s, u"three.txt"_s, 0}}
        << QStringList{u"three.txt:0: duplicate id \"x\" (first at one.txt): skipped"_s};
    QTest::addRow("a second JSON Lines file names the line in the first")
        << QList<Read>{{u"a"_s, u"one.jsonl"_s, 7}, {u"a"_s, u"two.jsonl"_s, 2}}
        << QStringList{u"two.jsonl:2: duplicate id \"a\" (first at line 7): skipped"_s};
    QTest::addRow("ids are compared whole, case and white space included")
        << QList<Read>{{u"doc-1"_s, jsonl, 1},   {u"doc-10"_s, jsonl, 2}, {u"Doc-1"_s, jsonl, 3},
                       {u"doc-1 "_s, jsonl, 4},  {u"doc-"_s, jsonl, 5},   {u"d\u00F6c-1"_s, jsonl, 6},
                       {u"d\u00F6c-1"_s, jsonl, 7}}
        << QStringList{u"batch.jsonl:7: duplicate id \"d\u00F6c-1\" (first at line 6): skipped"_s};
}

void TestSeenIds::repeatedIdIsRefusedNamingTheFirst()
{
    QFETCH(QList<Read>, reads);
    QFETCH(QStringList, expected);

    SeenIds seen;
    QCOMPARE(refusals(seen, reads), expected);
}

void TestSeenIds::everyIdIsFoundAgainAfterTheTableGrowsOrIsReserved_data()
{
    QTest::addColumn<int>("reserveFirst");
    QTest::addColumn<int>("reserveAfterHalf");
    QTest::addRow("the table starts small and doubles") << 0 << 0;
    QTest::addRow("room for every id at the start") << 20000 << 0;
    QTest::addRow("room for a few at the start, then it doubles") << 300 << 0;
    QTest::addRow("room for every id once half are in") << 0 << 20000;
    QTest::addRow("room for fewer than are in: nothing lost") << 5000 << 10;
}

// Ids added before each growth or reservation are still found after it.
void TestSeenIds::everyIdIsFoundAgainAfterTheTableGrowsOrIsReserved()
{
    QFETCH(int, reserveFirst);
    QFETCH(int, reserveAfterHalf);
    constexpr int count = 20000;
    SeenIds seen;
    seen.reserve(reserveFirst);
    const QString path = u"batch.jsonl"_s;
    for (int n = 1; n <= count; ++n) {
        if (n == count / 2) {
            seen.reserve(reserveAfterHalf);
        }
        const QString id = numberedId(n);
        QVERIFY2(!seen.add(id, SeenIds::hash(id), path, n), qPrintable(id));
    }
    QCOMPARE(seen.size(), count);
    for (int n = 1; n <= count; ++n) {
        const QString id = numberedId(n);
        const auto error = seen.add(id, SeenIds::hash(id), path, count + n);
        QVERIFY2(error, qPrintable(id));
        QCOMPARE(error->message, u"duplicate id \"%1\" (first at line %2): skipped"_s.arg(id).arg(n));
    }
    QCOMPARE(seen.size(), count);
}

QTEST_GUILESS_MAIN(TestSeenIds)
#include "tst_seenids.moc"
