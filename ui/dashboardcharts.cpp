#include "dashboardcharts.h"

#include "documentlistmodel.h"
#include "labelcolour.h"
#include "schema.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QCursor>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QScrollBar>
#include <QTableWidget>
#include <QToolTip>
#include <QValueAxis>

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

// Fills a read-only table; numbers are right-aligned.
void fillTableRows(QTableWidget *table, const QStringList &headers, const QList<QStringList> &rows)
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

DashboardCharts::DashboardCharts(const StoreStats &stats, const Schema &schema, const QPalette &palette)
    : m_stats(stats), m_schema(schema), m_palette(palette)
{
}

void DashboardCharts::fillTable(QTableWidget *table, const QStringList &headers, const QList<QStringList> &rows)
{
    fillTableRows(table, headers, rows);
}

void DashboardCharts::spansPerLabel(QChart *chart, QTableWidget *table) const
{
    const QList<BatchStats::LabelCount> &labels = m_stats.batch.labels;
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
    fillTableRows(table, {tr("Label"), tr("Spans"), tr("Documents with one")}, rows);
}

void DashboardCharts::findingsPerRule(QChart *chart, QTableWidget *table) const
{
    QList<const BatchStats::RuleCount *> hit;
    for (const BatchStats::RuleCount &rule : m_stats.batch.rules) {
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
    fillTableRows(table, {tr("Rule"), tr("Severity"), tr("Findings"), tr("Documents with one")}, rows);
}

void DashboardCharts::documentsPerStatus(QChart *chart, QTableWidget *table) const
{
    auto *series = new QPieSeries;
    QList<QStringList> rows;
    for (ReviewStatus status : allReviewStatuses) {
        const qsizetype count = m_stats.batch.byStatus[std::size_t(status)];
        const QString name = DocumentListModel::statusText(status);
        QPieSlice *slice = series->append(u"%1: %2"_s.arg(name).arg(count), qreal(count));
        slice->setColor(DocumentListModel::statusColour(status));
        slice->setBorderColor(m_palette.color(QPalette::Base));
        rows.append({name, QString::number(count)});
    }
    series->setPieSize(0.8);
    chart->addSeries(series);
    chart->legend()->setAlignment(Qt::AlignRight);
    fillTableRows(table, {tr("Status"), tr("Documents")}, rows);
}

void DashboardCharts::failuresPerReason(QChart *chart, QTableWidget *table, const RoundReport *report) const
{
    if (!report) {
        chart->setTitle(tr("Failures per reason: no spot-check round yet"));
        fillTableRows(table, {}, {});
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
    fillTableRows(table, {tr("Reason"), tr("Failures")}, rows);
}

void DashboardCharts::errorRate(QChart *chart, QTableWidget *table) const
{
    const QList<RoundReport> &rounds = m_stats.rounds;
    const double target = m_stats.target;
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
    fillTableRows(table,
                  {tr("Round"), tr("Checked"), tr("Failed"), tr("Error rate"), tr("95% lower"), tr("95% upper"),
                   tr("Decision"), tr("More to check")},
                  rows);
}

DashboardCharts::PercentAxis DashboardCharts::percentAxis(double highestRate)
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

} // namespace annorev
