#include "documentrows.h"

#include <algorithm>

namespace annorev {

namespace {

std::size_t hashOf(QByteArrayView id)
{
    return qHash(id, 0);
}

qint32 clamped(int count)
{
    return qint32(std::max(count, 0));
}

} // namespace

void DocumentRows::append(const DocumentIndexPage &page)
{
    if (page.startsRead) {
        m_readLabelSets.clear();
        m_readRuleSets.clear();
    }
    // The read's set numbers, as this list numbers the same sets.
    for (qsizetype i = 0; i < page.newLabelSets.size(); ++i) {
        m_readLabelSets.resize(std::max<std::size_t>(m_readLabelSets.size(), page.firstNewLabelSet + i + 1));
        m_readLabelSets[page.firstNewLabelSet + i] = m_labelSets.numberOf(page.newLabelSets.at(i));
    }
    for (qsizetype i = 0; i < page.newRuleSets.size(); ++i) {
        m_readRuleSets.resize(std::max<std::size_t>(m_readRuleSets.size(), page.firstNewRuleSet + i + 1));
        m_readRuleSets[page.firstNewRuleSet + i] = m_ruleSets.numberOf(page.newRuleSets.at(i));
    }
    if (page.isEmpty()) {
        return;
    }
    const qsizetype first = size();
    m_chunkStarts.push_back(first);
    m_chunks.push_back(std::make_shared<const Chunk>(Chunk{page.ids, page.idEnds}));
    m_rows.reserve(m_rows.size() + page.rows.size());
    for (DocumentIndexRow row : page.rows) {
        row.labelSet = m_readLabelSets.at(row.labelSet);
        row.ruleSet = m_readRuleSets.at(row.ruleSet);
        m_rows.push_back(row);
    }
    grow();
    for (qsizetype row = first; row < size(); ++row) {
        addToTable(row);
    }
}

void DocumentRows::append(const QList<Entry> &entries)
{
    DocumentIndexPage page;
    page.rows.reserve(entries.size());
    page.idEnds.reserve(entries.size());
    NameSets labelSets;
    NameSets ruleSets;
    for (const Entry &entry : entries) {
        page.ids += entry.id.toUtf8();
        page.idEnds.push_back(quint32(page.ids.size()));
        page.rows.push_back({clamped(entry.errorCount), clamped(entry.warningCount), clamped(entry.infoCount),
                             labelSets.numberOf(entry.labels, &page.newLabelSets),
                             ruleSets.numberOf(entry.rules, &page.newRuleSets), entry.status,
                             qint32(std::max(entry.disagreement, -1))});
    }
    page.startsRead = true; // a read of its own
    append(page);
}

void DocumentRows::clear()
{
    *this = DocumentRows();
}

QByteArrayView DocumentRows::idBytes(qsizetype row) const
{
    const auto after = std::upper_bound(m_chunkStarts.cbegin(), m_chunkStarts.cend(), row);
    const std::size_t chunk = std::size_t(after - m_chunkStarts.cbegin()) - 1;
    const Chunk &ids = *m_chunks[chunk];
    const std::size_t at = std::size_t(row - m_chunkStarts[chunk]);
    const quint32 begin = at == 0 ? 0 : ids.ends[at - 1];
    return QByteArrayView(ids.ids).sliced(begin, ids.ends[at] - begin);
}

DocumentRows::Entry DocumentRows::entry(qsizetype row) const
{
    const DocumentIndexRow &numbers = m_rows[std::size_t(row)];
    return {id(row),    numbers.errors, numbers.warnings, numbers.infos,
            numbers.status, labels(row),  rules(row),       numbers.disagreement};
}

void DocumentRows::set(qsizetype row, const Entry &entry)
{
    Q_ASSERT(entry.id == id(row));
    DocumentIndexRow &numbers = m_rows[std::size_t(row)];
    numbers = {clamped(entry.errorCount),
               clamped(entry.warningCount),
               clamped(entry.infoCount),
               m_labelSets.numberOf(entry.labels),
               m_ruleSets.numberOf(entry.rules),
               entry.status,
               qint32(std::max(entry.disagreement, -1)),
               numbers.key};
}

qsizetype DocumentRows::find(QStringView id) const
{
    return find(QByteArrayView(id.toUtf8()));
}

qsizetype DocumentRows::find(QByteArrayView utf8Id) const
{
    if (m_table.empty()) {
        return -1;
    }
    const std::size_t mask = m_table.size() - 1;
    for (std::size_t slot = hashOf(utf8Id) & mask;; slot = (slot + 1) & mask) {
        const quint32 entry = m_table[slot];
        if (entry == 0) {
            return -1;
        }
        if (idBytes(entry - 1) == utf8Id) {
            return entry - 1;
        }
    }
}

void DocumentRows::addToTable(qsizetype row)
{
    const QByteArrayView id = idBytes(row);
    const std::size_t mask = m_table.size() - 1;
    for (std::size_t slot = hashOf(id) & mask;; slot = (slot + 1) & mask) {
        if (m_table[slot] == 0) {
            m_table[slot] = quint32(row + 1);
            return;
        }
    }
}

void DocumentRows::grow()
{
    std::size_t wanted = 16;
    while (wanted < 2 * m_rows.size()) {
        wanted *= 2;
    }
    if (wanted <= m_table.size()) {
        return;
    }
    // Rows already in the table go in again; the caller adds the new ones.
    const qsizetype kept = std::count_if(m_table.cbegin(), m_table.cend(), [](quint32 entry) { return entry != 0; });
    m_table.assign(wanted, 0);
    for (qsizetype row = 0; row < kept; ++row) {
        addToTable(row);
    }
}

} // namespace annorev
