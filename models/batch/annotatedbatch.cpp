#include "annotatedbatch.h"

#include "document.h"

#include <QHash>
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

InputError AnnotatedBatch::duplicate(const QString &id, const QString &path, int line, const QString &firstPath,
                                     int firstLine)
{
    const QString where = firstLine > 0 ? QStringLiteral("line %1").arg(firstLine) : firstPath;
    return InputError{path, line, QStringLiteral("duplicate id \"%1\" (first at %2): skipped").arg(id, where)};
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
    QHash<QString, const Unit *> first;
    for (const Unit &read : reads) {
        if (read.error) {
            batch.errors.append(*read.error);
            continue;
        }
        if (!read.text) {
            continue; // a blank JSON Lines line
        }
        if (const Unit *earlier = first.value(read.text->id)) {
            batch.errors.append(duplicate(read.text->id, read.path, read.line, earlier->path, earlier->line));
            continue;
        }
        first.insert(read.text->id, &read);
        batch.documents.append(*read.text);
    }
    return batch;
}

} // namespace annorev
