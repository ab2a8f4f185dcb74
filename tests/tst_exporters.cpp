#include "annotatedtext.h"
#include "bratnames.h"
#include "conllexporter.h"
#include "csvcell.h"
#include "document.h"
#include "exporter.h"
#include "exportfixtures.h"
#include "schema.h"
#include "testsupport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <unistd.h>

using namespace annorev;
using namespace Qt::StringLiterals;

namespace {

using test::readFile;
using test::readTree;
using test::writeFile;

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

// A strict RFC 4180 reader: records end with CRLF, quoted fields may hold anything with quotes
// doubled, unquoted fields hold no quote, CR or LF.
std::optional<QList<QStringList>> parseCsv(const QByteArray &bytes, QString *error)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    qsizetype i = 0;
    const auto failAt = [&](const QString &why) {
        *error = why % u" at " % QString::number(i);
        return std::nullopt;
    };
    while (i < text.size()) {
        if (text.at(i) == u'"') {
            ++i;
            while (true) {
                if (i >= text.size()) {
                    return failAt(u"unterminated quoted field"_s);
                }
                if (text.at(i) == u'"') {
                    if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text.at(i++);
            }
        } else {
            while (i < text.size() && text.at(i) != u',' && text.at(i) != u'\r' && text.at(i) != u'\n') {
                if (text.at(i) == u'"') {
                    return failAt(u"quote in an unquoted field"_s);
                }
                field += text.at(i++);
            }
        }
        row.append(std::exchange(field, QString()));
        if (i < text.size() && text.at(i) == u',') {
            ++i;
            if (i == text.size()) {
                row.append(QString());
            }
            continue;
        }
        if (i + 1 < text.size() && text.at(i) == u'\r' && text.at(i + 1) == u'\n') {
            i += 2;
            rows.append(std::exchange(row, QStringList()));
            continue;
        }
        if (i == text.size()) {
            rows.append(std::exchange(row, QStringList()));
            break;
        }
        return failAt(u"a field is followed by neither a comma nor CRLF"_s);
    }
    return rows;
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

QList<ExportDocument> annotationBatch()
{
    QList<ExportDocument> docs = ExportFixtures::readBatch(QStringLiteral(ANNOREV_SAMPLES_DIR));
    docs += ExportFixtures::handWritten();
    return docs;
}

// count small folder-batch documents, approved, each with one record and two spans.
QList<ExportDocument> manyDocuments(qsizetype count)
{
    QList<ExportDocument> docs;
    for (qsizetype i = 0; i < count; ++i) {
        docs << ExportFixtures::folderDocument(u"d%1.txt"_s.arg(i), "<model>M-" + QByteArray::number(i) +
                                                                        "</model> ran on <hardware>A100</hardware>.\n");
    }
    return docs;
}

ExportResult exportTo(const QList<ExportDocument> &docs, ExportFormat format, const QString &out, QString *error,
                      std::optional<OffsetUnit> offsets = std::nullopt, int jobs = 0)
{
    ExportOptions options;
    options.outPath = out;
    options.offsets = offsets;
    options.jobs = jobs;
    return exportDocuments(docs, format, options, error);
}

} // namespace

class TestExporters : public QObject
{
    Q_OBJECT

private slots:
    void formatAndUnitNames();
    void csvCellsAreNeutralisedAndQuoted_data();
    void csvCellsAreNeutralisedAndQuoted();
    void csvNumbersStayNumbers();
    void recordsJsonlMatchesCheck();
    void recordsCsvParsesBackWithInjectionNeutralised();
    void annotationOffsetsMatchTheText_data();
    void annotationOffsetsMatchTheText();
    void verificationRejectsAShiftedSpan();
    void htmlParagraphsReachEveryExportAsLines_data();
    void htmlParagraphsReachEveryExportAsLines();
    void emptySpanIsLeftOutWithAWarningNamingItsDocument_data();
    void emptySpanIsLeftOutWithAWarningNamingItsDocument();
    void taggedExportKeepsAnEmptySpanAsWritten();
    void bratTextHasLfLineEndsAndBratReadsEverySpanBack_data();
    void bratTextHasLfLineEndsAndBratReadsEverySpanBack();
    void conllTokensAndTags();
    void bratNamesAreSafe_data();
    void bratNamesAreSafe();
    void bratNamesAreUniqueAndDeterministic();
    void bratExportStaysInItsFolder();
    void taggedJsonLinesKeepsLinesAndMetadata();
    void taggedFolderKeepsRelativePaths();
    void taggedSingleFile();
    void taggedRefusesPathsOutsideTheFolder();
    void taggedExportCountsEverySpan_data();
    void taggedExportCountsEverySpan();
    void failedExportLeavesNothing_data();
    void failedExportLeavesNothing();
    void failedExportKeepsThePreviousFile();
    void folderOutputMustBeNewOrEmpty();
    void exportsAreDeterministic_data();
    void exportsAreDeterministic();
    void statusFilterIsHonoured();
    void singleFileFormatsWriteToADevice();
    void progressReachesTheTotalAndNeverGoesBack_data();
    void progressReachesTheTotalAndNeverGoesBack();
    void cancellingLeavesNothingAtTheOutput_data();
    void cancellingLeavesNothingAtTheOutput();
    void cancellingKeepsThePreviousFile();
    void writesFolderAgreesWithTheExport_data();
    void writesFolderAgreesWithTheExport();
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

    QString error;
    QCOMPARE(ExportOptions::parseStatuses(u"all", &error).value(), QList<ReviewStatus>());
    QCOMPARE(ExportOptions::parseStatuses(u"approved,needs-work", &error).value(),
             (QList<ReviewStatus>{ReviewStatus::Approved, ReviewStatus::NeedsWork}));
    QVERIFY(!ExportOptions::parseStatuses(u"approved,done", &error).has_value());
    QVERIFY(error.contains(u"\"done\""));
}

void TestExporters::csvCellsAreNeutralisedAndQuoted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("cell");
    QTest::addRow("plain") << u"NVIDIA A100"_s << QByteArray("NVIDIA A100");
    QTest::addRow("empty") << QString() << QByteArray();
    QTest::addRow("comma") << u"a, b"_s << QByteArray("\"a, b\"");
    QTest::addRow("quote") << u"say \"hi\""_s << QByteArray("\"say \"\"hi\"\"\"");
    QTest::addRow("line feed") << u"a\nb"_s << QByteArray("\"a\nb\"");
    QTest::addRow("hyperlink") << u"=HYPERLINK(\"http://x\",\"y\")"_s
                               << QByteArray("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    QTest::addRow("minus") << u"-2+3"_s << QByteArray("'-2+3");
    // A cell that is a number stays a number, as the README promises: no formula can hide in it.
    QTest::addRow("negative whole number") << u"-3"_s << QByteArray("-3");
    QTest::addRow("negative decimal") << u"-3.5"_s << QByteArray("-3.5");
    QTest::addRow("negative fraction without a zero") << u"-.5"_s << QByteArray("-.5");
    QTest::addRow("positive sign") << u"+1"_s << QByteArray("+1");
    QTest::addRow("negative exponent") << u"-1.5e-3"_s << QByteArray("-1.5e-3");
    QTest::addRow("minus alone") << u"-"_s << QByteArray("'-");
    QTest::addRow("sign then dot") << u"-."_s << QByteArray("'-.");
    QTest::addRow("number then formula") << u"-3+cmd|' /C calc'!A0"_s << QByteArray("'-3+cmd|' /C calc'!A0");
    QTest::addRow("number then text") << u"-3 GPUs"_s << QByteArray("'-3 GPUs");
    QTest::addRow("exponent without digits") << u"-1e"_s << QByteArray("'-1e");
    QTest::addRow("two signs") << u"--3"_s << QByteArray("'--3");
    QTest::addRow("number with a thousands comma") << u"-1,024"_s << QByteArray("\"'-1,024\"");
    QTest::addRow("number then line feed") << u"-3\n=1"_s << QByteArray("\"'-3\n=1\"");
    QTest::addRow("equals number") << u"=3"_s << QByteArray("'=3");
    QTest::addRow("at number") << u"@3"_s << QByteArray("'@3");
    QTest::addRow("at") << u"@SUM(A1:A2)"_s << QByteArray("'@SUM(A1:A2)");
    QTest::addRow("tab") << u"\t=1"_s << QByteArray("'\t=1");
    QTest::addRow("carriage return") << u"\r=1"_s << QByteArray("\"'\r=1\"");
    QTest::addRow("equals later is fine") << u"a=b"_s << QByteArray("a=b");
    QTest::addRow("utf-8") << u"Caf\u00e9 \U0001F600"_s << QByteArray("Caf\xc3\xa9 \xf0\x9f\x98\x80");
}

void TestExporters::csvCellsAreNeutralisedAndQuoted()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, cell);
    QByteArray out;
    CsvCell::appendText(&out, text);
    QCOMPARE(out, cell);
}

void TestExporters::csvNumbersStayNumbers()
{
    const auto number = [](double value) {
        QByteArray out;
        CsvCell::appendNumber(&out, value);
        return out;
    };
    QCOMPARE(number(-3), QByteArray("-3"));
    QCOMPARE(number(7200000000), QByteArray("7200000000"));
    QCOMPARE(number(1.5e9), QByteArray("1500000000"));
    QCOMPARE(number(2556.96), QByteArray("2556.96"));
    QCOMPARE(number(-0.5), QByteArray("-0.5"));
    QCOMPARE(number(1.5e300), QByteArray("1.5e+300"));
    QCOMPARE(number(std::numeric_limits<double>::quiet_NaN()), QByteArray());
}

void TestExporters::recordsJsonlMatchesCheck()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"records.jsonl"_s);
    QString error;
    const QList<ExportDocument> docs = ExportFixtures::readBatch(QStringLiteral(ANNOREV_SAMPLES_DIR));
    const ExportResult result = exportTo(docs, ExportFormat::RecordsJsonl, out, &error);
    QVERIFY2(result.ok, qPrintable(error));
    QCOMPARE(result.documents, docs.size());

    // The records `check --format jsonl` printed for the samples, by document.
    QMap<QString, QJsonArray> checked;
    for (const QByteArray &line : readFile(QStringLiteral(ANNOREV_TESTDATA_DIR "/samples.check.jsonl")).split('\n')) {
        if (!line.isEmpty()) {
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            checked.insert(object.value(u"id").toString(), object.value(u"records").toArray());
        }
    }
    const QStringList keys{u"doc_id"_s,    u"record"_s,         u"model"_s,   u"params"_s, u"hardware"_s,
                           u"gpu_count"_s, u"training_hours"_s, u"country"_s, u"year"_s,   u"status"_s,
                           u"reviewer"_s,  u"reviewed_at"_s,    u"note"_s};
    QMap<QString, qsizetype> rowsPerDocument;
    const QList<QByteArray> lines = readFile(out).split('\n');
    QVERIFY(lines.last().isEmpty());
    for (const QByteArray &line : lines.first(lines.size() - 1)) {
        QJsonParseError parseError;
        const QJsonObject row = QJsonDocument::fromJson(line, &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(row.keys().size(), keys.size());
        // Fixed key order, as written.
        qsizetype at = 0;
        for (const QString &key : keys) {
            const qsizetype found = line.indexOf(QByteArray('"' + key.toUtf8() + "\": "), at);
            QVERIFY2(found >= at, qPrintable(key));
            at = found;
        }
        const QString id = row.value(u"doc_id").toString();
        const qsizetype record = row.value(u"record").toInteger();
        QCOMPARE(record, ++rowsPerDocument[id]);
        const QJsonObject expected = checked.value(id).at(record - 1).toObject();
        for (const QString &key : expected.keys()) {
            QCOMPARE(row.value(key), expected.value(key));
        }
        QCOMPARE(row.value(u"status").toString(), u"approved"_s);
        QCOMPARE(row.value(u"reviewer").toString(), ExportFixtures::reviewer());
        QCOMPARE(row.value(u"reviewed_at").toString(), u"2024-05-01T12:30:00Z"_s);
        QVERIFY(row.value(u"note").isNull());
    }
    for (auto it = checked.cbegin(); it != checked.cend(); ++it) {
        QCOMPARE(rowsPerDocument.value(it.key()), it.value().size());
    }
    QCOMPARE(result.items, lines.size() - 1);
}

void TestExporters::recordsCsvParsesBackWithInjectionNeutralised()
{
    QTemporaryDir dir;
    const QString csvPath = dir.filePath(u"records.csv"_s);
    const QString jsonPath = dir.filePath(u"records.jsonl"_s);
    QString error;
    const QList<ExportDocument> docs = annotationBatch();
    QVERIFY2(exportTo(docs, ExportFormat::RecordsCsv, csvPath, &error).ok, qPrintable(error));
    QVERIFY2(exportTo(docs, ExportFormat::RecordsJsonl, jsonPath, &error).ok, qPrintable(error));

    const std::optional<QList<QStringList>> rows = parseCsv(readFile(csvPath), &error);
    QVERIFY2(rows, qPrintable(error));
    QCOMPARE(rows->first(), (QStringList{u"doc_id"_s, u"record"_s, u"model"_s, u"params"_s, u"hardware"_s,
                                         u"gpu_count"_s, u"training_hours"_s, u"country"_s, u"year"_s, u"status"_s,
                                         u"reviewer"_s, u"reviewed_at"_s, u"note"_s}));
    QList<QJsonObject> jsonRows;
    for (const QByteArray &line : readFile(jsonPath).split('\n')) {
        if (!line.isEmpty()) {
            jsonRows.append(QJsonDocument::fromJson(line).object());
        }
    }
    QCOMPARE(rows->size() - 1, jsonRows.size());

    const QSet<QString> numeric{u"record"_s, u"params"_s, u"gpu_count"_s, u"training_hours"_s, u"year"_s};
    const QStringList header = rows->first();
    bool sawInjection = false;
    bool sawBigNumber = false;
    for (qsizetype r = 1; r < rows->size(); ++r) {
        const QStringList &row = rows->at(r);
        QCOMPARE(row.size(), header.size());
        const QJsonObject &json = jsonRows.at(r - 1);
        for (qsizetype c = 0; c < header.size(); ++c) {
            const QString &cell = row.at(c);
            const QJsonValue value = json.value(header.at(c));
            if (numeric.contains(header.at(c))) {
                // Numbers are cells a spreadsheet reads as the same number, never prefixed.
                if (value.isNull()) {
                    QCOMPARE(cell, QString());
                } else {
                    bool ok = false;
                    QCOMPARE(cell.toDouble(&ok), value.toDouble());
                    QVERIFY2(ok, qPrintable(cell));
                    sawBigNumber = sawBigNumber || cell == u"7200000000";
                }
                continue;
            }
            const QString text = value.isNull() ? QString() : value.toString();
            QVERIFY2(!CsvCell::startsLikeFormula(cell), qPrintable(cell));
            if (CsvCell::startsLikeFormula(text)) {
                QCOMPARE(cell, QString(u"'"_s + text));
                sawInjection = true;
            } else {
                QCOMPARE(cell, text);
            }
        }
    }
    QVERIFY(sawInjection);
    QVERIFY(sawBigNumber);
    // Every injection the fixture tries comes out neutralised; the model named +1 is a number.
    const QByteArray csv = readFile(csvPath);
    for (const char *cell : {"\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"", ",+1,", ",'-2+3,",
                             ",'@SUM(A1:A2),", ",'\t=tab reviewer,", ",\"'\r=1+1 note\nwith lines\"\r\n"}) {
        QVERIFY2(csv.contains(cell), cell);
    }
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
    const QList<ExportDocument> docs = annotationBatch();
    QString error;
    const ExportResult result = exportTo(docs, format, out, &error, override);
    QVERIFY2(result.ok, qPrintable(error));

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
    QCOMPARE(result.items, spans);
    // The fixture has astral characters before spans: reading in the other unit must go wrong,
    // or this test could not tell the units apart.
    QVERIFY(wrongUnitMismatches >= 3);
}

void TestExporters::verificationRejectsAShiftedSpan()
{
    const ExportDocument source = ExportFixtures::handWritten().constFirst();
    const Document doc = Document::parse(source.taggedText, Schema::builtin());
    AnnotatedText text = AnnotatedText::fromDocument(source.id, doc, OffsetUnit::CodePoint);
    QString error;
    QVERIFY2(text.verify(&error), qPrintable(error));
    // UTF-16 offsets labelled as code points: the shift that astral characters cause.
    const Span &model = doc.spans().constFirst();
    text.spans.first().start = model.start;
    text.spans.first().end = model.end;
    QVERIFY(!text.verify(&error));
    QCOMPARE(error, u"document astral.txt: span model %1-%2 does not match its text"_s.arg(model.start).arg(model.end));

    // Nothing is written when a span does not verify, whatever the format.
    QTemporaryDir dir;
    for (ExportFormat format : {ExportFormat::Doccano, ExportFormat::LabelStudio, ExportFormat::Brat}) {
        const QString out = dir.filePath(exportFormatName(format));
        ExportOptions options;
        options.outPath = out;
        AnnotatedText good = AnnotatedText::fromDocument(u"good"_s, doc, OffsetUnit::CodePoint);
        error.clear();
        QVERIFY(!exportAnnotatedTexts({good, text}, format, options, &error).ok);
        QVERIFY(error.contains(u"does not match its text"));
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
    QString error;
    QVERIFY2(exportTo(docs, format, out, &error).ok, qPrintable(error));
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
    QString error;
    const ExportResult result = exportTo(docs, format, out, &error);
    QVERIFY2(result.ok, qPrintable(error));
    QCOMPARE(result.documents, 2);
    QCOMPARE(result.items, 3);
    QCOMPARE(result.warnings, QStringList{u"document empty.txt: the empty model span at 2 is left out: "_s +
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

void TestExporters::taggedExportKeepsAnEmptySpanAsWritten()
{
    const QByteArray source = "<model></model>Bar-7B has <params>7B</params>.\n";
    const QList<ExportDocument> docs{ExportFixtures::folderDocument(u"empty.txt"_s, source)};
    QTemporaryDir dir;
    const QString out = dir.filePath(u"out"_s);
    QString error;
    const ExportResult result = exportTo(docs, ExportFormat::Tagged, out, &error);
    QVERIFY2(result.ok, qPrintable(error));
    QCOMPARE(result.warnings, QStringList());
    QCOMPARE(readFile(out + u"/empty.txt"_s), source);
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
    QString error;
    const ExportResult result = exportTo(docs, ExportFormat::Brat, out, &error, override);
    QVERIFY2(result.ok, qPrintable(error));
    QCOMPARE(result.items, 8);

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
    const QList<ExportDocument> docs = annotationBatch();
    QString error;
    QVERIFY2(exportTo(docs, ExportFormat::Conll, out, &error).ok, qPrintable(error));
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
    QString error;
    QVERIFY2(exportTo(docs, ExportFormat::Brat, out, &error).ok, qPrintable(error));
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

void TestExporters::taggedJsonLinesKeepsLinesAndMetadata()
{
    QTemporaryDir dir;
    const QString input = dir.filePath(u"batch.jsonl"_s);
    const QByteArray batch = ExportFixtures::jsonLinesBatch();
    writeFile(input, batch);
    QList<ExportDocument> docs = ExportFixtures::readBatch(input);
    QCOMPARE(docs.size(), 3);
    QCOMPARE(docs.first().layout, BatchLayout::JsonLines);

    QString error;
    const QString unedited = dir.filePath(u"unedited.jsonl"_s);
    QVERIFY2(exportTo(docs, ExportFormat::Tagged, unedited, &error).ok, qPrintable(error));
    QCOMPARE(readFile(unedited), batch);

    docs[0].taggedText = "<model>Llama-\xF0\x9D\x94\xB8</model> with <params>65B</params> <year>2023</year> \"q\"\n";
    docs[0].edited = true;
    const QString edited = dir.filePath(u"edited.jsonl"_s);
    QVERIFY2(exportTo(docs, ExportFormat::Tagged, edited, &error).ok, qPrintable(error));
    const QList<QByteArray> inLines = batch.split('\n');
    const QList<QByteArray> outLines = readFile(edited).split('\n');
    QCOMPARE(outLines.size(), inLines.size());
    QCOMPARE(outLines.mid(1), inLines.mid(1));
    const QJsonObject before = QJsonDocument::fromJson(inLines.at(0)).object();
    QJsonParseError parseError;
    const QJsonObject after = QJsonDocument::fromJson(outLines.at(0), &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QCOMPARE(after.value(u"text").toString(), QString::fromUtf8(docs[0].taggedText));
    QCOMPARE(after.keys(), before.keys());
    for (const QString &key : before.keys()) {
        if (key != u"text") {
            QCOMPARE(after.value(key), before.value(key));
        }
    }
    // Only the text token changed: the bytes around it are the input's.
    const QByteArray &line = inLines.at(0);
    QVERIFY(outLines.at(0).startsWith(line.first(docs[0].textTokenBegin)));
    QVERIFY(outLines.at(0).endsWith(line.sliced(docs[0].textTokenEnd)));

    // The edited text reads back as the reviewer's document.
    const QString reread = dir.filePath(u"reread"_s);
    QDir().mkpath(reread);
    QVERIFY(QFile::copy(edited, reread % u"/b.jsonl"));
    const QList<ExportDocument> again = ExportFixtures::readBatch(reread % u"/b.jsonl");
    QCOMPARE(again.first().taggedText, docs[0].taggedText);
}

void TestExporters::taggedFolderKeepsRelativePaths()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"corrected"_s);
    QList<ExportDocument> docs = ExportFixtures::readBatch(QStringLiteral(ANNOREV_SAMPLES_DIR));
    QCOMPARE(docs.first().layout, BatchLayout::Folder);
    docs += ExportFixtures::handWritten();
    docs[1].taggedText.replace("<country>Sweden</country>", "<country>Norway</country>");
    docs[1].edited = true;
    QString error;
    const ExportResult result = exportTo(docs, ExportFormat::Tagged, out, &error);
    QVERIFY2(result.ok, qPrintable(error));
    QCOMPARE(result.documents, docs.size());
    const QMap<QString, QByteArray> files = readTree(out);
    QCOMPARE(files.size(), docs.size());
    for (const ExportDocument &doc : docs) {
        QCOMPARE(files.value(doc.relativePath), doc.taggedText);
    }
    // Unedited samples are the input files byte for byte.
    const QMap<QString, QByteArray> samples = readTree(QStringLiteral(ANNOREV_SAMPLES_DIR));
    for (auto it = samples.cbegin(); it != samples.cend(); ++it) {
        if (it.key() != docs[1].relativePath) {
            QCOMPARE(files.value(it.key()), it.value());
        }
    }
    QVERIFY(files.contains(u"sub/dir/page.html"_s));
}

void TestExporters::taggedSingleFile()
{
    QTemporaryDir dir;
    const QString sample = QStringLiteral(ANNOREV_SAMPLES_DIR "/004_777d6b4e246e2bc8.txt");
    const QList<ExportDocument> docs = ExportFixtures::readBatch(sample);
    QCOMPARE(docs.size(), 1);
    QCOMPARE(docs.first().layout, BatchLayout::File);
    const QString out = dir.filePath(u"single.txt"_s);
    QString error;
    QVERIFY2(exportTo(docs, ExportFormat::Tagged, out, &error).ok, qPrintable(error));
    QCOMPARE(readFile(out), readFile(sample));
}

void TestExporters::taggedExportCountsEverySpan_data()
{
    QTest::addColumn<QString>("layout");
    QTest::addRow("folder") << u"folder"_s;
    QTest::addRow("json lines") << u"json lines"_s;
    QTest::addRow("single file") << u"single file"_s;
}

// `annorev export` reports "N document(s), M span(s)": the tagged export said one span per document.
void TestExporters::taggedExportCountsEverySpan()
{
    QFETCH(QString, layout);
    QTemporaryDir dir;
    QList<ExportDocument> docs;
    if (layout == u"folder") {
        docs = ExportFixtures::readBatch(QStringLiteral(ANNOREV_SAMPLES_DIR));
    } else if (layout == u"json lines") {
        writeFile(dir.filePath(u"batch.jsonl"_s), ExportFixtures::jsonLinesBatch());
        docs = ExportFixtures::readBatch(dir.filePath(u"batch.jsonl"_s));
    } else {
        docs = ExportFixtures::readBatch(QStringLiteral(ANNOREV_SAMPLES_DIR "/000_fb52d27db3b8b6ee.txt"));
    }
    qsizetype spans = 0;
    for (const ExportDocument &doc : std::as_const(docs)) {
        spans += Document::parse(doc.taggedText, Schema::builtin()).spans().size();
    }
    QVERIFY(spans > docs.size());
    QString error;
    const ExportResult result = exportTo(docs, ExportFormat::Tagged, dir.filePath(u"out"_s), &error);
    QVERIFY2(result.ok, qPrintable(error));
    QCOMPARE(result.documents, docs.size());
    QCOMPARE(result.items, spans);
}

void TestExporters::taggedRefusesPathsOutsideTheFolder()
{
    QTemporaryDir dir;
    for (const QString &path : {u"../x.txt"_s, u"/etc/x.txt"_s, u"a//b.txt"_s, u"a/./b.txt"_s, u"a\\b.txt"_s}) {
        QList<ExportDocument> docs{ExportFixtures::folderDocument(u"fine.txt"_s, "x")};
        docs << ExportFixtures::folderDocument(u"bad"_s, "y");
        docs.last().relativePath = path;
        const QString out = dir.filePath(u"out"_s);
        QString error;
        QVERIFY2(!exportTo(docs, ExportFormat::Tagged, out, &error).ok, qPrintable(path));
        QVERIFY2(error.contains(u"leaves the output folder"), qPrintable(error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    }
    QList<ExportDocument> twice{ExportFixtures::folderDocument(u"a.txt"_s, "x"),
                                ExportFixtures::folderDocument(u"a.txt"_s, "y")};
    QString error;
    QVERIFY(!exportTo(twice, ExportFormat::Tagged, dir.filePath(u"out"_s), &error).ok);
    QVERIFY2(error.contains(u"another document has the path"), qPrintable(error));
}

void TestExporters::failedExportLeavesNothing_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<QString>("where");
    for (ExportFormat format : {ExportFormat::RecordsJsonl, ExportFormat::Brat}) {
        const QString name = exportFormatName(format);
        QTest::addRow("%s: missing parent", qPrintable(name)) << format << u"missing"_s;
        QTest::addRow("%s: parent is a file", qPrintable(name)) << format << u"file"_s;
        QTest::addRow("%s: read-only parent", qPrintable(name)) << format << u"read-only"_s;
    }
}

void TestExporters::failedExportLeavesNothing()
{
    QFETCH(ExportFormat, format);
    QFETCH(QString, where);
    QTemporaryDir dir;
    QString out;
    if (where == u"missing") {
        out = dir.filePath(u"no/such/folder/out"_s);
    } else if (where == u"file") {
        writeFile(dir.filePath(u"plain"_s), "x");
        out = dir.filePath(u"plain/out"_s);
    } else {
        if (::geteuid() == 0) {
            QSKIP("root writes into read-only folders");
        }
        QDir().mkpath(dir.filePath(u"locked"_s));
        QFile::setPermissions(dir.filePath(u"locked"_s), QFile::ReadOwner | QFile::ExeOwner);
        out = dir.filePath(u"locked/out"_s);
    }
    QString error;
    QVERIFY(!exportTo(annotationBatch(), format, out, &error).ok);
    QVERIFY2(error.startsWith(u"cannot write"), qPrintable(error));
    QVERIFY(!QFileInfo::exists(out));
    const QMap<QString, QByteArray> left = readTree(dir.path());
    QVERIFY2(left.size() <= 1, qPrintable(left.keys().join(u", "))); // "plain" itself
    QFile::setPermissions(dir.filePath(u"locked"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TestExporters::failedExportKeepsThePreviousFile()
{
    QTemporaryDir dir;
    const QString input = dir.filePath(u"batch.jsonl"_s);
    writeFile(input, ExportFixtures::jsonLinesBatch());
    QList<ExportDocument> docs = ExportFixtures::readBatch(input);
    const QString out = dir.filePath(u"out.jsonl"_s);
    writeFile(out, "previous export\n");
    // The last document cannot be written back: the export fails after the first ones rendered.
    docs.last().edited = true;
    docs.last().textTokenBegin = -1;
    QString error;
    QVERIFY(!exportTo(docs, ExportFormat::Tagged, out, &error, std::nullopt, 1).ok);
    QVERIFY2(error.contains(u"j3"), qPrintable(error));
    QCOMPARE(readFile(out), QByteArray("previous export\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), (QStringList{u"batch.jsonl"_s, u"out.jsonl"_s}));
}

void TestExporters::folderOutputMustBeNewOrEmpty()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"brat"_s);
    writeFile(out % u"/keep.txt", "mine");
    QString error;
    QVERIFY(!exportTo(annotationBatch(), ExportFormat::Brat, out, &error).ok);
    QVERIFY2(error.contains(u"not empty"), qPrintable(error));
    QCOMPARE(readTree(out).keys(), QStringList{u"keep.txt"_s});

    QFile::remove(out % u"/keep.txt");
    QVERIFY2(exportTo(annotationBatch(), ExportFormat::Brat, out, &error).ok, qPrintable(error));
    QVERIFY(QFile::exists(out % u"/annotation.conf"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{u"brat"_s});

    writeFile(dir.filePath(u"file"_s), "x");
    QVERIFY(!exportTo(annotationBatch(), ExportFormat::Brat, dir.filePath(u"file"_s), &error).ok);
    QCOMPARE(readFile(dir.filePath(u"file"_s)), QByteArray("x"));
}

void TestExporters::exportsAreDeterministic_data()
{
    QTest::addColumn<ExportFormat>("format");
    for (const QString &name : exportFormatNames()) {
        QTest::addRow("%s", qPrintable(name)) << exportFormatFromName(name).value();
    }
}

void TestExporters::exportsAreDeterministic()
{
    QFETCH(ExportFormat, format);
    QTemporaryDir dir;
    QList<ExportDocument> docs = annotationBatch();
    if (format == ExportFormat::Tagged) {
        docs = docs.mid(0, 5);
    }
    QString error;
    // One thread and two: the order of the output never depends on scheduling.
    QVERIFY2(exportTo(docs, format, dir.filePath(u"a"_s), &error, std::nullopt, 1).ok, qPrintable(error));
    QVERIFY2(exportTo(docs, format, dir.filePath(u"b"_s), &error, std::nullopt, 2).ok, qPrintable(error));
    if (QFileInfo(dir.filePath(u"a"_s)).isDir()) {
        const QMap<QString, QByteArray> a = readTree(dir.filePath(u"a"_s));
        QVERIFY(!a.isEmpty());
        QCOMPARE(a, readTree(dir.filePath(u"b"_s)));
    } else {
        const QByteArray a = readFile(dir.filePath(u"a"_s));
        QVERIFY(!a.isEmpty());
        QCOMPARE(a, readFile(dir.filePath(u"b"_s)));
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
        QString error;
        if (!exportDocuments(docs, ExportFormat::Doccano, options, &error).ok) {
            return {error};
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
    QString error;
    const ExportResult result = exportDocuments(docs.mid(0, 1), ExportFormat::LabelStudio, options, &error);
    QVERIFY2(result.ok, qPrintable(error));
    QCOMPARE(result.documents, 0);
    QCOMPARE(QJsonDocument::fromJson(readFile(options.outPath)).array(), QJsonArray());
}

void TestExporters::singleFileFormatsWriteToADevice()
{
    QTemporaryDir dir;
    const QList<ExportDocument> docs = annotationBatch();
    QString error;
    QVERIFY2(exportTo(docs, ExportFormat::RecordsJsonl, dir.filePath(u"file.jsonl"_s), &error).ok, qPrintable(error));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ExportOptions options;
    options.device = &buffer;
    QVERIFY2(exportDocuments(docs, ExportFormat::RecordsJsonl, options, &error).ok, qPrintable(error));
    QCOMPARE(buffer.data(), readFile(dir.filePath(u"file.jsonl"_s)));
    // A folder cannot go to standard output.
    QVERIFY(!exportDocuments(docs, ExportFormat::Brat, options, &error).ok);
    QVERIFY2(error.contains(u"folder"), qPrintable(error));
}

void TestExporters::progressReachesTheTotalAndNeverGoesBack_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<int>("jobs");
    QTest::addColumn<qsizetype>("count");
    for (ExportFormat format : {ExportFormat::RecordsJsonl, ExportFormat::Brat}) {
        for (int jobs : {1, 2}) {
            QTest::addRow("%s, %d thread(s)", qPrintable(exportFormatName(format)), jobs)
                << format << jobs << qsizetype(700);
        }
    }
    QTest::addRow("no document") << ExportFormat::RecordsJsonl << 1 << qsizetype(0);
}

void TestExporters::progressReachesTheTotalAndNeverGoesBack()
{
    QFETCH(ExportFormat, format);
    QFETCH(int, jobs);
    QFETCH(qsizetype, count);
    QTemporaryDir dir;
    QList<std::pair<qsizetype, qsizetype>> reports;
    ExportOptions options;
    options.outPath = dir.filePath(u"out"_s);
    options.jobs = jobs;
    options.progress = [&](qsizetype done, qsizetype total) {
        reports.append({done, total});
    };
    QString error;
    const ExportResult result = exportDocuments(manyDocuments(count), format, options, &error);
    QVERIFY2(result.ok, qPrintable(error));
    QCOMPARE(result.documents, count);

    QVERIFY(!reports.isEmpty());
    QCOMPARE(reports.constFirst(), std::pair(qsizetype(0), count));
    QCOMPARE(reports.constLast(), std::pair(count, count));
    for (qsizetype i = 1; i < reports.size(); ++i) {
        QCOMPARE(reports.at(i).second, count);
        QVERIFY(reports.at(i).first >= reports.at(i - 1).first);
        // Every few hundred documents, so that a progress bar moves.
        QVERIFY2(reports.at(i).first - reports.at(i - 1).first <= 256,
                 qPrintable(u"%1 -> %2"_s.arg(reports.at(i - 1).first).arg(reports.at(i).first)));
    }
}

void TestExporters::cancellingLeavesNothingAtTheOutput_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<qsizetype>("cancelAt"); // documents done when the flag is set; -1: before the start
    for (ExportFormat format : {ExportFormat::RecordsJsonl, ExportFormat::Brat}) {
        const QString name = exportFormatName(format);
        QTest::addRow("%s: before the start", qPrintable(name)) << format << qsizetype(-1);
        QTest::addRow("%s: at the start", qPrintable(name)) << format << qsizetype(0);
        QTest::addRow("%s: mid-way", qPrintable(name)) << format << qsizetype(256);
        QTest::addRow("%s: after the last document", qPrintable(name)) << format << qsizetype(700);
    }
}

void TestExporters::cancellingLeavesNothingAtTheOutput()
{
    QFETCH(ExportFormat, format);
    QFETCH(qsizetype, cancelAt);
    QTemporaryDir dir;
    std::atomic_bool cancel = cancelAt < 0;
    qsizetype lastDone = -1;
    ExportOptions options;
    options.outPath = dir.filePath(u"out"_s);
    options.cancel = &cancel;
    options.progress = [&](qsizetype done, qsizetype) {
        lastDone = done;
        if (done == cancelAt) {
            cancel = true;
        }
    };
    QString error;
    const ExportResult result = exportDocuments(manyDocuments(700), format, options, &error);
    QVERIFY(!result.ok);
    QCOMPARE(error, u"export cancelled"_s);
    QCOMPARE(lastDone, std::max<qsizetype>(cancelAt, 0));
    QVERIFY(!QFileInfo::exists(options.outPath));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
}

void TestExporters::cancellingKeepsThePreviousFile()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"out.jsonl"_s);
    writeFile(out, "previous export\n");
    std::atomic_bool cancel = false;
    ExportOptions options;
    options.outPath = out;
    options.cancel = &cancel;
    options.progress = [&](qsizetype done, qsizetype) {
        cancel = done > 0;
    };
    QString error;
    QVERIFY(!exportDocuments(manyDocuments(700), ExportFormat::RecordsJsonl, options, &error).ok);
    QCOMPARE(error, u"export cancelled"_s);
    QCOMPARE(readFile(out), QByteArray("previous export\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{u"out.jsonl"_s});
}

void TestExporters::writesFolderAgreesWithTheExport_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<BatchLayout>("layout");
    QTest::addColumn<qsizetype>("count");
    const std::pair<const char *, BatchLayout> layouts[] = {
        {"folder", BatchLayout::Folder}, {"file", BatchLayout::File}, {"jsonl", BatchLayout::JsonLines}};
    for (const QString &name : exportFormatNames()) {
        for (const auto &[layoutName, layout] : layouts) {
            for (qsizetype count : {0, 1, 2}) {
                QTest::addRow("%s, %s batch, %lld document(s)", qPrintable(name), layoutName, qlonglong(count))
                    << exportFormatFromName(name).value() << layout << count;
            }
        }
    }
}

void TestExporters::writesFolderAgreesWithTheExport()
{
    QFETCH(ExportFormat, format);
    QFETCH(BatchLayout, layout);
    QFETCH(qsizetype, count);
    QList<ExportDocument> docs = manyDocuments(count);
    for (ExportDocument &doc : docs) {
        doc.layout = layout;
        if (layout == BatchLayout::JsonLines) {
            doc.relativePath.clear();
            doc.jsonLine = "{\"id\": \"" + doc.id.toUtf8() + "\", \"text\": \"x\"}";
        }
    }
    QTemporaryDir dir;
    const QString out = dir.filePath(u"out"_s);
    QString error;
    QVERIFY2(exportTo(docs, format, out, &error).ok, qPrintable(error));
    QVERIFY(QFileInfo::exists(out));
    QCOMPARE(exportWritesFolder(format, layout, count), QFileInfo(out).isDir());
}

QTEST_GUILESS_MAIN(TestExporters)
#include "tst_exporters.moc"
