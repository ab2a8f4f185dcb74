#include "raterreliability.h"

#include <QVarLengthArray>

#include <algorithm>

namespace annorev {

RaterReliability::RaterReliability(int annotators) : m_annotators(annotators) {}

void RaterReliability::addAt(QList<qint64> *list, qsizetype index, qint64 value)
{
    if (list->size() <= index) {
        list->resize(index + 1, 0);
    }
    (*list)[index] += value;
}

void RaterReliability::addUnit(std::span<const int> categories)
{
    const auto m = qsizetype(categories.size());
    if (m < 2 && m < m_annotators) {
        return; // neither pairable nor rated by everyone (one annotator alone)
    }
    QVarLengthArray<int, 16> sorted(categories.begin(), categories.end());
    std::sort(sorted.begin(), sorted.end());
    qint64 squares = 0;
    qint64 selfPairs = 0;
    for (qsizetype i = 0; i < sorted.size();) {
        qsizetype j = i;
        while (j < sorted.size() && sorted[j] == sorted[i]) {
            ++j;
        }
        const qint64 count = j - i;
        squares += count * count;
        selfPairs += count * (count - 1);
        if (m == m_annotators) {
            addAt(&m_fleissTotals, sorted[i], count);
        }
        if (m >= 2) {
            addAt(&m_alphaTotals, sorted[i], count);
        }
        i = j;
    }
    if (m == m_annotators) {
        ++m_fleissUnits;
        m_fleissSquares += squares;
    }
    if (m >= 2) {
        ++m_pairableUnits;
        addAt(&m_selfPairsByValues, m, selfPairs);
        addAt(&m_unitsByValues, m, 1);
    }
}

RaterReliability RaterReliability::ofTwo(const QList<qsizetype> &first, const QList<qsizetype> &second,
                                         const QList<qsizetype> &both)
{
    RaterReliability reliability(2);
    qint64 units = 0;
    qint64 agreeing = 0;
    for (qsizetype c = 0; c < first.size(); ++c) {
        units += first[c];
        agreeing += both[c];
        addAt(&reliability.m_fleissTotals, c, first[c] + second[c]);
        addAt(&reliability.m_alphaTotals, c, first[c] + second[c]);
    }
    // A unit both put in one category adds 2² to Σ n_uc² and 2 · 1 to Σ n_uc(n_uc − 1); one they
    // put apart adds 1 + 1 and nothing.
    reliability.m_fleissUnits = units;
    reliability.m_fleissSquares = 2 * units + 2 * agreeing;
    reliability.m_pairableUnits = units;
    if (units > 0) {
        addAt(&reliability.m_selfPairsByValues, 2, 2 * agreeing);
        addAt(&reliability.m_unitsByValues, 2, units);
    }
    return reliability;
}

void RaterReliability::merge(const RaterReliability &other, const QList<int> &categoryMap)
{
    m_fleissUnits += other.m_fleissUnits;
    m_fleissSquares += other.m_fleissSquares;
    m_pairableUnits += other.m_pairableUnits;
    for (qsizetype c = 0; c < other.m_fleissTotals.size(); ++c) {
        addAt(&m_fleissTotals, categoryMap[c], other.m_fleissTotals[c]);
    }
    for (qsizetype c = 0; c < other.m_alphaTotals.size(); ++c) {
        addAt(&m_alphaTotals, categoryMap[c], other.m_alphaTotals[c]);
    }
    for (qsizetype m = 0; m < other.m_selfPairsByValues.size(); ++m) {
        addAt(&m_selfPairsByValues, m, other.m_selfPairsByValues[m]);
        addAt(&m_unitsByValues, m, other.m_unitsByValues[m]);
    }
}

qsizetype RaterReliability::pairableValues() const
{
    qint64 n = 0;
    for (qsizetype m = 0; m < m_unitsByValues.size(); ++m) {
        n += m * m_unitsByValues[m];
    }
    return n;
}

std::optional<double> RaterReliability::fleissKappa() const
{
    if (m_fleissUnits == 0 || m_annotators < 2) {
        return std::nullopt;
    }
    const double raters = m_annotators;
    const double ratings = double(m_fleissUnits) * raters;
    const double observed = (double(m_fleissSquares) - ratings) / (ratings * (raters - 1));
    // Σ p_c² as Σ T_c² / (U·n)²: whole numbers summed, so the order of the categories does not
    // matter (exactly, up to 2^53).
    double squares = 0;
    for (const qint64 total : m_fleissTotals) {
        squares += double(total) * double(total);
    }
    const double chance = squares / (ratings * ratings);
    if (chance >= 1.0) {
        return std::nullopt;
    }
    return (observed - chance) / (1.0 - chance);
}

std::optional<double> RaterReliability::krippendorffAlpha() const
{
    const double n = double(pairableValues());
    double sameCategory = 0; // Σ_c o_cc
    for (qsizetype m = 2; m < m_selfPairsByValues.size(); ++m) {
        sameCategory += double(m_selfPairsByValues[m]) / double(m - 1);
    }
    double squares = 0; // Σ_c n_c²
    for (const qint64 total : m_alphaTotals) {
        squares += double(total) * double(total);
    }
    const double expected = n * n - squares;
    if (n < 2 || expected <= 0) {
        return std::nullopt;
    }
    return 1.0 - (n - 1) * (n - sameCategory) / expected;
}

} // namespace annorev
