#include "suggestionnavigator.h"

#include "labelcolour.h"
#include "reviewsession.h"
#include "schema.h"
#include "sourceview.h"

#include <QKeyEvent>

namespace annorev {

SuggestionNavigator::SuggestionNavigator(const Schema &schema, SourceView *view, QObject *parent)
    : QObject(parent), m_view(view), m_colours(labelColours(schema))
{
    for (const LabelInfo &label : schema.labels()) {
        m_names.insert(label.name, label.displayName.isEmpty() ? label.name : label.displayName);
    }
    m_view->installEventFilter(this);
    connect(m_view, &SourceView::selectionChanged, this, &SuggestionNavigator::refresh);
}

QList<ShortcutsDialog::Key> SuggestionNavigator::keys()
{
    const QString group = tr("Model Suggestions in the Text");
    return {{group, tr("Next Suggestion"), QKeySequence(Qt::Key_Tab)},
            {group, tr("Previous Suggestion"), QKeySequence(Qt::SHIFT | Qt::Key_Tab)},
            {group, tr("Accept the Selected Suggestion"), QKeySequence(Qt::Key_Return)},
            {group, tr("Reject the Selected Suggestion"), QKeySequence(Qt::Key_Backspace)}};
}

void SuggestionNavigator::setSession(ReviewSession *session)
{
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
    }
    m_session = session;
    if (m_session) {
        connect(m_session, &ReviewSession::suggestionsChanged, this, &SuggestionNavigator::refresh);
    }
    refresh();
}

void SuggestionNavigator::refresh()
{
    QList<SourceView::SuggestionMark> marks;
    if (m_session) {
        const auto [start, end] = m_view->selectedRange();
        for (const Suggestion &suggestion : m_session->pendingSuggestions()) {
            marks.append({suggestion.start, suggestion.end, m_colours.value(suggestion.label, Qt::gray),
                          suggestion.score, suggestion.start == start && suggestion.end == end});
        }
    }
    m_view->setSuggestionMarks(marks);
}

std::optional<Suggestion> SuggestionNavigator::selected() const
{
    if (!m_session) {
        return std::nullopt;
    }
    const auto [start, end] = m_view->selectedRange();
    if (start == end) {
        return std::nullopt;
    }
    for (const Suggestion &suggestion : m_session->pendingSuggestions()) {
        if (suggestion.start == start && suggestion.end == end) {
            return suggestion;
        }
    }
    return std::nullopt;
}

QString SuggestionNavigator::describe(const Suggestion &suggestion) const
{
    const QString label = m_names.value(suggestion.label, suggestion.label);
    return suggestion.score
               ? tr("Suggested %1 \u201c%2\u201d (score %3, from %4)")
                     .arg(label, suggestion.text, QString::number(*suggestion.score, 'f', 2), suggestion.source)
               : tr("Suggested %1 \u201c%2\u201d (from %3)").arg(label, suggestion.text, suggestion.source);
}

bool SuggestionNavigator::selectNext(bool forward)
{
    if (!m_session) {
        return false;
    }
    const QList<Suggestion> pending = m_session->pendingSuggestions();
    if (pending.isEmpty()) {
        return false;
    }
    const auto [start, end] = m_view->selectedRange();
    const qsizetype cursor = start == end ? m_view->cursorPosition() : start;
    const bool onOne = selected().has_value();
    qsizetype pick = -1;
    if (forward) {
        for (qsizetype i = 0; i < pending.size() && pick < 0; ++i) {
            if (pending[i].start > cursor || (!onOne && pending[i].start == cursor)) {
                pick = i;
            }
        }
        pick = pick < 0 ? 0 : pick;
    } else {
        for (qsizetype i = pending.size() - 1; i >= 0 && pick < 0; --i) {
            if (pending[i].start < cursor) {
                pick = i;
            }
        }
        pick = pick < 0 ? pending.size() - 1 : pick;
    }
    m_view->selectRange(pending[pick].start, pending[pick].end);
    refresh();
    Q_EMIT message(tr("%1 of %2: %3. Enter accepts, Backspace rejects.")
                       .arg(pick + 1)
                       .arg(pending.size())
                       .arg(describe(pending[pick])));
    return true;
}

bool SuggestionNavigator::acceptSelected()
{
    const std::optional<Suggestion> suggestion = selected();
    if (!suggestion) {
        return false;
    }
    if (const Expected<void> accepted = m_session->acceptSuggestion(suggestion->id); !accepted) {
        Q_EMIT errorOccurred(tr("Not accepted: %1").arg(accepted.error().message));
        return true;
    }
    Q_EMIT message(tr("Accepted: %1.").arg(describe(*suggestion)));
    return true;
}

bool SuggestionNavigator::rejectSelected()
{
    const std::optional<Suggestion> suggestion = selected();
    if (!suggestion) {
        return false;
    }
    if (const Expected<void> rejected = m_session->rejectSuggestion(suggestion->id); !rejected) {
        Q_EMIT errorOccurred(tr("Not rejected: %1").arg(rejected.error().message));
        return true;
    }
    Q_EMIT message(tr("Rejected: %1.").arg(describe(*suggestion)));
    return true;
}

QString SuggestionNavigator::toolTip(qsizetype position) const
{
    if (!m_session) {
        return {};
    }
    QStringList lines;
    for (const Suggestion &suggestion : m_session->pendingSuggestions()) {
        if (suggestion.start <= position && position < suggestion.end) {
            lines.append(describe(suggestion) + tr(": Tab selects it, Enter accepts, Backspace rejects"));
        }
    }
    return lines.join(u'\n');
}

bool SuggestionNavigator::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view || (event->type() != QEvent::KeyPress && event->type() != QEvent::ShortcutOverride)) {
        return QObject::eventFilter(watched, event);
    }
    const auto *key = static_cast<QKeyEvent *>(event);
    const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
    const bool tab = (key->key() == Qt::Key_Tab && modifiers == Qt::NoModifier) || key->key() == Qt::Key_Backtab;
    const bool decide = modifiers == Qt::NoModifier && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter ||
                                                        key->key() == Qt::Key_Backspace);
    if (event->type() == QEvent::ShortcutOverride) {
        // Backspace is Remove Span's shortcut too: on a selected suggestion it is the text's key.
        if (decide && selected()) {
            event->accept();
            return true;
        }
        return false;
    }
    if (tab) {
        return selectNext(key->key() == Qt::Key_Tab);
    }
    if (decide) {
        return key->key() == Qt::Key_Backspace ? rejectSelected() : acceptSelected();
    }
    return false;
}

} // namespace annorev
