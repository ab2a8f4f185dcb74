#include "batchcomparison.h"

#include "annotatedbatch.h"
#include "batchblocks.h"
#include "document.h"
#include "seenids.h"

#include <QHash>

#include <algorithm>

namespace annorev {

using BatchBlocks::forEachBlock;
using BatchBlocks::IdIndex;
using BatchBlocks::placeOf;

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
        std::optional<AnnotatedText> b;                // A's namesake in B, when it has one
        std::optional<Agreement::PairFigures> figures; // when both have the same text
    };
    const auto readPair = [&](qsizetype index) {
        Pair pair{AnnotatedBatch::readUnit(readerA, index, schema, unit), std::nullopt, std::nullopt};
        if (const qsizetype k = pair.a.text ? b.byId.value(pair.a.text->id, -1) : -1; k >= 0) {
            pair.b = AnnotatedBatch::readUnit(readerB, b.units[k], schema, unit).text;
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
