#pragma once

#include <QSortFilterProxyModel>

namespace annorev {

// Leaves review stores and their -wal, -shm and -journal files out of a file dialog's list: they
// are never a document or an export target, and picking one would have it read as a document.
class StoreHidingProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
};

} // namespace annorev
