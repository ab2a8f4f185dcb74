#pragma once

#include "finding.h"

#include <QList>

namespace annorev {

// The findings the rules report about one document, kept up to a limit (README › Limits). Past
// it they are counted, not kept, the way a compiler stops listing errors after so many: a
// document made of one mistake repeated (a name mentioned untagged on every line, mojibake in
// every word) would otherwise take gigabytes to list. The findings-limited rule, run last, says
// how many were left out.
class FindingList
{
public:
    static constexpr qsizetype limit = 100'000;

    void append(Finding finding)
    {
        if (m_findings.size() < limit) {
            m_findings.append(std::move(finding));
        } else {
            ++m_leftOut;
        }
    }
    // Findings a rule counted without making them, because as many of its own came before: as
    // many as the limit at least, so the list is full.
    void countLeftOut(qsizetype count)
    {
        Q_ASSERT(count == 0 || m_findings.size() >= limit);
        m_leftOut += count;
    }
    // The findings past the limit that were counted and left out.
    qsizetype leftOut() const { return m_leftOut; }
    // The one finding that tells of the others: kept whatever the count.
    void appendPastLimit(Finding finding) { m_findings.append(std::move(finding)); }
    QList<Finding> take() { return std::move(m_findings); }

private:
    QList<Finding> m_findings;
    qsizetype m_leftOut = 0;
};

} // namespace annorev
