#include "annotatedtext.h"
#include "bratnames.h"
#include "conllexporter.h"
#include "document.h"
#include "exporter.h"
#include "exportfixtures.h"
#include "schema.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace annorev;
using namespace Qt::StringLiterals;

namespace {

using test::errorOf;
using test::readFile;
using test::readTree;

QString slice(const QString &text, qsizetype start, qsizetype end, OffsetUnit unit)
{
    if (unit == OffsetUnit::Utf16) {
        return (start < 0 || end < start || end > text.size()) ? u"<out of range>"_s : text.mid(start, end - start);
    }
    const QList<uint> codePoints = text.toUcs4();
    if (start < 0 || end < start || end > codePoints.size()) {
        return u"<out of range>"_s;
    }
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()) + start, end - start);
}

struct ParsedSpan
{
    QString label;
    qsizetype start = 0;
    qsizetype end = 0;
    QString text; // as the format states it, if it does
};

struct ParsedDocument
{
    QString id;
    QString text;
    QList<ParsedSpan> spans;
};

QList<ParsedDocument> parseDoccano(const QByteArray &bytes)
{
    QList<ParsedDocument> docs;
    for (const QByteArray &line : bytes.split('\n')) {
        if (line.isEmpty()) {
            continue;
        }
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(line, &error).object();
        if (error.error != QJsonParseError::NoError) {
            qWarning("bad doccano line: %s", qPrintable(error.errorString()));
            return {};
        }
        ParsedDocument doc{object.value(u"id").toString(), object.value(u"text").toString(), {}};
        for (const QJsonValue &label : object.value(u"label").toArray()) {
            const QJsonArray triple = label.toArray();
            doc.spans.append({triple.at(2).toString(), qsizetype(triple.at(0).toInteger()),
                              qsizetype(triple.at(1).toInteger()), QString()});
        }
        docs.append(doc);
    }
    return docs;
}

QList<ParsedDocument> parseLabelStudio(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !json.isArray()) {
        qWarning("bad label-studio output: %s", qPrintable(error.errorString()));
        return {};
    }
    QList<ParsedDocument> docs;
    for (const QJsonValue &task : json.array()) {
        const QJsonObject data = task[u"data"].toObject();
        ParsedDocument doc{data.value(u"id").toString(), data.value(u"text").toString(), {}};
        const QJsonArray annotations = task[u"annotations"].toArray();
        if (annotations.size() != 1) {
            qWarning("expected one annotation per task");
            return {};
        }
        for (const QJsonValue &item : annotations.at(0)[u"result"].toArray()) {
            const QJsonObject value = item[u"value"].toObject();
            if (item[u"from_name"].toString() != u"label" || item[u"to_name"].toString() != u"text" ||
                item[u"type"].toString() != u"labels" || item[u"id"].toString().isEmpty() ||
                value.value(u"labels").toArray().size() != 1) {
                qWarning("bad result item");
                return {};
            }
            doc.spans.append({value.value(u"labels").toArray().at(0).toString(),
                              qsizetype(value.value(u"start").toInteger()), qsizetype(value.value(u"end").toInteger()),
                              value.value(u"text").toString()});
        }
        docs.append(doc);
    }
    return docs;
}

// Text as Python's open(path, 'rU') reads it, which is how brat's open_textfile reads a .txt:
// universal newlines, so that a CRLF and a lone CR are each one '\n'.
QString universalNewlines(QString text)
{
    return text.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
}

// brat: NAME.txt + NAME.ann per document, in the order of the ids, the .txt read as brat reads
// it. A span's fragments must each match the text and their texts joined by a space must be the
// stated text.
QList<ParsedDocument> parseBrat(const QString &folder, const QStringList &ids, OffsetUnit unit)
{
    QList<ParsedDocument> docs;
    const QStringList stems = BratNames::uniqueStems(ids);
    static const QRegularExpression line(u"^T(\\d+)\\t(\\S+) ([0-9 ;]+)\\t(.*)$"_s);
    for (qsizetype d = 0; d < ids.size(); ++d) {
        ParsedDocument doc{
            ids.at(d), universalNewlines(QString::fromUtf8(readFile(folder % u'/' % stems.at(d) % u".txt"))), {}};
        const QString ann = QString::fromUtf8(readFile(folder % u'/' % stems.at(d) % u".ann"));
        for (const QString &entry : ann.split(u'\n', Qt::SkipEmptyParts)) {
            const QRegularExpressionMatch match = line.match(entry);
            if (!match.hasMatch()) {
                qWarning("bad .ann line: %s", qPrintable(entry));
                return {};
            }
            QStringList fragmentTexts;
            qsizetype first = -1;
            qsizetype last = -1;
            for (const QString &fragment : match.captured(3).split(u';')) {
                const QStringList bounds = fragment.split(u' ');
                const qsizetype start = bounds.value(0).toLongLong();
                const qsizetype end = bounds.value(1).toLongLong();
                fragmentTexts.append(slice(doc.text, start, end, unit));
                first = first < 0 ? start : first;
                last = end;
            }
            if (fragmentTexts.join(u' ') != match.captured(4)) {
                qWarning("brat fragments do not match their text: %s", qPrintable(entry));
                return {};
            }
            doc.spans.append({match.captured(2), first, last, QString()});
        }
        docs.append(doc);
    }
    return docs;
}

// The plain text and spans each document should come out with.
QList<ParsedDocument> expectedDocuments(const QList<ExportDocument> &docs)
{
    QList<ParsedDocument> expected;
    for (const ExportDocument &source : docs) {
        const Document doc = Document::parse(source.taggedText, Schema::builtin());
        ParsedDocument parsed{source.id, doc.text(), {}};
        for (const Span &span : doc.spans()) {
            parsed.spans.append({span.label, span.start, span.end, doc.spanText(span)});
        }
        expected.append(parsed);
    }
    return expected;
}

} // namespace

class TestExporters : public QObject
{
    Q_OBJECT

private slots:
    void formatAndUnitNames();
    void annotationOffsetsMatchTheText_data();
    void annotationOffsetsMatchTheText();
    void verificationRejectsAShiftedSpan();
    void htmlParagraphsReachEveryExportAsLines_data();
    void htmlParagraphsReachEveryExportAsLines();
    void emptySpanIsLeftOutWithAWarningNamingItsDocument_data();
    void emptySpanIsLeftOutWithAWarningNamingItsDocument();
    void bratTextHasLfLineEndsAndBratReadsEverySpanBack_data();
    void bratTextHasLfLineEndsAndBratReadsEverySpanBack();
    void conllTokensAndTags();
    void bratNamesAreSafe_data();
    void bratNamesAreSafe();
    void bratNamesAreUniqueAndDeterministic();
    void bratExportStaysInItsFolder();
    void statusFilterIsHonoured();
};

void TestExporters::formatAndUnitNames()
{
    for (const QString &name : exportFormatNames()) {
        QCOMPARE(exportFormatName(exportFormatFromName(name).value()), name);
    }
    QCOMPARE(exportFormatNames().size(), 7);
    QVERIFY(!exportFormatFromName(u"csv").has_value());
    QCOMPARE(defaultOffsetUnit(ExportFormat::Doccano), OffsetUnit::Utf16);
    QCOMPARE(defaultOffsetUnit(ExportFormat::LabelStudio), OffsetUnit::CodePoint);
    QCOMPARE(defaultOffsetUnit(ExportFormat::Brat), OffsetUnit::CodePoint);
    QCOMPARE(offsetUnitFromName(u"utf16"), OffsetUnit::Utf16);
    QCOMPARE(offsetUnitFromName(u"codepoint"), OffsetUnit::CodePoint);
    QVERIFY(!offsetUnitFromName(u"bytes").has_value());

    QCOMPARE(ExportOptions::parseStatuses(u"all").value(), QList<ReviewStatus>());
    QCOMPARE(ExportOptions::parseStatuses(u"approved,needs-work").value(),
             (QList<ReviewStatus>{ReviewStatus::Approved, ReviewStatus::NeedsWork}));
    const Expected<QList<ReviewStatus>> unknown = ExportOptions::parseStatuses(u"approved,done");
    QVERIFY(!unknown.has_value());
    QVERIFY(unknown.error().message.contains(u"\"done\""));
}

void TestExporters::annotationOffsetsMatchTheText_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<std::optional<OffsetUnit>>("override");
    QTest::addColumn<OffsetUnit>("unit");
    QTest::addRow("doccano") << ExportFormat::Doccano << std::optional<OffsetUnit>() << OffsetUnit::Utf16;
    QTest::addRow("doccano --offsets codepoint")
        << ExportFormat::Doccano << std::optional<OffsetUnit>(OffsetUnit::CodePoint) << OffsetUnit::CodePoint;
    QTest::addRow("label-studio") << ExportFormat::LabelStudio << std::optional<OffsetUnit>() << OffsetUnit::CodePoint;
    QTest::addRow("label-studio --offsets utf16")
        << ExportFormat::LabelStudio << std::optional<OffsetUnit>(OffsetUnit::Utf16) << OffsetUnit::Utf16;
    QTest::addRow("brat") << ExportFormat::Brat << std::optional<OffsetUnit>() << OffsetUnit::CodePoint;
    QTest::addRow("brat --offsets utf16")
        << ExportFormat::Brat << std::optional<OffsetUnit>(OffsetUnit::Utf16) << OffsetUnit::Utf16;
}

void TestExporters::annotationOffsetsMatchTheText()
{
    QFETCH(ExportFormat, format);
    QFETCH(std::optional<OffsetUnit>, override);
    QFETCH(OffsetUnit, unit);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"out"_s);
    const QList<ExportDocument> docs = ExportFixtures::annotationBatch();
    const Expected<ExportResult> result = ExportFixtures::exportTo(docs, format, out, override);
    QVERIFY2(result, qPrintable(errorOf(result)));

    QList<ParsedDocument> parsed;
    if (format == ExportFormat::Doccano) {
        parsed = parseDoccano(readFile(out));
    } else if (format == ExportFormat::LabelStudio) {
        parsed = parseLabelStudio(readFile(out));
    } else {
        QStringList ids;
        for (const ExportDocument &doc : docs) {
            ids.append(doc.id);
        }
        parsed = parseBrat(out, ids, unit);
        QVERIFY(QFile::exists(out % u"/annotation.conf"));
    }
    QList<ParsedDocument> expected = expectedDocuments(docs);
    if (format == ExportFormat::Brat) {
        // brat's text is the one it reads, with universal newlines.
        for (ParsedDocument &doc : expected) {
            doc.text = universalNewlines(doc.text);
            for (ParsedSpan &span : doc.spans) {
                span.text = universalNewlines(span.text);
            }
        }
    }
    QCOMPARE(parsed.size(), expected.size());
    const OffsetUnit otherUnit = unit == OffsetUnit::Utf16 ? OffsetUnit::CodePoint : OffsetUnit::Utf16;
    qsizetype spans = 0;
    qsizetype wrongUnitMismatches = 0;
    for (qsizetype d = 0; d < expected.size(); ++d) {
        QCOMPARE(parsed.at(d).id, expected.at(d).id);
        QCOMPARE(parsed.at(d).text, expected.at(d).text);
        QCOMPARE(parsed.at(d).spans.size(), expected.at(d).spans.size());
        for (qsizetype s = 0; s < expected.at(d).spans.size(); ++s) {
            const ParsedSpan &got = parsed.at(d).spans.at(s);
            const ParsedSpan &want = expected.at(d).spans.at(s);
            QCOMPARE(got.label, want.label);
            QCOMPARE(slice(parsed.at(d).text, got.start, got.end, unit), want.text);
            if (!got.text.isNull()) {
                QCOMPARE(got.text, want.text);
            }
            wrongUnitMismatches += slice(parsed.at(d).text, got.start, got.end, otherUnit) != want.text;
            ++spans;
        }
    }
    QCOMPARE(result->items, spans);
    // The fixture has astral characters before spans: reading in the other unit must go wrong,
    // or this test could not tell the units apart.
    QVERIFY(wrongUnitMismatches >= 3);
}

void TestExporters::verificationRejectsAShiftedSpan()
{
    const ExportDocument source = ExportFixtures::handWritten().constFirst();
    const Document doc = Document::parse(source.taggedText, Schema::builtin());
    AnnotatedText text = AnnotatedText::fromDocument(source.id, doc, OffsetUnit::CodePoint);
    QVERIFY_OK(text.verify());
    // UTF-16 offsets labelled as code points: the shift that astral characters cause.
    const Span &model = doc.spans().constFirst();
    text.spans.first().start = model.start;
    text.spans.first().end = model.end;
    const Expected<void> shifted = text.verify();
    QVERIFY(!shifted);
    QCOMPARE(shifted.error().message,
             u"document astral.txt: span model %1-%2 does not match its text"_s.arg(model.start).arg(model.end));

    // Nothing is written when a span does not verify, whatever the format.
    QTemporaryDir dir;
    for (ExportFormat format : {ExportFormat::Doccano, ExportFormat::LabelStudio, ExportFormat::Brat}) {
        const QString out = dir.filePath(exportFormatName(format));
        ExportOptions options;
        options.outPath = out;
        AnnotatedText good = AnnotatedText::fromDocument(u"good"_s, doc, OffsetUnit::CodePoint);
        const Expected<ExportResult> result = exportAnnotatedTexts({good, text}, format, options);
        QVERIFY(!result);
        QVERIFY(result.error().message.contains(u"does not match its text"));
        QVERIFY2(!QFileInfo::exists(out), qPrintable(out));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    }
}

void TestExporters::htmlParagraphsReachEveryExportAsLines_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addRow("doccano") << ExportFormat::Doccano;
    QTest::addRow("label-studio") << ExportFormat::LabelStudio;
    QTest::addRow("brat") << ExportFormat::Brat;
}

// Seed 004's "<p>…multi-hop reasoning.</p><p>Released in…" once reached the next tool as
// "reasoning.Released in"; each paragraph is now a line of the exported text.
void TestExporters::htmlParagraphsReachEveryExportAsLines()
{
    QFETCH(ExportFormat, format);
    const QString sample = QStringLiteral(ANNOREV_SAMPLES_DIR "/004_777d6b4e246e2bc8.txt");
    const QList<ExportDocument> docs = ExportFixtures::readBatch(sample);
    QTemporaryDir dir;
    const QString out = dir.filePath(u"out"_s);
    QVERIFY_OK(ExportFixtures::exportTo(docs, format, out));
    const QList<ParsedDocument> parsed = format == ExportFormat::Doccano ? parseDoccano(readFile(out))
                                         : format == ExportFormat::LabelStudio
                                             ? parseLabelStudio(readFile(out))
                                             : parseBrat(out, {docs.first().id}, OffsetUnit::CodePoint);
    QCOMPARE(parsed.size(), 1);
    QVERIFY(parsed.first().text.contains(u"multi-hop reasoning.\nReleased in 2023"_s));
    QVERIFY(!parsed.first().text.contains(u"reasoning.Released"_s));
    QCOMPARE(parsed.first().spans.size(), 9);
}

void TestExporters::emptySpanIsLeftOutWithAWarningNamingItsDocument_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addRow("doccano") << ExportFormat::Doccano;
    QTest::addRow("label-studio") << ExportFormat::LabelStudio;
    QTest::addRow("brat") << ExportFormat::Brat;
    QTest::addRow("conll") << ExportFormat::Conll;
}

// doccano and annorev's import refuse a span with no text, the other tools have nothing to show
// for one: it is left out with a warning rather than written as [0, 0].
void TestExporters::emptySpanIsLeftOutWithAWarningNamingItsDocument()
{
    QFETCH(ExportFormat, format);
    const QList<ExportDocument> docs{
        ExportFixtures::folderDocument(u"full.txt"_s, "<model>Foo-7B</model> has <params>7B</params>.\n"),
        ExportFixtures::folderDocument(u"empty.txt"_s,
                                       "\xF0\x9F\x98\x80 <model></model>Bar-7B has <params>7B</params>.\n")};
    QTemporaryDir dir;
    const QString out = dir.filePath(u"out"_s);
    const Expected<ExportResult> result = ExportFixtures::exportTo(docs, format, out);
    QVERIFY2(result, qPrintable(errorOf(result)));
    QCOMPARE(result->documents, 2);
    QCOMPARE(result->items, 3);
    QCOMPARE(result->warnings, QStringList{u"document empty.txt: the empty model span at 2 is left out: "_s +
                                           exportFormatName(format) + u" cannot hold an empty span"_s});

    QList<ParsedDocument> parsed;
    if (format == ExportFormat::Doccano) {
        parsed = parseDoccano(readFile(out));
    } else if (format == ExportFormat::LabelStudio) {
        parsed = parseLabelStudio(readFile(out));
    } else if (format == ExportFormat::Brat) {
        parsed = parseBrat(out, {u"full.txt"_s, u"empty.txt"_s}, OffsetUnit::CodePoint);
    } else {
        // Bar-7B is tagged as nothing: the empty span before it gives no B- tag.
        const QByteArray conll = readFile(out);
        QVERIFY2(conll.contains("Bar-7B -X- _ O\n"), conll.constData());
        QCOMPARE(conll.count("B-model"), 1);
        return;
    }
    QCOMPARE(parsed.size(), 2);
    QCOMPARE(parsed.at(1).spans.size(), 1);
    QCOMPARE(parsed.at(1).spans.first().label, u"params"_s);
}

void TestExporters::bratTextHasLfLineEndsAndBratReadsEverySpanBack_data()
{
    QTest::addColumn<QByteArray>("lineBreak");
    QTest::addColumn<std::optional<OffsetUnit>>("override");
    QTest::addRow("lf") << QByteArray("\n") << std::optional<OffsetUnit>();
    QTest::addRow("crlf") << QByteArray("\r\n") << std::optional<OffsetUnit>();
    QTest::addRow("cr") << QByteArray("\r") << std::optional<OffsetUnit>();
    QTest::addRow("crlf --offsets utf16") << QByteArray("\r\n") << std::optional<OffsetUnit>(OffsetUnit::Utf16);
}

void TestExporters::bratTextHasLfLineEndsAndBratReadsEverySpanBack()
{
    QFETCH(QByteArray, lineBreak);
    QFETCH(std::optional<OffsetUnit>, override);
    const OffsetUnit unit = override.value_or(OffsetUnit::CodePoint);
    // Eight spans, each after more line breaks than the one before, one of them across a break.
    QByteArray tagged = "<model>Alpha-7B</model> \xF0\x9F\x98\x80 has <params>7 billion</params> parameters." +
                        lineBreak + lineBreak + "It ran on <gpu_count>64</gpu_count> <hardware>H100</hardware>" +
                        lineBreak + "GPUs for <training>3" + lineBreak + "weeks</training> in" + lineBreak +
                        "<country>Peru</country>," + lineBreak + lineBreak + lineBreak + "<year>2024</year>, then " +
                        lineBreak + "<model>Beta-\xF0\x9D\x94\xB8</model>." + lineBreak;
    const QList<ExportDocument> docs{ExportFixtures::folderDocument(u"breaks.txt"_s, tagged)};
    QTemporaryDir dir;
    const QString out = dir.filePath(u"brat"_s);
    const Expected<ExportResult> result = ExportFixtures::exportTo(docs, ExportFormat::Brat, out, override);
    QVERIFY2(result, qPrintable(errorOf(result)));
    QCOMPARE(result->items, 8);

    const QByteArray txt = readFile(out + u"/breaks.txt"_s);
    QVERIFY(!txt.contains('\r'));
    const Document doc = Document::parse(tagged, Schema::builtin());
    QCOMPARE(QString::fromUtf8(txt), universalNewlines(doc.text()));
    // Every annotation reads back from the text brat reads, at its offsets.
    const QList<ParsedDocument> parsed = parseBrat(out, {u"breaks.txt"_s}, unit);
    QCOMPARE(parsed.size(), 1);
    QCOMPARE(parsed.first().spans.size(), 8);
    for (qsizetype s = 0; s < doc.spans().size(); ++s) {
        const ParsedSpan &span = parsed.first().spans.at(s);
        QCOMPARE(span.label, doc.spans().at(s).label);
        QCOMPARE(slice(parsed.first().text, span.start, span.end, unit),
                 universalNewlines(doc.spanText(doc.spans().at(s))));
    }
}

void TestExporters::conllTokensAndTags()
{
    const auto tokens = [](const QString &text) {
        QStringList out;
        for (const ConllExporter::Token &token : ConllExporter::tokenize(text)) {
            out << text.mid(token.start, token.end - token.start);
        }
        return out;
    };
    QCOMPARE(tokens(u"NeuroFlex-7B has 7.2 billion (1,024 GPUs), \U0001F600x don't."_s),
             (QStringList{u"NeuroFlex-7B"_s, u"has"_s, u"7.2"_s, u"billion"_s, u"("_s, u"1,024"_s, u"GPUs"_s, u")"_s,
                          u","_s, u"\U0001F600"_s, u"x"_s, u"don't"_s, u"."_s}));
    QCOMPARE(tokens(u"\U0001D538\U0001D538-7 \u00a0 A100"_s), (QStringList{u"\U0001D538\U0001D538-7"_s, u"A100"_s}));
    // An HTML block element leaves no space in the plain text but still ends a token.
    const QString blocks = u"France.Next para"_s;
    QStringList split;
    for (const ConllExporter::Token &token : ConllExporter::tokenize(blocks, {7})) {
        split << blocks.mid(token.start, token.end - token.start);
    }
    QCOMPARE(split, (QStringList{u"France"_s, u"."_s, u"Next"_s, u"para"_s}));

    QTemporaryDir dir;
    const QString out = dir.filePath(u"out.conll"_s);
    const QList<ExportDocument> docs = ExportFixtures::annotationBatch();
    QVERIFY_OK(ExportFixtures::exportTo(docs, ExportFormat::Conll, out));
    const QString conll = QString::fromUtf8(readFile(out));
    QVERIFY(conll.endsWith(u"\n\n"));

    // Split back into documents and sentences.
    const QList<ParsedDocument> expected = expectedDocuments(docs);
    const QStringList parts = conll.split(u"-DOCSTART- -X- O\n\n"_s);
    QCOMPARE(parts.size(), expected.size() + 1);
    QVERIFY(parts.first().isEmpty());
    static const QRegularExpression row(u"^(\\S+) -X- _ (O|[BI]-\\S+)$"_s);
    for (qsizetype d = 0; d < expected.size(); ++d) {
        const ParsedDocument &doc = expected.at(d);
        QString joined;
        QStringList entities; // the tokens of each entity, joined
        QStringList entityLabels;
        QString previousTag = u"O"_s;
        qsizetype sentences = 0;
        for (const QString &sentence : parts.at(d + 1).split(u"\n\n"_s, Qt::SkipEmptyParts)) {
            ++sentences;
            previousTag = u"O"_s;
            for (const QString &line : sentence.split(u'\n', Qt::SkipEmptyParts)) {
                const QRegularExpressionMatch match = row.match(line);
                QVERIFY2(match.hasMatch(), qPrintable(line));
                const QString token = match.captured(1);
                const QString tag = match.captured(2);
                joined += token;
                if (tag.startsWith(u"I-")) {
                    // IOB2: I- continues an entity of the same label in the same sentence.
                    QVERIFY2(previousTag != u"O" && previousTag.mid(2) == tag.mid(2), qPrintable(line));
                    entities.last() += token;
                } else if (tag.startsWith(u"B-")) {
                    entities.append(token);
                    entityLabels.append(tag.mid(2));
                }
                previousTag = tag;
            }
        }
        // The tokens are the text without its white space, in order.
        QString compact = doc.text;
        compact.remove(QRegularExpression(u"\\s+"_s));
        QCOMPARE(joined, compact);
        QVERIFY(sentences >= 1 || doc.text.trimmed().isEmpty());
        // Spans that start and end on token boundaries come back whole.
        QStringList labels;
        for (const ParsedSpan &span : doc.spans) {
            labels.append(span.label);
        }
        if (doc.id == u"astral.txt") {
            QCOMPARE(entities.first(), u"Flex-\U0001D5387B"_s);
            QCOMPARE(entities.last(), u"Emoji-\U0001F600"_s);
        }
        if (doc.id == u"sub/dir/page.html") {
            QCOMPARE(entities.at(1), u"France"_s);
        }
        if (doc.id == u"crlf.txt") {
            QCOMPARE(sentences, 3);
            QVERIFY(entities.contains(u"acrosstwolines"_s));
        }
        QCOMPARE(entityLabels.size(), labels.size());
        QCOMPARE(entityLabels, labels);
    }
}

void TestExporters::bratNamesAreSafe_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("stem");
    QTest::addRow("plain") << u"000_fb52d27db3b8b6ee.txt"_s << u"000_fb52d27db3b8b6ee"_s;
    QTest::addRow("traversal") << u"../../etc/passwd"_s << u"_._etc_passwd"_s;
    QTest::addRow("absolute") << u"/abs/x"_s << u"_abs_x"_s;
    QTest::addRow("subfolder") << u"a/b"_s << u"a_b"_s;
    QTest::addRow("backslash and drive") << u"C:\\x\\y.html"_s << u"C__x_y"_s;
    QTest::addRow("reserved characters") << u"a*b?c\"d<e>f|g"_s << u"a_b_c_d_e_f_g"_s;
    QTest::addRow("control characters") << u"a\tb\nc\u0000d"_s << u"a_b_c_d"_s;
    QTest::addRow("device name") << u"CON"_s << u"_CON"_s;
    QTest::addRow("device name with extension") << u"nul.txt"_s << u"_nul"_s;
    QTest::addRow("com port") << u"com1.data"_s << u"_com1.data"_s;
    QTest::addRow("dots only") << u".."_s << u"document"_s;
    QTest::addRow("hidden") << u".hidden"_s << u"hidden"_s;
    QTest::addRow("trailing dots and spaces") << u"name. . "_s << u"name"_s;
    QTest::addRow("empty") << QString() << u"document"_s;
    QTest::addRow("unicode kept") << u"caf\u00e9 \U0001F600"_s << u"caf\u00e9 \U0001F600"_s;
    QTest::addRow("long") << QString(300, u'\u00e9') << QString(60, u'\u00e9');
}

void TestExporters::bratNamesAreSafe()
{
    QFETCH(QString, id);
    QFETCH(QString, stem);
    QCOMPARE(BratNames::safeStem(id), stem);
}

void TestExporters::bratNamesAreUniqueAndDeterministic()
{
    const QStringList ids{u"dup"_s, u"DUP"_s, u"dup.txt"_s, u"dup-2"_s, u"a/b"_s, u"a_b"_s, u"dup"_s};
    const QStringList stems = BratNames::uniqueStems(ids);
    QCOMPARE(stems, (QStringList{u"dup"_s, u"DUP-2"_s, u"dup-3"_s, u"dup-2-2"_s, u"a_b"_s, u"a_b-2"_s, u"dup-4"_s}));
    QCOMPARE(BratNames::uniqueStems(ids), stems);
}

void TestExporters::bratExportStaysInItsFolder()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"brat"_s);
    QList<ExportDocument> docs;
    const QStringList ids{u"../../etc/passwd"_s, u"/abs/x"_s, u"a/b"_s, u"CON"_s, u"dup"_s, u"DUP"_s, u"dup"_s};
    for (const QString &id : ids) {
        docs << ExportFixtures::folderDocument(id, "About <model>M-" + id.toUtf8() + "</model>.");
    }
    QVERIFY_OK(ExportFixtures::exportTo(docs, ExportFormat::Brat, out));
    const QMap<QString, QByteArray> files = readTree(out);
    QStringList expectedNames{u"annotation.conf"_s};
    for (const QString &stem : BratNames::uniqueStems(ids)) {
        expectedNames << stem % u".txt" << stem % u".ann";
    }
    expectedNames.sort();
    QCOMPARE(files.keys(), expectedNames);
    // Nothing was written beside the output folder.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{u"brat"_s});
    const QList<ParsedDocument> parsed = parseBrat(out, ids, OffsetUnit::CodePoint);
    QCOMPARE(parsed.size(), ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i) {
        QCOMPARE(parsed.at(i).text, QString(u"About M-"_s % ids.at(i) % u'.'));
    }
}

void TestExporters::statusFilterIsHonoured()
{
    QList<ExportDocument> docs;
    const QList<ReviewStatus> statuses{ReviewStatus::Approved, ReviewStatus::Rejected, ReviewStatus::NeedsWork,
                                       ReviewStatus::Unreviewed, ReviewStatus::Approved};
    for (qsizetype i = 0; i < statuses.size(); ++i) {
        docs << ExportFixtures::folderDocument(u"d%1.txt"_s.arg(i), "<model>M" + QByteArray::number(i) + "</model>",
                                               statuses.at(i));
    }
    QTemporaryDir dir;
    const auto exportedIds = [&](const QList<ReviewStatus> &filter) -> QStringList {
        ExportOptions options;
        options.outPath = dir.filePath(u"out.jsonl"_s);
        options.statuses = filter;
        if (const Expected<ExportResult> result = exportDocuments(docs, ExportFormat::Doccano, options); !result) {
            return {result.error().message};
        }
        QStringList ids;
        for (const ParsedDocument &doc : parseDoccano(readFile(options.outPath))) {
            ids << doc.id;
        }
        return ids;
    };
    QCOMPARE(exportedIds(ExportOptions().statuses), (QStringList{u"d0.txt"_s, u"d4.txt"_s}));
    QCOMPARE(exportedIds({}), (QStringList{u"d0.txt"_s, u"d1.txt"_s, u"d2.txt"_s, u"d3.txt"_s, u"d4.txt"_s}));
    QCOMPARE(exportedIds({ReviewStatus::NeedsWork, ReviewStatus::Rejected}), (QStringList{u"d1.txt"_s, u"d2.txt"_s}));
    QCOMPARE(exportedIds({ReviewStatus::Unreviewed}), QStringList{u"d3.txt"_s});

    // Nothing passes: a valid, empty export.
    ExportOptions options;
    options.outPath = dir.filePath(u"empty.json"_s);
    options.statuses = {ReviewStatus::Rejected};
    const Expected<ExportResult> result = exportDocuments(docs.mid(0, 1), ExportFormat::LabelStudio, options);
    QVERIFY2(result, qPrintable(errorOf(result)));
    QCOMPARE(result->documents, 0);
    QCOMPARE(QJsonDocument::fromJson(readFile(options.outPath)).array(), QJsonArray());
}

QTEST_GUILESS_MAIN(TestExporters)
#include "tst_exporters.moc"
