#pragma once

#include "annotatedtext.h"
#include "batchreader.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace annorev {

class Schema;

// A batch read as plain texts and spans, for comparing two annotations of the same documents.
struct AnnotatedBatch
{
    QList<AnnotatedText> documents; // in batch order, ids unique
    // Inputs or units that could not be read and repeated ids (the first document with an id is
    // kept), as `annorev check` reports them.
    QList<InputError> errors;

    // Reads and parses every document on every core; offsets are counted in unit.
    static AnnotatedBatch read(const QStringList &inputs, const Schema &schema, OffsetUnit unit);

    // One unit as read() reads it: a document, an error, or neither for a blank JSON Lines line.
    struct Unit
    {
        std::optional<InputError> error;
        std::optional<AnnotatedText> text;
        QString path;
        int line = 0;
    };
    static Unit readUnit(const BatchReader &reader, qsizetype index, const Schema &schema, OffsetUnit unit);
};

} // namespace annorev
