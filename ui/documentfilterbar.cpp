#include "documentfilterbar.h"

#include "appsettings.h"
#include "documentfilterproxymodel.h"
#include "documentlistmodel.h"
#include "rules/ruleset.h"
#include "schema.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSettings>
#include <QTimer>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

const QString insideWordsKey = u"search/insideWords"_s;

TextMatch matchOf(const QToolButton *insideWords)
{
    return insideWords->isChecked() ? TextMatch::Anywhere : TextMatch::WordStart;
}

QComboBox *makeCombo(const QString &name, const QString &accessibleName, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(name);
    combo->setAccessibleName(accessibleName);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(8);
    return combo;
}

} // namespace

DocumentFilterBar::DocumentFilterBar(const Schema &schema, DocumentFilterProxyModel *proxy, QWidget *parent)
    : QWidget(parent), m_proxy(proxy)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"documentSearch"_s);
    m_search->setPlaceholderText(tr("Search ids and text"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search documents"));
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &DocumentFilterBar::startSearch);

    m_insideWords = new QToolButton(this);
    m_insideWords->setObjectName(u"searchInsideWords"_s);
    m_insideWords->setText(tr("Inside Words"));
    m_insideWords->setCheckable(true);
    m_insideWords->setAutoRaise(true);
    m_insideWords->setToolTip(tr("Find the text inside words too (\"Flex\" finds \"DeepFlex\"). Reads every "
                                 "document: slower on a large batch. Off: the text is found where a word begins."));
    m_insideWords->setAccessibleName(tr("Search inside words"));
    m_insideWords->setChecked(appSettings().value(insideWordsKey, false).toBool());
    connect(m_insideWords, &QToolButton::toggled, this, [this](bool checked) {
        appSettings().setValue(insideWordsKey, checked);
        if (!m_search->text().trimmed().isEmpty()) {
            startSearch();
        }
    });

    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        m_searching = false;
        const std::optional<TextHits> hits = m_watcher.result();
        // A newer needle was typed while the store searched: its own search follows.
        if (m_pendingNeedle != m_search->text().trimmed() || m_pendingMatch != matchOf(m_insideWords)) {
            startSearch();
            return;
        }
        // As the store gave them: hashing hundreds of thousands of ids into a set here held the
        // window up for as long as the store took to find them.
        m_proxy->setSearch(m_pendingNeedle, hits ? hits->ids : QStringList(), hits ? hits->keys : QList<qint64>());
        Q_EMIT filterChanged();
    });

    m_status = makeCombo(u"statusFilter"_s, tr("Status filter"), this);
    m_status->addItem(tr("Any status"), -1);
    for (ReviewStatus status :
         {ReviewStatus::Unreviewed, ReviewStatus::Approved, ReviewStatus::NeedsWork, ReviewStatus::Rejected}) {
        m_status->addItem(DocumentListModel::statusText(status), int(status));
    }

    m_label = makeCombo(u"labelFilter"_s, tr("Label filter"), this);
    m_label->addItem(tr("Any label"), QString());
    for (const LabelInfo &label : schema.labels()) {
        m_label->addItem(tr("Has %1").arg(label.displayName), label.name);
    }

    m_rule = makeCombo(u"ruleFilter"_s, tr("Rule filter"), this);
    m_rule->addItem(tr("Any rule"), QString());
    for (const auto &rule : RuleSet::builtin().rules()) {
        m_rule->addItem(rule->info().id, QString(rule->info().id));
        m_rule->setItemData(m_rule->count() - 1, rule->info().summary, Qt::ToolTipRole);
    }

    using F = DocumentFilterProxyModel::FindingFilter;
    m_findings = makeCombo(u"findingFilter"_s, tr("Findings filter"), this);
    m_findings->addItem(tr("Any findings"), int(F::Any));
    m_findings->addItem(tr("With errors"), int(F::WithErrors));
    m_findings->addItem(tr("With warnings"), int(F::WithWarnings));
    m_findings->addItem(tr("With info"), int(F::WithInfos));
    m_findings->addItem(tr("No findings"), int(F::WithoutFindings));

    for (QComboBox *combo : {m_status, m_label, m_rule, m_findings}) {
        connect(combo, &QComboBox::currentIndexChanged, this, &DocumentFilterBar::applyCombos);
    }

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *searchRow = new QHBoxLayout;
    searchRow->setSpacing(2);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_insideWords);
    layout->addLayout(searchRow, 0, 0, 1, 2);
    layout->addWidget(m_status, 1, 0);
    layout->addWidget(m_findings, 1, 1);
    layout->addWidget(m_label, 2, 0);
    layout->addWidget(m_rule, 2, 1);
}

DocumentFilterBar::~DocumentFilterBar()
{
    cancelRunningSearch();
    m_watcher.waitForFinished();
}

void DocumentFilterBar::setTextSearch(TextSearch search)
{
    cancelRunningSearch();
    m_watcher.waitForFinished();
    m_textSearch = std::move(search);
}

void DocumentFilterBar::reset()
{
    m_searchTimer->stop();
    const QSignalBlocker blocker(m_search);
    m_search->clear();
    for (QComboBox *combo : {m_status, m_label, m_rule, m_findings}) {
        const QSignalBlocker comboBlocker(combo);
        combo->setCurrentIndex(0);
    }
    m_proxy->setSearch({});
    applyCombos();
}

void DocumentFilterBar::cancelRunningSearch()
{
    if (m_cancelRunning) {
        m_cancelRunning->store(true);
    }
}

bool DocumentFilterBar::isSearching() const
{
    return m_searchTimer->isActive() || m_searching;
}

void DocumentFilterBar::applyCombos()
{
    const int status = m_status->currentData().toInt();
    m_proxy->setStatusFilter(status < 0 ? std::nullopt : std::optional(ReviewStatus(status)));
    m_proxy->setLabelFilter(m_label->currentData().toString());
    m_proxy->setRuleFilter(m_rule->currentData().toString());
    m_proxy->setFindingFilter(DocumentFilterProxyModel::FindingFilter(m_findings->currentData().toInt()));
    Q_EMIT filterChanged();
}

void DocumentFilterBar::searchAgain()
{
    if (!m_textSearch || m_search->text().trimmed().isEmpty()) {
        return;
    }
    if (m_searching) {
        // The search running read the store before the change: its result is not taken.
        m_pendingNeedle.clear();
        cancelRunningSearch();
        return;
    }
    startSearch();
}

void DocumentFilterBar::startSearch()
{
    if (m_searching) {
        // Picked up when the running search finishes, which it does at once when it reads every text.
        cancelRunningSearch();
        return;
    }
    const QString needle = m_search->text().trimmed();
    if (needle.isEmpty() || !m_textSearch) {
        m_proxy->setSearch(needle);
        Q_EMIT filterChanged();
        return;
    }
    m_pendingNeedle = needle;
    m_pendingMatch = matchOf(m_insideWords);
    m_cancelRunning = std::make_shared<std::atomic_bool>(false);
    // Searching until the result is applied here, not only while the worker runs.
    m_searching = true;
    m_watcher.setFuture(QtConcurrent::run([search = m_textSearch, needle, match = m_pendingMatch,
                                           cancelled = m_cancelRunning] { return search(needle, match, *cancelled); }));
}

} // namespace annorev
