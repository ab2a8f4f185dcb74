#pragma once

#include <QLabel>

class QAbstractItemView;

namespace annorev {

// A line of text across an item view while its model is empty ("No findings in this document"),
// so that an empty pane says it is empty rather than look broken or still loading. A model with
// rows but no columns (records shown one per column) is empty too.
class EmptyViewNotice final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyViewNotice)

public:
    // The view's model must be set first; the notice follows its changes.
    explicit EmptyViewNotice(QAbstractItemView *view);
    ~EmptyViewNotice() override;

    // An empty notice is never shown (no document, nothing to say).
    void setNotice(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void follow();

    QAbstractItemView *m_view = nullptr;
};

} // namespace annorev
