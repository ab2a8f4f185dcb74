#pragma once

// What every fuzz target shares: a property that does not hold aborts, so that libFuzzer keeps
// the input as a crasher and says which property it broke.

#include "document.h"
#include "spanimport.h"

#include <QList>
#include <QString>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <tuple>

namespace annorev::fuzz {

inline void require(bool holds, const char *property)
{
    if (!holds) {
        std::fprintf(stderr, "fuzz property broken: %s\n", property);
        std::abort();
    }
}

// A span as the formats exchange it, in the document's UTF-16 units, for comparing sets of spans
// whatever order they were written in.
using PlainSpan = std::tuple<QString, qsizetype, qsizetype>;

inline QList<PlainSpan> sorted(QList<PlainSpan> spans)
{
    std::sort(spans.begin(), spans.end());
    return spans;
}

// The spans a document's tags make, with those whose label the schema does not know (the parser
// reports them as markup issues rather than spans), as an import of the same spans should give.
inline QList<PlainSpan> taggedRanges(const Document &doc)
{
    QList<PlainSpan> spans;
    for (const Span &span : doc.spans()) {
        spans.append({span.label, span.start, span.end});
    }
    for (const MarkupIssue &issue : doc.markupIssues()) {
        if (issue.kind == MarkupIssue::UnknownLabel) {
            spans.append({issue.tag, issue.start, issue.end});
        }
    }
    return sorted(spans);
}

// Every span lies inside the plain text, and its tags inside the source, in order.
inline void requireSpansInside(const Document &doc)
{
    const qsizetype textSize = doc.text().size();
    const qsizetype sourceSize = doc.source().size();
    for (const Span &span : doc.spans()) {
        require(0 <= span.start && span.start <= span.end && span.end <= textSize, "span inside the plain text");
        require(doc.spanText(span).size() == span.length(), "span text is text[start:end]");
        require(0 <= span.openTagBegin && span.openTagBegin < span.openTagEnd &&
                    span.openTagEnd <= span.closeTagBegin && span.closeTagBegin < span.closeTagEnd &&
                    span.closeTagEnd <= sourceSize,
                "span tags inside the source, opening before closing");
        require(doc.source().at(span.openTagBegin) == '<' && doc.source().at(span.closeTagEnd - 1) == '>',
                "span tags are tags");
    }
}

// Spans an import made from a text must be exactly the ones the text was read with: the import
// turns them into tags, and the tagged text is parsed back.
inline void requireImportKeeps(const QString &text, const QList<PlainSpan> &spans, const QByteArray &tagged,
                               const Schema &schema)
{
    const Document doc = Document::parse(tagged, schema);
    require(doc.text() == text, "an imported document keeps its text");
    require(taggedRanges(doc) == sorted(spans), "an imported document keeps its spans");
    requireSpansInside(doc);
}

} // namespace annorev::fuzz
