#pragma once

#include "batchreader.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QtConcurrentMap>

#include <algorithm>
#include <numeric>
#include <type_traits>

namespace annorev::BatchBlocks {

// Units read at once on every core: enough to keep the cores busy, few enough to hold.
constexpr qsizetype blockSize = 1024;

// Calls each(results) for count items a block at a time, in order, where results are read(item)
// of the block's items mapped on every core. The next block is read while each() takes the last.
template <typename Read, typename Each> void forEachBlock(qsizetype count, Read read, Each each)
{
    using Result = std::invoke_result_t<Read, qsizetype>;
    const auto start = [count, &read](qsizetype begin) {
        QList<qsizetype> items(std::min(blockSize, count - begin));
        std::iota(items.begin(), items.end(), begin);
        return QtConcurrent::mapped(std::move(items), read);
    };
    QFuture<Result> next = count > 0 ? start(0) : QFuture<Result>();
    for (qsizetype begin = 0; begin < count; begin += blockSize) {
        QList<Result> results = next.results();
        if (begin + blockSize < count) {
            next = start(begin + blockSize);
        }
        each(results);
    }
}

// The same over the units of reader.
template <typename Read, typename Each> void forEachBlock(const BatchReader &reader, Read read, Each each)
{
    forEachBlock(reader.size(), read, each);
}

// Where a document is, for the message about a later one with its id.
std::pair<QString, int> placeOf(const BatchReader &reader, qsizetype unit);

// A batch's documents by id, as AnnotatedBatch::read() would keep them: the first unit with each
// id. Read errors and repeated ids go to errors, as AnnotatedBatch::read() reports them.
struct IdIndex
{
    QStringList ids;                // in the batch's order
    QList<qsizetype> units;         // each id's unit
    QHash<QString, qsizetype> byId; // into ids

    qsizetype unitOf(const QString &id) const
    {
        const qsizetype k = byId.value(id, -1);
        return k >= 0 ? units[k] : -1;
    }

    static IdIndex of(const BatchReader &reader, QList<InputError> *errors);
};

} // namespace annorev::BatchBlocks
