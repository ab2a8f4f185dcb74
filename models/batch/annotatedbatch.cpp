#include "annotatedbatch.h"

#include "document.h"
#include "seenids.h"
#include "seenids.h"

#include <QtConcurrent>

#include <numeric>

namespace annorev {

AnnotatedBatch::Unit AnnotatedBatch::readUnit(const BatchReader &reader, qsizetype index, const Schema &schema,
                                              OffsetUnit unit)
{
    ReadResult read = reader.read(index, BatchReader::Keep::Text);
    Unit result;
    if (auto *error = std::get_if<InputError>(&read)) {
        result.error = std::move(*error);
    } else if (const auto *entry = std::get_if<SourceEntry>(&read)) {
        result.text = AnnotatedText::fromDocument(entry->id, Document::parse(entry->source, schema), unit);
        result.path = entry->path;
        result.line = entry->line;
    }
    return result;
}

AnnotatedBatch AnnotatedBatch::read(const QStringList &inputs, const Schema &schema, OffsetUnit unit)
{
    const BatchReader reader = BatchReader::open(inputs, schema);
    AnnotatedBatch batch;
    batch.errors = reader.errors();
    QList<qsizetype> units(reader.size());
    std::iota(units.begin(), units.end(), qsizetype(0));
    const QList<Unit> reads = QtConcurrent::blockingMapped<QList<Unit>>(
        units, [&reader, &schema, unit](qsizetype index) { return readUnit(reader, index, schema, unit); });
    SeenIds seen;
    for (const Unit &read : reads) {
        if (read.error) {
            batch.errors.append(*read.error);
            continue;
        }
        if (!read.text) {
            continue; // a blank JSON Lines line
        }
        if (auto duplicate = seen.add(read.text->id, SeenIds::hash(read.text->id), read.path, read.line)) {
            batch.errors.append(*std::move(duplicate));
            continue;
        }
        batch.documents.append(*read.text);
    }
    return batch;
}

} // namespace annorev
