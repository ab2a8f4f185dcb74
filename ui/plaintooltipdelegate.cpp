#include "plaintooltipdelegate.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QTextDocument>
#include <QToolTip>

namespace annorev {

void PlainToolTipDelegate::showPlainToolTip(const QPoint &globalPos, const QString &text, QWidget *widget)
{
    if (text.isEmpty()) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(globalPos, Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal), widget);
}

bool PlainToolTipDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                                     const QModelIndex &index)
{
    if (event == nullptr || view == nullptr || event->type() != QEvent::ToolTip) {
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    }
    showPlainToolTip(event->globalPos(), index.data(Qt::ToolTipRole).toString(), view);
    return true;
}

} // namespace annorev
