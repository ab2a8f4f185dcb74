#include "batchcheck.h"

#include "checker.h"
#include "document.h"
#include "schema.h"

#include <QHash>
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
    QList<BatchCheck::Unit> units;
    QList<int> lines;
    QStringList paths;
};

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
        CheckedChunk checked;
        for (qsizetype unit = chunk.begin; unit < chunk.end; ++unit) {
            Unit out;
            int line = 0;
            QString path;
            ReadResult read = m_reader.read(unit, BatchReader::Keep::Text);
            if (auto *error = std::get_if<InputError>(&read)) {
                out.error = std::move(*error);
            } else if (auto *entry = std::get_if<SourceEntry>(&read)) {
                const Document doc = Document::parse(entry->source, m_schema);
                const CheckResult result = m_checker.check(doc);
                out.id = entry->id;
                out.counts.add(result.findings);
                out.output = format(*entry, doc, result);
                line = entry->line;
                path = entry->path;
            } else {
                out.blank = true;
            }
            checked.units.append(std::move(out));
            checked.lines.append(line);
            checked.paths.append(path);
        }
        return checked;
    };

    QHash<QString, std::pair<QString, int>> seen;
    auto deliver = [&](int &, const CheckedChunk &checked) {
        for (qsizetype i = 0; i < checked.units.size(); ++i) {
            Unit unit = checked.units[i];
            if (!unit.error && !unit.blank) {
                const auto first = seen.constFind(unit.id);
                if (first != seen.cend()) {
                    const QString where = first->second > 0 ? QStringLiteral("line %1").arg(first->second) : first->first;
                    unit.error = InputError{checked.paths[i], checked.lines[i],
                                            QStringLiteral("duplicate id \"%1\" (first at %2): skipped").arg(unit.id, where)};
                    unit.output.clear();
                    unit.counts = {};
                } else {
                    seen.insert(unit.id, {checked.paths[i], checked.lines[i]});
                }
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
