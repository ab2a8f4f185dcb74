#include "spancomparisonmodel.h"

#include "labelcolour.h"
#include "schema.h"

using namespace Qt::StringLiterals;

namespace annorev {

SpanComparisonModel::SpanComparisonModel(const Schema &schema, QObject *parent)
    : QAbstractTableModel(parent), m_labelColours(labelColours(schema))
{
}

SpanComparisonModel::~SpanComparisonModel() = default;

void SpanComparisonModel::setComparison(SpanComparison comparison)
{
    beginResetModel();
    m_comparison = std::move(comparison);
    endResetModel();
}

QString SpanComparisonModel::sideText(SpanComparison::Side side)
{
    switch (side) {
    case SpanComparison::Side::OnlyA:
        return tr("only A");
    case SpanComparison::Side::OnlyB:
        return tr("only B");
    case SpanComparison::Side::Both:
        return tr("both");
    }
    return {};
}

QColor SpanComparisonModel::sideColour(SpanComparison::Side side)
{
    // Mid-tones that keep 3:1 against light and dark bases, and hues of their own: the findings'
    // underlines are blue, orange and red, and a comparison mark must not read as a finding.
    switch (side) {
    case SpanComparison::Side::OnlyA:
        return QColor(0xe0, 0x40, 0xa0);
    case SpanComparison::Side::OnlyB:
        return QColor(0x00, 0x9a, 0x88);
    case SpanComparison::Side::Both:
        return QColor(0x88, 0x88, 0x88);
    }
    return {};
}

int SpanComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_comparison.rows.size());
}

int SpanComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SpanComparisonModel::sideDescription(int row) const
{
    const SpanComparison::Row &entry = m_comparison.rows[row];
    if (entry.partner < 0) {
        return sideText(entry.side);
    }
    const SpanComparison::Row &partner = m_comparison.rows[entry.partner];
    return tr("%1: the boundary differs from %2's %3 span at %4–%5")
        .arg(sideText(entry.side), entry.side == SpanComparison::Side::OnlyA ? u"B"_s : u"A"_s, partner.label)
        .arg(partner.start)
        .arg(partner.end);
}

QVariant SpanComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const SpanComparison::Row &row = m_comparison.rows[index.row()];
    switch (role) {
    case SideRole:
        return int(row.side);
    case StartRole:
        return qint64(row.start);
    case EndRole:
        return qint64(row.end);
    case PartnerRole:
        return qint64(row.partner);
    case Qt::ToolTipRole:
        if (index.column() == SideColumn) {
            return sideDescription(index.row());
        }
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case SideColumn:
            return row.partner < 0 ? sideText(row.side) : tr("%1 (boundary)").arg(sideText(row.side));
        case LabelColumn:
            return row.label;
        case RangeColumn:
            return u"%1–%2"_s.arg(row.start).arg(row.end);
        case TextColumn:
            return row.text;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == SideColumn) {
            return sideColour(row.side);
        }
        if (index.column() == LabelColumn) {
            return m_labelColours.value(row.label, QColor(Qt::gray));
        }
        break;
    case Qt::AccessibleTextRole:
        if (index.column() == SideColumn) {
            return sideDescription(index.row());
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant SpanComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case SideColumn:
        return tr("In");
    case LabelColumn:
        return tr("Label");
    case RangeColumn:
        return tr("Range");
    case TextColumn:
        return tr("Text");
    }
    return {};
}

} // namespace annorev
