#pragma once

#include "noticebar.h"

class QPushButton;

namespace annorev {

class ReviewSession;

// Above the document text while the reviewer's last change to it was refused (someone else changed
// the document first, or the store could not be written): says what it was and offers to re-apply
// it on the version shown now, or to drop it. Stays until one of the two, unlike the refusal's
// message, so the change is not lost by looking away. Plain text only.
class UnsavedChangeBar final : public NoticeBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnsavedChangeBar)

public:
    explicit UnsavedChangeBar(QWidget *parent = nullptr);

    // The session whose refused change is shown, or none.
    void setSession(ReviewSession *session);
    // Shows or hides the bar for the session's open document.
    void update();

Q_SIGNALS:
    // Re-applying was refused, and why.
    void errorOccurred(const QString &message);
    // A change was re-applied or dropped: what to say in passing.
    void done(const QString &message);

private:
    void reapply();
    void drop();

    ReviewSession *m_session = nullptr;
    QPushButton *m_reapply = nullptr;
    QPushButton *m_drop = nullptr;
};

} // namespace annorev
