#include "batchcomparison.h"

#include "annotatedbatch.h"
#include "document.h"
#include "seenids.h"

#include <QHash>
#include <QtConcurrent>

#include <algorithm>
#include <numeric>

namespace annorev {

namespace {

// Units read at once on every core: enough to keep the cores busy, few enough to hold.
constexpr qsizetype blockSize = 1024;

// Calls each(results) for the units of reader a block at a time, in order, where results are
// read(unit) of the block's units mapped on every core; the block's pages are dropped after.
// The next block is read while each() takes the last one.
template <typename Read, typename Each> void forEachBlock(const BatchReader &reader, Read read, Each each)
{
    using Result = std::invoke_result_t<Read, qsizetype>;
    const auto start = [&reader, &read](qsizetype begin) {
        QList<qsizetype> units(std::min(blockSize, reader.size() - begin));
        std::iota(units.begin(), units.end(), begin);
        return QtConcurrent::mapped(std::move(units), read);
    };
    QFuture<Result> next = reader.size() > 0 ? start(0) : QFuture<Result>();
    for (qsizetype begin = 0; begin < reader.size(); begin += blockSize) {
        QList<Result> results = next.results();
        if (begin + blockSize < reader.size()) {
            next = start(begin + blockSize);
        }
        each(results);
        reader.forget(begin, begin + results.size());
    }
}

// Where a document is, for the message about a later one with its id.
std::pair<QString, int> placeOf(const BatchReader &reader, qsizetype unit)
{
    const ReadResult read = reader.read(unit, BatchReader::Keep::Text);
    const auto *entry = std::get_if<SourceEntry>(&read);
    return entry ? std::pair{entry->path, entry->line} : std::pair{QString(), 0};
}

// B's documents by id, as AnnotatedBatch::read() would keep them: the first unit with each id.
struct IdIndex
{
    QStringList ids;                // in B's order
    QList<qsizetype> units;         // each id's unit
    QHash<QString, qsizetype> byId; // into ids

    static IdIndex of(const BatchReader &reader, QList<InputError> *errors)
    {
        struct Seen
        {
            std::optional<InputError> error;
            bool document = false; // neither an error nor a blank line
            QString id;
            QString path;
            int line = 0;
        };
        IdIndex index;
        const auto see = [&reader](qsizetype unit) {
            ReadResult read = reader.read(unit, BatchReader::Keep::Text);
            Seen seen;
            if (auto *error = std::get_if<InputError>(&read)) {
                seen.error = std::move(*error);
            } else if (const auto *entry = std::get_if<SourceEntry>(&read)) {
                seen = {std::nullopt, true, entry->id, entry->path, entry->line};
            }
            return seen;
        };
        qsizetype unit = 0;
        forEachBlock(reader, see, [&](const QList<Seen> &block) {
            for (const Seen &seen : block) {
                if (seen.error) {
                    errors->append(*seen.error);
                } else if (seen.document) {
                    if (const qsizetype first = index.byId.value(seen.id, -1); first >= 0) {
                        const auto [firstPath, firstLine] = placeOf(reader, index.units[first]);
                        errors->append(SeenIds::duplicate(seen.id, seen.path, seen.line, firstPath, firstLine));
                    } else {
                        index.byId.insert(seen.id, index.ids.size());
                        index.ids.append(seen.id);
                        index.units.append(unit);
                    }
                }
                ++unit;
            }
        });
        return index;
    }
};

} // namespace

BatchComparison BatchComparison::run(const QStringList &inputsA, const QStringList &inputsB, const Schema &schema,
                                     OffsetUnit unit)
{
    BatchComparison comparison;
    const BatchReader readerB = BatchReader::open(inputsB, schema);
    comparison.errorsB = readerB.errors();
    const IdIndex b = IdIndex::of(readerB, &comparison.errorsB);

    const BatchReader readerA = BatchReader::open(inputsA, schema);
    comparison.errorsA = readerA.errors();
    struct Pair
    {
        AnnotatedBatch::Unit a;
        std::optional<AnnotatedText> b; // A's namesake in B, when it has one
        qsizetype unitB = -1;
        std::optional<Agreement::PairFigures> figures; // when both have the same text
    };
    const auto readPair = [&](qsizetype index) {
        Pair pair{AnnotatedBatch::readUnit(readerA, index, schema, unit), std::nullopt, -1, std::nullopt};
        if (const qsizetype k = pair.a.text ? b.byId.value(pair.a.text->id, -1) : -1; k >= 0) {
            pair.unitB = b.units[k];
            pair.b = AnnotatedBatch::readUnit(readerB, pair.unitB, schema, unit).text;
            if (pair.b && pair.b->text == pair.a.text->text) {
                pair.figures = Agreement::PairFigures::of(*pair.a.text, *pair.b);
            }
        }
        return pair;
    };
    Agreement::Tally tally;
    QList<qsizetype> partnerOfB(b.ids.size(), -1); // the unit of A with each of B's ids
    QHash<QString, qsizetype> onlyInA;             // A's ids that B lacks, with their units
    qsizetype index = 0;
    forEachBlock(readerA, readPair, [&](QList<Pair> &block) {
        // The pages of B this block read leave memory too: all of them behind the block's last
        // unit when B is in A's order, the whole file's when it is shuffled.
        qsizetype firstB = readerB.size();
        qsizetype lastB = -1;
        for (const Pair &pair : block) {
            if (pair.unitB >= 0) {
                firstB = std::min(firstB, pair.unitB);
                lastB = std::max(lastB, pair.unitB);
            }
        }
        readerB.forget(firstB, lastB + 1);
        for (Pair &pair : block) {
            const qsizetype unitA = index++;
            if (pair.a.error) {
                comparison.errorsA.append(*pair.a.error);
                continue;
            }
            if (!pair.a.text) {
                continue; // a blank JSON Lines line
            }
            const AnnotatedText &doc = *pair.a.text;
            const qsizetype k = b.byId.value(doc.id, -1);
            const qsizetype first = k >= 0 ? partnerOfB[k] : onlyInA.value(doc.id, -1);
            if (first >= 0) {
                const auto [firstPath, firstLine] = placeOf(readerA, first);
                comparison.errorsA.append(
                    SeenIds::duplicate(doc.id, pair.a.path, pair.a.line, firstPath, firstLine));
                continue;
            }
            if (k < 0 || !pair.b) {
                onlyInA.insert(doc.id, unitA);
                tally.onlyInA(doc.id);
                continue;
            }
            partnerOfB[k] = unitA;
            if (pair.figures) {
                tally.add(std::move(*pair.figures));
            } else {
                tally.textDiffers(doc.id);
            }
        }
    });
    for (qsizetype k = 0; k < b.ids.size(); ++k) {
        if (partnerOfB[k] < 0) {
            tally.onlyInB(b.ids[k]);
        }
    }
    comparison.result = std::move(tally).result();
    return comparison;
}

} // namespace annorev
