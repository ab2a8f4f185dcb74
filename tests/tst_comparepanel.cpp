#include "checker.h"
#include "comparepanel.h"
#include "countryaliases.h"
#include "document.h"
#include "labelcolour.h"
#include "reviewsession.h"
#include "reviewstore.h"
#include "schema.h"
#include "spancomparisonmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace annorev;
using namespace Qt::StringLiterals;
using annorev::test::child;

namespace {

const QString dataA = QStringLiteral(ANNOREV_TESTDATA_DIR "/compare-window/a");
const QString dataB = QStringLiteral(ANNOREV_TESTDATA_DIR "/compare-window/b");

// "only A hardware 25-36 NVIDIA A100", with "~N" when its boundary partner is row N.
QStringList describe(const SpanComparison &comparison)
{
    QStringList rows;
    for (const SpanComparison::Row &row : comparison.rows) {
        rows.append(u"%1 %2 %3-%4 %5%6"_s.arg(SpanComparisonModel::sideText(row.side), row.label)
                        .arg(row.start)
                        .arg(row.end)
                        .arg(row.text, row.partner >= 0 ? u" ~%1"_s.arg(row.partner) : QString()));
    }
    return rows;
}

QStringList spansOf(const Document &document)
{
    QStringList spans;
    for (const Span &span : document.spans()) {
        spans.append(u"%1 %2-%3"_s.arg(span.label).arg(span.start).arg(span.end));
    }
    return spans;
}

int rowOf(const SpanComparison &comparison, const QString &description)
{
    return int(describe(comparison).indexOf(description));
}

} // namespace

class TestComparePanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void modelPassesTheItemModelTester();
    void spansFallInTheirGroups_data();
    void spansFallInTheirGroups();
    void documentsThatCannotBeComparedSaySo_data();
    void documentsThatCannotBeComparedSaySo();
    void rangesToMarkGivesEveryRowWithItsKind();
    void takeBEmitsTheEditsThatMakeAHoldBsSpan_data();
    void takeBEmitsTheEditsThatMakeAHoldBsSpan();
    void removeAEmitsTheRemoval();
    void buttonsFollowTheSelectedRow();
    void takingBThroughTheSessionIsOneUndoableEdit_data();
    void takingBThroughTheSessionIsOneUndoableEdit();
    void unreadableBatchIsRefusedAndTheOpenOneKept();
    void readingBHappensOffTheGuiThreadWithABusyBar();
    void unreadableBReadInTheBackgroundSaysWhyAndKeepsTheOpenOne();
    void widgetsHaveAccessibleNames();

private:
    std::unique_ptr<ComparePanel> makePanel();
    Document documentA(const QString &id) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_batch;
    std::unique_ptr<ReviewStore> m_store;
    const Checker m_checker{Schema::builtin(), CountryAliases::builtin(), 2026};
};

void TestComparePanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_batch = m_dir->filePath(u"a"_s);
    QVERIFY(QDir().mkpath(m_batch));
    for (const QString &name : QDir(dataA).entryList(QDir::Files)) {
        QVERIFY(QFile::copy(dataA + u'/' + name, m_batch + u'/' + name));
    }
    m_store = test::syncedStore(m_batch, m_checker);
    QVERIFY(m_store);
    QCOMPARE(m_store->ids()->size(), 4);
}

void TestComparePanel::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

std::unique_ptr<ComparePanel> TestComparePanel::makePanel()
{
    auto panel = std::make_unique<ComparePanel>(Schema::builtin());
    panel->resize(600, 400);
    panel->show();
    QString error;
    if (!panel->openBatch({dataB}, &error)) {
        qWarning("cannot open B: %s", qPrintable(error));
    }
    return panel;
}

Document TestComparePanel::documentA(const QString &id) const
{
    return Document::parse(m_store->document(id)->taggedText, Schema::builtin());
}

void TestComparePanel::modelPassesTheItemModelTester()
{
    SpanComparisonModel model(Schema::builtin());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto a = AnnotatedText::fromDocument(u"boundary.txt"_s, documentA(u"boundary.txt"_s), OffsetUnit::Utf16);
    model.setComparison(SpanComparison::of(a, a));
    QCOMPARE(model.rowCount(), 4);
    AnnotatedText b = a;
    b.spans.removeFirst();
    model.setComparison(SpanComparison::of(a, b));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.data(model.index(0, SpanComparisonModel::SideColumn)).toString(), u"only A"_s);
    QCOMPARE(model.data(model.index(0, SpanComparisonModel::LabelColumn), Qt::DecorationRole).value<QColor>(),
             labelColour(*Schema::builtin().label(u"model"_s)));
    model.setComparison({});
    QCOMPARE(model.rowCount(), 0);
}

void TestComparePanel::spansFallInTheirGroups_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("rows");
    // Only in A, only in B, in both; the overlapping hardware spans name each other.
    QTest::addRow("boundary") << u"boundary.txt"_s
                              << QStringList{u"only A hardware 25-36 NVIDIA A100 ~2"_s,
                                             u"only A country 45-51 Canada"_s,
                                             u"only B hardware 25-41 NVIDIA A100 GPUs ~0"_s,
                                             u"only B training 56-63 21 days"_s,
                                             u"both model 0-6 Foo-7B"_s,
                                             u"both gpu_count 22-24 64"_s};
    // The rocket is two UTF-16 units: offsets count them as the window's text does.
    QTest::addRow("astral character, UTF-16 offsets")
        << u"astral.txt"_s
        << QStringList{u"only A hardware 19-25 TPU v4"_s, u"only B year 35-39 2024"_s, u"both model 3-11 Rocket-2"_s};
}

void TestComparePanel::spansFallInTheirGroups()
{
    QFETCH(QString, id);
    QFETCH(QStringList, rows);
    const auto panel = makePanel();
    panel->setDocument(id, documentA(id));
    QCOMPARE(describe(panel->comparison()), rows);
    QCOMPARE(panel->model()->rowCount(), rows.size());
    QVERIFY(panel->message().startsWith(u"Only in A: "_s));
}

void TestComparePanel::documentsThatCannotBeComparedSaySo_data()
{
    QTest::addColumn<bool>("openB");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("message");
    QTest::addRow("text differs") << true << u"reworded.txt"_s << u"B's text of reworded.txt differs"_s;
    QTest::addRow("not in B") << true << u"only-a.txt"_s << u"only-a.txt is not in B."_s;
    QTest::addRow("no batch B") << false << u"boundary.txt"_s << QString();
}

void TestComparePanel::documentsThatCannotBeComparedSaySo()
{
    QFETCH(bool, openB);
    QFETCH(QString, id);
    QFETCH(QString, message);
    ComparePanel panel(Schema::builtin());
    if (openB) {
        QString error;
        QVERIFY2(panel.openBatch({dataB}, &error), qPrintable(error));
        panel.setDocument(u"boundary.txt"_s, documentA(u"boundary.txt"_s));
        QCOMPARE(panel.comparison().rows.size(), 6);
    }
    QSignalSpy marks(&panel, &ComparePanel::rangesToMark);
    panel.setDocument(id, documentA(id));
    QCOMPARE(panel.comparison().rows.size(), 0);
    QCOMPARE(marks.count(), 1);
    QVERIFY(marks.first().at(0).value<QList<ComparePanel::MarkedRange>>().isEmpty());
    QVERIFY2(message.isEmpty() ? panel.message().isEmpty() : panel.message().contains(message),
             qPrintable(panel.message()));
    QVERIFY(!panel.takeSelectedB());
    QVERIFY(!panel.view()->isEnabled());
}

void TestComparePanel::rangesToMarkGivesEveryRowWithItsKind()
{
    const auto panel = makePanel();
    QSignalSpy marks(panel.get(), &ComparePanel::rangesToMark);
    panel->setDocument(u"boundary.txt"_s, documentA(u"boundary.txt"_s));
    QCOMPARE(marks.count(), 1);
    const auto ranges = marks.first().at(0).value<QList<ComparePanel::MarkedRange>>();
    const QList<ComparePanel::MarkedRange> expected{
        {25, 36, ComparePanel::MarkOnlyA}, {45, 51, ComparePanel::MarkOnlyA}, {25, 41, ComparePanel::MarkOnlyB},
        {56, 63, ComparePanel::MarkOnlyB}, {0, 6, ComparePanel::MarkBoth},    {22, 24, ComparePanel::MarkBoth}};
    QCOMPARE(ranges, expected);
    QCOMPARE(ComparePanel::markColour(ComparePanel::MarkOnlyB),
             SpanComparisonModel::sideColour(SpanComparison::Side::OnlyB));
}

void TestComparePanel::takeBEmitsTheEditsThatMakeAHoldBsSpan_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("row");
    QTest::addColumn<QList<SpanEdit>>("edits");
    QTest::addColumn<QString>("description");
    QTest::addRow("span A lacks") << u"boundary.txt"_s << u"only B training 56-63 21 days"_s
                                  << QList<SpanEdit>{SpanEdit::add(u"training"_s, 56, 63)}
                                  << u"Take B's training Span"_s;
    QTest::addRow("boundary differs: A's span is replaced")
        << u"boundary.txt"_s << u"only B hardware 25-41 NVIDIA A100 GPUs ~0"_s
        << QList<SpanEdit>{{SpanEdit::RemoveSpan, u"hardware"_s, 25, 36, {}, {}}, SpanEdit::add(u"hardware"_s, 25, 41)}
        << u"Take B's hardware Span, Replacing A's Overlapping Spans"_s;
    QTest::addRow("after an astral character")
        << u"astral.txt"_s << u"only B year 35-39 2024"_s << QList<SpanEdit>{SpanEdit::add(u"year"_s, 35, 39)}
        << u"Take B's year Span"_s;
}

void TestComparePanel::takeBEmitsTheEditsThatMakeAHoldBsSpan()
{
    QFETCH(QString, id);
    QFETCH(QString, row);
    QFETCH(QList<SpanEdit>, edits);
    QFETCH(QString, description);
    const auto panel = makePanel();
    panel->setDocument(id, documentA(id));
    QSignalSpy applied(panel.get(), &ComparePanel::applyRequested);
    const int index = rowOf(panel->comparison(), row);
    QVERIFY(index >= 0);
    panel->selectRow(index);
    QTest::mouseClick(child<QPushButton>(*panel, u"takeBButton"_s), Qt::LeftButton);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(applied.first().at(0).value<QList<SpanEdit>>(), edits);
    QCOMPARE(applied.first().at(1).toString(), description);
}

void TestComparePanel::removeAEmitsTheRemoval()
{
    const auto panel = makePanel();
    panel->setDocument(u"boundary.txt"_s, documentA(u"boundary.txt"_s));
    QSignalSpy applied(panel.get(), &ComparePanel::applyRequested);
    panel->selectRow(rowOf(panel->comparison(), u"only A country 45-51 Canada"_s));
    QTest::mouseClick(child<QPushButton>(*panel, u"removeAButton"_s), Qt::LeftButton);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(applied.first().at(0).value<QList<SpanEdit>>(),
             (QList<SpanEdit>{{SpanEdit::RemoveSpan, u"country"_s, 45, 51, {}, {}}}));
    QCOMPARE(applied.first().at(1).toString(), u"Remove A's country Span"_s);
}

void TestComparePanel::buttonsFollowTheSelectedRow()
{
    const auto panel = makePanel();
    panel->setDocument(u"boundary.txt"_s, documentA(u"boundary.txt"_s));
    auto *take = child<QPushButton>(*panel, u"takeBButton"_s);
    auto *remove = child<QPushButton>(*panel, u"removeAButton"_s);
    QVERIFY(!take->isEnabled() && !remove->isEnabled());
    panel->selectRow(rowOf(panel->comparison(), u"only A country 45-51 Canada"_s));
    QVERIFY(!take->isEnabled() && remove->isEnabled());
    panel->selectRow(rowOf(panel->comparison(), u"only B training 56-63 21 days"_s));
    QVERIFY(take->isEnabled() && !remove->isEnabled());
    // A span both have can be removed; there is nothing of B's to take.
    panel->selectRow(rowOf(panel->comparison(), u"both model 0-6 Foo-7B"_s));
    QVERIFY(!take->isEnabled() && remove->isEnabled());
}

void TestComparePanel::takingBThroughTheSessionIsOneUndoableEdit_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("row");
    QTest::addColumn<QString>("nowBoth");
    QTest::addRow("span A lacks") << u"boundary.txt"_s << u"only B training 56-63 21 days"_s
                                  << u"both training 56-63 21 days"_s;
    QTest::addRow("boundary differs") << u"boundary.txt"_s << u"only B hardware 25-41 NVIDIA A100 GPUs ~0"_s
                                      << u"both hardware 25-41 NVIDIA A100 GPUs"_s;
    QTest::addRow("after an astral character")
        << u"astral.txt"_s << u"only B year 35-39 2024"_s << u"both year 35-39 2024"_s;
}

void TestComparePanel::takingBThroughTheSessionIsOneUndoableEdit()
{
    QFETCH(QString, id);
    QFETCH(QString, row);
    QFETCH(QString, nowBoth);
    ReviewSession session(*m_store, Schema::builtin(), m_checker, u"ada"_s);
    QVERIFY_OK(session.open(id));
    const QByteArray before = m_store->document(id)->taggedText;
    const QStringList spansBefore = spansOf(session.document());

    const auto panel = makePanel();
    // As the window wires it: the edit goes through the session, and the panel sees the result.
    connect(panel.get(), &ComparePanel::applyRequested, &session,
            [&](const QList<SpanEdit> &edits, const QString &description) {
                if (const Expected<void> applied = session.apply(edits, description); !applied) {
                    qWarning("the session refused: %s", qPrintable(applied.error().message));
                }
            });
    connect(&session, &ReviewSession::documentChanged, panel.get(),
            [&] { panel->setDocument(session.documentId(), session.document()); });
    panel->setDocument(id, session.document());
    panel->selectRow(rowOf(panel->comparison(), row));
    QVERIFY(panel->takeSelectedB());

    QVERIFY2(describe(panel->comparison()).contains(nowBoth), qPrintable(describe(panel->comparison()).join(u'\n')));
    QVERIFY(session.waitForSaved());
    QVERIFY(m_store->document(id)->taggedText != before);
    QCOMPARE(session.undoStack()->count(), 1);
    QVERIFY(session.undoStack()->undoText().startsWith(u"Take B's"_s));

    session.undoStack()->undo();
    QCOMPARE(spansOf(session.document()), spansBefore);
    QVERIFY(session.waitForSaved());
    QCOMPARE(m_store->document(id)->taggedText, before);
    QVERIFY(describe(panel->comparison()).contains(row));
}

void TestComparePanel::unreadableBatchIsRefusedAndTheOpenOneKept()
{
    const auto panel = makePanel();
    QVERIFY(panel->hasBatch());
    QString error;
    QVERIFY(!panel->openBatch({m_dir->filePath(u"nowhere"_s)}, &error));
    QVERIFY2(error.contains(u"nowhere"_s), qPrintable(error));
    QCOMPARE(panel->batchPaths(), QStringList{dataB});
    panel->setDocument(u"boundary.txt"_s, documentA(u"boundary.txt"_s));
    QCOMPARE(panel->comparison().rows.size(), 6);
    panel->closeBatch();
    QVERIFY(!panel->hasBatch());
    QCOMPARE(panel->comparison().rows.size(), 0);
}

void TestComparePanel::readingBHappensOffTheGuiThreadWithABusyBar()
{
    auto panel = std::make_unique<ComparePanel>(Schema::builtin());
    panel->show();
    panel->setDocument(u"boundary.txt"_s, documentA(u"boundary.txt"_s));
    QSignalSpy read(panel.get(), &ComparePanel::batchRead);
    QVERIFY(panel->readBatch({dataB}));
    // Until B arrives: a busy bar, what is being read, and no second Open B….
    QVERIFY(panel->isReading());
    QVERIFY(child<QProgressBar>(*panel, u"readProgress"_s)->isVisible());
    QVERIFY(!child<QPushButton>(*panel, u"openBatchButton"_s)->isEnabled());
    QVERIFY2(panel->message().startsWith(u"Reading "_s), qPrintable(panel->message()));
    QVERIFY(!panel->readBatch({dataB}));
    QVERIFY(!panel->hasBatch());

    QVERIFY(read.wait(20000));
    QCOMPARE(read.first().at(0).toBool(), true);
    QVERIFY(!panel->isReading());
    QVERIFY(!child<QProgressBar>(*panel, u"readProgress"_s)->isVisible());
    QVERIFY(child<QPushButton>(*panel, u"openBatchButton"_s)->isEnabled());
    QCOMPARE(panel->batchPaths(), QStringList{dataB});
    QCOMPARE(panel->comparison().rows.size(), 6);
    QVERIFY2(!panel->message().contains(u"Reading"_s), qPrintable(panel->message()));
}

void TestComparePanel::unreadableBReadInTheBackgroundSaysWhyAndKeepsTheOpenOne()
{
    const auto panel = makePanel();
    panel->setDocument(u"boundary.txt"_s, documentA(u"boundary.txt"_s));
    QSignalSpy read(panel.get(), &ComparePanel::batchRead);
    QVERIFY(panel->readBatch({m_dir->filePath(u"nowhere"_s)}));
    QVERIFY(read.wait(20000));
    QCOMPARE(read.first().at(0).toBool(), false);
    QVERIFY2(panel->message().contains(u"nowhere"_s), qPrintable(panel->message()));
    QCOMPARE(panel->batchPaths(), QStringList{dataB});
    QCOMPARE(panel->comparison().rows.size(), 6);
}

void TestComparePanel::widgetsHaveAccessibleNames()
{
    const auto panel = makePanel();
    for (const QString &name : {u"batchLabel"_s, u"openBatchButton"_s, u"compareMessage"_s, u"compareTable"_s,
                                u"takeBButton"_s, u"removeAButton"_s, u"readProgress"_s}) {
        QVERIFY2(!child<QWidget>(*panel, name)->accessibleName().isEmpty(), qPrintable(name));
    }
    QCOMPARE(child<QLabel>(*panel, u"compareMessage"_s)->textFormat(), Qt::PlainText);
}

QTEST_MAIN(TestComparePanel)
#include "tst_comparepanel.moc"
