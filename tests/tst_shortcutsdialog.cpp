#include "shortcutsdialog.h"

#include <QAbstractItemDelegate>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QTreeView>

#include <functional>

using namespace annorev;
using namespace Qt::StringLiterals;

namespace {

QString keys(QKeySequence::StandardKey key)
{
    return QKeySequence(key).toString(QKeySequence::NativeText);
}

QString keys(const QKeySequence &sequence)
{
    return sequence.toString(QKeySequence::NativeText);
}

// The rows as "Action<TAB>Shortcut", an action in a menu as "Menu / Action<TAB>Shortcut".
QStringList rows(const QAbstractItemModel &model)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex first = model.index(row, ShortcutsDialog::ActionColumn);
        if (!model.hasChildren(first)) {
            lines << first.data().toString() + u'\t' +
                         model.index(row, ShortcutsDialog::ShortcutColumn).data().toString();
            continue;
        }
        for (int child = 0; child < model.rowCount(first); ++child) {
            lines << first.data().toString() + u" / "_s +
                         model.index(child, ShortcutsDialog::ActionColumn, first).data().toString() + u'\t' +
                         model.index(child, ShortcutsDialog::ShortcutColumn, first).data().toString();
        }
    }
    return lines;
}

} // namespace

class TestShortcutsDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void plainActionTextDropsMnemonicsAndEllipses_data();
    void plainActionTextDropsMnemonicsAndEllipses();
    void listsEachShortcutUnderItsMenu();
    void filterNarrowsToMatchingActionsOrMenus_data();
    void filterNarrowsToMatchingActionsOrMenus();
    void typingInTheFilterBoxNarrowsTheTable();
    void noTextIsCutOff();

private:
    std::unique_ptr<QMenu> m_file;
    std::unique_ptr<QMenu> m_edit;
    std::unique_ptr<QAction> m_standalone;
    QList<QAction *> m_actions;
};

void TestShortcutsDialog::init()
{
    m_file = std::make_unique<QMenu>(u"&File"_s);
    m_file->addAction(u"&Open File…"_s)->setShortcut(QKeySequence::Open);
    m_file->addAction(u"Open &Folder..."_s)->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_file->addSeparator();
    QMenu *recent = m_file->addMenu(u"Recent &Batches"_s);
    recent->addAction(u"&Clear List"_s)->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L));
    recent->addAction(u"samples"_s); // no shortcut: not listed
    m_file->addAction(u"Save && &Close"_s)->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    // QKeySequence::Quit has no key on some platforms (none under offscreen).
    m_file->addAction(u"&Quit"_s)->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    m_edit = std::make_unique<QMenu>(u"&Edit"_s);
    m_edit->addAction(u"&Undo"_s)
        ->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Z), QKeySequence(Qt::ALT | Qt::Key_Backspace)});
    m_edit->addAction(u"&Preferences"_s); // no shortcut

    // Nothing in it has a shortcut: the menu is not listed.
    auto *help = new QMenu(u"&Help"_s, m_edit.get());
    help->addAction(u"&About annorev"_s);

    m_standalone = std::make_unique<QAction>(u"Next &Document"_s);
    m_standalone->setShortcut(QKeySequence(Qt::Key_F8));
    m_actions = {m_standalone.get(), m_file->menuAction(), m_edit->menuAction(), help->menuAction()};
}

void TestShortcutsDialog::cleanup()
{
    m_actions.clear();
    m_standalone.reset();
    m_edit.reset();
    m_file.reset();
}

void TestShortcutsDialog::plainActionTextDropsMnemonicsAndEllipses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("plain");
    QTest::addRow("mnemonic") << u"&Open"_s << u"Open"_s;
    QTest::addRow("mnemonic inside") << u"Open &Folder"_s << u"Open Folder"_s;
    QTest::addRow("literal ampersand") << u"Save && &Close"_s << u"Save & Close"_s;
    QTest::addRow("ellipsis") << u"&Export…"_s << u"Export"_s;
    QTest::addRow("three dots") << u"&Export..."_s << u"Export"_s;
    QTest::addRow("shortcut hint") << u"&Open\tCtrl+O"_s << u"Open"_s;
    QTest::addRow("bracketed mnemonic") << u"打开 (&O)…"_s << u"打开"_s;
    QTest::addRow("plain") << u"Quit"_s << u"Quit"_s;
}

void TestShortcutsDialog::plainActionTextDropsMnemonicsAndEllipses()
{
    QFETCH(QString, text);
    QFETCH(QString, plain);
    QCOMPARE(ShortcutsDialog::plainActionText(text), plain);
}

void TestShortcutsDialog::listsEachShortcutUnderItsMenu()
{
    ShortcutsDialog dialog(m_actions);
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(dialog.model()->columnCount(), int(ShortcutsDialog::ColumnCount));
    QCOMPARE(dialog.model()->headerData(ShortcutsDialog::ActionColumn, Qt::Horizontal).toString(), u"Action"_s);
    QCOMPARE(dialog.model()->headerData(ShortcutsDialog::ShortcutColumn, Qt::Horizontal).toString(), u"Shortcut"_s);
    QCOMPARE(
        rows(*dialog.model()),
        (QStringList{u"Next Document\t"_s + keys(Qt::Key_F8), u"File / Open File\t"_s + keys(QKeySequence::Open),
                     u"File / Open Folder\t"_s + keys(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                     u"File / Save & Close\t"_s + keys(Qt::CTRL | Qt::Key_W),
                     u"File / Quit\t"_s + keys(Qt::CTRL | Qt::Key_Q),
                     u"File › Recent Batches / Clear List\t"_s + keys(Qt::CTRL | Qt::ALT | Qt::Key_L),
                     u"Edit / Undo\t"_s + keys(Qt::CTRL | Qt::Key_Z) + u", "_s + keys(Qt::ALT | Qt::Key_Backspace)}));
    QCOMPARE(keys(Qt::CTRL | Qt::Key_Z) + u", "_s + keys(Qt::ALT | Qt::Key_Backspace), u"Ctrl+Z, Alt+Backspace"_s);

    // Read-only.
    const QModelIndex undo = dialog.model()->index(0, 0, dialog.model()->index(3, 0));
    QCOMPARE(undo.data().toString(), u"Undo"_s);
    QVERIFY(!(undo.flags() & Qt::ItemIsEditable));
    auto *view = dialog.findChild<QTreeView *>(u"shortcutTable"_s);
    QVERIFY(view);
    QCOMPARE(view->editTriggers(), QAbstractItemView::NoEditTriggers);
    QVERIFY(view->isExpanded(dialog.model()->index(1, 0)));
    QVERIFY(!view->accessibleName().isEmpty());
}

void TestShortcutsDialog::filterNarrowsToMatchingActionsOrMenus_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("shown");
    QTest::addRow("an action") << u"folder"_s
                               << QStringList{u"File / Open Folder\t"_s + keys(Qt::CTRL | Qt::SHIFT | Qt::Key_O)};
    QTest::addRow("a shortcut") << keys(Qt::CTRL | Qt::Key_Q).toLower()
                                << QStringList{u"File / Quit\t"_s + keys(Qt::CTRL | Qt::Key_Q)};
    QTest::addRow("a menu keeps its actions")
        << u"recent"_s << QStringList{u"File › Recent Batches / Clear List\t"_s + keys(Qt::CTRL | Qt::ALT | Qt::Key_L)};
    QTest::addRow("an action outside menus") << u"next"_s << QStringList{u"Next Document\t"_s + keys(Qt::Key_F8)};
    QTest::addRow("a literal ampersand") << u"save & close"_s
                                         << QStringList{u"File / Save & Close\t"_s + keys(Qt::CTRL | Qt::Key_W)};
    QTest::addRow("nothing") << u"no such action"_s << QStringList();
}

void TestShortcutsDialog::filterNarrowsToMatchingActionsOrMenus()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, shown);
    ShortcutsDialog dialog(m_actions);
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.setFilterText(filter);
    QCOMPARE(rows(*dialog.model()), shown);
    dialog.setFilterText({});
    QCOMPARE(rows(*dialog.model()).size(), 7);
}

void TestShortcutsDialog::typingInTheFilterBoxNarrowsTheTable()
{
    ShortcutsDialog dialog(m_actions);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *filter = dialog.findChild<QLineEdit *>(u"shortcutFilter"_s);
    QVERIFY(filter);
    QVERIFY(!filter->accessibleName().isEmpty());
    QTest::keyClicks(filter, u"undo"_s);
    QCOMPARE(rows(*dialog.model()), QStringList{u"Edit / Undo\t"_s + keys(Qt::CTRL | Qt::Key_Z) + u", "_s +
                                                keys(Qt::ALT | Qt::Key_Backspace)});
    auto *view = dialog.findChild<QTreeView *>(u"shortcutTable"_s);
    QVERIFY(view->isExpanded(dialog.model()->index(0, 0)));
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
}

void TestShortcutsDialog::noTextIsCutOff()
{
    // The window's longest keys and names.
    QMenu review(u"&Review"_s);
    review.addAction(u"&Approve"_s)
        ->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    review.addAction(u"Re&ject"_s)->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backspace));
    review.addAction(u"Next &Unreviewed Document"_s)->setShortcut(QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_Down));
    QMenu *spot = review.addMenu(u"&Spot Check"_s);
    spot->addAction(u"Spot-Check &Mode"_s)->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_actions.append(review.menuAction());
    ShortcutsDialog dialog(m_actions);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *view = dialog.findChild<QTreeView *>(u"shortcutTable"_s);
    QVERIFY(view);
    QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
    int checked = 0;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < view->model()->rowCount(parent); ++row) {
            for (int column = 0; column < ShortcutsDialog::ColumnCount; ++column) {
                const QModelIndex index = view->model()->index(row, column, parent);
                if (index.data().toString().isEmpty() ||
                    (column == ShortcutsDialog::ActionColumn && view->isFirstColumnSpanned(row, parent))) {
                    continue;
                }
                view->scrollTo(index);
                QStyleOptionViewItem option;
                option.initFrom(view);
                const int needed = view->itemDelegateForIndex(index)->sizeHint(option, index).width();
                const int shown = view->visualRect(index).width();
                QVERIFY2(shown >= needed,
                         qPrintable(u"%1: %2 < %3"_s.arg(index.data().toString()).arg(shown).arg(needed)));
                ++checked;
            }
            walk(view->model()->index(row, 0, parent));
        }
    };
    walk({});
    QVERIFY(checked > 10);
}

QTEST_MAIN(TestShortcutsDialog)
#include "tst_shortcutsdialog.moc"
