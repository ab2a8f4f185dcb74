#include "bulkedit.h"
#include "checker.h"
#include "countryaliases.h"
#include "document.h"
#include "rules/rule.h"
#include "rules/ruleset.h"
#include "schema.h"
#include "taggeddiff.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace annorev;

namespace {

const Checker &checker()
{
    static const Checker instance(Schema::builtin(), CountryAliases::builtin(), 2026);
    return instance;
}

BulkRequest fixRequest(const QString &rule)
{
    BulkRequest request;
    request.action = BulkRequest::Fix;
    request.rule = rule;
    return request;
}

// "START-END STATE" per hit, code points, in the order the preview lists them.
QStringList statesOf(const QList<BulkHit> &hits)
{
    static const char *const names[] = {"apply", "already-tagged", "overlaps", "refused", "no-fix", "conflicting"};
    QStringList states;
    for (const BulkHit &hit : hits) {
        states << u"%1-%2 %3"_s.arg(hit.codePointStart).arg(hit.codePointEnd).arg(QLatin1StringView(names[hit.state]));
    }
    return states;
}

} // namespace

class TestBulkFix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixesEveryFindingOfTheRule_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QByteArray>("tagged");
        QTest::addColumn<QStringList>("states");
        QTest::addColumn<QByteArray>("fixed");
        QTest::addRow("an embedded count split off, in both records")
            << u"hardware-count-embedded"_s
            << QByteArray("<model>A</model> on <hardware>512 A100 GPUs</hardware>. <model>B</model> on "
                          "<hardware>8x H100</hardware>.")
            << QStringList{u"5-18 apply"_s, u"25-32 apply"_s}
            << QByteArray("<model>A</model> on <gpu_count>512</gpu_count> <hardware>A100 GPUs</hardware>. "
                          "<model>B</model> on <gpu_count>8</gpu_count>x <hardware>H100</hardware>.");
        QTest::addRow("every untagged mention of a tagged model")
            << u"mention-untagged"_s
            << QByteArray("<model>NeuroFlex-7B</model> beats Llama; NeuroFlex-7B and NeuroFlex-7B-Instruct, "
                          "NeuroFlex-7B.")
            << QStringList{u"26-38 apply"_s, u"66-78 apply"_s}
            << QByteArray("<model>NeuroFlex-7B</model> beats Llama; <model>NeuroFlex-7B</model> and "
                          "NeuroFlex-7B-Instruct, <model>NeuroFlex-7B</model>.");
        // Each replacement is shorter than its mojibake: made from the last, the first one's
        // position still holds when it is made.
        QTest::addRow("two mojibakes replaced, text shrinking")
            << u"encoding-suspect"_s
            << QByteArray("caf\xC3\x83\xC2\xA9 <model>X</model> \xC3\xA2\xE2\x82\xAC\xE2\x80\x9D end")
            << QStringList{u"3-5 apply"_s, u"8-11 apply"_s}
            << QByteArray("caf\xC3\xA9 <model>X</model> \xE2\x80\x94 end");
        QTest::addRow("U+FFFD has no fix a program can make")
            << u"encoding-suspect"_s << QByteArray("a \xEF\xBF\xBD b \xC3\x83\xC2\xA9")
            << QStringList{u"2-3 no-fix"_s, u"6-8 apply"_s} << QByteArray("a \xEF\xBF\xBD b \xC3\xA9");
        QTest::addRow("a rule without fixes changes nothing")
            << u"field-conflict"_s
            << QByteArray("<model>M</model> has <params>7.2 billion</params> or <params>6.7B</params>.")
            << QStringList{u"21-25 no-fix"_s}
            << QByteArray("<model>M</model> has <params>7.2 billion</params> or <params>6.7B</params>.");
        // Both spans would widen to NeuroFlex: which one is meant is a reviewer's choice.
        QTest::addRow("two fixes over the same text are both skipped")
            << u"span-boundary"_s << QByteArray("<model>Neuro</model><model>Flex</model> and <params>7B </params>.")
            << QStringList{u"0-5 conflicting"_s, u"5-9 conflicting"_s, u"14-17 apply"_s}
            << QByteArray("<model>Neuro</model><model>Flex</model> and <params>7B</params> .");
        QTest::addRow("no finding of the rule") << u"mention-untagged"_s << QByteArray("<model>M</model> only.")
                                                << QStringList{} << QByteArray("<model>M</model> only.");
    }
    void fixesEveryFindingOfTheRule()
    {
        QFETCH(QString, rule);
        QFETCH(QByteArray, tagged);
        QFETCH(QStringList, states);
        QFETCH(QByteArray, fixed);
        const Schema &schema = Schema::builtin();
        const Document doc = Document::parse(tagged, schema);
        const BulkRequest request = fixRequest(rule);
        const QList<BulkHit> hits = BulkEdit::findFixes(doc, checker().check(doc), request, schema);
        QCOMPARE(statesOf(hits), states);
        const Document after = BulkEdit::apply(doc, request, hits, {}, schema);
        QCOMPARE(after.source(), fixed);
        // A made fix leaves no finding of its rule behind: only the skipped ones remain.
        const qsizetype skipped =
            std::count_if(hits.cbegin(), hits.cend(), [](const BulkHit &hit) { return !hit.applies(); });
        const QList<Finding> left = checker().check(after).findings;
        QCOMPARE(
            std::count_if(left.cbegin(), left.cend(), [&](const Finding &finding) { return finding.rule == rule; }),
            skipped);
    }

    void skippedFindingsSayWhy()
    {
        const Schema &schema = Schema::builtin();
        const Document doc =
            Document::parse("<model>M</model> has <params>7.2 billion</params> or <params>6.7B</params>.", schema);
        const BulkRequest request = fixRequest(u"field-conflict"_s);
        const QList<BulkHit> hits = BulkEdit::findFixes(doc, checker().check(doc), request, schema);
        QCOMPARE(hits.size(), 1);
        // What the rule tells a reviewer to do, and the finding's own words.
        QCOMPARE(hits[0].reason, RuleSet::builtin().find(u"field-conflict")->info().fix);
        QVERIFY(hits[0].description.contains(u"params"_s));
        QVERIFY(
            BulkEdit::describe(request, hits[0]).startsWith(u"skipped: no fix without a reviewer: Keep the span"_s));

        const Document spans = Document::parse("<model>Neuro</model><model>Flex</model>", schema);
        const QList<BulkHit> conflicting =
            BulkEdit::findFixes(spans, checker().check(spans), fixRequest(u"span-boundary"_s), schema);
        QCOMPARE(conflicting.size(), 2);
        QCOMPARE(conflicting[0].reason, u"its fix touches the text the fix of the finding at 5-9 changes"_s);
        QCOMPARE(conflicting[1].reason, u"its fix touches the text the fix of the finding at 0-5 changes"_s);
    }

    void aFixTheEditorRefusesIsSkippedWithItsReason()
    {
        const Schema &schema = Schema::builtin();
        const Document doc = Document::parse("one <model>two three</model> four", schema);
        // A fix that would cross the model span's end tag.
        CheckResult checked;
        Finding crossing;
        crossing.rule = u"span-boundary"_s;
        crossing.start = 8;
        crossing.end = 18;
        crossing.fix = Fix{u"cross"_s, {SpanEdit::add(u"hardware"_s, 8, 18)}};
        checked.findings << crossing;
        const QList<BulkHit> hits = BulkEdit::findFixes(doc, checked, fixRequest(u"span-boundary"_s), schema);
        QCOMPARE(statesOf(hits), QStringList{u"8-18 refused"_s});
        QVERIFY(!hits[0].reason.isEmpty());
        QCOMPARE(BulkEdit::apply(doc, fixRequest(u"span-boundary"_s), hits, {}, schema).source(), doc.source());
    }

    void eachMadeFixShowsItsChangeToTheTaggedText()
    {
        const Schema &schema = Schema::builtin();
        const Document doc =
            Document::parse("We trained it for weeks and weeks on <hardware>512 A100 GPUs</hardware>.", schema);
        const QList<BulkHit> hits =
            BulkEdit::findFixes(doc, checker().check(doc), fixRequest(u"hardware-count-embedded"_s), schema);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].description, u"Split into gpu_count 512 and hardware"_s);
        // Thirty bytes of context: cut before, whole after.
        QCOMPARE(hits[0].taggedBefore, u"…ed it for weeks and weeks on <hardware>512 A100 GPUs</hardware>."_s);
        QCOMPARE(hits[0].taggedAfter,
                 u"…ed it for weeks and weeks on <gpu_count>512</gpu_count> <hardware>A100 GPUs</hardware>."_s);
    }

    void taggedChangeKeepsWholeCharactersAndSomeContext_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<int>("context");
        QTest::addColumn<QString>("shownBefore");
        QTest::addColumn<QString>("shownAfter");
        QTest::addRow("all of a short text")
            << QByteArray("a b c") << QByteArray("a <x>b</x> c") << 30 << u"a b c"_s << u"a <x>b</x> c"_s;
        QTest::addRow("context cut on both sides")
            << QByteArray("0123456789 b 0123456789") << QByteArray("0123456789 <x>b</x> 0123456789") << 3
            << u"…89 b 01…"_s << u"…89 <x>b</x> 01…"_s;
        // é (C3 A9) and è (C3 A8) share their first byte: the change is the whole character.
        QTest::addRow("a shared lead byte belongs to the change")
            << QByteArray("caf\xC3\xA9!") << QByteArray("caf\xC3\xA8!") << 1 << u"…f\u00e9!"_s << u"…f\u00e8!"_s;
        // Three bytes of context would cut € (E2 82 AC) in half: the cut moves to its start.
        QTest::addRow("the context cut never splits a character")
            << QByteArray("x\xE2\x82\xAC\xE2\x82\xAC y") << QByteArray("x\xE2\x82\xAC\xE2\x82\xAC <x>y</x>") << 4
            << u"…\u20ac y"_s << u"…\u20ac <x>y</x>"_s;
        QTest::addRow("line breaks shown as spaces")
            << QByteArray("a\r\nb") << QByteArray("a\r\n<x>b</x>") << 30 << u"a  b"_s << u"a  <x>b</x>"_s;
        QTest::addRow("nothing changed") << QByteArray("same") << QByteArray("same") << 2 << u"…me"_s << u"…me"_s;
    }
    void taggedChangeKeepsWholeCharactersAndSomeContext()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(int, context);
        QFETCH(QString, shownBefore);
        QFETCH(QString, shownAfter);
        const TaggedChange change = TaggedDiff::change(before, after, context);
        QCOMPARE(change.before, shownBefore);
        QCOMPARE(change.after, shownAfter);
    }

    // `annorev rules` and the fix command say which rules are fixed in bulk: a rule whose findings
    // carry fixes must say it is fixable, and one that says so must make fixes on its example.
    void fixableRulesAreThoseWhoseFindingsCarryFixes()
    {
        const Schema &schema = Schema::builtin();
        for (const auto &rule : RuleSet::builtin().rules()) {
            const RuleInfo &info = rule->info();
            const Document doc = Document::parse(info.example.toUtf8(), schema);
            bool fired = false;
            bool fixed = false;
            for (const Finding &finding : checker().check(doc).findings) {
                if (finding.rule == info.id) {
                    fired = true;
                    fixed = fixed || finding.fix.has_value();
                }
            }
            if (!fired) {
                continue; // an example that needs a long document (findings-limited)
            }
            QVERIFY2(fixed == info.fixable, info.id.data());
        }
    }
};

QTEST_GUILESS_MAIN(TestBulkFix)
#include "tst_bulkfix.moc"
