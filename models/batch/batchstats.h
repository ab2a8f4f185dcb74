#pragma once

#include "documentprofile.h"

#include <QList>
#include <QString>

#include <array>

namespace annorev {

class Schema;

// Counts over a batch's reviewed documents: what `annorev stats` prints besides the rounds.
struct BatchStats
{
    struct LabelCount
    {
        QString label;
        qsizetype spans = 0;
        qsizetype documents = 0; // with at least one span of the label
    };
    struct RuleCount
    {
        QString rule;
        Severity severity = Severity::Warning;
        qsizetype findings = 0;
        qsizetype documents = 0; // with at least one finding of the rule
    };

    qsizetype documents = 0;
    std::array<qsizetype, 4> byStatus{}; // indexed by ReviewStatus
    // The schema's labels in its order, then any other label found, by name.
    QList<LabelCount> labels;
    // Every rule, in the order `annorev rules` lists them.
    QList<RuleCount> rules;
    std::array<qsizetype, 3> bySeverity{}; // findings, indexed by Severity

    static BatchStats of(const QList<DocumentProfile> &profiles, const Schema &schema);
};

} // namespace annorev
