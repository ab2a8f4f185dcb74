// CharScan's eight-at-a-time scans find what a plain loop over the characters finds, wherever the
// text starts and ends against the eight-character blocks, with characters above 0x7fff (which
// SSE2 compares as negative numbers) and with the needle at the very end of the text.

#include "charscan.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace annorev;

namespace {

qsizetype plainFirstInRange(const std::u16string &text, qsizetype from, qsizetype to, char16_t low, char16_t high)
{
    for (qsizetype i = from; i < to; ++i) {
        if (text[std::size_t(i)] >= low && text[std::size_t(i)] <= high) {
            return i;
        }
    }
    return to;
}

qsizetype plainFirstStop(const std::u16string &text, qsizetype from, qsizetype to)
{
    for (qsizetype i = from; i < to; ++i) {
        if (CharScan::isStop(text[std::size_t(i)])) {
            return i;
        }
    }
    return to;
}

qsizetype plainLastStop(const std::u16string &text, qsizetype from, qsizetype to)
{
    for (qsizetype i = to - 1; i >= from; --i) {
        if (CharScan::isStop(text[std::size_t(i)])) {
            return i;
        }
    }
    return from - 1;
}

qsizetype plainFind(const std::u16string &text, qsizetype from, qsizetype to, const std::u16string &needle)
{
    for (qsizetype i = from; i + qsizetype(needle.size()) <= to; ++i) {
        if (text.compare(std::size_t(i), needle.size(), needle) == 0) {
            return i;
        }
    }
    return -1;
}

// Text drawn from a few characters, so that matches and near matches are frequent.
std::u16string randomText(QRandomGenerator &random, qsizetype size, const std::u16string &alphabet)
{
    std::u16string text;
    for (qsizetype i = 0; i < size; ++i) {
        text += alphabet[random.bounded(int(alphabet.size()))];
    }
    return text;
}

} // namespace

class TestCharScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scansFindWhatAPlainLoopFinds_data();
    void scansFindWhatAPlainLoopFinds();
    void aNeedleEndingTheTextIsFound();
};

void TestCharScan::scansFindWhatAPlainLoopFinds_data()
{
    QTest::addColumn<QString>("alphabet");
    QTest::addColumn<ushort>("low");
    QTest::addColumn<ushort>("high");
    QTest::addRow("ASCII, digits") << u"ab 1.9!?\n0x"_qs << ushort(u'0') << ushort(u'9');
    QTest::addRow("mostly letters, sparse stops") << u"abcdefghijklmnopqrstuvwxyz ABC.1"_qs << ushort(u'0')
                                                   << ushort(u'9');
    QTest::addRow("surrogates and high characters")
        << QString::fromUtf16(u"\xd83d\xde00\xffff\x8000\x7fff.a\xdbff\xdc00") << ushort(0xd800) << ushort(0xdbff);
    QTest::addRow("the top of the range") << QString::fromUtf16(u"\xfffe\xffff\x0000\x8000.") << ushort(0xfffe)
                                          << ushort(0xffff);
    QTest::addRow("one character range") << u"aab?."_qs << ushort(u'b') << ushort(u'b');
    QTest::addRow("capitals and their neighbours") << QString::fromUtf16(u"@AZ[`az{\x00c0\xff21\x8041Mm")
                                                   << ushort(u'A') << ushort(u'Z');
}

void TestCharScan::scansFindWhatAPlainLoopFinds()
{
    QFETCH(QString, alphabet);
    QFETCH(ushort, low);
    QFETCH(ushort, high);
    const std::u16string letters(reinterpret_cast<const char16_t *>(alphabet.utf16()), std::size_t(alphabet.size()));
    QRandomGenerator random(20261204);
    for (int round = 0; round < 400; ++round) {
        const std::u16string text = randomText(random, random.bounded(70), letters);
        const qsizetype size = qsizetype(text.size());
        const qsizetype from = size == 0 ? 0 : random.bounded(int(size) + 1);
        const qsizetype to = from + random.bounded(int(size - from) + 1);
        const char16_t *data = text.data();
        QCOMPARE(CharScan::firstInRange(data, from, to, low, high), plainFirstInRange(text, from, to, low, high));
        QCOMPARE(CharScan::firstStop(data, from, to), plainFirstStop(text, from, to));
        QCOMPARE(CharScan::lastStop(data, from, to), plainLastStop(text, from, to));
        for (qsizetype length = 1; length <= 4 && length <= size; ++length) {
            const qsizetype at = random.bounded(int(size - length) + 1);
            const std::u16string needle = text.substr(std::size_t(at), std::size_t(length));
            QCOMPARE(CharScan::find(data, from, to, needle.data(), length), plainFind(text, from, to, needle));
        }
        std::u16string lowered = text;
        CharScan::lowerAsciiInPlace(lowered.data() + from, to - from);
        for (qsizetype i = 0; i < size; ++i) {
            const char16_t c = text[std::size_t(i)];
            const bool folds = i >= from && i < to && c >= u'A' && c <= u'Z';
            QCOMPARE(ushort(lowered[std::size_t(i)]), ushort(folds ? c + 32 : c));
        }
    }
}

void TestCharScan::aNeedleEndingTheTextIsFound()
{
    // The needle's last character is the text's last: the block loads must not stop short of it.
    for (qsizetype size = 1; size <= 40; ++size) {
        std::u16string text(std::size_t(size), u'a');
        for (qsizetype length = 1; length <= size; ++length) {
            std::u16string needle(std::size_t(length), u'a');
            needle.front() = u'N';
            needle.back() = u'Z';
            if (length == 1) {
                needle = u"Z";
            }
            std::u16string withNeedle = text;
            withNeedle.replace(std::size_t(size - length), std::size_t(length), needle);
            QCOMPARE(CharScan::find(withNeedle.data(), 0, size, needle.data(), length), size - length);
        }
    }
}

QTEST_GUILESS_MAIN(TestCharScan)
#include "tst_charscan.moc"
