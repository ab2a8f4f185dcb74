#include "batchcheck.h"

#include "checker.h"
#include "document.h"
#include "schema.h"
#include "seenids.h"

#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

namespace annorev {

namespace {

struct Chunk
{
    qsizetype begin = 0;
    qsizetype end = 0;
};

struct CheckedChunk
{
    Chunk chunk;
    // Delivery moves each unit out and lets go of each large document as soon as it is written,
    // though the chunk reaches it as const: a copy would change the reference counts of the
    // unit's strings, made on another core, for nothing.
    mutable QList<BatchCheck::Unit> units;
    QList<int> lines;
    QStringList paths;
    // Per unit: a large document read but not yet checked (see BatchCheck).
    mutable QList<std::optional<SourceEntry>> pending;
};

// A document this large is checked when its turn comes (the JSON parsers keep their buffers up
// to the same size).
constexpr qsizetype largeDocumentBytes = 16 * 1024 * 1024;

} // namespace

BatchCheck::BatchCheck(const BatchReader &reader, const Schema &schema, const Checker &checker)
    : m_reader(reader)
    , m_schema(schema)
    , m_checker(checker)
{
}

void BatchCheck::run(int jobs, const Formatter &format, const Sink &sink) const
{
    constexpr qsizetype chunkSize = 128;
    QList<Chunk> chunks;
    for (qsizetype begin = 0; begin < m_reader.size(); begin += chunkSize) {
        chunks.append(Chunk{begin, std::min(m_reader.size(), begin + chunkSize)});
    }

    auto checkChunk = [this, &format](const Chunk &chunk) {
        CheckedChunk checked{chunk, {}, {}, {}, {}};
        for (qsizetype unit = chunk.begin; unit < chunk.end; ++unit) {
            Unit out;
            int line = 0;
            QString path;
            std::optional<SourceEntry> pending;
            // The parse measures the tag limits in its own pass: the text is scanned for tags once.
            ReadResult read = m_reader.read(unit, BatchReader::Keep::Text, BatchReader::TagLimits::LeftToParse);
            if (auto *error = std::get_if<InputError>(&read)) {
                out.error = std::move(*error);
            } else if (auto *entry = std::get_if<SourceEntry>(&read)) {
                out.m_idHash = SeenIds::hash(entry->id);
                line = entry->line;
                path = entry->path;
                if (entry->source.size() >= largeDocumentBytes) {
                    // Measured now, on this thread: its id is taken when its turn comes, before its parse.
                    if (std::optional<InputLimits::Breach> breach = InputLimits::measure(entry->source, m_schema)) {
                        out.error = BatchReader::pastLimit(*entry, *std::move(breach));
                    } else {
                        out.id = entry->id;
                        pending = std::move(*entry);
                    }
                } else {
                    std::optional<InputLimits::Breach> breach;
                    const Document doc = Document::parse(entry->source, m_schema, &breach);
                    if (breach) {
                        out.error = BatchReader::pastLimit(*entry, *std::move(breach));
                    } else {
                        const CheckResult result = m_checker.check(doc);
                        out.counts.add(result.findings);
                        format(*entry, doc, result, [&out](const QByteArray &part) { out.output += part; });
                        out.id = std::move(entry->id);
                    }
                }
            } else {
                out.blank = true;
            }
            checked.units.append(std::move(out));
            checked.lines.append(line);
            checked.paths.append(path);
            checked.pending.append(std::move(pending));
        }
        return checked;
    };

    SeenIds seen;
    seen.reserve(m_reader.size());
    auto deliver = [&](int &, const CheckedChunk &checked) {
        for (qsizetype i = 0; i < checked.units.size(); ++i) {
            Unit unit = std::move(checked.units[i]);
            if (!unit.error && !unit.blank) {
                unit.error = seen.add(unit.id, unit.m_idHash, checked.paths[i], checked.lines[i]);
                if (unit.error) {
                    unit.output.clear();
                    unit.counts = {};
                    checked.pending[i].reset();
                }
            }
            if (std::optional<SourceEntry> entry = std::move(checked.pending[i])) {
                checked.pending[i].reset();
                const Document doc = Document::parse(entry->source, m_schema); // shares the bytes
                const CheckResult result = m_checker.check(doc);
                unit.counts.add(result.findings);
                unit.m_stream = [&](const CheckReport::Write &write) {
                    format(*entry, doc, result, write);
                };
                sink(std::move(unit));
                continue;
            }
            sink(std::move(unit));
        }
    };

    QThreadPool pool;
    pool.setMaxThreadCount(jobs > 0 ? jobs : QThread::idealThreadCount());
    QtConcurrent::mappedReduced<int>(&pool, chunks, checkChunk, deliver,
                                     QtConcurrent::OrderedReduce | QtConcurrent::SequentialReduce)
        .waitForFinished();
}

} // namespace annorev
