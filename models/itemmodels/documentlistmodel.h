#pragma once

#include "reviewstatus.h"
#include "spotcheck.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>

#include <array>

namespace annorev {

// The documents of a batch: id, review status and finding counts, one row each. Built for
// batches of hundreds of thousands of documents: a row is a small struct, data() does no
// lookups, and the label and rule sets a filter needs are bit masks.
class DocumentListModel final : public QAbstractTableModel
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
        ReviewStatus status = ReviewStatus::Unreviewed;
        QStringList labels{}; // of its spans, sorted, each once (DocumentFacts::labelNames())
        QStringList rules{};  // of its findings, sorted, each once (DocumentFacts::ruleNames())
        friend bool operator==(const Entry &, const Entry &) = default;
    };

    enum Roles
    {
        ErrorCountRole = Qt::UserRole,
        WarningCountRole,
        InfoCountRole,
        IdRole,
        StatusRole, // int(ReviewStatus)
        LabelsRole, // QStringList: Entry::labels
        RulesRole,  // QStringList: Entry::rules
        VerdictRole // int(Verdict) of the latest judgement in the round shown; null when none
    };
    enum Columns
    {
        IdColumn,
        StatusColumn,
        ErrorsColumn,
        WarningsColumn,
        JudgementColumn, // spot-check mode: the latest judgement in the round
        ColumnCount
    };

    explicit DocumentListModel(QObject *parent = nullptr);
    ~DocumentListModel() override;

    // Status names and colours as the window shows them.
    static QString statusText(ReviewStatus status);
    static QColor statusColour(ReviewStatus status);

    void setEntries(QList<Entry> entries);
    void updateEntry(int row, Entry entry);
    const Entry &entry(int row) const { return m_entries.at(row); }
    const QList<Entry> &entries() const { return m_entries; }
    // The row of a document, or -1.
    int rowOf(const QString &id) const { return m_rowOfId.value(id, -1); }
    // How many documents have each status.
    int count(ReviewStatus status) const { return m_statusCounts.at(std::size_t(status)); }
    // Error and warning findings over all documents (no signal: they change with updateEntry()).
    int totalErrors() const { return m_totalErrors; }
    int totalWarnings() const { return m_totalWarnings; }
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
    // The number of documents with some status changed.
    void countsChanged();

private:
    QHash<QString, Judgement> m_judgements;
    QList<Entry> m_entries;
    QHash<QString, int> m_rowOfId;
    std::array<int, 4> m_statusCounts{};
    int m_totalErrors = 0;
    int m_totalWarnings = 0;
};

} // namespace annorev
