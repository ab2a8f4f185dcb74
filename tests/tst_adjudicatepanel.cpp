#include "comparepanel.h"
#include "disputemodel.h"
#include "document.h"
#include "schema.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace annorev;
using namespace Qt::StringLiterals;
using annorev::test::child;

namespace {

const QString data = QStringLiteral(ANNOREV_TESTDATA_DIR "/adjudicate");
const QString alice = data + u"/alice.jsonl"_s;
const QString bob = data + u"/bob.jsonl"_s;
const QString carol = data + u"/carol.jsonl"_s;

// The reviewer's version of d1, as `adjudicate --out` would leave it: alice's, which is the
// accepted spans plus her Canada.
const QByteArray d1 = "<model>Foo-7B</model> was trained on <gpu_count>64</gpu_count> <hardware>NVIDIA A100</hardware> "
                      "GPUs in <country>Canada</country>.";

// Each row of the dispute table, its columns joined by " | ".
QStringList rowsOf(const DisputeModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(); ++column) {
            cells.append(model.index(row, column).data().toString());
        }
        rows.append(cells.join(u" | "_s));
    }
    return rows;
}

int rowOf(const DisputeModel &model, const QString &start)
{
    const QStringList rows = rowsOf(model);
    for (int row = 0; row < rows.size(); ++row) {
        if (rows[row].startsWith(start)) {
            return row;
        }
    }
    return -1;
}

} // namespace

class TestAdjudicatePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threeAnnotatorsListEveryDisputedSpanWithWhoChoseIt()
    {
        const auto panel = threeWay();
        QVERIFY(panel->isAdjudicating());
        QCOMPARE(panel->annotatorNames(), (QStringList{u"alice"_s, u"bob"_s, u"carol"_s}));
        QAbstractItemModelTester tester(panel->disputeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel->setDocument(u"d1"_s, Document::parse(d1, Schema::builtin()));
        QCOMPARE(rowsOf(*panel->disputeModel()),
                 (QStringList{u"accepted | hardware | NVIDIA A100 | alice, bob | yes | 25–36"_s,
                              u"too few votes | hardware | NVIDIA A100 GPUs | carol |  | 25–41"_s,
                              u"too few votes | country | Canada | alice | yes | 45–51"_s,
                              u"no span |  |  | bob, carol |  | "_s}));
        QCOMPARE(panel->message(), u"A span needs 2 of 3 votes. 2 disputes in d1: 2 queued."_s);
        QVERIFY(child<QTableView>(*panel, u"disputeTable"_s)->isVisibleTo(panel.get()));
        QVERIFY(!child<QTableView>(*panel, u"compareTable"_s)->isVisibleTo(panel.get()));
        QVERIFY(child<QLabel>(*panel, u"batchLabel"_s)->text().startsWith(u"Annotators: alice (3 documents), "_s));
    }

    void aDocumentSomeAnnotatorsLackSaysWho()
    {
        const auto panel = threeWay();
        panel->setDocument(u"d3"_s,
                           Document::parse("Trained for <training>21 days</training> on TPUs.", Schema::builtin()));
        // carol has no d3: bob's TPUs has one vote of the two it needs.
        QCOMPARE(rowsOf(*panel->disputeModel()), (QStringList{u"too few votes | hardware | TPUs | bob |  | 23–27"_s,
                                                              u"no span |  |  | alice |  | "_s}));
        QVERIFY2(panel->message().endsWith(u"\nNot in carol."_s), qPrintable(panel->message()));
    }

    void takingACandidateReplacesTheSpansItOverlaps()
    {
        const auto panel = threeWay();
        panel->setDocument(u"d1"_s, Document::parse(d1, Schema::builtin()));
        QSignalSpy applied(panel.get(), &ComparePanel::applyRequested);
        auto *take = child<QPushButton>(*panel, u"takeBButton"_s);
        auto *remove = child<QPushButton>(*panel, u"removeAButton"_s);

        panel->selectRow(rowOf(*panel->disputeModel(), u"too few votes | hardware"_s));
        QVERIFY(take->isEnabled());
        QVERIFY(!remove->isEnabled());
        QTest::mouseClick(take, Qt::LeftButton);
        QCOMPARE(applied.size(), 1);
        QCOMPARE(applied.at(0).at(0).value<QList<SpanEdit>>(),
                 (QList<SpanEdit>{{SpanEdit::RemoveSpan, u"hardware"_s, 25, 36, {}, {}},
                                  SpanEdit::add(u"hardware"_s, 25, 41)}));

        // A span the document holds can be removed, not taken again; the no-span row does neither.
        panel->selectRow(rowOf(*panel->disputeModel(), u"too few votes | country"_s));
        QVERIFY(!take->isEnabled());
        QVERIFY(remove->isEnabled());
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(applied.size(), 2);
        QCOMPARE(applied.at(1).at(0).value<QList<SpanEdit>>(),
                 (QList<SpanEdit>{{SpanEdit::RemoveSpan, u"country"_s, 45, 51, {}, {}}}));
        panel->selectRow(rowOf(*panel->disputeModel(), u"no span"_s));
        QVERIFY(!take->isEnabled());
        QVERIFY(!remove->isEnabled());
        QVERIFY(!panel->takeSelectedB());
    }

    void theTextIsMarkedWhereAnnotatorsDisagree()
    {
        const auto panel = threeWay();
        QSignalSpy marked(panel.get(), &ComparePanel::rangesToMark);
        panel->setDocument(u"d1"_s, Document::parse(d1, Schema::builtin()));
        QCOMPARE(marked.last().at(0).value<QList<ComparePanel::MarkedRange>>(),
                 (QList<ComparePanel::MarkedRange>{{25, 36, ComparePanel::MarkBoth},
                                                   {25, 41, ComparePanel::MarkOnlyB},
                                                   {45, 51, ComparePanel::MarkOnlyB}}));
    }

    // As `adjudicate --min-agree`: one vote accepts every span, and two that overlap are both queued.
    void theVotesNeededCanBeChanged()
    {
        const auto panel = threeWay();
        panel->setDocument(u"d1"_s, Document::parse(d1, Schema::builtin()));
        QCOMPARE(panel->minAgree(), 2);
        auto *votes = child<QSpinBox>(*panel, u"votesNeeded"_s);
        QVERIFY(votes->isVisibleTo(panel.get()));
        QCOMPARE(votes->maximum(), 3);
        panel->setMinAgree(1);
        QCOMPARE(rowsOf(*panel->disputeModel()),
                 (QStringList{u"overlaps | hardware | NVIDIA A100 | alice, bob | yes | 25–36"_s,
                              u"overlaps | hardware | NVIDIA A100 GPUs | carol |  | 25–41"_s}));
        QCOMPARE(panel->message(), u"A span needs 1 of 3 votes. 1 dispute in d1: 2 queued."_s);
        // Another document keeps the chosen votes.
        panel->setDocument(u"d3"_s, Document::parse("Trained for 21 days on TPUs.", Schema::builtin()));
        QCOMPARE(panel->minAgree(), 1);
    }

    void openingOneBatchAgainComparesWithItAlone()
    {
        const auto panel = threeWay();
        QString error;
        QVERIFY(panel->openBatch({bob}, &error));
        QVERIFY(!panel->isAdjudicating());
        QCOMPARE(panel->batchCount(), 1);
        panel->setDocument(u"d1"_s, Document::parse(d1, Schema::builtin()));
        QCOMPARE(panel->disputeModel()->rowCount(), 0);
        QVERIFY(panel->comparison().rows.size() > 0);
        QCOMPARE(child<QPushButton>(*panel, u"takeBButton"_s)->text(), u"&Take B's Span"_s);
    }

    void anUnreadableAnnotatorIsRefusedAndTheOthersKept()
    {
        const auto panel = threeWay();
        QString error;
        QVERIFY(!panel->openBatch({data + u"/nowhere.jsonl"_s}, &error, ComparePanel::Open::Add));
        QVERIFY2(error.startsWith(u"No document could be read from "_s), qPrintable(error));
        QCOMPARE(panel->batchCount(), 3);
    }

    void addAnnotatorWaitsForAFirstBatch()
    {
        ComparePanel panel(Schema::builtin());
        QVERIFY(!child<QPushButton>(panel, u"addBatchButton"_s)->isEnabled());
        QString error;
        QVERIFY(panel.openBatch({alice}, &error));
        QVERIFY(child<QPushButton>(panel, u"addBatchButton"_s)->isEnabled());
        QVERIFY(!child<QPushButton>(panel, u"addBatchButton"_s)->accessibleName().isEmpty());
        QVERIFY(!child<QTableView>(panel, u"disputeTable"_s)->accessibleName().isEmpty());
    }

private:
    static std::unique_ptr<ComparePanel> threeWay()
    {
        auto panel = std::make_unique<ComparePanel>(Schema::builtin());
        panel->resize(700, 400);
        panel->show();
        QString error;
        if (!panel->openBatch({alice}, &error) || !panel->openBatch({bob}, &error, ComparePanel::Open::Add) ||
            !panel->openBatch({carol}, &error, ComparePanel::Open::Add)) {
            qWarning("cannot open the annotators: %s", qPrintable(error));
        }
        return panel;
    }
};

QTEST_MAIN(TestAdjudicatePanel)
#include "tst_adjudicatepanel.moc"
