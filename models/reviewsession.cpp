#include "reviewsession.h"

#include "documenteditor.h"
#include "reviewstore.h"
#include "schema.h"
#include "sessioneditcommand.h"
#include "wordsnap.h"

#include <QUndoStack>

namespace annorev {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
    return false;
}

} // namespace

ReviewSession::ReviewSession(ReviewStore &store, const Schema &schema, const Checker &checker, const QString &reviewer,
                             QObject *parent)
    : QObject(parent), m_store(store), m_schema(schema), m_checker(checker), m_reviewer(reviewer),
      m_undoStack(new QUndoStack(this))
{
}

ReviewSession::~ReviewSession() = default;

bool ReviewSession::open(const QString &id, QString *error)
{
    QString storeError;
    const std::optional<ReviewStore::StoredDocument> stored = m_store.document(id, &storeError);
    if (!stored) {
        return fail(error, storeError.isEmpty() ? tr("no document %1 in the store").arg(id) : storeError);
    }
    m_undoStack->clear();
    m_id = id;
    m_document = Document::parse(stored->taggedText, m_schema);
    m_result = m_checker.check(m_document);
    Q_EMIT documentChanged();
    return true;
}

bool ReviewSession::apply(const QList<SpanEdit> &edits, const QString &description, QString *error)
{
    if (m_id.isEmpty()) {
        return fail(error, tr("no document is open"));
    }
    std::optional<Document> edited = DocumentEditor::apply(m_document, edits, m_schema, error);
    if (!edited) {
        return false;
    }
    m_lastWriteError.clear();
    // push() runs redo(), which writes to the store; a failed write makes the step obsolete and
    // push() then deletes it instead of keeping it.
    m_undoStack->push(new SessionEditCommand(*this, m_document, std::move(*edited), description));
    if (!m_lastWriteError.isEmpty()) {
        return fail(error, m_lastWriteError);
    }
    return true;
}

bool ReviewSession::write(const Document &from, const Document &to)
{
    if (m_document.source() != from.source()) {
        m_lastWriteError = tr("document %1 changed outside this undo history; the step was dropped").arg(m_id);
        Q_EMIT errorOccurred(m_lastWriteError);
        return false;
    }
    // Checked once, for the views and for the counts the store keeps.
    CheckResult result = m_checker.check(to);
    QString error;
    if (!m_store.setTaggedText(m_id, to.source(), ReviewStore::TextFacts::of(to, result.findings), m_reviewer,
                               &error)) {
        m_lastWriteError = error;
        Q_EMIT errorOccurred(error);
        return false;
    }
    m_document = to;
    m_result = std::move(result);
    Q_EMIT documentChanged();
    return true;
}

bool ReviewSession::checkSpan(qsizetype spanIndex, QString *error) const
{
    if (spanIndex < 0 || spanIndex >= m_document.spans().size()) {
        return fail(error, tr("there is no span %1").arg(spanIndex));
    }
    return true;
}

bool ReviewSession::tag(const QString &label, qsizetype start, qsizetype end, QString *error, bool snap)
{
    if (snap) {
        std::tie(start, end) = snapToWords(m_document.text(), start, end);
    }
    const QString text = m_document.text().mid(start, end - start);
    return apply({SpanEdit::add(label, start, end)}, tr("Tag \u201c%1\u201d as %2").arg(text, label), error);
}

bool ReviewSession::untag(qsizetype spanIndex, QString *error)
{
    if (!checkSpan(spanIndex, error)) {
        return false;
    }
    const Span &span = m_document.spans().at(spanIndex);
    return apply({SpanEdit::remove(span)}, tr("Untag \u201c%1\u201d").arg(m_document.spanText(span)), error);
}

bool ReviewSession::relabel(qsizetype spanIndex, const QString &newLabel, QString *error)
{
    if (!checkSpan(spanIndex, error)) {
        return false;
    }
    const Span &span = m_document.spans().at(spanIndex);
    return apply({SpanEdit::relabel(span, newLabel)},
                 tr("Relabel \u201c%1\u201d as %2").arg(m_document.spanText(span), newLabel), error);
}

bool ReviewSession::setSpanText(qsizetype spanIndex, const QString &newText, QString *error)
{
    if (!checkSpan(spanIndex, error)) {
        return false;
    }
    const Span &span = m_document.spans().at(spanIndex);
    return apply({SpanEdit::replaceText(span.start, span.end, newText)},
                 tr("Change \u201c%1\u201d to \u201c%2\u201d").arg(m_document.spanText(span), newText), error);
}

bool ReviewSession::applyFix(qsizetype findingIndex, QString *error)
{
    if (findingIndex < 0 || findingIndex >= m_result.findings.size()) {
        return fail(error, tr("there is no finding %1").arg(findingIndex));
    }
    const Finding &finding = m_result.findings.at(findingIndex);
    if (!finding.fix) {
        return fail(error, tr("the finding has no suggested fix"));
    }
    // Copied: applying replaces m_result, and the finding with it.
    const Fix fix = *finding.fix;
    return apply(fix.edits, fix.description, error);
}

bool ReviewSession::moveToRecord(qsizetype spanIndex, int recordNumber, QString *error)
{
    if (!checkSpan(spanIndex, error)) {
        return false;
    }
    if (recordNumber < 0) {
        return fail(error, tr("record numbers count from 1"));
    }
    const Span &span = m_document.spans().at(spanIndex);
    SpanEdit add = SpanEdit::add(span.label, span.start, span.end);
    for (const TagAttribute &attribute : span.attributes) {
        if (attribute.name != u"record") {
            add.attributes.append(attribute);
        }
    }
    if (recordNumber > 0) {
        add.attributes.append({QStringLiteral("record"), QString::number(recordNumber)});
    }
    const QString description =
        recordNumber > 0 ? tr("Move \u201c%1\u201d to record %2").arg(m_document.spanText(span)).arg(recordNumber)
                         : tr("Move \u201c%1\u201d to its nearest record").arg(m_document.spanText(span));
    return apply({SpanEdit::remove(span), add}, description, error);
}

bool ReviewSession::setStatus(ReviewStatus status, const QString &note, QString *error)
{
    if (m_id.isEmpty()) {
        return fail(error, tr("no document is open"));
    }
    return m_store.setStatus({m_id}, status, note, m_reviewer, error);
}

std::optional<QString> ReviewSession::nextUnreviewed() const
{
    const QStringList ids = m_store.ids();
    const qsizetype current = ids.indexOf(m_id);
    const qsizetype count = ids.size();
    // Without a current document every document is a candidate; with one, all but it.
    const qsizetype begin = current < 0 ? 0 : current + 1;
    const qsizetype candidates = current < 0 ? count : count - 1;
    for (qsizetype step = 0; step < candidates; ++step) {
        const QString &id = ids.at((begin + step) % count);
        const std::optional<ReviewStore::StoredDocument> doc = m_store.document(id);
        if (doc && doc->status == ReviewStatus::Unreviewed) {
            return id;
        }
    }
    return std::nullopt;
}

} // namespace annorev
