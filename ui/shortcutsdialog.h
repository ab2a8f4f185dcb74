#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QString>

class QAbstractItemModel;
class QAction;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
class QTreeView;

namespace annorev {

// Help › Keyboard Shortcuts: every action that has a shortcut, with its shortcuts in the
// platform's notation, grouped by the menu it is in and narrowed by a filter box.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    enum Columns
    {
        ActionColumn,
        ShortcutColumn,
        ColumnCount
    };

    // A key a widget handles itself rather than through an action (Tab among a text's
    // suggestions), listed under a group of its own after the menus.
    struct Key
    {
        QString group;
        QString action;
        QKeySequence keys;
    };

    // actions: what the window offers, for example menuBar()->actions(). An action with a menu
    // stands for that menu: the actions of the menu and of its submenus are listed under the menu's
    // name ("File", "File › Recent"). Separators and actions without a shortcut are left out.
    // otherKeys follow, grouped in the order their groups first appear.
    explicit ShortcutsDialog(const QList<QAction *> &actions, const QList<Key> &otherKeys = {},
                             QWidget *parent = nullptr);
    ~ShortcutsDialog() override;

    // What the view shows, filtered: a menu is a row with its actions as children; actions given
    // outside a menu are top-level rows. For reading.
    QAbstractItemModel *model() const;
    void setFilterText(const QString &text);

    // An action's text as a list shows it: without '&' mnemonic markers ("&&" is a literal '&'),
    // a shortcut hint after a tab, or a trailing "…" or "...".
    static QString plainActionText(const QString &text);
    // Every shortcut of the action in the platform's notation, joined with ", ".
    static QString shortcutText(const QAction &action);

private:
    void addActions(const QList<QAction *> &actions, const QString &menuPath);
    void addGroup(const QString &name, const QList<QList<QStandardItem *>> &rows);
    void addKeys(const QList<Key> &keys);
    void expandGroups();

    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QTreeView *m_view = nullptr;
};

} // namespace annorev
