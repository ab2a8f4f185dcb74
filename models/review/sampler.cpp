#include "sampler.h"

#include <QMap>

#include <algorithm>
#include <numeric>

namespace annorev::Sampler {

quint64 uniformBelow(std::mt19937_64 &engine, quint64 bound)
{
    static_assert(std::mt19937_64::min() == 0 && std::mt19937_64::max() == ~quint64(0));
    // (2^64 - bound) mod bound == 2^64 mod bound, computed without leaving 64 bits.
    const quint64 threshold = (~bound + 1) % bound;
    for (;;) {
        const quint64 value = engine();
        if (value >= threshold) {
            return value % bound;
        }
    }
}

QList<qsizetype> draw(qsizetype population, qsizetype size, std::mt19937_64 &engine)
{
    QList<qsizetype> items(population);
    std::iota(items.begin(), items.end(), qsizetype(0));
    const qsizetype count = std::clamp(size, qsizetype(0), population);
    for (qsizetype i = 0; i < count; ++i) {
        const qsizetype j = i + qsizetype(uniformBelow(engine, quint64(population - i)));
        std::swap(items[i], items[j]);
    }
    items.resize(count);
    return items;
}

QList<qsizetype> draw(qsizetype population, qsizetype size, quint64 seed)
{
    std::mt19937_64 engine(seed);
    return draw(population, size, engine);
}

std::optional<QList<qsizetype>> allocate(const QList<qsizetype> &stratumSizes, qsizetype size)
{
    const qsizetype strata = stratumSizes.size();
    const qsizetype total = std::accumulate(stratumSizes.cbegin(), stratumSizes.cend(), qsizetype(0));
    const qsizetype nonEmpty =
        std::count_if(stratumSizes.cbegin(), stratumSizes.cend(), [](qsizetype n) { return n > 0; });
    if (size < nonEmpty) {
        return std::nullopt;
    }
    if (size >= total) {
        return stratumSizes;
    }
    QList<qsizetype> allocation(strata, 0);
    QList<bool> fixed(strata, false);
    for (qsizetype h = 0; h < strata; ++h) {
        fixed[h] = stratumSizes[h] == 0;
    }
    // Strata whose share size·N_h/N is below one get one each; the rest is shared out again
    // among the others, which can push more shares below one.
    qsizetype remaining = size;
    qsizetype remainingItems = total;
    for (bool changed = true; changed;) {
        changed = false;
        for (qsizetype h = 0; h < strata; ++h) {
            if (!fixed[h] && remaining * stratumSizes[h] < remainingItems) {
                fixed[h] = true;
                allocation[h] = 1;
                remaining -= 1;
                remainingItems -= stratumSizes[h];
                changed = true;
            }
        }
    }
    if (remainingItems == 0) {
        return allocation;
    }
    // Largest remainder: every share is remaining·N_h/remainingItems, compared as exact fractions.
    QList<qsizetype> order;
    qsizetype given = 0;
    QList<qsizetype> remainders(strata, 0);
    for (qsizetype h = 0; h < strata; ++h) {
        if (fixed[h]) {
            continue;
        }
        allocation[h] = remaining * stratumSizes[h] / remainingItems;
        remainders[h] = remaining * stratumSizes[h] % remainingItems;
        given += allocation[h];
        order.append(h);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&remainders](qsizetype a, qsizetype b) { return remainders[a] > remainders[b]; });
    for (qsizetype i = 0; i < remaining - given; ++i) {
        ++allocation[order[i]];
    }
    return allocation;
}

std::optional<Stratified> drawStratified(const QStringList &strataOfItems, qsizetype size, quint64 seed)
{
    QMap<QString, QList<qsizetype>> members; // sorted by name; items in their order
    for (qsizetype i = 0; i < strataOfItems.size(); ++i) {
        members[strataOfItems[i]].append(i);
    }
    Stratified result;
    for (auto it = members.cbegin(); it != members.cend(); ++it) {
        result.strata.append(it.key());
        result.sizes.append(it->size());
    }
    const std::optional<QList<qsizetype>> allocation = allocate(result.sizes, size);
    if (!allocation) {
        return std::nullopt;
    }
    result.drawn = *allocation;
    std::mt19937_64 engine(seed);
    qsizetype h = 0;
    for (const QList<qsizetype> &items : std::as_const(members)) {
        for (qsizetype index : draw(items.size(), result.drawn[h], engine)) {
            result.indexes.append(items[index]);
        }
        ++h;
    }
    return result;
}

} // namespace annorev::Sampler
