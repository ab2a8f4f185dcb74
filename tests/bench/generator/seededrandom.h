#pragma once

#include <QtGlobal>

#include <cstddef>
#include <random>

namespace annorev::bench {

// The engine's output sequence is fixed by the standard but the std:: distributions are not,
// so every range is mapped here by hand: the same seed gives the same batch on every platform.
class SeededRandom
{
public:
    explicit SeededRandom(quint64 seed) : m_engine(seed) {}

    quint64 next() { return m_engine(); }

    // In [0, n). The modulo bias is below n / 2^64, far too small to matter here.
    qsizetype below(qsizetype n) { return static_cast<qsizetype>(next() % static_cast<quint64>(n)); }

    // In [low, high].
    qint64 between(qint64 low, qint64 high)
    {
        return low + static_cast<qint64>(next() % static_cast<quint64>(high - low + 1));
    }

    // 53 random bits as a double in [0, 1): exact, so the comparison is the same everywhere.
    bool chance(double probability) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < probability; }

    template<typename T, std::size_t N>
    const T &pick(const T (&items)[N])
    {
        return items[below(static_cast<qsizetype>(N))];
    }

private:
    std::mt19937_64 m_engine;
};

} // namespace annorev::bench
