#include "dashboarddialog.h"

#include "appsettings.h"
#include "documentlistmodel.h"
#include "filedialogs.h"
#include "labelcolour.h"
#include "reviewstore.h"
#include "schema.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QImageWriter>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

constexpr Severity shownSeverities[] = {Severity::Error, Severity::Warning, Severity::Info};

QColor severityColour(Severity severity)
{
    // The status colours' mid-tones, so the charts read on light and dark backgrounds.
    switch (severity) {
    case Severity::Error:
        return DocumentListModel::statusColour(ReviewStatus::Rejected);
    case Severity::Warning:
        return DocumentListModel::statusColour(ReviewStatus::NeedsWork);
    case Severity::Info:
        return QColor(0x3b, 0x7d, 0xd8);
    }
    return {};
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// Fills a read-only table; numbers are right-aligned.
void fillTable(QTableWidget *table, const QStringList &headers, const QList<QStringList> &rows)
{
    table->clear();
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows[r].size(); ++c) {
            auto *item = new QTableWidgetItem(rows[r][c]);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            bool number = false;
            rows[r][c].toDouble(&number);
            if (number || rows[r][c].endsWith(u'%')) {
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
            table->setItem(r, c, item);
        }
    }
    table->resizeColumnsToContents();
    // Wide enough for every column, so that no number hides behind a scroll bar.
    table->setMinimumWidth(table->horizontalHeader()->length() + 2 * table->frameWidth() +
                           table->verticalScrollBar()->sizeHint().width());
}

// A tooltip with the bar's value, so that a bar can be read without counting gridlines.
void showValuesOnHover(QAbstractBarSeries *series, const QStringList &categories)
{
    QObject::connect(series, &QAbstractBarSeries::hovered, series, [categories](bool status, int index, QBarSet *set) {
        if (!status || index < 0 || index >= categories.size() || set->at(index) == 0) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(QCursor::pos(), u"%1 (%2): %3"_s.arg(categories[index], set->label()).arg(set->at(index)));
    });
}

QValueAxis *countAxis(qreal maximum)
{
    auto *axis = new QValueAxis;
    axis->setLabelFormat(u"%d"_s);
    const qreal top = std::max<qreal>(1, std::ceil(maximum));
    axis->setRange(0, top);
    if (top <= 10) {
        // One tick per whole number: nice numbers would put ticks at halves, labelled 0, 0, 1, 1…
        axis->setTickCount(int(top) + 1);
    } else {
        axis->applyNiceNumbers();
    }
    return axis;
}

// Horizontal bars with their categories listed top to bottom (the axis lists them bottom up), so
// that long names read without being cut or turned.
void addHorizontalBars(QChart *chart, QAbstractBarSeries *series, QStringList topToBottom, qreal maximum,
                       const QString &valueTitle)
{
    std::reverse(topToBottom.begin(), topToBottom.end());
    chart->addSeries(series);
    auto *categories = new QBarCategoryAxis;
    categories->append(topToBottom);
    chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    QValueAxis *values = countAxis(maximum);
    values->setTitleText(valueTitle);
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    showValuesOnHover(series, topToBottom);
}

} // namespace

DashboardDialog::DashboardDialog(const Schema &schema, QWidget *parent) : QDialog(parent), m_schema(schema)
{
    setWindowTitle(tr("Dashboard"));
    createWidgets();
    // Room for the five tabs and a chart beside its table, until the reviewer picks a size.
    if (!restoreGeometry(appSettings().value(u"dashboard/geometry"_s).toByteArray())) {
        resize(QSize(960, 620).expandedTo(minimumSizeHint()));
    }
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        m_loading = false;
        Loaded loaded = m_watcher.result();
        if (!loaded.stats) {
            showMessage(tr("Cannot read the store: %1").arg(loaded.error));
            Q_EMIT statsLoaded(false, message());
            return;
        }
        setStats(std::move(*loaded.stats));
        Q_EMIT statsLoaded(true, {});
    });
    rebuild();
}

DashboardDialog::~DashboardDialog()
{
    m_watcher.waitForFinished();
}

void DashboardDialog::done(int result)
{
    appSettings().setValue(u"dashboard/geometry"_s, saveGeometry());
    QDialog::done(result);
}

void DashboardDialog::createWidgets()
{
    m_message = new QLabel(this);
    m_message->setObjectName(u"dashboardMessage"_s);
    m_message->setAccessibleName(tr("Dashboard status"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->hide();

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"chartTabs"_s);
    m_tabs->setAccessibleName(tr("Charts"));
    for (int index = 0; index < ChartCount; ++index) {
        auto *page = new QWidget(m_tabs);
        auto *view = new QChartView(page);
        view->setObjectName(u"chartView%1"_s.arg(index));
        view->setAccessibleName(chartTitle(index));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(fontMetrics().averageCharWidth() * 60, fontMetrics().height() * 20);
        auto *table = new QTableWidget(page);
        table->setObjectName(u"chartTable%1"_s.arg(index));
        table->setAccessibleName(tr("%1: the numbers").arg(chartTitle(index)));
        table->verticalHeader()->hide();
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->setWordWrap(false);
        auto *save = new QPushButton(tr("&Save as PNG…"), page);
        save->setObjectName(u"saveChart%1"_s.arg(index));
        save->setAccessibleName(tr("Save the chart %1 as a PNG image").arg(chartTitle(index)));
        save->setAutoDefault(false);
        connect(save, &QPushButton::clicked, this, [this, index] { saveWithDialog(index); });

        auto *side = new QVBoxLayout;
        if (index == FailuresPerReason) {
            m_roundCombo = new QComboBox(page);
            m_roundCombo->setObjectName(u"dashboardRound"_s);
            m_roundCombo->setAccessibleName(tr("Round whose failures are shown"));
            connect(m_roundCombo, &QComboBox::currentIndexChanged, this, [this] { rebuildChart(FailuresPerReason); });
            auto *roundLabel = new QLabel(tr("&Round:"), page);
            roundLabel->setBuddy(m_roundCombo);
            auto *roundRow = new QHBoxLayout;
            roundRow->addWidget(roundLabel);
            roundRow->addWidget(m_roundCombo, 1);
            side->addLayout(roundRow);
        }
        side->addWidget(table, 1);
        side->addWidget(save, 0, Qt::AlignRight);
        auto *layout = new QHBoxLayout(page);
        layout->addWidget(view, 3);
        layout->addLayout(side, 2);
        m_views[std::size_t(index)] = view;
        m_tables[std::size_t(index)] = table;
        m_tabs->addTab(page, chartTitle(index));
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &DashboardDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
}

QString DashboardDialog::chartTitle(int chart) const
{
    switch (chart) {
    case SpansPerLabel:
        return tr("Spans per label");
    case FindingsPerRule:
        return tr("Findings per rule");
    case DocumentsPerStatus:
        return tr("Documents per status");
    case FailuresPerReason:
        return tr("Failures per reason");
    case ErrorRate:
        return tr("Error rate per round");
    }
    return {};
}

void DashboardDialog::setStats(StoreStats stats)
{
    m_stats = std::move(stats);
    const QString previous = round();
    {
        const QSignalBlocker blocker(m_roundCombo);
        m_roundCombo->clear();
        for (const RoundReport &report : std::as_const(m_stats->rounds)) {
            m_roundCombo->addItem(report.round.name, report.round.name);
        }
        const int found = m_roundCombo->findData(previous);
        m_roundCombo->setCurrentIndex(found >= 0 ? found : m_roundCombo->count() - 1);
    }
    showMessage({});
    rebuild();
}

void DashboardDialog::loadStore(const QString &storePath, double target)
{
    showMessage(tr("Reading %1…").arg(native(storePath)));
    // Loading until the result is delivered here, not only while the worker runs: the worker may
    // be done before the GUI thread hears of it.
    m_loading = true;
    m_watcher.setFuture(QtConcurrent::run([storePath, target, &schema = m_schema] {
        Loaded loaded;
        // Opening a store creates it: a dashboard must not leave an empty one behind.
        if (!QFileInfo::exists(storePath)) {
            loaded.error = DashboardDialog::tr("there is no review store at %1").arg(native(storePath));
            return loaded;
        }
        // SQLite connections belong to the thread that opened them: this one is the worker's.
        const Expected<std::unique_ptr<ReviewStore>> store = ReviewStore::open(storePath);
        Expected<StoreStats> stats = store ? StoreStats::read(**store, schema, target, {}) : store.error();
        if (stats) {
            loaded.stats = std::move(*stats);
        } else {
            loaded.error = stats.error().message;
        }
        return loaded;
    }));
}

bool DashboardDialog::isLoading() const
{
    return m_loading;
}

QString DashboardDialog::message() const
{
    return m_message->text();
}

void DashboardDialog::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QString DashboardDialog::round() const
{
    return m_roundCombo->currentData().toString();
}

void DashboardDialog::setRound(const QString &name)
{
    const int index = m_roundCombo->findData(name);
    if (index >= 0) {
        m_roundCombo->setCurrentIndex(index);
    }
}

const RoundReport *DashboardDialog::selectedRound() const
{
    if (!m_stats) {
        return nullptr;
    }
    for (const RoundReport &report : m_stats->rounds) {
        if (report.round.name == round()) {
            return &report;
        }
    }
    return nullptr;
}

QChart *DashboardDialog::chart(int chart) const
{
    return chart >= 0 && chart < ChartCount ? m_views[std::size_t(chart)]->chart() : nullptr;
}

QList<QStringList> DashboardDialog::chartTable(int chart) const
{
    QList<QStringList> rows;
    if (chart < 0 || chart >= ChartCount) {
        return rows;
    }
    const QTableWidget *table = m_tables[std::size_t(chart)];
    for (int r = 0; r < table->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < table->columnCount(); ++c) {
            cells.append(table->item(r, c) ? table->item(r, c)->text() : QString());
        }
        rows.append(cells);
    }
    return rows;
}

void DashboardDialog::rebuild()
{
    for (int index = 0; index < ChartCount; ++index) {
        rebuildChart(index);
    }
}

void DashboardDialog::rebuildChart(int index)
{
    auto *chart = new QChart;
    // The theme follows the palette, so the charts read in a dark desktop too. It is set first:
    // setting a theme resets the series' colours.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette().base());
    chart->setTitleBrush(palette().text());
    chart->legend()->setLabelColor(palette().color(QPalette::Text));
    chart->setTitle(chartTitle(index));
    chart->setAnimationOptions(QChart::NoAnimation);
    QTableWidget *table = m_tables[std::size_t(index)];
    if (!m_stats) {
        fillTable(table, {}, {});
    } else {
        switch (index) {
        case SpansPerLabel:
            fillSpansPerLabel(chart, table);
            break;
        case FindingsPerRule:
            fillFindingsPerRule(chart, table);
            break;
        case DocumentsPerStatus:
            fillDocumentsPerStatus(chart, table);
            break;
        case FailuresPerReason:
            fillFailuresPerReason(chart, table);
            break;
        case ErrorRate:
            fillErrorRate(chart, table);
            break;
        }
    }
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsBrush(palette().text());
        axis->setTitleBrush(palette().text());
    }
    QChartView *view = m_views[std::size_t(index)];
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
}

void DashboardDialog::fillSpansPerLabel(QChart *chart, QTableWidget *table)
{
    const QList<BatchStats::LabelCount> &labels = m_stats->batch.labels;
    // One set per label, holding only its own bar, so that each bar has its label's colour. The
    // sets' values run bottom up, as the axis lists the categories.
    auto *series = new QHorizontalStackedBarSeries;
    QStringList names;
    QList<QStringList> rows;
    qsizetype most = 0;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const BatchStats::LabelCount &label = labels[i];
        // What the window calls the label ("GPU count"), not its tag name.
        const LabelInfo *info = m_schema.label(label.label);
        const QString name = info ? info->displayName : label.label;
        names.append(name);
        auto *set = new QBarSet(name);
        for (qsizetype j = labels.size() - 1; j >= 0; --j) {
            set->append(j == i ? qreal(label.spans) : 0);
        }
        set->setColor(info ? labelColour(*info) : QColor(Qt::gray));
        set->setBorderColor(set->color());
        series->append(set);
        most = std::max(most, label.spans);
        rows.append({name, QString::number(label.spans), QString::number(label.documents)});
    }
    addHorizontalBars(chart, series, names, qreal(most), tr("spans"));
    chart->legend()->hide();
    fillTable(table, {tr("Label"), tr("Spans"), tr("Documents with one")}, rows);
}

void DashboardDialog::fillFindingsPerRule(QChart *chart, QTableWidget *table)
{
    QList<const BatchStats::RuleCount *> hit;
    for (const BatchStats::RuleCount &rule : m_stats->batch.rules) {
        if (rule.findings > 0) {
            hit.append(&rule);
        }
    }
    auto *series = new QHorizontalStackedBarSeries;
    QStringList names;
    QList<QStringList> rows;
    qsizetype most = 0;
    for (const BatchStats::RuleCount *rule : std::as_const(hit)) {
        names.append(rule->rule);
        most = std::max(most, rule->findings);
        rows.append({rule->rule, severityName(rule->severity), QString::number(rule->findings),
                     QString::number(rule->documents)});
    }
    // A set per severity, so that the colours say how bad a rule's findings are.
    for (Severity severity : shownSeverities) {
        auto *set = new QBarSet(severityName(severity));
        for (auto rule = hit.crbegin(); rule != hit.crend(); ++rule) {
            set->append((*rule)->severity == severity ? qreal((*rule)->findings) : 0);
        }
        set->setColor(severityColour(severity));
        set->setBorderColor(set->color());
        series->append(set);
    }
    addHorizontalBars(chart, series, names.isEmpty() ? QStringList{tr("no findings")} : names, qreal(most),
                      tr("findings"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    fillTable(table, {tr("Rule"), tr("Severity"), tr("Findings"), tr("Documents with one")}, rows);
}

void DashboardDialog::fillDocumentsPerStatus(QChart *chart, QTableWidget *table)
{
    auto *series = new QPieSeries;
    QList<QStringList> rows;
    for (ReviewStatus status : allReviewStatuses) {
        const qsizetype count = m_stats->batch.byStatus[std::size_t(status)];
        const QString name = DocumentListModel::statusText(status);
        QPieSlice *slice = series->append(u"%1: %2"_s.arg(name).arg(count), qreal(count));
        slice->setColor(DocumentListModel::statusColour(status));
        slice->setBorderColor(palette().color(QPalette::Base));
        rows.append({name, QString::number(count)});
    }
    series->setPieSize(0.8);
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignRight);
    fillTable(table, {tr("Status"), tr("Documents")}, rows);
}

void DashboardDialog::fillFailuresPerReason(QChart *chart, QTableWidget *table)
{
    const RoundReport *report = selectedRound();
    if (!report) {
        chart->setTitle(tr("Failures per reason: no spot-check round yet"));
        fillTable(table, {}, {});
        return;
    }
    chart->setTitle(tr("Failures per reason in %1 (%2 failed of %3 checked)")
                        .arg(report->round.name)
                        .arg(report->tally.failed)
                        .arg(report->tally.checked));
    auto *series = new QHorizontalBarSeries;
    auto *set = new QBarSet(tr("failures"));
    set->setColor(severityColour(Severity::Error));
    set->setBorderColor(set->color());
    QStringList names;
    QList<QStringList> rows;
    qsizetype most = 0;
    for (std::size_t i = 0; i < failReasonCount; ++i) {
        const qsizetype count = report->tally.failuresByReason[i];
        names.append(failReasonName(FailReason(i)));
        most = std::max(most, count);
        rows.append({failReasonName(FailReason(i)), QString::number(count)});
    }
    for (std::size_t i = failReasonCount; i-- > 0;) {
        set->append(qreal(report->tally.failuresByReason[i]));
    }
    series->append(set);
    addHorizontalBars(chart, series, names, qreal(most), tr("documents"));
    chart->legend()->hide();
    fillTable(table, {tr("Reason"), tr("Failures")}, rows);
}

void DashboardDialog::fillErrorRate(QChart *chart, QTableWidget *table)
{
    const QList<RoundReport> &rounds = m_stats->rounds;
    const double target = m_stats->target;
    chart->setTitle(tr("Error rate per round (target %1)").arg(Wilson::percent(target)));
    // A box from the interval's lower to its upper bound with the estimate as its middle line.
    auto *intervals = new QBoxPlotSeries;
    intervals->setName(tr("95% interval and estimate"));
    intervals->setBrush(QColor(0x3b, 0x7d, 0xd8, 0x80));
    intervals->setPen(QPen(QColor(0x3b, 0x7d, 0xd8), 2));
    intervals->setBoxWidth(0.35);
    QStringList categories;
    QList<QStringList> rows;
    double highest = target;
    for (const RoundReport &report : rounds) {
        const Wilson::Estimate &estimate = report.estimate;
        categories.append(report.round.name);
        auto *box = estimate.rate ? new QBoxSet(100 * estimate.interval.lower, 100 * estimate.interval.lower,
                                                100 * *estimate.rate, 100 * estimate.interval.upper,
                                                100 * estimate.interval.upper, report.round.name)
                                  : new QBoxSet(0, 0, 0, 0, 0, report.round.name);
        intervals->append(box);
        if (estimate.rate) {
            highest = std::max(highest, estimate.interval.upper);
        }
        rows.append({report.round.name, QString::number(estimate.checked), QString::number(estimate.failed),
                     estimate.rate ? Wilson::percent(*estimate.rate) : tr("nothing checked"),
                     Wilson::percent(estimate.interval.lower), Wilson::percent(estimate.interval.upper),
                     Wilson::decisionName(estimate.decision),
                     estimate.moreToCheck ? QString::number(*estimate.moreToCheck) : QString()});
    }
    auto *targetLine = new QLineSeries;
    targetLine->setName(tr("target %1").arg(Wilson::percent(target)));
    const qreal last = qreal(std::max<qsizetype>(rounds.size(), 1)) - 0.5;
    targetLine->append(-0.5, 100 * target);
    targetLine->append(last, 100 * target);
    targetLine->setPen(QPen(severityColour(Severity::Error), 2, Qt::DashLine));
    chart->addSeries(intervals);
    chart->addSeries(targetLine);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(categories.isEmpty() ? QStringList{tr("no rounds")} : categories);
    chart->addAxis(axisX, Qt::AlignBottom);
    intervals->attachAxis(axisX);
    targetLine->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setLabelFormat(u"%.0f%%"_s);
    const PercentAxis percent = percentAxis(highest);
    axisY->setRange(0, percent.top);
    axisY->setTickCount(percent.top / percent.step + 1);
    axisY->setTitleText(tr("error rate"));
    chart->addAxis(axisY, Qt::AlignLeft);
    intervals->attachAxis(axisY);
    targetLine->attachAxis(axisY);
    chart->legend()->setAlignment(Qt::AlignBottom);
    fillTable(table,
              {tr("Round"), tr("Checked"), tr("Failed"), tr("Error rate"), tr("95% lower"), tr("95% upper"),
               tr("Decision"), tr("More to check")},
              rows);
}

DashboardDialog::PercentAxis DashboardDialog::percentAxis(double highestRate)
{
    // A tenth of headroom above the highest bound, so that the box does not touch the frame.
    const double wanted = std::clamp(highestRate * 110, 1.0, 100.0);
    constexpr int maximumSteps = 7;
    for (int step : {1, 2, 5, 10, 20}) {
        const int steps = int(std::ceil(wanted / step - 1e-9));
        if (steps <= maximumSteps) {
            return {std::min(100, steps * step), step};
        }
    }
    return {100, 20};
}

bool DashboardDialog::saveChartPng(int chart, const QString &path, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error) {
            *error = message;
        }
        return false;
    };
    if (chart < 0 || chart >= ChartCount) {
        return fail(tr("There is no chart %1.").arg(chart));
    }
    QChartView *view = m_views[std::size_t(chart)];
    // A dashboard never shown has not been laid out: give the chart a size worth saving.
    if (view->width() < view->minimumWidth() || view->height() < view->minimumHeight()) {
        view->resize(view->minimumSize().expandedTo(QSize(960, 600)));
    }
    const QImage image = view->grab().toImage();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(tr("Cannot write %1: %2").arg(native(path), file.errorString()));
    }
    QImageWriter writer(&file, "png");
    if (!writer.write(image)) {
        file.cancelWriting();
        return fail(tr("Cannot write %1: %2").arg(native(path), writer.errorString()));
    }
    if (!file.commit()) {
        return fail(tr("Cannot write %1: %2").arg(native(path), file.errorString()));
    }
    return true;
}

void DashboardDialog::saveWithDialog(int chart)
{
    const QString suggested = QDir::home().filePath(chartTitle(chart).toLower().replace(u' ', u'-') + u".png"_s);
    const QString path =
        FileDialogs::getSaveFileName(this, tr("Save Chart as PNG"), suggested, tr("PNG images (*.png)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    showMessage(saveChartPng(chart, path, &error) ? tr("Saved %1").arg(native(path)) : error);
}

void DashboardDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_tabs) {
        rebuild();
    }
}

} // namespace annorev
