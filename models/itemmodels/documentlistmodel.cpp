#include "documentlistmodel.h"

#include <QColor>

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

QString countText(int count, const QString &one, const QString &many)
{
    return (count == 1 ? one : many).arg(count);
}

QString toolTipOf(const DocumentListModel::Entry &entry)
{
    const QString head = entry.id + u'\n' + DocumentListModel::statusText(entry.status) + u'\n';
    if (entry.errorCount == 0 && entry.warningCount == 0 && entry.infoCount == 0) {
        return head + DocumentListModel::tr("No findings");
    }
    const QStringList counts{
        countText(entry.errorCount, DocumentListModel::tr("%1 error"), DocumentListModel::tr("%1 errors")),
        countText(entry.warningCount, DocumentListModel::tr("%1 warning"), DocumentListModel::tr("%1 warnings")),
        DocumentListModel::tr("%1 info").arg(entry.infoCount)};
    return head + counts.join(u" · "_s);
}

QString disagreementToolTip(const DocumentListModel::Entry &entry)
{
    if (entry.disagreement < 0) {
        return DocumentListModel::tr("%1: no model suggestions").arg(entry.id);
    }
    return entry.id + u'\n' +
           countText(entry.disagreement,
                     DocumentListModel::tr("%1 difference between the model's suggestions and the spans"),
                     DocumentListModel::tr("%1 differences between the model's suggestions and the spans")) +
           u'\n' +
           DocumentListModel::tr("(suggestions waiting for a decision that no span holds, and spans of a suggested "
                                 "label that no suggestion proposed)");
}

QString verdictText(const Judgement &judgement)
{
    return judgement.verdict == Verdict::Pass ? DocumentListModel::tr("Pass") : DocumentListModel::tr("Fail");
}

QString judgementToolTip(const Judgement &judgement)
{
    const QString when = judgement.at.toUTC().toString(Qt::ISODate); // as `annorev stats` prints it
    const QString text =
        judgement.verdict == Verdict::Pass
            ? DocumentListModel::tr("Passed by %1, %2").arg(judgement.reviewer, when)
            : DocumentListModel::tr("Failed (%1) by %2, %3")
                  .arg(failReasonName(judgement.reason.value_or(FailReason::Other)), judgement.reviewer, when);
    return judgement.note.isEmpty() ? text : text + u'\n' + judgement.note;
}

} // namespace

DocumentListModel::DocumentListModel(QObject *parent) : QAbstractTableModel(parent) {}

DocumentListModel::~DocumentListModel() = default;

QString DocumentListModel::statusText(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::Unreviewed:
        return tr("Unreviewed");
    case ReviewStatus::Approved:
        return tr("Approved");
    case ReviewStatus::Rejected:
        return tr("Rejected");
    case ReviewStatus::NeedsWork:
        return tr("Needs work");
    }
    return {};
}

QColor DocumentListModel::statusColour(ReviewStatus status)
{
    // Mid-tone colours that read on light and dark backgrounds alike.
    switch (status) {
    case ReviewStatus::Unreviewed:
        return QColor(0x9e, 0x9e, 0x9e);
    case ReviewStatus::Approved:
        return QColor(0x2e, 0xa0, 0x43);
    case ReviewStatus::Rejected:
        return QColor(0xd3, 0x3a, 0x2f);
    case ReviewStatus::NeedsWork:
        return QColor(0xe0, 0x9b, 0x1a);
    }
    return {};
}

QColor DocumentListModel::verdictColour(Verdict verdict)
{
    return statusColour(verdict == Verdict::Pass ? ReviewStatus::Approved : ReviewStatus::Rejected);
}

void DocumentListModel::setJudgements(const QList<Judgement> &latest)
{
    if (latest.isEmpty() && m_judgements.isEmpty()) {
        return;
    }
    m_judgements.clear();
    m_judgements.reserve(latest.size());
    for (const Judgement &judgement : latest) {
        m_judgements.insert(judgement.documentId, judgement);
    }
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, JudgementColumn), index(rowCount() - 1, JudgementColumn));
    }
}

void DocumentListModel::count(const DocumentIndexRow &row, int sign)
{
    m_statusCounts.at(std::size_t(row.status)) += sign;
    m_totalErrors += sign * row.errors;
    m_totalWarnings += sign * row.warnings;
    m_withSuggestions += row.disagreement >= 0 ? sign : 0;
}

void DocumentListModel::setEntries(const QList<Entry> &entries)
{
    DocumentRows rows;
    rows.append(entries);
    setRows(std::move(rows));
}

void DocumentListModel::clear()
{
    setEntries({});
}

void DocumentListModel::appendPage(const DocumentIndexPage &page)
{
    if (page.isEmpty()) {
        m_rows.append(page); // its name sets still count for the pages after it
        return;
    }
    const int first = rowCount();
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_rows.append(page);
    for (qsizetype row = first; row < m_rows.size(); ++row) {
        count(m_rows.row(row), +1);
    }
    endInsertRows();
    Q_EMIT countsChanged();
}

void DocumentListModel::setRows(DocumentRows rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_statusCounts = {};
    m_totalErrors = 0;
    m_totalWarnings = 0;
    m_withSuggestions = 0;
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        count(m_rows.row(row), +1);
    }
    endResetModel();
    Q_EMIT countsChanged();
}

void DocumentListModel::updateEntry(int row, const Entry &entry)
{
    Q_ASSERT(row >= 0 && row < rowCount());
    const DocumentIndexRow old = m_rows.row(row);
    if (m_rows.entry(row) == entry) {
        return;
    }
    m_rows.set(row, entry);
    count(old, -1);
    count(m_rows.row(row), +1);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (old.status != entry.status || (old.disagreement >= 0) != (entry.disagreement >= 0)) {
        Q_EMIT countsChanged();
    }
}

int DocumentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DocumentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DocumentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Entry entry = m_rows.entry(index.row());
    if (role == VerdictRole || (index.column() == JudgementColumn && role != IdRole)) {
        const auto judgement = m_judgements.constFind(entry.id);
        if (judgement == m_judgements.cend()) {
            return {};
        }
        switch (role) {
        case Qt::DisplayRole:
            return verdictText(*judgement);
        case Qt::DecorationRole:
            return verdictColour(judgement->verdict);
        case Qt::ToolTipRole:
            return judgementToolTip(*judgement);
        case VerdictRole:
            return int(judgement->verdict);
        }
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return entry.id;
        case StatusColumn:
            return statusText(entry.status);
        case ErrorsColumn:
            return entry.errorCount;
        case WarningsColumn:
            return entry.warningCount;
        case DisagreementColumn:
            return entry.disagreement >= 0 ? QVariant(entry.disagreement) : QVariant();
        }
        return {};
    case Qt::DecorationRole:
        return index.column() == StatusColumn ? QVariant(statusColour(entry.status)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == ErrorsColumn || index.column() == WarningsColumn ||
                       index.column() == DisagreementColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case Qt::ToolTipRole:
        return index.column() == DisagreementColumn ? disagreementToolTip(entry) : toolTipOf(entry);
    case IdRole:
        return entry.id;
    case ErrorCountRole:
        return entry.errorCount;
    case WarningCountRole:
        return entry.warningCount;
    case InfoCountRole:
        return entry.infoCount;
    case StatusRole:
        return int(entry.status);
    case LabelsRole:
        return entry.labels;
    case RulesRole:
        return entry.rules;
    case DisagreementRole:
        return entry.disagreement;
    }
    return {};
}

QVariant DocumentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case IdColumn:
        return tr("Document");
    case StatusColumn:
        return tr("Status");
    case ErrorsColumn:
        return tr("Errors");
    case WarningsColumn:
        return tr("Warnings");
    case DisagreementColumn:
        return tr("Disagreement");
    case JudgementColumn:
        return tr("Check");
    }
    return {};
}

Qt::ItemFlags DocumentListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

} // namespace annorev
