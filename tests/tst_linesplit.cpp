#include "filebytes.h"
#include "linesplit.h"

#include <QTemporaryFile>
#include <QTest>

#include <random>

using namespace annorev;
using namespace Qt::StringLiterals;

namespace {

// The lines splitLines() finds in a file holding bytes, as text, each with its offset.
QStringList linesOf(const QByteArray &bytes, qint64 from, int parts)
{
    QTemporaryFile file;
    if (!file.open() || file.write(bytes) != bytes.size() || !file.flush()) {
        qFatal("cannot write a temporary file");
    }
    const Expected<std::vector<LineRange>> lines = splitLines(FileBytes(file.handle(), bytes.size()), from, parts);
    if (!lines) {
        return {u"error: "_s + lines.error().message};
    }
    QStringList out;
    for (const LineRange &line : *lines) {
        out << QString::number(line.begin) + u':' + QString::fromUtf8(bytes.mid(line.begin, line.length));
    }
    return out;
}

} // namespace

class TestLineSplit : public QObject
{
    Q_OBJECT

private slots:
    void linesAreFoundWithoutTheirEnds_data();
    void linesAreFoundWithoutTheirEnds();
    void aFileSharedAmongPartsGivesTheSameLinesInOrder_data();
    void aFileSharedAmongPartsGivesTheSameLinesInOrder();
    void aLineEndSplitBetweenTwoBlocksReadIsStillOneEnd();
    void aFileThatCannotBeReadIsAnError();
};

void TestLineSplit::linesAreFoundWithoutTheirEnds_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<int>("from");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("empty file") << QByteArray() << 0 << QStringList();
    QTest::addRow("a final newline ends the last line, it starts none")
        << QByteArray("a\nbc\n") << 0 << QStringList{u"0:a"_s, u"2:bc"_s};
    QTest::addRow("a last line without a newline is a line")
        << QByteArray("a\nbc") << 0 << QStringList{u"0:a"_s, u"2:bc"_s};
    QTest::addRow("CRLF: the carriage return is not part of the line")
        << QByteArray("a\r\nb\r\n") << 0 << QStringList{u"0:a"_s, u"3:b"_s};
    QTest::addRow("a lone carriage return inside a line stays")
        << QByteArray("a\rb\n") << 0 << QStringList{u"0:a\rb"_s};
    QTest::addRow("blank lines are lines") << QByteArray("\n\nx\n") << 0 << QStringList{u"0:"_s, u"1:"_s, u"2:x"_s};
    QTest::addRow("bytes before `from` (a byte-order mark) are skipped")
        << QByteArray("\xef\xbb\xbfx\ny") << 3 << QStringList{u"3:x"_s, u"5:y"_s};
}

void TestLineSplit::linesAreFoundWithoutTheirEnds()
{
    QFETCH(QByteArray, file);
    QFETCH(int, from);
    QFETCH(QStringList, expected);
    for (int parts : {1, 2, 3}) {
        QCOMPARE(linesOf(file, from, parts), expected);
    }
}

void TestLineSplit::aFileSharedAmongPartsGivesTheSameLinesInOrder_data()
{
    QTest::addColumn<QByteArray>("file");

    std::mt19937 random(7);
    QByteArray mixed;
    for (int i = 0; i < 2000; ++i) {
        const int length = std::uniform_int_distribution<int>(0, i % 97 == 0 ? 5000 : 60)(random);
        mixed += QByteArray(length, char('a' + i % 26));
        mixed += (i % 3 == 0) ? "\r\n" : "\n";
    }
    QTest::addRow("short, blank and long lines, LF and CRLF") << mixed;
    QTest::addRow("no final newline") << mixed + "tail";
    QTest::addRow("one line longer than every share") << QByteArray("a\n") + QByteArray(100000, 'x') + "\nb\n";
    QTest::addRow("lines across the 1 MiB blocks read, CRLF split between two")
        << QByteArray(1024 * 1024 - 1, 'x') + "\r\n" + QByteArray(1024 * 1024 - 2, 'y') + "\n\nz\r";
    QTest::addRow("only newlines") << QByteArray(1000, '\n');
    QTest::addRow("no newline at all") << QByteArray(1000, 'z');
}

void TestLineSplit::aFileSharedAmongPartsGivesTheSameLinesInOrder()
{
    QFETCH(QByteArray, file);
    // One part reads the file start to end, as a plain loop would.
    const QStringList whole = linesOf(file, 0, 1);
    QCOMPARE(whole.size(), qsizetype(file.count('\n') + (file.endsWith('\n') || file.isEmpty() ? 0 : 1)));
    for (int parts : {2, 3, 7, 64}) {
        QCOMPARE(linesOf(file, 0, parts), whole);
    }
}

// The file is read a mebibyte at a time: a "\r\n" whose '\r' ends one block still ends its line.
void TestLineSplit::aLineEndSplitBetweenTwoBlocksReadIsStillOneEnd()
{
    constexpr qsizetype block = 1024 * 1024;
    const QByteArray bytes = QByteArray(block - 1, 'x') + "\r\n" + QByteArray(block - 3, 'y') + "\r\nz\r";
    const QStringList lines = linesOf(bytes, 0, 1);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), u"0:"_s + QString(block - 1, u'x'));
    QCOMPARE(lines.at(1), QString::number(block + 1) + u':' + QString(block - 3, u'y'));
    QCOMPARE(lines.at(2), QString::number(2 * block) + u":z"_s);
    for (int parts : {2, 3}) {
        QCOMPARE(linesOf(bytes, 0, parts), lines);
    }
}

// A file shorter than it was said to be (it changed after it was measured) is an error, not a
// crash and not fewer lines.
void TestLineSplit::aFileThatCannotBeReadIsAnError()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    QCOMPARE(file.write("a\nb\n"), 4);
    QVERIFY(file.flush());
    for (int parts : {1, 2}) {
        const Expected<std::vector<LineRange>> lines = splitLines(FileBytes(file.handle(), 4000), 0, parts);
        QVERIFY(!lines);
        QCOMPARE(lines.error().message, u"cannot read: the file got shorter while it was read"_s);
    }
}

QTEST_GUILESS_MAIN(TestLineSplit)
#include "tst_linesplit.moc"
