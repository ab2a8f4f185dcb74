#pragma once

#include "finding.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>
#include <QString>

namespace annorev {

class Document;

// The findings of one document, one row each, in the order the checker gives them.
class FindingListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingListModel)

public:
    // SeverityRole is int(Severity): higher is more severe, so it sorts as it should.
    enum Roles
    {
        SeverityRole = Qt::UserRole,
        RuleRole,
        StartRole,
        EndRole,
        HasFixRole
    };
    enum Columns
    {
        SeverityColumn,
        RuleColumn,
        TextColumn,
        MessageColumn,
        ColumnCount
    };

    // The Text column shows at most this many characters of what a finding covers.
    static constexpr qsizetype MaxExcerptLength = 80;

    explicit FindingListModel(QObject *parent = nullptr);
    ~FindingListModel() override;

    // Shown beside the severity's name, indexed by Severity (info, warning, error).
    void setSeverityIcons(const QList<QIcon> &icons);
    void setFindings(const Document &doc, QList<Finding> findings);
    void clear();
    const Finding &finding(int row) const { return m_rows.at(row).finding; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Row
    {
        Finding finding;
        QString excerpt;
    };
    QList<Row> m_rows;
    QList<QIcon> m_severityIcons;
};

} // namespace annorev
