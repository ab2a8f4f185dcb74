#include "recordtablemodel.h"

#include "document.h"
#include "documentanalysis.h"
#include "finding.h"
#include "valueformat.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

constexpr std::array<ValueType, RecordTableModel::ColumnCount> columnTypes{
    ValueType::Model,    ValueType::Params,  ValueType::Hardware, ValueType::GpuCount,
    ValueType::Training, ValueType::Country, ValueType::Year};

QVariant valueOf(ValueType type, const SpanValue &value)
{
    if (!value.parsed) {
        return {};
    }
    switch (type) {
    case ValueType::Params:
    case ValueType::Training:
        return value.number;
    case ValueType::GpuCount:
    case ValueType::Year:
        return qint64(value.number);
    case ValueType::Model:
    case ValueType::Hardware:
    case ValueType::Country:
    case ValueType::Text:
        return value.text;
    }
    return {};
}

// "7.2 billion parameters → 7.2 × 10⁹"; just the text when the value reads the same.
QString describe(const QString &spanText, ValueType type, const SpanValue &value)
{
    const QString text = spanText.simplified();
    const QString normalised = ValueFormat::value(type, value);
    if (normalised.isEmpty() || normalised == text) {
        return text;
    }
    return text + u" → "_s + normalised;
}

} // namespace

RecordTableModel::RecordTableModel(QObject *parent) : QAbstractTableModel(parent) {}

RecordTableModel::~RecordTableModel() = default;

ValueType RecordTableModel::columnType(int column)
{
    return columnTypes.at(column);
}

void RecordTableModel::setDocument(const Document &doc, const DocumentAnalysis &analysis,
                                   const QList<Finding> &findings)
{
    QSet<qsizetype> conflicting;
    for (const Finding &finding : findings) {
        if (finding.rule == u"field-conflict") {
            for (qsizetype span : finding.spans) {
                conflicting.insert(span);
            }
        }
    }

    QList<Row> rows;
    rows.reserve(analysis.records().size());
    for (qsizetype record = 0; record < analysis.records().size(); ++record) {
        Row row;
        for (int column = 0; column < ColumnCount; ++column) {
            const ValueType type = columnTypes[column];
            const QList<qsizetype> spans = analysis.spansOf(record, type);
            if (spans.isEmpty()) {
                continue;
            }
            Cell &cell = row[column];
            cell.spans = spans;
            const qsizetype parsed = analysis.firstParsed(record, type);
            cell.span = parsed >= 0 ? parsed : spans.first();
            const SpanValue &value = analysis.value(cell.span);
            cell.edit = doc.spanText(doc.spans().at(cell.span));
            cell.display = describe(cell.edit, type, value);
            cell.value = valueOf(type, value);

            QStringList lines;
            for (qsizetype span : spans) {
                cell.conflict = cell.conflict || conflicting.contains(span);
                lines << describe(doc.spanText(doc.spans().at(span)), type, analysis.value(span));
            }
            if (cell.conflict) {
                lines.prepend(tr("Conflicting values:"));
            }
            if (!value.parsed) {
                lines << tr("“%1” could not be read as a value.").arg(cell.edit.simplified());
            }
            cell.toolTip = lines.join(u'\n');
        }
        rows.append(std::move(row));
    }

    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void RecordTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Cell &cell = m_rows.at(index.row())[index.column()];
    switch (role) {
    case Qt::DisplayRole:
        return cell.display;
    case Qt::EditRole:
        return cell.edit;
    case Qt::ToolTipRole:
        return cell.toolTip.isEmpty() ? QVariant() : QVariant(cell.toolTip);
    case SpanRole:
        return qint64(cell.span);
    case ValueRole:
        return cell.value;
    case ConflictRole:
        return cell.conflict;
    case FieldRole:
        return index.column();
    }
    return {};
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (orientation == Qt::Vertical) {
        return tr("Record %1").arg(section + 1);
    }
    switch (section) {
    case ModelColumn:
        return tr("Model");
    case ParamsColumn:
        return tr("Params");
    case HardwareColumn:
        return tr("Hardware");
    case GpuCountColumn:
        return tr("GPU count");
    case TrainingColumn:
        return tr("Training");
    case CountryColumn:
        return tr("Country");
    case YearColumn:
        return tr("Year");
    }
    return {};
}

Qt::ItemFlags RecordTableModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    // A cell without a span has no place in the text to write a value to.
    if (m_editor && m_rows.at(index.row())[index.column()].span >= 0) {
        flags |= Qt::ItemIsEditable;
    }
    return flags;
}

bool RecordTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable)) {
        return false;
    }
    const Cell &cell = m_rows.at(index.row())[index.column()];
    const QString text = value.toString();
    if (text == cell.edit) {
        return true;
    }
    // The editor may replace this model's rows before it returns; nothing of cell is used after.
    return m_editor(cell.span, text);
}

void RecordTableModel::setSpanTextEditor(SpanTextEditor editor)
{
    m_editor = std::move(editor);
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {});
    }
}

QModelIndex RecordTableModel::indexOfSpan(qsizetype span) const
{
    if (span < 0) {
        return {};
    }
    for (int row = 0; row < m_rows.size(); ++row) {
        for (int column = 0; column < ColumnCount; ++column) {
            if (m_rows.at(row)[column].spans.contains(span)) {
                return index(row, column);
            }
        }
    }
    return {};
}

} // namespace annorev
