#pragma once

#include "spancomparison.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>

namespace annorev {

class Schema;

// The rows of a SpanComparison as a table: which side has the span, its label (with the label's
// colour), its range and its text. Only its owner changes it, with setComparison().
class SpanComparisonModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpanComparisonModel)

public:
    enum Roles
    {
        SideRole = Qt::UserRole, // int(SpanComparison::Side)
        StartRole,
        EndRole,
        PartnerRole // the row of the span whose boundary differs, or -1
    };
    enum Columns
    {
        SideColumn,
        LabelColumn,
        RangeColumn,
        TextColumn,
        ColumnCount
    };

    explicit SpanComparisonModel(const Schema &schema, QObject *parent = nullptr);
    ~SpanComparisonModel() override;

    void setComparison(SpanComparison comparison);
    const SpanComparison &comparison() const { return m_comparison; }

    // "only A", "only B", "both"; and a colour for each that reads on light and dark backgrounds.
    static QString sideText(SpanComparison::Side side);
    static QColor sideColour(SpanComparison::Side side);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString sideDescription(int row) const;

    QHash<QString, QColor> m_labelColours;
    SpanComparison m_comparison;
};

} // namespace annorev
