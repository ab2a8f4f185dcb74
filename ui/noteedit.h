#pragma once

#include <QLineEdit>

class QAction;

namespace annorev {

// The review note: why a decision was made. It can be marked as what a refused approval needs
// (a warning sign and a reddish tint) until the reviewer types in it.
class NoteEdit final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteEdit)

public:
    explicit NoteEdit(QWidget *parent = nullptr);

    void setAttention(bool attention);

private:
    QAction *m_needed = nullptr; // the warning sign
};

} // namespace annorev
