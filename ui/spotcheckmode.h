#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QDockWidget;
class QMainWindow;

namespace annorev {

class Checker;
class DocumentListPanel;
class ReviewStore;
class Schema;
class SpotCheckPanel;

// Spot-check mode: the dock on the right with the batch's SpotCheckPanel, the round it shows in
// the document list (in draw order, with a Check column), and judging documents from anywhere.
class SpotCheckMode final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpotCheckMode)

public:
    SpotCheckMode(const Schema &schema, const Checker &checker, DocumentListPanel *list, QMainWindow *window);
    ~SpotCheckMode() override;

    QDockWidget *dock() const { return m_dock; }
    // A panel of its own for each batch: it works on the batch's store, and goes before it.
    void openStore(ReviewStore &store, const QString &reviewer);
    void closeStore();
    bool hasStore() const { return m_panel != nullptr; }
    // While the store is synced by another connection the panel is shown greyed: a round can be
    // looked at, not drawn or judged (each of those writes the store).
    void setWritable(bool writable);

    void setCurrentDocument(const QString &id);
    void setReviewer(const QString &reviewer);
    // Whether a round is shown and the document is one of it.
    bool isJudging(const QString &id) const;
    QString currentRound() const;
    double target() const;

    void pass();
    void chooseFailReason();
    void drawRound();

Q_SIGNALS:
    void message(const QString &text);
    // A round was picked or left, a document judged: what the judging actions apply to changed.
    void stateChanged();

private:
    void roundSelected(const QString &name, const QStringList &ids);

    const Schema &m_schema;
    const Checker &m_checker;
    DocumentListPanel *m_list = nullptr;
    QDockWidget *m_dock = nullptr;
    SpotCheckPanel *m_panel = nullptr;
};

} // namespace annorev
