#pragma once

#include "reviewstatus.h"

#include <QHash>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

#include <optional>

namespace annorev {

class DocumentListModel;

// The document list as the reviewer narrows it: by status, by a label its spans have, by a rule
// its findings come from, by severity, and by a search that matches ids and, through the
// matches the store found, plain texts. Every filter is a cheap test on a row's entry, so a
// change refilters 100,000 documents at once.
class DocumentFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentFilterProxyModel)

public:
    enum class FindingFilter
    {
        Any,
        WithErrors,
        WithWarnings,
        WithInfos,
        WithoutFindings
    };

    explicit DocumentFilterProxyModel(QObject *parent = nullptr);
    ~DocumentFilterProxyModel() override;

    void setDocumentModel(DocumentListModel *model);

    void setStatusFilter(std::optional<ReviewStatus> status);
    // Rows with a span of the label / a finding of the rule pass; an empty name passes any.
    void setLabelFilter(const QString &label);
    void setRuleFilter(const QString &rule);
    void setFindingFilter(FindingFilter filter);
    // Rows whose id contains needle (in any case) or whose id is among textMatches pass; an
    // empty needle passes every row.
    void setSearch(const QString &needle, const QSet<QString> &textMatches = {});
    // Only these documents, in this order whatever column is sorted (a spot-check round); an
    // empty list lifts it.
    void setRoundOrder(const QStringList &ids);
    bool hasRoundOrder() const { return !m_roundOrder.isEmpty(); }

    bool isFiltering() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    DocumentListModel *m_documents = nullptr;
    std::optional<ReviewStatus> m_status;
    QString m_label;
    QString m_rule;
    FindingFilter m_findings = FindingFilter::Any;
    QString m_needle;
    QSet<QString> m_textMatches;
    QHash<QString, int> m_roundOrder;
};

} // namespace annorev
