#pragma once

#include "rule.h"

#include <memory>
#include <vector>

namespace annorev {

// Every finding rule, in the order `annorev rules` lists them.
class RuleSet
{
public:
    static const RuleSet &builtin();

    const std::vector<std::unique_ptr<Rule>> &rules() const { return m_rules; }
    const Rule *find(QStringView id) const;

private:
    RuleSet();
    std::vector<std::unique_ptr<Rule>> m_rules;
};

} // namespace annorev
