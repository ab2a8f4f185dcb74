#pragma once

#include "finding.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace annorev {

class Document;
struct CheckResult;

// What is known of one version of a document's tagged text once it has been parsed and checked:
// its finding counts, the labels of its spans and the rules of its findings, and how many
// records it yields. Derived here and nowhere else (DocumentFacts::of), kept by the store with the
// text, and read by the document list, `status`, `stats`, stratified draws and the dashboard, so
// that they all count the same things.
struct DocumentFacts
{
    struct LabelCount
    {
        QString label;
        qsizetype spans = 0;
        friend bool operator==(const LabelCount &, const LabelCount &) = default;
    };
    struct RuleCount
    {
        QString rule;
        Severity severity = Severity::Warning;
        qsizetype findings = 0;
        friend bool operator==(const RuleCount &, const RuleCount &) = default;
    };

    std::array<qsizetype, 3> bySeverity{}; // findings, indexed by Severity
    QList<LabelCount> labels;              // by label name, each once
    QList<RuleCount> rules;                // by rule id, then severity, each pair once
    qsizetype records = 0;

    static DocumentFacts of(const Document &doc, const CheckResult &result);

    qsizetype errors() const { return bySeverity[std::size_t(Severity::Error)]; }
    qsizetype warnings() const { return bySeverity[std::size_t(Severity::Warning)]; }
    qsizetype infos() const { return bySeverity[std::size_t(Severity::Info)]; }
    QStringList labelNames() const; // sorted, each once
    QStringList ruleNames() const;  // sorted, each once
    bool hasLabel(QStringView label) const;
    bool hasRule(QStringView rule) const;

    // A line of text the store keeps: "records=N;label=spans,…;rule:severity=findings,…" with
    // the names percent-encoded where they hold a separator. decoded(encoded()) gives the facts
    // back; anything else gives nothing.
    QString encoded() const;
    static std::optional<DocumentFacts> decoded(QStringView text);

    friend bool operator==(const DocumentFacts &, const DocumentFacts &) = default;
};

} // namespace annorev
