#pragma once

#include "checker.h"

#include <QByteArray>

#include <functional>

namespace annorev {

class Document;
struct SourceEntry;

// How `annorev check` prints a checked document.
namespace CheckReport {

struct Counts
{
    qsizetype errors = 0;
    qsizetype warnings = 0;
    qsizetype infos = 0;
    void add(const QList<Finding> &findings);
    void add(const Counts &other);
};

// One line per finding, the way compilers print, so editors and CI logs can jump to it:
// "FILE:LINE:COL: warning: message [rule-id]". LINE:COL are in the source file, tags included
// (columns in code points). For JSON Lines, LINE is the line of the document's object and COL
// counts code points into its tagged text.
QByteArray text(const SourceEntry &entry, const Document &doc, const QList<Finding> &findings);

// One JSON object: {"id", "records": [...], "findings": [...]}, offsets in code points.
QByteArray json(const SourceEntry &entry, const Document &doc, const CheckResult &result);

// The same bytes handed to write in parts of about a megabyte, in order: the report of a dense
// document is as large as the document, and need not be held whole.
using Write = std::function<void(const QByteArray &)>;
void text(const SourceEntry &entry, const Document &doc, const QList<Finding> &findings, const Write &write);
void json(const SourceEntry &entry, const Document &doc, const CheckResult &result, const Write &write);

// "5 documents checked: 0 errors, 6 warnings, 1 info"
QByteArray summary(qsizetype documents, const Counts &counts);

} // namespace CheckReport

} // namespace annorev
