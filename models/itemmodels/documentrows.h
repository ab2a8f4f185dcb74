#pragma once

#include "documentindexpage.h"
#include "namesets.h"
#include "reviewstatus.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace annorev {

// The document list's data, kept compact for a million documents: ids as UTF-8 in chunks that
// never change once added (so that a copy shares them), a small row of numbers per document
// (DocumentIndexRow), the label and rule name sets the rows refer to, and an open-addressing
// table from id to row. A copy is a snapshot a sort or filter can work on in another thread
// while this one changes: it copies the rows and the id table, and shares the chunks.
class DocumentRows
{
public:
    // A row with its names: what callers give and get; the rows keep numbers.
    struct Entry
    {
        QString id;
        int errorCount = 0;
        int warningCount = 0;
        int infoCount = 0;
        ReviewStatus status = ReviewStatus::Unreviewed;
        QStringList labels{}; // of its spans, sorted, each once (DocumentFacts::labelNames())
        QStringList rules{};  // of its findings, sorted, each once (DocumentFacts::ruleNames())
        int disagreement = -1; // with its model suggestions (DocumentIndexRow::disagreement)
        friend bool operator==(const Entry &, const Entry &) = default;
    };

    qsizetype size() const { return qsizetype(m_rows.size()); }
    bool isEmpty() const { return m_rows.empty(); }

    // Adds a page read from the store at the end; its name sets continue those of the pages
    // of the same read added before it (DocumentIndexPage::startsRead).
    void append(const DocumentIndexPage &page);
    // Adds entries at the end.
    void append(const QList<Entry> &entries);
    void clear();

    QByteArrayView idBytes(qsizetype row) const;
    QString id(qsizetype row) const { return QString::fromUtf8(idBytes(row)); }
    const DocumentIndexRow &row(qsizetype row) const { return m_rows[std::size_t(row)]; }
    const QStringList &labels(qsizetype row) const { return m_labelSets.at(m_rows[std::size_t(row)].labelSet); }
    const QStringList &rules(qsizetype row) const { return m_ruleSets.at(m_rows[std::size_t(row)].ruleSet); }
    Entry entry(qsizetype row) const;
    // Changes a row to entry (whose id must be the row's).
    void set(qsizetype row, const Entry &entry);
    // The row of a document, or -1.
    qsizetype find(QStringView id) const;
    qsizetype find(QByteArrayView utf8Id) const;

    // The name sets, by number, and which of them hold a name: what a filter tests rows with.
    const QList<QStringList> &labelSets() const { return m_labelSets.sets(); }
    const QList<QStringList> &ruleSets() const { return m_ruleSets.sets(); }

private:
    struct Chunk
    {
        QByteArray ids;
        std::vector<quint32> ends;
    };
    void addToTable(qsizetype row);
    void grow();

    std::vector<std::shared_ptr<const Chunk>> m_chunks;
    std::vector<qsizetype> m_chunkStarts; // the first row of each chunk
    std::vector<DocumentIndexRow> m_rows;
    NameSets m_labelSets{QStringList()};
    NameSets m_ruleSets{QStringList()};
    // The numbers the read being appended gave its sets, and those they have here.
    std::vector<quint32> m_readLabelSets;
    std::vector<quint32> m_readRuleSets;
    // Row + 1 by the hash of its id, 0 for a free slot; a power of two, at most half full.
    std::vector<quint32> m_table;
};

} // namespace annorev
