#include "documentlistmodel.h"

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

QString countText(int count, const QString &one, const QString &many)
{
    return (count == 1 ? one : many).arg(count);
}

QString toolTipOf(const DocumentListModel::Entry &entry)
{
    if (entry.errorCount == 0 && entry.warningCount == 0 && entry.infoCount == 0) {
        return entry.id + u'\n' + DocumentListModel::tr("No findings");
    }
    const QStringList counts{
        countText(entry.errorCount, DocumentListModel::tr("%1 error"), DocumentListModel::tr("%1 errors")),
        countText(entry.warningCount, DocumentListModel::tr("%1 warning"), DocumentListModel::tr("%1 warnings")),
        DocumentListModel::tr("%1 info").arg(entry.infoCount)};
    return entry.id + u'\n' + counts.join(u" · "_s);
}

} // namespace

DocumentListModel::DocumentListModel(QObject *parent) : QAbstractListModel(parent) {}

DocumentListModel::~DocumentListModel() = default;

void DocumentListModel::setEntries(QList<Entry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

void DocumentListModel::updateEntry(int row, Entry entry)
{
    Q_ASSERT(row >= 0 && row < m_entries.size());
    if (m_entries[row] == entry) {
        return;
    }
    m_entries[row] = std::move(entry);
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed);
}

int DocumentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant DocumentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case IdRole:
        return entry.id;
    case Qt::ToolTipRole:
        return toolTipOf(entry);
    case ErrorCountRole:
        return entry.errorCount;
    case WarningCountRole:
        return entry.warningCount;
    case InfoCountRole:
        return entry.infoCount;
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
