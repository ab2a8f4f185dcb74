#include "checker.h"
#include "countryaliases.h"
#include "document.h"
#include "schema.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace annorev;

// Each row: a document, one rule, and the texts that rule's findings cover (joined by " | "; an
// empty string means the rule does not fire). Every rule has rows where it fires and rows where
// it must not.
class TestRules : public QObject
{
    Q_OBJECT

private slots:
    void ruleFiresExactlyWhereSpecified_data();
    void ruleFiresExactlyWhereSpecified();
    void findingSeverityMatchesTheRule_data();
    void findingSeverityMatchesTheRule();
    void findingOffsetsAreThoseOfTheTextTheyName();
};

namespace {

void row(const char *name, const char *rule, const QString &source, const QString &expected)
{
    QTest::addRow("%s: %s", rule, name) << QString::fromLatin1(rule) << source << expected;
}

QList<Finding> findingsOf(const QString &source, const QString &rule, Document *docOut = nullptr)
{
    const Document doc = Document::parse(source.toUtf8(), Schema::builtin());
    QList<Finding> result;
    for (const Finding &finding : Checker(Schema::builtin(), CountryAliases::builtin(), 2026).check(doc).findings) {
        if (finding.rule == rule) {
            result << finding;
        }
    }
    if (docOut) {
        *docOut = doc;
    }
    return result;
}

} // namespace

void TestRules::ruleFiresExactlyWhereSpecified_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");

    // markup-malformed
    row("unclosed", "markup-malformed", u"<model>M and more"_s, u""_s);
    row("stray", "markup-malformed", u"<model>M</model> x</params>"_s, u""_s);
    row("crossing", "markup-malformed", u"<model>a<params>b</model>c</params>"_s, u"ab"_s);
    row("nested", "markup-malformed", u"<model>a<params>7B</params></model>"_s, u"7B"_s);
    row("self-closing", "markup-malformed", u"<model/> x"_s, u""_s);
    row("well-formed", "markup-malformed", u"<model>M</model> <p>x</p> a < b"_s, QString());

    // label-unknown
    row("unknown label", "label-unknown", u"<gpu_type>A100</gpu_type>"_s, u"A100"_s);
    row("label case matters", "label-unknown", u"<Model>M</Model>"_s, u"M"_s);
    row("html is not unknown", "label-unknown", u"<DIV><b>x</b></DIV>"_s, QString());

    // annotations-missing
    row("no tags", "annotations-missing", u"Plain text."_s, u""_s);
    row("only unknown tags", "annotations-missing", u"<gpu_type>A100</gpu_type>"_s, u""_s);
    row("only an unclosed tag", "annotations-missing", u"<model>M"_s, u""_s);
    row("a span", "annotations-missing", u"<year>2023</year>"_s, QString());

    // model-missing
    row("spans but no model", "model-missing", u"<params>65B</params>"_s, u""_s);
    row("has model", "model-missing", u"<model>M</model> <params>65B</params>"_s, QString());
    row("no spans at all", "model-missing", u"text"_s, QString());

    // model-multiple
    row("two models", "model-multiple", u"<model>A</model> <model>B</model>"_s, u""_s);
    row("one model twice", "model-multiple", u"<model>A</model> <model>A</model>"_s, QString());

    // value-unparsed
    row("gpu_count with a word", "value-unparsed", u"<model>M</model> <gpu_count>512 GPUs</gpu_count>"_s,
        u"512 GPUs"_s);
    row("params range", "value-unparsed", u"<model>M</model> <params>7-13B</params>"_s, u"7-13B"_s);
    row("training without unit", "value-unparsed", u"<model>M</model> <training>21</training>"_s, u"21"_s);
    row("year with words", "value-unparsed", u"<model>M</model> <year>in 2023</year>"_s, u"in 2023"_s);
    row("parsable values", "value-unparsed",
        u"<model>M</model> <params>about twelve billion</params> <gpu_count>1,024</gpu_count> "
        "<training>two weeks</training> <year>1066</year>"_s,
        QString());
    row("country and hardware are never unparsed", "value-unparsed",
        u"<model>M</model> <country>Atlantis</country> <hardware>?</hardware>"_s, QString());

    // value-implausible
    row("old year", "value-implausible", u"<model>M</model> <year>1949</year>"_s, u"1949"_s);
    row("future year", "value-implausible", u"<model>M</model> <year>2028</year>"_s, u"2028"_s);
    row("next year is fine", "value-implausible", u"<model>M</model> <year>2027</year> <year>1950</year>"_s, QString());
    row("tiny params", "value-implausible", u"<model>M</model> <params>999</params>"_s, u"999"_s);
    row("huge params", "value-implausible", u"<model>M</model> <params>2e15</params>"_s, u"2e15"_s);
    row("zero gpus", "value-implausible", u"<model>M</model> <gpu_count>0</gpu_count>"_s, u"0"_s);
    row("too many gpus", "value-implausible", u"<model>M</model> <gpu_count>1,000,001</gpu_count>"_s, u"1,000,001"_s);
    row("six years", "value-implausible", u"<model>M</model> <training>6 years</training>"_s, u"6 years"_s);
    row("five years is the limit", "value-implausible", u"<model>M</model> <training>43800 hours</training>"_s,
        QString());

    // field-conflict
    row("params differ", "field-conflict", u"<model>M</model> <params>7B</params> <params>6.5B</params>"_s, u"6.5B"_s);
    row("params within 1%", "field-conflict", u"<model>M</model> <params>7B</params> <params>7.05B</params>"_s,
        QString());
    row("training compared in hours", "field-conflict",
        u"<model>M</model> <training>21 days</training> <training>3 weeks</training> <training>22 days</training>"_s,
        u"22 days"_s);
    row("country aliases", "field-conflict",
        u"<model>M</model> <country>USA</country> <country>united states</country> <country>UK</country>"_s, u"UK"_s);
    row("hardware ignores case and counts", "field-conflict",
        u"<model>M</model> <hardware>NVIDIA A100 GPUs</hardware> <hardware>nvidia a100</hardware>"_s, QString());
    row("different records do not conflict", "field-conflict",
        u"<model>A</model> <year>2020</year> <model>B</model> <year>2021</year>"_s, QString());
    row("unparsed spans are left out", "field-conflict", u"<model>M</model> <year>2020</year> <year>in 2021</year>"_s,
        QString());

    // gpu-count-mismatch
    row("embedded count differs", "gpu-count-mismatch",
        u"<model>M</model> <gpu_count>256</gpu_count> and <hardware>512 A100 GPUs</hardware>"_s, u"512 A100 GPUs"_s);
    row("untagged count differs", "gpu-count-mismatch",
        u"<model>M</model> used <gpu_count>256</gpu_count> GPUs; 512 <hardware>A100</hardware> in all"_s, u"512"_s);
    row("equal untagged count says nothing", "gpu-count-mismatch",
        u"<model>M</model> <gpu_count>256</gpu_count> GPUs; 256 <hardware>A100</hardware>"_s, QString());
    row("count glued by x inside hardware", "gpu-count-mismatch",
        u"<model>M</model> <gpu_count>16</gpu_count> on <hardware>8xA100-80GB</hardware>"_s, u"8xA100-80GB"_s);
    row("untagged count glued by x", "gpu-count-mismatch",
        u"<model>M</model> <gpu_count>16</gpu_count> GPUs; 8xA100 GPUs (<hardware>A100</hardware>)"_s, u"8"_s);
    row("untagged count glued by a multiplication sign", "gpu-count-mismatch",
        u"<model>M</model> <gpu_count>16</gpu_count> GPUs; 64\u00D7<hardware>H100</hardware>"_s, u"64"_s);
    row("compares with the first gpu_count", "gpu-count-mismatch",
        u"<model>M</model> <gpu_count>8</gpu_count> <gpu_count>16</gpu_count> on <hardware>8x A100</hardware>"_s,
        QString());

    // gpu-count-duplicate
    row("count tagged twice", "gpu-count-duplicate",
        u"<model>M</model> <gpu_count>256</gpu_count> of <hardware>256 A100 GPUs</hardware>"_s, u"256 A100 GPUs"_s);
    row("no embedded count", "gpu-count-duplicate",
        u"<model>M</model> <gpu_count>256</gpu_count> <hardware>A100 GPUs</hardware>"_s, QString());

    // hardware-count-embedded
    row("leading count", "hardware-count-embedded", u"<model>M</model> on <hardware>768 NVIDIA A100 GPUs</hardware>"_s,
        u"768 NVIDIA A100 GPUs"_s);
    row("times count", "hardware-count-embedded", u"<model>M</model> on <hardware>8x A100</hardware>"_s, u"8x A100"_s);
    row("count glued by x", "hardware-count-embedded", u"<model>M</model> on <hardware>8xA100-80GB</hardware>"_s,
        u"8xA100-80GB"_s);
    row("count glued by a multiplication sign", "hardware-count-embedded",
        u"<model>M</model> on <hardware>64\u00D7H100</hardware>"_s, u"64\u00D7H100"_s);
    row("x between digits is a shape", "hardware-count-embedded",
        u"<model>M</model> on a <hardware>4x4 TPU v3 slice</hardware>"_s, QString());
    row("x before a lower-case word", "hardware-count-embedded", u"<model>M</model> on <hardware>24xlarge</hardware>"_s,
        QString());
    row("silenced by gpu_count", "hardware-count-embedded",
        u"<model>M</model> <gpu_count>768</gpu_count> <hardware>768 A100</hardware>"_s, QString());
    row("silenced by unparsed gpu_count", "hardware-count-embedded",
        u"<model>M</model> <gpu_count>many</gpu_count> <hardware>768 A100</hardware>"_s, QString());
    row("number inside a name", "hardware-count-embedded", u"<model>M</model> <hardware>A100 80GB</hardware>"_s,
        QString());

    row("a count read in two overlapping sentences is one finding", "gpu-count-mismatch",
        u"<model>M</model> used <gpu_count>4</gpu_count> GPUs\n<hardware>\nA100</hardware> and then 8 GPUs on "
        "<hardware>H100</hardware>."_s,
        u"8"_s);

    // gpu-count-untagged
    row("directly before", "gpu-count-untagged", u"<model>M</model> used 512 <hardware>A100</hardware>."_s, u"512"_s);
    row("times before", "gpu-count-untagged", u"<model>M</model> used 8 × <hardware>A100</hardware>."_s, u"8"_s);
    row("glued x before own text", "gpu-count-untagged",
        u"<model>M</model> on 8xA100 GPUs (<hardware>A100</hardware>)."_s, u"8"_s);
    row("glued x before the span", "gpu-count-untagged", u"<model>M</model> on 8x<hardware>A100</hardware>."_s, u"8"_s);
    row("x between digits is not a count", "gpu-count-untagged",
        u"<model>M</model> on a 4x4 <hardware>TPU v3</hardware> slice."_s, QString());
    row("x before a lower-case word is not a count", "gpu-count-untagged",
        u"<model>M</model> on 24xlarge <hardware>A100</hardware> nodes."_s, QString());
    row("followed by own text and device word", "gpu-count-untagged",
        u"<model>M</model> on 256 NVIDIA A100 GPUs (<hardware>NVIDIA A100</hardware>)."_s, u"256"_s);
    row("followed by normalised name ignoring case", "gpu-count-untagged",
        u"<model>M</model> on <hardware>NVIDIA A100 GPUs</hardware>, that is 64 nvidia a100 in all."_s, u"64"_s);
    {
        // Past eight phrases in one sentence the phrases are hashed rather than compared in turn.
        QString many = u"<model>M</model> compared"_s;
        for (int i = 1; i <= 12; ++i) {
            many += u" <hardware>Chip%1</hardware>,"_s.arg(i);
        }
        row("followed by the name of the twelfth span of a sentence", "gpu-count-untagged",
            many + u" then took 96 chip12 for a week."_s, u"96"_s);
        row("followed by a name no span of the sentence has", "gpu-count-untagged",
            many + u" then took 96 chip13 for a week."_s, QString());
    }
    row("followed by a device word", "gpu-count-untagged",
        u"<model>M</model> ran on <hardware>TPU v4</hardware> with 1,024 chips."_s, u"1,024"_s);
    row("another sentence", "gpu-count-untagged",
        u"<model>M</model> used 512 GPUs. It ran on <hardware>A100</hardware>."_s, QString());
    row("abbreviation does not end the sentence", "gpu-count-untagged",
        u"<model>M</model> had 512 GPUs in the U.S. on <hardware>A100</hardware>."_s, u"512"_s);
    row("blank line ends the sentence", "gpu-count-untagged",
        u"<model>M</model> had 512 GPUs\n\non <hardware>A100</hardware>."_s, QString());
    row("single newline does not", "gpu-count-untagged",
        u"<model>M</model> had 512 GPUs\non <hardware>A100</hardware>."_s, u"512"_s);
    row("block element ends the sentence", "gpu-count-untagged",
        u"<p><model>M</model> had 512 GPUs</p><p>on <hardware>A100</hardware></p>"_s, QString());
    row("hyphen-glued numbers are not counts", "gpu-count-untagged",
        u"<model>M</model> used ZeRO-3 and 8-GPU nodes of <hardware>A100</hardware> GPUs."_s, QString());
    row("decimals are not counts", "gpu-count-untagged", u"<model>M</model> used 2.5 <hardware>A100</hardware> GPUs."_s,
        QString());
    row("one is not a count", "gpu-count-untagged", u"<model>M</model> on 1 <hardware>A100</hardware> GPU."_s,
        QString());
    row("unattached number", "gpu-count-untagged",
        u"<model>M</model> used <hardware>A100</hardware> GPUs for 21 days with batch 4,096."_s, QString());
    row("silenced by gpu_count", "gpu-count-untagged",
        u"<model>M</model> on <gpu_count>512</gpu_count> GPUs, i.e. 256 <hardware>A100</hardware>."_s, QString());
    row("silenced by unparsed gpu_count", "gpu-count-untagged",
        u"<model>M</model> <gpu_count>several</gpu_count> and 512 <hardware>A100</hardware>."_s, QString());
    // A span starting in a blank line's white space makes one sentence of the two around it, and
    // the later span's sentence is read again: its count is one finding.
    row("a count read in two overlapping sentences is one finding", "gpu-count-untagged",
        u"<model>M</model> had 512 GPUs\n<hardware>\nA100</hardware> and then 8 GPUs on <hardware>H100</hardware>."_s,
        u"512 | 8"_s);
    row("count inside a span is tagged", "gpu-count-untagged",
        u"<model>M</model> on <hardware>512 A100</hardware> GPUs."_s, QString());

    // params-name-mismatch
    row("size differs", "params-name-mismatch", u"<model>X-7B</model> <params>70 billion</params>"_s, u"70 billion"_s);
    row("within 25%", "params-name-mismatch", u"<model>X-12B</model> <params>12.3 billion</params>"_s, QString());
    row("just over 25%", "params-name-mismatch", u"<model>X-8B</model> <params>10.1B</params>"_s, u"10.1B"_s);
    row("lower-case suffix", "params-name-mismatch", u"<model>X-350m</model> <params>1.3B</params>"_s, u"1.3B"_s);
    row("no size token", "params-name-mismatch", u"<model>Mixtral-8x7B</model> <params>46.7B</params>"_s, QString());
    row("per record", "params-name-mismatch",
        u"<model>A-7B</model> <params>7B</params> <model>B-3B</model> <params>3B</params>"_s, QString());

    // mention-untagged
    row("repeated name", "mention-untagged", u"<model>X-7B</model> is new. X-7B wins."_s, u"X-7B"_s);
    row("a name two records share is reported once", "mention-untagged",
        u"<model>X-7B</model> is new. <model>Y-1</model> is old. <model>X-7B</model> is small. X-7B wins."_s,
        u"X-7B"_s);
    row("a long text is searched in one pass", "mention-untagged",
        u"<model>X-7B</model> is new. "_s + u"Some filler text, X-7B-Instruct and NX-7B. "_s.repeated(2000) +
            u"X-7B wins."_s,
        u"X-7B"_s);
    row("longer name is not a mention", "mention-untagged", u"<model>X-7B</model> and X-7B-Instruct."_s, QString());
    row("case-sensitive", "mention-untagged", u"<model>X-7B</model> and x-7b."_s, QString());
    row("inside a word", "mention-untagged", u"<model>Flex</model> and NeuroFlex."_s, QString());
    row("inside another span", "mention-untagged", u"<model>X</model> <hardware>X GPU</hardware>"_s, QString());
    row(
        "many names stay linear", "mention-untagged",
        []() -> QString {
            QString text;
            for (int i = 0; i < 40; ++i) {
                text += u"<model>M"_s + QString::number(i) + u"</model> "_s;
            }
            return text + u"M7 and M39 and M400."_s;
        }(),
        u"M7 | M39"_s);
    row(
        "names sharing a first word", "mention-untagged",
        []() -> QString {
            QString text;
            for (int i = 0; i < 40; ++i) {
                text += u"<model>Llama-"_s + QString::number(i) + u"</model> "_s;
            }
            return text + u"Llama-7 and Llama-39, Llama-400, Llama-3-8B and Llama."_s;
        }(),
        u"Llama-7 | Llama-39"_s);

    // span-boundary
    row("leading space", "span-boundary", u"<model> X</model>"_s, u" X"_s);
    row("trailing comma", "span-boundary", u"<model>X,</model>"_s, u"X,"_s);
    row("abbreviation dot", "span-boundary", u"<country>U.S.</country>"_s, QString());
    row("company abbreviation dot", "span-boundary", u"<model>Acme Inc.</model> wins"_s, QString());
    row("sentence dot", "span-boundary", u"<model>NeuroFlex.</model> wins"_s, u"NeuroFlex."_s);
    row("closing parenthesis opened inside", "span-boundary", u"<hardware>TPU (v4)</hardware>"_s, QString());
    row("closing parenthesis opened outside", "span-boundary", u"(<hardware>TPU v4)</hardware>"_s, u"TPU v4)"_s);
    row("starts inside a word", "span-boundary", u"Neuro<model>Flex</model>"_s, u"Flex"_s);
    row("ends inside a word", "span-boundary", u"<model>Neuro</model>Flex"_s, u"Neuro"_s);
    row("hyphen separates words", "span-boundary", u"GPT-<model>4</model>-based"_s, QString());
    row("block element separates words", "span-boundary", u"<p>a</p><p><model>B</model></p>c"_s, QString());
    row("decoded named reference is a letter", "span-boundary", u"<p><model>&Eacute;cole-7B</model></p>"_s, QString());
    row("empty span", "span-boundary", u"<model></model>x"_s, u""_s);

    // encoding-suspect
    row("replacement character", "encoding-suspect", u"<model>M</model> a\uFFFDb"_s, u"\uFFFD"_s);
    row("em dash mojibake", "encoding-suspect", u"<model>M</model> a\u00e2\u20ac\u201db"_s, u"\u00e2\u20ac\u201d"_s);
    row("apostrophe mojibake", "encoding-suspect", u"<model>M</model> it\u00e2\u20ac\u2122s"_s,
        u"\u00e2\u20ac\u2122"_s);
    row("e acute mojibake", "encoding-suspect", u"<model>M</model> caf\u00c3\u00a9"_s, u"\u00c3\u00a9"_s);
    row("real accents and symbols", "encoding-suspect", u"<model>M</model> café — α β € ©"_s, QString());
    // Characters written as references count as the characters they stand for.
    row("replacement character as a reference", "encoding-suspect", u"<p><model>M</model> a&#xFFFD;b</p>"_s,
        u"\uFFFD"_s);
    row("em dash mojibake as references", "encoding-suspect", u"<p><model>M</model> a&acirc;&euro;&rdquo;b</p>"_s,
        u"\u00e2\u20ac\u201d"_s);
    row("mojibake inside a span", "encoding-suspect", u"<model>caf\u00c3\u00a9</model>"_s, u"\u00c3\u00a9"_s);
}

void TestRules::ruleFiresExactlyWhereSpecified()
{
    QFETCH(QString, rule);
    QFETCH(QString, source);
    QFETCH(QString, expected);
    Document doc;
    QStringList covered;
    const QList<Finding> findings = findingsOf(source, rule, &doc);
    for (const Finding &finding : findings) {
        covered << doc.text().mid(finding.start, finding.end - finding.start);
        QVERIFY(!finding.message.isEmpty());
    }
    if (expected.isNull()) {
        QVERIFY2(findings.isEmpty(), qPrintable(findings.isEmpty() ? QString() : findings.first().message));
    } else {
        QVERIFY2(!findings.isEmpty(), "the rule did not fire");
        QCOMPARE(covered.join(u" | "), expected);
    }
}

void TestRules::findingSeverityMatchesTheRule_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("severity");
    QTest::addRow("malformed is an error") << u"<model>x"_s << u"markup-malformed"_s << int(Severity::Error);
    QTest::addRow("conflict is an error")
        << u"<year>2020</year><year>2021</year>"_s << u"field-conflict"_s << int(Severity::Error);
    QTest::addRow("multiple is info") << u"<model>A</model><model>B</model>"_s << u"model-multiple"_s
                                      << int(Severity::Info);
    QTest::addRow("unknown is a warning") << u"<x>y</x>"_s << u"label-unknown"_s << int(Severity::Warning);
}

void TestRules::findingSeverityMatchesTheRule()
{
    QFETCH(QString, source);
    QFETCH(QString, rule);
    QFETCH(int, severity);
    const QList<Finding> findings = findingsOf(source, rule);
    QVERIFY(!findings.isEmpty());
    QCOMPARE(int(findings.first().severity), severity);
}

void TestRules::findingOffsetsAreThoseOfTheTextTheyName()
{
    Document doc;
    const QList<Finding> findings = findingsOf(
        u"\U0001D538 <model>M</model> trained on 512 <hardware>A100</hardware>."_s, u"gpu-count-untagged"_s, &doc);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().start, 16);
    QCOMPARE(doc.codePointOffset(findings.first().start), 15);
    QVERIFY(findings.first().message.contains(u"512"));
    QVERIFY(findings.first().message.contains(u"\"A100\""));
}

QTEST_GUILESS_MAIN(TestRules)
#include "tst_rules.moc"
