#include "documentfilterproxymodel.h"

#include "documentlistmodel.h"

#include <QFutureWatcher>
#include <QItemSelection>
#include <QScopedValueRollback>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <numeric>

namespace annorev {

namespace {

// Beyond this many runs of rows to remove or insert, a reset costs the view less than signals.
constexpr qsizetype mostRuns = 64;

// The runs of consecutive positions in `list` whose element fails keep.
template <typename Keep> qsizetype runsFailing(const std::vector<int> &list, Keep keep)
{
    qsizetype runs = 0;
    bool inRun = false;
    for (int row : list) {
        const bool failing = !keep(row);
        runs += failing && !inRun;
        inRun = failing;
    }
    return runs;
}

// Every source row, in order: the rows an identity query shows.
std::vector<int> everyRow(int count)
{
    std::vector<int> rows(static_cast<std::size_t>(count));
    std::iota(rows.begin(), rows.end(), 0);
    return rows;
}

// Which of count source rows are in list.
std::vector<char> membership(const std::vector<int> &list, int count)
{
    std::vector<char> in(static_cast<std::size_t>(count), 0);
    for (int row : list) {
        in[std::size_t(row)] = 1;
    }
    return in;
}

} // namespace

DocumentFilterProxyModel::DocumentFilterProxyModel(QObject *parent) : QAbstractProxyModel(parent) {}

DocumentFilterProxyModel::~DocumentFilterProxyModel()
{
    if (m_watcher != nullptr) {
        m_cancel->store(true);
        m_watcher->waitForFinished();
    }
}

void DocumentFilterProxyModel::setDocumentModel(DocumentListModel *model)
{
    beginResetModel();
    if (m_documents != nullptr) {
        disconnect(m_documents, nullptr, this, nullptr);
    }
    m_documents = model;
    QAbstractProxyModel::setSourceModel(model);
    m_identity = true;
    m_rows.clear();
    m_proxyRowOfStale = true;
    if (model != nullptr) {
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
        connect(model, &QAbstractItemModel::modelReset, this, &DocumentFilterProxyModel::sourceReset);
        connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
                [this](const QModelIndex &, int first, int last) {
                    if (m_identity) {
                        beginInsertRows({}, first, last);
                    }
                });
        connect(model, &QAbstractItemModel::rowsInserted, this, &DocumentFilterProxyModel::sourceRowsInserted);
        connect(model, &QAbstractItemModel::dataChanged, this, &DocumentFilterProxyModel::sourceDataChanged);
    }
    endResetModel();
    if (model != nullptr && !m_query.isIdentity()) {
        refresh();
    }
}

void DocumentFilterProxyModel::setStatusFilter(std::optional<ReviewStatus> status)
{
    if (m_query.status != status) {
        m_query.status = status;
        refresh();
    }
}

void DocumentFilterProxyModel::setLabelFilter(const QString &label)
{
    if (m_query.label != label) {
        m_query.label = label;
        refresh();
    }
}

void DocumentFilterProxyModel::setRuleFilter(const QString &rule)
{
    if (m_query.rule != rule) {
        m_query.rule = rule;
        refresh();
    }
}

void DocumentFilterProxyModel::setFindingFilter(FindingFilter filter)
{
    if (m_query.findings != filter) {
        m_query.findings = filter;
        refresh();
    }
}

void DocumentFilterProxyModel::setSearch(const QString &needle, const QStringList &textMatches,
                                         const QList<qint64> &textMatchKeys)
{
    m_query.needle = needle;
    m_query.textMatches = textMatches;
    m_query.textMatchKeys = textMatchKeys;
    refresh();
}

void DocumentFilterProxyModel::setRoundOrder(const QStringList &ids)
{
    m_query.roundOrder = ids;
    refresh();
}

void DocumentFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    using Key = DocumentQuery::SortKey;
    Key key = Key::None;
    switch (column) {
    case DocumentListModel::IdColumn:
        key = Key::Id;
        break;
    case DocumentListModel::StatusColumn:
        key = Key::Status;
        break;
    case DocumentListModel::ErrorsColumn:
        key = Key::Errors;
        break;
    case DocumentListModel::WarningsColumn:
        key = Key::Warnings;
        break;
    case DocumentListModel::DisagreementColumn:
        key = Key::Disagreement;
        break;
    default:
        break;
    }
    const bool descending = order == Qt::DescendingOrder && key != Key::None;
    if (m_query.sortKey != key || m_query.descending != descending) {
        m_query.sortKey = key;
        m_query.descending = descending;
        refresh();
    }
}

void DocumentFilterProxyModel::refresh()
{
    if (m_documents == nullptr) {
        return;
    }
    if (m_applying) {
        // A view reacting to the rows being applied changed the list (the current document
        // moved and was rechecked): the rows are worked out again once these are in.
        m_refreshPending = true;
        return;
    }
    if (m_watcher != nullptr) {
        // The worker's result is already out of date: it is dropped and the work done again.
        m_cancel->store(true);
        m_refreshAgain = true;
        return;
    }
    if (m_query.isIdentity()) {
        applyAndReport({});
        return;
    }
    if (m_documents->rows().size() > m_backgroundThreshold) {
        startWorker();
        return;
    }
    applyAndReport(*m_query.run(m_documents->rows()));
}

void DocumentFilterProxyModel::applyAndReport(std::vector<int> rows)
{
    {
        const QScopedValueRollback applying(m_applying, true);
        apply(std::move(rows));
    }
    Q_EMIT rowsUpdated();
    if (std::exchange(m_refreshPending, false)) {
        refresh();
    }
}

void DocumentFilterProxyModel::startWorker()
{
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_refreshAgain = false;
    m_watcher = new QFutureWatcher<std::optional<std::vector<int>>>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &DocumentFilterProxyModel::workerFinished);
    // A copy of the rows (their numbers and id table; the id chunks are shared) and of the query:
    // the list goes on changing while the worker reads them.
    m_watcher->setFuture(QtConcurrent::run(
        [rows = m_documents->rows(), query = m_query, cancel = m_cancel] { return query.run(rows, cancel.get()); }));
    Q_EMIT updatingChanged(true);
}

void DocumentFilterProxyModel::workerFinished()
{
    std::optional<std::vector<int>> rows = m_watcher->result();
    m_watcher->deleteLater();
    m_watcher = nullptr;
    if (m_refreshAgain || !rows) {
        m_refreshAgain = false;
        refresh();
        if (m_watcher == nullptr) {
            Q_EMIT updatingChanged(false);
        }
        return;
    }
    Q_EMIT updatingChanged(false);
    applyAndReport(std::move(*rows));
}

int DocumentFilterProxyModel::sourceRowOf(int proxyRow) const
{
    return m_identity ? proxyRow : m_rows[std::size_t(proxyRow)];
}

void DocumentFilterProxyModel::apply(std::vector<int> rows)
{
    const int sourceCount = m_documents->rowCount();
    const bool identity = m_query.isIdentity();
    if (identity) {
        rows = everyRow(sourceCount);
    }
    std::vector<int> old = m_identity ? everyRow(sourceCount) : m_rows;
    if (old == rows) {
        m_identity = identity;
        m_rows = identity ? std::vector<int>() : std::move(rows);
        m_proxyRowOfStale = true;
        return;
    }
    const std::vector<char> inNew = membership(rows, sourceCount);
    const std::vector<char> inOld = membership(old, sourceCount);
    const qsizetype removals = runsFailing(old, [&](int row) { return inNew[std::size_t(row)] != 0; });
    const qsizetype insertions = runsFailing(rows, [&](int row) { return inOld[std::size_t(row)] != 0; });
    if (removals + insertions > mostRuns) {
        applyAsReset(std::move(rows));
        m_identity = identity;
        if (identity) {
            m_rows.clear();
        }
        return;
    }
    // From here on m_rows is the list shown, changed step by step into rows.
    m_identity = false;
    m_rows = std::move(old);
    m_proxyRowOfStale = true;
    // 1. Removals, from the end so that the earlier positions hold.
    for (qsizetype end = qsizetype(m_rows.size()); end > 0;) {
        if (inNew[std::size_t(m_rows[std::size_t(end - 1)])]) {
            --end;
            continue;
        }
        qsizetype begin = end - 1;
        while (begin > 0 && !inNew[std::size_t(m_rows[std::size_t(begin - 1)])]) {
            --begin;
        }
        beginRemoveRows({}, int(begin), int(end - 1));
        m_rows.erase(m_rows.begin() + begin, m_rows.begin() + end);
        m_proxyRowOfStale = true;
        endRemoveRows();
        end = begin;
    }
    // 2. What is left, in the new order.
    std::vector<int> placeInNew(std::size_t(sourceCount), -1);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        placeInNew[std::size_t(rows[i])] = int(i);
    }
    const auto byPlace = [&](int a, int b) {
        return placeInNew[std::size_t(a)] < placeInNew[std::size_t(b)];
    };
    if (!std::is_sorted(m_rows.cbegin(), m_rows.cend(), byPlace)) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList persistent = persistentIndexList();
        std::vector<int> sourceOfPersistent;
        sourceOfPersistent.reserve(std::size_t(persistent.size()));
        for (const QModelIndex &index : persistent) {
            sourceOfPersistent.push_back(m_rows[std::size_t(index.row())]);
        }
        std::sort(m_rows.begin(), m_rows.end(), byPlace);
        m_proxyRowOfStale = true;
        for (qsizetype i = 0; i < persistent.size(); ++i) {
            const int moved = mapFromSource(m_documents->index(sourceOfPersistent[std::size_t(i)], 0)).row();
            changePersistentIndex(persistent[i], index(moved, persistent[i].column()));
        }
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }
    // 3. Insertions, from the start: the rows before each run are already the new ones.
    for (std::size_t begin = 0; begin < rows.size();) {
        if (inOld[std::size_t(rows[begin])]) {
            ++begin;
            continue;
        }
        std::size_t end = begin + 1;
        while (end < rows.size() && !inOld[std::size_t(rows[end])]) {
            ++end;
        }
        beginInsertRows({}, int(begin), int(end - 1));
        m_rows.insert(m_rows.begin() + qsizetype(begin), rows.cbegin() + qsizetype(begin),
                      rows.cbegin() + qsizetype(end));
        m_proxyRowOfStale = true;
        endInsertRows();
        begin = end;
    }
    Q_ASSERT(m_rows == rows);
    if (identity) {
        // Nothing to keep: every source row shows, in order.
        m_identity = true;
        m_rows.clear();
        m_proxyRowOfStale = true;
    }
}

void DocumentFilterProxyModel::applyAsReset(std::vector<int> rows)
{
    beginResetModel();
    m_identity = false;
    m_rows = std::move(rows);
    m_proxyRowOfStale = true;
    endResetModel();
}

void DocumentFilterProxyModel::sourceReset()
{
    // The rows are new: nothing of the old mapping applies, and a worker's result is for them.
    if (m_watcher != nullptr) {
        m_cancel->store(true);
        m_refreshAgain = true;
    }
    m_identity = true;
    m_rows.clear();
    m_proxyRowOfStale = true;
    if (!m_query.isIdentity() && m_documents->rows().size() <= m_backgroundThreshold && m_watcher == nullptr) {
        m_identity = false;
        m_rows = *m_query.run(m_documents->rows());
    }
    endResetModel();
    if (!m_query.isIdentity() && (m_identity || m_watcher != nullptr)) {
        // Shown unfiltered until the worker is done.
        refresh();
    }
}

void DocumentFilterProxyModel::sourceRowsInserted(const QModelIndex &, int, int)
{
    if (m_identity) {
        m_proxyRowOfStale = true;
        endInsertRows();
        // A query whose result is the identity today may not be tomorrow; the identity query is.
        if (!m_query.isIdentity()) {
            refresh();
        }
        return;
    }
    refresh();
}

void DocumentFilterProxyModel::sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                                 const QList<int> &roles)
{
    if (!topLeft.isValid()) {
        return;
    }
    if (m_identity) {
        Q_EMIT dataChanged(index(topLeft.row(), topLeft.column()), index(bottomRight.row(), bottomRight.column()),
                           roles);
    } else if (topLeft.row() == bottomRight.row()) {
        if (const QModelIndex shown = mapFromSource(topLeft); shown.isValid()) {
            Q_EMIT dataChanged(shown, index(shown.row(), bottomRight.column()), roles);
        }
    } else if (!m_rows.empty()) {
        Q_EMIT dataChanged(index(0, topLeft.column()), index(int(m_rows.size()) - 1, bottomRight.column()), roles);
    }
    // Only a column the query reads changes the rows shown (the judgement column is not one).
    const bool reads = topLeft.column() <= DocumentListModel::DisagreementColumn;
    if (!m_query.isIdentity() && reads) {
        refresh();
    }
}

QModelIndex DocumentFilterProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount()) {
        return {};
    }
    return createIndex(row, column);
}

QModelIndex DocumentFilterProxyModel::parent(const QModelIndex &) const
{
    return {};
}

int DocumentFilterProxyModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_documents == nullptr) {
        return 0;
    }
    return m_identity ? m_documents->rowCount() : int(m_rows.size());
}

int DocumentFilterProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_documents == nullptr ? 0 : m_documents->columnCount();
}

QModelIndex DocumentFilterProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || m_documents == nullptr || proxyIndex.model() != this) {
        return {};
    }
    return m_documents->index(sourceRowOf(proxyIndex.row()), proxyIndex.column());
}

QModelIndex DocumentFilterProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || m_documents == nullptr) {
        return {};
    }
    if (m_identity) {
        return index(sourceIndex.row(), sourceIndex.column());
    }
    if (m_proxyRowOfStale) {
        m_proxyRowOf.assign(std::size_t(m_documents->rowCount()), -1);
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            if (m_rows[i] < int(m_proxyRowOf.size())) {
                m_proxyRowOf[std::size_t(m_rows[i])] = int(i);
            }
        }
        m_proxyRowOfStale = false;
    }
    const auto row = std::size_t(sourceIndex.row());
    return row < m_proxyRowOf.size() && m_proxyRowOf[row] >= 0 ? index(m_proxyRowOf[row], sourceIndex.column())
                                                               : QModelIndex();
}

QItemSelection DocumentFilterProxyModel::mapSelectionToSource(const QItemSelection &selection) const
{
    QItemSelection mapped;
    for (const QModelIndex &index : selection.indexes()) {
        const QModelIndex source = mapToSource(index);
        mapped.select(source, source);
    }
    return mapped;
}

QItemSelection DocumentFilterProxyModel::mapSelectionFromSource(const QItemSelection &selection) const
{
    QItemSelection mapped;
    for (const QModelIndex &index : selection.indexes()) {
        if (const QModelIndex shown = mapFromSource(index); shown.isValid()) {
            mapped.select(shown, shown);
        }
    }
    return mapped;
}

} // namespace annorev
