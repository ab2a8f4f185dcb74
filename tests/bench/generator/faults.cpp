#include "faults.h"

#include "seededrandom.h"

#include <iterator>

namespace annorev::bench {

Faults Faults::draw(SeededRandom &rng, double faultRate, bool allowCrlf)
{
    Faults drawn;
    if (!rng.chance(faultRate)) {
        return drawn;
    }
    // CrlfLineEndings is last: JSON Lines text keeps its \n.
    const auto available = static_cast<qsizetype>(std::size(kFaults)) - (allowCrlf ? 0 : 1);
    const auto countFault = [](Fault fault) {
        return fault == Fault::CountInHardware || fault == Fault::UntaggedCount || fault == Fault::UnparseableCount;
    };
    drawn.m_faults.append(kFaults[rng.below(available)]);
    if (rng.chance(0.3)) {
        const Fault second = kFaults[rng.below(available)];
        if (second != drawn.m_faults.first() && !(countFault(second) && countFault(drawn.m_faults.first()))) {
            drawn.m_faults.append(second);
        }
    }
    return drawn;
}

} // namespace annorev::bench
