#pragma once

#include "batchblocks.h"
#include "batchreader.h"

#include <QList>
#include <QStringList>

#include <optional>
#include <vector>

namespace annorev {

class Schema;

// The documents of several batches matched by id, streamed like BatchComparison: every batch's
// ids are indexed first (each id's first unit; read errors and repeated ids are reported as
// AnnotatedBatch::read() reports them), then the ids are taken a block at a time on every core,
// the first batch's in its order, then the second's that the first lacks, and so on. For each id,
// measure(id, versions) reads on a worker, versions[b] being batch b's document with that id or
// nothing; each(result) then takes the results one at a time in that order. Memory is the ids and
// a block of documents, not the batches.
class NamesakeStream
{
public:
    NamesakeStream(const QList<QStringList> &batches, const Schema &schema);

    qsizetype batchCount() const { return qsizetype(m_readers.size()); }
    const QList<InputError> &errors(qsizetype batch) const { return m_errors[batch]; }
    qsizetype idCount() const { return m_order.size(); }

    template <typename Measure, typename Each> void forEach(Measure measure, Each each) const
    {
        const auto read = [this, &measure](qsizetype item) {
            const QString &id = idAt(item);
            QList<std::optional<SourceEntry>> versions(batchCount());
            for (qsizetype b = 0; b < batchCount(); ++b) {
                if (const qsizetype unit = m_indexes[b].unitOf(id); unit >= 0) {
                    ReadResult result = m_readers[std::size_t(b)].read(unit, BatchReader::Keep::Text);
                    if (auto *entry = std::get_if<SourceEntry>(&result)) {
                        versions[b] = std::move(*entry);
                    }
                }
            }
            return measure(id, versions);
        };
        BatchBlocks::forEachBlock(m_order.size(), read, [&each](auto &results) {
            for (auto &result : results) {
                each(result);
            }
        });
    }

private:
    const QString &idAt(qsizetype item) const
    {
        const auto [batch, k] = m_order[item];
        return m_indexes[batch].ids[k];
    }

    std::vector<BatchReader> m_readers; // not copyable: no QList
    QList<QList<InputError>> m_errors;
    QList<BatchBlocks::IdIndex> m_indexes;
    QList<std::pair<qsizetype, qsizetype>> m_order; // each id once: its first batch, its index there
};

} // namespace annorev
