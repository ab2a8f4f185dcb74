#include "exportdialog.h"

#include "appsettings.h"
#include "exportformattext.h"
#include "filedialogs.h"
#include "outputguard.h"
#include "reviewstore.h"
#include "storeexport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

// The order the checkboxes show them in: the usual choice first.
constexpr std::array shownStatuses{ReviewStatus::Approved, ReviewStatus::NeedsWork, ReviewStatus::Rejected,
                                   ReviewStatus::Unreviewed};

constexpr QStringView lastDirectoryKey = u"export/lastDirectory";
constexpr QStringView formatKey = u"export/format";

QString plural(qsizetype count, const QString &one, const QString &many)
{
    return (count == 1 ? one : many).arg(count);
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString statusText(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::Approved:
        return ExportDialog::tr("&Approved");
    case ReviewStatus::NeedsWork:
        return ExportDialog::tr("&Needs work");
    case ReviewStatus::Rejected:
        return ExportDialog::tr("&Rejected");
    case ReviewStatus::Unreviewed:
        return ExportDialog::tr("&Unreviewed");
    }
    return {};
}

bool isEmptyFolder(const QString &path)
{
    return QDir(path).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

} // namespace

ExportDialog::ExportDialog(const QString &storePath, const QString &suggestedBaseName, QWidget *parent)
    : QDialog(parent), m_storePath(storePath), m_baseName(suggestedBaseName)
{
    setWindowTitle(tr("Export Reviewed Documents"));
    createWidgets();

    const std::optional<ExportFormat> lastFormat = exportFormatFromName(appSettings().value(formatKey).toString());
    setFormat(lastFormat.value_or(ExportFormat::RecordsJsonl));
    setStatuses({ReviewStatus::Approved});
    m_suggestedPath = suggestedPath(defaultFolder());
    m_pathEdit->setText(m_suggestedPath);

    connect(&m_factsWatcher, &QFutureWatcherBase::finished, this, &ExportDialog::storeRead);
    connect(&m_exportWatcher, &QFutureWatcherBase::finished, this, &ExportDialog::exportDone);
    connect(&m_exportWatcher, &QFutureWatcherBase::progressRangeChanged, m_progress, &QProgressBar::setRange);
    connect(&m_exportWatcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    readStore();
}

ExportDialog::~ExportDialog()
{
    // The worker reads m_cancel: it must be done before the flag goes away.
    m_cancel = true;
    m_exportWatcher.waitForFinished();
    m_factsWatcher.waitForFinished();
}

void ExportDialog::createWidgets()
{
    m_formatBox = new QComboBox(this);
    m_formatBox->setObjectName(u"formatBox"_s);
    m_formatBox->setAccessibleName(tr("Export format"));
    for (const QString &name : exportFormatNames()) {
        const ExportFormat format = exportFormatFromName(name).value();
        m_formatBox->addItem(ExportFormatText::title(format), int(format));
        m_formatBox->setItemData(m_formatBox->count() - 1, ExportFormatText::description(format), Qt::ToolTipRole);
    }
    connect(m_formatBox, &QComboBox::currentIndexChanged, this, &ExportDialog::choicesChanged);
    auto *formatLabel = new QLabel(tr("&Format:"), this);
    formatLabel->setBuddy(m_formatBox);

    m_formatDescription = new QLabel(this);
    m_formatDescription->setObjectName(u"formatDescription"_s);
    m_formatDescription->setTextFormat(Qt::PlainText);
    m_formatDescription->setWordWrap(true);
    m_formatDescription->setForegroundRole(QPalette::PlaceholderText);

    auto *statusRow = new QWidget(this);
    statusRow->setAccessibleName(tr("Statuses to export"));
    auto *statusLayout = new QHBoxLayout(statusRow);
    statusLayout->setContentsMargins(0, 0, 0, 0);
    for (ReviewStatus status : shownStatuses) {
        auto *box = new QCheckBox(statusText(status), statusRow);
        box->setObjectName(u"status-"_s + statusName(status));
        box->setAccessibleName(tr("Export documents marked %1").arg(statusText(status).remove(u'&').toLower()));
        connect(box, &QCheckBox::toggled, this, &ExportDialog::choicesChanged);
        statusLayout->addWidget(box);
        m_statusBoxes[std::size_t(status)] = box;
    }
    statusLayout->addStretch();

    m_pathEdit = new QLineEdit(this);
    m_pathEdit->setObjectName(u"outputPath"_s);
    m_pathEdit->setAccessibleName(tr("Output path"));
    m_pathEdit->setMinimumWidth(fontMetrics().averageCharWidth() * 56);
    connect(m_pathEdit, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    m_browseButton = new QPushButton(tr("&Browse…"), this);
    m_browseButton->setObjectName(u"browseButton"_s);
    m_browseButton->setAccessibleName(tr("Browse for the output path"));
    m_browseButton->setAutoDefault(false);
    connect(m_browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_pathEdit);
    pathRow->addWidget(m_browseButton);
    auto *pathLabel = new QLabel(tr("Save &to:"), this);
    pathLabel->setBuddy(m_pathEdit);

    auto *form = new QFormLayout;
    form->addRow(formatLabel, m_formatBox);
    form->addRow(QString(), m_formatDescription);
    form->addRow(tr("Documents:"), statusRow);
    form->addRow(pathLabel, pathRow);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"exportProgress"_s);
    m_progress->setAccessibleName(tr("Export progress"));
    m_progress->setFormat(tr("%v of %m documents"));
    resetProgress();
    m_cancelButton = new QPushButton(tr("&Cancel"), this);
    m_cancelButton->setObjectName(u"cancelButton"_s);
    m_cancelButton->setAccessibleName(tr("Cancel the export"));
    m_cancelButton->setAutoDefault(false);
    connect(m_cancelButton, &QPushButton::clicked, this, &ExportDialog::cancelExport);
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress);
    progressRow->addWidget(m_cancelButton);

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(u"exportMessage"_s);
    m_messageLabel->setAccessibleName(tr("Export result"));
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Room for two lines, so that a message does not make the dialog jump.
    m_messageLabel->setMinimumHeight(fontMetrics().lineSpacing() * 2);
    m_messageLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *buttons = new QDialogButtonBox(this);
    m_exportButton = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(u"exportButton"_s);
    m_exportButton->setDefault(true);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(u"closeButton"_s);
    // Accepting starts an export; the dialog stays open to show how it went.
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addLayout(progressRow);
    layout->addWidget(m_messageLabel);
    layout->addStretch();
    layout->addWidget(buttons);
}

ExportFormat ExportDialog::format() const
{
    return ExportFormat(m_formatBox->currentData().toInt());
}

void ExportDialog::setFormat(ExportFormat format)
{
    m_formatBox->setCurrentIndex(m_formatBox->findData(int(format)));
}

QList<ReviewStatus> ExportDialog::statuses() const
{
    QList<ReviewStatus> checked;
    for (ReviewStatus status : shownStatuses) {
        if (m_statusBoxes[std::size_t(status)]->isChecked()) {
            checked.append(status);
        }
    }
    return checked;
}

void ExportDialog::setStatuses(const QList<ReviewStatus> &statuses)
{
    for (ReviewStatus status : shownStatuses) {
        m_statusBoxes[std::size_t(status)]->setChecked(statuses.contains(status));
    }
}

QString ExportDialog::outputPath() const
{
    return m_pathEdit->text();
}

void ExportDialog::setOutputPath(const QString &path)
{
    m_pathEdit->setText(path);
}

bool ExportDialog::writesFolder() const
{
    const BatchLayout layout = m_facts && m_facts->layout ? *m_facts->layout : BatchLayout::File;
    return exportWritesFolder(format(), layout, selectedCount());
}

bool ExportDialog::isRunning() const
{
    return m_running;
}

bool ExportDialog::isReady() const
{
    return m_facts && m_facts->error.isEmpty();
}

QString ExportDialog::message() const
{
    return m_messageLabel->text();
}

void ExportDialog::setProgressHookForTesting(std::function<void(qsizetype, qsizetype)> hook)
{
    m_progressHook = std::move(hook);
}

qsizetype ExportDialog::selectedCount() const
{
    if (!m_facts) {
        return 0;
    }
    qsizetype count = 0;
    for (ReviewStatus status : statuses()) {
        count += m_facts->byStatus[std::size_t(status)];
    }
    return count;
}

QString ExportDialog::defaultFolder() const
{
    const QString last = appSettings().value(lastDirectoryKey).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir()) {
        return last;
    }
    return QFileInfo(m_storePath).absolutePath();
}

QString ExportDialog::suggestedPath(const QString &folder) const
{
    const QString base = m_baseName.isEmpty() ? u"export"_s : m_baseName;
    // A tagged export into one file takes the batch's kind of file.
    const bool taggedFile = !writesFolder() && m_facts && m_facts->layout;
    const QString name = ExportFormatText::fileName(base, format(), taggedFile ? m_facts->layout : std::nullopt,
                                                    taggedFile ? m_facts->firstSuffix : QString());
    return QDir(folder).filePath(name);
}

ExportDialog::StoreFacts ExportDialog::readFacts(const QString &storePath)
{
    StoreFacts facts;
    // Opening a store creates one: a path that names none is a mistake, not a new batch.
    if (!QFileInfo(storePath).isFile()) {
        facts.error = tr("There is no review store at %1.").arg(native(storePath));
        return facts;
    }
    const Expected<std::unique_ptr<ReviewStore>> opened = ReviewStore::open(storePath);
    if (!opened) {
        facts.error = opened.error().message;
        return facts;
    }
    const ReviewStore &store = **opened;
    const Expected<ReviewStore::Summary> summary = store.summary();
    const Expected<QStringList> batchInputs = summary ? store.batchInputs() : summary.error();
    const Expected<QStringList> ids = batchInputs ? store.ids() : batchInputs.error();
    if (!ids) {
        facts.error = ids.error().message;
        return facts;
    }
    facts.byStatus = summary->byStatus;
    facts.batchInputs = *batchInputs;
    if (!ids->isEmpty()) {
        const Expected<ReviewStore::StoredDocument> first = store.document(ids->constFirst());
        if (!first) {
            facts.error = first.error().message;
            return facts;
        }
        facts.layout = first->layout;
        const QString suffix = QFileInfo(first->relativePath.isEmpty() ? first->id : first->relativePath).suffix();
        facts.firstSuffix = suffix.isEmpty() ? QString() : u'.' + suffix;
    }
    return facts;
}

void ExportDialog::readStore()
{
    showMessage(tr("Reading the review store…"));
    updateState();
    m_factsWatcher.setFuture(QtConcurrent::run(&ExportDialog::readFacts, m_storePath));
}

void ExportDialog::storeRead()
{
    m_facts = m_factsWatcher.result();
    if (!m_facts->error.isEmpty()) {
        showMessage(tr("The review store cannot be read: %1").arg(m_facts->error));
    } else {
        for (ReviewStatus status : shownStatuses) {
            m_statusBoxes[std::size_t(status)]->setText(
                tr("%1 (%2)").arg(statusText(status)).arg(m_facts->byStatus[std::size_t(status)]));
        }
        showMessage({});
    }
    choicesChanged();
}

void ExportDialog::choicesChanged()
{
    m_formatDescription->setText(ExportFormatText::description(format()));
    // A suggested path follows the choices until the curator edits it.
    if (!m_suggestedPath.isEmpty() && m_pathEdit->text() == m_suggestedPath) {
        m_suggestedPath = suggestedPath(QFileInfo(m_suggestedPath).absolutePath());
        m_pathEdit->setText(m_suggestedPath);
    }
    updateState();
}

void ExportDialog::updateState()
{
    const bool anyStatus = !statuses().isEmpty();
    m_exportButton->setEnabled(!m_running && isReady() && anyStatus && !m_pathEdit->text().trimmed().isEmpty());
    for (QWidget *widget : std::initializer_list<QWidget *>{m_formatBox, m_pathEdit, m_browseButton}) {
        widget->setEnabled(!m_running);
    }
    for (QCheckBox *box : m_statusBoxes) {
        box->setEnabled(!m_running);
    }
    m_cancelButton->setEnabled(m_running && !m_cancel);
    m_closeButton->setEnabled(!m_running);
    const QString noStatus = tr("Choose at least one status to export.");
    if (!anyStatus && !m_running) {
        showMessage(noStatus);
    } else if (message() == noStatus) {
        showMessage({});
    }
}

void ExportDialog::resetProgress()
{
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
}

void ExportDialog::showMessage(const QString &text)
{
    m_messageLabel->setText(text);
}

void ExportDialog::browse()
{
    const QString current = m_pathEdit->text().trimmed();
    const QString start =
        current.isEmpty() ? suggestedPath(defaultFolder()) : QDir(defaultFolder()).absoluteFilePath(current);
    if (writesFolder()) {
        const QString folder =
            FileDialogs::getExistingDirectory(this, tr("Export to Folder"), QFileInfo(start).absolutePath());
        if (folder.isEmpty()) {
            return;
        }
        // An export never mixes with other files: a folder already in use gets a new one inside it.
        setOutputPath(isEmptyFolder(folder) ? folder : suggestedPath(folder));
        return;
    }
    const QString suffix = QFileInfo(suggestedPath(QString())).suffix();
    const QString filter = suffix.isEmpty()
                               ? tr("All files (*)")
                               : tr("%1 (*.%2);;All files (*)").arg(ExportFormatText::title(format()), suffix);
    // Replacing a file is asked about once, when the export starts.
    const QString file = FileDialogs::getSaveFileName(this, tr("Export To"), start, filter, /*confirmOverwrite=*/false);
    if (!file.isEmpty()) {
        setOutputPath(file);
    }
}

void ExportDialog::startExport()
{
    if (m_running || !isReady()) {
        return;
    }
    // The bar spoke of the last export; whatever this attempt says replaces it.
    resetProgress();
    if (statuses().isEmpty()) {
        showMessage(tr("Choose at least one status to export."));
        return;
    }
    if (selectedCount() == 0) {
        showMessage(tr("No document of the store has the chosen statuses: there is nothing to export."));
        return;
    }
    const QString typed = m_pathEdit->text().trimmed();
    if (typed.isEmpty()) {
        showMessage(tr("Choose where to save the export."));
        return;
    }
    const QString path = QDir::cleanPath(QDir(defaultFolder()).absoluteFilePath(typed));
    // The same refusal as `annorev export`: the store, its log files and the batch are never written.
    if (const QString refusal = OutputGuard::refusal(path, m_facts->batchInputs, m_storePath); !refusal.isEmpty()) {
        showMessage(tr("Not exported: %1.").arg(refusal));
        return;
    }
    const QFileInfo info(path);
    if (writesFolder()) {
        if (info.exists() && !info.isDir()) {
            showMessage(
                tr("%1 is a file, and this export is a folder. Choose a new or empty folder.").arg(native(path)));
            return;
        }
        if (info.isDir() && !isEmptyFolder(path)) {
            showMessage(tr("The folder %1 is not empty. Choose a new or empty folder: an export is never mixed "
                           "with other files.")
                            .arg(native(path)));
            return;
        }
        run(path);
        return;
    }
    if (info.isDir()) {
        showMessage(tr("%1 is a folder, and this export is one file. Choose a file name.").arg(native(path)));
        return;
    }
    if (!info.exists()) {
        run(path);
        return;
    }
    auto *question = new QMessageBox(QMessageBox::Question, tr("Replace File?"),
                                     tr("%1 already exists. Replace it with this export?").arg(native(path)),
                                     QMessageBox::Yes | QMessageBox::No, this);
    question->setObjectName(u"replaceQuestion"_s);
    question->setTextFormat(Qt::PlainText);
    question->setDefaultButton(QMessageBox::No);
    question->button(QMessageBox::Yes)->setText(tr("&Replace"));
    question->button(QMessageBox::No)->setText(tr("&Keep It"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    connect(question, &QMessageBox::finished, this, [this, question, path] {
        if (question->standardButton(question->clickedButton()) == QMessageBox::Yes) {
            run(path);
        } else {
            showMessage(tr("Not exported: %1 was kept as it was.").arg(native(path)));
        }
    });
    question->open();
}

void ExportDialog::run(const QString &path)
{
    m_running = true;
    m_cancel = false;
    m_runningPath = path;
    appSettings().setValue(formatKey, exportFormatName(format()));
    m_progress->setRange(0, 0);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    showMessage(tr("Exporting to %1…").arg(native(path)));
    updateState();

    ExportOptions options;
    options.outPath = path;
    options.statuses = statuses();
    options.cancel = &m_cancel;
    const ExportFormat chosen = format();
    m_exportWatcher.setFuture(QtConcurrent::run(
        [storePath = m_storePath, chosen, options, hook = m_progressHook](QPromise<Outcome> &promise) {
            Outcome outcome;
            // SQLite connections belong to the thread that opened them: this one is the worker's.
            const Expected<std::unique_ptr<ReviewStore>> store = ReviewStore::open(storePath);
            if (!store) {
                outcome.result = store.error();
                promise.addResult(outcome);
                return;
            }
            qsizetype knownTotal = -1;
            ExportOptions withProgress = options;
            withProgress.progress = [&](qsizetype done, qsizetype total) {
                if (hook) {
                    hook(done, total);
                }
                constexpr qsizetype maximum = std::numeric_limits<int>::max();
                if (total != knownTotal) {
                    knownTotal = total;
                    promise.setProgressRange(0, int(std::min(total, maximum)));
                }
                promise.setProgressValue(int(std::min(done, maximum)));
            };
            outcome.result = exportStore(**store, chosen, withProgress);
            promise.addResult(outcome);
        }));
}

void ExportDialog::cancelExport()
{
    if (!m_running || m_cancel) {
        return;
    }
    m_cancel = true;
    showMessage(tr("Cancelling the export…"));
    updateState();
}

void ExportDialog::exportDone()
{
    const Outcome outcome = m_exportWatcher.future().resultCount() > 0 ? m_exportWatcher.result() : Outcome{};
    const bool cancelled = m_cancel && !outcome.result;
    m_running = false;
    m_cancel = false;
    const QString path = native(m_runningPath);
    QString text;
    if (outcome.result) {
        const ExportResult &result = *outcome.result;
        const QString documents = plural(result.documents, tr("%1 document"), tr("%1 documents"));
        QString items;
        switch (format()) {
        case ExportFormat::RecordsJsonl:
        case ExportFormat::RecordsCsv:
            items = plural(result.items, tr("%1 record"), tr("%1 records"));
            break;
        case ExportFormat::Tagged:
            break;
        default:
            items = plural(result.items, tr("%1 span"), tr("%1 spans"));
            break;
        }
        text = items.isEmpty() ? tr("Exported %1 to %2").arg(documents, path)
                               : tr("Exported %1 (%2) to %3").arg(documents, items, path);
        if (!result.warnings.isEmpty()) {
            text += u'\n' + result.warnings.first();
            if (result.warnings.size() > 1) {
                text += tr(" (and %1 more)").arg(result.warnings.size() - 1);
            }
        }
        if (result.documents == 0) {
            m_progress->setTextVisible(false);
        }
        const int total = int(std::min<qsizetype>(result.documents, std::numeric_limits<int>::max()));
        m_progress->setRange(0, std::max(1, total));
        m_progress->setValue(std::max(1, total));
        appSettings().setValue(lastDirectoryKey, QFileInfo(m_runningPath).absolutePath());
    } else {
        text = cancelled ? tr("Export cancelled: nothing was written to %1.").arg(path)
                         : tr("Export to %1 failed: %2").arg(path, outcome.result.error().message);
        resetProgress();
    }
    showMessage(text);
    updateState();
    emit exportFinished(outcome.result.has_value(), text);
}

void ExportDialog::reject()
{
    if (m_running) {
        cancelExport();
        return;
    }
    QDialog::reject();
}

} // namespace annorev
