#include "checker.h"
#include "countryaliases.h"
#include "drawrounddialog.h"
#include "reviewstore.h"
#include "sampler.h"
#include "schema.h"
#include "spotcheckpanel.h"
#include "spotchecksample.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace annorev;
using namespace Qt::StringLiterals;
using annorev::test::child;

Q_DECLARE_METATYPE(annorev::Stratify)

namespace {

QString percent(double rate)
{
    return QString::number(100 * rate, 'f', 1) + u'%';
}

} // namespace

class TestSpotCheckPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void drawnRoundHasTheIdsTheSampleCommandDraws_data();
    void drawnRoundHasTheIdsTheSampleCommandDraws();
    void drawRoundDialogSaysWhyItDrewNothing_data();
    void drawRoundDialogSaysWhyItDrewNothing();
    void cancellingADrawInProgressSavesNoRound();
    void drawRoundDialogShowsAStoreThatCannotBeRead();
    void selectingARoundEmitsItsIdsInDrawOrder();
    void passAndFailAreEnabledOnlyForDocumentsOfTheRound();
    void passRecordsAJudgement();
    void failWithEachReasonKeyRecordsThatReason_data();
    void failWithEachReasonKeyRecordsThatReason();
    void escapeClosesTheReasonsWithoutJudging();
    void estimateTextIsWilsonsEstimateOfTheTally_data();
    void estimateTextIsWilsonsEstimateOfTheTally();
    void estimateMatchesAnnorevStats();
    void advanceRequestedGivesTheNextUnjudgedId();
    void storeRefusalIsShownAndNothingIsEmitted();
    void targetIsRemembered();
    void widgetsHaveAccessibleNames();

private:
    std::unique_ptr<SpotCheckPanel> makePanel();
    // A round of the store's documents at these positions, in this order.
    QStringList createRound(const QString &name, const QList<int> &positions);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_batch;
    std::unique_ptr<ReviewStore> m_store;
    QStringList m_ids;
    const Checker m_checker{Schema::builtin(), CountryAliases::builtin(), QDate::currentDate().year()};
};

void TestSpotCheckPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSpotCheckPanel::init()
{
    QSettings(u"annorev"_s, u"annorev"_s).clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_batch = test::copySamples(*m_dir);
    m_store = test::syncedStore(m_batch, m_checker);
    QVERIFY(m_store);
    m_ids = *m_store->ids();
    QCOMPARE(m_ids.size(), 5);
}

void TestSpotCheckPanel::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

std::unique_ptr<SpotCheckPanel> TestSpotCheckPanel::makePanel()
{
    auto panel = std::make_unique<SpotCheckPanel>(*m_store, Schema::builtin(), m_checker, u"ada"_s);
    panel->show();
    if (!QTest::qWaitForWindowExposed(panel.get())) {
        qWarning("the panel was not shown");
    }
    return panel;
}

QStringList TestSpotCheckPanel::createRound(const QString &name, const QList<int> &positions)
{
    SpotCheckRound round;
    round.name = name;
    round.createdBy = u"tester"_s;
    round.seed = 1;
    round.requestedSize = positions.size();
    QList<RoundDocument> documents;
    QStringList ids;
    for (int position : positions) {
        documents.append({m_ids.at(position), QString()});
        ids.append(m_ids.at(position));
    }
    if (const Expected<void> saved = m_store->createRound(round, documents); !saved) {
        qFatal("cannot create the round: %s", qPrintable(saved.error().message));
    }
    return ids;
}

void TestSpotCheckPanel::drawnRoundHasTheIdsTheSampleCommandDraws_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<Stratify>("stratify");
    QTest::addColumn<QList<ReviewStatus>>("statuses");
    QTest::addColumn<QString>("statusesText");
    QTest::addRow("simple, seed 42") << qsizetype(3) << quint64(42) << Stratify::None << QList<ReviewStatus>()
                                     << u"all"_s;
    QTest::addRow("stratified by rule") << qsizetype(4) << quint64(1) << Stratify::Rule << QList<ReviewStatus>()
                                        << u"all"_s;
    QTest::addRow("stratified by label") << qsizetype(5) << quint64(7) << Stratify::Label << QList<ReviewStatus>()
                                         << u"all"_s;
    QTest::addRow("approved only, beyond 64-bit int")
        << qsizetype(5) << quint64(18446744073709551615ULL) << Stratify::None
        << QList<ReviewStatus>{ReviewStatus::Approved} << u"approved"_s;
}

void TestSpotCheckPanel::drawnRoundHasTheIdsTheSampleCommandDraws()
{
    QFETCH(qsizetype, size);
    QFETCH(quint64, seed);
    QFETCH(Stratify, stratify);
    QFETCH(QList<ReviewStatus>, statuses);
    QFETCH(QString, statusesText);
    QVERIFY(m_store->setStatus({m_ids.at(1), m_ids.at(2), m_ids.at(4)}, ReviewStatus::Approved, u"ok"_s, u"t"_s));
    const auto panel = makePanel();
    QSignalSpy selected(panel.get(), &SpotCheckPanel::roundSelected);

    QPushButton *drawRound = child<QPushButton>(*panel, u"drawRoundButton"_s);
    QTest::mouseClick(drawRound, Qt::LeftButton);
    DrawRoundDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = panel->findChild<DrawRoundDialog *>(u"drawRoundDialog"_s)) && dialog->isVisible());
    QCOMPARE(dialog->roundName(), QDate::currentDate().toString(Qt::ISODate));
    QVERIFY(dialog->seed().has_value());
    child<QLineEdit>(*dialog, u"roundName"_s)->setText(u"r1"_s);
    dialog->setSampleSize(size);
    child<QLineEdit>(*dialog, u"seed"_s)->setText(QString::number(seed));
    dialog->setStratify(stratify);
    dialog->setStatuses(statuses);
    QSignalSpy finished(dialog, &DrawRoundDialog::drawFinished);
    auto *drawButton = child<QPushButton>(*dialog, u"drawButton"_s);
    QTest::mouseClick(drawButton, Qt::LeftButton);
    // The sample is drawn off the GUI thread: until it arrives the dialog shows a busy bar and
    // takes no second click.
    QVERIFY(dialog->isDrawing());
    QVERIFY(child<QProgressBar>(*dialog, u"drawProgress"_s)->isVisible());
    QVERIFY(!drawButton->isEnabled());
    // Nothing that would change the round being drawn can be touched meanwhile.
    for (const QString &input :
         {u"roundName"_s, u"sampleSize"_s, u"seed"_s, u"newSeedButton"_s, u"stratify"_s, u"status-approved"_s}) {
        QVERIFY2(!child<QWidget>(*dialog, input)->isEnabled(), qPrintable(input));
    }
    QVERIFY(!dialog->draw());
    QCOMPARE(selected.count(), 0);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().at(0).toBool(), true);
    QVERIFY(!dialog->isDrawing());
    QVERIFY2(dialog->message().isEmpty(), qPrintable(dialog->message()));

    // What `annorev sample` runs with the same options.
    const SpotCheckSample::Drawn expected = SpotCheckSample::draw(*m_store->profiles(), statuses, size, seed, stratify);
    QStringList expectedIds;
    for (const RoundDocument &document : expected.documents) {
        expectedIds.append(document.id);
    }
    QVERIFY(!expectedIds.isEmpty());
    if (stratify == Stratify::None && statuses.isEmpty()) {
        // The plain draw, index by index (tst_spotcheckcli pins 1, 0, 3 for seed 42).
        QStringList byIndex;
        for (qsizetype index : Sampler::draw(m_ids.size(), size, seed)) {
            byIndex.append(m_ids.at(index));
        }
        QCOMPARE(expectedIds, byIndex);
    }
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.first().at(0).toString(), u"r1"_s);
    QCOMPARE(selected.first().at(1).toStringList(), expectedIds);
    QCOMPARE(panel->currentRound(), u"r1"_s);

    const Expected<SpotCheckRound> saved = m_store->round(u"r1"_s);
    QVERIFY(saved);
    QCOMPARE(saved->seed, seed);
    QCOMPARE(saved->requestedSize, size);
    QCOMPARE(saved->stratify, stratify);
    QCOMPARE(saved->statuses, statusesText);
    QCOMPARE(saved->createdBy, u"ada"_s);
    QStringList stored;
    for (const RoundDocument &document : *m_store->roundDocuments(u"r1"_s)) {
        stored.append(document.id);
    }
    QCOMPARE(stored, expectedIds);
    QVERIFY(child<QComboBox>(*panel, u"roundCombo"_s)->currentText().startsWith(u"r1"_s));
}

void TestSpotCheckPanel::drawRoundDialogSaysWhyItDrewNothing_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<Stratify>("stratify");
    QTest::addColumn<QList<ReviewStatus>>("statuses");
    QTest::addColumn<bool>("atOnce"); // refused before drawing, or when the sample arrives
    QTest::addColumn<QString>("expected");
    QTest::addRow("taken name") << u"taken"_s << qsizetype(2) << Stratify::None << QList<ReviewStatus>() << true
                                << u"There is already a round \"taken\""_s;
    QTest::addRow("fewer than the strata") << u"new"_s << qsizetype(1) << Stratify::Rule << QList<ReviewStatus>()
                                           << false << u"at least one document from each of the 4 strata"_s;
    QTest::addRow("no document with the status")
        << u"new"_s << qsizetype(2) << Stratify::None << QList<ReviewStatus>{ReviewStatus::Rejected} << false
        << u"No document has the chosen statuses"_s;
    QTest::addRow("empty name") << u"  "_s << qsizetype(2) << Stratify::None << QList<ReviewStatus>() << true
                                << u"Give the round a name"_s;
}

void TestSpotCheckPanel::drawRoundDialogSaysWhyItDrewNothing()
{
    QFETCH(QString, name);
    QFETCH(qsizetype, size);
    QFETCH(Stratify, stratify);
    QFETCH(QList<ReviewStatus>, statuses);
    QFETCH(bool, atOnce);
    QFETCH(QString, expected);
    createRound(u"taken"_s, {0});
    const auto panel = makePanel();
    QSignalSpy selected(panel.get(), &SpotCheckPanel::roundSelected);
    DrawRoundDialog *dialog = panel->openDrawRoundDialog();
    QVERIFY(dialog->isVisible());
    dialog->setRoundName(name);
    dialog->setSampleSize(size);
    dialog->setStratify(stratify);
    dialog->setStatuses(statuses);
    QSignalSpy finished(dialog, &DrawRoundDialog::drawFinished);
    QCOMPARE(dialog->draw(), !atOnce);
    if (!atOnce) {
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toBool(), false);
    }
    QVERIFY(!dialog->isDrawing());
    QVERIFY2(dialog->message().contains(expected), qPrintable(dialog->message()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(selected.count(), 0);
    QCOMPARE(m_store->rounds()->size(), 1);
    dialog->reject();
}

void TestSpotCheckPanel::drawRoundDialogShowsAStoreThatCannotBeRead()
{
    const auto panel = makePanel();
    const QString storePath = ReviewStore::defaultStorePath({m_batch});
    {
        const test::SqlFile raw(storePath);
        QSqlQuery q = raw.query();
        QVERIFY(q.exec(u"DROP TABLE rounds"_s));
    }
    DrawRoundDialog *dialog = panel->openDrawRoundDialog();
    QVERIFY(dialog->isVisible());
    // Not a dialog offering to draw from a store that looks empty.
    QVERIFY2(dialog->message().contains(storePath + u": no such table: rounds"_s), qPrintable(dialog->message()));
    QVERIFY(!child<QPushButton>(*dialog, u"drawButton"_s)->isEnabled());
    dialog->close();
}

void TestSpotCheckPanel::cancellingADrawInProgressSavesNoRound()
{
    const auto panel = makePanel();
    QSignalSpy selected(panel.get(), &SpotCheckPanel::roundSelected);
    QPointer<DrawRoundDialog> dialog = panel->openDrawRoundDialog();
    dialog->setRoundName(u"cancelled"_s);
    dialog->setSampleSize(4);
    dialog->setStratify(Stratify::Label);
    QSignalSpy finished(dialog.data(), &DrawRoundDialog::drawFinished);
    QVERIFY(dialog->draw());
    QTest::keyClick(dialog.data(), Qt::Key_Escape);
    QVERIFY(!dialog->isVisible());
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QTRY_VERIFY(dialog.isNull()); // deleted on close, once the worker is done
    QCOMPARE(selected.count(), 0);
    QVERIFY(m_store->rounds()->isEmpty());
}

void TestSpotCheckPanel::selectingARoundEmitsItsIdsInDrawOrder()
{
    const QStringList r1 = createRound(u"r1"_s, {3, 1, 4});
    createRound(u"r2"_s, {0});
    const auto panel = makePanel();
    QCOMPARE(panel->currentRound(), QString());
    QSignalSpy selected(panel.get(), &SpotCheckPanel::roundSelected);

    auto *combo = child<QComboBox>(*panel, u"roundCombo"_s);
    QCOMPARE(combo->count(), 3); // off, r1, r2
    QCOMPARE(combo->itemText(1), u"r1 (0/3 checked)"_s);
    combo->setCurrentIndex(1);
    Q_EMIT combo->activated(1);
    QCOMPARE(selected.count(), 1);
    QList<QVariant> arguments = selected.takeFirst();
    QCOMPARE(arguments.at(0).toString(), u"r1"_s);
    QCOMPARE(arguments.at(1).toStringList(), r1);
    QCOMPARE(panel->roundIds(), r1);
    QCOMPARE(child<QLabel>(*panel, u"progressLabel"_s)->text(), u"0 / 3 checked"_s);

    // Off: spot-check mode ends with an empty name.
    combo->setCurrentIndex(0);
    Q_EMIT combo->activated(0);
    arguments = selected.takeFirst();
    QCOMPARE(arguments.at(0).toString(), QString());
    QCOMPARE(arguments.at(1).toStringList(), QStringList());
    QCOMPARE(panel->estimateText(), QString());

    QVERIFY(panel->selectRound(u"r2"_s));
    QCOMPARE(selected.takeFirst().at(1).toStringList(), QStringList{m_ids.at(0)});
    QVERIFY(!panel->selectRound(u"nope"_s));
    QCOMPARE(panel->currentRound(), u"r2"_s);
}

void TestSpotCheckPanel::passAndFailAreEnabledOnlyForDocumentsOfTheRound()
{
    createRound(u"r1"_s, {2, 0});
    const auto panel = makePanel();
    QVERIFY(!panel->passAction()->isEnabled());
    QCOMPARE(panel->passAction()->shortcut(), QKeySequence(Qt::Key_P));
    QCOMPARE(panel->failAction()->shortcut(), QKeySequence(Qt::Key_F));
    QVERIFY(panel->selectRound(u"r1"_s));
    panel->setCurrentDocument(m_ids.at(1));
    QVERIFY(!panel->passAction()->isEnabled());
    QVERIFY(!child<QPushButton>(*panel, u"failButton"_s)->isEnabled());
    QVERIFY(child<QLabel>(*panel, u"documentJudgement"_s)->text().contains(u"not in this round"_s));
    QVERIFY(!panel->pass());
    QVERIFY(!panel->errorText().isEmpty());
    QVERIFY(m_store->judgements(u"r1"_s)->isEmpty());

    panel->setCurrentDocument(m_ids.at(0));
    QVERIFY(panel->passAction()->isEnabled());
    QVERIFY(panel->failAction()->isEnabled());
    QVERIFY(child<QPushButton>(*panel, u"passButton"_s)->isEnabled());
    QVERIFY(child<QLabel>(*panel, u"documentJudgement"_s)->text().contains(u"Not judged yet"_s));
}

void TestSpotCheckPanel::passRecordsAJudgement()
{
    createRound(u"r1"_s, {2, 0});
    const auto panel = makePanel();
    QVERIFY(panel->selectRound(u"r1"_s));
    panel->setCurrentDocument(m_ids.at(2));
    QSignalSpy judged(panel.get(), &SpotCheckPanel::judged);
    QTest::mouseClick(child<QPushButton>(*panel, u"passButton"_s), Qt::LeftButton);
    QCOMPARE(judged.count(), 1);
    QCOMPARE(judged.first().at(0).toString(), m_ids.at(2));
    QCOMPARE(judged.first().at(1).value<Verdict>(), Verdict::Pass);
    const QList<Judgement> judgements = *m_store->judgements(u"r1"_s);
    QCOMPARE(judgements.size(), 1);
    QCOMPARE(judgements.first().documentId, m_ids.at(2));
    QCOMPARE(judgements.first().verdict, Verdict::Pass);
    QVERIFY(!judgements.first().reason);
    QCOMPARE(judgements.first().reviewer, u"ada"_s);
    QCOMPARE(child<QLabel>(*panel, u"progressLabel"_s)->text(), u"1 / 2 checked"_s);
    QVERIFY(child<QLabel>(*panel, u"documentJudgement"_s)->text().contains(u"Passed by ada"_s));
    QVERIFY(child<QComboBox>(*panel, u"roundCombo"_s)->currentText().contains(u"1/2 checked"_s));
}

void TestSpotCheckPanel::failWithEachReasonKeyRecordsThatReason_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<FailReason>("reason");
    QTest::addColumn<QString>("note");
    QTest::addRow("1 wrong label") << int(Qt::Key_1) << FailReason::WrongLabel << QString();
    QTest::addRow("2 wrong boundary, with a note")
        << int(Qt::Key_2) << FailReason::WrongBoundary << u"hardware span takes in GPUs"_s;
    QTest::addRow("3 missing span") << int(Qt::Key_3) << FailReason::MissingSpan << QString();
    QTest::addRow("4 spurious span") << int(Qt::Key_4) << FailReason::SpuriousSpan << QString();
    QTest::addRow("5 wrong value") << int(Qt::Key_5) << FailReason::WrongValue << QString();
    QTest::addRow("6 other") << int(Qt::Key_6) << FailReason::Other << u"unreadable"_s;
}

void TestSpotCheckPanel::failWithEachReasonKeyRecordsThatReason()
{
    QFETCH(int, key);
    QFETCH(FailReason, reason);
    QFETCH(QString, note);
    createRound(u"r1"_s, {1, 3});
    const auto panel = makePanel();
    QVERIFY(panel->selectRound(u"r1"_s));
    panel->setCurrentDocument(m_ids.at(1));
    QSignalSpy judged(panel.get(), &SpotCheckPanel::judged);
    QSignalSpy advance(panel.get(), &SpotCheckPanel::advanceRequested);

    // F opens the reasons with the focus in them; the note is typed first when there is one.
    panel->failAction()->trigger();
    auto *reasons = child<QListWidget>(*panel, u"failReasons"_s);
    QVERIFY(reasons->isVisible());
    QTRY_VERIFY(reasons->hasFocus());
    if (!note.isEmpty()) {
        QTest::keyClicks(child<QLineEdit>(*panel, u"failNote"_s), note);
    }
    QTest::keyClick(reasons, Qt::Key(key));
    QCOMPARE(judged.count(), 1);
    QCOMPARE(judged.first().at(1).value<Verdict>(), Verdict::Fail);
    QVERIFY(!reasons->isVisible());
    const QList<Judgement> judgements = *m_store->judgements(u"r1"_s);
    QCOMPARE(judgements.size(), 1);
    QCOMPARE(judgements.first().verdict, Verdict::Fail);
    QCOMPARE(judgements.first().reason, std::optional(reason));
    QCOMPARE(judgements.first().note, note);
    QCOMPARE(advance.count(), 1);
    QCOMPARE(advance.first().at(0).toString(), m_ids.at(3));
    QVERIFY(child<QLineEdit>(*panel, u"failNote"_s)->text().isEmpty());
}

void TestSpotCheckPanel::escapeClosesTheReasonsWithoutJudging()
{
    createRound(u"r1"_s, {1});
    const auto panel = makePanel();
    QVERIFY(panel->selectRound(u"r1"_s));
    panel->setCurrentDocument(m_ids.at(1));
    QSignalSpy judged(panel.get(), &SpotCheckPanel::judged);
    QTest::mouseClick(child<QPushButton>(*panel, u"failButton"_s), Qt::LeftButton);
    auto *reasons = child<QListWidget>(*panel, u"failReasons"_s);
    QVERIFY(reasons->isVisible());
    QTest::keyClick(reasons, Qt::Key_Escape);
    QVERIFY(!reasons->isVisible());
    QCOMPARE(judged.count(), 0);
    QVERIFY(m_store->judgements(u"r1"_s)->isEmpty());
}

void TestSpotCheckPanel::estimateTextIsWilsonsEstimateOfTheTally_data()
{
    QTest::addColumn<int>("passes");
    QTest::addColumn<int>("fails");
    QTest::addColumn<double>("target");
    QTest::addRow("nothing checked") << 0 << 0 << 0.05;
    QTest::addRow("one fail of three, target 10 percent") << 2 << 1 << 0.1;
    QTest::addRow("five passes, target 50 percent: accept") << 5 << 0 << 0.5;
    QTest::addRow("four fails of five: reject") << 1 << 4 << 0.05;
}

void TestSpotCheckPanel::estimateTextIsWilsonsEstimateOfTheTally()
{
    QFETCH(int, passes);
    QFETCH(int, fails);
    QFETCH(double, target);
    const QStringList ids = createRound(u"r1"_s, {0, 1, 2, 3, 4});
    const auto panel = makePanel();
    panel->setTarget(target);
    QVERIFY(panel->selectRound(u"r1"_s));
    for (int i = 0; i < passes + fails; ++i) {
        panel->setCurrentDocument(ids.at(i));
        QVERIFY(i < passes ? panel->pass() : panel->fail(FailReason::WrongLabel));
    }
    const Wilson::Estimate estimate = Wilson::estimate(fails, passes + fails, target);
    QStringList expected{u"Checked %1 of 5, failed %2"_s.arg(passes + fails).arg(fails)};
    expected.append(
        estimate.rate ? u"Error rate %1, 95% Wilson interval %2 to %3"_s.arg(
                            percent(*estimate.rate), percent(estimate.interval.lower), percent(estimate.interval.upper))
                      : u"Error rate: nothing checked yet"_s);
    switch (estimate.decision) {
    case Wilson::Decision::Accept:
        expected.append(u"Target %1: accept (the upper bound is at or below the target)"_s.arg(percent(target)));
        break;
    case Wilson::Decision::Reject:
        expected.append(u"Target %1: reject (the lower bound is above the target)"_s.arg(percent(target)));
        break;
    case Wilson::Decision::Continue:
        QVERIFY(estimate.moreToCheck);
        expected.append(u"Target %1: continue, %2 more to check (all passing would accept)"_s.arg(percent(target))
                            .arg(*estimate.moreToCheck));
        expected.append(u"Only %1 left unchecked in this round: draw another for the rest"_s.arg(5 - passes - fails));
        break;
    }
    QCOMPARE(panel->estimateText(), expected.join(u'\n'));
    QCOMPARE(child<QLabel>(*panel, u"estimateLabel"_s)->text(), panel->estimateText());
}

void TestSpotCheckPanel::estimateMatchesAnnorevStats()
{
    const QStringList ids = createRound(u"r1"_s, {4, 2, 0});
    const auto panel = makePanel();
    panel->setTarget(0.2);
    QVERIFY(panel->selectRound(u"r1"_s));
    panel->setCurrentDocument(ids.at(0));
    QVERIFY(panel->pass());
    panel->setCurrentDocument(ids.at(1));
    QVERIFY(panel->fail(FailReason::MissingSpan, u"no country"_s));

    const test::CliRun run = test::runAnnorev(
        {u"stats"_s, u"--format"_s, u"json"_s, u"--target"_s, u"0.2"_s, u"--round"_s, u"r1"_s, m_batch},
        test::isolatedEnvironment(*m_dir));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject round = QJsonDocument::fromJson(run.out).object().value(u"rounds"_s).toArray().at(0).toObject();
    const QString text = panel->estimateText();
    QVERIFY2(text.startsWith(u"Checked %1 of %2, failed %3"_s.arg(round.value(u"checked"_s).toInt())
                                 .arg(round.value(u"size"_s).toInt())
                                 .arg(round.value(u"failed"_s).toInt())),
             qPrintable(text));
    const QJsonObject interval = round.value(u"interval"_s).toObject();
    QVERIFY2(text.contains(u"Error rate %1, 95% Wilson interval %2 to %3"_s.arg(
                 percent(round.value(u"error_rate"_s).toDouble()), percent(interval.value(u"lower"_s).toDouble()),
                 percent(interval.value(u"upper"_s).toDouble()))),
             qPrintable(text));
    QCOMPARE(round.value(u"decision"_s).toString(), u"continue"_s);
    QVERIFY2(text.contains(u"continue, %1 more to check"_s.arg(round.value(u"more_to_check"_s).toInt())),
             qPrintable(text));
}

void TestSpotCheckPanel::advanceRequestedGivesTheNextUnjudgedId()
{
    const QStringList ids = createRound(u"r1"_s, {0, 1, 2, 3});
    const auto panel = makePanel();
    QVERIFY(panel->selectRound(u"r1"_s));
    QSignalSpy advance(panel.get(), &SpotCheckPanel::advanceRequested);
    auto judgeAndFollow = [&](const QString &id) {
        panel->setCurrentDocument(id);
        if (!panel->pass()) {
            return QStringLiteral("<refused>");
        }
        return advance.takeLast().at(0).toString();
    };
    QCOMPARE(judgeAndFollow(ids.at(1)), ids.at(2));
    // Past the end the first unjudged document before it comes next.
    QCOMPARE(judgeAndFollow(ids.at(3)), ids.at(0));
    QCOMPARE(judgeAndFollow(ids.at(0)), ids.at(2));
    // Judging again skips nothing and counts once.
    QCOMPARE(judgeAndFollow(ids.at(1)), ids.at(2));
    QCOMPARE(judgeAndFollow(ids.at(2)), QString());
    QCOMPARE(child<QLabel>(*panel, u"progressLabel"_s)->text(), u"4 / 4 checked"_s);
}

void TestSpotCheckPanel::storeRefusalIsShownAndNothingIsEmitted()
{
    createRound(u"r1"_s, {0, 1});
    const auto panel = makePanel();
    QVERIFY(panel->selectRound(u"r1"_s));
    panel->setCurrentDocument(m_ids.at(0));
    {
        // Another program's trigger makes the store's insert fail as a full disk or a lock would.
        const test::SqlFile raw(m_store->path());
        QSqlQuery query = raw.query();
        QVERIFY(query.exec(u"CREATE TRIGGER refuse BEFORE INSERT ON judgements "
                           "BEGIN SELECT RAISE(ABORT, 'judgements refused for the test'); END"_s));
    }
    QSignalSpy judged(panel.get(), &SpotCheckPanel::judged);
    QSignalSpy advance(panel.get(), &SpotCheckPanel::advanceRequested);
    QVERIFY(!panel->fail(FailReason::Other, u"x"_s));
    QVERIFY2(panel->errorText().contains(u"judgements refused for the test"_s), qPrintable(panel->errorText()));
    auto *errorLabel = child<QLabel>(*panel, u"errorLabel"_s);
    QVERIFY(errorLabel->isVisible());
    QCOMPARE(errorLabel->textFormat(), Qt::PlainText);
    QCOMPARE(judged.count(), 0);
    QCOMPARE(advance.count(), 0);
    QCOMPARE(child<QLabel>(*panel, u"progressLabel"_s)->text(), u"0 / 2 checked"_s);
}

void TestSpotCheckPanel::targetIsRemembered()
{
    {
        const auto panel = makePanel();
        QCOMPARE(panel->target(), SpotCheckPanel::defaultTarget);
        panel->setTarget(0.1);
    }
    QCOMPARE(QSettings(u"annorev"_s, u"annorev"_s).value(u"spotcheck/target"_s).toDouble(), 0.1);
    const auto panel = makePanel();
    QCOMPARE(panel->target(), 0.1);
}

void TestSpotCheckPanel::widgetsHaveAccessibleNames()
{
    createRound(u"r1"_s, {0});
    const auto panel = makePanel();
    for (const QString &name : {u"roundCombo"_s, u"drawRoundButton"_s, u"roundProgress"_s, u"progressLabel"_s,
                                u"estimateLabel"_s, u"targetSpin"_s, u"documentJudgement"_s, u"passButton"_s,
                                u"failButton"_s, u"failBox"_s, u"failNote"_s, u"failReasons"_s, u"errorLabel"_s}) {
        QVERIFY2(!child<QWidget>(*panel, name)->accessibleName().isEmpty(), qPrintable(name));
    }
    DrawRoundDialog *dialog = panel->openDrawRoundDialog();
    for (const QString &name : {u"roundName"_s, u"sampleSize"_s, u"seed"_s, u"newSeedButton"_s, u"stratify"_s,
                                u"drawMessage"_s, u"status-approved"_s}) {
        QVERIFY2(!child<QWidget>(*dialog, name)->accessibleName().isEmpty(), qPrintable(name));
    }
    dialog->reject();
}

QTEST_MAIN(TestSpotCheckPanel)
#include "tst_spotcheckpanel.moc"
