#pragma once

#include "finding.h"

#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <mutex>

namespace annorev {

class CheckContext;
class FindingList;

// What `annorev rules` prints and the window shows about a rule.
struct RuleInfo
{
    QLatin1StringView id;
    Severity severity;
    QString summary;
    QString example;
    QString fix;
    // Whether its findings can carry a fix the program makes (Apply Fix, `annorev fix`); those of
    // the other rules need a reviewer's choice, which fix says.
    bool fixable = false;
};

// One finding rule. A rule reads the checked document through the context and appends findings;
// it keeps no state, so one instance serves every thread.
class Rule
{
public:
    virtual ~Rule() = default;
    virtual const RuleInfo &info() const = 0;
    virtual void check(const CheckContext &context, FindingList *findings) const = 0;

protected:
    Finding finding(qsizetype start, qsizetype end, const QString &message) const
    {
        Finding result;
        result.rule = id();
        result.severity = info().severity;
        result.start = start;
        result.end = end;
        result.message = message;
        return result;
    }

private:
    // The id made a QString once, so that the findings of a long document share it.
    const QString &id() const
    {
        std::call_once(m_idOnce, [this] { m_id = QString(info().id); });
        return m_id;
    }
    mutable std::once_flag m_idOnce;
    mutable QString m_id;
};

} // namespace annorev
