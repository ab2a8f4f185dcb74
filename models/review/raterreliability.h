#pragma once

#include <QList>

#include <optional>
#include <span>

namespace annorev {

// How far any number of annotators agree on nominal categories, unit by unit (for annorev, a unit
// is a token and its category a label or "outside"), as two chance-corrected figures:
//
// - Fleiss' kappa (Fleiss 1971) needs every annotator on every unit, so it counts only the units
//   all `annotators` rated. With n annotators, n_uc of them giving unit u category c, and U units:
//   P̄ = (Σ_u Σ_c n_uc² − U·n) / (U·n·(n − 1)), p_c = Σ_u n_uc / (U·n), P̄e = Σ_c p_c²,
//   κ = (P̄ − P̄e) / (1 − P̄e).
// - Krippendorff's alpha, nominal (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"),
//   takes missing values: a unit with m_u ≥ 2 values is pairable, one with fewer is left out. Over
//   the pairable units, the coincidences of a category with itself are o_cc = Σ_u n_uc(n_uc − 1) /
//   (m_u − 1), n_c = Σ_u n_uc and n = Σ_c n_c; α = 1 − (n − 1)(n − Σ_c o_cc) / (n² − Σ_c n_c²).
//
// Both are undefined (none) when chance agreement is total: no unit counted, or every value in
// one category. Sums are kept as integers (o_cc per number of values m_u), so the figures do not
// depend on the order units are added in, or on how tallies of parts are merged.
class RaterReliability final
{
public:
    explicit RaterReliability(int annotators = 2);

    int annotators() const { return m_annotators; }

    // One unit: the category (0, 1, 2…) each annotator who rated it gave; the others are missing.
    void addUnit(std::span<const int> categories);
    // The tally of units two annotators both rated, from its margins: for each category, the units
    // the first gave it, the units the second did, and the units both did. The same as adding
    // every unit, without them: compare counts these for Cohen's kappa anyway.
    static RaterReliability ofTwo(const QList<qsizetype> &first, const QList<qsizetype> &second,
                                  const QList<qsizetype> &both);

    // Another tally of the same annotators, its category c counted as categoryMap[c].
    void merge(const RaterReliability &other, const QList<int> &categoryMap);

    qsizetype fleissUnits() const { return m_fleissUnits; }     // units every annotator rated
    qsizetype pairableUnits() const { return m_pairableUnits; } // units with two values or more
    qsizetype pairableValues() const;                           // n: the values in them

    std::optional<double> fleissKappa() const;
    std::optional<double> krippendorffAlpha() const;

private:
    static void addAt(QList<qint64> *list, qsizetype index, qint64 value);

    int m_annotators = 2;
    // Fleiss: Σ_u Σ_c n_uc² and Σ_u n_uc per category, over the units all annotators rated.
    qsizetype m_fleissUnits = 0;
    qint64 m_fleissSquares = 0;
    QList<qint64> m_fleissTotals;
    // Alpha: per number of values m, Σ_u Σ_c n_uc(n_uc − 1) over the pairable units with m values;
    // and n_c over all pairable units.
    qsizetype m_pairableUnits = 0;
    QList<qint64> m_selfPairsByValues;
    QList<qint64> m_unitsByValues;
    QList<qint64> m_alphaTotals;
};

} // namespace annorev
