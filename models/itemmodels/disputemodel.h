#pragma once

#include "adjudication.h"
#include "annotatedtext.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QStringList>

namespace annorev {

class Schema;

// One document's disputed spans among N annotators (Adjudication::disputes) as a table: for each
// dispute, a row per candidate span (its outcome, label, range, text, who chose it, and whether
// the reviewer's version holds it now), then a row of who marked nothing there. Only its owner
// changes it, with setAdjudication().
class DisputeModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DisputeModel)

public:
    enum Roles
    {
        CandidateRole = Qt::UserRole, // index into Adjudication::candidates, -1 on a "no span" row
        DisputeRole,                  // index into Adjudication::disputes
        StartRole,
        EndRole,
        HeldRole // bool: the reviewer's version has the candidate
    };
    enum Columns
    {
        OutcomeColumn,
        LabelColumn,
        TextColumn,
        AnnotatorsColumn, // who chose it: what a narrow dock must show first
        HeldColumn,
        RangeColumn,
        ColumnCount
    };

    explicit DisputeModel(const Schema &schema, QObject *parent = nullptr);
    ~DisputeModel() override;

    // names[i] is annotator i; reviewed is the version the window shows, in the candidates' unit.
    void setAdjudication(Adjudication adjudication, QStringList names, AnnotatedText reviewed);
    void clear();
    const Adjudication &adjudication() const { return m_adjudication; }
    const AnnotatedText &reviewed() const { return m_reviewed; }

    // "accepted", "too few votes", "overlaps", and the "no span" row's "no span".
    static QString outcomeText(Adjudication::Outcome outcome);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        qsizetype dispute = 0;
        qsizetype candidate = -1; // -1: who marked nothing
    };
    QString namesOf(const QList<int> &annotators) const;

    QHash<QString, QColor> m_labelColours;
    Adjudication m_adjudication;
    QStringList m_names;
    AnnotatedText m_reviewed;
    QList<Row> m_rows;
};

} // namespace annorev
