// How far a document's model suggestions and its spans differ (SuggestionDisagreement): what the
// document list's disagreement column shows and sorts by (issue 16).

#include "document.h"
#include "schema.h"
#include "suggestiondisagreement.h"

#include <QTest>

using namespace annorev;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(annorev::SpanKey)
Q_DECLARE_METATYPE(annorev::Suggestion)

namespace {

const QString text = u"Acme released NeuroFlex-7B in Canada."_s;
// In UTF-16 units of text: Acme 0-4, NeuroFlex-7B 14-26, Canada 30-36.

Suggestion suggested(qsizetype start, qsizetype end, const QString &label,
                     SuggestionState state = SuggestionState::Pending, const QString &covered = {})
{
    Suggestion s;
    s.start = start;
    s.end = end;
    s.label = label;
    s.state = state;
    s.text = covered.isNull() ? text.mid(start, end - start) : covered;
    return s;
}

} // namespace

class TestSuggestionDisagreement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsUnheldSuggestionsAndUnproposedSpans_data();
    void countsUnheldSuggestionsAndUnproposedSpans();
    void aDocumentWithoutSuggestionsHasNone();
    void spansAreKeyedByLabelAndRangeOfThePlainText();
    void aDenseDocumentIsCountedWithoutComparingEveryPair();
};

void TestSuggestionDisagreement::countsUnheldSuggestionsAndUnproposedSpans_data()
{
    QTest::addColumn<QList<SpanKey>>("spans");
    QTest::addColumn<QList<Suggestion>>("suggestions");
    QTest::addColumn<int>("expected");

    const SpanKey neuroFlex{u"model"_s, 14, 26};
    const SpanKey canada{u"country"_s, 30, 36};
    QTest::addRow("a pending suggestion no span holds")
        << QList<SpanKey>{} << QList<Suggestion>{suggested(0, 4, u"model"_s)} << 1;
    QTest::addRow("a pending suggestion the spans hold")
        << QList<SpanKey>{neuroFlex} << QList<Suggestion>{suggested(14, 26, u"model"_s)} << 0;
    QTest::addRow("the same range under another label")
        << QList<SpanKey>{SpanKey{u"hardware"_s, 14, 26}} << QList<Suggestion>{suggested(14, 26, u"model"_s)} << 1;
    QTest::addRow("a pending suggestion the text no longer fits")
        << QList<SpanKey>{} << QList<Suggestion>{suggested(0, 4, u"model"_s, SuggestionState::Pending, u"Acne"_s)} << 0;
    QTest::addRow("a suggestion past the end of an edited text")
        << QList<SpanKey>{} << QList<Suggestion>{suggested(30, 60, u"model"_s, SuggestionState::Pending, u"x"_s)} << 0;
    QTest::addRow("an accepted suggestion and its span")
        << QList<SpanKey>{neuroFlex} << QList<Suggestion>{suggested(14, 26, u"model"_s, SuggestionState::Accepted)}
        << 0;
    QTest::addRow("an accepted suggestion whose span was removed since")
        << QList<SpanKey>{} << QList<Suggestion>{suggested(14, 26, u"model"_s, SuggestionState::Accepted)} << 0;
    QTest::addRow("a rejected suggestion no span holds")
        << QList<SpanKey>{} << QList<Suggestion>{suggested(0, 4, u"model"_s, SuggestionState::Rejected)} << 0;
    QTest::addRow("a span a reviewer kept although the model's was rejected")
        << QList<SpanKey>{neuroFlex} << QList<Suggestion>{suggested(14, 26, u"model"_s, SuggestionState::Rejected)}
        << 1;
    QTest::addRow("a span of a suggested label no suggestion proposed")
        << QList<SpanKey>{neuroFlex} << QList<Suggestion>{suggested(0, 4, u"model"_s, SuggestionState::Rejected)} << 1;
    QTest::addRow("a span of a label the model never suggested here")
        << QList<SpanKey>{canada} << QList<Suggestion>{suggested(14, 26, u"model"_s, SuggestionState::Accepted)} << 0;
    QTest::addRow("both ways at once") << QList<SpanKey>{neuroFlex, canada}
                                       << QList<Suggestion>{suggested(0, 4, u"model"_s), suggested(30, 36, u"model"_s),
                                                            suggested(36, 37, u"country"_s)}
                                       << 5;
}

void TestSuggestionDisagreement::countsUnheldSuggestionsAndUnproposedSpans()
{
    QFETCH(QList<SpanKey>, spans);
    QFETCH(QList<Suggestion>, suggestions);
    QFETCH(int, expected);
    QCOMPARE(SuggestionDisagreement::of(text, spans, suggestions), std::optional<int>(expected));
}

void TestSuggestionDisagreement::aDocumentWithoutSuggestionsHasNone()
{
    QCOMPARE(SuggestionDisagreement::of(text, {SpanKey{u"model"_s, 14, 26}}, {}), std::nullopt);
}

void TestSuggestionDisagreement::spansAreKeyedByLabelAndRangeOfThePlainText()
{
    // An emoji takes two UTF-16 units: the keys count them as QString does.
    const Document doc =
        Document::parse("\xF0\x9F\x98\x80 <model>Acme</model> on <hardware>TPU</hardware>", Schema::builtin());
    QCOMPARE(SuggestionDisagreement::keysOf(doc),
             (QList<SpanKey>{SpanKey{u"model"_s, 3, 7}, SpanKey{u"hardware"_s, 11, 14}}));
}

void TestSuggestionDisagreement::aDenseDocumentIsCountedWithoutComparingEveryPair()
{
    // 40,000 spans and as many suggestions, every other one held: matched through sorted keys
    // (pair by pair it would be 1.6e9 comparisons, this test's time would show it).
    QString dense;
    QList<SpanKey> spans;
    QList<Suggestion> suggestions;
    constexpr int words = 40000;
    for (int i = 0; i < words; ++i) {
        const qsizetype start = dense.size();
        dense += u"word "_s;
        if (i % 2 == 0) {
            spans.append({u"model"_s, start, start + 4});
        }
        Suggestion s;
        s.start = start;
        s.end = start + 4;
        s.label = u"model"_s;
        s.text = u"word"_s;
        suggestions.append(s);
    }
    QCOMPARE(SuggestionDisagreement::of(dense, spans, suggestions), std::optional<int>(words / 2));
}

QTEST_GUILESS_MAIN(TestSuggestionDisagreement)
#include "tst_suggestiondisagreement.moc"
