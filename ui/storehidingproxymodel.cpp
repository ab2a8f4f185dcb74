#include "storehidingproxymodel.h"

#include "reviewstore.h"

#include <QFileSystemModel>

namespace annorev {

bool StoreHidingProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return !ReviewStore::isStoreFileName(index.data(QFileSystemModel::FileNameRole).toString());
}

} // namespace annorev
