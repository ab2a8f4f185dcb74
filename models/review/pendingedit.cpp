#include "pendingedit.h"

#include <QCoreApplication>
#include <QMultiHash>

namespace annorev {

namespace {

bool sameSpan(const Span &a, const Span &b)
{
    return a.label == b.label && a.start == b.start && a.end == b.end && a.attributes == b.attributes;
}

// The spans of a document by where they lie: a document may have a million.
class SpanIndex
{
public:
    explicit SpanIndex(const QList<Span> &spans) : m_spans(spans), m_taken(spans.size(), false)
    {
        m_byRange.reserve(spans.size());
        for (qsizetype i = 0; i < spans.size(); ++i) {
            m_byRange.insert({spans[i].start, spans[i].end}, i);
        }
    }
    // Whether the spans hold this one; take: each of them answers for one span only.
    bool has(const Span &span, bool take = false)
    {
        for (auto it = m_byRange.constFind({span.start, span.end});
             it != m_byRange.cend() && it.key() == std::pair(span.start, span.end); ++it) {
            if (!m_taken[it.value()] && sameSpan(span, m_spans[it.value()])) {
                m_taken[it.value()] = take;
                return true;
            }
        }
        return false;
    }

private:
    const QList<Span> &m_spans;
    QList<bool> m_taken;
    QMultiHash<std::pair<qsizetype, qsizetype>, qsizetype> m_byRange;
};

// The spans of from that to lacks, each as often as from has it more.
QList<Span> missingFrom(const QList<Span> &from, const QList<Span> &to)
{
    SpanIndex index(to);
    QList<Span> missing;
    for (const Span &span : from) {
        if (!index.has(span, true)) {
            missing.append(span);
        }
    }
    return missing;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("PendingEdit", text);
}

} // namespace

std::optional<PendingEdit> PendingEdit::between(const QString &id, const Document &saved, const Document &mine,
                                                const QStringList &steps)
{
    PendingEdit edit;
    edit.m_id = id;
    edit.m_steps = steps;
    edit.m_text = saved.text();
    edit.m_changesText = saved.text() != mine.text();
    if (!edit.m_changesText) {
        edit.m_added = missingFrom(mine.spans(), saved.spans());
        edit.m_removed = missingFrom(saved.spans(), mine.spans());
        if (edit.m_added.isEmpty() && edit.m_removed.isEmpty()) {
            return std::nullopt;
        }
    } else if (saved.source() == mine.source()) {
        return std::nullopt;
    }
    return edit;
}

QString PendingEdit::description() const
{
    const QString first = m_steps.isEmpty() ? tr("your change") : m_steps.constFirst();
    if (m_steps.size() <= 1) {
        return first;
    }
    return tr("%1 and %2 more changes").arg(first).arg(m_steps.size() - 1);
}

Expected<QList<SpanEdit>> PendingEdit::editsOn(const Document &theirs) const
{
    if (m_changesText) {
        return Error{tr("it changed the text itself, which cannot be placed on another version: make it again")};
    }
    if (theirs.text() != m_text) {
        return Error{tr("the text itself was changed since, so its tags cannot be placed: make it again")};
    }
    SpanIndex theirSpans(theirs.spans());
    QList<SpanEdit> edits;
    // Removals first: a span moved to another record is the old one removed and the new one added.
    for (const Span &span : m_removed) {
        if (theirSpans.has(span)) {
            edits.append(SpanEdit::remove(span));
        }
    }
    for (const Span &span : m_added) {
        if (!theirSpans.has(span)) {
            SpanEdit add = SpanEdit::add(span.label, span.start, span.end);
            add.attributes = span.attributes;
            edits.append(add);
        }
    }
    return edits;
}

} // namespace annorev
