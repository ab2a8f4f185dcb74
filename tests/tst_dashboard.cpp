#include "checker.h"
#include "countryaliases.h"
#include "dashboardcharts.h"
#include "dashboarddialog.h"
#include "documentlistmodel.h"
#include "labelcolour.h"
#include "reviewstore.h"
#include "schema.h"
#include "storestats.h"
#include "testsupport.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QDate>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPieSeries>
#include <QPieSlice>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

#include <memory>

using namespace annorev;
using namespace Qt::StringLiterals;

namespace {

QAbstractBarSeries *barSeries(QChart *chart)
{
    return chart && !chart->series().isEmpty() ? qobject_cast<QAbstractBarSeries *>(chart->series().constFirst())
                                               : nullptr;
}

// The height of a category's bar in a series whose sets each hold part of it (stacked).
qreal barAt(QAbstractBarSeries *series, int category)
{
    qreal sum = 0;
    for (const QBarSet *set : series->barSets()) {
        sum += set->at(category);
    }
    return sum;
}

QStringList categories(QChart *chart, Qt::Orientation orientation)
{
    for (QAbstractAxis *axis : chart->axes(orientation)) {
        if (auto *category = qobject_cast<QBarCategoryAxis *>(axis)) {
            return category->categories();
        }
    }
    return {};
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void opensOnTheSampleBatchWithTheNumbersOfAnnorevStats();
    void percentAxisTicksAreRoundWholePercentages_data();
    void percentAxisTicksAreRoundWholePercentages();
    void loadStoreReadsTheSameNumbersOffTheGuiThread();
    void loadStoreRefusesAMissingStoreAndCreatesNone();
    void savingAChartWritesAValidPng_data();
    void savingAChartWritesAValidPng();
    void savingToABadPathGivesAnErrorAndLeavesNoFile_data();
    void savingToABadPathGivesAnErrorAndLeavesNoFile();
    void chartsFollowADarkPalette();
    void opensRoomyAndRemembersItsSize();

private:
    StoreStats readStats() const;
    QJsonObject statsJson() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_batch;
    std::unique_ptr<ReviewStore> m_store;
    const Checker m_checker{Schema::builtin(), CountryAliases::builtin(), QDate::currentDate().year()};
};

void TestDashboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestDashboard::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_batch = test::copySamples(*m_dir);
    m_store = test::syncedStore(m_batch, m_checker);
    QVERIFY(m_store);
    const QStringList ids = *m_store->ids();
    QVERIFY_OK(m_store->setStatus({ids.at(0), ids.at(1)}, ReviewStatus::Approved, u"checked"_s, u"t"_s));
    QVERIFY_OK(m_store->setStatus({ids.at(2)}, ReviewStatus::NeedsWork, {}, u"t"_s));
    // r1: one pass and one failure of two documents checked out of three; r2: both passed.
    SpotCheckRound round;
    round.name = u"r1"_s;
    round.createdBy = u"t"_s;
    QVERIFY_OK(m_store->createRound(round, {{ids.at(1), {}}, {ids.at(0), {}}, {ids.at(3), {}}}));
    QVERIFY_OK(m_store->judge(u"r1"_s, {ids.at(1)}, Verdict::Pass, std::nullopt, {}, u"t"_s));
    QVERIFY_OK(m_store->judge(u"r1"_s, {ids.at(0)}, Verdict::Fail, FailReason::WrongBoundary, {}, u"t"_s));
    round.name = u"r2"_s;
    QVERIFY_OK(m_store->createRound(round, {{ids.at(2), {}}, {ids.at(4), {}}}));
    QVERIFY_OK(m_store->judge(u"r2"_s, {ids.at(2), ids.at(4)}, Verdict::Pass, std::nullopt, {}, u"t"_s));
}

void TestDashboard::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

StoreStats TestDashboard::readStats() const
{
    const Expected<StoreStats> stats = StoreStats::read(*m_store, Schema::builtin(), 0.05, {});
    if (!stats) {
        qFatal("cannot read the stats: %s", qPrintable(stats.error().message));
    }
    return *stats;
}

QJsonObject TestDashboard::statsJson() const
{
    const test::CliRun run =
        test::runAnnorev({u"stats"_s, u"--format"_s, u"json"_s, m_batch}, test::isolatedEnvironment(*m_dir));
    if (run.exitCode != 0) {
        qWarning("annorev stats failed: %s", run.err.constData());
    }
    return QJsonDocument::fromJson(run.out).object();
}

void TestDashboard::opensOnTheSampleBatchWithTheNumbersOfAnnorevStats()
{
    DashboardDialog dialog(Schema::builtin());
    dialog.setStats(readStats());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QJsonObject json = statsJson();
    QCOMPARE(json.value(u"documents"_s).toInt(), 5);

    // Spans per label: one bar per label, the stats' first on top.
    QChart *chart = dialog.chart(DashboardDialog::SpansPerLabel);
    QAbstractBarSeries *bars = barSeries(chart);
    QVERIFY(bars);
    const QJsonObject labels = json.value(u"labels"_s).toObject();
    // The chart and its table name labels as the window does; the stats by their tag names.
    QStringList labelNames;
    for (const QString &shown : categories(chart, Qt::Vertical)) {
        const auto label = std::find_if(Schema::builtin().labels().cbegin(), Schema::builtin().labels().cend(),
                                        [&](const LabelInfo &info) { return info.displayName == shown; });
        QVERIFY2(label != Schema::builtin().labels().cend(), qPrintable(shown));
        labelNames.append(label->name);
    }
    QVERIFY(categories(chart, Qt::Vertical).contains(u"GPU count"_s));
    QVERIFY(!categories(chart, Qt::Vertical).contains(u"gpu_count"_s));
    QCOMPARE(labelNames.size(), labels.size());
    int totalSpans = 0;
    for (int i = 0; i < labelNames.size(); ++i) {
        const QJsonObject label = labels.value(labelNames[i]).toObject();
        QCOMPARE(barAt(bars, i), label.value(u"spans"_s).toDouble());
        totalSpans += label.value(u"spans"_s).toInt();
    }
    QVERIFY(totalSpans > 0);
    std::reverse(labelNames.begin(), labelNames.end());
    for (int i = 0; i < labelNames.size(); ++i) {
        const QJsonObject label = labels.value(labelNames[i]).toObject();
        QCOMPARE(dialog.chartTable(DashboardDialog::SpansPerLabel).at(i),
                 (QStringList{Schema::builtin().label(labelNames[i])->displayName,
                              QString::number(label.value(u"spans"_s).toInt()),
                              QString::number(label.value(u"documents"_s).toInt())}));
        QCOMPARE(bars->barSets().at(i)->color(), labelColour(*Schema::builtin().label(labelNames[i])));
    }

    // Findings per rule: the rules with findings, the first on top.
    chart = dialog.chart(DashboardDialog::FindingsPerRule);
    bars = barSeries(chart);
    QVERIFY(bars);
    const QJsonObject rules = json.value(u"rules"_s).toObject();
    QStringList ruleNames = categories(chart, Qt::Vertical);
    int rulesHit = 0;
    for (const QString &rule : rules.keys()) {
        rulesHit += rules.value(rule).toObject().value(u"findings"_s).toInt() > 0 ? 1 : 0;
    }
    QCOMPARE(ruleNames.size(), rulesHit);
    QVERIFY(rulesHit > 0);
    for (int i = 0; i < ruleNames.size(); ++i) {
        QCOMPARE(barAt(bars, i), rules.value(ruleNames[i]).toObject().value(u"findings"_s).toDouble());
    }
    std::reverse(ruleNames.begin(), ruleNames.end());
    for (int i = 0; i < ruleNames.size(); ++i) {
        QCOMPARE(dialog.chartTable(DashboardDialog::FindingsPerRule).at(i).constFirst(), ruleNames[i]);
    }

    // Documents per status: a slice each.
    const auto *pie = qobject_cast<QPieSeries *>(dialog.chart(DashboardDialog::DocumentsPerStatus)->series().at(0));
    QVERIFY(pie);
    QCOMPARE(pie->count(), 4);
    const QJsonObject statuses = json.value(u"status"_s).toObject();
    for (int i = 0; i < 4; ++i) {
        const ReviewStatus status = allReviewStatuses[i];
        QCOMPARE(pie->slices().at(i)->value(), statuses.value(statusName(status)).toDouble());
        QCOMPARE(pie->slices().at(i)->color(), DocumentListModel::statusColour(status));
    }

    // Failures per reason: the newest round to begin with, then the one chosen.
    const QJsonArray rounds = json.value(u"rounds"_s).toArray();
    QCOMPARE(rounds.size(), 2);
    QCOMPARE(dialog.round(), u"r2"_s);
    dialog.setRound(u"r1"_s);
    bars = barSeries(dialog.chart(DashboardDialog::FailuresPerReason));
    QVERIFY(bars);
    const QJsonObject failures = rounds.at(0).toObject().value(u"failures"_s).toObject();
    const QStringList reasons = categories(dialog.chart(DashboardDialog::FailuresPerReason), Qt::Vertical);
    QCOMPARE(reasons.size(), qsizetype(failReasonCount));
    QCOMPARE(reasons.constLast(), failReasonName(FailReason::WrongLabel)); // on top
    for (int i = 0; i < reasons.size(); ++i) {
        QCOMPARE(bars->barSets().at(0)->at(i), failures.value(reasons[i]).toDouble());
    }
    QCOMPARE(dialog.chartTable(DashboardDialog::FailuresPerReason).at(1), (QStringList{u"wrong-boundary"_s, u"1"_s}));
    QCOMPARE(failures.value(u"wrong-boundary"_s).toInt(), 1);

    // The error rate of each round: the box spans the interval around the estimate.
    const auto *boxes = qobject_cast<QBoxPlotSeries *>(dialog.chart(DashboardDialog::ErrorRate)->series().constFirst());
    QVERIFY(boxes);
    QCOMPARE(boxes->count(), 2);
    for (int i = 0; i < 2; ++i) {
        const QJsonObject round = rounds.at(i).toObject();
        const QJsonObject interval = round.value(u"interval"_s).toObject();
        const QBoxSet *box = boxes->boxSets().at(i);
        QCOMPARE(box->label(), round.value(u"name"_s).toString());
        QCOMPARE(box->at(QBoxSet::LowerExtreme), 100 * interval.value(u"lower"_s).toDouble());
        QCOMPARE(box->at(QBoxSet::Median), 100 * round.value(u"error_rate"_s).toDouble());
        QCOMPARE(box->at(QBoxSet::UpperExtreme), 100 * interval.value(u"upper"_s).toDouble());
        const QStringList row = dialog.chartTable(DashboardDialog::ErrorRate).at(i);
        QCOMPARE(row.at(1), QString::number(round.value(u"checked"_s).toInt()));
        QCOMPARE(row.at(2), QString::number(round.value(u"failed"_s).toInt()));
        QCOMPARE(row.at(6), round.value(u"decision"_s).toString());
        const QJsonValue more = round.value(u"more_to_check"_s);
        QCOMPARE(row.at(7), more.isNull() ? QString() : QString::number(more.toInt()));
    }
    // Its axis ticks are whole percentages a round step apart.
    QValueAxis *rate = nullptr;
    for (QAbstractAxis *axis : dialog.chart(DashboardDialog::ErrorRate)->axes(Qt::Vertical)) {
        rate = qobject_cast<QValueAxis *>(axis);
    }
    QVERIFY(rate);
    QCOMPARE(rate->min(), 0.0);
    const double step = rate->max() / (rate->tickCount() - 1);
    QVERIFY2(QList<double>({1, 2, 5, 10, 20}).contains(step), qPrintable(QString::number(step)));
}

void TestDashboard::percentAxisTicksAreRoundWholePercentages_data()
{
    QTest::addColumn<double>("highest");
    QTest::addColumn<int>("top");
    QTest::addColumn<int>("step");
    QTest::addRow("nothing failed") << 0.0 << 1 << 1;
    QTest::addRow("2 percent") << 0.02 << 3 << 1;
    QTest::addRow("5 percent") << 0.05 << 6 << 1;
    QTest::addRow("12 percent") << 0.12 << 14 << 2;
    // Was 0 to 35 in five ticks: 0, 9, 18, 26 and 35 percent.
    QTest::addRow("30 percent") << 0.30 << 35 << 5;
    QTest::addRow("50 percent") << 0.50 << 60 << 10;
    QTest::addRow("90 percent") << 0.90 << 100 << 20;
    QTest::addRow("all failed") << 1.0 << 100 << 20;
}

void TestDashboard::percentAxisTicksAreRoundWholePercentages()
{
    QFETCH(double, highest);
    QFETCH(int, top);
    QFETCH(int, step);
    const DashboardCharts::PercentAxis axis = DashboardCharts::percentAxis(highest);
    QCOMPARE(axis.top, top);
    QCOMPARE(axis.step, step);
    QCOMPARE(axis.top % axis.step, 0);
    QVERIFY(axis.top / axis.step <= 7);
    QVERIFY(axis.top >= 100 * highest || axis.top == 100);
}

void TestDashboard::loadStoreReadsTheSameNumbersOffTheGuiThread()
{
    DashboardDialog dialog(Schema::builtin());
    QSignalSpy loaded(&dialog, &DashboardDialog::statsLoaded);
    dialog.loadStore(m_store->path(), 0.05);
    QVERIFY(dialog.isLoading() || loaded.count() == 1);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
    QVERIFY2(loaded.first().at(0).toBool(), qPrintable(loaded.first().at(1).toString()));
    QVERIFY(dialog.message().isEmpty());
    const StoreStats expected = readStats();
    QVERIFY(dialog.stats());
    QCOMPARE(dialog.stats()->batch.byStatus, expected.batch.byStatus);
    QCOMPARE(dialog.stats()->rounds.size(), expected.rounds.size());
    QCOMPARE(dialog.chartTable(DashboardDialog::SpansPerLabel).size(), expected.batch.labels.size());
}

void TestDashboard::loadStoreRefusesAMissingStoreAndCreatesNone()
{
    DashboardDialog dialog(Schema::builtin());
    QSignalSpy loaded(&dialog, &DashboardDialog::statsLoaded);
    const QString missing = m_dir->filePath(u"none.annorev.sqlite"_s);
    dialog.loadStore(missing, 0.05);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
    QCOMPARE(loaded.first().at(0).toBool(), false);
    QVERIFY2(dialog.message().contains(missing), qPrintable(dialog.message()));
    QVERIFY(!QFileInfo::exists(missing));
    QVERIFY(!dialog.stats());
}

void TestDashboard::savingAChartWritesAValidPng_data()
{
    QTest::addColumn<int>("chart");
    QTest::addColumn<bool>("shown");
    for (int chart = 0; chart < DashboardDialog::ChartCount; ++chart) {
        QTest::addRow("chart %d, shown", chart) << chart << true;
    }
    QTest::addRow("spans per label, never shown") << int(DashboardDialog::SpansPerLabel) << false;
}

void TestDashboard::savingAChartWritesAValidPng()
{
    QFETCH(int, chart);
    QFETCH(bool, shown);
    DashboardDialog dialog(Schema::builtin());
    dialog.setStats(readStats());
    if (shown) {
        dialog.resize(1000, 640);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    }
    const QString path = m_dir->filePath(u"chart.png"_s);
    QString error;
    QVERIFY2(dialog.saveChartPng(chart, path, &error), qPrintable(error));
    QImageReader reader(path);
    QCOMPARE(reader.format(), QByteArray("png"));
    const QImage image = reader.read();
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 320 && image.height() >= 200);
}

void TestDashboard::savingToABadPathGivesAnErrorAndLeavesNoFile_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::addRow("folder that does not exist") << u"missing/chart.png"_s;
    QTest::addRow("a folder") << u"samples"_s;
}

void TestDashboard::savingToABadPathGivesAnErrorAndLeavesNoFile()
{
    QFETCH(QString, relativePath);
    DashboardDialog dialog(Schema::builtin());
    dialog.setStats(readStats());
    const QString path = m_dir->filePath(relativePath);
    const QStringList before = QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    QString error;
    QVERIFY(!dialog.saveChartPng(DashboardDialog::ErrorRate, path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY(!QFileInfo(path).isFile());
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
    QVERIFY(!dialog.saveChartPng(DashboardDialog::ChartCount, m_dir->filePath(u"x.png"_s), &error));
    QVERIFY(!QFileInfo::exists(m_dir->filePath(u"x.png"_s)));
}

void TestDashboard::chartsFollowADarkPalette()
{
    DashboardDialog dialog(Schema::builtin());
    dialog.setStats(readStats());
    QCOMPARE(dialog.chart(DashboardDialog::SpansPerLabel)->theme(), QChart::ChartThemeLight);
    QPalette dark = dialog.palette();
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dialog.setPalette(dark);
    QCOMPARE(dialog.chart(DashboardDialog::SpansPerLabel)->theme(), QChart::ChartThemeDark);
    QCOMPARE(dialog.chart(DashboardDialog::ErrorRate)->backgroundBrush().color(), QColor(0x18, 0x18, 0x18));
}

void TestDashboard::opensRoomyAndRemembersItsSize()
{
    QSettings(u"annorev"_s, u"annorev"_s).remove(u"dashboard"_s);
    QSize chosen;
    {
        DashboardDialog dialog(Schema::builtin());
        dialog.setStats(readStats());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Every tab's title shows without scrolling the tab bar.
        QVERIFY2(dialog.width() >= 900, qPrintable(QString::number(dialog.width())));
        dialog.resize(dialog.width() + 37, dialog.height() + 23);
        chosen = dialog.size();
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
    }
    DashboardDialog again(Schema::builtin());
    QCOMPARE(again.size(), chosen);
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
