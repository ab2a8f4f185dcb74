#pragma once

#include "storestats.h"

#include <QCoreApplication>
#include <QList>
#include <QPalette>
#include <QStringList>

class QChart;
class QTableWidget;

namespace annorev {

class Schema;
struct RoundReport;

// What each of the dashboard's charts shows, and the table of numbers beside it, drawn from the
// numbers of `annorev stats`. The dialog (dashboarddialog.h) loads them and lays the charts out.
class DashboardCharts
{
    Q_DECLARE_TR_FUNCTIONS(DashboardDialog)

public:
    // palette: the dialog's, which the charts' borders follow.
    DashboardCharts(const StoreStats &stats, const Schema &schema, const QPalette &palette);

    void spansPerLabel(QChart *chart, QTableWidget *table) const;
    void findingsPerRule(QChart *chart, QTableWidget *table) const;
    void documentsPerStatus(QChart *chart, QTableWidget *table) const;
    // The failures of report's round; the chart says so when there is no round.
    void failuresPerReason(QChart *chart, QTableWidget *table, const RoundReport *report) const;
    void errorRate(QChart *chart, QTableWidget *table) const;

    // Fills a chart's table: headers, then rows (none clears it).
    static void fillTable(QTableWidget *table, const QStringList &headers, const QList<QStringList> &rows);

    // The error-rate axis in percent for rounds whose highest rate (or target) is highestRate:
    // from 0 to top, with a tick every step, a round number (1, 2, 5, 10 or 20), and at
    // most 7 steps, so that every tick reads as a whole percentage.
    struct PercentAxis
    {
        int top = 0;
        int step = 0;
    };
    static PercentAxis percentAxis(double highestRate);

private:
    const StoreStats &m_stats;
    const Schema &m_schema;
    QPalette m_palette;
};

} // namespace annorev
