#include "colourmetrics.h"
#include "comparepanel.h"
#include "countryaliases.h"
#include "dashboarddialog.h"
#include "document.h"
#include "documentlistmodel.h"
#include "drawrounddialog.h"
#include "exportdialog.h"
#include "filedialogs.h"
#include "findinglistmodel.h"
#include "folderentries.h"
#include "inlinemessage.h"
#include "mainwindow.h"
#include "plaintooltipdelegate.h"
#include "recordtablemodel.h"
#include "reviewsession.h"
#include "reviewstore.h"
#include "schema.h"
#include "shortcutsdialog.h"
#include "sourceview.h"
#include "spancomparisonmodel.h"
#include "spanhighlighter.h"
#include "spotcheckpanel.h"
#include "testsupport.h"
#include "windowfixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QHeaderView>
#include <QHelpEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QScopeGuard>
#include <QSet>
#include <QProcess>
#include <QSettings>
#include <QShortcut>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QToolTip>
#include <QTreeView>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <sys/inotify.h>
#include <unistd.h>

using namespace annorev;
using namespace annorev::test;

namespace {

// Takes every shortcut event Qt sends and keeps it from its owner: what a key would trigger is
// recorded, nothing runs.
class ShortcutRecorder final : public QObject
{
public:
    struct Event
    {
        QObject *owner = nullptr;
        QKeySequence key;
        bool ambiguous = false;
    };
    QList<Event> events;

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Shortcut) {
            const auto *shortcut = static_cast<QShortcutEvent *>(event);
            events.append({watched, shortcut->key(), shortcut->isAmbiguous()});
            return true;
        }
        return false;
    }
};

QString describeOwner(const QObject *owner)
{
    if (const auto *action = qobject_cast<const QAction *>(owner)) {
        return u"action \"%1\" (%2)"_s.arg(action->text(), action->objectName());
    }
    return u"%1 %2"_s.arg(QString::fromLatin1(owner->metaObject()->className()), owner->objectName());
}

// Every key sequence of the Help › Keyboard Shortcuts table.
QList<QKeySequence> helpTableKeys(MainWindow &window)
{
    window.action(u"shortcuts"_s)->trigger();
    auto *dialog = window.findChild<ShortcutsDialog *>(u"shortcutsDialog"_s);
    QList<QKeySequence> keys;
    if (dialog == nullptr) {
        return keys;
    }
    QAbstractItemModel *model = dialog->model();
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QString text = model->index(row, ShortcutsDialog::ShortcutColumn, parent).data().toString();
            for (const QString &key : text.split(u", "_s, Qt::SkipEmptyParts)) {
                const QKeySequence sequence = QKeySequence::fromString(key, QKeySequence::NativeText);
                if (!sequence.isEmpty() && !keys.contains(sequence)) {
                    keys.append(sequence);
                }
            }
            walk(model->index(row, ShortcutsDialog::ActionColumn, parent));
        }
    };
    walk({});
    dialog->close();
    delete dialog;
    return keys;
}

} // namespace

// Every key of the window does one thing where it is pressed, and the Help table lists them all.
class TestWindowShortcuts : public QObject, private WindowFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void everyActionHasItsShortcutInAMenu();
    void keyboardShortcutsListsTheMenus();
    void noTwoShortcutsShareAKeyWhereBothApply();
    void noShortcutOfTheHelpTableIsAmbiguousWherePressed();
    void controlShiftZAfterAnUndoRedoes();
    void undoTextDoesNotGrowTheToolBar();
};

void TestWindowShortcuts::everyActionHasItsShortcutInAMenu()
{
    MainWindow window;
    QStringList missing;
    for (const QString &name : {u"openFile"_s,
                                u"openFolder"_s,
                                u"export"_s,
                                u"quit"_s,
                                u"undo"_s,
                                u"redo"_s,
                                u"removeSpan"_s,
                                u"applyFix"_s,
                                u"tagAll"_s,
                                u"find"_s,
                                u"approve"_s,
                                u"needsWork"_s,
                                u"reject"_s,
                                u"editNote"_s,
                                u"nextDocument"_s,
                                u"previousDocument"_s,
                                u"nextUnreviewed"_s,
                                u"nextDocumentFromText"_s,
                                u"previousDocumentFromText"_s,
                                u"rawSource"_s,
                                u"shortcuts"_s,
                                u"tag-model"_s,
                                u"tag-exact-year"_s}) {
        QAction *action = window.action(name);
        if (action == nullptr || action->shortcut().isEmpty()) {
            missing << name;
            continue;
        }
        // In a menu, where its shortcut is shown.
        const QList<QObject *> where = action->associatedObjects();
        if (std::none_of(where.cbegin(), where.cend(), [](QObject *o) { return qobject_cast<QMenu *>(o); })) {
            missing << name + u" (in no menu)"_s;
        }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", "_s)));
    QCOMPARE(window.action(u"approve"_s)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
    QCOMPARE(window.action(u"tag-params"_s)->shortcut(), QKeySequence(u"2"_s));
}

void TestWindowShortcuts::keyboardShortcutsListsTheMenus()
{
    MainWindow window;
    window.action(u"shortcuts"_s)->trigger();
    auto *dialog = window.findChild<ShortcutsDialog *>(u"shortcutsDialog"_s);
    QVERIFY(dialog);
    QAbstractItemModel *model = dialog->model();
    QStringList rows;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, ShortcutsDialog::ActionColumn, parent);
            rows << index.data().toString() + u'=' +
                        model->index(row, ShortcutsDialog::ShortcutColumn, parent).data().toString();
            walk(index);
        }
    };
    walk({});
    const QString all = rows.join(u'\n');
    QVERIFY2(all.contains(u"Approve="_s + QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)),
             qPrintable(all));
    QVERIFY2(all.contains(u"Next Document=J"_s), qPrintable(all));
    QVERIFY2(all.contains(u"Parameters=2"_s), qPrintable(all));
    QVERIFY2(all.contains(u"Tag All Occurrences="_s +
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T).toString(QKeySequence::NativeText)),
             qPrintable(all));
    dialog->close();
}

void TestWindowShortcuts::noTwoShortcutsShareAKeyWhereBothApply()
{
    auto window = openWindow(true);
    // Where a shortcut applies: the whole window, or the widgets (and their children) it was
    // added to. Enabled or not: a disabled action becomes enabled in another mode.
    struct Binding
    {
        QObject *owner;
        QList<QWidget *> scope; // empty: the whole window
    };
    QHash<QKeySequence, QList<Binding>> byKey;
    QStringList problems;
    auto add = [&](QObject *owner, const QList<QKeySequence> &keys, Qt::ShortcutContext context,
                   const QList<QWidget *> &widgets) {
        QList<QKeySequence> seen;
        for (const QKeySequence &key : keys) {
            if (key.isEmpty()) {
                continue;
            }
            if (seen.contains(key)) {
                problems << u"%1 lists %2 twice"_s.arg(describeOwner(owner), key.toString());
            }
            seen.append(key);
            const bool windowWide = context == Qt::WindowShortcut || context == Qt::ApplicationShortcut;
            byKey[key].append({owner, windowWide ? QList<QWidget *>() : widgets});
        }
    };
    QSet<QAction *> actions;
    for (QAction *action : window->findChildren<QAction *>()) {
        actions.insert(action);
    }
    for (QMenu *menu : window->findChildren<QMenu *>()) {
        for (QAction *action : menu->actions()) {
            actions.insert(action);
        }
    }
    for (QAction *action : std::as_const(actions)) {
        // An action in no widget and no menu has no key: Qt only matches the ones it is in.
        if (action->associatedObjects().isEmpty()) {
            continue;
        }
        QList<QWidget *> widgets;
        for (QObject *object : action->associatedObjects()) {
            if (auto *widget = qobject_cast<QWidget *>(object); widget && !qobject_cast<QMenu *>(widget) &&
                                                                !qobject_cast<QMenuBar *>(widget) &&
                                                                !qobject_cast<QToolBar *>(widget)) {
                widgets.append(widget);
            }
        }
        add(action, action->shortcuts(), action->shortcutContext(), widgets);
    }
    for (QShortcut *shortcut : window->findChildren<QShortcut *>()) {
        add(shortcut, shortcut->keys(), shortcut->context(), {qobject_cast<QWidget *>(shortcut->parent())});
    }
    auto overlap = [](const Binding &a, const Binding &b) {
        if (a.scope.isEmpty() || b.scope.isEmpty()) {
            return true;
        }
        for (QWidget *x : a.scope) {
            for (QWidget *y : b.scope) {
                if (x == y || x->isAncestorOf(y) || y->isAncestorOf(x)) {
                    return true;
                }
            }
        }
        return false;
    };
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        const QList<Binding> &bindings = it.value();
        for (qsizetype i = 0; i < bindings.size(); ++i) {
            for (qsizetype j = i + 1; j < bindings.size(); ++j) {
                if (bindings[i].owner != bindings[j].owner && overlap(bindings[i], bindings[j])) {
                    problems << u"%1: %2 and %3"_s.arg(it.key().toString(), describeOwner(bindings[i].owner),
                                                       describeOwner(bindings[j].owner));
                }
            }
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY(byKey.size() > 30);
}

void TestWindowShortcuts::noShortcutOfTheHelpTableIsAmbiguousWherePressed()
{
    auto window = openWindow(true);
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    // With both docks up, so that their buttons' and labels' mnemonics are live too.
    window->action(u"spotCheckMode"_s)->trigger();
    window->action(u"comparePanelVisible"_s)->trigger();
    QList<QKeySequence> keys = helpTableKeys(*window);
    QVERIFY(keys.size() > 30);
    // Mnemonics (menus, labels with a buddy) are window shortcuts too.
    for (int letter = Qt::Key_A; letter <= Qt::Key_Z; ++letter) {
        keys.append(QKeySequence(Qt::ALT | Qt::Key(letter)));
    }
    ShortcutRecorder recorder;
    qApp->installEventFilter(&recorder);
    QStringList problems;
    int reached = 0;
    for (const QString &name : {u"textView"_s, u"documentList"_s, u"recordTable"_s, u"findingTable"_s, u"noteEdit"_s,
                                u"spotCheckPanel"_s, u"comparePanel"_s}) {
        QWidget *focus = child<QWidget>(*window, name);
        QVERIFY2(focus->isVisible(), qPrintable(name));
        for (const QKeySequence &key : std::as_const(keys)) {
            focus->setFocus(Qt::OtherFocusReason);
            recorder.events.clear();
            QTest::keyClick(focus, key[0].key(), key[0].keyboardModifiers());
            for (const ShortcutRecorder::Event &event : std::as_const(recorder.events)) {
                ++reached;
                if (event.ambiguous) {
                    problems << u"%1 in %2 is ambiguous (reached %3)"_s.arg(key.toString(QKeySequence::NativeText),
                                                                            name, describeOwner(event.owner));
                }
            }
        }
    }
    qApp->removeEventFilter(&recorder);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY(reached > 100);
}

void TestWindowShortcuts::controlShiftZAfterAnUndoRedoes()
{
    auto window = openWindow(true);
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QVERIFY(window->showDocumentWithId(extra));
    SourceView *view = text(*window);
    selectText(view, u"2021"_s);
    QTest::keyClick(view, Qt::Key_7);
    QTRY_VERIFY(stored(*window, extra).contains("<year>2021</year>"));
    // Ctrl+Shift+Z is what Linux desktops use for redo, and the key the Help table gives.
    QVERIFY(window->action(u"redo"_s)->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(stored(*window, extra), extraSource);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(stored(*window, extra).contains("<year>2021</year>"));
    QCOMPARE(window->session()->document().source(), stored(*window, extra));
}

void TestWindowShortcuts::undoTextDoesNotGrowTheToolBar()
{
    auto window = openWindow(true);
    window->resize(1200, 800);
    QVERIFY(window->showDocumentWithId(extra));
    auto *note = child<QLineEdit>(*window, u"noteEdit"_s);
    QToolButton *undoButton = nullptr;
    for (QToolButton *button : child<QToolBar>(*window, u"reviewToolBar"_s)->findChildren<QToolButton *>()) {
        if (button->defaultAction() == window->action(u"undo"_s)) {
            undoButton = button;
        }
    }
    QVERIFY(undoButton);
    QApplication::processEvents();
    const int noteWidth = note->width();
    const int undoWidth = undoButton->width();
    selectText(text(*window), u"has 13 billion parameters and was trained on"_s);
    QTest::keyClick(text(*window), Qt::Key_5, Qt::AltModifier);
    QTRY_VERIFY(window->action(u"undo"_s)->isEnabled());
    QApplication::processEvents();
    // The menu names the step, the tool bar button does not, and the note keeps its room.
    QVERIFY2(window->action(u"undo"_s)->text().contains(u"has 13 billion"_s),
             qPrintable(window->action(u"undo"_s)->text()));
    QCOMPARE(undoButton->text(), u"Undo"_s);
    QVERIFY2(undoButton->toolTip().contains(u"has 13 billion"_s), qPrintable(undoButton->toolTip()));
    QCOMPARE(undoButton->width(), undoWidth);
    QCOMPARE(note->width(), noteWidth);
}

QTEST_MAIN(TestWindowShortcuts)
#include "tst_windowshortcuts.moc"
