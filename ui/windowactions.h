#pragma once

#include "reviewstatus.h"

#include <QList>
#include <QObject>

class QAction;
class QDockWidget;
class QKeySequence;
class QMainWindow;
class QMenu;

namespace annorev {

class DocumentListPanel;
class NoteEdit;
class ReviewPane;
class Schema;
class SpotCheckMode;

// Every command of the window: its name (the QAction's object name, which tests and the
// shortcuts dialog go by), text, keys and where it shows (menus, the review tool bar, the
// widgets a key works in). Commands that act on one part are connected to it here; those that
// need the whole window (opening, deciding, undo, dialogs) are the members below, for the window
// to connect and enable.
class WindowActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowActions)

public:
    WindowActions(const Schema &schema, QMainWindow *window, ReviewPane *review, DocumentListPanel *list,
                  SpotCheckMode *spotCheck, QDockWidget *compareDock);

    QMenu *recentMenu() const { return m_recentMenu; }
    NoteEdit *noteEdit() const { return m_noteEdit; }

    // Enabled by the window; connected here.
    QList<QAction *> tagActions;      // one per schema label, in schema order
    QList<QAction *> exactTagActions; // the same without snapping to words
    QAction *removeSpan = nullptr;
    QAction *applyFix = nullptr;
    QAction *fixEverywhere = nullptr; // Edit › Apply This Fix Everywhere…
    QAction *pass = nullptr;
    QAction *fail = nullptr;
    QAction *drawRound = nullptr;

    // Connected and enabled by the window.
    QAction *openFile = nullptr;
    QAction *openFolder = nullptr;
    QAction *openTeamBatch = nullptr;
    QAction *reloadBatch = nullptr; // File › Reload Batch: a local batch synced with its files
    QAction *compareWith = nullptr;
    QAction *addAnnotator = nullptr; // File › Add Annotator to Comparison…
    QAction *exportBatch = nullptr;
    QAction *reviewerName = nullptr;
    QAction *tagAll = nullptr; // Edit › Tag All Occurrences…
    QAction *undo = nullptr;
    QAction *redo = nullptr;
    QAction *approve = nullptr;
    QAction *needsWork = nullptr;
    QAction *reject = nullptr;
    QAction *nextUnreviewed = nullptr;
    QAction *nextForMe = nullptr; // team batches only
    QAction *rawSource = nullptr; // checkable
    QAction *dashboard = nullptr;
    QList<QAction *> documentActions; // enabled only while a document is shown

private:
    // An action of the whole window: its keys work wherever the focus is in it.
    QAction *make(const QString &name, const QString &text, const QList<QKeySequence> &wanted);
    // An action whose keys work only in the text: there they type nothing, elsewhere they would.
    QAction *inText(QAction *action);
    QAction *addTo(QMenu *menu, const QString &name, const QString &text, const QList<QKeySequence> &keys);
    void createActions(const Schema &schema);
    void createToolBar();
    void createMenus(QDockWidget *compareDock);

    QMainWindow *m_window = nullptr;
    ReviewPane *m_review = nullptr;
    DocumentListPanel *m_list = nullptr;
    SpotCheckMode *m_spotCheck = nullptr;
    NoteEdit *m_noteEdit = nullptr;
    QMenu *m_recentMenu = nullptr;
};

} // namespace annorev
