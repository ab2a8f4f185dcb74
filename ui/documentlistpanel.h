#pragma once

#include "documentindexpage.h"
#include "documentlistmodel.h"
#include "reviewstatus.h"
#include "reviewstore.h"

#include <QHash>
#include <QList>
#include <QSet>
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
class DocumentIndexLoader;
class DocumentListModel;
class DocumentRows;
class DocumentRowsReader;
class EmptyViewNotice;
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
    // A batch's documents as the store at storePath lists them: the first page at once, the rest
    // (when the store holds more than documentCount documents, its progress bar's end) read on a
    // worker, the list usable meanwhile. The filters start over; the plain-text search reads the
    // store too.
    void showBatch(const DocumentIndexPage &firstPage, qsizetype documentCount, const QString &storePath);
    // The batch's documents read again from the store at storePath, when another process added
    // documents to the batch, took some away, or changed more than are worth updating one by one:
    // read on a worker while the list stays as it is, then put in its place with the filters,
    // the search, the sort and the current document kept (when that one is gone, the one now in
    // its place is current). Changes told meanwhile are kept over what the read found. Asked again
    // while a read is under way, it reads once more after that one, however often it is asked.
    void relist(const QString &storePath);
    bool isRelisting() const;
    // The documents listed so far: none only when the batch has none.
    int documentCount() const;
    // Whether documents are still being read into the list.
    bool isListing() const;

    // Makes the document current, clearing the filters when they hide it; false when the batch
    // has no such document.
    bool showDocument(const QString &id);
    // showDocument(), or, when the document is not listed yet, the first document until it is,
    // unless the reviewer picks another meanwhile.
    void showDocumentOnceListed(const QString &id);
    void showFirstDocument();
    // step rows up or down the list as it is shown.
    void moveBy(int step);
    // The next unreviewed document in the order the list shows, wrapping around; false when
    // every document in the list is reviewed.
    bool moveToNextUnreviewed();

    // The ids of the documents the list shows (filtered and sorted), in its order.
    QStringList shownIds() const;
    // The status the list has for a document, or nothing when it is not listed.
    std::optional<ReviewStatus> statusOf(const QString &id) const;

    // A new check of a document: the facts of the version just checked.
    void updateDocument(const QString &id, const DocumentFacts &facts);
    // How far a document's model suggestions and its spans differ now (the store counts it with
    // every change to either); -1: it has no suggestions.
    void updateDisagreement(const QString &id, int disagreement);
    // Sorts the list by the disagreement column, the largest first: the documents where the model
    // and the annotators differ most.
    void sortByDisagreement();
    // A new status of a document; returns the one it had, or nothing when it is not listed or had it.
    std::optional<ReviewStatus> updateStatus(const QString &id, ReviewStatus status);

    // Spot-check mode: the round's documents in draw order with a Check column of judgements;
    // an empty name leaves it for the batch order and sorting by a header click.
    void showRound(const QString &name, const QStringList &ids);
    void setJudgements(const QList<Judgement> &latest);
    // The Check column, and the list's minimum width with it. The Disagreement column shows
    // whenever a listed document has model suggestions.
    void showJudgementColumn(bool shown);

    QTreeView *view() const { return m_view; }
    DocumentFilterBar *filterBar() const { return m_filterBar; }
    QLabel *summaryLabel() const { return m_summaryLabel; }

    QByteArray saveHeaderState() const;
    void restoreHeaderState(const QByteArray &state);

Q_SIGNALS:
    // The reviewer (or the window) made another document current.
    void documentPicked(const QString &id);
    // The rest of the batch could not be listed; the message names the store and the reason.
    void listingFailed(const QString &error);

private:
    void currentRowChanged(const QModelIndex &proxyIndex);
    void filterChanged();
    void rowsUpdated();
    void pageRead(const DocumentIndexPage &page);
    void listingEnded(const QString &error);
    void relistRead(DocumentRows rows);
    void relistFailed(const QString &error);
    // Reads the list again if relist() was asked while a read was under way.
    void relistIfAskedMeanwhile();
    // Changes of documents the list does not have yet are held until it does.
    bool holdsUnlisted() const;
    void takePendingChanges();
    // Forgets those held for documents the list will not have (a new batch, a read that ended).
    void dropPendingChanges();
    void selectSourceRow(int row);
    void updateProgress();
    void updateSummary();
    void layOutColumns();

    const Schema &m_schema;
    DocumentListModel *m_documents = nullptr;
    DocumentFilterProxyModel *m_proxy = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    DocumentFilterBar *m_filterBar = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_summaryLabel = nullptr;
    EmptyViewNotice *m_emptyNotice = nullptr;
    DocumentIndexLoader *m_loader = nullptr;
    DocumentRowsReader *m_relister = nullptr;
    QSet<QString> m_changedWhileRelisting; // listed documents changed since the relist began
    QString m_relistAgain;                 // the store to read again once the read under way ends
    qsizetype m_documentCount = 0;
    QString m_listingError;
    // Changes of documents not listed yet, made when their page comes in.
    QHash<QString, ReviewStatus> m_pendingStatus;
    QHash<QString, DocumentListModel::Entry> m_pendingEntry;
    QHash<QString, int> m_pendingDisagreement;
    QString m_wantedId;  // showDocumentOnceListed()'s, until it is listed or another is picked
    QString m_currentId; // the document last made current, even while the filters hide it
    bool m_replacingBatch = false;
    bool m_judgementShown = false;
    bool m_choosing = false;        // the panel, not the reviewer, is making a row current
    bool m_scrollToCurrent = false; // once the rows the filters asked for are worked out
};

} // namespace annorev
