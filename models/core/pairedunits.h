#pragma once

#include <QList>

#include <algorithm>

// A text in two forms: in the long one each pair (a surrogate pair, a CRLF) takes two units, in
// the short one it takes one. `pairs` holds the long positions where the pairs start, ascending.
namespace annorev::PairedUnits {

// Each pair whose second unit is before longPos takes one position away.
inline qsizetype toShort(const QList<qsizetype> &pairs, qsizetype longPos)
{
    return longPos - (std::lower_bound(pairs.cbegin(), pairs.cend(), longPos - 1) - pairs.cbegin());
}

// The k-th pair starts at short position pairs[k] - k; each one before shortPos adds a unit back.
inline qsizetype toLong(const QList<qsizetype> &pairs, qsizetype shortPos)
{
    qsizetype low = 0;
    qsizetype high = pairs.size();
    while (low < high) {
        const qsizetype mid = (low + high) / 2;
        if (pairs.at(mid) - mid < shortPos) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    return shortPos + low;
}

} // namespace annorev::PairedUnits
