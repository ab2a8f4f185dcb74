#pragma once

#include "schema.h"

#include <QString>

#include <span>

namespace annorev {

class DocumentAnalysis;

// One column of a record as `check --format jsonl` and the record exports write it.
struct RecordField
{
    const char *key;
    ValueType type;

    // The columns in their output order: model, params, hardware, gpu_count, training_hours,
    // country, year.
    static std::span<const RecordField> all();

    // A record's value for this field: the first span of the type whose value parsed. Names
    // (model, hardware, country) are text, the others numbers; absent is null.
    struct Value
    {
        enum class Kind { Null, Text, Number };
        Kind kind = Kind::Null;
        QString text;
        double number = 0;
    };
    Value value(const DocumentAnalysis &analysis, qsizetype record) const;
};

} // namespace annorev
