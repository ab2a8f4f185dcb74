#pragma once

#include "factsnames.h"
#include "profilerow.h"
#include "spotcheck.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace annorev {

// The documents a spot-check draw chooses from, gathered from the store's cursor
// (ReviewStore::forEachProfile) and kept only as far as the draw needs them: the ids one after
// another in one buffer, and for a stratified draw each document's labels by number or its worst
// rule. A million candidates take tens of megabytes where their profiles took nearly a gigabyte.
class SampleCandidates
{
public:
    // Candidates are the documents with one of statuses (any when empty).
    SampleCandidates(const QList<ReviewStatus> &statuses, Stratify by);

    // Keeps the document when it is a candidate.
    void add(const ProfileRow &row);

    qsizetype size() const { return m_idEnds.size(); }
    QString id(qsizetype candidate) const;
    // Each candidate's stratum, in their order: what SampleStrata::of() gives for their profiles.
    QStringList strata() const;

private:
    QStringList labelStrata() const;

    QList<ReviewStatus> m_statuses;
    Stratify m_by = Stratify::None;
    QByteArray m_ids;          // UTF-8, one after another
    QList<qsizetype> m_idEnds; // where each candidate's id ends in m_ids
    FactsNames m_names;        // labels or rules, as m_by asks
    QList<int> m_labels;       // Label: each candidate's labels by number, one after another
    QList<qsizetype> m_labelEnds;
    QList<int> m_worstRules;      // Rule: each candidate's worst rule by number, -1 for none
    QList<qsizetype> m_ruleOrder; // by rule number: its place in `annorev rules` (0 when unknown)
};

} // namespace annorev
