#include "disputemodel.h"

#include "labelcolour.h"
#include "schema.h"

using namespace Qt::StringLiterals;

namespace annorev {

DisputeModel::DisputeModel(const Schema &schema, QObject *parent)
    : QAbstractTableModel(parent), m_labelColours(labelColours(schema))
{
}

DisputeModel::~DisputeModel() = default;

void DisputeModel::setAdjudication(Adjudication adjudication, QStringList names, AnnotatedText reviewed)
{
    beginResetModel();
    m_adjudication = std::move(adjudication);
    m_names = std::move(names);
    m_reviewed = std::move(reviewed);
    m_rows.clear();
    for (qsizetype d = 0; d < m_adjudication.disputes.size(); ++d) {
        const Adjudication::Dispute &dispute = m_adjudication.disputes.at(d);
        for (const qsizetype candidate : dispute.candidates) {
            m_rows.append({d, candidate});
        }
        if (!dispute.noSpan.isEmpty()) {
            m_rows.append({d, -1});
        }
    }
    endResetModel();
}

void DisputeModel::clear()
{
    setAdjudication({}, {}, {});
}

QString DisputeModel::outcomeText(Adjudication::Outcome outcome)
{
    switch (outcome) {
    case Adjudication::Outcome::Accepted:
        return tr("accepted");
    case Adjudication::Outcome::TooFewVotes:
        return tr("too few votes");
    case Adjudication::Outcome::Overlaps:
        return tr("overlaps");
    }
    return {};
}

QString DisputeModel::namesOf(const QList<int> &annotators) const
{
    QStringList names;
    for (const int annotator : annotators) {
        names.append(m_names.value(annotator, QString::number(annotator + 1)));
    }
    return names.join(u", "_s);
}

int DisputeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DisputeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DisputeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const Adjudication::Dispute &dispute = m_adjudication.disputes.at(row.dispute);
    const Adjudication::Candidate *candidate =
        row.candidate >= 0 ? &m_adjudication.candidates.at(row.candidate) : nullptr;
    const qsizetype start = candidate ? candidate->start : dispute.start;
    const qsizetype end = candidate ? candidate->end : dispute.end;
    const bool held = candidate && m_adjudication.holds(m_reviewed, row.candidate);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case OutcomeColumn:
            return candidate ? outcomeText(candidate->outcome) : tr("no span");
        case LabelColumn:
            return candidate ? candidate->label : QString();
        case RangeColumn:
            return candidate ? u"%1–%2"_s.arg(start).arg(end) : QString();
        case TextColumn:
            return candidate ? candidate->text : QString();
        case AnnotatorsColumn:
            return candidate ? namesOf(candidate->annotators) : namesOf(dispute.noSpan);
        case HeldColumn:
            return held ? tr("yes") : QString();
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (candidate && index.column() == LabelColumn) {
            return m_labelColours.value(candidate->label);
        }
        return {};
    case Qt::ToolTipRole:
        if (candidate) {
            return tr("%1 %2 at %3–%4, marked by %5 of %6 annotators: %7")
                .arg(outcomeText(candidate->outcome), candidate->label)
                .arg(start)
                .arg(end)
                .arg(candidate->annotators.size())
                .arg(m_adjudication.present.size())
                .arg(namesOf(candidate->annotators));
        }
        return tr("Marked nothing at %1–%2: %3").arg(start).arg(end).arg(namesOf(dispute.noSpan));
    case CandidateRole:
        return qlonglong(row.candidate);
    case DisputeRole:
        return qlonglong(row.dispute);
    case StartRole:
        return qlonglong(start);
    case EndRole:
        return qlonglong(end);
    case HeldRole:
        return held;
    default:
        return {};
    }
}

QVariant DisputeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case OutcomeColumn:
        return tr("Outcome");
    case LabelColumn:
        return tr("Label");
    case RangeColumn:
        return tr("Range");
    case TextColumn:
        return tr("Text");
    case AnnotatorsColumn:
        return tr("Chosen by");
    case HeldColumn:
        return tr("In document");
    default:
        return {};
    }
}

} // namespace annorev
