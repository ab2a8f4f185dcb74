#pragma once

#include "storestats.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QTableWidget;
class QTabWidget;

namespace annorev {

class Schema;

// The batch at a glance, in Qt Charts: spans per label, findings per rule, documents per status,
// failures per reason in a round, and each round's error rate with its Wilson interval against
// the target. The numbers are StoreStats, what `annorev stats` prints, and each chart shows them
// in a table beside it too. Every chart can be saved as a PNG.
class DashboardDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardDialog)

public:
    enum Chart
    {
        SpansPerLabel,
        FindingsPerRule,
        DocumentsPerStatus,
        FailuresPerReason,
        ErrorRate,
        ChartCount
    };

    explicit DashboardDialog(const Schema &schema, QWidget *parent = nullptr);
    ~DashboardDialog() override;

    // Its size and place are remembered from one opening to the next (it closes with done()).
    void done(int result) override;

    // Shows these numbers (read with StoreStats::read, as `annorev stats` reads them).
    void setStats(StoreStats stats);
    // Reads them on a worker thread with a connection of its own to the store at storePath;
    // statsLoaded() follows. The dialog says "Reading…" meanwhile.
    void loadStore(const QString &storePath, double target);
    const std::optional<StoreStats> &stats() const { return m_stats; }
    bool isLoading() const;
    // What the dialog says above the charts: an error, or empty.
    QString message() const;

    // The round whose failures the reasons chart shows (the newest by default).
    QString round() const;
    void setRound(const QString &name);

    QChart *chart(int chart) const;
    QString chartTitle(int chart) const;
    // The numbers behind a chart as its table shows them, row by row.
    QList<QStringList> chartTable(int chart) const;

    // Writes the chart as a PNG, atomically: a failure leaves nothing at path.
    bool saveChartPng(int chart, const QString &path, QString *error);

Q_SIGNALS:
    void statsLoaded(bool ok, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Loaded
    {
        std::optional<StoreStats> stats;
        QString error;
    };

    void createWidgets();
    void rebuild();
    void rebuildChart(int chart);
    void saveWithDialog(int chart);
    void showMessage(const QString &text);
    const RoundReport *selectedRound() const;

    const Schema &m_schema;
    std::optional<StoreStats> m_stats;
    QFutureWatcher<Loaded> m_watcher;
    bool m_loading = false;

    QLabel *m_message = nullptr;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_roundCombo = nullptr;
    std::array<QChartView *, ChartCount> m_views{};
    std::array<QTableWidget *, ChartCount> m_tables{};
};

} // namespace annorev
