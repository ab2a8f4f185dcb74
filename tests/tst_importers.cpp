#include "batchreader.h"
#include "document.h"
#include "exporter.h"
#include "schema.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "testsupport.h"
#include <QtConcurrent>

#include <algorithm>
#include <numeric>
#include <tuple>

using namespace annorev;
using namespace Qt::StringLiterals;

namespace {

// 😀 (U+1F600) and 𝔸 (U+1D538) are two UTF-16 units each: a span after them sits at different
// offsets in UTF-16 units and in code points, so reading the wrong unit fails.
constexpr char astral[] = "\xf0\x9f\x98\x80\xf0\x9d\x94\xb8";

using annorev::test::errorOf;
using annorev::test::writeFile;

// "id|tagged source" for a document, "LINE: message" for an error, "blank" for a blank line.
QString summary(const ReadResult &result)
{
    if (const auto *entry = std::get_if<SourceEntry>(&result)) {
        return entry->id % u'|' % QString::fromUtf8(entry->source);
    }
    if (const auto *error = std::get_if<InputError>(&result)) {
        return QString::number(error->line) % u": " % error->message;
    }
    return QStringLiteral("blank");
}

QStringList summaries(const BatchReader &reader)
{
    QStringList out;
    for (qsizetype unit = 0; unit < reader.size(); ++unit) {
        out << summary(reader.read(unit));
    }
    return out;
}

QStringList errorStrings(const BatchReader &reader)
{
    QStringList out;
    for (const InputError &error : reader.errors()) {
        out << error.toString();
    }
    return out;
}

// simdjson words its own messages: a row may give only their start, ending in "…".
void compareSummary(const QString &actual, const QString &expected)
{
    if (expected.endsWith(u'…')) {
        QVERIFY2(actual.startsWith(expected.chopped(1)), qPrintable(actual));
    } else {
        QCOMPARE(actual, expected);
    }
}

using SpanTriple = std::tuple<QString, qsizetype, qsizetype>;

// The spans of the schema's labels, in UTF-16 units, sorted.
QList<SpanTriple> spanKeys(const Document &doc)
{
    QList<SpanTriple> keys;
    for (const Span &span : doc.spans()) {
        keys.append({span.label, span.start, span.end});
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}

// The documents of the round trips, as annorev writes them: HTML and entities, astral characters,
// CRLF, nested spans, text that looks like tags, an unknown tag.
QList<QByteArray> roundTripDocuments()
{
    return {
        "<model>NeuroFlex-7B</model> trained on <gpu_count>512</gpu_count> <hardware>NVIDIA A100 80GB "
        "GPUs</hardware> for <training>21 days</training>",
        QByteArray(astral) + " <model>M\xf0\x9f\x98\x80</model> in <country>USA</country>, <year>2023</year> "
                             "\xf0\x9d\x94\xb8",
        "<p>HTML &amp; markup: <model>X</model> &lt;b&gt; a < b</p><p><params>7B</params></p>",
        "literal &amp; and &lt;model&gt; without markup: <model>Y</model>",
        "first line\r\n<model>Z</model> second\r\n",
        "<hardware><gpu_count>8</gpu_count> H100 GPUs</hardware>",
        "<p>&lt;model&gt;fake&lt;/model&gt;</p> <model>R</model>",
        "<ORG>Acme</ORG> made <model>Q</model>",
        "no spans at all",
        "\xef\xbb\xbf<model>BOM</model> first",
    };
}

} // namespace

class TestImporters : public QObject
{
    Q_OBJECT

private slots:
    void doccanoLineBecomesTaggedText_data();
    void doccanoLineBecomesTaggedText();
    void badDoccanoLineIsReportedAndTheRestLoads();
    void doccanoFileWithABrokenLineKeepsTheSpansOfTheOthers_data();
    void doccanoFileWithABrokenLineKeepsTheSpansOfTheOthers();
    void labelStudioTaskBecomesTaggedText_data();
    void labelStudioTaskBecomesTaggedText();
    void badTaskIsReportedAtItsLineAndTheRestLoads();
    void labelStudioFileThatIsNotJsonIsNamed();
    void layoutIsReported();
    void plainJsonlAndOtherJsonFilesAreUnchanged();
    void customSchemaDecidesWhichLabelsAreSpans();
    void doccanoRoundTrip_data();
    void doccanoRoundTrip();
    void labelStudioRoundTrip_data();
    void labelStudioRoundTrip();
    void exportWithAnEmptySpanReadsBack_data();
    void exportWithAnEmptySpanReadsBack();
    void concurrentReadsMatchSequentialReads();
};

void TestImporters::doccanoLineBecomesTaggedText_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expected");

    const QString smile = u"\U0001F600"_s;
    const QString doubleA = u"\U0001D538"_s;
    QTest::addRow("UTF-16 offsets after astral characters")
        << QByteArray(R"({"id": 1, "text": ")" + QByteArray(astral) + R"( NeuroFlex-7B", "label": [[5, 17, "model"]]})")
        << QString(u"1|" % smile % doubleA % u" <model>NeuroFlex-7B</model>");
    QTest::addRow("entities form, string id")
        << QByteArray(R"({"id": "e", "text": "M on 8 GPUs", "entities": [{"id": 9, "label": "model", "start_offset": 0,)"
                      R"( "end_offset": 1}, {"id": 10, "label": "gpu_count", "start_offset": 5, "end_offset": 6}],)"
                      R"( "relations": []})")
        << u"e|<model>M</model> on <gpu_count>8</gpu_count> GPUs"_s;
    QTest::addRow("labels key") << QByteArray(R"({"id": "l", "text": "M", "labels": [[0, 1, "model"]]})")
                                << u"l|<model>M</model>"_s;
    QTest::addRow("tags in the text are escaped")
        << QByteArray(R"({"id": 2, "text": "<b>M</b> a < b", "label": [[3, 4, "model"]]})")
        << u"2|<!---->&lt;b&gt;<model>M</model>&lt;/b&gt; a &lt; b"_s;
    QTest::addRow("a lone < is escaped too")
        << QByteArray(R"({"id": 3, "text": "a < b M", "label": [[6, 7, "model"]]})")
        << u"3|<!---->a &lt; b <model>M</model>"_s;
    QTest::addRow("a literal entity without < stays as it is")
        << QByteArray(R"({"id": 4, "text": "AT&amp;T M", "label": [[9, 10, "model"]]})")
        << u"4|AT&amp;T <model>M</model>"_s;
    QTest::addRow("a literal entity beside a < is escaped")
        << QByteArray(R"({"id": 5, "text": "&amp; <i> M", "label": [[10, 11, "model"]]})")
        << u"5|<!---->&amp;amp; &lt;i&gt; <model>M</model>"_s;
    QTest::addRow("CRLF kept, offsets count CR")
        << QByteArray(R"({"id": 6, "text": "one\r\nM two", "label": [[5, 6, "model"]]})")
        << u"6|one\r\n<model>M</model> two"_s;
    QTest::addRow("unknown label becomes an unknown tag")
        << QByteArray(R"({"id": 7, "text": "Acme M", "label": [[0, 4, "ORG"], [5, 6, "model"]]})")
        << u"7|<ORG>Acme</ORG> <model>M</model>"_s;
    QTest::addRow("labels are case-sensitive")
        << QByteArray(R"({"id": 7.5, "text": "M", "label": [[0, 1, "MODEL"]]})") << u"7.5|<MODEL>M</MODEL>"_s;
    QTest::addRow("nested spans nest, whatever their order")
        << QByteArray(R"({"id": 8, "text": "8 A100 GPUs", "label": [[0, 1, "gpu_count"], [0, 11, "hardware"]]})")
        << u"8|<hardware><gpu_count>8</gpu_count> A100 GPUs</hardware>"_s;
    QTest::addRow("adjacent spans stay apart")
        << QByteArray(R"({"id": 9, "text": "AB", "label": [[1, 2, "year"], [0, 1, "model"]]})")
        << u"9|<model>A</model><year>B</year>"_s;
    QTest::addRow("crossing spans of two labels cross")
        << QByteArray(R"({"id": 10, "text": "abc", "label": [[0, 2, "model"], [1, 3, "year"]]})")
        << u"10|<model>a<year>b</model>c</year>"_s;
    QTest::addRow("no id: file name and line")
        << QByteArray(R"({"text": "M", "label": [[0, 1, "model"]]})") << u"batch.jsonl:2|<model>M</model>"_s;
    QTest::addRow("no spans") << QByteArray(R"({"id": 11, "text": "plain", "label": []})") << u"11|plain"_s;
    QTest::addRow("leading U+FEFF is not taken for a byte order mark")
        << QByteArray(R"({"id": 12, "text": "\ufeffM", "label": [[1, 2, "model"]]})")
        << QString(u"12|<!---->" % QChar(0xfeff) % u"<model>M</model>");

    QTest::addRow("offset past the end")
        << QByteArray(R"({"id": 20, "text": ")" + QByteArray(astral, 4) + R"( M", "label": [[3, 9, "model"]]})")
        << uR"(2: span 1 "model" [3, 9): outside the text (4 UTF-16 units))"_s;
    QTest::addRow("negative offset") << QByteArray(R"({"id": 21, "text": "M", "label": [[-1, 1, "model"]]})")
                                     << uR"(2: span 1 "model" [-1, 1): outside the text (1 UTF-16 units))"_s;
    QTest::addRow("offset inside a surrogate pair")
        << QByteArray(R"({"id": 22, "text": ")" + QByteArray(astral, 4) + R"( M", "label": [[1, 4, "model"]]})")
        << uR"(2: span 1 "model" [1, 4): splits a character outside the Basic Multilingual Plane in two (offsets in UTF-16 units))"_s;
    QTest::addRow("empty span") << QByteArray(R"({"id": 23, "text": "M", "label": [[1, 1, "model"]]})")
                                << uR"(2: span 1 "model" [1, 1): empty or reversed)"_s;
    QTest::addRow("label that is no tag name")
        << QByteArray(R"({"id": 24, "text": "M", "label": [[0, 1, "Person Name"]]})")
        << uR"(2: span 1 "Person Name" [0, 1): the label cannot be written as a tag (a letter, then ASCII letters, digits, '_', '-', ':' or '.'))"_s;
    QTest::addRow("label that is an HTML element")
        << QByteArray(R"({"id": 25, "text": "M", "label": [[0, 1, "TITLE"]]})")
        << uR"(2: span 1 "TITLE" [0, 1): the label is not in the schema and is the name of an HTML element, so its tag would be read as markup)"_s;
    QTest::addRow("crossing spans of one label")
        << QByteArray(R"({"id": 26, "text": "abc", "label": [[0, 2, "model"], [1, 3, "model"]]})")
        << u"2: the spans cannot be written as tags that read back the same (spans of one label that cross each other?)"_s;
    QTest::addRow("not a triple") << QByteArray(R"({"id": 27, "text": "M", "label": [[0, 1]]})")
                                  << uR"(2: "label" item 1 is not [start, end, "LABEL"])"_s;
    QTest::addRow("fractional offset") << QByteArray(R"({"id": 28, "text": "M", "label": [[0.5, 1, "model"]]})")
                                       << uR"(2: "label" item 1 is not [start, end, "LABEL"])"_s;
    QTest::addRow("entity without end")
        << QByteArray(R"({"id": 29, "text": "M", "entities": [{"label": "model", "start_offset": 0}]})")
        << uR"(2: "entities" item 1 is not {"start_offset", "end_offset", "label"})"_s;
    QTest::addRow("text missing") << QByteArray(R"({"id": 30, "label": []})") << uR"(2: "text" is missing)"_s;
    QTest::addRow("id neither string nor number")
        << QByteArray(R"({"id": [1], "text": "M", "label": []})") << uR"(2: "id" is not a string or a number)"_s;
    QTest::addRow("invalid JSON") << QByteArray(R"({"id": 31, "text": )") << u"2: invalid JSON: …"_s;
}

void TestImporters::doccanoLineBecomesTaggedText()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, expected);

    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"batch.jsonl"_s);
    // The first object decides that the file is a doccano export.
    writeFile(path, R"({"id": "first", "text": "x", "label": []})" "\n" + line + "\n");
    const BatchReader reader = BatchReader::open({path});
    QCOMPARE(errorStrings(reader), QStringList{});
    QCOMPARE(reader.size(), 2);
    QCOMPARE(summary(reader.read(0)), u"first|x"_s);
    compareSummary(summary(reader.read(1)), expected);

    // Whatever the tags, the document reads back as the doccano text and spans (UTF-16 units).
    const ReadResult read = reader.read(1);
    const auto *entry = std::get_if<SourceEntry>(&read);
    if (!entry) {
        return;
    }
    const QJsonObject object = QJsonDocument::fromJson(line).object();
    const Document doc = Document::parse(entry->source, Schema::builtin());
    QCOMPARE(doc.text(), object.value(u"text"_s).toString());
    QList<SpanTriple> expectedSpans;
    for (const QString &key : {u"label"_s, u"labels"_s}) {
        for (const QJsonValue &value : object.value(key).toArray()) {
            const QJsonArray triple = value.toArray();
            if (Schema::builtin().label(triple.at(2).toString())) {
                expectedSpans.append({triple.at(2).toString(), triple.at(0).toInt(), triple.at(1).toInt()});
            }
        }
    }
    for (const QJsonValue &value : object.value(u"entities"_s).toArray()) {
        const QJsonObject entity = value.toObject();
        expectedSpans.append({entity.value(u"label"_s).toString(), entity.value(u"start_offset"_s).toInt(),
                              entity.value(u"end_offset"_s).toInt()});
    }
    std::sort(expectedSpans.begin(), expectedSpans.end());
    QCOMPARE(spanKeys(doc), expectedSpans);
}

void TestImporters::badDoccanoLineIsReportedAndTheRestLoads()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"batch.jsonl"_s);
    writeFile(path, "\n"
                    R"({"id": 1, "text": "M one", "label": [[0, 1, "model"]]})"
                    "\r\n"
                    R"({"id": 2, "text": "M two", "label": [[0, 99, "model"]]})"
                    "\n\n"
                    R"({"id": 3, "text": "M three", "label": [[0, 1, "model"]]})");
    const BatchReader reader = BatchReader::open({path});
    QCOMPARE(summaries(reader), (QStringList{u"blank"_s, u"1|<model>M</model> one"_s,
                                             uR"(3: span 1 "model" [0, 99): outside the text (5 UTF-16 units))"_s,
                                             u"blank"_s, u"3|<model>M</model> three"_s}));
    const InputError error = std::get<InputError>(reader.read(2));
    QCOMPARE(error.toString(), path % uR"(:3: error: span 1 "model" [0, 99): outside the text (5 UTF-16 units))"_s);
}

void TestImporters::doccanoFileWithABrokenLineKeepsTheSpansOfTheOthers_data()
{
    QTest::addColumn<QByteArrayList>("lines");
    QTest::addColumn<QStringList>("expected");
    const QByteArray one = R"({"id": 1, "text": "M one", "label": [[0, 1, "model"]]})";
    const QByteArray two =
        R"({"id": 2, "text": "M two", "entities": [{"start_offset": 0, "end_offset": 1, "label": "model"}]})";
    const QByteArray three = R"({"id": 3, "text": "M three", "label": [[0, 1, "model"]]})";
    const QByteArray truncated = R"({"id": 9, "text": "M nine", "label": [[0, 1, "mod)";
    const QString bad = u"invalid JSON: …"_s;
    const QString first = u"1|<model>M</model> one"_s;
    const QString second = u"2|<model>M</model> two"_s;
    const QString third = u"3|<model>M</model> three"_s;
    QTest::addRow("first line broken") << QByteArrayList{truncated, one, two, three}
                                       << QStringList{u"1: "_s + bad, first, second, third};
    QTest::addRow("first line not JSON") << QByteArrayList{"garbage", one, two, three}
                                         << QStringList{u"1: "_s + bad, first, second, third};
    QTest::addRow("blank then broken") << QByteArrayList{"", truncated, two, three}
                                       << QStringList{u"blank"_s, u"2: "_s + bad, second, third};
    QTest::addRow("two broken lines first")
        << QByteArrayList{"{", truncated, three} << QStringList{u"1: "_s + bad, u"2: "_s + bad, third};
    QTest::addRow("first line an array") << QByteArrayList{"[1, 2]", two, three}
                                         << QStringList{u"1: line is not a JSON object"_s, second, third};
    QTest::addRow("middle line broken") << QByteArrayList{one, truncated, three}
                                        << QStringList{first, u"2: "_s + bad, third};
    QTest::addRow("last line broken") << QByteArrayList{one, two, truncated}
                                      << QStringList{first, second, u"3: "_s + bad};
    QTest::addRow("entities file, first line broken")
        << QByteArrayList{truncated, two} << QStringList{u"1: "_s + bad, second};
}

// A broken first line used to make the whole file plain JSON Lines: every span was dropped and
// only that line was reported.
void TestImporters::doccanoFileWithABrokenLineKeepsTheSpansOfTheOthers()
{
    QFETCH(QByteArrayList, lines);
    QFETCH(QStringList, expected);
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"doccano.jsonl"_s);
    writeFile(path, lines.join('\n') + '\n');
    const BatchReader reader = BatchReader::open({path});
    QCOMPARE(errorStrings(reader), QStringList{});
    const QStringList actual = summaries(reader);
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype unit = 0; unit < actual.size(); ++unit) {
        compareSummary(actual.at(unit), expected.at(unit));
        QCOMPARE(reader.layoutOf(unit), BatchLayout::Doccano);
        const ReadResult read = reader.read(unit);
        if (const auto *error = std::get_if<InputError>(&read)) {
            QVERIFY2(error->toString().startsWith(path % u':' % QString::number(unit + 1) % u": error: "),
                     qPrintable(error->toString()));
        }
    }
}

void TestImporters::labelStudioTaskBecomesTaggedText_data()
{
    QTest::addColumn<QByteArray>("task");
    QTest::addColumn<QString>("expected");

    const QString smile = u"\U0001F600"_s;
    const QString doubleA = u"\U0001D538"_s;
    QTest::addRow("code point offsets after astral characters")
        << QByteArray(R"({"id": 1, "data": {"text": ")" + QByteArray(astral) + R"( NeuroFlex-7B"}, "annotations": [)"
                      R"({"id": 5, "result": [{"id": "a", "from_name": "label", "to_name": "text", "type": "labels",)"
                      R"( "value": {"start": 3, "end": 15, "text": "NeuroFlex-7B", "labels": ["model"]}}]}]})")
        << QString(u"1|" % smile % doubleA % u" <model>NeuroFlex-7B</model>");
    QTest::addRow("the first annotation that was not cancelled")
        << QByteArray(R"({"id": 2, "data": {"text": "M 2023"}, "annotations": [)"
                      R"({"was_cancelled": true, "result": [{"type": "labels", "value": {"start": 0, "end": 1, "labels": ["model"]}}]},)"
                      R"({"was_cancelled": false, "result": [{"type": "labels", "value": {"start": 2, "end": 6, "labels": ["year"]}}]},)"
                      R"({"result": [{"type": "labels", "value": {"start": 0, "end": 6, "labels": ["model"]}}]}]})")
        << u"2|M <year>2023</year>"_s;
    QTest::addRow("predictions are ignored")
        << QByteArray(R"({"id": 3, "data": {"text": "M"}, "annotations": [], "predictions": [{"result": [)"
                      R"({"type": "labels", "value": {"start": 0, "end": 1, "labels": ["model"]}}]}]})")
        << u"3|M"_s;
    QTest::addRow("the text under another key of data")
        << QByteArray(R"({"id": 4, "data": {"content": "M", "rank": 3}, "annotations": [{"result": [)"
                      R"({"type": "labels", "value": {"start": 0, "end": 1, "labels": ["model"]}}]}]})")
        << u"4|<model>M</model>"_s;
    QTest::addRow("string id")
        << QByteArray(R"({"id": "t-1", "data": {"text": "M"}, "annotations": [{"result": [)"
                      R"({"type": "labels", "value": {"start": 0, "end": 1, "labels": ["model"]}}]}]})")
        << u"t-1|<model>M</model>"_s;
    QTest::addRow("no id: file name and line")
        << QByteArray(R"({"data": {"text": "M"}, "annotations": [{"result": [)"
                      R"({"type": "labels", "value": {"start": 0, "end": 1, "labels": ["model"]}}]}]})")
        << u"tasks.json:2|<model>M</model>"_s;
    QTest::addRow("other result types are ignored")
        << QByteArray(R"({"id": 5, "data": {"text": "M"}, "annotations": [{"result": [)"
                      R"({"type": "choices", "value": {"choices": ["ok"]}},)"
                      R"({"type": "labels", "value": {"start": 0, "end": 1, "labels": ["model"]}},)"
                      R"({"type": "relation", "from_id": "a", "to_id": "b"}]}]})")
        << u"5|<model>M</model>"_s;
    QTest::addRow("several labels on one region")
        << QByteArray(R"({"id": 6, "data": {"text": "M"}, "annotations": [{"result": [)"
                      R"({"type": "labels", "value": {"start": 0, "end": 1, "labels": ["model", "ORG"]}}]}]})")
        << u"6|<model><ORG>M</ORG></model>"_s;
    QTest::addRow("tags in the text are escaped")
        << QByteArray(R"({"id": 7, "data": {"text": "x <model>y</model> M"}, "annotations": [{"result": [)"
                      R"({"type": "labels", "value": {"start": 19, "end": 20, "text": "M", "labels": ["model"]}}]}]})")
        << u"7|<!---->x &lt;model&gt;y&lt;/model&gt; <model>M</model>"_s;
    QTest::addRow("CRLF kept")
        << QByteArray(R"({"id": 8, "data": {"text": "a\r\nM"}, "annotations": [{"result": [)"
                      R"({"type": "labels", "value": {"start": 3, "end": 4, "text": "M", "labels": ["model"]}}]}]})")
        << u"8|a\r\n<model>M</model>"_s;
    QTest::addRow("no annotations") << QByteArray(R"({"id": 9, "data": {"text": "plain"}})") << u"9|plain"_s;

    QTest::addRow("value.text differs from the text")
        << QByteArray(R"({"id": 21, "data": {"text": "Alpha M"}, "annotations": [{"result": [)"
                      R"({"type": "labels", "value": {"start": 0, "end": 5, "text": "alpha", "labels": ["model"]}}]}]})")
        << uR"(2: task 1 (id 21): span 1 "model" [0, 5): its text "alpha" differs from the text at its offsets "Alpha")"_s;
    QTest::addRow("code point offset past the end")
        << QByteArray(R"({"id": 22, "data": {"text": ")" + QByteArray(astral, 4) + R"(M"}, "annotations": [{"result": [)"
                      R"({"type": "labels", "value": {"start": 1, "end": 3, "labels": ["model"]}}]}]})")
        << uR"(2: task 1 (id 22): span 1 "model" [1, 3): outside the text (2 code points))"_s;
    QTest::addRow("data without text and two strings")
        << QByteArray(R"({"id": 23, "data": {"a": "x", "b": "y"}})")
        << uR"(2: task 1 (id 23): "data" has no "text" and 2 string fields, so the text is not known)"_s;
    QTest::addRow("not an object") << QByteArray("42") << u"2: task 1: not a JSON object"_s;
    QTest::addRow("start not a number")
        << QByteArray(R"({"id": 24, "data": {"text": "M"}, "annotations": [{"result": [)"
                      R"({"type": "labels", "value": {"start": "0", "end": 1, "labels": ["model"]}}]}]})")
        << uR"(2: task 1 (id 24): result item 1: "value.start" and "value.end" are not both whole numbers)"_s;
}

void TestImporters::labelStudioTaskBecomesTaggedText()
{
    QFETCH(QByteArray, task);
    QFETCH(QString, expected);

    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"tasks.json"_s);
    writeFile(path, "[\n  " + task + "\n]\n");
    const BatchReader reader = BatchReader::open({path});
    QCOMPARE(errorStrings(reader), QStringList{});
    QCOMPARE(reader.size(), 1);
    compareSummary(summary(reader.read(0)), expected);
}

void TestImporters::badTaskIsReportedAtItsLineAndTheRestLoads()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"export.json"_s);
    writeFile(path, "\xef\xbb\xbf[\n"
                    "  {\n"
                    "    \"id\": 16,\n"
                    "    \"data\": {\"text\": \"M one\"},\n"
                    "    \"annotations\": [{\"result\": [{\"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 1, "
                    "\"labels\": [\"model\"]}}]}]\n"
                    "  },\n"
                    "  {\n"
                    "    \"id\": 17,\n"
                    "    \"data\": {\"text\": \"M two\"},\n"
                    "    \"annotations\": [{\"result\": [{\"type\": \"labels\", \"value\": {\"start\": 4, \"end\": 9, "
                    "\"labels\": [\"model\"]}}]}]\n"
                    "  }, {\"id\": 18, \"data\": {\"text\": \"M three\"}, \"annotations\": [{\"result\": [{\"type\": "
                    "\"labels\", \"value\": {\"start\": 0, \"end\": 1, \"labels\": [\"model\"]}}]}]}\n"
                    "]\n");
    const BatchReader reader = BatchReader::open({path});
    QCOMPARE(errorStrings(reader), QStringList{});
    QCOMPARE(summaries(reader), (QStringList{u"16|<model>M</model> one"_s,
                                             uR"(7: task 2 (id 17): span 1 "model" [4, 9): outside the text (5 code points))"_s,
                                             u"18|<model>M</model> three"_s}));
    QCOMPARE(std::get<InputError>(reader.read(1)).toString(),
             path % uR"(:7: error: task 2 (id 17): span 1 "model" [4, 9): outside the text (5 code points))"_s);
    QCOMPARE(std::get<SourceEntry>(reader.read(2)).line, 11);
    // A writer gets the task as read, to keep its other fields.
    QVERIFY(std::get<SourceEntry>(reader.read(0)).jsonLine.startsWith("{\n    \"id\": 16,"));
    QVERIFY(std::get<SourceEntry>(reader.read(0)).jsonLine.endsWith("}]}]\n  }"));
}

void TestImporters::labelStudioFileThatIsNotJsonIsNamed()
{
    QTemporaryDir tmp;
    const QString bad = tmp.filePath(u"bad.json"_s);
    const QString good = tmp.filePath(u"good.json"_s);
    writeFile(bad, R"([{"id": 1, "data": {"text": "M"}},)");
    writeFile(good, R"([])");
    const BatchReader reader = BatchReader::open({bad, good});
    QCOMPARE(reader.size(), 0);
    QCOMPARE(reader.errors().size(), 1);
    QVERIFY2(reader.errors().first().toString().startsWith(bad % u": error: invalid JSON: "),
             qPrintable(reader.errors().first().toString()));
}

void TestImporters::layoutIsReported()
{
    QTemporaryDir tmp;
    writeFile(tmp.filePath(u"folder/a.txt"_s), "<model>A</model>");
    writeFile(tmp.filePath(u"b.txt"_s), "<model>B</model>");
    writeFile(tmp.filePath(u"c.jsonl"_s), R"({"id": "c", "text": "<model>C</model>"})");
    writeFile(tmp.filePath(u"d.jsonl"_s), R"({"id": "d", "text": "D", "label": [[0, 1, "model"]]})");
    writeFile(tmp.filePath(u"e.json"_s), R"([{"id": "e", "data": {"text": "E"}}])");
    const BatchReader reader = BatchReader::open({tmp.filePath(u"folder"_s), tmp.filePath(u"b.txt"_s),
                                                  tmp.filePath(u"c.jsonl"_s), tmp.filePath(u"d.jsonl"_s),
                                                  tmp.filePath(u"e.json"_s)});
    const QList<BatchLayout> expected{BatchLayout::Folder, BatchLayout::File, BatchLayout::JsonLines,
                                      BatchLayout::Doccano, BatchLayout::LabelStudio};
    QCOMPARE(reader.size(), expected.size());
    for (qsizetype unit = 0; unit < reader.size(); ++unit) {
        QCOMPARE(reader.layoutOf(unit), expected.at(unit));
        QCOMPARE(std::get<SourceEntry>(reader.read(unit)).layout, expected.at(unit));
    }
    const SourceEntry doccano = std::get<SourceEntry>(reader.read(3));
    QCOMPARE(doccano.jsonLine, QByteArray(R"({"id": "d", "text": "D", "label": [[0, 1, "model"]]})"));
    QCOMPARE(doccano.textTokenBegin, -1);
    QCOMPARE(std::get<SourceEntry>(reader.read(3, BatchReader::Keep::Text)).jsonLine, QByteArray());
}

void TestImporters::plainJsonlAndOtherJsonFilesAreUnchanged()
{
    QTemporaryDir tmp;
    const QByteArray plain = R"({"id": "a", "text": "<model>M</model>", "label": "reviewed"})" "\n"
                             R"({"id": "b", "text": "x", "label": [[0, 1, "model"]]})" "\n";
    writeFile(tmp.filePath(u"plain.jsonl"_s), plain);
    writeFile(tmp.filePath(u"object.json"_s), R"({"text": "<model>M</model>"})");
    const BatchReader reader = BatchReader::open({tmp.filePath(u"plain.jsonl"_s), tmp.filePath(u"object.json"_s)});
    QCOMPARE(summaries(reader), (QStringList{u"a|<model>M</model>"_s, u"b|x"_s,
                                             uR"(object.json|{"text": "<model>M</model>"})"_s}));
    QCOMPARE(reader.layoutOf(0), BatchLayout::JsonLines);
    QCOMPARE(std::get<SourceEntry>(reader.read(0)).textTokenBegin, 20);
    QCOMPARE(reader.layoutOf(2), BatchLayout::File);
}

void TestImporters::customSchemaDecidesWhichLabelsAreSpans()
{
    const Expected<Schema> schema =
        Schema::fromJson(R"({"version": 1, "labels": [{"name": "title", "display": "Title", "type": "text"}]})");
    QVERIFY2(schema, qPrintable(errorOf(schema)));
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"batch.jsonl"_s);
    writeFile(path, R"({"id": 1, "text": "Dr No", "label": [[0, 2, "title"]]})");
    QCOMPARE(summaries(BatchReader::open({path}, *schema)), QStringList{u"1|<title>Dr</title> No"_s});
    QVERIFY(summaries(BatchReader::open({path})).first().endsWith(u"is the name of an HTML element, so its tag would be read as markup"));
}

void TestImporters::doccanoRoundTrip_data()
{
    QTest::addColumn<QByteArray>("tagged");
    const QList<QByteArray> documents = roundTripDocuments();
    for (qsizetype i = 0; i < documents.size(); ++i) {
        QTest::addRow("document %lld", qlonglong(i)) << documents.at(i);
    }
}

// An export as doccano writes it (UTF-16 offsets), made by hand from an annorev document, reads
// back as the same text and spans.
void TestImporters::doccanoRoundTrip()
{
    QFETCH(QByteArray, tagged);
    const Document original = Document::parse(tagged, Schema::builtin());
    QJsonArray labels;
    for (const Span &span : original.spans()) {
        labels.append(QJsonArray{span.start, span.end, span.label});
    }
    const QJsonObject object{{u"id"_s, 7}, {u"text"_s, original.text()}, {u"label"_s, labels}};

    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"export.jsonl"_s);
    writeFile(path, QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
    const BatchReader reader = BatchReader::open({path});
    QCOMPARE(reader.size(), 1);
    QCOMPARE(reader.layoutOf(0), BatchLayout::Doccano);
    const ReadResult read = reader.read(0);
    QVERIFY2(std::holds_alternative<SourceEntry>(read), qPrintable(summary(read)));
    const Document imported = Document::parse(std::get<SourceEntry>(read).source, Schema::builtin());
    QCOMPARE(imported.text(), original.text());
    QCOMPARE(spanKeys(imported), spanKeys(original));
}

void TestImporters::exportWithAnEmptySpanReadsBack_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addRow("doccano") << ExportFormat::Doccano;
    QTest::addRow("label-studio") << ExportFormat::LabelStudio;
}

// annorev's own export of a document holding <model></model> reads back with annorev's import:
// the empty span is left out with a warning naming the document, the document and its other
// spans come back.
void TestImporters::exportWithAnEmptySpanReadsBack()
{
    QFETCH(ExportFormat, format);
    const QList<QByteArray> sources{"<model></model>Foo-7B has <params>7 billion</params> parameters.\n",
                                    "<model>Bar-3B</model> ran in <country>Peru</country><year></year>.\n"};
    QList<ExportDocument> documents;
    for (const QByteArray &source : sources) {
        ExportDocument doc;
        doc.id = u"doc%1.txt"_s.arg(documents.size() + 1);
        doc.taggedText = source;
        doc.status = ReviewStatus::Approved;
        doc.layout = BatchLayout::Folder;
        doc.relativePath = doc.id;
        documents.append(doc);
    }
    QTemporaryDir tmp;
    const QString path = tmp.filePath(format == ExportFormat::Doccano ? u"export.jsonl"_s : u"export.json"_s);
    ExportOptions options;
    options.outPath = path;
    const Expected<ExportResult> result = exportDocuments(documents, format, options);
    QVERIFY2(result, qPrintable(errorOf(result)));
    QCOMPARE(result->items, 3);
    QCOMPARE(result->warnings.size(), 2);
    QVERIFY2(result->warnings.at(0).startsWith(u"document doc1.txt: the empty model span at 0"_s),
             qPrintable(result->warnings.at(0)));
    QVERIFY2(result->warnings.at(1).startsWith(u"document doc2.txt: the empty year span at 18"_s),
             qPrintable(result->warnings.at(1)));

    const BatchReader reader = BatchReader::open({path});
    QCOMPARE(errorStrings(reader), QStringList{});
    QCOMPARE(reader.size(), 2);
    for (qsizetype i = 0; i < sources.size(); ++i) {
        const ReadResult read = reader.read(i);
        QVERIFY2(std::holds_alternative<SourceEntry>(read), qPrintable(summary(read)));
        QCOMPARE(std::get<SourceEntry>(read).id, documents.at(i).id);
        const Document original = Document::parse(sources.at(i), Schema::builtin());
        const Document imported = Document::parse(std::get<SourceEntry>(read).source, Schema::builtin());
        QCOMPARE(imported.text(), original.text());
        QList<SpanTriple> kept = spanKeys(original);
        kept.removeIf([](const SpanTriple &key) { return std::get<1>(key) == std::get<2>(key); });
        QCOMPARE(spanKeys(imported), kept);
    }
}

void TestImporters::labelStudioRoundTrip_data()
{
    doccanoRoundTrip_data();
}

// The same through a Label Studio export: code point offsets and value.text, one task per
// document, a cancelled annotation first.
void TestImporters::labelStudioRoundTrip()
{
    QFETCH(QByteArray, tagged);
    const Document original = Document::parse(tagged, Schema::builtin());
    QJsonArray result;
    for (const Span &span : original.spans()) {
        const QJsonObject value{{u"start"_s, original.codePointOffset(span.start)},
                                {u"end"_s, original.codePointOffset(span.end)},
                                {u"text"_s, original.spanText(span)},
                                {u"labels"_s, QJsonArray{span.label}}};
        result.append(QJsonObject{{u"id"_s, u"r%1"_s.arg(result.size())},
                                  {u"from_name"_s, u"label"_s},
                                  {u"to_name"_s, u"text"_s},
                                  {u"type"_s, u"labels"_s},
                                  {u"value"_s, value}});
    }
    const QJsonObject cancelled{{u"was_cancelled"_s, true}, {u"result"_s, QJsonArray{}}};
    const QJsonObject annotation{{u"id"_s, 1}, {u"was_cancelled"_s, false}, {u"result"_s, result}};
    const QJsonObject task{{u"id"_s, 17},
                           {u"data"_s, QJsonObject{{u"text"_s, original.text()}}},
                           {u"annotations"_s, QJsonArray{cancelled, annotation}},
                           {u"predictions"_s, QJsonArray{}}};
    const QJsonObject other{{u"id"_s, 18}, {u"data"_s, QJsonObject{{u"text"_s, u"M"_s}}}};

    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"export.json"_s);
    writeFile(path, QJsonDocument(QJsonArray{task, other}).toJson(QJsonDocument::Indented));
    const BatchReader reader = BatchReader::open({path});
    QCOMPARE(errorStrings(reader), QStringList{});
    QCOMPARE(reader.size(), 2);
    const ReadResult read = reader.read(0);
    QVERIFY2(std::holds_alternative<SourceEntry>(read), qPrintable(summary(read)));
    QCOMPARE(std::get<SourceEntry>(read).id, u"17"_s);
    const Document imported = Document::parse(std::get<SourceEntry>(read).source, Schema::builtin());
    QCOMPARE(imported.text(), original.text());
    QCOMPARE(spanKeys(imported), spanKeys(original));
    QCOMPARE(summary(reader.read(1)), u"18|M"_s);
}

void TestImporters::concurrentReadsMatchSequentialReads()
{
    QTemporaryDir tmp;
    QByteArray doccano;
    QJsonArray tasks;
    for (int i = 0; i < 600; ++i) {
        const QByteArray n = QByteArray::number(i);
        if (i % 5 == 3) {
            doccano += R"({"id": )" + n + R"(, "text": "bad", "label": [[0, 9, "model"]]})" "\n";
        } else {
            doccano += R"({"id": )" + n + R"(, "text": ")" + QByteArray(astral) + R"( M)" + n + R"( <b>", "label": [[5, )"
                       + QByteArray::number(6 + n.size()) + R"(, "model"]]})" "\n";
        }
        const QJsonObject value{{u"start"_s, 2}, {u"end"_s, 3 + i % 2}, {u"labels"_s, QJsonArray{u"model"_s}}};
        tasks.append(QJsonObject{
            {u"id"_s, i},
            {u"data"_s, QJsonObject{{u"text"_s, QString(u"\U0001F600 " % QString::number(i * 11))}}},
            {u"annotations"_s, QJsonArray{QJsonObject{{u"result"_s, QJsonArray{QJsonObject{{u"type"_s, u"labels"_s},
                                                                                       {u"value"_s, value}}}}}}}});
    }
    writeFile(tmp.filePath(u"d.jsonl"_s), doccano);
    writeFile(tmp.filePath(u"t.json"_s), QJsonDocument(tasks).toJson());
    const BatchReader reader = BatchReader::open({tmp.filePath(u"d.jsonl"_s), tmp.filePath(u"t.json"_s)});
    QCOMPARE(reader.size(), 1200);
    const QStringList sequential = summaries(reader);
    QList<qsizetype> units(reader.size());
    std::iota(units.begin(), units.end(), 0);
    const QStringList concurrent =
        QtConcurrent::blockingMapped<QStringList>(units, [&reader](qsizetype unit) -> QString {
            return summary(reader.read(unit));
        });
    QCOMPARE(concurrent, sequential);
    QCOMPARE(sequential.at(0), u"0|<!---->\U0001F600\U0001D538 <model>M0</model> &lt;b&gt;"_s);
    QCOMPARE(sequential.at(3), uR"(4: span 1 "model" [0, 9): outside the text (3 UTF-16 units))"_s);
    QCOMPARE(sequential.at(601), u"1|\U0001F600 <model>11</model>"_s);
}

QTEST_GUILESS_MAIN(TestImporters)
#include "tst_importers.moc"
