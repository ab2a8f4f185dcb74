#include "documenteditor.h"

#include "schema.h"

namespace annorev::DocumentEditor {

namespace {

QByteArray openTag(const QString &label, const QList<TagAttribute> &attributes)
{
    QByteArray tag = '<' + label.toUtf8();
    for (const TagAttribute &attribute : attributes) {
        QString value = attribute.value;
        value.replace(u'"', QStringLiteral("&quot;"));
        tag += ' ' + attribute.name.toUtf8() + "=\"" + value.toUtf8() + '"';
    }
    return tag + '>';
}

QByteArray escapeForHtml(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    bytes.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    return bytes;
}

bool overlapsExisting(const Document &doc, qsizetype start, qsizetype end)
{
    for (const Span &span : doc.spans()) {
        if (span.start < end && start < span.end) {
            return true;
        }
    }
    return false;
}

bool sameSpans(const QList<Span> &a, const QList<Span> &b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].label != b[i].label || a[i].start != b[i].start || a[i].end != b[i].end) {
            return false;
        }
    }
    return true;
}

// The markup issues of an edited document that the edit itself may bring: a span added inside a
// tag that was never closed is nested in it, as every span after that tag already is. Refusing
// it would refuse every tag after the first unclosed one.
qsizetype issuesOf(const Document &edited, const SpanEdit &edit)
{
    qsizetype count = edited.markupIssues().size();
    if (edit.kind == SpanEdit::AddSpan) {
        for (const MarkupIssue &issue : edited.markupIssues()) {
            if (issue.kind == MarkupIssue::Nested && issue.tag == edit.label && issue.start == edit.start &&
                issue.end == edit.end) {
                --count;
            }
        }
    }
    return count;
}

} // namespace

qsizetype findSpan(const Document &doc, const QString &label, qsizetype start, qsizetype end)
{
    const QList<Span> &spans = doc.spans();
    for (qsizetype i = 0; i < spans.size(); ++i) {
        if (spans[i].label == label && spans[i].start == start && spans[i].end == end) {
            return i;
        }
    }
    return -1;
}

Expected<Document> apply(const Document &doc, const SpanEdit &edit, const Schema &schema)
{
    QByteArray source = doc.source();
    const QString &text = doc.text();
    QString expectedText = text;
    QList<Span> expectedSpans = doc.spans();
    if (edit.start < 0 || edit.end < edit.start || edit.end > text.size()) {
        return Error{QStringLiteral("the range %1-%2 is outside the text").arg(edit.start).arg(edit.end)};
    }

    switch (edit.kind) {
    case SpanEdit::AddSpan: {
        if (!schema.label(edit.label)) {
            return Error{QStringLiteral("\"%1\" is not a label of the schema").arg(edit.label)};
        }
        if (edit.start == edit.end) {
            return Error{QStringLiteral("an empty selection cannot be tagged")};
        }
        if (doc.isInsertedBreak(edit.start) || doc.isInsertedBreak(edit.end - 1)) {
            return Error{QStringLiteral("a span cannot start or end with a line break that stands for HTML block "
                                        "markup")};
        }
        if (overlapsExisting(doc, edit.start, edit.end)) {
            return Error{QStringLiteral("the selection overlaps a span: untag that first")};
        }
        const qsizetype open = doc.sourceOffset(edit.start, Document::Side::AfterTags);
        const qsizetype close = doc.sourceOffset(edit.end, Document::Side::BeforeTags);
        source.insert(close, "</" + edit.label.toUtf8() + '>');
        source.insert(open, openTag(edit.label, edit.attributes));
        Span added;
        added.label = edit.label;
        added.start = edit.start;
        added.end = edit.end;
        expectedSpans.append(added);
        std::stable_sort(expectedSpans.begin(), expectedSpans.end(), [](const Span &a, const Span &b) {
            return a.start != b.start ? a.start < b.start : a.end > b.end;
        });
        break;
    }
    case SpanEdit::RemoveSpan:
    case SpanEdit::Relabel: {
        const qsizetype index = findSpan(doc, edit.label, edit.start, edit.end);
        if (index < 0) {
            return Error{QStringLiteral("there is no %1 span at %2-%3").arg(edit.label).arg(edit.start).arg(edit.end)};
        }
        const Span &span = doc.spans().at(index);
        if (edit.kind == SpanEdit::RemoveSpan) {
            source.remove(span.closeTagBegin, span.closeTagEnd - span.closeTagBegin);
            source.remove(span.openTagBegin, span.openTagEnd - span.openTagBegin);
            expectedSpans.removeAt(index);
        } else {
            if (!schema.label(edit.value)) {
                return Error{QStringLiteral("\"%1\" is not a label of the schema").arg(edit.value)};
            }
            const QByteArray to = edit.value.toUtf8();
            const qsizetype nameLength = span.label.toUtf8().size();
            source.replace(span.closeTagBegin + 2, nameLength, to);
            source.replace(span.openTagBegin + 1, nameLength, to);
            expectedSpans[index].label = edit.value;
        }
        break;
    }
    case SpanEdit::ReplaceText: {
        const qsizetype from = doc.sourceOffset(edit.start, Document::Side::AfterTags);
        const qsizetype to = doc.sourceOffset(edit.end, Document::Side::BeforeTags);
        if (to < from) {
            return Error{QStringLiteral("the range %1-%2 holds no text").arg(edit.start).arg(edit.end)};
        }
        source.replace(from, to - from, doc.hasHtmlMarkup() ? escapeForHtml(edit.value) : edit.value.toUtf8());
        expectedText.replace(edit.start, edit.end - edit.start, edit.value);
        const qsizetype delta = edit.value.size() - (edit.end - edit.start);
        for (Span &span : expectedSpans) {
            if (span.start >= edit.end && span.start > edit.start) {
                span.start += delta;
            }
            if (span.end >= edit.end) {
                span.end += delta;
            }
        }
        break;
    }
    }

    Document result = Document::parse(std::move(source), schema);
    if (result.text() != expectedText || !sameSpans(result.spans(), expectedSpans) ||
        issuesOf(result, edit) != doc.markupIssues().size()) {
        return Error{QStringLiteral("the edit would change more than it asks for (text that reads as a tag, or a "
                                    "range that crosses a tag)")};
    }
    return result;
}

Expected<Document> apply(const Document &doc, const QList<SpanEdit> &edits, const Schema &schema)
{
    Expected<Document> current = doc;
    for (const SpanEdit &edit : edits) {
        current = apply(*current, edit, schema);
        if (!current) {
            return current;
        }
    }
    return current;
}

} // namespace annorev::DocumentEditor
