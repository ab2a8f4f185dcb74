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

} // namespace annorev
