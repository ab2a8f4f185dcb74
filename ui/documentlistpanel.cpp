#include "documentlistpanel.h"

#include "document.h"
#include "documententry.h"
#include "documentfacts.h"
#include "documentfilterbar.h"
#include "documentfilterproxymodel.h"
#include "documentindexloader.h"
#include "documentlistmodel.h"
#include "documentrowsreader.h"
#include "emptyviewnotice.h"
#include "plaintooltipdelegate.h"
#include "schema.h"

#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

// The narrowest the id column gets.
int minimumIdWidth(const QFontMetrics &metrics)
{
    return metrics.averageCharWidth() * 16;
}

// Makes the changes held for documents a page has just listed, and forgets them.
template <typename T, typename Apply>
void takeListed(QHash<QString, T> &pending, const DocumentListModel &documents, Apply apply)
{
    for (auto it = pending.begin(); it != pending.end();) {
        const int row = documents.rowOf(it.key());
        if (row < 0) {
            ++it;
            continue;
        }
        apply(row, it.key(), *it);
        it = pending.erase(it);
    }
}

QString plural(int count, const QString &one, const QString &many)
{
    return (count == 1 ? one : many).arg(QLocale().toString(count));
}

} // namespace

DocumentListPanel::DocumentListPanel(const Schema &schema, QWidget *parent) : QWidget(parent), m_schema(schema)
{
    m_documents = new DocumentListModel(this);
    m_proxy = new DocumentFilterProxyModel(this);
    m_proxy->setDocumentModel(m_documents);
    connect(m_documents, &DocumentListModel::countsChanged, this, &DocumentListPanel::updateProgress);
    connect(m_documents, &DocumentListModel::countsChanged, this, [this] {
        if (m_view && m_view->isColumnHidden(DocumentListModel::DisagreementColumn) ==
                          (m_documents->documentsWithSuggestions() > 0)) {
            layOutColumns();
        }
    });
    m_loader = new DocumentIndexLoader(this);
    connect(m_loader, &DocumentIndexLoader::pageRead, this, &DocumentListPanel::pageRead);
    connect(m_loader, &DocumentIndexLoader::finished, this, [this] { listingEnded({}); });
    connect(m_loader, &DocumentIndexLoader::failed, this, &DocumentListPanel::listingEnded);
    m_relister = new DocumentRowsReader(this);
    connect(m_relister, &DocumentRowsReader::read, this,
            [this](std::shared_ptr<DocumentRows> rows) { relistRead(std::move(*rows)); });
    connect(m_relister, &DocumentRowsReader::failed, this, &DocumentListPanel::relistFailed);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(u"progressLabel"_s);
    m_progressLabel->setTextFormat(Qt::PlainText);
    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(u"progressBar"_s);
    m_progressBar->setTextVisible(false);
    m_progressBar->setMaximumHeight(m_progressLabel->fontMetrics().height() / 2 + 2);
    m_progressBar->setAccessibleName(tr("Review progress"));
    m_filterBar = new DocumentFilterBar(m_schema, m_proxy, this);
    m_filterBar->setObjectName(u"filterBar"_s);
    m_view = new QTreeView(this);
    m_view->setObjectName(u"documentList"_s);
    m_view->setAccessibleName(tr("Documents"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setItemsExpandable(false);
    m_view->setAllColumnsShowFocus(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setItemDelegate(new PlainToolTipDelegate(m_view));
    m_view->setModel(m_proxy);
    // A list the filters leave empty says so, rather than look like a batch without documents.
    m_emptyNotice = new EmptyViewNotice(m_view);
    m_emptyNotice->setObjectName(u"documentListNotice"_s);
    m_view->setSortingEnabled(true);
    // Unsorted until the reviewer clicks a header: batch order is the natural one.
    m_view->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(DocumentListModel::IdColumn, QHeaderView::Stretch);
    for (int column : {DocumentListModel::StatusColumn, DocumentListModel::ErrorsColumn,
                       DocumentListModel::WarningsColumn, DocumentListModel::DisagreementColumn}) {
        m_view->header()->setSectionResizeMode(column, QHeaderView::Interactive);
    }
    const QFontMetrics metrics = m_view->fontMetrics();
    m_view->header()->resizeSection(DocumentListModel::StatusColumn, metrics.horizontalAdvance(tr("Needs work")) + 32);
    m_view->header()->resizeSection(DocumentListModel::ErrorsColumn, metrics.horizontalAdvance(tr("Errors")) + 16);
    m_view->header()->resizeSection(DocumentListModel::WarningsColumn, metrics.horizontalAdvance(tr("Warnings")) + 16);
    // The disagreement column shows once a listed document has model suggestions (layOutColumns()).
    m_view->header()->resizeSection(DocumentListModel::DisagreementColumn,
                                    metrics.horizontalAdvance(tr("Disagreement")) + 16);
    // The judgement column shows in spot-check mode only (showRound()).
    m_view->header()->resizeSection(DocumentListModel::JudgementColumn, metrics.horizontalAdvance(tr("Check")) + 40);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DocumentListPanel::currentRowChanged);
    connect(m_filterBar, &DocumentFilterBar::filterChanged, this, &DocumentListPanel::filterChanged);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_view);

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(u"summaryLabel"_s);
    m_summaryLabel->setTextFormat(Qt::PlainText);
    // Only now: the view sorts as it is set up, before the labels exist.
    connect(m_proxy, &DocumentFilterProxyModel::rowsUpdated, this, &DocumentListPanel::rowsUpdated);
    connect(m_proxy, &DocumentFilterProxyModel::updatingChanged, this, &DocumentListPanel::updateSummary);
    updateProgress();
    updateSummary();
}

void DocumentListPanel::leaveRound()
{
    m_proxy->setRoundOrder({});
    m_documents->setJudgements({});
    showJudgementColumn(false);
    m_view->setSortingEnabled(true);
}

void DocumentListPanel::showBatch(const DocumentIndexPage &firstPage, qsizetype documentCount, const QString &storePath)
{
    m_loader->stop();
    m_relister->stop();
    m_relistAgain.clear();
    m_changedWhileRelisting.clear();
    m_currentId.clear();
    m_wantedId.clear();
    dropPendingChanges();
    m_listingError.clear();
    m_documentCount = documentCount;
    // The filters start over without making a row of the previous batch current.
    const QScopedValueRollback replacing(m_replacingBatch, true);
    m_filterBar->reset();
    m_filterBar->setTextSearch(
        [path = storePath](const QString &needle, TextMatch match,
                           const std::atomic_bool &cancelled) -> std::optional<DocumentFilterBar::TextHits> {
            // Its own connection: SQLite connections belong to the thread that made them.
            const Expected<std::unique_ptr<ReviewStore>> searchStore = ReviewStore::open(path);
            if (!searchStore) {
                return std::nullopt;
            }
            const ReviewStore &store = **searchStore;
            const auto stop = [&cancelled] {
                return cancelled.load();
            };
            // By key where the listed rows have them (DocumentIndexPage): a common word's matches
            // then need neither their ids nor their places read.
            if (store.hasDocumentKeys()) {
                Expected<QList<qint64>> keys = store.searchKeys(needle, match, stop);
                return keys ? std::optional(DocumentFilterBar::TextHits{{}, *std::move(keys)}) : std::nullopt;
            }
            Expected<QStringList> ids = store.search(needle, match, stop);
            return ids ? std::optional(DocumentFilterBar::TextHits{*std::move(ids), {}}) : std::nullopt;
        });
    m_documents->clear();
    m_documents->appendPage(firstPage);
    if (firstPage.size() < documentCount) {
        m_loader->start(storePath, {firstPage.lastPosition, firstPage.lastId});
    }
    updateProgress();
    updateSummary();
}

int DocumentListPanel::documentCount() const
{
    return m_documents->rowCount();
}

bool DocumentListPanel::isListing() const
{
    return m_loader->isLoading();
}

bool DocumentListPanel::holdsUnlisted() const
{
    return m_loader->isLoading() || m_relister->isReading();
}

void DocumentListPanel::relist(const QString &storePath)
{
    if (m_relister->isReading()) {
        // A relist under way read a store older than the news: another read follows it, once,
        // however much more news comes meanwhile. Starting over instead, a stream of changes
        // quicker than a read (seconds at a million documents) kept the list from ever arriving.
        m_relistAgain = storePath;
        return;
    }
    // What was told until now is in the store this read reads.
    m_changedWhileRelisting.clear();
    m_relister->start(storePath);
    updateSummary();
}

void DocumentListPanel::relistIfAskedMeanwhile()
{
    if (const QString storePath = std::exchange(m_relistAgain, {}); !storePath.isEmpty()) {
        relist(storePath);
    }
}

bool DocumentListPanel::isRelisting() const
{
    return m_relister->isReading();
}

void DocumentListPanel::relistFailed(const QString &error)
{
    m_changedWhileRelisting.clear();
    updateSummary();
    Q_EMIT listingFailed(error);
    relistIfAskedMeanwhile();
}

void DocumentListPanel::relistRead(DocumentRows rows)
{
    // The first listing, if still under way, is overtaken: the read just ended has every row.
    m_loader->stop();
    m_listingError.clear();
    // What was told after the read began is newer than what it found.
    QHash<QString, DocumentListModel::Entry> told;
    for (const QString &id : std::as_const(m_changedWhileRelisting)) {
        if (const int row = m_documents->rowOf(id); row >= 0) {
            told.insert(id, m_documents->entry(row));
        }
    }
    m_changedWhileRelisting.clear();
    const QString current = m_currentId;
    const int currentRow = m_documents->rowOf(current);
    {
        const QScopedValueRollback replacing(m_replacingBatch, true);
        m_documents->setRows(std::move(rows));
    }
    m_documentCount = m_documents->rowCount();
    for (auto it = told.cbegin(); it != told.cend(); ++it) {
        if (const int row = m_documents->rowOf(it.key()); row >= 0) {
            m_documents->updateEntry(row, *it);
        }
    }
    takePendingChanges();
    dropPendingChanges();
    const QString wanted = std::exchange(m_wantedId, {});
    if (!wanted.isEmpty() && m_documents->rowOf(wanted) >= 0) {
        showDocument(wanted);
    } else if (const int row = m_documents->rowOf(current); row >= 0) {
        m_currentId = current;
        selectSourceRow(row);
    } else if (currentRow >= 0 && m_documents->rowCount() > 0) {
        // Gone from the batch: the document now in its place.
        selectSourceRow(std::min(currentRow, m_documents->rowCount() - 1));
    }
    // Documents the search found before may be gone, and new ones may match.
    m_filterBar->searchAgain();
    updateProgress();
    updateSummary();
    relistIfAskedMeanwhile();
}

void DocumentListPanel::selectSourceRow(int row)
{
    const QModelIndex index = m_proxy->mapFromSource(m_documents->index(row, 0));
    if (!index.isValid()) {
        // Hidden by the filters, or the rows are being worked out: rowsUpdated() keeps to it.
        m_currentId = m_documents->id(row);
        return;
    }
    const QScopedValueRollback choosing(m_choosing, true);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

void DocumentListPanel::takePendingChanges()
{
    // Changes made to documents before they were listed.
    takeListed(m_pendingEntry, *m_documents, [this](int row, const QString &, DocumentListModel::Entry entry) {
        entry.status = m_documents->status(row);
        entry.disagreement = m_documents->entry(row).disagreement;
        m_documents->updateEntry(row, entry);
    });
    takeListed(m_pendingDisagreement, *m_documents,
               [this](int, const QString &id, int disagreement) { updateDisagreement(id, disagreement); });
    takeListed(m_pendingStatus, *m_documents,
               [this](int, const QString &id, ReviewStatus status) { updateStatus(id, status); });
}

void DocumentListPanel::dropPendingChanges()
{
    m_pendingEntry.clear();
    m_pendingDisagreement.clear();
    m_pendingStatus.clear();
}

void DocumentListPanel::pageRead(const DocumentIndexPage &page)
{
    m_documents->appendPage(page);
    takePendingChanges();
    if (!m_wantedId.isEmpty() && m_documents->rowOf(m_wantedId) >= 0) {
        showDocument(std::exchange(m_wantedId, {}));
    }
    updateProgress();
    updateSummary();
}

void DocumentListPanel::listingEnded(const QString &error)
{
    m_listingError = error;
    m_wantedId.clear();
    dropPendingChanges();
    updateProgress();
    updateSummary();
    if (!error.isEmpty()) {
        Q_EMIT listingFailed(error);
    }
}

void DocumentListPanel::currentRowChanged(const QModelIndex &proxyIndex)
{
    if (!proxyIndex.isValid()) {
        return;
    }
    if (!m_choosing) {
        m_wantedId.clear(); // the reviewer's pick wins over a document still to come
    }
    m_currentId = proxyIndex.siblingAtColumn(DocumentListModel::IdColumn).data(DocumentListModel::IdRole).toString();
    Q_EMIT documentPicked(m_currentId);
}

void DocumentListPanel::filterChanged()
{
    if (m_replacingBatch) {
        return;
    }
    // Below the proxy's threshold the rows are already filtered: the current one comes into view.
    // Above it, rowsUpdated() does the same once they are.
    if (m_proxy->isUpdating()) {
        m_scrollToCurrent = true;
    } else if (const QModelIndex current = m_view->currentIndex(); current.isValid()) {
        m_view->scrollTo(current);
    }
    updateSummary();
}

void DocumentListPanel::rowsUpdated()
{
    if (m_replacingBatch) {
        return;
    }
    // The current document stays current when it is shown (the proxy kept it through moves);
    // otherwise the first shown one becomes current.
    const QModelIndex current = m_view->currentIndex();
    const bool kept = current.isValid() && current.data(DocumentListModel::IdRole).toString() == m_currentId;
    if (!kept) {
        const int row = m_documents->rowOf(m_currentId);
        const QModelIndex shown = row >= 0 ? m_proxy->mapFromSource(m_documents->index(row, 0)) : QModelIndex();
        const QScopedValueRollback choosing(m_choosing, true);
        if (shown.isValid()) {
            m_view->setCurrentIndex(shown);
            m_view->scrollTo(shown);
        } else if (m_proxy->rowCount() > 0) {
            m_view->setCurrentIndex(m_proxy->index(0, 0));
        }
    } else if (std::exchange(m_scrollToCurrent, false)) {
        m_view->scrollTo(current);
    }
    m_scrollToCurrent = false;
    updateSummary();
}

bool DocumentListPanel::showDocument(const QString &id)
{
    const int row = id.isEmpty() ? -1 : m_documents->rowOf(id);
    if (row < 0) {
        return false;
    }
    m_wantedId.clear();
    QModelIndex index = m_proxy->mapFromSource(m_documents->index(row, 0));
    if (!index.isValid()) {
        // Hidden by the filters: they give way to the document asked for.
        m_filterBar->reset();
        index = m_proxy->mapFromSource(m_documents->index(row, 0));
    }
    if (!index.isValid()) {
        // The rows are being worked out on a worker: rowsUpdated() makes it current.
        m_currentId = id;
        return true;
    }
    const QScopedValueRollback choosing(m_choosing, true);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

void DocumentListPanel::showDocumentOnceListed(const QString &id)
{
    if (showDocument(id)) {
        return;
    }
    showFirstDocument();
    if (isListing() && !id.isEmpty()) {
        m_wantedId = id;
    }
}

void DocumentListPanel::showFirstDocument()
{
    if (m_proxy->rowCount() > 0) {
        const QScopedValueRollback choosing(m_choosing, true);
        m_view->setCurrentIndex(m_proxy->index(0, 0));
    }
}

void DocumentListPanel::moveBy(int step)
{
    const int rows = m_proxy->rowCount();
    if (rows == 0) {
        return;
    }
    const QModelIndex current = m_view->currentIndex();
    const int row = current.isValid() ? std::clamp(current.row() + step, 0, rows - 1) : 0;
    m_view->setCurrentIndex(m_proxy->index(row, 0));
}

bool DocumentListPanel::moveToNextUnreviewed()
{
    const int rows = m_proxy->rowCount();
    const QModelIndex current = m_view->currentIndex();
    const int from = current.isValid() ? current.row() : -1;
    // In the order the list shows, after the current document, wrapping around.
    for (int step = 1; step <= rows; ++step) {
        const int row = (from + step) % rows;
        const QModelIndex index = m_proxy->index(row, 0);
        if (m_documents->status(m_proxy->mapToSource(index).row()) == ReviewStatus::Unreviewed) {
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index);
            return true;
        }
    }
    return false;
}

QStringList DocumentListPanel::shownIds() const
{
    QStringList ids;
    const int rows = m_proxy->rowCount();
    ids.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        ids.append(m_proxy->index(row, 0).data(DocumentListModel::IdRole).toString());
    }
    return ids;
}

std::optional<ReviewStatus> DocumentListPanel::statusOf(const QString &id) const
{
    const int row = m_documents->rowOf(id);
    return row < 0 ? std::nullopt : std::optional<ReviewStatus>(m_documents->status(row));
}

void DocumentListPanel::updateDocument(const QString &id, const DocumentFacts &facts)
{
    const int row = m_documents->rowOf(id);
    if (row < 0) {
        if (holdsUnlisted()) {
            m_pendingEntry.insert(id, DocumentEntry::fromFacts(id, ReviewStatus::Unreviewed, facts));
        }
        return;
    }
    if (isRelisting()) {
        m_changedWhileRelisting.insert(id);
    }
    DocumentListModel::Entry entry = DocumentEntry::fromFacts(id, m_documents->status(row), facts);
    entry.disagreement = m_documents->entry(row).disagreement; // the store counts it (updateDisagreement())
    m_documents->updateEntry(row, entry);
    updateSummary();
}

std::optional<ReviewStatus> DocumentListPanel::updateStatus(const QString &id, ReviewStatus status)
{
    const int row = m_documents->rowOf(id);
    if (row < 0 && holdsUnlisted()) {
        m_pendingStatus.insert(id, status);
    }
    if (row < 0 || m_documents->status(row) == status) {
        return std::nullopt;
    }
    if (isRelisting()) {
        m_changedWhileRelisting.insert(id);
    }
    DocumentListModel::Entry entry = m_documents->entry(row);
    const ReviewStatus before = std::exchange(entry.status, status);
    m_documents->updateEntry(row, std::move(entry));
    updateSummary();
    return before;
}

void DocumentListPanel::showRound(const QString &name, const QStringList &ids)
{
    if (name.isEmpty()) {
        m_proxy->setRoundOrder({});
        showJudgementColumn(false);
        // Back to batch order, and to sorting by a header click.
        m_view->header()->setSortIndicator(-1, Qt::AscendingOrder);
        m_view->setSortingEnabled(true);
        m_proxy->sort(-1);
        updateSummary();
        return;
    }
    m_filterBar->reset();
    m_proxy->setRoundOrder(ids);
    showJudgementColumn(true);
    // The round's order, which no header click changes and no sort arrow misrepresents (any
    // sorted column gives the round's order while a round is shown).
    m_view->setSortingEnabled(false);
    m_proxy->sort(DocumentListModel::IdColumn, Qt::AscendingOrder);
    if (!ids.isEmpty()) {
        showDocument(ids.first());
    }
    updateSummary();
}

void DocumentListPanel::setJudgements(const QList<Judgement> &latest)
{
    m_documents->setJudgements(latest);
}

void DocumentListPanel::updateDisagreement(const QString &id, int disagreement)
{
    const int row = m_documents->rowOf(id);
    if (row < 0) {
        if (holdsUnlisted()) {
            m_pendingDisagreement.insert(id, disagreement);
        }
        return;
    }
    if (isRelisting()) {
        m_changedWhileRelisting.insert(id);
    }
    DocumentListModel::Entry entry = m_documents->entry(row);
    entry.disagreement = disagreement;
    m_documents->updateEntry(row, entry);
}

void DocumentListPanel::sortByDisagreement()
{
    if (m_view->isSortingEnabled()) {
        m_view->sortByColumn(DocumentListModel::DisagreementColumn, Qt::DescendingOrder);
    }
}

void DocumentListPanel::showJudgementColumn(bool shown)
{
    m_judgementShown = shown;
    layOutColumns();
}

void DocumentListPanel::layOutColumns()
{
    m_view->setColumnHidden(DocumentListModel::JudgementColumn, !m_judgementShown);
    m_view->setColumnHidden(DocumentListModel::DisagreementColumn, m_documents->documentsWithSuggestions() == 0);
    // Ids are what the list is for: when a dock takes the width, the text and records give way
    // before the ids shrink below about 16 characters.
    int otherColumns = 0;
    for (int column = DocumentListModel::IdColumn + 1; column < DocumentListModel::ColumnCount; ++column) {
        if (!m_view->isColumnHidden(column)) {
            otherColumns += m_view->header()->sectionSize(column);
        }
    }
    m_view->setMinimumWidth(otherColumns + minimumIdWidth(m_view->fontMetrics()) + 2 * m_view->frameWidth() +
                            m_view->verticalScrollBar()->sizeHint().width());
}

QByteArray DocumentListPanel::saveHeaderState() const
{
    return m_view->header()->saveState();
}

void DocumentListPanel::restoreHeaderState(const QByteArray &state)
{
    m_view->header()->restoreState(state);
    // The header may have been saved in spot-check mode; a window opens out of it.
    showJudgementColumn(false);
}

void DocumentListPanel::updateProgress()
{
    const int total = m_documents->rowCount();
    const int reviewed = total - m_documents->count(ReviewStatus::Unreviewed);
    const QLocale locale;
    if (isListing()) {
        // The counts of a partial list would mislead: the bar shows the listing instead.
        m_progressLabel->setText(
            tr("Listing documents: %1 of %2…").arg(locale.toString(total), locale.toString(qint64(m_documentCount))));
        m_progressBar->setRange(0, int(std::max<qsizetype>(m_documentCount, 1)));
        m_progressBar->setValue(total);
        m_progressLabel->setToolTip(tr("The list can be used while the rest of the batch is read"));
        m_progressBar->setToolTip(m_progressLabel->toolTip());
        return;
    }
    if (!m_listingError.isEmpty()) {
        m_progressLabel->setText(tr("Only %1 of %2 documents could be listed")
                                     .arg(locale.toString(total), locale.toString(qint64(m_documentCount))));
        m_progressLabel->setToolTip(m_listingError);
        m_progressBar->setToolTip(m_listingError);
        return;
    }
    m_progressLabel->setText(tr("%1 / %2 reviewed").arg(locale.toString(reviewed), locale.toString(total)));
    m_progressBar->setRange(0, std::max(total, 1));
    m_progressBar->setValue(reviewed);
    const QString detail = tr("%1 approved, %2 need work, %3 rejected")
                               .arg(locale.toString(m_documents->count(ReviewStatus::Approved)),
                                    locale.toString(m_documents->count(ReviewStatus::NeedsWork)),
                                    locale.toString(m_documents->count(ReviewStatus::Rejected)));
    m_progressLabel->setToolTip(detail);
    m_progressBar->setToolTip(detail);
}

void DocumentListPanel::updateSummary()
{
    QStringList parts{plural(m_documents->rowCount(), tr("%1 document"), tr("%1 documents")),
                      plural(m_documents->totalErrors(), tr("%1 error"), tr("%1 errors")),
                      plural(m_documents->totalWarnings(), tr("%1 warning"), tr("%1 warnings"))};
    if (m_proxy->isUpdating()) {
        parts.prepend(m_proxy->isFiltering() ? tr("filtering…") : tr("sorting…"));
    } else if (m_proxy->isFiltering()) {
        parts.prepend(plural(m_proxy->rowCount(), tr("%1 shown"), tr("%1 shown")));
    }
    if (isListing()) {
        parts.prepend(tr("listing"));
    } else if (isRelisting()) {
        parts.prepend(tr("updating the list"));
    }
    m_summaryLabel->setText(parts.join(u" · "_s));
    // Shown only while the list is empty, and said only when the filters made it so.
    if (!m_proxy->isFiltering() || m_proxy->isUpdating() || m_documents->rowCount() == 0) {
        m_emptyNotice->setNotice({});
    } else if (isListing()) {
        m_emptyNotice->setNotice(tr("None of the documents listed so far matches the search and filters; "
                                    "the rest of the batch is being listed."));
    } else {
        m_emptyNotice->setNotice(tr("No document matches the search and filters."));
    }
}

} // namespace annorev
