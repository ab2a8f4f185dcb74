#pragma once

#include "documentrows.h"
#include "reviewstatus.h"
#include "spotcheck.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>

#include <array>

namespace annorev {

// The documents of a batch: id, review status and finding counts, one row each. Built for a
// million documents: the rows are a DocumentRows (a few numbers a document, ids in shared
// chunks), which can arrive in pages as the store reads them (appendPage()), and a row's
// entry with its names is made when asked for.
class DocumentListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentListModel)

public:
    using Entry = DocumentRows::Entry;

    enum Roles
    {
        ErrorCountRole = Qt::UserRole,
        WarningCountRole,
        InfoCountRole,
        IdRole,
        StatusRole, // int(ReviewStatus)
        LabelsRole, // QStringList: Entry::labels
        RulesRole,  // QStringList: Entry::rules
        VerdictRole, // int(Verdict) of the latest judgement in the round shown; null when none
        DisagreementRole // int: Entry::disagreement, -1 for a document without suggestions
    };
    enum Columns
    {
        IdColumn,
        StatusColumn,
        ErrorsColumn,
        WarningsColumn,
        DisagreementColumn, // how far the model's suggestions and the spans differ; empty without suggestions
        JudgementColumn,    // spot-check mode: the latest judgement in the round
        ColumnCount
    };

    explicit DocumentListModel(QObject *parent = nullptr);
    ~DocumentListModel() override;

    // Status names and colours as the window shows them.
    static QString statusText(ReviewStatus status);
    static QColor statusColour(ReviewStatus status);

    void setEntries(const QList<Entry> &entries);
    // Starts over with no rows (a reset), for the pages of a read of the store to follow.
    void clear();
    // Adds the next page of a read of the store at the end (rows inserted).
    void appendPage(const DocumentIndexPage &page);
    // Every row replaced by these (DocumentRowsReader reads them off the window's thread): one
    // reset rather than a removal and insertions, so that a view keeps nothing of rows that are gone.
    void setRows(DocumentRows rows);
    void updateEntry(int row, const Entry &entry);
    Entry entry(int row) const { return m_rows.entry(row); }
    QString id(int row) const { return m_rows.id(row); }
    ReviewStatus status(int row) const { return m_rows.row(row).status; }
    const DocumentRows &rows() const { return m_rows; }
    // The row of a document, or -1.
    int rowOf(const QString &id) const { return int(m_rows.find(QStringView(id))); }
    // How many documents have each status.
    int count(ReviewStatus status) const { return m_statusCounts.at(std::size_t(status)); }
    // Error and warning findings over all documents (no signal: they change with updateEntry()).
    int totalErrors() const { return m_totalErrors; }
    int totalWarnings() const { return m_totalWarnings; }
    // How many documents have model suggestions (a disagreement to show); countsChanged() follows
    // a change.
    int documentsWithSuggestions() const { return m_withSuggestions; }
    // The latest judgement of each judged document in the spot-check round being shown, as
    // latestJudgements() (spotcheck.h) picks them; none: no round. The judgement column shows them.
    void setJudgements(const QList<Judgement> &latest);
    static QColor verdictColour(Verdict verdict);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    // The number of documents with some status, or with suggestions, changed.
    void countsChanged();

private:
    void count(const DocumentIndexRow &row, int sign);

    QHash<QString, Judgement> m_judgements;
    DocumentRows m_rows;
    std::array<int, 4> m_statusCounts{};
    int m_totalErrors = 0;
    int m_totalWarnings = 0;
    int m_withSuggestions = 0;
};

} // namespace annorev
