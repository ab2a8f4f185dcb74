#include "filebytes.h"

#include <QTemporaryFile>
#include <QTest>
#include <QtConcurrentMap>

#include <memory>
#include <random>

using namespace annorev;
using namespace Qt::StringLiterals;

namespace {

// A file of `size` bytes whose byte at offset i is i's own pattern, so a range read from the wrong
// place shows.
QByteArray patterned(qsizetype size, int seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i) {
        bytes[i] = char('A' + (i * 7 + seed) % 53);
    }
    return bytes;
}

std::unique_ptr<QTemporaryFile> fileHolding(const QByteArray &bytes)
{
    auto file = std::make_unique<QTemporaryFile>();
    if (!file->open() || file->write(bytes) != bytes.size() || !file->flush()) {
        qFatal("cannot write a temporary file");
    }
    return file;
}

} // namespace

class TestFileBytes : public QObject
{
    Q_OBJECT

private slots:
    void aRangeReadIsTheFilesBytesWithRoomAfterIt_data();
    void aRangeReadIsTheFilesBytesWithRoomAfterIt();
    void twoFilesReadInTurnEachGiveTheirOwnBytes();
    void aRangeTheFileNoLongerHoldsIsAnErrorSayingSo();
    void threadsReadingAtOnceEachGetTheirRanges();
};

void TestFileBytes::aRangeReadIsTheFilesBytesWithRoomAfterIt_data()
{
    QTest::addColumn<qint64>("begin");
    QTest::addColumn<qsizetype>("length");
    constexpr qsizetype window = 64 * 1024;
    QTest::addRow("a line at the start") << qint64(0) << qsizetype(1500);
    QTest::addRow("a line across the end of the window read before it") << qint64(window - 10) << qsizetype(50);
    QTest::addRow("a line longer than the window") << qint64(100) << qsizetype(3 * window + 7);
    QTest::addRow("the file's last bytes") << qint64(300000 - 20) << qsizetype(20);
    QTest::addRow("an empty range at the end") << qint64(300000) << qsizetype(0);
    QTest::addRow("the whole file") << qint64(0) << qsizetype(300000);
}

void TestFileBytes::aRangeReadIsTheFilesBytesWithRoomAfterIt()
{
    QFETCH(qint64, begin);
    QFETCH(qsizetype, length);
    const QByteArray bytes = patterned(300000, 1);
    const auto file = fileHolding(bytes);
    const FileBytes reader(file->handle(), bytes.size());
    // Read after a neighbour, as a run of lines is, and on its own.
    for (const qint64 before : {qint64(-1), std::max<qint64>(begin - 3000, 0)}) {
        if (before >= 0) {
            QVERIFY(reader.read(before, 10));
        }
        const Expected<std::string_view> read = reader.read(begin, length);
        QVERIFY(read);
        QCOMPARE(QByteArrayView(read->data(), qsizetype(read->size())), bytes.mid(begin, length));
        // The padding a parser may read past the range (sanitizers check that it may): the file's
        // next bytes or zeros.
        for (qsizetype i = 0; i < FileBytes::padding; ++i) {
            const char past = read->data()[qsizetype(read->size()) + i];
            const qint64 at = begin + length + i;
            QVERIFY2(past == '\0' || (at < bytes.size() && past == bytes.at(at)), qPrintable(QString::number(i)));
        }
    }
}

// Each thread keeps one window: a file read after another must not be served the other's bytes.
void TestFileBytes::twoFilesReadInTurnEachGiveTheirOwnBytes()
{
    const QByteArray first = patterned(5000, 1);
    const QByteArray second = patterned(5000, 2);
    const auto fileA = fileHolding(first);
    const auto fileB = fileHolding(second);
    const FileBytes a(fileA->handle(), first.size());
    const FileBytes b(fileB->handle(), second.size());
    for (int round = 0; round < 3; ++round) {
        QCOMPARE(QByteArrayView(*a.read(100, 50)), first.mid(100, 50));
        QCOMPARE(QByteArrayView(*b.read(100, 50)), second.mid(100, 50));
    }
    // A reader made later, for the same descriptor, reads the file anew.
    const FileBytes again(fileA->handle(), first.size());
    QCOMPARE(QByteArrayView(*again.read(100, 50)), first.mid(100, 50));
}

void TestFileBytes::aRangeTheFileNoLongerHoldsIsAnErrorSayingSo()
{
    const auto file = fileHolding("short");
    // Measured at 1000 bytes, the file now holds 5.
    const FileBytes reader(file->handle(), 1000);
    const Expected<std::string_view> read = reader.read(2, 100);
    QVERIFY(!read);
    QCOMPARE(read.error().message, u"cannot read: the file is shorter than when the batch was opened; open it again"_s);
    QVERIFY(!reader.read(990, 20)); // past the size measured
    QCOMPARE(QByteArrayView(*reader.read(0, 5)), QByteArrayView("short"));
}

void TestFileBytes::threadsReadingAtOnceEachGetTheirRanges()
{
    const QByteArray bytes = patterned(1 << 20, 3);
    const auto file = fileHolding(bytes);
    const FileBytes reader(file->handle(), bytes.size());
    std::mt19937 random(11);
    QList<std::pair<qint64, qsizetype>> ranges;
    for (int i = 0; i < 4000; ++i) {
        const qsizetype length = std::uniform_int_distribution<qsizetype>(0, 5000)(random);
        ranges.append({std::uniform_int_distribution<qint64>(0, bytes.size() - length)(random), length});
    }
    const QList<bool> right =
        QtConcurrent::blockingMapped<QList<bool>>(ranges, [&](const std::pair<qint64, qsizetype> &range) {
            const Expected<std::string_view> read = reader.read(range.first, range.second);
            return read && QByteArrayView(*read) == QByteArrayView(bytes).sliced(range.first, range.second);
        });
    QCOMPARE(right.count(false), 0);
}

QTEST_GUILESS_MAIN(TestFileBytes)
#include "tst_filebytes.moc"
