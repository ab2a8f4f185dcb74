#include "bulkeditdialog.h"

#include "appsettings.h"
#include "bulkpreviewmodel.h"
#include "checker.h"
#include "reviewsession.h"
#include "schema.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace annorev {

BulkEditDialog::BulkEditDialog(const QString &name, Scope defaultScope, ReviewSession &session,
                               const QString &storePath, const Schema &schema, const Checker &checker,
                               const QStringList &shownIds, QWidget *parent)
    : QDialog(parent), m_name(name), m_session(session), m_storePath(storePath), m_schema(schema), m_checker(checker),
      m_shownIds(shownIds)
{
    const QSettings settings = appSettings();
    m_scope = addOptionBox(name + u"Scope"_s);
    m_scope->addItem(tr("This document"), ThisDocument);
    m_scope->addItem(tr("The documents the list shows (%n)", nullptr, int(shownIds.size())), ShownDocuments);
    m_scope->addItem(tr("The whole batch"), WholeBatch);
    m_scope->setCurrentIndex(
        std::max(0, m_scope->findData(settings.value(name + u"/scope"_s, int(defaultScope)).toInt())));
    m_form = new QFormLayout;
    m_form->addRow(tr("&Scope:"), m_scope);

    m_previewButton = new QPushButton(tr("&Preview"), this);
    m_previewButton->setObjectName(name + u"Preview"_s);
    m_previewButton->setDefault(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(name + u"Progress"_s);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_cancelButton = new QPushButton(tr("Ca&ncel Preview"), this);
    m_cancelButton->setObjectName(name + u"CancelPreview"_s);
    m_cancelButton->hide();
    auto *previewRow = new QHBoxLayout;
    previewRow->addWidget(m_previewButton);
    previewRow->addWidget(m_progress, 1);
    previewRow->addWidget(m_cancelButton);

    m_model = new BulkPreviewModel(schema, &checker, this);
    m_view = new QTreeView(this);
    m_view->setObjectName(name + u"Hits"_s);
    m_view->setAccessibleName(tr("Hits"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(BulkPreviewModel::DocumentColumn, fontMetrics().averageCharWidth() * 28);
    m_view->setColumnWidth(BulkPreviewModel::ContextColumn, fontMetrics().averageCharWidth() * 60);
    m_view->setColumnWidth(BulkPreviewModel::StateColumn, fontMetrics().averageCharWidth() * 26);

    // The message quotes the user's text and the documents' back (a pattern, an error about it):
    // never rich text.
    m_message = new QLabel(this);
    m_message->setObjectName(name + u"Message"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_applyButton = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_applyButton->setObjectName(name + u"Apply"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &BulkEditDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &BulkEditDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addLayout(previewRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 160, fontMetrics().height() * 32);

    connect(m_previewButton, &QPushButton::clicked, this, &BulkEditDialog::preview);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_cancel) {
            m_cancel->store(true);
        }
        m_making.cancel();
    });
    connect(&m_watcher, &QFutureWatcher<Expected<BulkPreview>>::finished, this, &BulkEditDialog::previewArrived);
    connect(&m_making, &QFutureWatcherBase::finished, this, &BulkEditDialog::writesMade);
    connect(&m_writing, &QFutureWatcherBase::finished, this, &BulkEditDialog::writesWritten);
    connect(&m_making, &QFutureWatcherBase::progressRangeChanged, m_progress, &QProgressBar::setRange);
    connect(&m_making, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(m_model, &BulkPreviewModel::checkedCountChanged, this, &BulkEditDialog::updateApply);
    updateApply();
}

BulkEditDialog::~BulkEditDialog()
{
    if (m_cancel) {
        m_cancel->store(true);
    }
    m_watcher.waitForFinished();
    m_making.cancel();
    m_making.waitForFinished();
    // A transaction that has begun is let finish; the session then never hears of it, as when the
    // window closes mid-write: the store has it, with its audit rows.
    m_writing.waitForFinished();
}

QComboBox *BulkEditDialog::addOptionBox(const QString &objectName)
{
    auto *box = new QComboBox(this);
    box->setObjectName(objectName);
    connect(box, &QComboBox::currentIndexChanged, this, &BulkEditDialog::optionsChanged);
    return box;
}

void BulkEditDialog::setScope(Scope scope)
{
    m_scope->setCurrentIndex(m_scope->findData(scope));
}

QString BulkEditDialog::message() const
{
    return m_message->text();
}

std::optional<QString> BulkEditDialog::invalid(const BulkRequest &) const
{
    return std::nullopt;
}

void BulkEditDialog::saveOptions(QSettings &) const {}

BulkScope BulkEditDialog::scope() const
{
    switch (m_scope->currentData().toInt()) {
    case ThisDocument:
        return {{m_session.documentId()}, {}};
    case ShownDocuments:
        return {m_shownIds, {}};
    default:
        return {};
    }
}

void BulkEditDialog::optionsChanged()
{
    if (m_cancel) {
        m_cancel->store(true);
    }
    if (m_model) {
        m_model->clear();
    }
    say(QString());
}

void BulkEditDialog::preview()
{
    if (isPreviewing() || isApplying()) {
        return;
    }
    const BulkRequest wanted = request();
    if (const std::optional<QString> why = invalid(wanted)) {
        say(*why);
        return;
    }
    const BulkScope scope = this->scope();
    if (scope.ids.size() == 1 && scope.ids.constFirst().isEmpty()) {
        say(tr("No document is open."));
        return;
    }
    // The options that gave a preview are the ones remembered.
    QSettings settings = appSettings();
    settings.setValue(m_name + u"/scope"_s, m_scope->currentData().toInt());
    saveOptions(settings);
    m_model->clear();
    // A fix shows the line before and the line after under what it does, which needs the room.
    const bool fixing = wanted.action == BulkRequest::Fix;
    m_view->setUniformRowHeights(!fixing);
    const int character = fontMetrics().averageCharWidth();
    m_view->setColumnWidth(BulkPreviewModel::DocumentColumn, character * (fixing ? 22 : 28));
    m_view->setColumnWidth(BulkPreviewModel::ContextColumn, character * (fixing ? 100 : 60));
    m_view->setColumnWidth(BulkPreviewModel::StateColumn, character * (fixing ? 18 : 26));
    m_cancel = std::make_shared<std::atomic_bool>(false);
    setPreviewing(true);
    QPointer<QProgressBar> progress = m_progress;
    m_watcher.setFuture(
        QtConcurrent::run([storePath = m_storePath, scope, wanted, &schema = m_schema, &checker = m_checker,
                           cancel = m_cancel, progress]() -> Expected<BulkPreview> {
            // SQLite connections belong to the thread that opened them: this one is the worker's.
            const Expected<std::unique_ptr<ReviewStore>> store = ReviewStore::open(storePath);
            if (!store) {
                return store.error();
            }
            BulkEditRun::Control control;
            control.cancelled = [cancel] {
                return cancel->load();
            };
            control.progress = [progress](qsizetype done, qsizetype total) {
                QMetaObject::invokeMethod(
                    progress,
                    [progress, done, total] {
                        if (progress) {
                            progress->setMaximum(int(total));
                            progress->setValue(int(done));
                        }
                    },
                    Qt::QueuedConnection);
            };
            return BulkEditRun::preview(**store, scope, wanted, schema, &checker, control);
        }));
}

void BulkEditDialog::previewArrived()
{
    setPreviewing(false);
    Expected<BulkPreview> found = m_watcher.result();
    if (!found) {
        say(found.error().message == BulkEditRun::cancelledMessage() ? tr("The preview was cancelled.")
                                                                     : found.error().message);
        Q_EMIT previewFinished(false);
        return;
    }
    if (m_cancel && m_cancel->load()) {
        // The options changed while it ran.
        Q_EMIT previewFinished(false);
        return;
    }
    const QString line =
        BulkEditRun::summary(*found, false,
                             std::count_if(found->documents.cbegin(), found->documents.cend(),
                                           [](const BulkDocument &doc) { return doc.applicable() > 0; }));
    m_model->setPreview(*std::move(found));
    say(line);
    Q_EMIT previewFinished(m_model->rowCount() > 0);
}

void BulkEditDialog::setPreviewing(bool previewing)
{
    setBusy(previewing);
    m_cancelButton->setText(tr("Ca&ncel Preview"));
}

void BulkEditDialog::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_progress->setRange(0, 0);
    m_cancelButton->setVisible(busy);
    m_previewButton->setEnabled(!busy);
    // While the texts are made, what is ticked and the options are what will be written.
    m_view->setEnabled(!isApplying());
    for (int i = 0; i < m_form->count(); ++i) {
        QLayoutItem *item = m_form->itemAt(i);
        if (QWidget *option = item->widget()) {
            option->setEnabled(!isApplying());
        } else if (QLayout *row = item->layout()) {
            for (int k = 0; k < row->count(); ++k) {
                if (QWidget *inRow = row->itemAt(k)->widget()) {
                    inRow->setEnabled(!isApplying());
                }
            }
        }
    }
    updateApply();
}

void BulkEditDialog::updateApply()
{
    m_applyButton->setEnabled(!isPreviewing() && !isApplying() && m_model->checkedCount() > 0);
}

void BulkEditDialog::apply()
{
    if (isPreviewing() || isApplying() || m_model->checkedCount() == 0) {
        return;
    }
    // Copies: the documents and what is ticked, as they are now, whatever happens to the model.
    const BulkRequest request = m_model->preview().request;
    m_applyingRequest = request;
    const BulkSelection selection = m_model->selection();
    const std::function<std::optional<ReviewStore::TextWrite>(const BulkDocument &)> make =
        [request, selection, &schema = m_schema, &checker = m_checker](const BulkDocument &found) {
            return BulkEditRun::write(found, request, selection, schema, checker);
        };
    m_applying = true;
    m_making.setFuture(QtConcurrent::mapped(m_model->preview().documents, make));
    setBusy(true);
    m_cancelButton->setText(tr("Ca&ncel"));
    say(tr("Making the changes…"));
}

void BulkEditDialog::writesMade()
{
    if (!m_applying) {
        return;
    }
    if (m_making.isCanceled()) {
        notApplied(tr("Apply was cancelled."));
        return;
    }
    QList<ReviewStore::TextWrite> writes;
    for (const std::optional<ReviewStore::TextWrite> &one : m_making.future().results()) {
        if (one) {
            writes.append(*one);
        }
    }
    if (writes.isEmpty()) {
        notApplied(tr("nothing ticked changes a document."));
        return;
    }
    if (const Expected<void> ready = m_session.readyForBulkWrite(); !ready) {
        notApplied(ready.error().message);
        return;
    }
    // One transaction, which is not cancelled once begun: no Cancel button while it runs.
    m_writes = writes;
    m_progress->setRange(0, 0);
    m_cancelButton->hide();
    say(writes.size() == 1 ? tr("Writing 1 document…") : tr("Writing %1 documents…").arg(writes.size()));
    m_writing.setFuture(
        QtConcurrent::run([storePath = m_storePath, writes, reviewer = m_session.reviewer()]() -> Expected<void> {
            // SQLite connections belong to the thread that opened them: this one is the worker's.
            const Expected<std::unique_ptr<ReviewStore>> store = ReviewStore::open(storePath);
            if (!store) {
                return store.error();
            }
            return (*store)->setTaggedTexts(writes, reviewer);
        }));
}

void BulkEditDialog::notApplied(const QString &why)
{
    m_applying = false;
    setBusy(false);
    say(tr("Nothing was changed: %1").arg(why));
    Q_EMIT appliedOrNot(false);
}

void BulkEditDialog::writesWritten()
{
    const Expected<void> written = m_writing.result();
    const QList<ReviewStore::TextWrite> writes = std::exchange(m_writes, {});
    if (!written) {
        notApplied(written.error().message);
        return;
    }
    m_applying = false;
    setBusy(false);
    m_session.bulkWritten(writes, undoText(m_applyingRequest, writes.size()));
    Q_EMIT appliedOrNot(true);
    accept();
}

void BulkEditDialog::reject()
{
    if (m_writing.isRunning()) {
        // The transaction is under way: closing now would leave the window unaware of what it wrote.
        return;
    }
    if (m_cancel) {
        m_cancel->store(true);
    }
    m_making.cancel();
    QDialog::reject();
}

void BulkEditDialog::say(const QString &message)
{
    if (m_message) { // options set up before the message exists drop nothing yet
        m_message->setText(message);
    }
}

} // namespace annorev
