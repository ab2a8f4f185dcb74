#pragma once

#include "spanedit.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace annorev {

enum class Severity { Info, Warning, Error };

QString severityName(Severity severity);

// A suggested fix: ordinary edits, applied in order (the window makes them one undo step).
struct Fix
{
    QString description;
    QList<SpanEdit> edits;
};

// A finding's fix, kept out of line: a std::optional<Fix> would put 56 bytes in every finding,
// and `check` makes findings without fixes. Reads as a std::optional<Fix>.
class OptionalFix
{
public:
    OptionalFix() = default;
    OptionalFix(std::nullopt_t) {}
    OptionalFix(Fix fix) : m_fix(std::make_unique<Fix>(std::move(fix))) {}
    OptionalFix(std::optional<Fix> fix) { *this = std::move(fix); }
    OptionalFix(const OptionalFix &other) { *this = other; }
    OptionalFix(OptionalFix &&) noexcept = default;
    OptionalFix &operator=(const OptionalFix &other)
    {
        if (this != &other) {
            m_fix = other.m_fix ? std::make_unique<Fix>(*other.m_fix) : nullptr;
        }
        return *this;
    }
    OptionalFix &operator=(OptionalFix &&) noexcept = default;
    OptionalFix &operator=(Fix fix)
    {
        m_fix = std::make_unique<Fix>(std::move(fix));
        return *this;
    }
    OptionalFix &operator=(std::optional<Fix> fix)
    {
        m_fix = fix ? std::make_unique<Fix>(std::move(*fix)) : nullptr;
        return *this;
    }

    bool has_value() const { return bool(m_fix); }
    explicit operator bool() const { return bool(m_fix); }
    const Fix &operator*() const { return *m_fix; }
    const Fix *operator->() const { return m_fix.get(); }
    const Fix &value() const
    {
        if (!m_fix) {
            throw std::bad_optional_access();
        }
        return *m_fix;
    }
    void reset() { m_fix.reset(); }

private:
    std::unique_ptr<Fix> m_fix;
};

struct Finding
{
    QString rule;
    Severity severity = Severity::Warning;
    qsizetype start = 0;  // UTF-16 units into the plain text; 0-0 for the whole document
    qsizetype end = 0;
    QString message;
    QList<qsizetype> spans;  // indexes into Document::spans()
    OptionalFix fix;
    qsizetype sourceOffset = -1;  // the byte offset of a tag the finding is about, when it is about one
};

} // namespace annorev

// The findings of a long document grow by moving their memory (realloc), not copying each one.
Q_DECLARE_TYPEINFO(annorev::OptionalFix, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(annorev::Finding, Q_RELOCATABLE_TYPE);
