#include "reviewpane.h"

#include "countryaliases.h"
#include "document.h"
#include "emptyviewnotice.h"
#include "findinglistmodel.h"
#include "inlinemessage.h"
#include "labelcolour.h"
#include "labellegend.h"
#include "plaintooltipdelegate.h"
#include "recorddelegate.h"
#include "recordtablemodel.h"
#include "reviewsession.h"
#include "schema.h"
#include "sourceview.h"
#include "suggestionnavigator.h"
#include "unsavedchangebar.h"
#include "valueformat.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTransposeProxyModel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

void setUpTableView(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setItemDelegate(new PlainToolTipDelegate(view));
    view->setContextMenuPolicy(Qt::CustomContextMenu);
}

} // namespace

ReviewPane::ReviewPane(const Schema &schema, QWidget *parent) : QWidget(parent), m_schema(schema)
{
    m_records = new RecordTableModel(this);
    m_records->setSpanTextEditor([this](qsizetype span, const QString &text) {
        // The record model is inside setData(): the views follow once it has returned.
        const QScopedValueRollback committing(m_committingCell, true);
        const Expected<void> changed = m_session ? m_session->setSpanText(span, text) : Expected<void>(Error{});
        if (!changed) {
            Q_EMIT errorOccurred(changed.error().message);
            return false;
        }
        return true;
    });
    // Records are shown one per column, fields as rows: a document has few records and seven
    // fields, which fit a side pane this way round.
    m_recordTranspose = new QTransposeProxyModel(this);
    m_recordTranspose->setSourceModel(m_records);
    m_findings = new FindingListModel(this);
    // The severity at a glance, beside its name (the icon alone would say nothing to a screen reader).
    m_findings->setSeverityIcons({style()->standardIcon(QStyle::SP_MessageBoxInformation),
                                  style()->standardIcon(QStyle::SP_MessageBoxWarning),
                                  style()->standardIcon(QStyle::SP_MessageBoxCritical)});
    m_findingProxy = new QSortFilterProxyModel(this);
    m_findingProxy->setSourceModel(m_findings);
    m_findingProxy->setSortRole(FindingListModel::SeverityRole);

    // Centre: the label buttons above the text (filled in by setActions()).
    auto *textPanel = new QWidget(this);
    textPanel->setObjectName(u"textPanel"_s);
    auto *textLayout = new QVBoxLayout(textPanel);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->setSpacing(2);
    m_sourceView = new SourceView(m_schema, textPanel);
    m_sourceView->setObjectName(u"textView"_s);
    m_sourceView->setAccessibleName(tr("Document text"));
    m_sourceView->setToolTipProvider([this](qsizetype position) { return spanToolTip(position); });
    m_suggestions = new SuggestionNavigator(m_schema, m_sourceView, this);
    connect(m_suggestions, &SuggestionNavigator::message, this, &ReviewPane::statusMessage);
    connect(m_suggestions, &SuggestionNavigator::errorOccurred, this, &ReviewPane::errorOccurred);
    connect(m_sourceView, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        syncRecordCellToCursor();
        Q_EMIT editTargetChanged();
    });
    connect(m_sourceView, &QPlainTextEdit::selectionChanged, this, &ReviewPane::editTargetChanged);
    connect(m_sourceView, &QWidget::customContextMenuRequested, this, &ReviewPane::showTextMenu);
    // Stay while the document is held by someone else or the store is out of reach, unlike the
    // refusals below them.
    const auto makeBanner = [&](const QString &name) {
        auto *banner = new QLabel(textPanel);
        banner->setObjectName(name);
        banner->setTextFormat(Qt::PlainText);
        banner->setWordWrap(true);
        banner->setFrameShape(QFrame::StyledPanel);
        banner->setMargin(6);
        banner->setBackgroundRole(QPalette::ToolTipBase);
        banner->setForegroundRole(QPalette::ToolTipText);
        banner->setAutoFillBackground(true);
        banner->hide();
        textLayout->addWidget(banner);
        return banner;
    };
    m_unreachableBanner = makeBanner(u"unreachableBanner"_s);
    m_syncingBanner = makeBanner(u"syncingBanner"_s);
    m_heldBanner = makeBanner(u"heldBanner"_s);
    m_unsaved = new UnsavedChangeBar(textPanel);
    connect(m_unsaved, &UnsavedChangeBar::errorOccurred, this, &ReviewPane::showMessage);
    connect(m_unsaved, &UnsavedChangeBar::done, this, &ReviewPane::showMessage);
    textLayout->addWidget(m_unsaved);
    m_message = new InlineMessage(textPanel);
    textLayout->addWidget(m_message);
    textLayout->addWidget(m_sourceView, 1);

    // Right: the records.
    m_recordView = new QTableView(this);
    m_recordView->setObjectName(u"recordTable"_s);
    m_recordView->setAccessibleName(tr("Records"));
    setUpTableView(m_recordView);
    m_recordView->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_recordView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                                  QAbstractItemView::AnyKeyPressed);
    m_recordView->setItemDelegate(new RecordDelegate(CountryAliases::builtin().names(), m_recordView));
    m_recordView->verticalHeader()->show();
    m_recordView->setModel(m_recordTranspose);
    m_recordNotice = new EmptyViewNotice(m_recordView);
    m_recordNotice->setObjectName(u"recordNotice"_s);
    connect(m_recordView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ReviewPane::selectSpanOfRecordCell);
    connect(m_recordView, &QWidget::customContextMenuRequested, this, &ReviewPane::showRecordMenu);

    // Bottom: the findings, most severe first.
    auto *findingPanel = new QWidget(this);
    auto *findingLayout = new QVBoxLayout(findingPanel);
    findingLayout->setContentsMargins(0, 0, 0, 0);
    findingLayout->setSpacing(0);
    m_findingView = new QTableView(findingPanel);
    m_findingView->setObjectName(u"findingTable"_s);
    m_findingView->setAccessibleName(tr("Findings"));
    setUpTableView(m_findingView);
    m_findingView->setModel(m_findingProxy);
    m_findingNotice = new EmptyViewNotice(m_findingView);
    m_findingNotice->setObjectName(u"findingNotice"_s);
    m_findingView->setSortingEnabled(true);
    m_findingView->sortByColumn(FindingListModel::SeverityColumn, Qt::DescendingOrder);
    m_findingView->horizontalHeader()->resizeSection(FindingListModel::SeverityColumn, 80);
    m_findingView->horizontalHeader()->resizeSection(FindingListModel::RuleColumn, 190);
    m_findingView->horizontalHeader()->resizeSection(FindingListModel::TextColumn, 220);
    // Severity sorts by rank, not alphabetically; the other columns by what they show.
    connect(m_findingView->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int section) {
        m_findingProxy->setSortRole(section == FindingListModel::SeverityColumn ? int(FindingListModel::SeverityRole)
                                                                                : int(Qt::DisplayRole));
    });
    connect(m_findingView, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        selectFinding(index);
        m_sourceView->setFocus(Qt::OtherFocusReason);
    });
    connect(m_findingView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &index) {
                selectFinding(index);
                Q_EMIT editTargetChanged();
            });
    connect(m_findingView, &QWidget::customContextMenuRequested, this, &ReviewPane::showFindingMenu);
    findingLayout->addWidget(m_findingView);

    m_textSplitter = new QSplitter(Qt::Horizontal, this);
    m_textSplitter->setObjectName(u"textSplitter"_s);
    m_textSplitter->addWidget(textPanel);
    m_textSplitter->addWidget(m_recordView);
    m_textSplitter->setStretchFactor(0, 3);
    m_textSplitter->setStretchFactor(1, 2);

    m_centreSplitter = new QSplitter(Qt::Vertical, this);
    m_centreSplitter->setObjectName(u"centreSplitter"_s);
    m_centreSplitter->addWidget(m_textSplitter);
    m_centreSplitter->addWidget(findingPanel);
    m_centreSplitter->setStretchFactor(0, 3);
    m_centreSplitter->setStretchFactor(1, 1);

    for (QSplitter *splitter : {m_textSplitter, m_centreSplitter}) {
        splitter->setChildrenCollapsible(false);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_centreSplitter);
}

void ReviewPane::setSession(ReviewSession *session)
{
    m_session = session;
    m_shownId.clear();
    m_unsaved->setSession(session);
    m_suggestions->setSession(session);
}

void ReviewPane::setActions(const QList<QAction *> &tag, const QList<QAction *> &exactTag, QAction *rawSource,
                            QAction *applyFix, QAction *fixEverywhere)
{
    m_tagActions = tag;
    m_exactTagActions = exactTag;
    m_rawSourceAction = rawSource;
    m_applyFixAction = applyFix;
    m_fixEverywhereAction = fixEverywhere;
    // The legend's buttons tag the selection too.
    auto *legend = new LabelLegend(m_schema, m_tagActions, m_sourceView->parentWidget());
    legend->setObjectName(u"labelLegend"_s);
    static_cast<QVBoxLayout *>(m_sourceView->parentWidget()->layout())->insertWidget(0, legend);
}

void ReviewPane::showDocument()
{
    const QString id = m_session->documentId();
    const bool sameDocument = id == m_shownId;
    const bool checked = m_session->isChecked();
    m_shownId = id;
    m_unsaved->update();
    // The text and its spans show at once; findings and records follow the check, which for an
    // edit runs on the session's writer thread (showResult()).
    m_sourceView->showDocument(m_session->document(),
                               checked ? std::optional(m_session->result().findings) : std::nullopt, sameDocument);
    m_suggestions->refresh();
    if (!sameDocument) {
        m_sourceView->moveCursor(QTextCursor::Start);
        m_resizeRecords = true;
    }
}

void ReviewPane::showResult(bool showFindings)
{
    const Document &doc = m_session->document();
    const CheckResult &result = m_session->result();
    if (showFindings) {
        m_sourceView->showFindings(result.findings);
    }
    m_records->setDocument(doc, result.analysis, result.findings);
    m_findings->setFindings(doc, result.findings);
    m_recordNotice->setNotice(tr("No records: tag a span to start one."));
    m_findingNotice->setNotice(tr("No findings: the checks found nothing to report in this document."));
    if (m_resizeRecords) {
        m_recordView->resizeColumnsToContents();
        m_resizeRecords = false;
    }
    syncRecordCellToCursor();
}

void ReviewPane::clear(const QString &placeholder)
{
    m_shownId.clear();
    m_unsaved->hide();
    m_sourceView->clearDocument(placeholder);
    m_records->clear();
    m_findings->clear();
    // No document, nothing to say about its records and findings: the text pane says why.
    m_recordNotice->setNotice({});
    m_findingNotice->setNotice({});
}

bool ReviewPane::isEditable() const
{
    return m_session && !m_shownId.isEmpty() && !m_sourceView->isRawSource() && isWritable();
}

void ReviewPane::setHeldBy(const QString &banner)
{
    m_heldBy = banner;
    m_heldBanner->setText(banner);
    updateReadOnly();
}

void ReviewPane::setUnreachable(const QString &banner)
{
    m_unreachable = banner;
    m_unreachableBanner->setText(banner);
    updateReadOnly();
}

void ReviewPane::setSyncing(const QString &banner)
{
    m_syncing = banner;
    m_syncingBanner->setText(banner);
    updateReadOnly();
}

void ReviewPane::updateReadOnly()
{
    const bool readOnly = !isWritable();
    m_recordView->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                                           : QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                                                 QAbstractItemView::AnyKeyPressed);
    m_heldBanner->setVisible(!m_heldBy.isEmpty());
    m_unreachableBanner->setVisible(!m_unreachable.isEmpty());
    m_syncingBanner->setVisible(!m_syncing.isEmpty());
    // Re-applying a refused change writes too; it waits above the text until it can.
    m_unsaved->setEnabled(!readOnly);
    Q_EMIT editTargetChanged();
}

void ReviewPane::showMessage(const QString &message)
{
    m_message->showMessage(message);
}

void ReviewPane::hideMessage()
{
    m_message->hide();
}

void ReviewPane::commitEdits()
{
    m_recordView->setFocus();
}

void ReviewPane::tagSelection(int labelIndex, bool snap)
{
    if (!m_session || m_sourceView->isRawSource() || labelIndex < 0 || labelIndex >= m_schema.labels().size()) {
        return;
    }
    const auto [start, end] = m_sourceView->selectedRange();
    if (start == end) {
        Q_EMIT errorOccurred(tr("Select the text to tag first."));
        return;
    }
    if (const Expected<void> tagged = m_session->tag(m_schema.labels().at(labelIndex).name, start, end, snap);
        !tagged) {
        Q_EMIT errorOccurred(tr("Not tagged: %1").arg(tagged.error().message));
    }
}

qsizetype ReviewPane::spanForEditing() const
{
    if (!m_session) {
        return -1;
    }
    // From the record table, its current cell's span (once the records are the document's);
    // from anywhere else, the span at the text cursor.
    if (m_recordView->hasFocus()) {
        const QModelIndex cell = m_recordTranspose->mapToSource(m_recordView->currentIndex());
        return cell.isValid() && m_session->isChecked() ? cell.data(RecordTableModel::SpanRole).toLongLong() : -1;
    }
    return m_sourceView->spanAtCursor();
}

void ReviewPane::removeSpanAtCursor()
{
    const qsizetype span = spanForEditing();
    if (span < 0) {
        Q_EMIT errorOccurred(tr("There is no span at the cursor to remove."));
        return;
    }
    removeSpan(span);
}

void ReviewPane::removeSpan(qsizetype span)
{
    if (const Expected<void> untagged = m_session->untag(span); !untagged) {
        Q_EMIT errorOccurred(tr("Not removed: %1").arg(untagged.error().message));
    }
}

void ReviewPane::relabelSpan(qsizetype span, const QString &label)
{
    if (const Expected<void> relabelled = m_session->relabel(span, label); !relabelled) {
        Q_EMIT errorOccurred(tr("Not relabelled: %1").arg(relabelled.error().message));
    }
}

void ReviewPane::moveSpanToRecord(qsizetype span, int record)
{
    if (!m_session) {
        return;
    }
    if (const Expected<void> moved = m_session->moveToRecord(span, record); !moved) {
        Q_EMIT errorOccurred(tr("Not moved: %1").arg(moved.error().message));
    }
}

qsizetype ReviewPane::findingToFix(QString *why) const
{
    if (!isEditable()) {
        *why = tr("no document is shown for editing");
        return -1;
    }
    if (!m_session->isChecked()) {
        *why = tr("the check of the latest change is still running");
        return -1;
    }
    const QList<Finding> &findings = m_session->result().findings;
    if (m_findingView->hasFocus()) {
        const QModelIndex index = m_findingProxy->mapToSource(m_findingView->currentIndex());
        if (!index.isValid()) {
            *why = tr("no finding is selected");
            return -1;
        }
        if (!findings.at(index.row()).fix) {
            *why = tr("the finding %1 has no suggested fix").arg(findings.at(index.row()).rule);
            return -1;
        }
        return index.row();
    }
    // At the cursor: a finding whose own range holds it (the untagged count), else one about the
    // span it is in (the hardware span next to the count); the most severe first.
    const qsizetype position = m_sourceView->selectedRange().first; // the cursor without a selection
    const QList<Span> &spans = m_session->document().spans();
    qsizetype best = -1;
    int bestRank = -1;
    QString unfixable;
    for (qsizetype i = 0; i < findings.size(); ++i) {
        const Finding &finding = findings.at(i);
        int rank = -1;
        if (finding.end > finding.start && finding.start <= position && position <= finding.end) {
            rank = 10;
        } else {
            for (qsizetype span : finding.spans) {
                if (span >= 0 && span < spans.size() && spans.at(span).start <= position &&
                    position <= spans.at(span).end) {
                    rank = 0;
                }
            }
        }
        if (rank < 0) {
            continue;
        }
        if (!finding.fix) {
            unfixable = finding.rule;
            continue;
        }
        rank += int(finding.severity);
        if (rank > bestRank) {
            best = i;
            bestRank = rank;
        }
    }
    if (best < 0) {
        *why = unfixable.isEmpty()
                   ? tr("there is no finding at the cursor; put it in an underlined range or pick a finding below")
                   : tr("the finding %1 at the cursor has no suggested fix").arg(unfixable);
    }
    return best;
}

void ReviewPane::applySelectedFix()
{
    // Right after an edit its check may still run: the findings at the cursor are the new text's.
    if (m_session && !m_session->isChecked()) {
        m_session->waitForSaved();
    }
    QString why;
    const qsizetype finding = findingToFix(&why);
    if (finding < 0) {
        Q_EMIT errorOccurred(tr("No fix applied: %1.").arg(why));
        return;
    }
    if (const Expected<void> fixed = m_session->applyFix(finding); !fixed) {
        Q_EMIT errorOccurred(tr("The fix was not applied: %1").arg(fixed.error().message));
    }
}

void ReviewPane::fixSelectedEverywhere()
{
    if (m_session && !m_session->isChecked()) {
        m_session->waitForSaved();
    }
    QString why;
    const qsizetype finding = findingToFix(&why);
    if (finding < 0) {
        Q_EMIT errorOccurred(tr("No fix to apply everywhere: %1.").arg(why));
        return;
    }
    Q_EMIT fixEverywhereRequested(m_session->result().findings.at(finding).rule);
}

void ReviewPane::syncRecordCellToCursor()
{
    // The records are the checked version's: until the check of an edit arrives, their span
    // numbers are not the document's.
    if (m_syncingSelection || !m_session || !m_session->isChecked()) {
        return;
    }
    const qsizetype span = m_sourceView->spanAt(m_sourceView->cursorPosition());
    const QModelIndex cell = m_recordTranspose->mapFromSource(m_records->indexOfSpan(span));
    m_syncingSelection = true;
    if (cell.isValid()) {
        m_recordView->setCurrentIndex(cell);
    } else {
        m_recordView->selectionModel()->clearSelection();
    }
    m_syncingSelection = false;
}

void ReviewPane::selectSpanOfRecordCell(const QModelIndex &proxyIndex)
{
    if (m_syncingSelection || !m_session || !m_session->isChecked()) {
        return;
    }
    const qsizetype span = m_recordTranspose->mapToSource(proxyIndex).data(RecordTableModel::SpanRole).toLongLong();
    const Document &doc = m_session->document();
    if (span < 0 || span >= doc.spans().size() || m_sourceView->isRawSource()) {
        return;
    }
    m_syncingSelection = true;
    m_sourceView->selectRange(doc.spans().at(span).start, doc.spans().at(span).end);
    m_syncingSelection = false;
    Q_EMIT editTargetChanged();
}

void ReviewPane::selectFinding(const QModelIndex &proxyIndex)
{
    const QModelIndex index = m_findingProxy->mapToSource(proxyIndex);
    if (!index.isValid() || !m_session || m_sourceView->isRawSource() || !m_session->isChecked()) {
        return;
    }
    const Finding &finding = m_findings->finding(index.row());
    const Document &doc = m_session->document();
    // The finding's own range first (the untagged count), then the spans it is about (the
    // hardware beside it), all outlined; the first is selected, so Apply Fix works from there.
    QList<std::pair<qsizetype, qsizetype>> ranges;
    if (finding.end > finding.start) {
        ranges.append({finding.start, finding.end});
    }
    for (qsizetype span : finding.spans) {
        if (span >= 0 && span < doc.spans().size()) {
            const std::pair range{doc.spans().at(span).start, doc.spans().at(span).end};
            if (!ranges.contains(range)) {
                ranges.append(range);
            }
        }
    }
    m_sourceView->setFocusRanges(ranges);
    // A finding about the whole document has no range to show.
    if (!ranges.isEmpty()) {
        m_sourceView->selectRange(ranges.first().first, ranges.first().second);
    }
}

QString ReviewPane::spanToolTip(qsizetype position) const
{
    if (!m_session) {
        return {};
    }
    const Document &doc = m_session->document();
    const DocumentAnalysis &analysis = m_session->result().analysis;
    // Values and records come from the check, which may still be running for an edit.
    const bool checked = m_session->isChecked();
    QStringList lines;
    for (qsizetype i = 0; i < doc.spans().size(); ++i) {
        const Span &span = doc.spans().at(i);
        if (span.start > position || position >= span.end) {
            continue;
        }
        const LabelInfo *label = m_schema.label(span.label);
        QString line = label != nullptr ? label->displayName : tr("Unknown label <%1>").arg(span.label);
        if (checked) {
            const QString value = ValueFormat::value(analysis.typeOf(i), analysis.value(i));
            if (!value.isEmpty()) {
                line += u": "_s + value;
            }
            const qsizetype record = analysis.recordOf(i);
            line += record >= 0 ? tr(" (record %1)").arg(record + 1) : tr(" (no record)");
        }
        lines << line;
    }
    if (const QString suggested = m_suggestions->toolTip(position); !suggested.isEmpty()) {
        lines << suggested;
    }
    return lines.join(u'\n');
}

void ReviewPane::addSpanActions(QMenu *menu, qsizetype span)
{
    if (!m_session || span < 0 || span >= m_session->document().spans().size()) {
        return;
    }
    QMenu *relabel = menu->addMenu(tr("&Change Label To"));
    const QString current = m_session->document().spans().at(span).label;
    for (qsizetype i = 0; i < m_schema.labels().size(); ++i) {
        const LabelInfo &label = m_schema.labels().at(i);
        QAction *action = relabel->addAction(LabelLegend::swatch(labelColour(label)), label.displayName, this,
                                             [this, span, name = label.name] { relabelSpan(span, name); });
        action->setEnabled(label.name != current);
    }
    QMenu *move = menu->addMenu(tr("&Move to Record"));
    const qsizetype records = m_session->result().analysis.records().size();
    for (int record = 1; record <= records + 1; ++record) {
        move->addAction(record <= records ? tr("Record %1").arg(record) : tr("New Record %1").arg(record), this,
                        [this, span, record] { moveSpanToRecord(span, record); });
    }
    move->addSeparator();
    move->addAction(tr("Nearest Record"), this, [this, span] { moveSpanToRecord(span, 0); });
    QAction *remove = menu->addAction(tr("&Remove Span"), this, [this, span] { removeSpan(span); });
    // Held by someone else, out of reach or syncing: the menu still says what there is, greyed.
    const bool editable = isEditable();
    relabel->setEnabled(editable);
    move->setEnabled(editable);
    remove->setEnabled(editable);
}

void ReviewPane::showTextMenu(const QPoint &position)
{
    QMenu menu(this);
    if (!m_sourceView->textCursor().hasSelection()) {
        m_sourceView->setTextCursor(m_sourceView->cursorForPosition(position));
    }
    if (!m_sourceView->isRawSource() && m_session) {
        QMenu *tag = menu.addMenu(tr("&Tag Selection As"));
        tag->addActions(m_tagActions);
        QMenu *exact = menu.addMenu(tr("Tag E&xact Selection As"));
        exact->addActions(m_exactTagActions);
        const bool selected = m_sourceView->textCursor().hasSelection();
        tag->setEnabled(selected);
        exact->setEnabled(selected);
        const qsizetype span = m_sourceView->spanAtCursor();
        if (span >= 0) {
            menu.addSeparator();
            addSpanActions(&menu, span);
        }
        menu.addSeparator();
    }
    QAction *copy = menu.addAction(tr("&Copy"), m_sourceView, &QPlainTextEdit::copy);
    copy->setShortcut(QKeySequence::Copy);
    copy->setEnabled(m_sourceView->textCursor().hasSelection());
    menu.addAction(m_rawSourceAction);
    menu.exec(m_sourceView->viewport()->mapToGlobal(position));
}

void ReviewPane::showRecordMenu(const QPoint &position)
{
    const QModelIndex cell = m_recordTranspose->mapToSource(m_recordView->indexAt(position));
    const qsizetype span = cell.isValid() ? cell.data(RecordTableModel::SpanRole).toLongLong() : -1;
    if (span < 0) {
        return;
    }
    QMenu menu(this);
    menu.addAction(tr("&Edit Value"), this, [this, position] { m_recordView->edit(m_recordView->indexAt(position)); })
        ->setEnabled(isEditable());
    menu.addSeparator();
    addSpanActions(&menu, span);
    menu.exec(m_recordView->viewport()->mapToGlobal(position));
}

void ReviewPane::showFindingMenu(const QPoint &position)
{
    const QModelIndex index = m_findingView->indexAt(position);
    if (!index.isValid()) {
        return;
    }
    m_findingView->setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(tr("&Show in Text"), this, [this, index] { selectFinding(index); });
    menu.addAction(m_applyFixAction);
    menu.addAction(m_fixEverywhereAction);
    menu.exec(m_findingView->viewport()->mapToGlobal(position));
}

} // namespace annorev
