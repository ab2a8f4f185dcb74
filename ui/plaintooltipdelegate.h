#pragma once

#include <QStyledItemDelegate>

namespace annorev {

// Shows ToolTipRole as plain text. QToolTip guesses rich text with Qt::mightBeRichText(), and
// tooltips quote document text: "&lt;img src=…&gt;" in a document decodes to markup.
class PlainToolTipDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlainToolTipDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static void showPlainToolTip(const QPoint &globalPos, const QString &text, QWidget *widget);

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
};

} // namespace annorev
