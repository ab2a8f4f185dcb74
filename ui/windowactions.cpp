#include "windowactions.h"

#include "documentfilterbar.h"
#include "documentlistmodel.h"
#include "documentlistpanel.h"
#include "labelcolour.h"
#include "labellegend.h"
#include "noteedit.h"
#include "reviewpane.h"
#include "schema.h"
#include "shortcutsdialog.h"
#include "sourceview.h"
#include "suggestionnavigator.h"
#include "spotcheckmode.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace annorev {

WindowActions::WindowActions(const Schema &schema, QMainWindow *window, ReviewPane *review, DocumentListPanel *list,
                             SpotCheckMode *spotCheck, QDockWidget *compareDock)
    : QObject(window), m_window(window), m_review(review), m_list(list), m_spotCheck(spotCheck)
{
    createActions(schema);
    createToolBar();
    createMenus(compareDock);
}

QAction *WindowActions::make(const QString &name, const QString &text, const QList<QKeySequence> &wanted)
{
    auto *action = new QAction(text, m_window);
    action->setObjectName(name);
    // A key listed twice is two shortcuts of one action, which Qt finds ambiguous and then
    // triggers neither: a standard key can be the same as an explicit one on some desktops.
    QList<QKeySequence> keys;
    for (const QKeySequence &key : wanted) {
        if (!key.isEmpty() && !keys.contains(key)) {
            keys.append(key);
        }
    }
    action->setShortcuts(keys);
    m_window->addAction(action);
    return action;
}

QAction *WindowActions::inText(QAction *action)
{
    m_window->removeAction(action);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_review->sourceView()->addAction(action);
    return action;
}

QAction *WindowActions::addTo(QMenu *menu, const QString &name, const QString &text, const QList<QKeySequence> &keys)
{
    QAction *action = menu->addAction(text);
    action->setObjectName(name);
    action->setShortcuts(keys);
    return action;
}

void WindowActions::createActions(const Schema &schema)
{
    for (qsizetype i = 0; i < schema.labels().size(); ++i) {
        const LabelInfo &label = schema.labels().at(i);
        const int index = int(i);
        QList<QKeySequence> keys;
        QList<QKeySequence> exactKeys;
        if (!label.shortcut.isNull()) {
            keys << QKeySequence(QString(label.shortcut));
            exactKeys << QKeySequence(u"Alt+"_s + label.shortcut);
        }
        QAction *tag = inText(make(u"tag-"_s + label.name, label.displayName, keys));
        connect(tag, &QAction::triggered, m_review, [this, index] { m_review->tagSelection(index, true); });
        tag->setIcon(LabelLegend::swatch(labelColour(label)));
        tag->setToolTip(tr("Tag the selection, widened to whole words, as %1").arg(label.displayName));
        tagActions << tag;
        QAction *exact = inText(make(u"tag-exact-"_s + label.name, label.displayName, exactKeys));
        connect(exact, &QAction::triggered, m_review, [this, index] { m_review->tagSelection(index, false); });
        exact->setIcon(tag->icon());
        exact->setToolTip(tr("Tag exactly the selection as %1").arg(label.displayName));
        exactTagActions << exact;
    }
    removeSpan = inText(make(u"removeSpan"_s, tr("&Remove Span"), {QKeySequence::Delete, Qt::Key_Backspace}));
    connect(removeSpan, &QAction::triggered, m_review, &ReviewPane::removeSpanAtCursor);
    applyFix = make(u"applyFix"_s, tr("Apply &Fix"), {QKeySequence(Qt::CTRL | Qt::Key_Period)});
    applyFix->setToolTip(
        tr("Apply the suggested fix of the finding at the cursor, or of the selected finding in the list"));
    connect(applyFix, &QAction::triggered, m_review, &ReviewPane::applySelectedFix);
    fixEverywhere = make(u"fixEverywhere"_s, tr("Apply This Fix &Everywhere…"),
                         {QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Period)});
    fixEverywhere->setToolTip(tr("Preview and apply the suggested fix of every finding of the same rule in the batch"));
    connect(fixEverywhere, &QAction::triggered, m_review, &ReviewPane::fixSelectedEverywhere);

    // The open document's stack: each document keeps its own history (ReviewSession::undoGroup()).
    undo = make(u"undo"_s, tr("&Undo"), {QKeySequence::Undo});
    // Ctrl+Shift+Z everywhere, and the platform's own redo key (QKeySequence::Redo is that very
    // key on Linux desktops: make() lists it once).
    redo = make(u"redo"_s, tr("&Redo"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    // The menu names the step ("Undo Tag “8” as gpu_count"); the tool bar keeps a short label,
    // its tooltip the full text, so that the bar does not grow and squeeze the note field.
    undo->setIconText(tr("Undo"));
    redo->setIconText(tr("Redo"));

    approve = make(u"approve"_s, tr("&Approve"),
                   {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    approve->setToolTip(tr("Approve the document and go to the next unreviewed one"));
    needsWork = make(u"needsWork"_s, tr("&Needs Work"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return)});
    reject = make(u"reject"_s, tr("Re&ject"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backspace)});
    approve->setIcon(LabelLegend::swatch(DocumentListModel::statusColour(ReviewStatus::Approved)));
    needsWork->setIcon(LabelLegend::swatch(DocumentListModel::statusColour(ReviewStatus::NeedsWork)));
    reject->setIcon(LabelLegend::swatch(DocumentListModel::statusColour(ReviewStatus::Rejected)));

    rawSource = make(u"rawSource"_s, tr("Show Tagged &Source"), {QKeySequence(Qt::CTRL | Qt::Key_U)});
    rawSource->setCheckable(true);
    exportBatch = make(u"export"_s, tr("&Export…"), {QKeySequence(Qt::CTRL | Qt::Key_E)});
    m_review->setActions(tagActions, exactTagActions, rawSource, applyFix, fixEverywhere);

    // Spot checks: P and F judge the document from the text, the list or the panel.
    pass = make(u"spotPass"_s, tr("&Pass"), {QKeySequence(Qt::Key_P)});
    connect(pass, &QAction::triggered, m_spotCheck, &SpotCheckMode::pass);
    fail = make(u"spotFail"_s, tr("&Fail…"), {QKeySequence(Qt::Key_F)});
    connect(fail, &QAction::triggered, m_spotCheck, &SpotCheckMode::chooseFailReason);
    for (QAction *judge : {pass, fail}) {
        m_window->removeAction(judge);
        judge->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_review->sourceView()->addAction(judge);
        m_list->view()->addAction(judge);
        m_spotCheck->dock()->addAction(judge);
    }
    drawRound = make(u"drawRound"_s, tr("&Draw Round…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)});
    connect(drawRound, &QAction::triggered, m_spotCheck, &SpotCheckMode::drawRound);
    dashboard = make(u"dashboard"_s, tr("&Dashboard…"), {QKeySequence(Qt::CTRL | Qt::Key_D)});

    documentActions = {approve, needsWork, reject, rawSource};
}

void WindowActions::createToolBar()
{
    // The review bar: decisions, the note that goes with them, undo.
    QToolBar *review = m_window->addToolBar(tr("Review"));
    review->setObjectName(u"reviewToolBar"_s);
    review->setMovable(false);
    review->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    review->addAction(approve);
    review->addAction(needsWork);
    review->addAction(reject);
    review->addSeparator();
    // No mnemonic: Alt+O is Review › Edit Note, which also selects the note to retype it.
    auto *noteLabel = new QLabel(tr("Note:"), review);
    m_noteEdit = new NoteEdit(review);
    noteLabel->setBuddy(m_noteEdit);
    review->addWidget(noteLabel);
    review->addWidget(m_noteEdit);
    review->addSeparator();
    review->addAction(undo);
    review->addAction(redo);
    review->addAction(applyFix);
    review->addAction(rawSource);
}

void WindowActions::createMenus(QDockWidget *compareDock)
{
    QMenu *file = m_window->menuBar()->addMenu(tr("&File"));
    openFile = addTo(file, u"openFile"_s, tr("&Open File…"), {QKeySequence::Open});
    openFolder = addTo(file, u"openFolder"_s, tr("Open &Folder…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)});
    openTeamBatch =
        addTo(file, u"openTeamBatch"_s, tr("Open &Team Batch…"), {QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O)});
    openTeamBatch->setToolTip(tr("Open a batch your team shares on a PostgreSQL server"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(u"recentMenu"_s);
    reloadBatch = addTo(file, u"reloadBatch"_s, tr("Re&load Batch"), {QKeySequence::Refresh});
    reloadBatch->setToolTip(tr("Bring the batch up to date with its files on disk; the undo history stays"));
    compareWith = addTo(file, u"compareWith"_s, tr("&Compare With…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)});
    compareWith->setToolTip(tr("Open a second annotation of the batch and compare the current document's spans"));
    addAnnotator = addTo(file, u"addAnnotator"_s, tr("Add &Annotator to Comparison…"), {});
    addAnnotator->setToolTip(tr("Add one more annotation of the batch: with two or more, the comparison panel lists "
                                "the spans the annotators disagree on, with who chose what"));
    file->addSeparator();
    file->addAction(exportBatch);
    file->addSeparator();
    // Some platforms bind no key to Quit; Ctrl+Q is what Linux desktops use.
    const QKeySequence quitKey = QKeySequence::keyBindings(QKeySequence::Quit).isEmpty()
                                     ? QKeySequence(Qt::CTRL | Qt::Key_Q)
                                     : QKeySequence(QKeySequence::Quit);
    QAction *quit = addTo(file, u"quit"_s, tr("&Quit"), {quitKey});
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, m_window, &QWidget::close);

    QMenu *edit = m_window->menuBar()->addMenu(tr("&Edit"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QMenu *tagMenu = edit->addMenu(tr("&Tag Selection As"));
    tagMenu->addActions(tagActions);
    QMenu *exactMenu = edit->addMenu(tr("Tag E&xact Selection As"));
    exactMenu->addActions(exactTagActions);
    edit->addAction(removeSpan);
    edit->addAction(applyFix);
    edit->addAction(fixEverywhere);
    tagAll = addTo(edit, u"tagAll"_s, tr("Tag &All Occurrences…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)});
    edit->addSeparator();
    QAction *find = addTo(edit, u"find"_s, tr("&Find Documents…"), {QKeySequence::Find});
    connect(find, &QAction::triggered, m_list, [this] {
        m_list->filterBar()->searchEdit()->setFocus(Qt::ShortcutFocusReason);
        m_list->filterBar()->searchEdit()->selectAll();
    });
    reviewerName = addTo(edit, u"reviewerName"_s, tr("Reviewer &Name…"), {});

    QMenu *review = m_window->menuBar()->addMenu(tr("&Review"));
    review->addAction(approve);
    review->addAction(needsWork);
    review->addAction(reject);
    QAction *editNote = addTo(review, u"editNote"_s, tr("Edit N&ote"), {QKeySequence(Qt::ALT | Qt::Key_O)});
    connect(editNote, &QAction::triggered, m_noteEdit, [this] {
        m_noteEdit->setFocus(Qt::ShortcutFocusReason);
        m_noteEdit->selectAll();
    });
    review->addSeparator();
    QAction *next = addTo(review, u"nextDocument"_s, tr("Ne&xt Document"), {QKeySequence(Qt::ALT | Qt::Key_Down)});
    connect(next, &QAction::triggered, m_list, [this] { m_list->moveBy(1); });
    QAction *previous =
        addTo(review, u"previousDocument"_s, tr("&Previous Document"), {QKeySequence(Qt::ALT | Qt::Key_Up)});
    connect(previous, &QAction::triggered, m_list, [this] { m_list->moveBy(-1); });
    nextUnreviewed = addTo(review, u"nextUnreviewed"_s, tr("Next &Unreviewed Document"),
                           {QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_Down)});
    nextForMe = addTo(review, u"nextForMe"_s, tr("Next for &Me"), {QKeySequence(Qt::CTRL | Qt::Key_J)});
    nextForMe->setToolTip(tr("Claim the next unreviewed document nobody else holds and open it (team batches)"));
    review->addSeparator();
    QMenu *spotCheck = review->addMenu(tr("&Spot Check"));
    QAction *spotPanel = m_spotCheck->dock()->toggleViewAction();
    spotPanel->setObjectName(u"spotCheckMode"_s);
    spotPanel->setText(tr("Spot-Check &Mode"));
    spotPanel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    spotCheck->addAction(spotPanel);
    spotCheck->addAction(drawRound);
    spotCheck->addAction(pass);
    spotCheck->addAction(fail);
    // J and K move through the list from the text, where letters type nothing.
    QMenu *textKeys = review->addMenu(tr("In the &Text"));
    for (auto [name, text, key, step] :
         {std::tuple{u"nextDocumentFromText"_s, tr("Next Document"), Qt::Key_J, 1},
          std::tuple{u"previousDocumentFromText"_s, tr("Previous Document"), Qt::Key_K, -1}}) {
        QAction *action = textKeys->addAction(text, m_list, [this, step] { m_list->moveBy(step); });
        action->setObjectName(name);
        action->setShortcut(QKeySequence(key));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_review->sourceView()->addAction(action);
    }

    QMenu *view = m_window->menuBar()->addMenu(tr("&View"));
    view->addAction(rawSource);
    view->addAction(dashboard);
    QAction *comparePanel = compareDock->toggleViewAction();
    comparePanel->setObjectName(u"comparePanelVisible"_s);
    comparePanel->setText(tr("&Comparison Panel"));
    comparePanel->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    view->addAction(comparePanel);
    // The documents where a model's suggestions and the annotations differ most, first.
    QAction *sortByDisagreement = addTo(view, u"sortByDisagreement"_s, tr("Sort by Disa&greement"),
                                        {QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D)});
    sortByDisagreement->setStatusTip(tr("List first the documents where the model's suggestions and the spans "
                                        "differ most"));
    connect(sortByDisagreement, &QAction::triggered, m_list, &DocumentListPanel::sortByDisagreement);
    view->addSeparator();
    for (auto [name, text, key, widget] :
         {std::tuple<QString, QString, Qt::Key, QWidget *>{u"focusDocuments"_s, tr("&Documents"), Qt::Key_1,
                                                           m_list->view()},
          std::tuple<QString, QString, Qt::Key, QWidget *>{u"focusText"_s, tr("&Text"), Qt::Key_2,
                                                           m_review->sourceView()},
          std::tuple<QString, QString, Qt::Key, QWidget *>{u"focusRecords"_s, tr("&Records"), Qt::Key_3,
                                                           m_review->recordView()},
          std::tuple<QString, QString, Qt::Key, QWidget *>{u"focusFindings"_s, tr("F&indings"), Qt::Key_4,
                                                           m_review->findingView()}}) {
        QAction *focus = addTo(view, name, text, {QKeySequence(Qt::CTRL | key)});
        connect(focus, &QAction::triggered, widget, [widget] { widget->setFocus(Qt::ShortcutFocusReason); });
    }

    QMenu *help = m_window->menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = addTo(help, u"shortcuts"_s, tr("&Keyboard Shortcuts"),
                               {QKeySequence(Qt::CTRL | Qt::Key_Slash), QKeySequence::HelpContents});
    connect(shortcuts, &QAction::triggered, this, [this] {
        auto *dialog = new ShortcutsDialog(m_window->menuBar()->actions(), SuggestionNavigator::keys(), m_window);
        dialog->setObjectName(u"shortcutsDialog"_s);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QAction *about = addTo(help, u"about"_s, tr("&About annorev"), {});
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(m_window, tr("About annorev"),
                           tr("<h3>annorev %1</h3><p>Annotation Reviewer: review inline entity annotations of "
                              "machine-learning model facts.</p>")
                               .arg(QStringLiteral(ANNOREV_VERSION)));
    });
}

} // namespace annorev
