#pragma once

#include <QFrame>

class QLabel;
class QTimer;
class QToolButton;

namespace annorev {

// A one-line notice shown right by the widget it is about (above the document text), for what the
// reviewer asked for and did not happen: a refused tag, an approval that needs a note. The status
// bar is too far from where the eye is. Plain text only; it hides itself after a while or on its
// close button.
class InlineMessage final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InlineMessage)

public:
    static constexpr int TimeoutMs = 12000;

    explicit InlineMessage(QWidget *parent = nullptr);
    ~InlineMessage() override;

    void showMessage(const QString &text);
    QString text() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColours();

    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QToolButton *m_close = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace annorev
