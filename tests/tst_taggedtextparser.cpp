#include "document.h"
#include "documenteditor.h"
#include "expectedsupport.h"
#include "schema.h"
#include "utf8.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace annorev;
using annorev::test::errorOf;

Q_DECLARE_METATYPE(annorev::SpanEdit)

namespace {

QString spansOf(const Document &doc)
{
    QStringList parts;
    for (const Span &span : doc.spans()) {
        parts << QStringLiteral("%1:%2-%3").arg(span.label).arg(span.start).arg(span.end);
    }
    return parts.join(u',');
}

QString issuesOf(const Document &doc)
{
    static const char *const names[] = {"Unclosed", "Stray", "Crossing", "Nested", "SelfClosing", "UnknownLabel"};
    QStringList parts;
    for (const MarkupIssue &issue : doc.markupIssues()) {
        parts << QStringLiteral("%1:%2@%3-%4")
                     .arg(QLatin1StringView(names[issue.kind]), issue.tag)
                     .arg(issue.start)
                     .arg(issue.end);
    }
    return parts.join(u',');
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(path));
    }
    return file.readAll();
}

Span spanAt(const QString &label, qsizetype start, qsizetype end)
{
    Span span;
    span.label = label;
    span.start = start;
    span.end = end;
    return span;
}

QStringList seedFiles()
{
    return QDir(QStringLiteral(ANNOREV_SAMPLES_DIR)).entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
}

} // namespace

class TestTaggedTextParser : public QObject
{
    Q_OBJECT

private slots:
    void parsesTextSpansAndIssues_data();
    void parsesTextSpansAndIssues();
    void sourceOffsetPointsAtEachCharacter_data();
    void sourceOffsetPointsAtEachCharacter();
    void offsetsConvertBetweenUtf16AndCodePoints();
    void attributesAreKept();
    void blockElementsBreakLines();
    void blockMarkupStandsForOneLineBreak_data();
    void blockMarkupStandsForOneLineBreak();
    void insertedBreakMapsToTheMarkupItStandsFor();
    void seed004ParagraphsAreLines();
    void invalidUtf8BecomesReplacementAndIsFlagged();
    void seedsParseWithoutMarkupIssues_data();
    void seedsParseWithoutMarkupIssues();
    void removingAndRestoringEverySpanGivesBackTheSeedBytes_data();
    void removingAndRestoringEverySpanGivesBackTheSeedBytes();
    void editChangesOnlyTheTagsItTouches_data();
    void editChangesOnlyTheTagsItTouches();
    void editIsRefused_data();
    void editIsRefused();
    void hugeInputsParseInLinearTime();
    void longTagSoupGivesTheRecordedSpansAndIssues();
    void decodesEveryHtml5NamedReference_data();
    void decodesEveryHtml5NamedReference();
};

void TestTaggedTextParser::parsesTextSpansAndIssues_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("spans");
    QTest::addColumn<QString>("issues");

    QTest::addRow("plain") << QByteArray("a <model>X</model> b") << u"a X b"_s << u"model:2-3"_s << QString();
    QTest::addRow("empty file") << QByteArray() << QString() << QString() << QString();
    QTest::addRow("crlf kept") << QByteArray("one\r\n<model>X</model>\r\n") << u"one\r\nX\r\n"_s << u"model:5-6"_s
                               << QString();
    QTest::addRow("bom not in text") << QByteArray("\xef\xbb\xbfhi <year>2023</year>") << u"hi 2023"_s << u"year:3-7"_s
                                     << QString();
    QTest::addRow("entities decoded with html")
        << QByteArray("<p>A &amp; <model>B&#8212;C&#x1F600;</model></p>") << QStringLiteral("A & B\u2014C\U0001F600")
        << u"model:4-9"_s << QString();
    QTest::addRow("entities kept without html")
        << QByteArray("A &amp; <model>B</model>") << u"A &amp; B"_s << u"model:8-9"_s << QString();
    QTest::addRow("unknown entity kept") << QByteArray("<b>x</b> &bogus; &#0; &amp;x &") << u"x &bogus; &#0; &x &"_s
                                         << QString() << QString();
    QTest::addRow("entity outside the first hundred")
        << QByteArray("<p><model>&Eacute;cole-7B</model> &NotEqualTilde; &bernou;</p>")
        << QStringLiteral("\u00c9cole-7B \u2242\u0338 \u212c") << u"model:0-8"_s << QString();
    QTest::addRow("legacy reference without semicolon at a word end")
        << QByteArray("<b>&copy 2023 &eacute. &AMP</b>") << QStringLiteral("\u00a9 2023 \u00e9. &") << QString()
        << QString();
    QTest::addRow("reference without semicolon glued to a word kept")
        << QByteArray("<b>&copy2023 &notin &amp=1 &ensp x</b>") << u"&copy2023 &notin &amp=1 &ensp x"_s << QString()
        << QString();
    QTest::addRow("astral characters before a span")
        << QByteArray("\xf0\x9d\x94\xb8\xf0\x9f\x98\x80 <model>X</model>") << QStringLiteral("\U0001D538\U0001F600 X")
        << u"model:5-6"_s << QString();
    QTest::addRow("less-than that opens no tag is text")
        << QByteArray("x < y, <5% and a<b <model>M</model> <") << u"x < y, <5% and a<b M <"_s << u"model:19-20"_s
        << QString();
    QTest::addRow("unknown tag removed and flagged")
        << QByteArray("<gpu_type>A100</gpu_type> on") << u"A100 on"_s << QString() << u"UnknownLabel:gpu_type@0-4"_s;
    QTest::addRow("labels are case-sensitive")
        << QByteArray("<Model>X</Model>") << u"X"_s << QString() << u"UnknownLabel:Model@0-1"_s;
    QTest::addRow("html names are not") << QByteArray("<P>x</P><BR/>") << u"x"_s << QString() << QString();
    QTest::addRow("comments are markup") << QByteArray("<!-- <model>no</model> -->y") << u"y"_s << QString()
                                         << QString();
    QTest::addRow("unclosed tag") << QByteArray("a <model>X") << u"a X"_s << QString() << u"Unclosed:model@2-2"_s;
    QTest::addRow("stray closing tag") << QByteArray("X</model> y") << u"X y"_s << QString() << u"Stray:model@1-1"_s;
    QTest::addRow("crossing tags keep spans") << QByteArray("<model>a<params>b</model>c</params>") << u"abc"_s
                                              << u"model:0-2,params:1-3"_s << u"Crossing:model@0-2"_s;
    QTest::addRow("nested tags keep spans") << QByteArray("<model>a<params>b</params></model>") << u"ab"_s
                                            << u"model:0-2,params:1-2"_s << u"Nested:params@1-2"_s;
    QTest::addRow("self-closing label") << QByteArray("<model/>x") << u"x"_s << QString() << u"SelfClosing:model@0-0"_s;
    QTest::addRow("unterminated quote is text")
        << QByteArray("<model title=\"x>X</model>") << u"<model title=\"x>X"_s << QString() << u"Stray:model@17-17"_s;
    QTest::addRow("attribute needs white space")
        << QByteArray("<model\"x\">X</model>") << u"<model\"x\">X"_s << QString() << u"Stray:model@11-11"_s;
    QTest::addRow("adjacent spans") << QByteArray("<gpu_count>8</gpu_count>x <hardware>A100</hardware>") << u"8x A100"_s
                                    << u"gpu_count:0-1,hardware:3-7"_s << QString();
}

void TestTaggedTextParser::parsesTextSpansAndIssues()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, text);
    QFETCH(QString, spans);
    QFETCH(QString, issues);
    const Document doc = Document::parse(source, Schema::builtin());
    QCOMPARE(doc.text(), text);
    QCOMPARE(spansOf(doc), spans);
    QCOMPARE(issuesOf(doc), issues);
    QCOMPARE(doc.source(), source);
}

void TestTaggedTextParser::sourceOffsetPointsAtEachCharacter_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addRow("ascii with tags") << QByteArray("a <model>X</model> b");
    QTest::addRow("bom and crlf") << QByteArray("\xef\xbb\xbf<p>x\r\n</p><year>2023</year>");
    QTest::addRow("multibyte") << QByteArray("\xc3\xa9\xe2\x80\x94\xf0\x9f\x98\x80 <model>\xce\xb1</model>");
    QTest::addRow("invalid bytes") << QByteArray("\xff\xe2\x80<model>\xc3</model>z");
    QByteArray longText(10000, 'x');
    longText.insert(5000, "\xe2\x80\x94");
    QTest::addRow("long literal run") << longText;
}

void TestTaggedTextParser::sourceOffsetPointsAtEachCharacter()
{
    QFETCH(QByteArray, source);
    const Document doc = Document::parse(source, Schema::builtin());
    const auto *data = reinterpret_cast<const unsigned char *>(source.constData());
    for (qsizetype pos = 0; pos < doc.text().size(); ++pos) {
        if (doc.text().at(pos).isLowSurrogate()) {
            continue;
        }
        const qsizetype offset = doc.sourceOffset(pos);
        QVERIFY(offset < source.size());
        char32_t codePoint = 0;
        Utf8::decode(data + offset, data + source.size(), &codePoint);
        const char32_t expected = QStringView(doc.text()).sliced(pos).toUcs4().front();
        QCOMPARE(uint(codePoint), uint(expected));
    }
}

void TestTaggedTextParser::offsetsConvertBetweenUtf16AndCodePoints()
{
    const Document doc =
        Document::parse(QByteArray("\xf0\x9d\x94\xb8 \xf0\x9f\x98\x80 <model>X</model>"), Schema::builtin());
    const Span &span = doc.spans().constFirst();
    QCOMPARE(span.start, 6);
    QCOMPARE(doc.codePointOffset(span.start), 4);
    QCOMPARE(doc.codePointOffset(span.end), 5);
    QCOMPARE(doc.utf16Offset(4), 6);
    QCOMPARE(doc.utf16Offset(5), 7);
    QCOMPARE(doc.utf16Offset(1), 2);
    QCOMPARE(doc.codePointOffset(0), 0);
    QCOMPARE(doc.utf16Offset(0), 0);
    for (qsizetype cp = 0; cp <= 5; ++cp) {
        QCOMPARE(doc.codePointOffset(doc.utf16Offset(cp)), cp);
    }
}

void TestTaggedTextParser::attributesAreKept()
{
    const Document doc =
        Document::parse(QByteArray("<model record=\"2\" note='a b' flag>X</model>"), Schema::builtin());
    QCOMPARE(doc.spans().size(), 1);
    const Span &span = doc.spans().constFirst();
    const QList<TagAttribute> expected = {{u"record"_s, u"2"_s}, {u"note"_s, u"a b"_s}, {u"flag"_s, QString()}};
    QCOMPARE(span.attributes, expected);
    QCOMPARE(span.recordAttribute(), 2);
}

void TestTaggedTextParser::blockElementsBreakLines()
{
    const Document doc = Document::parse(QByteArray("<p>a</p><p>b<b>c</b></p>d<br>e"), Schema::builtin());
    QCOMPARE(doc.text(), u"a\nbc\nd\ne"_s);
    // Each break is just after the '\n' the markup stands for: the next block starts there.
    QCOMPARE(doc.blockBreaks(), (QList<qsizetype>{0, 2, 5, 7}));
    QVERIFY(doc.hasHtmlMarkup());
    QVERIFY(doc.isBlockBreak(5));
    QVERIFY(!doc.isBlockBreak(4));
}

void TestTaggedTextParser::blockMarkupStandsForOneLineBreak_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("spans");

    QTest::addRow("paragraphs") << QByteArray("<p>a.</p><p>b</p>") << u"a.\nb"_s << QString();
    QTest::addRow("none at start or end") << QByteArray("<html><body><p>a</p></body></html>") << u"a"_s << QString();
    QTest::addRow("one for a run of tags") << QByteArray("a<br><br></p><div>b") << u"a\nb"_s << QString();
    QTest::addRow("after the run's white space") << QByteArray("a</p> <p>\tb") << u"a \t\nb"_s << QString();
    QTest::addRow("line break already there") << QByteArray("a</p>\n<p>b") << u"a\nb"_s << QString();
    QTest::addRow("crlf already there") << QByteArray("a\r\n<br>b") << u"a\r\nb"_s << QString();
    QTest::addRow("lone cr already there") << QByteArray("a<br>\rb") << u"a\rb"_s << QString();
    QTest::addRow("inline markup breaks nothing")
        << QByteArray("<p>a<b>x</b><span>b</span></p>") << u"axb"_s << QString();
    QTest::addRow("comment in the run") << QByteArray("a<!-- c --><p>b") << u"a\nb"_s << QString();
    QTest::addRow("entities are text") << QByteArray("<p>&amp;</p><p>&lt;</p>") << u"&\n<"_s << QString();
    QTest::addRow("spans in paragraphs") << QByteArray("<p><model>A</model></p><p><model>B</model></p>") << u"A\nB"_s
                                         << u"model:0-1,model:2-3"_s;
    QTest::addRow("span opened in the run starts after the break")
        << QByteArray("<p>A<model></p><p>B</model></p>") << u"A\nB"_s << u"model:2-3"_s;
    QTest::addRow("span closed in the run ends before the break")
        << QByteArray("<p><model>A</p><p></model>B</p>") << u"A\nB"_s << u"model:0-1"_s;
    QTest::addRow("span across paragraphs keeps the break")
        << QByteArray("<p><model>A</p><p>B</model></p>") << u"A\nB"_s << u"model:0-3"_s;
    QTest::addRow("br inside a span") << QByteArray("<model>A<br>B</model>") << u"A\nB"_s << u"model:0-3"_s;
    QTest::addRow("no html, no break") << QByteArray("a<model>b</model>c") << u"abc"_s << u"model:1-2"_s;
}

void TestTaggedTextParser::blockMarkupStandsForOneLineBreak()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, text);
    QFETCH(QString, spans);
    const Document doc = Document::parse(source, Schema::builtin());
    QCOMPARE(doc.text(), text);
    QCOMPARE(spansOf(doc), spans);
    QCOMPARE(doc.source(), source);
    QVERIFY(doc.markupIssues().isEmpty());
}

void TestTaggedTextParser::insertedBreakMapsToTheMarkupItStandsFor()
{
    const QByteArray source("<p>A</p><p>B</p>");
    const Document doc = Document::parse(source, Schema::builtin());
    QCOMPARE(doc.text(), u"A\nB"_s);
    // Before the break is before the markup, after it is after the markup.
    QCOMPARE(doc.sourceOffset(1, Document::Side::BeforeTags), 4);
    QCOMPARE(doc.sourceOffset(1, Document::Side::AfterTags), 11);
    QCOMPARE(doc.sourceOffset(2, Document::Side::AfterTags), 11);

    const Expected<Document> tagged = DocumentEditor::apply(doc, SpanEdit::add(u"model"_s, 2, 3), Schema::builtin());
    QVERIFY2(tagged, qPrintable(errorOf(tagged)));
    QCOMPARE(tagged->source(), QByteArray("<p>A</p><p><model>B</model></p>"));
    const Expected<Document> across = DocumentEditor::apply(doc, SpanEdit::add(u"model"_s, 0, 3), Schema::builtin());
    QVERIFY2(across, qPrintable(errorOf(across)));
    QCOMPARE(across->source(), QByteArray("<p><model>A</p><p>B</model></p>"));
    // A span cannot start or end inside the markup the break stands for.
    QVERIFY(doc.isInsertedBreak(1));
    QVERIFY(!doc.isInsertedBreak(0) && !doc.isInsertedBreak(2));
    QString error = errorOf(DocumentEditor::apply(doc, SpanEdit::add(u"model"_s, 1, 3), Schema::builtin()));
    QVERIFY2(error.contains(u"stands for HTML block markup"_s), qPrintable(error));
    error = errorOf(DocumentEditor::apply(doc, SpanEdit::add(u"model"_s, 0, 2), Schema::builtin()));
    QVERIFY2(error.contains(u"stands for HTML block markup"_s), qPrintable(error));
    // A '\n' of the source is an ordinary character.
    const Document lines = Document::parse(QByteArray("<p>A</p>\n<p>B</p>"), Schema::builtin());
    QVERIFY(!lines.isInsertedBreak(1));
}

void TestTaggedTextParser::seed004ParagraphsAreLines()
{
    const QByteArray source = readFile(QStringLiteral(ANNOREV_SAMPLES_DIR "/004_777d6b4e246e2bc8.txt"));
    const Document doc = Document::parse(source, Schema::builtin());
    QVERIFY(doc.text().contains(u"multi-hop reasoning.\nReleased in 2023, the NeuralReasoner-12B"_s));
    QVERIFY(!doc.text().startsWith(u'\n'));
    QVERIFY(!doc.text().endsWith(u'\n'));
    // Every span still covers what its tags enclose.
    for (const Span &span : doc.spans()) {
        const QByteArrayView inner =
            QByteArrayView(source).sliced(span.openTagEnd, span.closeTagBegin - span.openTagEnd);
        QCOMPARE(doc.spanText(span), QString::fromUtf8(inner));
    }
}

void TestTaggedTextParser::invalidUtf8BecomesReplacementAndIsFlagged()
{
    const Document bad = Document::parse(QByteArray("a\xff<model>b\xe2\x80</model>"), Schema::builtin());
    QCOMPARE(bad.text(), QStringLiteral("a\uFFFDb\uFFFD"));
    QVERIFY(bad.hadInvalidUtf8());
    QCOMPARE(spansOf(bad), u"model:2-4"_s);
    const Document good = Document::parse(QByteArray("a\xef\xbf\xbd"), Schema::builtin());
    QCOMPARE(good.text(), QStringLiteral("a\uFFFD"));
    QVERIFY(!good.hadInvalidUtf8());
}

void TestTaggedTextParser::seedsParseWithoutMarkupIssues_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("spanCount");
    QTest::addColumn<bool>("html");
    const QList<int> counts = {9, 8, 0, 6, 9};
    const QStringList files = seedFiles();
    QCOMPARE(files.size(), 5);
    for (qsizetype i = 0; i < files.size(); ++i) {
        QTest::addRow("%s", qPrintable(files[i])) << files[i] << counts[i] << (i == 4);
    }
}

void TestTaggedTextParser::seedsParseWithoutMarkupIssues()
{
    QFETCH(QString, file);
    QFETCH(int, spanCount);
    QFETCH(bool, html);
    const QByteArray source = readFile(QStringLiteral(ANNOREV_SAMPLES_DIR "/") + file);
    const Document doc = Document::parse(source, Schema::builtin());
    QCOMPARE(doc.spans().size(), spanCount);
    QCOMPARE(doc.markupIssues().size(), 0);
    QCOMPARE(doc.hasHtmlMarkup(), html);
    QVERIFY(!doc.text().contains(u"<model>"));
    QCOMPARE(doc.source(), source);
    for (const Span &span : doc.spans()) {
        QCOMPARE(QByteArrayView(source).sliced(span.openTagEnd, span.closeTagBegin - span.openTagEnd),
                 doc.spanText(span).toUtf8());
    }
}

void TestTaggedTextParser::removingAndRestoringEverySpanGivesBackTheSeedBytes_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &file : seedFiles()) {
        QTest::addRow("%s", qPrintable(file)) << file;
    }
}

void TestTaggedTextParser::removingAndRestoringEverySpanGivesBackTheSeedBytes()
{
    QFETCH(QString, file);
    const QByteArray source = readFile(QStringLiteral(ANNOREV_SAMPLES_DIR "/") + file);
    const Document original = Document::parse(source, Schema::builtin());
    Document doc = original;
    for (const Span &span : original.spans()) {
        const Expected<Document> next = DocumentEditor::apply(doc, SpanEdit::remove(span), Schema::builtin());
        QVERIFY2(next, qPrintable(errorOf(next)));
        doc = *next;
    }
    QCOMPARE(doc.spans().size(), 0);
    QCOMPARE(doc.text(), original.text());
    for (const Span &span : original.spans()) {
        SpanEdit add = SpanEdit::add(span.label, span.start, span.end);
        add.attributes = span.attributes;
        const Expected<Document> next = DocumentEditor::apply(doc, add, Schema::builtin());
        QVERIFY2(next, qPrintable(errorOf(next)));
        doc = *next;
    }
    QCOMPARE(doc.source(), source);
}

void TestTaggedTextParser::editChangesOnlyTheTagsItTouches_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<SpanEdit>("edit");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("tag in crlf and bom file")
        << QByteArray("\xef\xbb\xbfWe used\r\n512 GPUs.\r\n") << SpanEdit::add(u"gpu_count"_s, 9, 12)
        << QByteArray("\xef\xbb\xbfWe used\r\n<gpu_count>512</gpu_count> GPUs.\r\n");
    QTest::addRow("tag after astral characters")
        << QByteArray("\xf0\x9f\x98\x80 X-7B") << SpanEdit::add(u"model"_s, 3, 7)
        << QByteArray("\xf0\x9f\x98\x80 <model>X-7B</model>");
    QTest::addRow("tag keeps html and malformed tags")
        << QByteArray("<p>A &amp; B</p>\n<gpu_type>x</gpu_type> C") << SpanEdit::add(u"model"_s, 4, 5)
        << QByteArray("<p>A &amp; <model>B</model></p>\n<gpu_type>x</gpu_type> C");
    // Every span after a tag that is never closed is nested in it; a new one may be too.
    QTest::addRow("tag after an unclosed tag")
        << QByteArray("<training>21 days. <model>M</model> used 8 GPUs.") << SpanEdit::add(u"gpu_count"_s, 16, 17)
        << QByteArray("<training>21 days. <model>M</model> used <gpu_count>8</gpu_count> GPUs.");
    QTest::addRow("untag") << QByteArray("a <model k=\"v\">X</model>\r\n") << SpanEdit::remove(spanAt(u"model"_s, 2, 3))
                           << QByteArray("a X\r\n");
    QTest::addRow("relabel") << QByteArray("a <params record=\"1\">7B</params>")
                             << SpanEdit::relabel(spanAt(u"params"_s, 2, 4), u"model"_s)
                             << QByteArray("a <model record=\"1\">7B</model>");
    QTest::addRow("replace text escapes in html")
        << QByteArray("<p><country>USA</country></p>") << SpanEdit::replaceText(0, 3, u"A&B"_s)
        << QByteArray("<p><country>A&amp;B</country></p>");
    QTest::addRow("replace mojibake") << QByteArray("x \xc3\xa2\xe2\x82\xac\xe2\x80\x9d y")
                                      << SpanEdit::replaceText(2, 5, QStringLiteral("\u2014"))
                                      << QByteArray("x \xe2\x80\x94 y");
}

void TestTaggedTextParser::editChangesOnlyTheTagsItTouches()
{
    QFETCH(QByteArray, source);
    QFETCH(SpanEdit, edit);
    QFETCH(QByteArray, expected);
    const Expected<Document> result =
        DocumentEditor::apply(Document::parse(source, Schema::builtin()), edit, Schema::builtin());
    QVERIFY2(result, qPrintable(errorOf(result)));
    QCOMPARE(result->source(), expected);
}

void TestTaggedTextParser::editIsRefused_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<SpanEdit>("edit");
    QTest::addRow("overlapping span") << QByteArray("<model>abc</model>") << SpanEdit::add(u"params"_s, 1, 2);
    QTest::addRow("unknown label") << QByteArray("abc") << SpanEdit::add(u"gpu_type"_s, 0, 1);
    QTest::addRow("empty selection") << QByteArray("abc") << SpanEdit::add(u"model"_s, 1, 1);
    QTest::addRow("outside the text") << QByteArray("abc") << SpanEdit::add(u"model"_s, 1, 9);
    QTest::addRow("missing span") << QByteArray("abc") << SpanEdit::remove(spanAt(u"model"_s, 0, 1));
    QTest::addRow("text that reads as a tag") << QByteArray("abc") << SpanEdit::replaceText(0, 1, u"<b>"_s);
    QTest::addRow("text across a tag") << QByteArray("a<model>b</model>c") << SpanEdit::replaceText(0, 2, u"z"_s);
}

void TestTaggedTextParser::editIsRefused()
{
    QFETCH(QByteArray, source);
    QFETCH(SpanEdit, edit);
    const Expected<Document> result =
        DocumentEditor::apply(Document::parse(source, Schema::builtin()), edit, Schema::builtin());
    QVERIFY(!result);
    QVERIFY(!result.error().message.isEmpty());
}

void TestTaggedTextParser::hugeInputsParseInLinearTime()
{
    // A quadratic parser would take minutes on these; a linear one well under a second each.
    QByteArray line(100 * 1024 * 1024, 'a');
    for (qsizetype i = 0; i < line.size(); i += 1000) {
        line[i] = (i / 1000) % 3 == 0 ? '<' : ' ';
    }
    const Document big = Document::parse(line, Schema::builtin());
    QCOMPARE(big.text().size(), line.size());

    QByteArray dense;
    dense.reserve(30 * 1000 * 1000);
    for (int i = 0; i < 1000000; ++i) {
        dense += "<model>m</model> ";
    }
    const Document many = Document::parse(dense, Schema::builtin());
    QCOMPARE(many.spans().size(), 1000000);
    QCOMPARE(many.sourceOffset(many.text().size() - 2), dense.size() - 10);

    QByteArray quotes;
    for (int i = 0; i < 200000; ++i) {
        quotes += "<a title=\"x ";
    }
    QCOMPARE(Document::parse(quotes, Schema::builtin()).text().size(), quotes.size());
}

void TestTaggedTextParser::longTagSoupGivesTheRecordedSpansAndIssues()
{
    // Seeded random entity tags, nested, crossing, unclosed and stray: the spans and issues the
    // parser gave before its open-tag stack was made O(log n) per tag must stay the same.
    static const char *const fragments[] = {"<model>",     "</model>", "<params>", "</params>", "<hardware>",
                                            "</hardware>", "<year>",   "</year>",  "<model/>",  "<gpu_type>",
                                            "</gpu_type>", "x ",       "y ",       "z\n"};
    quint32 state = 4242;
    QByteArray source;
    for (int i = 0; i < 30000; ++i) {
        state = state * 1664525u + 1013904223u;
        source += fragments[(state >> 8) % std::size(fragments)];
    }
    const Document doc = Document::parse(source, Schema::builtin());
    const QByteArray actual = (spansOf(doc) + u'\n' + issuesOf(doc) + u'\n').toUtf8();
    const QString expectedPath = QStringLiteral(ANNOREV_TESTDATA_DIR "/tag-soup.parsed.txt");
    QFile expected(expectedPath);
    if (!expected.open(QIODevice::ReadOnly)) {
        QFile out(QDir::temp().filePath(u"tag-soup.parsed.txt"_s));
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(actual) == actual.size());
        QFAIL(qPrintable(u"no %1: the result is in %2"_s.arg(expectedPath, out.fileName())));
    }
    QVERIFY(doc.markupIssues().size() > 1000);
    QVERIFY(actual == expected.readAll());
}

void TestTaggedTextParser::decodesEveryHtml5NamedReference_data()
{
    QTest::addColumn<QByteArray>("reference");
    QTest::addColumn<QString>("characters");
    // WHATWG's entities.json, as tools/generate-html-entities.py wrote it beside the C++ table.
    const QByteArray json = readFile(QStringLiteral(ANNOREV_TESTDATA_DIR "/entities.json"));
    const QJsonObject entities = QJsonDocument::fromJson(json).object();
    QCOMPARE(entities.size(), 2231);
    for (auto it = entities.begin(); it != entities.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        QString characters;
        for (const QJsonValue codePoint : entry.value(u"codepoints").toArray()) {
            const char32_t c = char32_t(codePoint.toInt());
            characters += QString::fromUcs4(&c, 1);
        }
        QCOMPARE(characters, entry.value(u"characters").toString());
        QTest::addRow("%s", qPrintable(it.key())) << it.key().toLatin1() << characters;
    }
}

void TestTaggedTextParser::decodesEveryHtml5NamedReference()
{
    QFETCH(QByteArray, reference);
    QFETCH(QString, characters);
    // References without ';' are HTML's legacy forms: they decode when no letter, digit or '=' follows.
    const Document doc = Document::parse("<b>" + reference + " x</b>", Schema::builtin());
    QCOMPARE(doc.text(), characters + u" x"_s);
    QCOMPARE(doc.sourceOffset(characters.size()), 3 + reference.size());
}

QTEST_GUILESS_MAIN(TestTaggedTextParser)
#include "tst_taggedtextparser.moc"
