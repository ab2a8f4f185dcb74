#pragma once

#include "schema.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QVariant>

#include <array>
#include <functional>

namespace annorev {

class Document;
class DocumentAnalysis;
struct Finding;

// The records of one document: one row per record, one column per kind of value. A cell shows
// the first span of its kind that parsed (or the first span when none did) and its value.
class RecordTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordTableModel)

public:
    // SpanRole: the index into Document::spans() of the span a cell shows, or -1.
    // ValueRole: the normalised value (double for params and training hours, qint64 for GPU
    // counts and years, QString for names), invalid when there is none.
    // ConflictRole: another span of the cell's kind in the record has a different value.
    // FieldRole: the cell's column (a Columns value), which views that rearrange cells need.
    enum Roles
    {
        SpanRole = Qt::UserRole,
        ValueRole,
        ConflictRole,
        FieldRole
    };
    enum Columns
    {
        ModelColumn,
        ParamsColumn,
        HardwareColumn,
        GpuCountColumn,
        TrainingColumn,
        CountryColumn,
        YearColumn,
        ColumnCount
    };

    // Rewrites a span's text; the model calls it for an edited cell and shows the result once the
    // document it is given next has the change.
    using SpanTextEditor = std::function<bool(qsizetype span, const QString &text)>;

    explicit RecordTableModel(QObject *parent = nullptr);
    ~RecordTableModel() override;

    // Cells with a span become editable once there is an editor.
    void setSpanTextEditor(SpanTextEditor editor);
    // The cell that shows the span, or the cell of its record and kind when it is not the one
    // shown; invalid when the span is in no record.
    QModelIndex indexOfSpan(qsizetype span) const;

    static ValueType columnType(int column);

    void setDocument(const Document &doc, const DocumentAnalysis &analysis, const QList<Finding> &findings);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    struct Cell
    {
        QString display;
        QString edit;
        QString toolTip;
        QVariant value;
        qsizetype span = -1;
        bool conflict = false;
        QList<qsizetype> spans; // every span of the cell's kind in the record
    };
    using Row = std::array<Cell, ColumnCount>;
    QList<Row> m_rows;
    SpanTextEditor m_editor;
};

} // namespace annorev
