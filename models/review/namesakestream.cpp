#include "namesakestream.h"

#include "schema.h"

namespace annorev {

NamesakeStream::NamesakeStream(const QList<QStringList> &batches, const Schema &schema)
{
    for (const QStringList &inputs : batches) {
        BatchReader reader = BatchReader::open(inputs, schema);
        QList<InputError> errors = reader.errors();
        m_indexes.append(BatchBlocks::IdIndex::of(reader, &errors));
        m_errors.append(std::move(errors));
        m_readers.push_back(std::move(reader));
    }
    for (qsizetype b = 0; b < m_indexes.size(); ++b) {
        const BatchBlocks::IdIndex &index = m_indexes[b];
        for (qsizetype k = 0; k < index.ids.size(); ++k) {
            bool earlier = false;
            for (qsizetype before = 0; before < b && !earlier; ++before) {
                earlier = m_indexes[before].byId.contains(index.ids[k]);
            }
            if (!earlier) {
                m_order.append({b, k});
            }
        }
    }
}

void NamesakeStream::forgetBlock(qsizetype begin, qsizetype end) const
{
    // The pages of each batch the block read leave memory: all of them behind the block's last
    // unit when the batches are in one order, the whole file's when they are shuffled.
    for (qsizetype b = 0; b < batchCount(); ++b) {
        const BatchReader &reader = m_readers[std::size_t(b)];
        qsizetype first = reader.size();
        qsizetype last = -1;
        for (qsizetype item = begin; item < end; ++item) {
            if (const qsizetype unit = m_indexes[b].unitOf(idAt(item)); unit >= 0) {
                first = std::min(first, unit);
                last = std::max(last, unit);
            }
        }
        reader.forget(first, last + 1);
    }
}

} // namespace annorev
