#include "checker.h"
#include "countryaliases.h"
#include "document.h"
#include "documenteditor.h"
#include "expectedsupport.h"
#include "findinglist.h"
#include "ruleset.h"
#include "schema.h"
#include "sentences.h"
#include "sourcelocator.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace annorev;
using annorev::test::errorOf;

namespace {

constexpr int testYear = 2026;

QString describe(const Document &doc, const QList<Finding> &findings)
{
    QStringList parts;
    for (const Finding &finding : findings) {
        parts << finding.rule + u'@' + doc.text().mid(finding.start, finding.end - finding.start);
    }
    return parts.join(u", ");
}

CheckResult check(const Document &doc)
{
    return Checker(Schema::builtin(), CountryAliases::builtin(), testYear).check(doc);
}

// One long document of seeded random fragments: counts next to hardware spans in every way the
// gpu-count rules read them, records with and without gpu_count, sentences of every length.
QByteArray longGeneratedDocument()
{
    static const char *const fragments[] = {
        "<model>M%k-7B</model> ",
        "<model>M%k-7B</model> ",
        "used <gpu_count>%v</gpu_count> GPUs ",
        "<gpu_count>several</gpu_count> ",
        "%v <hardware>NVIDIA A100</hardware> ",
        "%v <hardware>NVIDIA A100 GPUs</hardware> ",
        "%vx <hardware>A100</hardware> ",
        "%v \xc3\x97 <hardware>TPU v4</hardware> ",
        "%v x <hardware>H100</hardware>",
        "<hardware>%v NVIDIA A100 GPUs</hardware> ",
        "<hardware>%vx H100</hardware> ",
        "<hardware> A100 </hardware> ",
        "<hardware>NVIDIA H100 80GB</hardware> ",
        "<hardware record=\"1\">TPU v4</hardware> ",
        "%v GPUs ",
        "%v chips ",
        "%v accelerators, ",
        "%v nvidia a100 ",
        "%v NVIDIA A100 GPUs ",
        "%v x NVIDIA H100 80GB ",
        "%v tpu V4 pods ",
        "%v H100s ",
        "%v-GPU nodes ",
        "ZeRO-%v ",
        "%v.5 ",
        "1 ",
        "%v,%v ",
        "1,024 GPUs ",
        "on ",
        "and ",
        "with ",
        ", ",
        ". ",
        "! ",
        "e.g. ",
        "in the U.S. ",
        "\n",
        "\n\n",
        "<params>7B</params> ",
        "<year>2023</year> ",
    };
    quint32 state = 20261202;
    auto next = [&state](quint32 bound) {
        state = state * 1664525u + 1013904223u; // the same sequence on every platform
        return (state >> 8) % bound;
    };
    QByteArray source;
    for (int i = 0; i < 6000; ++i) {
        QByteArray fragment(fragments[next(std::size(fragments))]);
        while (fragment.contains("%v")) {
            fragment.replace(fragment.indexOf("%v"), 2, QByteArray::number(1 + next(64)));
        }
        fragment.replace("%k", QByteArray::number(next(40)));
        source += fragment;
    }
    return source;
}

} // namespace

class TestChecker : public QObject
{
    Q_OBJECT

private slots:
    void seedsGiveExactlyTheSpecifiedFindings_data();
    void seedsGiveExactlyTheSpecifiedFindings();
    void recordsGroupSpansByNearestModel_data();
    void recordsGroupSpansByNearestModel();
    void recordsCarryNormalisedValues();
    void findingsAreSortedAndOnePerRuleAndPosition();
    void findingsPastTheLimitAreCountedAndOneErrorSaysHowMany_data();
    void findingsPastTheLimitAreCountedAndOneErrorSaysHowMany();
    void countsAttachedToHardwarePastTheLimitAreCountedNotKept_data();
    void countsAttachedToHardwarePastTheLimitAreCountedNotKept();
    void everyRuleHasDocumentation();
    void suggestedFixesApplyAndSilenceTheirFinding_data();
    void suggestedFixesApplyAndSilenceTheirFinding();
    void longGeneratedDocumentGivesTheRecordedFindings();
    void sentenceCursorAgreesWithTheWalkAroundEveryPosition();
    void sourceLocatorGivesTheSameLineAndColumnInAnyOrder();
    void sourceLocatorCountsColumnsInCodePoints_data();
    void sourceLocatorCountsColumnsInCodePoints();
};

void TestChecker::seedsGiveExactlyTheSpecifiedFindings_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("findings");
    QTest::addRow("000") << u"000_fb52d27db3b8b6ee.txt"_s << u"gpu-count-untagged@512"_s;
    QTest::addRow("001") << u"001_1d6e54ff941a55a9.txt"_s << u"hardware-count-embedded@768 NVIDIA A100 GPUs"_s;
    QTest::addRow("002") << u"002_f429afe5dd9093a8.txt"_s << u"annotations-missing@"_s;
    QTest::addRow("003") << u"003_2b600daee4a931dd.txt"_s << u"model-missing@"_s;
    QTest::addRow("004") << u"004_777d6b4e246e2bc8.txt"_s
                         << u"model-multiple@, gpu-count-untagged@256, encoding-suspect@\u00e2\u20ac\u201d"_s;
}

void TestChecker::seedsGiveExactlyTheSpecifiedFindings()
{
    QFETCH(QString, file);
    QFETCH(QString, findings);
    QFile input(QStringLiteral(ANNOREV_SAMPLES_DIR "/") + file);
    QVERIFY(input.open(QIODevice::ReadOnly));
    const Document doc = Document::parse(input.readAll(), Schema::builtin());
    QCOMPARE(describe(doc, check(doc).findings), findings);
}

void TestChecker::recordsGroupSpansByNearestModel_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("records");
    QTest::addRow("no spans, no record") << u"plain text"_s << QString();
    QTest::addRow("spans without a model") << u"<params>7B</params> on <year>2023</year>"_s << u":params,year"_s;
    QTest::addRow("spans before the first model go to it")
        << u"<year>2023</year> <model>A</model> <params>7B</params>"_s << u"A:year,model,params"_s;
    QTest::addRow("nearest model before")
        << u"<model>A</model> <params>7B</params> <model>B</model> <params>3B</params>"_s
        << u"A:model,params | B:model,params"_s;
    QTest::addRow("one record per distinct name")
        << u"<model>A</model> <params>7B</params> <model>B</model> <model>A</model> <year>2023</year>"_s
        << u"A:model,params,model,year | B:model"_s;
    QTest::addRow("record attribute overrides")
        << u"<model>A</model> <model>B</model> <params record=\"1\">7B</params> <year>2020</year>"_s
        << u"A:model,params | B:model,year"_s;
    QTest::addRow("record attribute out of range is ignored")
        << u"<model>A</model> <params record=\"5\">7B</params>"_s << u"A:model,params"_s;
    QTest::addRow("model names are trimmed and case-sensitive")
        << u"<model> A </model> <model>a</model> <model>A</model>"_s << u"A:model,model | a:model"_s;
    QTest::addRow("named references in an HTML document are decoded")
        << u"<p><model>&Eacute;cole-7B</model> <params>7B</params></p>"_s << u"\u00c9cole-7B:model,params"_s;
}

void TestChecker::recordsGroupSpansByNearestModel()
{
    QFETCH(QString, source);
    QFETCH(QString, records);
    const Document doc = Document::parse(source.toUtf8(), Schema::builtin());
    const DocumentAnalysis analysis = check(doc).analysis;
    QStringList parts;
    for (const Record &record : analysis.records()) {
        QStringList labels;
        for (qsizetype span : record.spans) {
            labels << doc.spans().at(span).label;
        }
        parts << record.model + u':' + labels.join(u',');
    }
    QCOMPARE(parts.join(u" | "), records);
}

void TestChecker::recordsCarryNormalisedValues()
{
    const Document doc = Document::parse(
        QByteArrayLiteral("<model>X-7B</model> has <params>7.2 billion parameters</params>, used "
                          "<gpu_count>1,024</gpu_count> <hardware>NVIDIA A100 GPUs</hardware> for "
                          "<training>approximately 6 weeks</training> in the <country>U.S.</country> (<year>2023</year>)"),
        Schema::builtin());
    const DocumentAnalysis analysis = check(doc).analysis;
    QCOMPARE(analysis.records().size(), 1);
    auto value = [&](ValueType type) { return analysis.value(analysis.firstParsed(0, type)); };
    QCOMPARE(value(ValueType::Params).number, 7.2e9);
    QCOMPARE(value(ValueType::GpuCount).number, 1024.0);
    QCOMPARE(value(ValueType::Hardware).text, u"NVIDIA A100"_s);
    QCOMPARE(value(ValueType::Training).number, 1008.0);
    QVERIFY(value(ValueType::Training).approximate);
    QCOMPARE(value(ValueType::Country).text, u"United States"_s);
    QCOMPARE(value(ValueType::Year).number, 2023.0);
}

void TestChecker::findingsAreSortedAndOnePerRuleAndPosition()
{
    // Two hardware spans share one untagged count: it is reported once.
    const Document doc = Document::parse(
        QByteArrayLiteral("<model>M</model> used 64 <hardware>A100</hardware> GPUs and <hardware>A100</hardware> GPUs. "
                          "<params>1</params>"),
        Schema::builtin());
    const QList<Finding> findings = check(doc).findings;
    QCOMPARE(describe(doc, findings), u"gpu-count-untagged@64, value-implausible@1"_s);
    for (qsizetype i = 1; i < findings.size(); ++i) {
        QVERIFY(findings[i - 1].start <= findings[i].start);
    }
}

void TestChecker::everyRuleHasDocumentation()
{
    const auto &rules = RuleSet::builtin().rules();
    QCOMPARE(rules.size(), std::size_t(17));
    QSet<QString> ids;
    for (const auto &rule : rules) {
        const RuleInfo &info = rule->info();
        QVERIFY(!info.summary.isEmpty());
        QVERIFY(!info.example.isEmpty());
        QVERIFY(!info.fix.isEmpty());
        ids.insert(info.id);
        QCOMPARE(RuleSet::builtin().find(QString(info.id)), rule.get());
    }
    QCOMPARE(ids.size(), 17);
}

void TestChecker::suggestedFixesApplyAndSilenceTheirFinding_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("fixed");
    QTest::addRow("split embedded count")
        << u"<model>M</model> on <hardware>768 NVIDIA A100 GPUs</hardware>."_s << u"hardware-count-embedded"_s
        << u"<model>M</model> on <gpu_count>768</gpu_count> <hardware>NVIDIA A100 GPUs</hardware>."_s;
    QTest::addRow("tag untagged count")
        << u"<model>M</model> on 512 <hardware>A100</hardware>."_s << u"gpu-count-untagged"_s
        << u"<model>M</model> on <gpu_count>512</gpu_count> <hardware>A100</hardware>."_s;
    QTest::addRow("drop duplicated count")
        << u"<model>M</model> <gpu_count>8</gpu_count> of <hardware>8x A100</hardware>."_s << u"gpu-count-duplicate"_s
        << u"<model>M</model> <gpu_count>8</gpu_count> of 8x <hardware>A100</hardware>."_s;
    QTest::addRow("tag a mention") << u"<model>M-7B</model> is good. M-7B wins."_s << u"mention-untagged"_s
                                   << u"<model>M-7B</model> is good. <model>M-7B</model> wins."_s;
    QTest::addRow("trim a boundary") << u"<model> M-7B,</model> wins"_s << u"span-boundary"_s
                                     << u" <model>M-7B</model>, wins"_s;
    QTest::addRow("widen to the word") << u"Neuro<model>Flex</model> wins"_s << u"span-boundary"_s
                                       << u"<model>NeuroFlex</model> wins"_s;
    QTest::addRow("repair mojibake") << u"<model>M</model> a\u00e2\u20ac\u201db"_s << u"encoding-suspect"_s
                                     << u"<model>M</model> a\u2014b"_s;
    QTest::addRow("tag only the number") << u"<model>M</model> <gpu_count>512 GPUs</gpu_count>"_s
                                         << u"value-unparsed"_s << u"<model>M</model> <gpu_count>512</gpu_count> GPUs"_s;
}

void TestChecker::suggestedFixesApplyAndSilenceTheirFinding()
{
    QFETCH(QString, source);
    QFETCH(QString, rule);
    QFETCH(QString, fixed);
    const Document doc = Document::parse(source.toUtf8(), Schema::builtin());
    const QList<Finding> findings = check(doc).findings;
    auto it = std::find_if(findings.cbegin(), findings.cend(), [&](const Finding &f) { return f.rule == rule; });
    QVERIFY2(it != findings.cend(), qPrintable(describe(doc, findings)));
    QVERIFY(it->fix);
    const Expected<Document> result = DocumentEditor::apply(doc, it->fix->edits, Schema::builtin());
    QVERIFY2(result, qPrintable(errorOf(result)));
    QCOMPARE(QString::fromUtf8(result->source()), fixed);
    for (const Finding &after : check(*result).findings) {
        QVERIFY2(after.rule != rule, qPrintable(after.message));
    }
}

void TestChecker::longGeneratedDocumentGivesTheRecordedFindings()
{
    // The findings as the checker gave them before its rules were made O(n log n) (per hardware
    // span, a walk of its sentence): the faster search must find exactly the same.
    const Document doc = Document::parse(longGeneratedDocument(), Schema::builtin());
    QVERIFY(doc.spans().size() > 2000);
    const CheckResult result = check(doc);
    QByteArray actual;
    for (const Finding &finding : result.findings) {
        actual += finding.rule.toLatin1() + ' ' + QByteArray::number(finding.start) + '-' +
                  QByteArray::number(finding.end) + ' ' + finding.message.toUtf8() + '\n';
    }
    const QString expectedPath = QStringLiteral(ANNOREV_TESTDATA_DIR "/long-document.findings.txt");
    QFile expected(expectedPath);
    if (!expected.open(QIODevice::ReadOnly)) {
        QFile out(QDir::temp().filePath(u"long-document.findings.txt"_s));
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(actual) == actual.size());
        QFAIL(qPrintable(u"no %1: the findings are in %2"_s.arg(expectedPath, out.fileName())));
    }
    const QList<QByteArray> expectedLines = expected.readAll().split('\n');
    const QList<QByteArray> actualLines = actual.split('\n');
    for (qsizetype i = 0; i < std::min(expectedLines.size(), actualLines.size()); ++i) {
        QCOMPARE(actualLines[i], expectedLines[i]);
    }
    QCOMPARE(actualLines.size(), expectedLines.size());
}

void TestChecker::sentenceCursorAgreesWithTheWalkAroundEveryPosition()
{
    QList<QByteArray> sources = {longGeneratedDocument(),
                                 "<p>One. Two</p><p>three e.g. four!\n\n \nFive</p>\r\n\r\nsix? U.S. seven.\n"};
    for (const QString &seed : QDir(QStringLiteral(ANNOREV_SAMPLES_DIR)).entryList(QDir::Files)) {
        QFile file(QStringLiteral(ANNOREV_SAMPLES_DIR "/") + seed);
        QVERIFY(file.open(QIODevice::ReadOnly));
        sources << file.readAll();
    }
    for (const QByteArray &source : std::as_const(sources)) {
        const Document doc = Document::parse(source, Schema::builtin());
        // Every position in turn, and every third one (a cursor skips ahead between spans).
        for (const qsizetype step : {1, 3}) {
            Sentences::Cursor cursor(doc);
            for (qsizetype pos = 0; pos <= doc.text().size(); pos += step) {
                const Sentences::Bounds walked = Sentences::around(doc, pos);
                const Sentences::Bounds cursored = cursor.around(pos);
                QCOMPARE(cursored.begin, walked.begin);
                QCOMPARE(cursored.end, walked.end);
            }
        }
    }
}

void TestChecker::sourceLocatorGivesTheSameLineAndColumnInAnyOrder()
{
    const QByteArray source =
        QStringLiteral("ab\u00e9 <model>X</model> \u2014 c\nd\U0001F600e f\n\ng").toUtf8().repeated(50);
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i <= source.size(); ++i) {
        if (i == source.size() || (static_cast<unsigned char>(source[i]) & 0xc0) != 0x80) {
            offsets << i;
        }
    }
    // Forward, back by a little, back by a lot, forward again: each answer as a fresh locator's.
    quint32 state = 99;
    SourceLocator moving(source, 0, SourceLocator::Lines::Split);
    for (int step = 0; step < 2000; ++step) {
        state = state * 1664525u + 1013904223u;
        const qsizetype offset = offsets[qsizetype((state >> 8) % quint32(offsets.size()))];
        SourceLocator fresh(source, 0, SourceLocator::Lines::Split);
        const SourceLocator::Location expected = fresh.locate(offset);
        const SourceLocator::Location actual = moving.locate(offset);
        QCOMPARE(actual.line, expected.line);
        QCOMPARE(actual.column, expected.column);
    }
}

void TestChecker::sourceLocatorCountsColumnsInCodePoints_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("oneLine");

    // Columns are counted eight bytes at a time: characters of every UTF-8 length straddle the
    // eight-byte blocks at every offset.
    const QString mixed = u"a\u00e9\u2014\U0001F600b"_s;
    QTest::addRow("ASCII") << u"plain text of some length, no newline at all"_s << false;
    QTest::addRow("two-byte characters") << u"\u00e9\u00e8\u00ea"_s.repeated(9) << false;
    QTest::addRow("three-byte characters") << u"\u2014x\u2019"_s.repeated(9) << false;
    QTest::addRow("four-byte characters") << u"\U0001F600"_s.repeated(9) << false;
    QTest::addRow("every length, shifted by one byte each time")
        << QString(mixed + u' ' + mixed + u"  "_s + mixed + u"   "_s + mixed + u"\n"_s).repeated(4) << false;
    QTest::addRow("a line longer than the counting blocks of 2,040 bytes")
        << QString(mixed + u' ').repeated(300) << false;
    QTest::addRow("every length, one line whatever its newlines")
        << QString(mixed + u"\n"_s + mixed + u" \n"_s).repeated(4) << true;
}

void TestChecker::sourceLocatorCountsColumnsInCodePoints()
{
    QFETCH(QString, text);
    QFETCH(bool, oneLine);

    const QByteArray source = text.toUtf8();
    for (qsizetype offset = 0; offset <= source.size(); ++offset) {
        if (offset < source.size() && (static_cast<unsigned char>(source[offset]) & 0xc0) == 0x80) {
            continue;
        }
        const qsizetype lineStart = oneLine || offset == 0 ? 0 : source.lastIndexOf('\n', offset - 1) + 1;
        const qsizetype column = QString::fromUtf8(source.mid(lineStart, offset - lineStart)).toUcs4().size() + 1;
        SourceLocator locator(source, 0, oneLine ? SourceLocator::Lines::One : SourceLocator::Lines::Split);
        QCOMPARE(locator.locate(offset).column, column);
    }
}

// A name mentioned untagged again and again: one mention-untagged finding each.
void TestChecker::findingsPastTheLimitAreCountedAndOneErrorSaysHowMany_data()
{
    QTest::addColumn<int>("mentions");
    QTest::addColumn<int>("leftOut"); // -1: every finding is listed
    QTest::addRow("below the limit") << 1000 << -1;
    QTest::addRow("at the limit") << int(FindingList::limit) << -1;
    QTest::addRow("one past the limit") << int(FindingList::limit) + 1 << 1;
    QTest::addRow("far past the limit") << 3 * int(FindingList::limit) << 2 * int(FindingList::limit);
}

void TestChecker::findingsPastTheLimitAreCountedAndOneErrorSaysHowMany()
{
    QFETCH(int, mentions);
    QFETCH(int, leftOut);
    const Document doc =
        Document::parse("<model>Xq</model> used <gpu_count>8</gpu_count> <hardware>A100</hardware>. " +
                             QByteArray("Xq ").repeated(mentions),
                         Schema::builtin());
    const QList<Finding> findings = check(doc).findings;
    QList<Finding> limited;
    qsizetype mentionFindings = 0;
    for (const Finding &finding : findings) {
        if (finding.rule == u"findings-limited") {
            limited.append(finding);
        } else if (finding.rule == u"mention-untagged") {
            ++mentionFindings;
        }
    }
    if (leftOut < 0) {
        QVERIFY(limited.isEmpty());
        QCOMPARE(mentionFindings, mentions);
        return;
    }
    QCOMPARE(findings.size(), FindingList::limit + 1);
    QCOMPARE(mentionFindings, FindingList::limit);
    QCOMPARE(limited.size(), 1);
    QCOMPARE(limited.first().severity, Severity::Error);
    QCOMPARE(limited.first().start, 0);
    QCOMPARE(limited.first().end, 0);
    QCOMPARE(findings.first().rule, u"findings-limited"_s); // sorted first: position 0
    QCOMPARE(limited.first().message,
             u"%1 more findings are not listed: a document lists at most 100,000 (README › Limits)"_s.arg(
                 QLocale(QLocale::English).toString(leftOut)));
}

void TestChecker::countsAttachedToHardwarePastTheLimitAreCountedNotKept_data()
{
    // The gpu-count rules keep no more attached counts than they can list (a document of nothing
    // but "8 GPUs, " took 702 MB at 63 MiB when they kept all 8.3 million); the rest must still be
    // counted, each rule's own, for the findings-limited error.
    QTest::addColumn<QString>("head");
    QTest::addColumn<int>("counts");
    QTest::addColumn<QStringList>("rules"); // the rules each count fires
    const QString untagged = u"<model>Xq</model> trained on <hardware>A100</hardware> GPUs: "_s;
    const QString mismatched = u"<model>Xq</model> trained on <gpu_count>4</gpu_count> <hardware>A100</hardware>: "_s;
    // Two records in one sentence: each count is untagged for the first and disagrees with the second.
    const QString both = u"<model>Xq</model> on <hardware>A100</hardware> and <model>Yq</model> on "
                         "<gpu_count>4</gpu_count> <hardware>H100</hardware>: "_s;
    const int limit = int(FindingList::limit);
    const QStringList u{u"gpu-count-untagged"_s};
    const QStringList m{u"gpu-count-mismatch"_s};
    const QStringList um{u"gpu-count-untagged"_s, u"gpu-count-mismatch"_s};
    QTest::addRow("untagged, below the limit") << untagged << 1000 << u;
    QTest::addRow("untagged, at the limit") << untagged << limit << u;
    QTest::addRow("untagged, one past the limit") << untagged << limit + 1 << u;
    QTest::addRow("untagged, far past the limit") << untagged << 3 * limit << u;
    QTest::addRow("mismatched, one past the limit") << mismatched << limit + 1 << m;
    QTest::addRow("mismatched, far past the limit") << mismatched << 3 * limit << m;
    QTest::addRow("both rules, half the limit each") << both << limit / 2 << um;
    QTest::addRow("both rules, past the limit each") << both << 2 * limit << um;
}

void TestChecker::countsAttachedToHardwarePastTheLimitAreCountedNotKept()
{
    QFETCH(QString, head);
    QFETCH(int, counts);
    QFETCH(QStringList, rules);
    const auto checked = [&](int repeat) {
        return check(Document::parse(head.toUtf8() + QByteArray("8 GPUs, ").repeated(repeat), Schema::builtin()))
            .findings;
    };
    // What the head alone gives (other rules, or none), so the expected total does not guess at it.
    qsizetype others = 0;
    for (const Finding &finding : checked(1)) {
        others += !rules.contains(finding.rule);
    }
    const qsizetype total = others + qsizetype(counts) * rules.size();

    const QList<Finding> findings = checked(counts);
    QHash<QString, qsizetype> perRule;
    QList<Finding> limited;
    for (const Finding &finding : findings) {
        if (finding.rule == u"findings-limited") {
            limited.append(finding);
        } else {
            ++perRule[finding.rule];
        }
    }
    if (total <= FindingList::limit) {
        QVERIFY(limited.isEmpty());
        for (const QString &rule : rules) {
            QCOMPARE(perRule.value(rule), qsizetype(counts));
        }
        return;
    }
    QCOMPARE(findings.size(), FindingList::limit + 1);
    QCOMPARE(limited.size(), 1);
    QCOMPARE(limited.first().message,
             u"%1 more findings are not listed: a document lists at most 100,000 (README › Limits)"_s.arg(
                 QLocale(QLocale::English).toString(total - FindingList::limit)));
    // Those listed are the first in the text: every count up to the last one listed is there.
    const qsizetype headLength = Document::parse(head.toUtf8(), Schema::builtin()).text().size();
    for (const QString &rule : rules) {
        qsizetype lastListed = -1;
        for (const Finding &finding : findings) {
            if (finding.rule == rule) {
                lastListed = std::max(lastListed, finding.start);
            }
        }
        const qsizetype expected = lastListed < 0 ? 0 : (lastListed - headLength) / 8 + 1;
        QCOMPARE(perRule.value(rule), expected);
    }
}

QTEST_GUILESS_MAIN(TestChecker)
#include "tst_checker.moc"
