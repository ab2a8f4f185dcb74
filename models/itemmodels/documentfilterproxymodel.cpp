#include "documentfilterproxymodel.h"

#include "documentlistmodel.h"

#include <algorithm>

namespace annorev {

DocumentFilterProxyModel::DocumentFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

DocumentFilterProxyModel::~DocumentFilterProxyModel() = default;

void DocumentFilterProxyModel::setDocumentModel(DocumentListModel *model)
{
    m_documents = model;
    setSourceModel(model);
}

void DocumentFilterProxyModel::setStatusFilter(std::optional<ReviewStatus> status)
{
    if (m_status != status) {
        m_status = status;
        invalidateRowsFilter();
    }
}

void DocumentFilterProxyModel::setLabelFilter(const QString &label)
{
    if (m_label != label) {
        m_label = label;
        invalidateRowsFilter();
    }
}

void DocumentFilterProxyModel::setRuleFilter(const QString &rule)
{
    if (m_rule != rule) {
        m_rule = rule;
        invalidateRowsFilter();
    }
}

void DocumentFilterProxyModel::setFindingFilter(FindingFilter filter)
{
    if (m_findings != filter) {
        m_findings = filter;
        invalidateRowsFilter();
    }
}

void DocumentFilterProxyModel::setSearch(const QString &needle, const QSet<QString> &textMatches)
{
    m_needle = needle;
    m_textMatches = textMatches;
    invalidateRowsFilter();
}

void DocumentFilterProxyModel::setRoundOrder(const QStringList &ids)
{
    m_roundOrder.clear();
    m_roundOrder.reserve(ids.size());
    for (int i = 0; i < ids.size(); ++i) {
        m_roundOrder.insert(ids.at(i), i);
    }
    invalidate();
}

bool DocumentFilterProxyModel::isFiltering() const
{
    return !m_roundOrder.isEmpty() || m_status || !m_label.isEmpty() || !m_rule.isEmpty() ||
           m_findings != FindingFilter::Any || !m_needle.isEmpty();
}

bool DocumentFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_documents == nullptr || sourceParent.isValid()) {
        return false;
    }
    const DocumentListModel::Entry &entry = m_documents->entry(sourceRow);
    if (!m_roundOrder.isEmpty() && !m_roundOrder.contains(entry.id)) {
        return false;
    }
    if (m_status && entry.status != *m_status) {
        return false;
    }
    if (!m_label.isEmpty() && !std::binary_search(entry.labels.cbegin(), entry.labels.cend(), m_label)) {
        return false;
    }
    if (!m_rule.isEmpty() && !std::binary_search(entry.rules.cbegin(), entry.rules.cend(), m_rule)) {
        return false;
    }
    switch (m_findings) {
    case FindingFilter::Any:
        break;
    case FindingFilter::WithErrors:
        if (entry.errorCount == 0) {
            return false;
        }
        break;
    case FindingFilter::WithWarnings:
        if (entry.warningCount == 0) {
            return false;
        }
        break;
    case FindingFilter::WithInfos:
        if (entry.infoCount == 0) {
            return false;
        }
        break;
    case FindingFilter::WithoutFindings:
        if (entry.errorCount + entry.warningCount + entry.infoCount > 0) {
            return false;
        }
        break;
    }
    if (!m_needle.isEmpty()) {
        return entry.id.contains(m_needle, Qt::CaseInsensitive) || m_textMatches.contains(entry.id);
    }
    return true;
}

bool DocumentFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_documents == nullptr) {
        return QSortFilterProxyModel::lessThan(left, right);
    }
    const DocumentListModel::Entry &a = m_documents->entry(left.row());
    const DocumentListModel::Entry &b = m_documents->entry(right.row());
    if (!m_roundOrder.isEmpty()) {
        return m_roundOrder.value(a.id) < m_roundOrder.value(b.id);
    }
    switch (left.column()) {
    case DocumentListModel::StatusColumn:
        if (a.status != b.status) {
            return int(a.status) < int(b.status);
        }
        break;
    case DocumentListModel::ErrorsColumn:
        if (a.errorCount != b.errorCount) {
            return a.errorCount < b.errorCount;
        }
        break;
    case DocumentListModel::WarningsColumn:
        if (a.warningCount != b.warningCount) {
            return a.warningCount < b.warningCount;
        }
        break;
    default:
        break;
    }
    // Ties, and the id column, keep batch order; ids compare as text only when asked to.
    if (left.column() == DocumentListModel::IdColumn) {
        return QString::compare(a.id, b.id, Qt::CaseInsensitive) < 0;
    }
    return left.row() < right.row();
}

} // namespace annorev
