#include "adjudication.h"
#include "documentmerge.h"
#include "schema.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace annorev;
using namespace Qt::StringLiterals;

namespace {

const QString missing = u"(missing)"_s;

QList<std::optional<SourceEntry>> entries(const QString &id, const QStringList &versions)
{
    QList<std::optional<SourceEntry>> result;
    for (const QString &version : versions) {
        if (version == missing) {
            result.append(std::nullopt);
            continue;
        }
        SourceEntry entry;
        entry.id = id;
        entry.path = u"batch.jsonl"_s;
        entry.line = 1;
        entry.source = version.toUtf8();
        entry.layout = BatchLayout::JsonLines;
        result.append(std::move(entry));
    }
    return result;
}

// "OUTCOME LABEL START-END by A,B" for each candidate that is not accepted, in their order.
QStringList queued(const Adjudication &adjudication)
{
    QStringList lines;
    for (const Adjudication::Candidate &candidate : adjudication.candidates) {
        if (candidate.outcome == Adjudication::Outcome::Accepted) {
            continue;
        }
        QStringList by;
        for (int annotator : candidate.annotators) {
            by.append(QString::number(annotator));
        }
        lines.append(u"%1 %2 %3-%4 by %5"_s
                         .arg(candidate.outcome == Adjudication::Outcome::Overlaps ? u"overlaps"_s : u"queued"_s,
                              candidate.label)
                         .arg(candidate.start)
                         .arg(candidate.end)
                         .arg(by.join(u',')));
    }
    return lines;
}

} // namespace

// Adjudication merges N versions of a document by vote, and DocumentMerge writes the result into
// the first version's source. The rows run the whole of that, from tagged texts to the line
// written, and check what is queued (offsets in code points).
class TestAdjudication : public QObject
{
    Q_OBJECT

private slots:
    void mergedDocumentHoldsTheSpansEnoughAnnotatorsAgreeOn_data();
    void mergedDocumentHoldsTheSpansEnoughAnnotatorsAgreeOn();
    void disputesShowWhoChoseWhatAndWhoChoseNothing();
    void versionsWithAnotherTextAreLeftOut();
    void aSpanOneAnnotatorMarkedTwiceIsOneVote();
    void aBaseWhoseTagsCannotBeEditedIsWrittenFromItsPlainText();
};

void TestAdjudication::mergedDocumentHoldsTheSpansEnoughAnnotatorsAgreeOn_data()
{
    QTest::addColumn<QStringList>("versions");
    QTest::addColumn<int>("minAgree");
    QTest::addColumn<QString>("merged");
    QTest::addColumn<QStringList>("queued");
    QTest::addColumn<QList<int>>("missingFrom");

    const QString agreed = u"<model>Foo-7B</model> runs on <hardware>TPUs</hardware>."_s;
    QTest::addRow("unanimous: every span accepted")
        << QStringList{agreed, agreed, agreed} << 2 << agreed << QStringList{} << QList<int>{};

    // "Foo on NVIDIA A100 GPUs.": "NVIDIA A100" is 7-18, "NVIDIA A100 GPUs" 7-23.
    const QString shorter = u"Foo on <hardware>NVIDIA A100</hardware> GPUs."_s;
    const QString longer = u"Foo on <hardware>NVIDIA A100 GPUs</hardware>."_s;
    QTest::addRow("majority: two of three accepted, the third queued")
        << QStringList{longer, shorter, shorter} << 2 << shorter << QStringList{u"queued hardware 7-23 by 0"_s}
        << QList<int>{};
    QTest::addRow("no majority: one each, all queued")
        << QStringList{longer, shorter, u"Foo on NVIDIA A100 GPUs."_s} << 2 << u"Foo on NVIDIA A100 GPUs."_s
        << QStringList{u"queued hardware 7-18 by 1"_s, u"queued hardware 7-23 by 0"_s} << QList<int>{};

    // Four annotators, default K = 3: two against two is no majority.
    const QString asModel = u"<model>Gemini</model> is new."_s;
    const QString asHardware = u"<hardware>Gemini</hardware> is new."_s;
    QTest::addRow("tie with even N: neither side accepted")
        << QStringList{asModel, asHardware, asModel, asHardware} << 3 << u"Gemini is new."_s
        << QStringList{u"queued hardware 0-6 by 1,3"_s, u"queued model 0-6 by 0,2"_s} << QList<int>{};
    QTest::addRow("K given, 2 of 4: both sides have enough and overlap, both queued")
        << QStringList{asModel, asHardware, asModel, asHardware} << 2 << u"Gemini is new."_s
        << QStringList{u"overlaps hardware 0-6 by 1,3"_s, u"overlaps model 0-6 by 0,2"_s} << QList<int>{};
    QTest::addRow("K given, 1 of 3: every span someone marked, apart")
        << QStringList{u"<model>Foo</model> on TPUs."_s, u"Foo on <hardware>TPUs</hardware>."_s, u"Foo on TPUs."_s} << 1
        << u"<model>Foo</model> on <hardware>TPUs</hardware>."_s << QStringList{} << QList<int>{};
    QTest::addRow("overlapping spans with enough votes: neither written")
        << QStringList{shorter, shorter, longer, longer} << 2 << u"Foo on NVIDIA A100 GPUs."_s
        << QStringList{u"overlaps hardware 7-18 by 0,1"_s, u"overlaps hardware 7-23 by 2,3"_s} << QList<int>{};
    QTest::addRow("a document missing from one batch: merged from the rest")
        << QStringList{shorter, missing, shorter} << 2 << shorter << QStringList{} << QList<int>{1};
    QTest::addRow("missing from the first batch: the second is the base")
        << QStringList{missing, longer, shorter, shorter} << 3 << u"Foo on NVIDIA A100 GPUs."_s
        << QStringList{u"queued hardware 7-18 by 2,3"_s, u"queued hardware 7-23 by 1"_s} << QList<int>{0};

    // The base (the first version) lacks the accepted span: it is added to its source, after an
    // astral character (two UTF-16 units, one code point) and before another.
    QTest::addRow("non-BMP text: spans added and queued at code point offsets")
        << QStringList{u"🚀 Foo on <hardware>𝔸100</hardware>."_s, u"🚀 <model>Foo</model> on 𝔸100."_s,
                       u"🚀 <model>Foo</model> on 𝔸100."_s}
        << 2 << u"🚀 <model>Foo</model> on 𝔸100."_s << QStringList{u"queued hardware 9-13 by 0"_s} << QList<int>{};
    QTest::addRow("the base keeps the attributes of the spans it keeps")
        << QStringList{u"<params record=\"2\">7B</params> and more"_s, u"<params>7B</params> and more"_s} << 2
        << u"<params record=\"2\">7B</params> and more"_s << QStringList{} << QList<int>{};
    QTest::addRow("empty spans take no part and are not written")
        << QStringList{u"<model></model>Foo runs."_s, u"<model></model>Foo runs."_s} << 1 << u"Foo runs."_s
        << QStringList{} << QList<int>{};
}

void TestAdjudication::mergedDocumentHoldsTheSpansEnoughAnnotatorsAgreeOn()
{
    QFETCH(QStringList, versions);
    QFETCH(int, minAgree);
    QFETCH(QString, merged);
    QFETCH(QStringList, queued);
    QFETCH(QList<int>, missingFrom);

    const DocumentMerge merge = DocumentMerge::of(u"doc"_s, entries(u"doc"_s, versions), Schema::builtin(), minAgree);
    QVERIFY2(merge.error.isEmpty(), qPrintable(merge.error));
    QCOMPARE(merge.missing, missingFrom);
    QVERIFY(merge.line.endsWith('\n'));
    QJsonParseError error;
    const QJsonObject line = QJsonDocument::fromJson(merge.line, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(line.value(u"id"_s).toString(), u"doc"_s);
    QCOMPARE(line.value(u"text"_s).toString(), merged);
    QCOMPARE(::queued(merge.adjudication), queued);
    // Every queued candidate is in a dispute, and no accepted one stands alone in one.
    for (const Adjudication::Dispute &dispute : merge.adjudication.disputes) {
        QVERIFY(std::any_of(dispute.candidates.cbegin(), dispute.candidates.cend(), [&](qsizetype c) {
            return merge.adjudication.candidates[c].outcome != Adjudication::Outcome::Accepted;
        }));
    }
}

void TestAdjudication::disputesShowWhoChoseWhatAndWhoChoseNothing()
{
    // alice and bob: hardware "NVIDIA A100"; carol: "NVIDIA A100 GPUs"; alice alone: country.
    const QStringList versions{u"Foo on <hardware>NVIDIA A100</hardware> GPUs in <country>Canada</country>."_s,
                               u"Foo on <hardware>NVIDIA A100</hardware> GPUs in Canada."_s,
                               u"Foo on <hardware>NVIDIA A100 GPUs</hardware> in Canada."_s};
    const DocumentMerge merge = DocumentMerge::of(u"d1"_s, entries(u"d1"_s, versions), Schema::builtin(), 2);
    const Adjudication &adjudication = merge.adjudication;
    QCOMPARE(adjudication.present, (QList<int>{0, 1, 2}));
    QCOMPARE(adjudication.disputes.size(), 2);

    const Adjudication::Dispute &boundary = adjudication.disputes[0];
    QCOMPARE(std::pair(boundary.start, boundary.end), std::pair(qsizetype(7), qsizetype(23)));
    QCOMPARE(boundary.candidates.size(), 2);
    const Adjudication::Candidate &accepted = adjudication.candidates[boundary.candidates[0]];
    QCOMPARE(accepted.outcome, Adjudication::Outcome::Accepted);
    QCOMPARE(accepted.annotators, (QList<int>{0, 1}));
    QCOMPARE(accepted.text, u"NVIDIA A100"_s);
    const Adjudication::Candidate &queued = adjudication.candidates[boundary.candidates[1]];
    QCOMPARE(queued.outcome, Adjudication::Outcome::TooFewVotes);
    QCOMPARE(queued.annotators, QList<int>{2});
    QVERIFY(boundary.noSpan.isEmpty());

    const Adjudication::Dispute &country = adjudication.disputes[1];
    QCOMPARE(country.candidates.size(), 1);
    QCOMPARE(adjudication.candidates[country.candidates[0]].label, u"country"_s);
    QCOMPARE(country.noSpan, (QList<int>{1, 2}));
}

void TestAdjudication::versionsWithAnotherTextAreLeftOut()
{
    // The first version's text differs from the other two: theirs is the document's, and the
    // base is the second.
    const QStringList versions{u"<model>Foo</model> ran."_s, u"<model>Foo</model> runs."_s,
                               u"<model>Foo</model> runs."_s};
    const DocumentMerge merge = DocumentMerge::of(u"d"_s, entries(u"d"_s, versions), Schema::builtin(), 2);
    QCOMPARE(merge.textDiffers, QList<int>{0});
    QCOMPARE(merge.base, 1);
    QCOMPARE(merge.adjudication.present, (QList<int>{1, 2}));
    QCOMPARE(QJsonDocument::fromJson(merge.line).object().value(u"text"_s).toString(), u"<model>Foo</model> runs."_s);
}

void TestAdjudication::aSpanOneAnnotatorMarkedTwiceIsOneVote()
{
    // Two votes would accept it.
    const AnnotatedText twice{
        u"d"_s, u"Foo runs."_s, OffsetUnit::CodePoint, {{u"model"_s, 0, 3, u"Foo"_s}, {u"model"_s, 0, 3, u"Foo"_s}}};
    const AnnotatedText none{u"d"_s, u"Foo runs."_s, OffsetUnit::CodePoint, {}};
    const Adjudication adjudication = Adjudication::of({&twice, &none, &none}, 2);
    QCOMPARE(queued(adjudication), QStringList{u"queued model 0-3 by 0"_s});
}

void TestAdjudication::aBaseWhoseTagsCannotBeEditedIsWrittenFromItsPlainText()
{
    // alice's <model> is never closed, so every later tag is nested in it and the editor refuses
    // to take her hardware span out; the other two agree on Bar and on nothing else.
    const QStringList versions{u"<model>Foo runs on <hardware>TPUs</hardware>. And <model>Bar</model>."_s,
                               u"Foo runs on TPUs. And <model>Bar</model>."_s,
                               u"Foo runs on TPUs. And <model>Bar</model>."_s};
    const DocumentMerge merge = DocumentMerge::of(u"x"_s, entries(u"x"_s, versions), Schema::builtin(), 2);
    QVERIFY2(merge.error.isEmpty(), qPrintable(merge.error));
    QVERIFY2(merge.warning.startsWith(u"document x: its tags could not be edited in place ("_s),
             qPrintable(merge.warning));
    QCOMPARE(QJsonDocument::fromJson(merge.line).object().value(u"text"_s).toString(),
             u"Foo runs on TPUs. And <model>Bar</model>."_s);
}

QTEST_GUILESS_MAIN(TestAdjudication)
#include "tst_adjudication.moc"
