#pragma once

#include <QObject>
#include <QString>

class QDockWidget;
class QMainWindow;

namespace annorev {

class ComparePanel;
class ReviewPane;
class ReviewSession;
class Schema;

// The comparison with a second annotation of the batch: the Compare dock on the right with its
// ComparePanel, the differences it marks in the text, and the spans it takes over, which go to
// the session as edits.
class CompareMode final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareMode)

public:
    CompareMode(const Schema &schema, ReviewPane *review, QMainWindow *window);
    ~CompareMode() override;

    QDockWidget *dock() const { return m_dock; }
    void setSession(ReviewSession *session) { m_session = session; }
    // The document shown changed: the panel compares it, when it has a second annotation.
    void documentShown();
    // Shows the dock and asks for the second annotation.
    void chooseBatch();
    // Shows the panel and asks for one more annotator's batch (the first, when none is open).
    void chooseAnotherBatch();

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    ReviewPane *m_review = nullptr;
    ReviewSession *m_session = nullptr;
    QDockWidget *m_dock = nullptr;
    ComparePanel *m_panel = nullptr;
};

} // namespace annorev
