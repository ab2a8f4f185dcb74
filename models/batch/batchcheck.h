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
// A large document is parsed, checked and written when its turn comes, one at a time, so that its
// output streams out instead of being held, and two of them never take their peak memory at once.
class BatchCheck
{
public:
    // Turns one checked document into output bytes, handed to write in order; runs on the worker
    // threads, or for a large document while the sink writes its unit.
    using Formatter =
        std::function<void(const SourceEntry &, const Document &, const CheckResult &, const CheckReport::Write &)>;

    struct Unit
    {
        std::optional<InputError> error;  // the unit could not be read (or repeats an id)
        QString id;
        QByteArray output;
        CheckReport::Counts counts;
        bool blank = false;  // a blank JSON Lines line: nothing to report
        // Hands the output to write: output, or a large document's report as it is made.
        void writeOutput(const CheckReport::Write &write) const
        {
            if (m_stream) {
                m_stream(write);
            } else if (!output.isEmpty()) {
                write(output);
            }
        }

    private:
        friend class BatchCheck;
        std::function<void(const CheckReport::Write &)> m_stream;
        size_t m_idHash = 0; // computed on the worker thread, for the table of ids seen
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
