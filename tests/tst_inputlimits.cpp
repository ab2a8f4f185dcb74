#include "batchcheck.h"
#include "batchreader.h"
#include "checker.h"
#include "countryaliases.h"
#include "document.h"
#include "inputlimits.h"
#include "schema.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace annorev;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MiB = qint64(1) << 20;

QByteArray jsonLine(const QByteArray &id, const QByteArray &text)
{
    return "{\"id\": \"" + id + "\", \"text\": \"" + text + "\"}\n";
}

// A doccano line whose text is "a " repeated, each "a" a model span.
QByteArray doccanoLine(int spans)
{
    QByteArray line = "{\"text\": \"" + QByteArray("a ").repeated(spans) + "\", \"label\": [";
    for (int i = 0; i < spans; ++i) {
        line += (i == 0 ? "[" : ", [") + QByteArray::number(2 * i) + ", " + QByteArray::number(2 * i + 1) + ", \"model\"]";
    }
    return line + "]}\n";
}

// Writes contents, then lengthens the file with zeros (sparse, so cheap) to `size` when larger.
void writeFile(const QString &path, const QByteArray &contents, qint64 size)
{
    annorev::test::writeFile(path, contents);
    if (size > contents.size()) {
        QFile file(path);
        QVERIFY(file.resize(size));
    }
}

QString describe(const InputError &error)
{
    return QString::number(error.line) % u": " % error.message;
}

} // namespace

class TestInputLimits : public QObject
{
    Q_OBJECT

private slots:
    void eachLimitRefusesItsDocumentByFileAndLineAndTheRestIsRead_data();
    void eachLimitRefusesItsDocumentByFileAndLineAndTheRestIsRead();
    void aParseThatCountsTheLimitsFindsWhatMeasuringFinds_data();
    void aParseThatCountsTheLimitsFindsWhatMeasuringFinds();
    void sizesInMessagesAreExact();
};

void TestInputLimits::eachLimitRefusesItsDocumentByFileAndLineAndTheRestIsRead_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<qint64>("size");  // the file is lengthened with zeros to this size
    QTest::addColumn<QString>("error"); // "LINE: message", empty when the input is within every limit
    QTest::addColumn<int>("documents"); // read from the file, the refused one aside

    const QByteArray name128(128, 'x');
    const QByteArray name129(129, 'x');
    const QByteArray open256 = QByteArray("<model>").repeated(256);
    const QByteArray close256 = QByteArray("</model>").repeated(256);
    const QByteArray good = jsonLine("before", "<model>A</model>");
    const QByteArray after = jsonLine("after", "<model>B</model>");

    QTest::addRow("document at the limit") << u"doc.txt"_s << QByteArray("<model>M</model>") << 64 * MiB << QString() << 1;
    QTest::addRow("document past the limit")
        << u"doc.txt"_s << QByteArray("<model>M</model>") << 64 * MiB + 1
        << u"0: the document is 64.0 MiB (67,108,865 bytes), more than the limit of 64 MiB; split it into "
           "smaller documents"_s << 0;
    QTest::addRow("tag name at the limit")
        << u"doc.txt"_s << QByteArray("one\ntwo <" + name128 + ">x</" + name128 + ">") << qint64(0) << QString() << 1;
    QTest::addRow("tag name past the limit")
        << u"doc.txt"_s << QByteArray("one\ntwo\nthree <" + name129 + ">x") << qint64(0)
        << u"3: a tag's name is 129 bytes long, more than the limit of 128"_s << 0;
    QTest::addRow("closing tag name past the limit")
        << u"doc.txt"_s << QByteArray("one </" + name129 + ">") << qint64(0)
        << u"1: a tag's name is 129 bytes long, more than the limit of 128"_s << 0;
    // The glance before a full scan reads sixteen bytes at a time: a '<' at each place of a block,
    // and in the bytes after the last whole block, is seen.
    for (int before = 0; before <= 17; ++before) {
        QTest::addRow("tag name past the limit, its '<' at byte %d", before)
            << u"doc.txt"_s << QByteArray(QByteArray(before, 'a') + "<" + name129 + ">x") << qint64(0)
            << u"1: a tag's name is 129 bytes long, more than the limit of 128"_s << 0;
        QTest::addRow("nesting past the limit, the first '<' at byte %d", before)
            << u"doc.txt"_s << QByteArray(QByteArray(before, 'a') + open256 + "<gpu_count>8") << qint64(0)
            << u"1: more than 256 label tags are open at once here (the limit of nesting)"_s << 0;
    }
    QTest::addRow("nesting at the limit, twice")
        << u"doc.txt"_s << QByteArray(open256 + "x" + close256 + "\n" + open256 + "y" + close256) << qint64(0)
        << QString() << 1;
    QTest::addRow("nesting past the limit")
        << u"doc.txt"_s << QByteArray("intro\n" + open256 + "<gpu_count>8") << qint64(0)
        << u"2: more than 256 label tags are open at once here (the limit of nesting)"_s << 0;
    QTest::addRow("stray closing tags do not lower the depth")
        << u"doc.txt"_s << QByteArray(QByteArray("</hardware>").repeated(10) + open256 + "<model>") << qint64(0)
        << u"1: more than 256 label tags are open at once here (the limit of nesting)"_s << 0;
    QTest::addRow("label tags at the limit")
        << u"doc.txt"_s << QByteArray("<model>M</model>\n").repeated(1'000'000) << qint64(0) << QString() << 1;
    QTest::addRow("label tags past the limit")
        << u"doc.txt"_s << QByteArray(QByteArray("<model>M</model>\n").repeated(1'000'000) + "<model>")
        << qint64(0)
        << u"1000001: the document has more than 2000000 label tags (the limit), counted up to here; split it "
           "into smaller documents"_s << 0;
    QTest::addRow("unknown labels count as label tags")
        << u"doc.txt"_s << QByteArray("<mdl/>").repeated(2'000'001) << qint64(0)
        << u"1: the document has more than 2000000 label tags (the limit), counted up to here; split it into "
           "smaller documents"_s << 0;
    QTest::addRow("HTML tags do not count")
        << u"doc.html"_s << QByteArray("<p>x</p>").repeated(1'100'000) << qint64(0) << QString() << 1;
    QTest::addRow("JSON Lines: a line's text past a limit")
        << u"batch.jsonl"_s << QByteArray(good + jsonLine("deep", "a\\nb <" + name129 + ">") + after)
        << qint64(0) << u"2: line 2 of its text: a tag's name is 129 bytes long, more than the limit of 128"_s << 2;
    QTest::addRow("JSON Lines: a line past the limit")
        << u"batch.jsonl"_s << QByteArray(good + "{\"id\": \"huge\", \"text\": \"") << qint64(good.size()) + 256 * MiB + 1
        << u"2: the line is 256.0 MiB (268,435,457 bytes), more than the limit of 256 MiB"_s << 1;
    QTest::addRow("doccano: spans past the limit")
        << u"batch.jsonl"_s << QByteArray(doccanoLine(1) + doccanoLine(1'000'001) + doccanoLine(2)) << qint64(0)
        << u"2: the document has 1000001 spans, more than the limit of 1000000; split it into smaller documents"_s << 2;
    QTest::addRow(".json file past the limit")
        << u"tasks.json"_s << QByteArray("[{\"data\": {\"text\": \"x\"}}") << 512 * MiB + 1
        << u"0: the file is 512.0 MiB (536,870,913 bytes), more than the limit of 512 MiB for a .json file, "
           "which is read whole; export it as JSON Lines instead"_s << 0;
}

void TestInputLimits::eachLimitRefusesItsDocumentByFileAndLineAndTheRestIsRead()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, contents);
    QFETCH(qint64, size);
    QFETCH(QString, error);
    QFETCH(int, documents);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(fileName);
    writeFile(path, contents, size);
    if (QTest::currentTestFailed()) {
        return;
    }
    const QString goodPath = dir.filePath(u"good.txt"_s);
    annorev::test::writeFile(goodPath, "<model>Good</model>");

    const BatchReader reader = BatchReader::open({path, goodPath});
    QStringList errors;
    for (const InputError &openError : reader.errors()) {
        QCOMPARE(openError.path, path);
        errors << describe(openError);
    }
    int read = 0;
    for (qsizetype unit = 0; unit < reader.size(); ++unit) {
        const ReadResult result = reader.read(unit);
        if (const auto *readError = std::get_if<InputError>(&result)) {
            QCOMPARE(readError->path, path);
            errors << describe(*readError);
        } else if (std::holds_alternative<SourceEntry>(result)) {
            ++read;
        }
    }
    QCOMPARE(errors, error.isEmpty() ? QStringList() : QStringList{error});
    // Whatever was refused, every other document of the batch is read: the lines before and after
    // a refused one, and the good file.
    QCOMPARE(read, documents + 1);

    // `check` leaves the tag limits to the parse, which counts them in its own pass: it refuses
    // the same document with the same error, and checks the others.
    const Checker checker(Schema::builtin(), CountryAliases::builtin(), 2026, Checker::Fixes::Omit);
    QStringList checkErrors;
    for (const InputError &openError : reader.errors()) {
        checkErrors << describe(openError);
    }
    int checked = 0;
    BatchCheck(reader, Schema::builtin(), checker)
        .run(
            2, [](const SourceEntry &, const Document &, const CheckResult &, const CheckReport::Write &) {},
            [&](BatchCheck::Unit &&unit) {
                if (unit.error) {
                    checkErrors << describe(*unit.error);
                } else if (!unit.blank) {
                    ++checked;
                }
            });
    QCOMPARE(checkErrors, errors);
    QCOMPARE(checked, documents + 1);
}

void TestInputLimits::aParseThatCountsTheLimitsFindsWhatMeasuringFinds_data()
{
    QTest::addColumn<QByteArray>("source");

    const QByteArray name129(129, 'x');
    const QByteArray open256 = QByteArray("<model>").repeated(256);
    QTest::addRow("within every limit") << QByteArray("<model>M</model> on <hardware>A100</hardware>");
    QTest::addRow("a long name in a document read again as HTML")
        << QByteArray("<p>text</p>\n<model>M</model> <" + name129 + ">");
    QTest::addRow("a long name before the HTML that has it read again") << QByteArray("<" + name129 + "> <p>x</p>");
    QTest::addRow("nesting past the limit after a byte order mark")
        << QByteArray("\xef\xbb\xbf" + open256 + "<params>7B");
    QTest::addRow("nesting past the limit in HTML") << QByteArray("<div>\n" + open256 + "<b>x</b><params>7B");
    QTest::addRow("crossing tags close what they cross")
        << QByteArray(QByteArray("<model><params></model></params>").repeated(300));
}

void TestInputLimits::aParseThatCountsTheLimitsFindsWhatMeasuringFinds()
{
    QFETCH(QByteArray, source);
    const std::optional<InputLimits::Breach> measured = InputLimits::measure(source, Schema::builtin());
    std::optional<InputLimits::Breach> counted;
    const Document doc = Document::parse(source, Schema::builtin(), &counted);
    QCOMPARE(counted.has_value(), measured.has_value());
    if (measured) {
        QCOMPARE(counted->line, measured->line);
        QCOMPARE(counted->message, measured->message);
        QVERIFY(doc.source().isEmpty());
    } else {
        QCOMPARE(doc.text(), Document::parse(source, Schema::builtin()).text());
    }
}

void TestInputLimits::sizesInMessagesAreExact()
{
    QCOMPARE(InputLimits::mebibytes(64 * MiB), u"64 MiB"_s);
    QCOMPARE(InputLimits::sizeOf(64 * MiB + 1), u"64.0 MiB (67,108,865 bytes)"_s);
    QCOMPARE(InputLimits::sizeOf(3 * MiB / 2), u"1.5 MiB (1,572,864 bytes)"_s);
}

QTEST_GUILESS_MAIN(TestInputLimits)
#include "tst_inputlimits.moc"
