#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace annorev {

// A bar that stays across the window or above the text until the reviewer answers it: a line of
// plain text in the tool tip's colours and the buttons that answer it, on the right. The bars
// that ask something (a refused change, files changed on disk) are made of it.
class NoticeBar : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoticeBar)

public:
    // Hidden until shown.
    NoticeBar(const QString &objectName, QWidget *parent);
    ~NoticeBar() override;

    QString text() const;

protected:
    void setText(const QString &text);
    // A button at the end of the bar.
    QPushButton *addButton(const QString &text, const QString &objectName, const QString &toolTip);

private:
    QLabel *m_text = nullptr;
};

} // namespace annorev
