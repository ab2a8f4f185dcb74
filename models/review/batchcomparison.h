#pragma once

#include "agreement.h"
#include "batchreader.h"

#include <QList>
#include <QStringList>

namespace annorev {

class Schema;

// `annorev compare` of two batches of any size, streamed: B's ids are indexed first (each id's
// first unit), then A is read a block at a time on every core, each document with its namesake
// in B, and every pair goes into an Agreement::Tally and is dropped. Memory is B's ids and the
// unmatched spans of the documents that differ, not the batches: reading both whole took 9.5 GB
// at a million documents each. The result and the errors are those of Agreement::compare() over
// AnnotatedBatch::read() of each.
struct BatchComparison
{
    Agreement::Result result;
    QList<InputError> errorsA; // as AnnotatedBatch::read() reports them
    QList<InputError> errorsB;

    static BatchComparison run(const QStringList &inputsA, const QStringList &inputsB, const Schema &schema,
                               OffsetUnit unit);
};

} // namespace annorev
