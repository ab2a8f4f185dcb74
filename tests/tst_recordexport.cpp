#include "csvcell.h"
#include "exporter.h"
#include "exportfixtures.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace annorev;
using namespace Qt::StringLiterals;

namespace {

using test::errorOf;
using test::readFile;

// A strict RFC 4180 reader: records end with CRLF, quoted fields may hold anything with quotes
// doubled, unquoted fields hold no quote, CR or LF.
Expected<QList<QStringList>> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    qsizetype i = 0;
    const auto failAt = [&](const QString &why) {
        return Error{why % u" at " % QString::number(i)};
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

} // namespace

// The records exports: JSON Lines that agree with `check`, and CSV that spreadsheets read back
// with numbers as numbers and formulas neutralised.
class TestRecordExport : public QObject
{
    Q_OBJECT

private slots:
    void csvCellsAreNeutralisedAndQuoted_data();
    void csvCellsAreNeutralisedAndQuoted();
    void csvNumbersStayNumbers();
    void recordsJsonlMatchesCheck();
    void recordsCsvParsesBackWithInjectionNeutralised();
};

void TestRecordExport::csvCellsAreNeutralisedAndQuoted_data()
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

void TestRecordExport::csvCellsAreNeutralisedAndQuoted()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, cell);
    QByteArray out;
    CsvCell::appendText(&out, text);
    QCOMPARE(out, cell);
}

void TestRecordExport::csvNumbersStayNumbers()
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

void TestRecordExport::recordsJsonlMatchesCheck()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"records.jsonl"_s);
    const QList<ExportDocument> docs = ExportFixtures::readBatch(QStringLiteral(ANNOREV_SAMPLES_DIR));
    const Expected<ExportResult> result = ExportFixtures::exportTo(docs, ExportFormat::RecordsJsonl, out);
    QVERIFY2(result, qPrintable(errorOf(result)));
    QCOMPARE(result->documents, docs.size());

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
    QCOMPARE(result->items, lines.size() - 1);
}

void TestRecordExport::recordsCsvParsesBackWithInjectionNeutralised()
{
    QTemporaryDir dir;
    const QString csvPath = dir.filePath(u"records.csv"_s);
    const QString jsonPath = dir.filePath(u"records.jsonl"_s);
    const QList<ExportDocument> docs = ExportFixtures::annotationBatch();
    QVERIFY_OK(ExportFixtures::exportTo(docs, ExportFormat::RecordsCsv, csvPath));
    QVERIFY_OK(ExportFixtures::exportTo(docs, ExportFormat::RecordsJsonl, jsonPath));

    const Expected<QList<QStringList>> rows = parseCsv(readFile(csvPath));
    QVERIFY2(rows, qPrintable(errorOf(rows)));
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

QTEST_GUILESS_MAIN(TestRecordExport)
#include "tst_recordexport.moc"
