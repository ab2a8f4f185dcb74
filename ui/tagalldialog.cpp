#include "tagalldialog.h"

#include "appsettings.h"
#include "checker.h"
#include "reviewsession.h"
#include "schema.h"
#include "tagallpreviewmodel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

const QString regexKey = u"tagAll/regex"_s;
const QString wholeWordsKey = u"tagAll/wholeWords"_s;
const QString ignoreCaseKey = u"tagAll/ignoreCase"_s;
const QString labelKey = u"tagAll/label"_s;
const QString scopeKey = u"tagAll/scope"_s;

} // namespace

TagAllDialog::TagAllDialog(ReviewSession &session, const QString &storePath, const Schema &schema,
                           const Checker &checker, const QStringList &shownIds, QWidget *parent)
    : QDialog(parent), m_session(session), m_storePath(storePath), m_schema(schema), m_checker(checker),
      m_shownIds(shownIds)
{
    setWindowTitle(tr("Tag All Occurrences"));
    const QSettings settings = appSettings();

    m_pattern = new QLineEdit(this);
    m_pattern->setObjectName(u"tagAllPattern"_s);
    m_pattern->setAccessibleName(tr("Text to find"));
    m_regex = new QCheckBox(tr("Regular e&xpression"), this);
    m_regex->setObjectName(u"tagAllRegex"_s);
    m_regex->setChecked(settings.value(regexKey, false).toBool());
    m_wholeWords = new QCheckBox(tr("&Whole words"), this);
    m_wholeWords->setObjectName(u"tagAllWholeWords"_s);
    m_wholeWords->setChecked(settings.value(wholeWordsKey, true).toBool());
    m_ignoreCase = new QCheckBox(tr("&Ignore case"), this);
    m_ignoreCase->setObjectName(u"tagAllIgnoreCase"_s);
    m_ignoreCase->setChecked(settings.value(ignoreCaseKey, false).toBool());
    auto *options = new QHBoxLayout;
    options->addWidget(m_regex);
    options->addWidget(m_wholeWords);
    options->addWidget(m_ignoreCase);
    options->addStretch();

    m_label = new QComboBox(this);
    m_label->setObjectName(u"tagAllLabel"_s);
    for (const LabelInfo &label : schema.labels()) {
        m_label->addItem(label.displayName.isEmpty() ? label.name : label.displayName, label.name);
    }
    m_label->setCurrentIndex(std::max(0, m_label->findData(settings.value(labelKey).toString())));
    m_scope = new QComboBox(this);
    m_scope->setObjectName(u"tagAllScope"_s);
    m_scope->addItem(tr("This document"), ThisDocument);
    m_scope->addItem(tr("The documents the list shows (%n)", nullptr, int(shownIds.size())), ShownDocuments);
    m_scope->addItem(tr("The whole batch"), WholeBatch);
    m_scope->setCurrentIndex(std::max(0, m_scope->findData(settings.value(scopeKey, ThisDocument).toInt())));

    auto *form = new QFormLayout;
    form->addRow(tr("&Find:"), m_pattern);
    form->addRow(QString(), options);
    form->addRow(tr("&Label:"), m_label);
    form->addRow(tr("&Scope:"), m_scope);

    m_previewButton = new QPushButton(tr("&Preview"), this);
    m_previewButton->setObjectName(u"tagAllPreview"_s);
    m_previewButton->setDefault(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"tagAllProgress"_s);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_cancelButton = new QPushButton(tr("Ca&ncel Preview"), this);
    m_cancelButton->setObjectName(u"tagAllCancelPreview"_s);
    m_cancelButton->hide();
    auto *previewRow = new QHBoxLayout;
    previewRow->addWidget(m_previewButton);
    previewRow->addWidget(m_progress, 1);
    previewRow->addWidget(m_cancelButton);

    m_model = new TagAllPreviewModel(schema, &checker, this);
    m_view = new QTreeView(this);
    m_view->setObjectName(u"tagAllHits"_s);
    m_view->setAccessibleName(tr("Hits"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(TagAllPreviewModel::DocumentColumn, fontMetrics().averageCharWidth() * 28);
    m_view->setColumnWidth(TagAllPreviewModel::ContextColumn, fontMetrics().averageCharWidth() * 60);
    m_view->setColumnWidth(TagAllPreviewModel::StateColumn, fontMetrics().averageCharWidth() * 26);

    // The message is the user's text quoted back (a pattern, an error about it): never rich text.
    m_message = new QLabel(this);
    m_message->setObjectName(u"tagAllMessage"_s);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_applyButton = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_applyButton->setObjectName(u"tagAllApply"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &TagAllDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &TagAllDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(previewRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(fontMetrics().averageCharWidth() * 160, fontMetrics().height() * 32);

    connect(m_previewButton, &QPushButton::clicked, this, &TagAllDialog::preview);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_cancel) {
            m_cancel->store(true);
        }
    });
    connect(&m_watcher, &QFutureWatcher<Expected<BulkPreview>>::finished, this, &TagAllDialog::previewArrived);
    connect(m_model, &TagAllPreviewModel::checkedCountChanged, this, &TagAllDialog::updateApply);
    connect(m_pattern, &QLineEdit::textEdited, this, &TagAllDialog::optionsChanged);
    for (QCheckBox *box : {m_regex, m_wholeWords, m_ignoreCase}) {
        connect(box, &QCheckBox::toggled, this, &TagAllDialog::optionsChanged);
    }
    for (QComboBox *box : {m_label, m_scope}) {
        connect(box, &QComboBox::currentIndexChanged, this, &TagAllDialog::optionsChanged);
    }
    updateApply();
}

TagAllDialog::~TagAllDialog()
{
    if (m_cancel) {
        m_cancel->store(true);
    }
    m_watcher.waitForFinished();
}

void TagAllDialog::setPattern(const QString &pattern)
{
    m_pattern->setText(pattern);
    m_pattern->selectAll();
    optionsChanged();
}

void TagAllDialog::setScope(Scope scope)
{
    m_scope->setCurrentIndex(m_scope->findData(scope));
}

QString TagAllDialog::message() const
{
    return m_message->text();
}

BulkRequest TagAllDialog::request() const
{
    BulkRequest request;
    request.action = BulkRequest::Tag;
    request.label = m_label->currentData().toString();
    request.match = {m_pattern->text(), m_regex->isChecked(), m_wholeWords->isChecked(), m_ignoreCase->isChecked()};
    return request;
}

BulkScope TagAllDialog::scope() const
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

void TagAllDialog::optionsChanged()
{
    // A preview of other options would apply what the user no longer asks for.
    if (m_cancel) {
        m_cancel->store(true);
    }
    m_model->clear();
    say(QString());
}

void TagAllDialog::preview()
{
    if (isPreviewing()) {
        return;
    }
    const BulkRequest wanted = request();
    if (const Expected<TextMatcher> matcher = TextMatcher::create(wanted.match); !matcher) {
        say(matcher.error().message);
        return;
    }
    const BulkScope scope = this->scope();
    if (scope.ids.size() == 1 && scope.ids.constFirst().isEmpty()) {
        say(tr("No document is open."));
        return;
    }
    // The options that gave a preview are the ones remembered.
    saveSettings();
    m_model->clear();
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

void TagAllDialog::previewArrived()
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

void TagAllDialog::setPreviewing(bool previewing)
{
    m_progress->setVisible(previewing);
    m_progress->setRange(0, 0);
    m_cancelButton->setVisible(previewing);
    m_previewButton->setEnabled(!previewing);
    updateApply();
}

void TagAllDialog::updateApply()
{
    m_applyButton->setEnabled(!isPreviewing() && m_model->checkedCount() > 0);
}

void TagAllDialog::apply()
{
    if (isPreviewing() || m_model->checkedCount() == 0) {
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const QList<ReviewStore::TextWrite> writes =
        BulkEditRun::writes(m_model->preview(), m_model->selection(), m_schema, m_checker);
    const BulkRequest &request = m_model->preview().request;
    const QString description = tr("Tag all \u201c%1\u201d as %2 (%n document(s))", nullptr, int(writes.size()))
                                    .arg(request.match.pattern, request.label);
    const Expected<void> applied = m_session.applyToDocuments(writes, description);
    QApplication::restoreOverrideCursor();
    if (!applied) {
        say(tr("Nothing was changed: %1").arg(applied.error().message));
        return;
    }
    accept();
}

void TagAllDialog::reject()
{
    if (m_cancel) {
        m_cancel->store(true);
    }
    QDialog::reject();
}

void TagAllDialog::say(const QString &message)
{
    m_message->setText(message);
}

void TagAllDialog::saveSettings() const
{
    QSettings settings = appSettings();
    settings.setValue(regexKey, m_regex->isChecked());
    settings.setValue(wholeWordsKey, m_wholeWords->isChecked());
    settings.setValue(ignoreCaseKey, m_ignoreCase->isChecked());
    settings.setValue(labelKey, m_label->currentData().toString());
    settings.setValue(scopeKey, m_scope->currentData().toInt());
}

} // namespace annorev
