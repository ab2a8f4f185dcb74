#pragma once

#include "batchstats.h"
#include "factsnames.h"
#include "profilerow.h"

#include <QList>

#include <array>

namespace annorev {

class Schema;

// BatchStats counted one document at a time, as the store's cursor hands them out
// (ReviewStore::forEachProfile), so that `stats` never holds the documents: label and rule names
// are numbered as first seen and the counts kept by number. stats() gives what
// BatchStats::of() gives for the same documents.
class BatchStatsCounter
{
public:
    void add(const ProfileRow &row);
    BatchStats stats(const Schema &schema) const;

private:
    struct Tally
    {
        qsizetype count = 0; // spans or findings
        qsizetype documents = 0;
    };
    static Tally tallyOf(const FactsNames &names, const QList<Tally> &tallies, const QString &name);

    qsizetype m_documents = 0;
    std::array<qsizetype, 4> m_byStatus{};   // indexed by ReviewStatus
    std::array<qsizetype, 3> m_bySeverity{}; // indexed by Severity
    FactsNames m_labelNames;
    QList<Tally> m_labels; // by number in m_labelNames
    FactsNames m_ruleNames;
    QList<Tally> m_rules; // by number in m_ruleNames
};

} // namespace annorev
