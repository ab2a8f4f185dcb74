#include "comparepanel.h"

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
    auto *top = new QHBoxLayout;
    top->addWidget(m_batchLabel, 1);
    top->addWidget(m_openButton, 0, Qt::AlignTop);

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

    m_takeButton = new QPushButton(tr("&Take B's Span"), this);
    m_takeButton->setObjectName(u"takeBButton"_s);
    m_takeButton->setAccessibleName(tr("Take B's span into the document"));
    m_takeButton->setToolTip(tr("Adds B's span to the document, replacing A's spans that overlap it"));
    connect(m_takeButton, &QPushButton::clicked, this, &ComparePanel::takeSelectedB);
    m_removeButton = new QPushButton(tr("Remove &A's Span"), this);
    m_removeButton->setObjectName(u"removeAButton"_s);
    m_removeButton->setAccessibleName(tr("Remove A's span from the document"));
    connect(m_removeButton, &QPushButton::clicked, this, &ComparePanel::removeSelectedA);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_takeButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_busy);
    layout->addWidget(m_view, 1);
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

bool ComparePanel::openBatch(const QStringList &paths, QString *error)
{
    return adoptBatch(paths, AnnotatedBatch::read(paths, m_schema, OffsetUnit::Utf16), error);
}

bool ComparePanel::readBatch(const QStringList &paths)
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
    m_reader.setFuture(QtConcurrent::run([paths, &schema = m_schema] {
        return Read{paths, AnnotatedBatch::read(paths, schema, OffsetUnit::Utf16)};
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
    const bool opened = adoptBatch(read.paths, std::move(read.batch), &error);
    if (!opened) {
        compare(); // the previous B's message, then why this one was not taken
        m_message->setText(error);
        m_message->show();
    }
    Q_EMIT batchRead(opened);
}

bool ComparePanel::adoptBatch(const QStringList &paths, AnnotatedBatch batch, QString *error)
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
    m_paths = paths;
    m_batch = std::move(batch);
    m_indexOfId.clear();
    for (qsizetype i = 0; i < m_batch.documents.size(); ++i) {
        m_indexOfId.insert(m_batch.documents[i].id, i);
    }
    QStringList shown;
    for (const QString &path : paths) {
        shown.append(QDir::toNativeSeparators(path));
    }
    m_batchLabel->setText(tr("B: %1 (%2 documents)").arg(shown.join(u", "_s)).arg(m_batch.documents.size()));
    m_inputErrors.clear();
    if (!m_batch.errors.isEmpty()) {
        QStringList lines;
        for (const InputError &inputError : std::as_const(m_batch.errors)) {
            lines.append(inputError.toString());
        }
        m_inputErrors = tr("%n part(s) of B could not be read:", nullptr, int(m_batch.errors.size())) + u'\n' +
                        lines.mid(0, 3).join(u'\n');
    }
    m_batchLabel->setToolTip(m_inputErrors);
    compare();
    return true;
}

void ComparePanel::closeBatch()
{
    m_paths.clear();
    m_batch = {};
    m_indexOfId.clear();
    m_inputErrors.clear();
    compare();
}

void ComparePanel::chooseBatch()
{
    QMenu menu(this);
    QAction *folder = menu.addAction(tr("A &Folder of Documents…"));
    QAction *file = menu.addAction(tr("A &File (text, JSON Lines, Label Studio)…"));
    const QAction *chosen = menu.exec(m_openButton->mapToGlobal(QPoint(0, m_openButton->height())));
    QString path;
    if (chosen == folder) {
        path = FileDialogs::getExistingDirectory(this, tr("Compare With Folder"));
    } else if (chosen == file) {
        path = FileDialogs::getOpenFileName(this, tr("Compare With File"), {},
                                            tr("Batches (*.jsonl *.json *.txt *.html *.htm);;All files (*)"));
    }
    if (path.isEmpty()) {
        return;
    }
    readBatch({path});
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
    if (!hasBatch()) {
        m_batchLabel->setText(tr("Open a second annotation of this batch, B, to compare this document's spans "
                                 "with it."));
    }
    const AnnotatedText *b = nullptr;
    QString text;
    if (!hasBatch()) {
        text = QString();
    } else if (m_id.isEmpty()) {
        text = tr("No document is open.");
    } else if (const auto found = m_indexOfId.constFind(m_id); found == m_indexOfId.cend()) {
        text = tr("%1 is not in B.").arg(m_id);
    } else if (m_batch.documents[*found].text != m_a.text) {
        text = tr("B's text of %1 differs from this document's, so B's spans cannot be placed in it: none is shown.")
                   .arg(m_id);
    } else {
        b = &m_batch.documents[*found];
    }
    m_model->setComparison(b ? SpanComparison::of(m_a, *b) : SpanComparison());
    QList<MarkedRange> ranges;
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
    if (!m_inputErrors.isEmpty()) {
        text += (text.isEmpty() ? QString() : u"\n"_s) + m_inputErrors;
    }
    if (!m_readingText.isEmpty()) {
        text = m_readingText + (text.isEmpty() ? QString() : u"\n"_s) + text;
    }
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_view->setEnabled(b != nullptr);
    updateButtons();
    Q_EMIT rangesToMark(ranges);
}

int ComparePanel::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.constFirst().row();
}

void ComparePanel::selectRow(int row)
{
    m_view->selectRow(row);
}

void ComparePanel::updateButtons()
{
    const int row = selectedRow();
    const SpanComparison::Row *selected = row >= 0 ? &comparison().rows.at(row) : nullptr;
    m_takeButton->setEnabled(selected && selected->side == SpanComparison::Side::OnlyB);
    m_removeButton->setEnabled(selected && selected->aIndex >= 0);
}

bool ComparePanel::takeSelectedB()
{
    const int row = selectedRow();
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
    const QList<SpanEdit> edits = comparison().removeA(row);
    if (edits.isEmpty()) {
        return false;
    }
    Q_EMIT applyRequested(edits, tr("Remove A's %1 Span").arg(comparison().rows.at(row).label));
    return true;
}

} // namespace annorev
