#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

QStandardItem *readOnlyItem(const QString &text)
{
    auto *item = new QStandardItem(text);
    item->setEditable(false);
    return item;
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions, const QList<Key> &otherKeys, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    addActions(actions, QString());
    addKeys(otherKeys);

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    // A matching action keeps its menu's row; a matching menu keeps all its actions.
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(true);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(u"shortcutFilter"_s);
    m_filterEdit->setAccessibleName(tr("Filter shortcuts"));
    m_filterEdit->setPlaceholderText(tr("Part of an action, a menu or a key"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        expandGroups();
    });
    auto *filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filterEdit);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filterEdit);

    m_view = new QTreeView(this);
    m_view->setObjectName(u"shortcutTable"_s);
    m_view->setAccessibleName(tr("Keyboard shortcuts"));
    m_view->setModel(m_proxy);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAllColumnsShowFocus(true);
    m_view->setUniformRowHeights(true);
    // Menus are headings, always open.
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->header()->setStretchLastSection(true);
    expandGroups();
    // Both columns as wide as their longest text ("Ctrl+Shift+Backspace", "Ctrl+Return,
    // Ctrl+Enter"), and the table at least that wide: nothing is cut off.
    const int gap = fontMetrics().averageCharWidth() * 4;
    m_view->resizeColumnToContents(ActionColumn);
    m_view->setColumnWidth(ActionColumn, m_view->columnWidth(ActionColumn) + gap);
    m_view->resizeColumnToContents(ShortcutColumn);
    const int shortcutWidth = m_view->columnWidth(ShortcutColumn) + gap;
    m_view->setColumnWidth(ShortcutColumn, shortcutWidth);
    m_view->setMinimumWidth(m_view->columnWidth(ActionColumn) + shortcutWidth + 2 * m_view->frameWidth() +
                            m_view->verticalScrollBar()->sizeHint().width());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_view);
    layout->addWidget(buttons);
    // Tall enough for every row when the screen allows, so the list reads without scrolling.
    int rows = 0;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        rows += 1 + m_proxy->rowCount(m_proxy->index(row, 0));
    }
    const int rowHeight = std::max(m_view->sizeHintForRow(0), fontMetrics().lineSpacing());
    const QSize wanted(minimumSizeHint().width(), minimumSizeHint().height() + (rows + 2) * rowHeight);
    const QSize room = screen() ? screen()->availableSize() * 0.85 : QSize(1024, 768);
    resize(wanted.boundedTo(room).expandedTo(minimumSizeHint()));
}

ShortcutsDialog::~ShortcutsDialog() = default;

QAbstractItemModel *ShortcutsDialog::model() const
{
    return m_proxy;
}

void ShortcutsDialog::setFilterText(const QString &text)
{
    m_filterEdit->setText(text);
}

QString ShortcutsDialog::plainActionText(const QString &text)
{
    // Translations put a mnemonic the text lacks in brackets after it: "打开 (&O)".
    static const QRegularExpression bracketedMnemonic(uR"(\s*\(&[^&\s]\))"_s);
    QString source = text.section(u'\t', 0, 0);
    source.remove(bracketedMnemonic);
    QString plain;
    plain.reserve(source.size());
    for (qsizetype i = 0; i < source.size(); ++i) {
        if (source.at(i) == u'&') {
            if (i + 1 < source.size() && source.at(i + 1) == u'&') {
                plain += u'&';
                ++i;
            }
            continue;
        }
        plain += source.at(i);
    }
    plain = plain.trimmed();
    if (plain.endsWith(u'…')) {
        plain.chop(1);
    } else if (plain.endsWith(u"...")) {
        plain.chop(3);
    }
    return plain.trimmed();
}

QString ShortcutsDialog::shortcutText(const QAction &action)
{
    QStringList keys;
    for (const QKeySequence &sequence : action.shortcuts()) {
        if (!sequence.isEmpty()) {
            keys.append(sequence.toString(QKeySequence::NativeText));
        }
    }
    return keys.join(u", ");
}

void ShortcutsDialog::addActions(const QList<QAction *> &actions, const QString &menuPath)
{
    QList<QList<QStandardItem *>> rows;
    QList<std::pair<QMenu *, QString>> submenus;
    for (QAction *action : actions) {
        if (action == nullptr || action->isSeparator()) {
            continue;
        }
        if (QMenu *menu = action->menu()) {
            const QString name = plainActionText(action->text());
            submenus.append({menu, menuPath.isEmpty() ? name : menuPath + u" › " + name});
            continue;
        }
        const QString keys = shortcutText(*action);
        if (!keys.isEmpty()) {
            rows.append(QList<QStandardItem *>{readOnlyItem(plainActionText(action->text())), readOnlyItem(keys)});
        }
    }
    if (menuPath.isEmpty()) {
        for (const QList<QStandardItem *> &row : std::as_const(rows)) {
            m_model->appendRow(row);
        }
    } else {
        addGroup(menuPath, rows);
    }
    // A menu's own actions come before its submenus'.
    for (const auto &[menu, path] : std::as_const(submenus)) {
        addActions(menu->actions(), path);
    }
}

void ShortcutsDialog::addGroup(const QString &name, const QList<QList<QStandardItem *>> &rows)
{
    if (rows.isEmpty()) {
        return;
    }
    QStandardItem *group = readOnlyItem(name);
    QFont bold = group->font();
    bold.setBold(true);
    group->setFont(bold);
    for (const QList<QStandardItem *> &row : rows) {
        group->appendRow(row);
    }
    m_model->appendRow({group, readOnlyItem(QString())});
}

void ShortcutsDialog::addKeys(const QList<Key> &keys)
{
    QStringList groups;
    for (const Key &key : keys) {
        if (!groups.contains(key.group)) {
            groups.append(key.group);
        }
    }
    for (const QString &group : std::as_const(groups)) {
        QList<QList<QStandardItem *>> rows;
        for (const Key &key : keys) {
            if (key.group == group) {
                rows.append(QList<QStandardItem *>{readOnlyItem(key.action),
                                                   readOnlyItem(key.keys.toString(QKeySequence::NativeText))});
            }
        }
        addGroup(group, rows);
    }
}

void ShortcutsDialog::expandGroups()
{
    m_view->expandAll();
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        m_view->setFirstColumnSpanned(row, QModelIndex(), m_proxy->hasChildren(m_proxy->index(row, 0)));
    }
}

} // namespace annorev
