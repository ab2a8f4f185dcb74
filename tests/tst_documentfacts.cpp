#include "checker.h"
#include "countryaliases.h"
#include "document.h"
#include "documentfacts.h"
#include "schema.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace annorev;

Q_DECLARE_METATYPE(annorev::DocumentFacts)

// A document's facts are derived once (DocumentFacts::of) and kept by the store as a line of
// text: what it counts, and that the text gives the same facts back.
class TestDocumentFacts : public QObject
{
    Q_OBJECT

private slots:
    void factsCountSpansFindingsAndRecords_data();
    void factsCountSpansFindingsAndRecords();
    void encodedFactsDecodeToTheSame_data();
    void encodedFactsDecodeToTheSame();
    void malformedFactsAreRefused_data();
    void malformedFactsAreRefused();
};

void TestDocumentFacts::factsCountSpansFindingsAndRecords_data()
{
    QTest::addColumn<QByteArray>("tagged");
    QTest::addColumn<QString>("encoded");
    QTest::newRow("no spans") << QByteArray("Nothing tagged here.") << u"records=0;;annotations-missing:w=1"_s;
    QTest::newRow("two records, a label twice")
        << QByteArray("<model>A-7B</model> on <hardware>A100</hardware>; <model>B-1B</model> on "
                      "<hardware>H100</hardware>.")
        << u"records=2;hardware=2,model=2;model-multiple:i=1"_s;
    QTest::newRow("an untagged count next to hardware")
        << QByteArray("<model>A-7B</model> was trained on 512 <hardware>A100 GPUs</hardware>.")
        << u"records=1;hardware=1,model=1;gpu-count-untagged:w=1"_s;
    QTest::newRow("an unknown tag is no span, an implausible year")
        << QByteArray("<model>A</model> <gpus>8</gpus> <year>1200</year>")
        << u"records=1;model=1,year=1;label-unknown:w=1,value-implausible:w=1"_s;
}

void TestDocumentFacts::factsCountSpansFindingsAndRecords()
{
    QFETCH(QByteArray, tagged);
    QFETCH(QString, encoded);
    const Schema &schema = Schema::builtin();
    const Document doc = Document::parse(tagged, schema);
    const Checker checker(schema, CountryAliases::builtin(), 2026);
    const CheckResult result = checker.check(doc);
    const DocumentFacts facts = DocumentFacts::of(doc, result);
    QCOMPARE(facts.encoded(), encoded);
    QCOMPARE(facts.errors() + facts.warnings() + facts.infos(), result.findings.size());
    qsizetype spans = 0;
    for (const DocumentFacts::LabelCount &label : facts.labels) {
        spans += label.spans;
        QVERIFY(facts.hasLabel(label.label));
    }
    QCOMPARE(spans, doc.spans().size());
    QVERIFY(!facts.hasLabel(u"no-such-label"));
    for (const Finding &finding : result.findings) {
        QVERIFY(facts.hasRule(finding.rule));
    }
}

void TestDocumentFacts::encodedFactsDecodeToTheSame_data()
{
    QTest::addColumn<DocumentFacts>("facts");
    QTest::newRow("empty") << DocumentFacts{};
    DocumentFacts some;
    some.records = 3;
    some.labels = {{u"hardware"_s, 2}, {u"model"_s, 3}};
    some.rules = {{u"field-conflict"_s, Severity::Error, 1}, {u"span-boundary"_s, Severity::Warning, 4}};
    some.bySeverity = {0, 4, 1};
    QTest::newRow("labels and rules") << some;
    DocumentFacts odd;
    odd.labels = {{u"a,b;c=d:e%f"_s, 1}, {u"é"_s, 2}};
    odd.rules = {{u"x:y"_s, Severity::Info, 7}, {u"x:y"_s, Severity::Error, 1}};
    odd.bySeverity = {7, 0, 1};
    QTest::newRow("names holding the separators") << odd;
}

void TestDocumentFacts::encodedFactsDecodeToTheSame()
{
    QFETCH(DocumentFacts, facts);
    const std::optional<DocumentFacts> decoded = DocumentFacts::decoded(facts.encoded());
    QVERIFY2(decoded, qPrintable(facts.encoded()));
    QCOMPARE(*decoded, facts);
}

void TestDocumentFacts::malformedFactsAreRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("two parts") << u"records=1;model=1"_s;
    QTest::newRow("no records") << u"model=1;;"_s;
    QTest::newRow("negative count") << u"records=0;model=-1;"_s;
    QTest::newRow("a count that is no number") << u"records=0;model=x;"_s;
    QTest::newRow("a rule without severity") << u"records=0;;span-boundary=1"_s;
    QTest::newRow("an unknown severity") << u"records=0;;span-boundary:x=1"_s;
    QTest::newRow("four parts") << u"records=0;;;"_s;
}

void TestDocumentFacts::malformedFactsAreRefused()
{
    QFETCH(QString, text);
    QVERIFY(!DocumentFacts::decoded(text));
}

QTEST_GUILESS_MAIN(TestDocumentFacts)
#include "tst_documentfacts.moc"
