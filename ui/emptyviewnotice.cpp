#include "emptyviewnotice.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QEvent>

namespace annorev {

EmptyViewNotice::EmptyViewNotice(QAbstractItemView *view) : QLabel(view->viewport()), m_view(view)
{
    setTextFormat(Qt::PlainText);
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setMargin(fontMetrics().averageCharWidth() * 2);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setForegroundRole(QPalette::PlaceholderText);
    view->viewport()->installEventFilter(this);
    if (QAbstractItemModel *model = view->model()) {
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved,
                            &QAbstractItemModel::columnsInserted, &QAbstractItemModel::columnsRemoved}) {
            connect(model, signal, this, &EmptyViewNotice::follow);
        }
        connect(model, &QAbstractItemModel::modelReset, this, &EmptyViewNotice::follow);
        connect(model, &QAbstractItemModel::layoutChanged, this, &EmptyViewNotice::follow);
    }
    hide();
}

EmptyViewNotice::~EmptyViewNotice() = default;

void EmptyViewNotice::setNotice(const QString &text)
{
    setText(text);
    follow();
}

bool EmptyViewNotice::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        setGeometry(m_view->viewport()->rect());
    }
    return QLabel::eventFilter(watched, event);
}

void EmptyViewNotice::follow()
{
    const QAbstractItemModel *model = m_view->model();
    const bool empty = model == nullptr || model->rowCount() == 0 || model->columnCount() == 0;
    setGeometry(m_view->viewport()->rect());
    setVisible(empty && !text().isEmpty());
}

} // namespace annorev
