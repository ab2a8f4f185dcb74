#pragma once

#include "shortcutsdialog.h"
#include "suggestion.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <optional>

namespace annorev {

class ReviewSession;
class Schema;
class SourceView;

// A model's suggestions in the text (`annorev suggest`): each pending one drawn as a dashed outline
// in its label's colour with its score, and the keys to review them without the mouse. In the
// text, Tab and Shift+Tab select the next and previous suggestion from the cursor (when there is
// none, Tab moves the focus as usual); with a suggestion selected, Enter accepts it (an ordinary
// undoable edit) and Backspace rejects it. Both are recorded in the store (ReviewSession).
class SuggestionNavigator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SuggestionNavigator)

public:
    SuggestionNavigator(const Schema &schema, SourceView *view, QObject *parent = nullptr);

    // The keys eventFilter() handles, as Help › Keyboard Shortcuts lists them.
    static QList<ShortcutsDialog::Key> keys();

    void setSession(ReviewSession *session);
    // Draws the session's pending suggestions again (after a new document, an edit, a decision).
    void refresh();
    // The suggestion whose range is selected in the text, if any.
    std::optional<Suggestion> selected() const;
    // Tab and Shift+Tab: selects the next (previous) suggestion after (before) the cursor, wrapping
    // around; false when there is none.
    bool selectNext(bool forward);
    bool acceptSelected();
    bool rejectSelected();
    // What the tooltip says of the suggestions at a position of the plain text.
    QString toolTip(qsizetype position) const;

Q_SIGNALS:
    void message(const QString &text);
    void errorOccurred(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString describe(const Suggestion &suggestion) const;

    SourceView *m_view = nullptr;
    ReviewSession *m_session = nullptr;
    QHash<QString, QColor> m_colours;
    QHash<QString, QString> m_names;
};

} // namespace annorev
