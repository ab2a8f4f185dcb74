#pragma once

#include "span.h"

#include <QList>
#include <QString>

namespace annorev {

// One change to a document, in plain-text coordinates (UTF-16). A suggested fix is a list of
// these, applied in order; so is every edit the window makes.
struct SpanEdit
{
    enum Kind { AddSpan, RemoveSpan, Relabel, ReplaceText };
    Kind kind = AddSpan;
    QString label;     // the span's label (for RemoveSpan and Relabel: the label it has now)
    qsizetype start = 0;
    qsizetype end = 0;
    QString value;     // Relabel: the new label; ReplaceText: the new text
    QList<TagAttribute> attributes;

    static SpanEdit add(const QString &label, qsizetype start, qsizetype end) { return {AddSpan, label, start, end, {}, {}}; }
    static SpanEdit remove(const Span &span) { return {RemoveSpan, span.label, span.start, span.end, {}, {}}; }
    static SpanEdit relabel(const Span &span, const QString &to) { return {Relabel, span.label, span.start, span.end, to, {}}; }
    static SpanEdit replaceText(qsizetype start, qsizetype end, const QString &text)
    {
        return {ReplaceText, {}, start, end, text, {}};
    }
    friend bool operator==(const SpanEdit &, const SpanEdit &) = default;
};

} // namespace annorev
