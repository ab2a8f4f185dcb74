#include "dashboarddialog.h"

#include "dashboardcharts.h"
#include "appsettings.h"
#include "documentlistmodel.h"
#include "filedialogs.h"
#include "labelcolour.h"
#include "reviewstore.h"
#include "schema.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageWriter>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
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
        DashboardCharts::fillTable(table, {}, {});
    } else {
        const DashboardCharts charts(*m_stats, m_schema, palette());
        switch (index) {
        case SpansPerLabel:
            charts.spansPerLabel(chart, table);
            break;
        case FindingsPerRule:
            charts.findingsPerRule(chart, table);
            break;
        case DocumentsPerStatus:
            charts.documentsPerStatus(chart, table);
            break;
        case FailuresPerReason:
            charts.failuresPerReason(chart, table, selectedRound());
            break;
        case ErrorRate:
            charts.errorRate(chart, table);
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
