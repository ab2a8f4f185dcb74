#pragma once

#include <QList>
#include <QStringList>

#include <optional>
#include <random>

namespace annorev {

// Draws reproducible samples: the same seed and population give the same sample with every
// compiler and standard library. std::mt19937_64 is specified to the bit by the standard; the
// standard's distributions are not (libstdc++, libc++ and MSVC map the same numbers to different
// indexes), so the mapping to an index is our own.
namespace Sampler {

// A number in [0, bound) from the engine's raw 64-bit output, each equally likely: outputs below
// 2^64 mod bound are drawn again, so that the rest divide evenly into bound classes. bound > 0.
quint64 uniformBelow(std::mt19937_64 &engine, quint64 bound);

// size of the indexes [0, population) (all of them when size >= population), in the order drawn:
// a partial Fisher–Yates shuffle, so any prefix of the list is itself a simple random sample.
QList<qsizetype> draw(qsizetype population, qsizetype size, std::mt19937_64 &engine);
QList<qsizetype> draw(qsizetype population, qsizetype size, quint64 seed);

// How many of each stratum to draw for a sample of size, proportional to the strata's sizes,
// with at least one from each non-empty stratum. Strata whose share is below one get one and
// the rest is shared again among the others, until every share is at least one; the shares are
// then rounded by largest remainder, ties going to the stratum listed first. Every stratum is
// taken whole when size covers them all. Nothing when size is smaller than the number of
// non-empty strata.
std::optional<QList<qsizetype>> allocate(const QList<qsizetype> &stratumSizes, qsizetype size);

struct Stratified
{
    QList<qsizetype> indexes; // into the items, stratum by stratum (strata by name), each in draw order
    QStringList strata;       // the strata by name
    QList<qsizetype> sizes;   // items in each
    QList<qsizetype> drawn;   // drawn from each
};

// A stratified sample of items whose strata are given (one name per item): allocate() over the
// strata sorted by name, then draw() within each from one engine seeded with seed, taking the
// strata in name order. Nothing when size is smaller than the number of strata.
std::optional<Stratified> drawStratified(const QStringList &strataOfItems, qsizetype size, quint64 seed);

} // namespace Sampler

} // namespace annorev
