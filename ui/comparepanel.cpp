#include "comparepanel.h"

#include "adjudication.h"
#include "annotatornames.h"
#include "disputemodel.h"
#include "document.h"
#include "filedialogs.h"
#include "schema.h"
#include "spancomparisonmodel.h"

#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace annorev {

ComparePanel::ComparePanel(const Schema &schema, QWidget *parent) : QWidget(parent), m_schema(schema)
{
    createWidgets();
    connect(&m_reader, &QFutureWatcher<Read>::finished, this, &ComparePanel::batchArrived);
    compare();
}

ComparePanel::~ComparePanel()
{
    // The reader uses the schema, which the window owns.
    m_reader.waitForFinished();
}

void ComparePanel::createWidgets()
{
    m_batchLabel = new QLabel(this);
    m_batchLabel->setObjectName(u"batchLabel"_s);
    m_batchLabel->setAccessibleName(tr("Batch B"));
    m_batchLabel->setTextFormat(Qt::PlainText);
    m_batchLabel->setWordWrap(true);
    m_batchLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_openButton = new QPushButton(tr("Open &B…"), this);
    m_openButton->setObjectName(u"openBatchButton"_s);
    m_openButton->setAccessibleName(tr("Open the batch to compare with"));
    connect(m_openButton, &QPushButton::clicked, this, &ComparePanel::chooseBatch);
    m_addButton = new QPushButton(tr("Add A&nnotator…"), this);
    m_addButton->setObjectName(u"addBatchButton"_s);
    m_addButton->setAccessibleName(tr("Add another annotator's batch and adjudicate"));
    m_addButton->setToolTip(tr("Adds another annotation of this batch: with two or more, the panel lists the spans "
                               "the annotators disagree on, with who chose what"));
    connect(m_addButton, &QPushButton::clicked, this, &ComparePanel::chooseAnotherBatch);
    auto *top = new QHBoxLayout;
    top->addWidget(m_batchLabel, 1);
    top->addWidget(m_openButton, 0, Qt::AlignTop);
    top->addWidget(m_addButton, 0, Qt::AlignTop);

    m_message = new QLabel(this);
    m_message->setObjectName(u"compareMessage"_s);
    m_message->setAccessibleName(tr("Comparison of this document"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(u"readProgress"_s);
    m_busy->setAccessibleName(tr("Reading batch B"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->hide();

    m_model = new SpanComparisonModel(m_schema, this);
    m_view = new QTableView(this);
    m_view->setObjectName(u"compareTable"_s);
    m_view->setAccessibleName(tr("Spans only in A, only in B and in both"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(SpanComparisonModel::SideColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(SpanComparisonModel::LabelColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(SpanComparisonModel::RangeColumn, QHeaderView::ResizeToContents);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ComparePanel::updateButtons);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        const SpanComparison::Row &row = comparison().rows.at(index.row());
        Q_EMIT rangeActivated(row.start, row.end);
    });

    m_disputeModel = new DisputeModel(m_schema, this);
    m_disputeView = new QTableView(this);
    m_disputeView->setObjectName(u"disputeTable"_s);
    m_disputeView->setAccessibleName(tr("Disputed spans, with who chose what"));
    m_disputeView->setModel(m_disputeModel);
    m_disputeView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_disputeView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_disputeView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_disputeView->setWordWrap(false);
    m_disputeView->verticalHeader()->hide();
    m_disputeView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_disputeView->horizontalHeader()->setStretchLastSection(true);
    for (const int column : {DisputeModel::OutcomeColumn, DisputeModel::LabelColumn, DisputeModel::RangeColumn,
                             DisputeModel::TextColumn, DisputeModel::AnnotatorsColumn}) {
        m_disputeView->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    m_disputeView->hide();
    connect(m_disputeView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ComparePanel::updateButtons);
    connect(m_disputeView, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT rangeActivated(index.data(DisputeModel::StartRole).toLongLong(),
                              index.data(DisputeModel::EndRole).toLongLong());
    });

    m_takeButton = new QPushButton(tr("&Take B's Span"), this);
    m_takeButton->setObjectName(u"takeBButton"_s);
    m_takeButton->setAccessibleName(tr("Take B's span into the document"));
    m_takeButton->setToolTip(tr("Adds B's span to the document, replacing A's spans that overlap it"));
    connect(m_takeButton, &QPushButton::clicked, this, &ComparePanel::takeSelectedB);
    m_removeButton = new QPushButton(tr("Remove &A's Span"), this);
    m_removeButton->setObjectName(u"removeAButton"_s);
    m_removeButton->setAccessibleName(tr("Remove A's span from the document"));
    connect(m_removeButton, &QPushButton::clicked, this, &ComparePanel::removeSelectedA);
    m_votes = new QSpinBox(this);
    m_votes->setObjectName(u"votesNeeded"_s);
    m_votes->setAccessibleName(tr("Votes a span needs"));
    m_votes->setToolTip(tr("How many annotators must mark a span for it to be accepted (a strict majority by "
                           "default, as annorev adjudicate takes it)"));
    m_votes->setRange(1, 1);
    m_votesLabel = new QLabel(tr("&Votes needed:"), this);
    m_votesLabel->setBuddy(m_votes);
    connect(m_votes, &QSpinBox::valueChanged, this, [this] {
        if (isAdjudicating()) {
            m_votesChosen = true;
            compare();
        }
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_takeButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch();
    buttons->addWidget(m_votesLabel);
    buttons->addWidget(m_votes);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_busy);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_disputeView, 1);
    layout->addLayout(buttons);
}

QSize ComparePanel::sizeHint() const
{
    const QSize hint = QWidget::sizeHint();
    return {std::max(hint.width(), fontMetrics().averageCharWidth() * 60), hint.height()};
}

QColor ComparePanel::markColour(int kind)
{
    return SpanComparisonModel::sideColour(SpanComparison::Side(std::clamp(kind, 0, 2)));
}

bool ComparePanel::openBatch(const QStringList &paths, QString *error, Open how)
{
    return adoptBatch(paths, AnnotatedBatch::read(paths, m_schema, OffsetUnit::Utf16), error, how);
}

QStringList ComparePanel::annotatorNames() const
{
    QStringList batches;
    for (const Other &other : m_others) {
        batches.append(other.paths.join(u", "_s));
    }
    return AnnotatorNames::of(batches);
}

bool ComparePanel::readBatch(const QStringList &paths, Open how)
{
    if (isReading()) {
        return false;
    }
    QStringList shown;
    for (const QString &path : paths) {
        shown.append(QDir::toNativeSeparators(path));
    }
    m_readingText = tr("Reading %1…").arg(shown.join(u", "_s));
    m_busy->show();
    compare();
    m_openButton->setEnabled(false);
    m_addButton->setEnabled(false);
    m_reader.setFuture(QtConcurrent::run([paths, how, &schema = m_schema] {
        return Read{paths, AnnotatedBatch::read(paths, schema, OffsetUnit::Utf16), how};
    }));
    return true;
}

bool ComparePanel::isReading() const
{
    // Until the batch is delivered here, not only while the worker runs.
    return !m_busy->isHidden();
}

void ComparePanel::batchArrived()
{
    Read read = m_reader.result();
    m_busy->hide();
    m_readingText.clear();
    m_openButton->setEnabled(true);
    QString error;
    const bool opened = adoptBatch(read.paths, std::move(read.batch), &error, read.how);
    if (!opened) {
        compare(); // the previous B's message, then why this one was not taken
        m_message->setText(error);
        m_message->show();
    }
    Q_EMIT batchRead(opened);
}

bool ComparePanel::adoptBatch(const QStringList &paths, AnnotatedBatch batch, QString *error, Open how)
{
    if (batch.documents.isEmpty()) {
        if (error) {
            QStringList reasons;
            for (const InputError &inputError : std::as_const(batch.errors)) {
                reasons.append(inputError.toString());
            }
            *error = tr("No document could be read from %1.").arg(paths.join(u", "_s)) +
                     (reasons.isEmpty() ? QString() : u'\n' + reasons.mid(0, 5).join(u'\n'));
        }
        return false;
    }
    Other other;
    other.paths = paths;
    other.batch = std::move(batch);
    for (qsizetype i = 0; i < other.batch.documents.size(); ++i) {
        other.indexOfId.insert(other.batch.documents[i].id, i);
    }
    if (!other.batch.errors.isEmpty()) {
        QStringList lines;
        for (const InputError &inputError : std::as_const(other.batch.errors)) {
            lines.append(inputError.toString());
        }
        other.inputErrors =
            tr("%1 of %2 could not be read:")
                .arg(other.batch.errors.size() == 1 ? tr("1 part") : tr("%1 parts").arg(other.batch.errors.size()))
                .arg(QDir::toNativeSeparators(paths.join(u", "_s))) +
            u'\n' + lines.mid(0, 3).join(u'\n');
    }
    if (how == Open::Replace) {
        m_others.clear();
    }
    m_others.append(std::move(other));
    compare();
    return true;
}

void ComparePanel::closeBatch()
{
    m_others.clear();
    compare();
}

QString ComparePanel::pickBatch(QWidget *anchor)
{
    QMenu menu(this);
    QAction *folder = menu.addAction(tr("A &Folder of Documents…"));
    QAction *file = menu.addAction(tr("A &File (text, JSON Lines, Label Studio)…"));
    const QAction *chosen = menu.exec(anchor->mapToGlobal(QPoint(0, anchor->height())));
    if (chosen == folder) {
        return FileDialogs::getExistingDirectory(this, tr("Compare With Folder"));
    }
    if (chosen == file) {
        return FileDialogs::getOpenFileName(this, tr("Compare With File"), {},
                                            tr("Batches (*.jsonl *.json *.txt *.html *.htm);;All files (*)"));
    }
    return {};
}

void ComparePanel::chooseBatch()
{
    if (const QString path = pickBatch(m_openButton); !path.isEmpty()) {
        readBatch({path});
    }
}

void ComparePanel::chooseAnotherBatch()
{
    if (const QString path = pickBatch(m_addButton); !path.isEmpty()) {
        readBatch({path}, Open::Add);
    }
}

const SpanComparison &ComparePanel::comparison() const
{
    return m_model->comparison();
}

QString ComparePanel::message() const
{
    return m_message->text();
}

void ComparePanel::setDocument(const QString &id, const Document &a)
{
    m_id = id;
    m_a = AnnotatedText::fromDocument(id, a, OffsetUnit::Utf16);
    compare();
}

void ComparePanel::compare()
{
    QString batches;
    if (m_others.size() == 1) {
        const Other &b = m_others.constFirst();
        QStringList shown;
        for (const QString &path : b.paths) {
            shown.append(QDir::toNativeSeparators(path));
        }
        batches = tr("B: %1 (%2 documents)").arg(shown.join(u", "_s)).arg(b.batch.documents.size());
    } else if (m_others.size() > 1) {
        const QStringList names = annotatorNames();
        QStringList each;
        for (qsizetype i = 0; i < m_others.size(); ++i) {
            each.append(tr("%1 (%2 documents)").arg(names.at(i)).arg(m_others.at(i).batch.documents.size()));
        }
        batches = tr("Annotators: %1").arg(each.join(u", "_s));
    } else {
        batches = tr("Open a second annotation of this batch, B, to compare this document's spans with it; add more "
                     "annotators to adjudicate between them.");
    }
    m_batchLabel->setText(batches);
    QStringList inputErrors;
    for (const Other &other : std::as_const(m_others)) {
        if (!other.inputErrors.isEmpty()) {
            inputErrors.append(other.inputErrors);
        }
    }
    m_batchLabel->setToolTip(inputErrors.join(u'\n'));

    const AnnotatedText *b = nullptr;
    QString text;
    QList<MarkedRange> ranges;
    const bool adjudicating = isAdjudicating();
    if (!adjudicating) {
        m_votesChosen = false;
    }
    m_votesLabel->setVisible(adjudicating);
    m_votes->setVisible(adjudicating);
    m_view->setVisible(!adjudicating);
    m_disputeView->setVisible(adjudicating);
    m_takeButton->setText(adjudicating ? tr("&Take This Span") : tr("&Take B's Span"));
    m_removeButton->setText(adjudicating ? tr("&Remove This Span") : tr("Remove &A's Span"));
    m_addButton->setEnabled(hasBatch() && !isReading());
    if (adjudicating) {
        m_model->setComparison(SpanComparison());
        text = adjudicate(&ranges);
    } else {
        m_disputeModel->clear();
        if (!hasBatch()) {
            text = QString();
        } else if (m_id.isEmpty()) {
            text = tr("No document is open.");
        } else if (const Other &other = m_others.constFirst(); !other.indexOfId.contains(m_id)) {
            text = tr("%1 is not in B.").arg(m_id);
        } else if (other.batch.documents[other.indexOfId.value(m_id)].text != m_a.text) {
            text = tr("B's text of %1 differs from this document's, so B's spans cannot be placed in it: none is "
                      "shown.")
                       .arg(m_id);
        } else {
            b = &other.batch.documents[other.indexOfId.value(m_id)];
        }
        m_model->setComparison(b ? SpanComparison::of(m_a, *b) : SpanComparison());
        if (b) {
            const SpanComparison &shown = comparison();
            text = tr("Only in A: %1 · only in B: %2 · in both: %3")
                       .arg(shown.count(SpanComparison::Side::OnlyA))
                       .arg(shown.count(SpanComparison::Side::OnlyB))
                       .arg(shown.count(SpanComparison::Side::Both));
            for (const SpanComparison::Row &row : shown.rows) {
                ranges.append({row.start, row.end, int(row.side)});
            }
        }
        m_view->setEnabled(b != nullptr);
    }
    if (!inputErrors.isEmpty()) {
        text += (text.isEmpty() ? QString() : u"\n"_s) + inputErrors.join(u'\n');
    }
    if (!m_readingText.isEmpty()) {
        text = m_readingText + (text.isEmpty() ? QString() : u"\n"_s) + text;
    }
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    updateButtons();
    Q_EMIT rangesToMark(ranges);
}

int ComparePanel::minAgree() const
{
    return m_votes->value();
}

void ComparePanel::setMinAgree(int votes)
{
    m_votes->setValue(votes);
}

QString ComparePanel::adjudicate(QList<MarkedRange> *ranges)
{
    const QStringList names = annotatorNames();
    const int annotators = int(m_others.size());
    {
        // A strict majority, as `annorev adjudicate` takes by default, until the user picks another.
        const QSignalBlocker quiet(m_votes);
        const int chosen = m_votes->value();
        m_votes->setRange(1, annotators);
        m_votes->setValue(m_votesChosen ? std::min(chosen, annotators) : annotators / 2 + 1);
    }
    const int minAgree = m_votes->value();
    if (m_id.isEmpty()) {
        m_disputeModel->clear();
        return tr("No document is open.");
    }
    QList<const AnnotatedText *> versions;
    QStringList absent;
    QStringList otherText;
    for (int i = 0; i < annotators; ++i) {
        const Other &other = m_others.at(i);
        const auto found = other.indexOfId.constFind(m_id);
        const AnnotatedText *version = found == other.indexOfId.cend() ? nullptr : &other.batch.documents[*found];
        if (!version) {
            absent.append(names.at(i));
        } else if (version->text != m_a.text) {
            otherText.append(names.at(i));
            version = nullptr;
        }
        versions.append(version);
    }
    Adjudication adjudication = Adjudication::of(versions, minAgree);
    const qsizetype disputes = adjudication.disputes.size();
    qsizetype queued = 0;
    for (const Adjudication::Dispute &dispute : std::as_const(adjudication.disputes)) {
        for (const qsizetype candidate : dispute.candidates) {
            const Adjudication::Candidate &span = adjudication.candidates.at(candidate);
            const bool accepted = span.outcome == Adjudication::Outcome::Accepted;
            queued += accepted ? 0 : 1;
            ranges->append({span.start, span.end, accepted ? MarkBoth : MarkOnlyB});
        }
    }
    QString text = tr("A span needs %1 of %2 votes.").arg(minAgree).arg(annotators) + u' ' +
                   (disputes == 0 ? tr("The annotators agree on every span of %1.").arg(m_id)
                                  : tr("%1 in %2: %3 queued.")
                                        .arg(disputes == 1 ? tr("1 dispute") : tr("%1 disputes").arg(disputes), m_id)
                                        .arg(queued));
    if (!absent.isEmpty()) {
        text += u'\n' + tr("Not in %1.").arg(absent.join(u", "_s));
    }
    if (!otherText.isEmpty()) {
        text +=
            u'\n' +
            tr("Another text of %1 in %2: left out, its spans cannot be placed.").arg(m_id, otherText.join(u", "_s));
    }
    m_disputeModel->setAdjudication(std::move(adjudication), names, m_a);
    m_disputeView->setEnabled(m_disputeModel->rowCount() > 0);
    return text;
}

int ComparePanel::selectedRow() const
{
    const QModelIndexList rows = (isAdjudicating() ? m_disputeView : m_view)->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.constFirst().row();
}

void ComparePanel::selectRow(int row)
{
    (isAdjudicating() ? m_disputeView : m_view)->selectRow(row);
}

void ComparePanel::updateButtons()
{
    const int row = selectedRow();
    if (isAdjudicating()) {
        const QModelIndex index = m_disputeModel->index(row, 0);
        const bool candidate = row >= 0 && index.data(DisputeModel::CandidateRole).toLongLong() >= 0;
        const bool held = candidate && index.data(DisputeModel::HeldRole).toBool();
        m_takeButton->setEnabled(candidate && !held);
        m_removeButton->setEnabled(held);
        return;
    }
    const SpanComparison::Row *selected = row >= 0 ? &comparison().rows.at(row) : nullptr;
    m_takeButton->setEnabled(selected && selected->side == SpanComparison::Side::OnlyB);
    m_removeButton->setEnabled(selected && selected->aIndex >= 0);
}

bool ComparePanel::takeSelectedB()
{
    const int row = selectedRow();
    if (isAdjudicating()) {
        const qsizetype candidate =
            row >= 0 ? m_disputeModel->index(row, 0).data(DisputeModel::CandidateRole).toLongLong() : -1;
        const QList<SpanEdit> edits = m_disputeModel->adjudication().take(candidate, m_a);
        if (edits.isEmpty()) {
            return false;
        }
        const QString label = m_disputeModel->adjudication().candidates.at(candidate).label;
        Q_EMIT applyRequested(edits, edits.size() > 1 ? tr("Take the %1 Span, Replacing Overlapping Spans").arg(label)
                                                      : tr("Take the %1 Span").arg(label));
        return true;
    }
    const QList<SpanEdit> edits = comparison().takeB(row, m_a);
    if (edits.isEmpty()) {
        return false;
    }
    const SpanComparison::Row &taken = comparison().rows.at(row);
    const QString description = edits.size() > 1
                                    ? tr("Take B's %1 Span, Replacing A's Overlapping Spans").arg(taken.label)
                                    : tr("Take B's %1 Span").arg(taken.label);
    Q_EMIT applyRequested(edits, description);
    return true;
}

bool ComparePanel::removeSelectedA()
{
    const int row = selectedRow();
    if (isAdjudicating()) {
        const QModelIndex index = m_disputeModel->index(row, 0);
        if (row < 0 || !index.data(DisputeModel::HeldRole).toBool()) {
            return false;
        }
        const Adjudication::Candidate &candidate =
            m_disputeModel->adjudication().candidates.at(index.data(DisputeModel::CandidateRole).toLongLong());
        Q_EMIT applyRequested({{SpanEdit::RemoveSpan, candidate.label, candidate.start, candidate.end, {}, {}}},
                              tr("Remove the %1 Span").arg(candidate.label));
        return true;
    }
    const QList<SpanEdit> edits = comparison().removeA(row);
    if (edits.isEmpty()) {
        return false;
    }
    Q_EMIT applyRequested(edits, tr("Remove A's %1 Span").arg(comparison().rows.at(row).label));
    return true;
}

} // namespace annorev
