#pragma once

#include "documentquery.h"
#include "reviewstatus.h"

#include <QAbstractProxyModel>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

template <typename T> class QFutureWatcher;

namespace annorev {

class DocumentListModel;

// The document list as the reviewer narrows and sorts it: by status, by a label its spans have,
// by a rule its findings come from, by severity, by a search that matches ids and, through the
// matches the store found, plain texts, and by a spot-check round's order.
//
// Built for a million documents, where QSortFilterProxyModel's per-row mappings and signals take
// seconds and gigabytes: the shown rows are one array of source rows, worked out by a
// DocumentQuery. Up to backgroundThreshold() source rows that happens at once; above it, on a
// worker thread over a snapshot of the rows, while the list keeps showing the previous result
// (isUpdating()). A new result is applied as removals, moves and insertions when it differs in
// a few places, so that the current row and the selection stay, and as a reset otherwise.
class DocumentFilterProxyModel final : public QAbstractProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentFilterProxyModel)

public:
    using FindingFilter = DocumentQuery::FindingFilter;
    static constexpr qsizetype defaultBackgroundThreshold = 50'000;

    explicit DocumentFilterProxyModel(QObject *parent = nullptr);
    ~DocumentFilterProxyModel() override;

    void setDocumentModel(DocumentListModel *model);

    void setStatusFilter(std::optional<ReviewStatus> status);
    // Rows with a span of the label / a finding of the rule pass; an empty name passes any.
    void setLabelFilter(const QString &label);
    void setRuleFilter(const QString &rule);
    void setFindingFilter(FindingFilter filter);
    // Rows whose id contains needle (in any case), whose id is among textMatches or whose key
    // (DocumentIndexRow::key) is among textMatchKeys (ascending) pass; an empty needle passes
    // every row.
    void setSearch(const QString &needle, const QStringList &textMatches = {}, const QList<qint64> &textMatchKeys = {});
    // Only these documents, in this order whatever column is sorted (a spot-check round); an
    // empty list lifts it.
    void setRoundOrder(const QStringList &ids);
    bool hasRoundOrder() const { return !m_query.roundOrder.isEmpty(); }

    bool isFiltering() const { return m_query.isFiltering(); }
    const DocumentQuery &query() const { return m_query; }

    void setBackgroundThreshold(qsizetype rows) { m_backgroundThreshold = rows; }
    qsizetype backgroundThreshold() const { return m_backgroundThreshold; }
    // Whether a worker is working out the rows to show; rowsUpdated() follows.
    bool isUpdating() const { return m_watcher != nullptr; }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QItemSelection mapSelectionToSource(const QItemSelection &selection) const override;
    QItemSelection mapSelectionFromSource(const QItemSelection &selection) const override;

Q_SIGNALS:
    // isUpdating() changed.
    void updatingChanged(bool updating);
    // The shown rows now follow the query as it was set (and the rows as they were) when the
    // work started: after every change at or below the threshold, after the worker above it.
    void rowsUpdated();

private:
    void refresh();
    void startWorker();
    void workerFinished();
    void applyAndReport(std::vector<int> rows);
    void apply(std::vector<int> rows);
    void applyAsReset(std::vector<int> rows);
    int sourceRowOf(int proxyRow) const;
    void sourceReset();
    void sourceRowsInserted(const QModelIndex &parent, int first, int last);
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);

    DocumentListModel *m_documents = nullptr;
    DocumentQuery m_query;
    // The shown rows when the query is not the identity, else empty: every source row shows.
    bool m_identity = true;
    std::vector<int> m_rows;
    mutable std::vector<int> m_proxyRowOf; // by source row, -1 when hidden; rebuilt when stale
    mutable bool m_proxyRowOfStale = true;
    qsizetype m_backgroundThreshold = defaultBackgroundThreshold;
    QFutureWatcher<std::optional<std::vector<int>>> *m_watcher = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_refreshAgain = false; // the query or the rows changed while the worker ran
    bool m_applying = false;
    bool m_refreshPending = false; // they changed while the rows were being applied
};

} // namespace annorev
