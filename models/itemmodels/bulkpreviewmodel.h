#pragma once

#include "bulkeditrun.h"

#include <QAbstractTableModel>
#include <QList>

namespace annorev {

class Checker;
class Schema;

// The preview of a bulk edit (Tag All Occurrences, Apply This Fix Everywhere): one row per hit,
// with its document, its context (for a fix: what it does and the change to the tagged text, the
// line before above the line after) and its state, and how its document's findings would change.
// A hit that will be made is checkable (in the Document column): unticking it leaves it out of
// the apply and counts the document's findings again without it. Only its owner changes what it
// shows (setPreview()).
class BulkPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkPreviewModel)

public:
    enum Roles
    {
        StateRole = Qt::UserRole, // int(BulkHit::State)
        DocumentIdRole,
        StartRole, // the hit's start in code points
    };
    enum Columns
    {
        DocumentColumn,
        ContextColumn,
        StateColumn,
        FindingsColumn,
        ColumnCount
    };

    // Characters of context shown on each side of a hit.
    static constexpr qsizetype ContextLength = 40;

    // With a checker, unticking a hit counts its document's findings again (the schema and checker
    // must outlive the model).
    BulkPreviewModel(const Schema &schema, const Checker *checker, QObject *parent = nullptr);
    ~BulkPreviewModel() override;

    void setPreview(BulkPreview preview);
    void clear();
    const BulkPreview &preview() const { return m_preview; }
    // Which hits the user left ticked, per document that has an unticked one (BulkSelection).
    BulkSelection selection() const;
    qsizetype checkedCount() const { return m_checked; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    // checkedCount() changed.
    void checkedCountChanged(qsizetype checked);

private:
    struct Row
    {
        int document = 0;
        int hit = 0;
    };
    QString context(const BulkDocument &doc, const BulkHit &hit) const;
    QString findings(int document) const;
    void recount(int document);

    const Schema &m_schema;
    const Checker *m_checker = nullptr;
    BulkPreview m_preview;
    QList<Row> m_rows;
    QList<QList<bool>> m_ticked; // per document, per hit
    QList<int> m_firstRow;       // per document, its first row
    qsizetype m_checked = 0;
};

} // namespace annorev
