#include "bulkedit.h"
#include "schema.h"
#include "textmatcher.h"

#include <QTest>

using namespace annorev;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(annorev::MatchOptions)

namespace {

MatchOptions literal(const QString &pattern, bool wholeWords = false, bool ignoreCase = false)
{
    return {pattern, false, wholeWords, ignoreCase};
}

MatchOptions regex(const QString &pattern, bool wholeWords = false, bool ignoreCase = false)
{
    return {pattern, true, wholeWords, ignoreCase};
}

// "start-end" per hit, in UTF-16 units.
QStringList ranges(const QList<TextRange> &hits)
{
    QStringList out;
    for (const TextRange &hit : hits) {
        out << QStringLiteral("%1-%2").arg(hit.start).arg(hit.end);
    }
    return out;
}

} // namespace

class TestTextMatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsEveryOccurrence_data()
    {
        QTest::addColumn<MatchOptions>("options");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");

        QTest::addRow("literal, each occurrence")
            << literal(QStringLiteral("A100")) << QStringLiteral("A100 and A100s") << QStringList{u"0-4"_s, u"9-13"_s};
        QTest::addRow("literal, case matters by default")
            << literal(QStringLiteral("gpt")) << QStringLiteral("GPT gpt") << QStringList{u"4-7"_s};
        QTest::addRow("literal, ignoring case") << literal(QStringLiteral("gpt"), false, true)
                                                << QStringLiteral("GPT gpt") << QStringList{u"0-3"_s, u"4-7"_s};
        QTest::addRow("literal is not a pattern")
            << literal(QStringLiteral("7.2B")) << QStringLiteral("7x2B 7.2B") << QStringList{u"5-9"_s};
        QTest::addRow("whole words: X-7B-Instruct holds no X-7B")
            << literal(QStringLiteral("X-7B"), true) << QStringLiteral("X-7B-Instruct beats X-7B.")
            << QStringList{u"20-24"_s};
        QTest::addRow("whole words: glued letters are no word")
            << literal(QStringLiteral("Flex"), true) << QStringLiteral("NeuroFlex Flex Flexible")
            << QStringList{u"10-14"_s};
        QTest::addRow("whole words: v1.2 holds no v1")
            << literal(QStringLiteral("v1"), true) << QStringLiteral("v1.2 and v1") << QStringList{u"9-11"_s};
        QTest::addRow("not whole words: inside words too")
            << literal(QStringLiteral("Flex")) << QStringLiteral("NeuroFlex Flex") << QStringList{u"5-9"_s, u"10-14"_s};
        QTest::addRow("adjacent hits are both found")
            << literal(QStringLiteral("ab")) << QStringLiteral("abab") << QStringList{u"0-2"_s, u"2-4"_s};
        QTest::addRow("overlapping occurrences: the search goes on after each hit")
            << literal(QStringLiteral("aa")) << QStringLiteral("aaaa a") << QStringList{u"0-2"_s, u"2-4"_s};
        QTest::addRow("regex") << regex(QStringLiteral("A\\d+")) << QStringLiteral("A100, H100, A40")
                               << QStringList{u"0-4"_s, u"12-15"_s};
        QTest::addRow("regex ignoring case")
            << regex(QStringLiteral("h\\d+"), false, true) << QStringLiteral("A100, H100") << QStringList{u"6-10"_s};
        QTest::addRow("regex, whole words") << regex(QStringLiteral("X-\\d+B"), true)
                                            << QStringLiteral("X-7B-Instruct X-13B") << QStringList{u"14-19"_s};
        QTest::addRow("zero-length regex matches nothing and ends")
            << regex(QStringLiteral("x*")) << QStringLiteral("abc") << QStringList{};
        QTest::addRow("zero-length alternatives are passed over")
            << regex(QStringLiteral("x*")) << QStringLiteral("axxb x") << QStringList{u"1-3"_s, u"5-6"_s};
        QTest::addRow("lookahead alone matches nothing")
            << regex(QStringLiteral("(?=a)")) << QStringLiteral("aaa") << QStringList{};
        QTest::addRow("after an emoji, positions are UTF-16 units")
            << literal(QStringLiteral("A100")) << QStringLiteral("\U0001F600 A100") << QStringList{u"3-7"_s};
        QTest::addRow("zero-length regex over emoji does not split a pair")
            << regex(QStringLiteral("\\d*")) << QStringLiteral("\U0001F600\U0001F600 7") << QStringList{u"5-6"_s};
        QTest::addRow("a regex hit that is no whole word is retried after its emoji, not inside it")
            << regex(QStringLiteral("\U0001F600?x"), true) << QStringLiteral("a\U0001F600xb \U0001F600x")
            << QStringList{u"6-9"_s};
        QTest::addRow("regex of letters beyond ASCII")
            << regex(QStringLiteral("\\w+"), true) << QStringLiteral("Zürich ok") << QStringList{u"0-6"_s, u"7-9"_s};
    }
    void findsEveryOccurrence()
    {
        QFETCH(MatchOptions, options);
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const Expected<TextMatcher> matcher = TextMatcher::create(options);
        QVERIFY2(matcher, qPrintable(matcher ? QString() : matcher.error().message));
        QCOMPARE(ranges(matcher->findAll(text)), expected);
    }

    void refusesWhatCannotBeSearched_data()
    {
        QTest::addColumn<MatchOptions>("options");
        QTest::addColumn<QString>("message");
        QTest::addRow("empty text") << literal(QString()) << QStringLiteral("the text to look for is empty");
        QTest::addRow("unbalanced parenthesis")
            << regex(QStringLiteral("(A100")) << QStringLiteral("the regular expression \"(A100\" is not valid");
    }
    void refusesWhatCannotBeSearched()
    {
        QFETCH(MatchOptions, options);
        QFETCH(QString, message);
        const Expected<TextMatcher> matcher = TextMatcher::create(options);
        QVERIFY(!matcher);
        QVERIFY2(matcher.error().message.startsWith(message), qPrintable(matcher.error().message));
    }

    void matchesSpansExactly_data()
    {
        QTest::addColumn<MatchOptions>("options");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("expected");
        QTest::addRow("same text") << literal(QStringLiteral("GPT-4")) << QStringLiteral("GPT-4") << true;
        QTest::addRow("longer text") << literal(QStringLiteral("GPT")) << QStringLiteral("GPT-4") << false;
        QTest::addRow("regex anchored at both ends")
            << regex(QStringLiteral("A\\d+")) << QStringLiteral("A100 GPU") << false;
        QTest::addRow("regex whole") << regex(QStringLiteral("A\\d+.*")) << QStringLiteral("A100 GPU") << true;
        QTest::addRow("case ignored") << literal(QStringLiteral("gpt-4"), false, true) << QStringLiteral("GPT-4")
                                      << true;
    }
    void matchesSpansExactly()
    {
        QFETCH(MatchOptions, options);
        QFETCH(QString, text);
        QFETCH(bool, expected);
        const Expected<TextMatcher> matcher = TextMatcher::create(options);
        QVERIFY(matcher);
        QCOMPARE(matcher->matchesExactly(text, 0, text.size()), expected);
    }

    void statesEachHit_data()
    {
        QTest::addColumn<QByteArray>("tagged");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QStringList>("expected"); // "cpStart-cpEnd state" per hit

        QTest::addRow("untagged hits will be tagged")
            << QByteArray("NeuroFlex-7B beats NeuroFlex-7B.") << u"NeuroFlex-7B"_s
            << QStringList{u"0-12 will tag"_s, u"19-31 will tag"_s};
        QTest::addRow("a hit tagged as the label is skipped")
            << QByteArray("<model>NeuroFlex-7B</model> beats NeuroFlex-7B.") << u"NeuroFlex-7B"_s
            << QStringList{u"0-12 skipped: already tagged"_s, u"19-31 will tag"_s};
        QTest::addRow("a hit inside another span is skipped")
            << QByteArray("<hardware>NeuroFlex-7B chips</hardware>") << u"NeuroFlex-7B"_s
            << QStringList{u"0-12 skipped: overlaps a span"_s};
        QTest::addRow("a hit crossing a span is skipped")
            << QByteArray("Neuro<params>Flex-7B</params> rocks") << u"NeuroFlex-7B"_s
            << QStringList{u"0-12 skipped: overlaps a span"_s};
        QTest::addRow("a hit tagged with another label overlaps it")
            << QByteArray("<hardware>NeuroFlex-7B</hardware>") << u"NeuroFlex-7B"_s
            << QStringList{u"0-12 skipped: overlaps a span"_s};
        QTest::addRow("offsets in code points after an emoji")
            << QByteArray("\xF0\x9F\x98\x80\xF0\x9F\x98\x80 NeuroFlex-7B") << u"NeuroFlex-7B"_s
            << QStringList{u"3-15 will tag"_s};
    }
    void statesEachHit()
    {
        QFETCH(QByteArray, tagged);
        QFETCH(QString, pattern);
        QFETCH(QStringList, expected);
        const Schema &schema = Schema::builtin();
        const Document doc = Document::parse(tagged, schema);
        const BulkRequest request{BulkRequest::Tag, u"model"_s, {}, literal(pattern, true), {}};
        const Expected<TextMatcher> matcher = TextMatcher::create(request.match);
        QVERIFY(matcher);
        QStringList actual;
        for (const BulkHit &hit : BulkEdit::find(doc, request, *matcher, schema)) {
            actual << QStringLiteral("%1-%2 %3")
                          .arg(hit.codePointStart)
                          .arg(hit.codePointEnd)
                          .arg(BulkEdit::describe(request, hit));
        }
        QCOMPARE(actual, expected);
    }

    void appliesTheHitsThatApply_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<QByteArray>("tagged");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QList<bool>>("selected");
        QTest::addColumn<QByteArray>("expected");

        QTest::addRow("tag every hit") << int(BulkRequest::Tag) << QByteArray("A100 or A100") << u"A100"_s
                                       << QList<bool>{} << QByteArray("<model>A100</model> or <model>A100</model>");
        QTest::addRow("an unticked hit stays as it is")
            << int(BulkRequest::Tag) << QByteArray("A100 or A100") << u"A100"_s << QList<bool>{true, false}
            << QByteArray("<model>A100</model> or A100");
        QTest::addRow("tag beside an emoji keeps the bytes around it")
            << int(BulkRequest::Tag)
            << QByteArray("\xF0\x9F\x98\x80"
                          "A100\r\n")
            << u"A100"_s << QList<bool>{} << QByteArray("\xF0\x9F\x98\x80<model>A100</model>\r\n");
        QTest::addRow("untag the spans whose text matches")
            << int(BulkRequest::Untag) << QByteArray("<model>A100</model> <model>A100 v2</model>") << u"A100"_s
            << QList<bool>{} << QByteArray("A100 <model>A100 v2</model>");
        QTest::addRow("relabel the spans whose text matches")
            << int(BulkRequest::Relabel) << QByteArray("<model>A100</model> <params>A100</params>") << u"A100"_s
            << QList<bool>{} << QByteArray("<hardware>A100</hardware> <params>A100</params>");
    }
    void appliesTheHitsThatApply()
    {
        QFETCH(int, action);
        QFETCH(QByteArray, tagged);
        QFETCH(QString, pattern);
        QFETCH(QList<bool>, selected);
        QFETCH(QByteArray, expected);
        const Schema &schema = Schema::builtin();
        const BulkRequest request{BulkRequest::Action(action), u"model"_s, u"hardware"_s, literal(pattern, true), {}};
        const Expected<TextMatcher> matcher = TextMatcher::create(request.match);
        QVERIFY(matcher);
        const Document doc = Document::parse(tagged, schema);
        const QList<BulkHit> hits = BulkEdit::find(doc, request, *matcher, schema);
        QCOMPARE(BulkEdit::apply(doc, request, hits, selected, schema).source(), expected);
    }
};

QTEST_GUILESS_MAIN(TestTextMatcher)
#include "tst_textmatcher.moc"
