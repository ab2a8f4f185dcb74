#pragma once

#include "documentanalysis.h"
#include "finding.h"

#include <QList>

namespace annorev {

class CountryAliases;
class Document;
class Schema;

struct CheckResult
{
    DocumentAnalysis analysis;
    QList<Finding> findings;  // by position, then by rule order; one per rule and position
};

// Runs every rule over a document. Thread-safe: one Checker serves all threads.
class Checker
{
public:
    // Omit leaves every finding's fix empty: what prints findings has no use for them, and in a
    // long document they take more memory than the findings.
    enum class Fixes { Suggest, Omit };
    // currentYear bounds plausible years; it is a parameter so that tests do not age.
    Checker(const Schema &schema, const CountryAliases &countries, int currentYear, Fixes fixes = Fixes::Suggest);
    CheckResult check(const Document &doc) const;

private:
    const Schema &m_schema;
    const CountryAliases &m_countries;
    int m_currentYear;
    Fixes m_fixes;
};

} // namespace annorev
