#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace annorev {

// The documents of a batch and how many findings of each severity they have. Built for batches
// of hundreds of thousands of documents: a row is a small struct and data() does no lookups.
class DocumentListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentListModel)

public:
    struct Entry
    {
        QString id;
        int errorCount = 0;
        int warningCount = 0;
        int infoCount = 0;
        friend bool operator==(const Entry &, const Entry &) = default;
    };

    enum Roles { ErrorCountRole = Qt::UserRole, WarningCountRole, InfoCountRole, IdRole };

    explicit DocumentListModel(QObject *parent = nullptr);
    ~DocumentListModel() override;

    void setEntries(QList<Entry> entries);
    void updateEntry(int row, Entry entry);
    const Entry &entry(int row) const { return m_entries.at(row); }
    const QList<Entry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QList<Entry> m_entries;
};

} // namespace annorev
