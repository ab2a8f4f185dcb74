#pragma once

#include "spanedit.h"

#include <QList>
#include <QString>

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

struct Finding
{
    QString rule;
    Severity severity = Severity::Warning;
    qsizetype start = 0;  // UTF-16 units into the plain text; 0-0 for the whole document
    qsizetype end = 0;
    QString message;
    QList<qsizetype> spans;  // indexes into Document::spans()
    std::optional<Fix> fix;
    qsizetype sourceOffset = -1;  // the byte offset of a tag the finding is about, when it is about one
};

} // namespace annorev
