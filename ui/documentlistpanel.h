#pragma once

#include "reviewstatus.h"
#include "reviewstore.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

class QLabel;
class QProgressBar;
class QTreeView;

namespace annorev {

struct DocumentFacts;
class DocumentFilterBar;
class DocumentFilterProxyModel;
class DocumentListModel;
struct Judgement;
class Schema;

// The left of the window: the review progress, the filters and the batch's documents. It keeps
// the list (DocumentListModel, filtered and sorted by a proxy) in step with what the store and
// the session say, and says which document the reviewer picked; the summary of the list
// (documents, errors, warnings, shown) is a label the window puts in its status bar.
class DocumentListPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentListPanel)

public:
    explicit DocumentListPanel(const Schema &schema, QWidget *parent = nullptr);

    // Out of the shown batch's spot-check round, if any; batch order, sorting by a header click.
    // The current row may change: call it while the session still has the batch it belongs to.
    void leaveRound();
    // A batch's documents as the store lists them; the filters start over, the plain-text search
    // reads the store at storePath.
    void showBatch(const QList<ReviewStore::ListEntry> &stored, const QString &storePath);
    int documentCount() const;

    // Makes the document current, clearing the filters when they hide it; false when the batch
    // has no such document.
    bool showDocument(const QString &id);
    void showFirstDocument();
    // step rows up or down the list as it is shown.
    void moveBy(int step);
    // The next unreviewed document in the order the list shows, wrapping around; false when
    // every document in the list is reviewed.
    bool moveToNextUnreviewed();

    // A new check of a document: the facts of the version just checked.
    void updateDocument(const QString &id, const DocumentFacts &facts);
    // A new status of a document; returns the one it had, or nothing when it is not listed or had it.
    std::optional<ReviewStatus> updateStatus(const QString &id, ReviewStatus status);

    // Spot-check mode: the round's documents in draw order with a Check column of judgements;
    // an empty name leaves it for the batch order and sorting by a header click.
    void showRound(const QString &name, const QStringList &ids);
    void setJudgements(const QList<Judgement> &latest);
    // The Check column, and the list's minimum width with it.
    void showJudgementColumn(bool shown);

    QTreeView *view() const { return m_view; }
    DocumentFilterBar *filterBar() const { return m_filterBar; }
    QLabel *summaryLabel() const { return m_summaryLabel; }

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

Q_SIGNALS:
    // The reviewer (or the window) made another document current.
    void documentPicked(const QString &id);

private:
    void currentRowChanged(const QModelIndex &proxyIndex);
    void filterChanged();
    void updateProgress();
    void updateSummary();

    const Schema &m_schema;
    DocumentListModel *m_documents = nullptr;
    DocumentFilterProxyModel *m_proxy = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    DocumentFilterBar *m_filterBar = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QString m_currentId; // the document last made current, even while the filters hide it
    bool m_replacingBatch = false;
};

} // namespace annorev
