#include "spotcheckpanel.h"

#include "appsettings.h"
#include "drawrounddialog.h"
#include "reviewstore.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

constexpr QStringView targetKey = u"spotcheck/target";

QString reasonText(FailReason reason)
{
    switch (reason) {
    case FailReason::WrongLabel:
        return SpotCheckPanel::tr("Wrong label");
    case FailReason::WrongBoundary:
        return SpotCheckPanel::tr("Wrong boundary");
    case FailReason::MissingSpan:
        return SpotCheckPanel::tr("Missing span");
    case FailReason::SpuriousSpan:
        return SpotCheckPanel::tr("Spurious span");
    case FailReason::WrongValue:
        return SpotCheckPanel::tr("Wrong value");
    case FailReason::Other:
        return SpotCheckPanel::tr("Other");
    }
    return {};
}

QString decisionText(const RoundReport &report)
{
    const Wilson::Estimate &estimate = report.estimate;
    const QString target = Wilson::percent(estimate.target);
    switch (estimate.decision) {
    case Wilson::Decision::Accept:
        return SpotCheckPanel::tr("Target %1: accept (the upper bound is at or below the target)").arg(target);
    case Wilson::Decision::Reject:
        return SpotCheckPanel::tr("Target %1: reject (the lower bound is above the target)").arg(target);
    case Wilson::Decision::Continue:
        break;
    }
    if (!estimate.moreToCheck) {
        return SpotCheckPanel::tr("Target %1: continue (no number of further passes would accept)").arg(target);
    }
    QString text = SpotCheckPanel::tr("Target %1: continue, %2 more to check (all passing would accept)")
                       .arg(target)
                       .arg(*estimate.moreToCheck);
    const qsizetype unchecked = report.tally.size - report.tally.checked;
    if (unchecked < *estimate.moreToCheck) {
        text += u'\n' +
                SpotCheckPanel::tr("Only %1 left unchecked in this round: draw another for the rest").arg(unchecked);
    }
    return text;
}

} // namespace

SpotCheckPanel::SpotCheckPanel(ReviewStore &store, const Schema &schema, const Checker &checker,
                               const QString &reviewer, QWidget *parent)
    : QWidget(parent), m_store(store), m_schema(schema), m_checker(checker), m_reviewer(reviewer)
{
    createWidgets();
    const double saved = appSettings().value(targetKey, defaultTarget).toDouble();
    m_target->setValue(saved > 0 && saved < 1 ? saved : defaultTarget);
    connect(m_target, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        appSettings().setValue(targetKey, value);
        if (m_report) {
            m_report->estimate = Wilson::estimate(m_report->tally.failed, m_report->tally.checked, value);
        }
        updateView();
    });
    fillRoundCombo();
    updateView();
}

SpotCheckPanel::~SpotCheckPanel() = default;

void SpotCheckPanel::createWidgets()
{
    m_rounds = new QComboBox(this);
    m_rounds->setObjectName(u"roundCombo"_s);
    m_rounds->setAccessibleName(tr("Spot-check round"));
    m_rounds->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_rounds->setMinimumContentsLength(16);
    connect(m_rounds, &QComboBox::activated, this, &SpotCheckPanel::roundChosen);
    m_drawButton = new QPushButton(tr("&Draw Round…"), this);
    m_drawButton->setObjectName(u"drawRoundButton"_s);
    m_drawButton->setAccessibleName(tr("Draw a new spot-check round"));
    connect(m_drawButton, &QPushButton::clicked, this, &SpotCheckPanel::openDrawRoundDialog);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"roundProgress"_s);
    m_progress->setAccessibleName(tr("Documents of the round checked"));
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(fontMetrics().height() / 2 + 2);
    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(u"progressLabel"_s);
    m_progressLabel->setAccessibleName(tr("Round progress"));
    m_progressLabel->setTextFormat(Qt::PlainText);
    m_progressLabel->setWordWrap(true);
    // The combo takes the dock's width; Draw Round sits beside the progress, which is short.
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progressLabel, 1);
    progressRow->addWidget(m_drawButton, 0, Qt::AlignTop);

    m_estimate = new QLabel(this);
    m_estimate->setObjectName(u"estimateLabel"_s);
    m_estimate->setAccessibleName(tr("Error-rate estimate and decision"));
    m_estimate->setTextFormat(Qt::PlainText);
    m_estimate->setWordWrap(true);
    m_estimate->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_target = new QDoubleSpinBox(this);
    m_target->setObjectName(u"targetSpin"_s);
    m_target->setAccessibleName(tr("Target error rate"));
    m_target->setToolTip(tr("The highest acceptable error rate: accept when the interval's upper bound is at or "
                            "below it, reject when its lower bound is above it."));
    m_target->setDecimals(3);
    m_target->setRange(0.001, 0.999);
    m_target->setSingleStep(0.005);
    auto *targetLabel = new QLabel(tr("Tar&get error rate:"), this);
    targetLabel->setBuddy(m_target);
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(targetLabel);
    targetRow->addWidget(m_target);
    targetRow->addStretch();

    m_document = new QLabel(this);
    m_document->setObjectName(u"documentJudgement"_s);
    m_document->setAccessibleName(tr("Current document's judgement"));
    m_document->setTextFormat(Qt::PlainText);
    m_document->setWordWrap(true);

    m_passAction = new QAction(tr("&Pass"), this);
    m_passAction->setObjectName(u"spotCheckPass"_s);
    m_passAction->setShortcut(QKeySequence(Qt::Key_P));
    m_passAction->setToolTip(tr("The document is right (P)"));
    connect(m_passAction, &QAction::triggered, this, &SpotCheckPanel::pass);
    m_failAction = new QAction(tr("&Fail…"), this);
    m_failAction->setObjectName(u"spotCheckFail"_s);
    m_failAction->setShortcut(QKeySequence(Qt::Key_F));
    m_failAction->setToolTip(tr("The document is wrong: choose why (F, then 1–6)"));
    connect(m_failAction, &QAction::triggered, this, &SpotCheckPanel::chooseFailReason);

    m_passButton = new QPushButton(tr("Pass (P)"), this);
    m_passButton->setObjectName(u"passButton"_s);
    m_passButton->setAccessibleName(tr("Pass the document"));
    connect(m_passButton, &QPushButton::clicked, m_passAction, &QAction::trigger);
    m_failButton = new QPushButton(tr("Fail (F)…"), this);
    m_failButton->setObjectName(u"failButton"_s);
    m_failButton->setAccessibleName(tr("Fail the document"));
    connect(m_failButton, &QPushButton::clicked, m_failAction, &QAction::trigger);
    auto *judgeRow = new QHBoxLayout;
    judgeRow->addWidget(m_passButton);
    judgeRow->addWidget(m_failButton);

    m_failBox = new QWidget(this);
    m_failBox->setObjectName(u"failBox"_s);
    m_failBox->setAccessibleName(tr("Why the document fails"));
    m_note = new QLineEdit(m_failBox);
    m_note->setObjectName(u"failNote"_s);
    m_note->setAccessibleName(tr("Note on the failure"));
    m_note->setPlaceholderText(tr("Note (optional)"));
    m_note->installEventFilter(this);
    m_reasons = new QListWidget(m_failBox);
    m_reasons->setObjectName(u"failReasons"_s);
    m_reasons->setAccessibleName(tr("Failure reasons"));
    for (std::size_t i = 0; i < failReasonCount; ++i) {
        auto *item = new QListWidgetItem(tr("%1   %2").arg(i + 1).arg(reasonText(FailReason(i))), m_reasons);
        item->setData(Qt::AccessibleTextRole, reasonText(FailReason(i)));
        item->setToolTip(failReasonName(FailReason(i)));
    }
    m_reasons->setCurrentRow(0);
    m_reasons->setFixedHeight(m_reasons->sizeHintForRow(0) * int(failReasonCount) + 2 * m_reasons->frameWidth());
    m_reasons->installEventFilter(this);
    connect(m_reasons, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { fail(FailReason(m_reasons->row(item)), m_note->text()); });
    connect(m_note, &QLineEdit::returnPressed, this, [this] {
        if (m_reasons->currentRow() >= 0) {
            fail(FailReason(m_reasons->currentRow()), m_note->text());
        }
    });
    auto *hint = new QLabel(tr("Press 1–6 to record the fail, Esc to cancel."), m_failBox);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *failLayout = new QVBoxLayout(m_failBox);
    failLayout->setContentsMargins(0, 0, 0, 0);
    failLayout->addWidget(m_note);
    failLayout->addWidget(m_reasons);
    failLayout->addWidget(hint);
    m_failBox->hide();

    m_error = new QLabel(this);
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setAccessibleName(tr("Spot-check error"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_rounds);
    layout->addLayout(progressRow);
    layout->addWidget(m_progress);
    layout->addWidget(m_estimate);
    layout->addLayout(targetRow);
    layout->addSpacing(fontMetrics().height() / 2);
    layout->addWidget(m_document);
    layout->addLayout(judgeRow);
    layout->addWidget(m_failBox);
    layout->addWidget(m_error);
    layout->addStretch();
}

void SpotCheckPanel::fillRoundCombo()
{
    const QSignalBlocker blocker(m_rounds);
    m_rounds->clear();
    m_rounds->addItem(tr("Off: no spot check"), QString());
    const Expected<QList<SpotCheckRound>> rounds = m_store.rounds();
    if (!rounds) {
        showError(rounds.error().message);
    }
    for (const SpotCheckRound &round : rounds.value_or(QList<SpotCheckRound>())) {
        const Expected<RoundReport> report = RoundReport::of(m_store, round, target());
        if (!report) {
            showError(report.error().message);
            break;
        }
        m_rounds->addItem(tr("%1 (%2/%3 checked)").arg(round.name).arg(report->tally.checked).arg(round.size),
                          round.name);
    }
    const int current = m_rounds->findData(currentRound());
    m_rounds->setCurrentIndex(std::max(current, 0));
}

void SpotCheckPanel::roundChosen(int index)
{
    if (!selectRound(m_rounds->itemData(index).toString())) {
        fillRoundCombo();
    }
}

QString SpotCheckPanel::currentRound() const
{
    return m_report ? m_report->round.name : QString();
}

QStringList SpotCheckPanel::roundIds() const
{
    QStringList ids;
    if (m_report) {
        for (const RoundDocument &document : m_report->documents) {
            ids.append(document.id);
        }
    }
    return ids;
}

bool SpotCheckPanel::readReport(const QString &name)
{
    const Expected<SpotCheckRound> round = m_store.round(name);
    Expected<RoundReport> report = round ? RoundReport::of(m_store, *round, target()) : round.error();
    if (!report) {
        showError(report.error().message);
        return false;
    }
    m_report = std::move(*report);
    Q_EMIT judgementsChanged();
    return true;
}

QList<Judgement> SpotCheckPanel::latestJudgements() const
{
    return m_report ? annorev::latestJudgements(m_report->documents, m_report->judgements) : QList<Judgement>();
}

bool SpotCheckPanel::selectRound(const QString &name)
{
    if (name.isEmpty()) {
        m_report.reset();
        Q_EMIT judgementsChanged();
    } else if (!readReport(name)) {
        return false;
    }
    showError({});
    hideFailBox();
    {
        const QSignalBlocker blocker(m_rounds);
        m_rounds->setCurrentIndex(std::max(m_rounds->findData(name), 0));
    }
    updateView();
    Q_EMIT roundSelected(currentRound(), roundIds());
    return true;
}

void SpotCheckPanel::reload()
{
    if (m_report && !readReport(m_report->round.name)) {
        m_report.reset();
        Q_EMIT judgementsChanged();
        Q_EMIT roundSelected({}, {});
    }
    fillRoundCombo();
    updateView();
}

double SpotCheckPanel::target() const
{
    return m_target->value();
}

void SpotCheckPanel::setTarget(double target)
{
    m_target->setValue(target);
}

QString SpotCheckPanel::estimateText() const
{
    if (!m_report) {
        return {};
    }
    const Wilson::Estimate &estimate = m_report->estimate;
    QStringList lines{
        tr("Checked %1 of %2, failed %3").arg(estimate.checked).arg(m_report->tally.size).arg(estimate.failed)};
    if (estimate.rate) {
        lines.append(tr("Error rate %1, 95% Wilson interval %2 to %3")
                         .arg(Wilson::percent(*estimate.rate), Wilson::percent(estimate.interval.lower),
                              Wilson::percent(estimate.interval.upper)));
    } else {
        lines.append(tr("Error rate: nothing checked yet"));
    }
    lines.append(decisionText(*m_report));
    return lines.join(u'\n');
}

QString SpotCheckPanel::errorText() const
{
    return m_error->text();
}

void SpotCheckPanel::showError(const QString &message)
{
    m_error->setText(message.isEmpty() ? QString() : tr("Not saved: %1").arg(message));
    m_error->setVisible(!message.isEmpty());
}

QString SpotCheckPanel::judgementText(const Judgement &judgement) const
{
    const QString when = QLocale().toString(judgement.at.toLocalTime(), QLocale::ShortFormat);
    QString text = judgement.verdict == Verdict::Pass
                       ? tr("Passed by %1, %2").arg(judgement.reviewer, when)
                       : tr("Failed (%1) by %2, %3")
                             .arg(reasonText(judgement.reason.value_or(FailReason::Other)), judgement.reviewer, when);
    if (!judgement.note.isEmpty()) {
        text += u": " % judgement.note;
    }
    return text;
}

void SpotCheckPanel::updateView()
{
    const bool inRound = m_report && roundIds().contains(m_currentId);
    if (!m_report) {
        m_progressLabel->setText(tr("Spot-check mode is off: choose a round or draw one."));
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        m_document->clear();
    } else {
        const RoundTally &counted = m_report->tally;
        m_progressLabel->setText(tr("%1 / %2 checked").arg(counted.checked).arg(counted.size));
        m_progress->setRange(0, int(std::max<qsizetype>(counted.size, 1)));
        m_progress->setValue(int(counted.checked));
        if (m_currentId.isEmpty()) {
            m_document->setText(tr("Open a document of the round to judge it."));
        } else if (!inRound) {
            m_document->setText(tr("%1 is not in this round.").arg(m_currentId));
        } else {
            const std::optional<Judgement> latest = m_report->latest(m_currentId);
            m_document->setText(m_currentId % u'\n' % (latest ? judgementText(*latest) : tr("Not judged yet")));
        }
    }
    m_estimate->setText(estimateText());
    m_estimate->setVisible(m_report.has_value());
    m_document->setVisible(m_report.has_value());
    for (QAction *action : {m_passAction, m_failAction}) {
        action->setEnabled(inRound);
    }
    m_passButton->setEnabled(inRound);
    m_failButton->setEnabled(inRound);
    if (!inRound) {
        hideFailBox();
    }
}

void SpotCheckPanel::setCurrentDocument(const QString &id)
{
    if (id != m_currentId) {
        hideFailBox();
    }
    m_currentId = id;
    updateView();
}

bool SpotCheckPanel::pass()
{
    return judge(Verdict::Pass, std::nullopt, {});
}

bool SpotCheckPanel::fail(FailReason reason, const QString &note)
{
    return judge(Verdict::Fail, reason, note.trimmed());
}

bool SpotCheckPanel::judge(Verdict verdict, std::optional<FailReason> reason, const QString &note)
{
    if (!m_report || !roundIds().contains(m_currentId)) {
        showError(m_report ? tr("%1 is not a document of the round \"%2\".").arg(m_currentId, m_report->round.name)
                           : tr("Choose a round first."));
        return false;
    }
    const QString id = m_currentId;
    if (const Expected<void> judged = m_store.judge(m_report->round.name, {id}, verdict, reason, note, m_reviewer);
        !judged) {
        showError(judged.error().message);
        return false;
    }
    showError({});
    hideFailBox();
    m_note->clear();
    readReport(m_report->round.name);
    fillRoundCombo();
    updateView();
    Q_EMIT judged(id, verdict);
    Q_EMIT advanceRequested(m_report ? m_report->nextUnjudged(id) : QString());
    return true;
}

void SpotCheckPanel::chooseFailReason()
{
    if (!m_failAction->isEnabled()) {
        return;
    }
    m_failBox->show();
    m_reasons->setFocus(Qt::OtherFocusReason);
}

void SpotCheckPanel::hideFailBox()
{
    if (m_failBox->isVisible() && m_failBox->isAncestorOf(focusWidget())) {
        m_failButton->setFocus(Qt::OtherFocusReason);
    }
    m_failBox->hide();
}

bool SpotCheckPanel::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_reasons || watched == m_note) && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            hideFailBox();
            return true;
        }
        // In the list, 1–6 pick a reason; in the note they are text.
        if (watched == m_reasons && key->key() >= Qt::Key_1 && key->key() < Qt::Key_1 + int(failReasonCount) &&
            (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
            fail(FailReason(key->key() - Qt::Key_1), m_note->text());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

DrawRoundDialog *SpotCheckPanel::openDrawRoundDialog()
{
    auto *dialog = new DrawRoundDialog(m_store, m_schema, m_checker, m_reviewer, target(), this);
    dialog->setObjectName(u"drawRoundDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DrawRoundDialog::roundDrawn, this, [this](const QString &name) {
        fillRoundCombo();
        selectRound(name);
    });
    dialog->open();
    return dialog;
}

} // namespace annorev
