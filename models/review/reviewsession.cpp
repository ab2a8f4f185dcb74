#include "reviewsession.h"

#include "bulkeditcommand.h"
#include "documenteditor.h"
#include "reviewstore.h"
#include "schema.h"
#include "sessioneditcommand.h"
#include "sessionwriter.h"
#include "wordsnap.h"

#include <QScopedValueRollback>
#include <QUndoGroup>
#include <QUndoStack>

#include <utility>

namespace annorev {

ReviewSession::ReviewSession(ReviewStore &store, const Schema &schema, const Checker &checker, const QString &reviewer,
                             QObject *parent)
    : QObject(parent), m_store(store), m_schema(schema), m_checker(checker), m_reviewer(reviewer),
      m_undoGroup(new QUndoGroup(this)), m_undoStack(new QUndoStack(this))
{
    m_undoGroup->addStack(m_undoStack);
    m_undoGroup->setActiveStack(m_undoStack);
    // The call is queued to this object, so it is dropped if the session is gone by then.
    m_writer = std::make_unique<SessionWriter>(store.path(), checker, [this] {
        QMetaObject::invokeMethod(this, &ReviewSession::deliverOutcomes, Qt::QueuedConnection);
    });
}

ReviewSession::~ReviewSession()
{
    // No signals from here: whoever listens may be half destroyed.
    m_writer->waitUntilIdle(QDeadlineTimer::Forever);
    while (const std::optional<SessionWriter::Outcome> outcome = m_writer->takeOutcome()) {
        if (outcome->kind == SessionWriter::Outcome::Failed) {
            qWarning("annorev: the last changes to %s were not saved: %s", qUtf8Printable(m_id),
                     qUtf8Printable(outcome->error));
        }
    }
    m_writer.reset();
}

Expected<void> ReviewSession::open(const QString &id)
{
    waitForSaved();
    const Expected<ReviewStore::StoredDocument> stored = m_store.document(id);
    if (!stored) {
        return stored.error();
    }
    if (!m_id.isEmpty()) {
        m_leftText.insert(m_id, m_document.source());
    }
    QUndoStack *&stack = m_undoStacks[id];
    if (stack == nullptr) {
        stack = new QUndoStack(this);
        m_undoGroup->addStack(stack);
    } else if (m_leftText.value(id) != stored->taggedText) {
        stack->clear();
    }
    m_undoStack = stack;
    m_undoGroup->setActiveStack(stack);
    m_id = id;
    m_status = stored->status;
    m_storeVersion = stored->version;
    m_writtenVersion = stored->version;
    show(Document::parse(stored->taggedText, m_schema));
    m_suggestions.clear();
    if (m_store.keepsSuggestions()) {
        // Few per document; a store that cannot give them leaves the document usable without.
        if (const Expected<QList<Suggestion>> all = m_store.suggestions(id)) {
            for (const Suggestion &suggestion : *all) {
                if (suggestion.state == SuggestionState::Pending) {
                    m_suggestions.append(suggestion);
                }
            }
        } else {
            Q_EMIT errorOccurred(tr("The suggestions of %1 could not be read: %2").arg(id, all.error().message));
        }
    }
    Q_EMIT documentChanged();
    Q_EMIT resultChanged();
    Q_EMIT suggestionsChanged();
    return {};
}

QList<Suggestion> ReviewSession::pendingSuggestions() const
{
    QList<Suggestion> fitting;
    const QString &text = m_document.text();
    for (const Suggestion &suggestion : m_suggestions) {
        if (suggestion.fits(text)) {
            fitting.append(suggestion);
        }
    }
    return fitting;
}

std::optional<Suggestion> ReviewSession::pendingSuggestion(qint64 id) const
{
    const auto found = std::find_if(m_suggestions.cbegin(), m_suggestions.cend(),
                                    [id](const Suggestion &suggestion) { return suggestion.id == id; });
    if (found == m_suggestions.cend() || !found->fits(m_document.text())) {
        return std::nullopt;
    }
    return *found;
}

Expected<void> ReviewSession::acceptSuggestion(qint64 id)
{
    const std::optional<Suggestion> found = pendingSuggestion(id);
    if (!found) {
        return Error{tr("the suggestion is not waiting for a decision in %1").arg(m_id)};
    }
    const Suggestion suggestion = *found;
    if (DocumentEditor::findSpan(m_document, suggestion.label, suggestion.start, suggestion.end) < 0) {
        if (Expected<void> tagged = apply({SpanEdit::add(suggestion.label, suggestion.start, suggestion.end)},
                                          tr("Accept Suggested %1").arg(suggestion.label));
            !tagged) {
            return tagged;
        }
    }
    return decideSuggestion(id, SuggestionState::Accepted);
}

Expected<void> ReviewSession::rejectSuggestion(qint64 id)
{
    if (!pendingSuggestion(id)) {
        return Error{tr("the suggestion is not waiting for a decision in %1").arg(m_id)};
    }
    return decideSuggestion(id, SuggestionState::Rejected);
}

Expected<void> ReviewSession::decideSuggestion(qint64 id, SuggestionState decision)
{
    // After the edit that accepting made: the decision's audit row moves the document's version,
    // and the next edit must build on it, as after a status change.
    if (!waitForSaved()) {
        return Error{tr("the latest changes to %1 were not saved, so the suggestion was not decided").arg(m_id)};
    }
    if (Expected<void> decided = m_store.decideSuggestion(id, decision, m_reviewer, m_schema); !decided) {
        return decided;
    }
    if (const Expected<qint64> now = m_store.version(m_id)) {
        m_storeVersion = *now;
        m_writtenVersion = *now;
    }
    m_suggestions.removeIf([id](const Suggestion &suggestion) { return suggestion.id == id; });
    Q_EMIT suggestionsChanged();
    return {};
}

void ReviewSession::show(Document document)
{
    m_document = std::move(document);
    m_saved = m_document;
    m_result = m_checker.check(m_document);
    m_resultVersion = ++m_version;
}

Expected<void> ReviewSession::apply(const QList<SpanEdit> &edits, const QString &description)
{
    if (m_id.isEmpty()) {
        return Error{tr("no document is open")};
    }
    Expected<Document> edited = DocumentEditor::apply(m_document, edits, m_schema);
    if (!edited) {
        return edited.error();
    }
    m_undoStack->push(new SessionEditCommand(*this, m_id, m_document, std::move(edited).value(), description));
    return {};
}

void ReviewSession::change([[maybe_unused]] const QString &id, [[maybe_unused]] const Document &from,
                           const Document &to, const QString &what)
{
    // Every change goes through the open document's stack, and a revert clears it, so a step
    // always starts from the document the session holds.
    Q_ASSERT(id == m_id);
    Q_ASSERT(m_document.source() == from.source());
    m_document = to;
    ++m_version;
    m_pending.push_back({m_version, what, to});
    m_writer->enqueue({m_version, m_generation, m_id, to, m_reviewer, m_storeVersion});
    {
        const QScopedValueRollback changing(m_changing, true);
        if (m_pending.size() == 1) {
            Q_EMIT savingChanged(true);
        }
        // The decision was about the text before this step (see ReviewStore::setTaggedText).
        if (m_status == ReviewStatus::Approved || m_status == ReviewStatus::Rejected) {
            setCurrentStatus(ReviewStatus::Unreviewed);
        }
        Q_EMIT documentChanged();
    }
    if (!m_changing && std::exchange(m_deliveryDeferred, false)) {
        QMetaObject::invokeMethod(this, &ReviewSession::deliverOutcomes, Qt::QueuedConnection);
    }
}

void ReviewSession::deliverOutcomes()
{
    if (m_changing) {
        // A listener of documentChanged() called in while the undo stack applies a step, which a
        // revert must not clear under it; change() has the outcomes delivered once it is done.
        m_deliveryDeferred = true;
        return;
    }
    // One at a time, so that a listener calling back in takes the next ones in order.
    while (std::optional<SessionWriter::Outcome> outcome = m_writer->takeOutcome()) {
        switch (outcome->kind) {
        case SessionWriter::Outcome::Checked:
            if (outcome->version == m_version) {
                m_result = std::move(outcome->result);
                m_resultVersion = m_version;
                Q_EMIT resultChanged();
            }
            continue;
        case SessionWriter::Outcome::Written:
            Q_ASSERT(!m_pending.empty() && m_pending.front().version == outcome->version);
            m_saved = m_pending.front().document;
            m_pending.pop_front();
            m_writtenVersion = outcome->storeVersion;
            break;
        case SessionWriter::Outcome::Skipped:
            Q_ASSERT(!m_pending.empty() && m_pending.front().version == outcome->version);
            m_pending.pop_front();
            break;
        case SessionWriter::Outcome::Failed:
            Q_ASSERT(!m_pending.empty() && m_pending.front().version == outcome->version);
            revert(outcome->error);
            break;
        }
        if (m_pending.empty()) {
            Q_EMIT savingChanged(false);
        }
    }
}

void ReviewSession::revert(const QString &storeError)
{
    // The writer skips the steps after the failed one; they stay pending until it has.
    const QString lost = m_pending.front().description;
    const qsizetype later = qsizetype(m_pending.size()) - 1;
    // What the reviewer changed since the store last took a write: kept to be made again.
    QStringList steps;
    for (const PendingStep &step : m_pending) {
        steps.append(step.description);
    }
    m_unsaved = PendingEdit::between(m_id, m_saved, m_document, steps);
    m_pending.pop_front();
    ++m_generation;
    ++m_failures;

    QString message = later == 0 ? tr("Not saved to %1: %2 (%3).").arg(m_id, lost, storeError)
                                 : tr("Not saved to %1: %2 and the %3 changes after it (%4).")
                                       .arg(m_id, lost, QString::number(later), storeError);
    const Expected<ReviewStore::StoredDocument> stored = m_store.document(m_id);
    if (stored) {
        message += u' ' + tr("The document is back to its last saved version.");
    } else {
        message += u' ' + tr("The document is back to the last version saved here; reading the store failed: %1")
                              .arg(stored.error().message);
    }
    if (m_unsaved && stored) {
        message +=
            u' ' + (m_unsaved->changesText() ? tr("Your change rewrote text and cannot be placed on it; make it again.")
                                             : tr("Your change is kept: re-apply it on this version, or drop it."));
    }
    m_undoStack->clear();
    show(stored ? Document::parse(stored->taggedText, m_schema) : m_saved);
    if (stored) {
        setCurrentStatus(stored->status);
        // What is shown now is the store's: the next change is made on its version.
        m_storeVersion = stored->version;
        m_writtenVersion = stored->version;
    }
    Q_EMIT errorOccurred(message);
    Q_EMIT documentChanged();
    Q_EMIT resultChanged();
    Q_EMIT unsavedEditChanged();
}

Expected<void> ReviewSession::reapplyUnsavedEdit()
{
    if (!m_unsaved) {
        return Error{tr("there is no refused change to re-apply")};
    }
    if (m_unsaved->documentId() != m_id) {
        return Error{
            tr("the refused change belongs to %1: open it to re-apply the change").arg(m_unsaved->documentId())};
    }
    // On the latest text: a step still on its way may yet be refused and bring a newer version.
    if (!waitForSaved()) {
        return Error{tr("the document is not saved yet; re-apply once it is")};
    }
    const Expected<QList<SpanEdit>> edits = m_unsaved->editsOn(m_document);
    if (!edits) {
        return Error{tr("%1 cannot be re-applied: %2").arg(m_unsaved->description(), edits.error().message)};
    }
    if (!edits->isEmpty()) {
        if (Expected<void> applied = apply(*edits, tr("Re-apply: %1").arg(m_unsaved->description())); !applied) {
            return Error{tr("%1 cannot be re-applied: %2").arg(m_unsaved->description(), applied.error().message)};
        }
    }
    m_unsaved.reset();
    Q_EMIT unsavedEditChanged();
    return {};
}

void ReviewSession::dropUnsavedEdit()
{
    if (m_unsaved) {
        m_unsaved.reset();
        Q_EMIT unsavedEditChanged();
    }
}

bool ReviewSession::waitForSaved(int msecs)
{
    const qsizetype failures = m_failures;
    m_writer->waitUntilIdle(QDeadlineTimer(msecs));
    deliverOutcomes();
    return m_pending.empty() && m_failures == failures;
}

Expected<void> ReviewSession::checkSpan(qsizetype spanIndex) const
{
    if (spanIndex < 0 || spanIndex >= m_document.spans().size()) {
        return Error{tr("there is no span %1").arg(spanIndex)};
    }
    return {};
}

Expected<void> ReviewSession::tag(const QString &label, qsizetype start, qsizetype end, bool snap)
{
    if (snap) {
        std::tie(start, end) = snapToWords(m_document.text(), start, end);
    }
    const QString text = m_document.text().mid(start, end - start);
    return apply({SpanEdit::add(label, start, end)}, tr("Tag \u201c%1\u201d as %2").arg(text, label));
}

Expected<void> ReviewSession::untag(qsizetype spanIndex)
{
    if (Expected<void> checked = checkSpan(spanIndex); !checked) {
        return checked;
    }
    const Span &span = m_document.spans().at(spanIndex);
    return apply({SpanEdit::remove(span)}, tr("Untag \u201c%1\u201d").arg(m_document.spanText(span)));
}

Expected<void> ReviewSession::relabel(qsizetype spanIndex, const QString &newLabel)
{
    if (Expected<void> checked = checkSpan(spanIndex); !checked) {
        return checked;
    }
    const Span &span = m_document.spans().at(spanIndex);
    return apply({SpanEdit::relabel(span, newLabel)},
                 tr("Relabel \u201c%1\u201d as %2").arg(m_document.spanText(span), newLabel));
}

Expected<void> ReviewSession::setSpanText(qsizetype spanIndex, const QString &newText)
{
    if (Expected<void> checked = checkSpan(spanIndex); !checked) {
        return checked;
    }
    const Span &span = m_document.spans().at(spanIndex);
    return apply({SpanEdit::replaceText(span.start, span.end, newText)},
                 tr("Change \u201c%1\u201d to \u201c%2\u201d").arg(m_document.spanText(span), newText));
}

Expected<void> ReviewSession::applyFix(qsizetype findingIndex)
{
    // Waiting (rather than checking here) leaves one check per text, and it is short unless the
    // user fixes a finding right after an edit.
    if (!isChecked() && !waitForSaved()) {
        return Error{tr("the latest changes to %1 were not saved, so the findings changed").arg(m_id)};
    }
    if (!isChecked()) {
        return Error{tr("the findings of %1 are not up to date yet").arg(m_id)};
    }
    if (findingIndex < 0 || findingIndex >= m_result.findings.size()) {
        return Error{tr("there is no finding %1").arg(findingIndex)};
    }
    const Finding &finding = m_result.findings.at(findingIndex);
    if (!finding.fix) {
        return Error{tr("the finding has no suggested fix")};
    }
    // Copied: applying replaces m_result, and the finding with it.
    const Fix fix = *finding.fix;
    return apply(fix.edits, fix.description);
}

Expected<void> ReviewSession::moveToRecord(qsizetype spanIndex, int recordNumber)
{
    if (Expected<void> checked = checkSpan(spanIndex); !checked) {
        return checked;
    }
    if (recordNumber < 0) {
        return Error{tr("record numbers count from 1")};
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
    return apply({SpanEdit::remove(span), add}, description);
}

Expected<void> ReviewSession::applyToDocuments(const QList<ReviewStore::TextWrite> &writes, const QString &description)
{
    if (writes.isEmpty()) {
        return Error{tr("nothing to change")};
    }
    if (Expected<void> written = writeDocuments(writes); !written) {
        return written;
    }
    m_undoStack->push(new BulkEditCommand(*this, writes, description));
    return {};
}

Expected<void> ReviewSession::readyForBulkWrite()
{
    // The open document's own steps first: the bulk write states the text it was planned on.
    if (!waitForSaved()) {
        return Error{tr("the latest changes to %1 were not saved, so nothing was changed").arg(m_id)};
    }
    return {};
}

void ReviewSession::bulkWritten(const QList<ReviewStore::TextWrite> &writes, const QString &description)
{
    showWritten(writes);
    m_undoStack->push(new BulkEditCommand(*this, writes, description));
}

Expected<void> ReviewSession::writeDocuments(const QList<ReviewStore::TextWrite> &writes)
{
    if (Expected<void> ready = readyForBulkWrite(); !ready) {
        return ready;
    }
    if (Expected<void> saved = m_store.setTaggedTexts(writes, m_reviewer); !saved) {
        return saved;
    }
    showWritten(writes);
    return {};
}

void ReviewSession::showWritten(const QList<ReviewStore::TextWrite> &writes)
{
    for (const ReviewStore::TextWrite &write : writes) {
        if (write.id != m_id) {
            continue;
        }
        // The open document changed under its stack, which holds this step too: it stays.
        show(Document::parse(write.after, m_schema));
        if (const Expected<ReviewStore::StoredDocument> stored = m_store.document(m_id)) {
            setCurrentStatus(stored->status);
            m_storeVersion = stored->version;
            m_writtenVersion = stored->version;
        }
        Q_EMIT documentChanged();
        Q_EMIT resultChanged();
    }
    Q_EMIT documentsWritten(writes);
}

Expected<void> ReviewSession::setStatus(ReviewStatus status, const QString &note)
{
    if (m_id.isEmpty()) {
        return Error{tr("no document is open")};
    }
    if (!waitForSaved()) {
        return Error{tr("the latest changes to %1 were not saved, so its status was not changed").arg(m_id)};
    }
    // Decided on the version shown: a document someone else changed meanwhile is refused.
    if (const Expected<void> saved = m_store.setStatus({m_id}, status, note, m_reviewer, {{m_id, m_writtenVersion}});
        !saved) {
        return saved;
    }
    // The next change builds on this decision.
    if (const Expected<qint64> now = m_store.version(m_id)) {
        m_storeVersion = *now;
        m_writtenVersion = *now;
    }
    setCurrentStatus(status);
    return {};
}

void ReviewSession::setCurrentStatus(ReviewStatus status)
{
    if (std::exchange(m_status, status) != status) {
        Q_EMIT statusChanged(status);
    }
}

} // namespace annorev
