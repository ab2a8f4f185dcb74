#pragma once

#include "batchreader.h"
#include "checkreport.h"

#include <functional>
#include <optional>

namespace annorev {

class Checker;
class Document;
class Schema;

// Reads, parses and checks every document of a batch on a pool of threads, and hands the
// results on one at a time in input order, so output is the same whatever the thread count.
class BatchCheck
{
public:
    // Turns one checked document into output bytes; runs on the worker threads.
    using Formatter = std::function<QByteArray(const SourceEntry &, const Document &, const CheckResult &)>;

    struct Unit
    {
        std::optional<InputError> error;  // the unit could not be read (or repeats an id)
        QString id;
        QByteArray output;
        CheckReport::Counts counts;
        bool blank = false;  // a blank JSON Lines line: nothing to report
    };
    using Sink = std::function<void(Unit &&)>;

    BatchCheck(const BatchReader &reader, const Schema &schema, const Checker &checker);
    // jobs <= 0 uses every core. Ids that repeat an earlier document's id are reported as input
    // errors and skipped: every store and export needs ids to be unique.
    void run(int jobs, const Formatter &format, const Sink &sink) const;

private:
    const BatchReader &m_reader;
    const Schema &m_schema;
    const Checker &m_checker;
};

} // namespace annorev
