#include "drawrounddialog.h"

#include "documentlistmodel.h"
#include "reviewstore.h"
#include "spotchecksample.h"
#include "wilson.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

constexpr std::array shownStatuses{ReviewStatus::Unreviewed, ReviewStatus::Approved, ReviewStatus::NeedsWork,
                                   ReviewStatus::Rejected};

} // namespace

DrawRoundDialog::DrawRoundDialog(ReviewStore &store, const Schema &schema, const Checker &checker,
                                 const QString &reviewer, double target, QWidget *parent)
    : QDialog(parent), m_store(store), m_schema(schema), m_checker(checker), m_reviewer(reviewer)
{
    setWindowTitle(tr("Draw Spot-Check Round"));
    const Expected<QStringList> ids = m_store.ids();
    const Expected<QList<SpotCheckRound>> rounds = m_store.rounds();
    const qsizetype documents = ids ? ids->size() : 0;
    const Wilson::Estimate fromNothing = Wilson::estimate(0, 0, target);
    const qsizetype suggested =
        std::clamp<qsizetype>(fromNothing.moreToCheck.value_or(documents), 1, std::max<qsizetype>(documents, 1));
    createWidgets(documents, suggested);
    setRoundName(SpotCheckSample::defaultRoundName(rounds.value_or(QList<SpotCheckRound>()), QDate::currentDate()));
    setSeed(QRandomGenerator::system()->generate64());
    if (!ids || !rounds) {
        // Nothing can be drawn from a store that cannot be read; the dialog says why.
        refuse(tr("The review store cannot be read: %1").arg((ids ? rounds.error() : ids.error()).message));
        m_drawButton->setEnabled(false);
    }
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &DrawRoundDialog::sampleArrived);
}

DrawRoundDialog::~DrawRoundDialog()
{
    // The worker holds a copy of the checker, which refers to the window's schema and aliases.
    m_watcher.waitForFinished();
}

void DrawRoundDialog::createWidgets(qsizetype documents, qsizetype suggestedSize)
{
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"roundName"_s);
    m_name->setAccessibleName(tr("Round name"));
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);

    m_size = new QSpinBox(this);
    m_size->setObjectName(u"sampleSize"_s);
    m_size->setAccessibleName(tr("Documents to draw"));
    m_size->setRange(1, std::numeric_limits<int>::max());
    m_size->setValue(int(std::min<qsizetype>(suggestedSize, std::numeric_limits<int>::max())));
    m_size->setSuffix(tr(" of %1 documents").arg(QLocale().toString(documents)));
    m_size->setToolTip(tr("A size above the number of documents takes them all."));
    auto *sizeLabel = new QLabel(tr("&Size:"), this);
    sizeLabel->setBuddy(m_size);

    m_seed = new QLineEdit(this);
    m_seed->setObjectName(u"seed"_s);
    m_seed->setAccessibleName(tr("Random seed"));
    m_seed->setToolTip(tr("The same batch, seed and options give the same sample on any machine."));
    m_seed->setValidator(new QRegularExpressionValidator(QRegularExpression(u"[0-9]{1,20}"_s), m_seed));
    m_newSeed = new QPushButton(tr("New Seed"), this);
    m_newSeed->setObjectName(u"newSeedButton"_s);
    m_newSeed->setAccessibleName(tr("Pick a new random seed"));
    m_newSeed->setAutoDefault(false);
    connect(m_newSeed, &QPushButton::clicked, this, [this] { setSeed(QRandomGenerator::system()->generate64()); });
    auto *seedRow = new QHBoxLayout;
    seedRow->addWidget(m_seed);
    seedRow->addWidget(m_newSeed);
    auto *seedLabel = new QLabel(tr("S&eed:"), this);
    seedLabel->setBuddy(m_seed);

    auto *statusRow = new QWidget(this);
    statusRow->setAccessibleName(tr("Draw from documents with these statuses"));
    auto *statusLayout = new QHBoxLayout(statusRow);
    statusLayout->setContentsMargins(0, 0, 0, 0);
    for (ReviewStatus status : shownStatuses) {
        auto *box = new QCheckBox(DocumentListModel::statusText(status), statusRow);
        box->setObjectName(u"status-"_s + statusName(status));
        box->setAccessibleName(tr("Draw from documents marked %1").arg(DocumentListModel::statusText(status)));
        box->setChecked(true);
        statusLayout->addWidget(box);
        m_statusBoxes[std::size_t(status)] = box;
    }
    statusLayout->addStretch();

    m_stratify = new QComboBox(this);
    m_stratify->setObjectName(u"stratify"_s);
    m_stratify->setAccessibleName(tr("Stratify the sample"));
    m_stratify->addItem(tr("None: a simple random sample"), int(Stratify::None));
    m_stratify->addItem(tr("By each document's rarest label"), int(Stratify::Label));
    m_stratify->addItem(tr("By the rule of each document's most severe finding"), int(Stratify::Rule));
    auto *stratifyLabel = new QLabel(tr("S&tratify:"), this);
    stratifyLabel->setBuddy(m_stratify);

    auto *form = new QFormLayout;
    form->addRow(nameLabel, m_name);
    form->addRow(sizeLabel, m_size);
    form->addRow(seedLabel, seedRow);
    form->addRow(tr("Statuses:"), statusRow);
    form->addRow(stratifyLabel, m_stratify);

    m_message = new QLabel(this);
    m_message->setObjectName(u"drawMessage"_s);
    m_message->setAccessibleName(tr("Why the round was not drawn"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setMinimumHeight(fontMetrics().lineSpacing() * 2);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(u"drawProgress"_s);
    m_busy->setAccessibleName(tr("Drawing the sample"));
    m_busy->setRange(0, 0); // how long a draw takes is not known beforehand
    m_busy->setTextVisible(false);
    m_busy->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_drawButton = buttons->addButton(tr("&Draw"), QDialogButtonBox::AcceptRole);
    m_drawButton->setObjectName(u"drawButton"_s);
    m_drawButton->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel)->setObjectName(u"cancelButton"_s);
    connect(m_drawButton, &QPushButton::clicked, this, &DrawRoundDialog::draw);
    connect(buttons, &QDialogButtonBox::rejected, this, &DrawRoundDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_busy);
    layout->addStretch();
    layout->addWidget(buttons);
}

QString DrawRoundDialog::roundName() const
{
    return m_name->text().trimmed();
}

void DrawRoundDialog::setRoundName(const QString &name)
{
    m_name->setText(name);
}

qsizetype DrawRoundDialog::sampleSize() const
{
    return m_size->value();
}

void DrawRoundDialog::setSampleSize(qsizetype size)
{
    m_size->setValue(int(std::clamp<qsizetype>(size, 1, std::numeric_limits<int>::max())));
}

std::optional<quint64> DrawRoundDialog::seed() const
{
    bool ok = false;
    const quint64 value = m_seed->text().toULongLong(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

void DrawRoundDialog::setSeed(quint64 seed)
{
    m_seed->setText(QString::number(seed));
}

QList<ReviewStatus> DrawRoundDialog::statuses() const
{
    QList<ReviewStatus> checked;
    for (ReviewStatus status : shownStatuses) {
        if (m_statusBoxes[std::size_t(status)]->isChecked()) {
            checked.append(status);
        }
    }
    // Every status is what `--status all` means; the round records it so.
    return checked.size() == qsizetype(shownStatuses.size()) ? QList<ReviewStatus>() : checked;
}

void DrawRoundDialog::setStatuses(const QList<ReviewStatus> &statuses)
{
    for (ReviewStatus status : shownStatuses) {
        m_statusBoxes[std::size_t(status)]->setChecked(statuses.isEmpty() || statuses.contains(status));
    }
}

Stratify DrawRoundDialog::stratify() const
{
    return Stratify(m_stratify->currentData().toInt());
}

void DrawRoundDialog::setStratify(Stratify stratify)
{
    m_stratify->setCurrentIndex(m_stratify->findData(int(stratify)));
}

QString DrawRoundDialog::message() const
{
    return m_message->text();
}

bool DrawRoundDialog::refuse(const QString &message)
{
    m_message->setText(message);
    return false;
}

bool DrawRoundDialog::draw()
{
    if (isDrawing()) {
        return false;
    }
    m_message->clear();
    SpotCheckRound round;
    round.name = roundName();
    if (round.name.isEmpty()) {
        return refuse(tr("Give the round a name."));
    }
    const std::optional<quint64> chosenSeed = seed();
    if (!chosenSeed) {
        return refuse(tr("The seed is a whole number from 0 to 18446744073709551615."));
    }
    if (std::none_of(m_statusBoxes.cbegin(), m_statusBoxes.cend(), [](QCheckBox *box) { return box->isChecked(); })) {
        return refuse(tr("Choose at least one status to draw from."));
    }
    const Expected<QList<SpotCheckRound>> rounds = m_store.rounds();
    if (!rounds) {
        return refuse(rounds.error().message);
    }
    if (std::any_of(rounds->cbegin(), rounds->cend(),
                    [&round](const SpotCheckRound &taken) { return taken.name == round.name; })) {
        return refuse(
            tr("There is already a round \"%1\": rounds are never redrawn. Choose another name.").arg(round.name));
    }
    round.createdBy = m_reviewer;
    round.seed = *chosenSeed;
    round.requestedSize = sampleSize();
    round.statuses = SpotCheckSample::statusesText(statuses());
    round.stratify = stratify();
    m_pending = round;

    setDrawing(true);
    m_watcher.setFuture(QtConcurrent::run(
        [storePath = m_store.path(), statuses = statuses(), round, &schema = m_schema, checker = m_checker] {
            Outcome outcome;
            // SQLite connections belong to the thread that opened them: this one is the worker's.
            const Expected<std::unique_ptr<ReviewStore>> store = ReviewStore::open(storePath);
            const Expected<SpotCheckSample::Drawn> drawn =
                store ? SpotCheckSample::draw(**store, statuses, round.requestedSize, round.seed, round.stratify)
                      : Expected<SpotCheckSample::Drawn>(store.error());
            if (!drawn) {
                outcome.error = drawn.error().message;
                return outcome;
            }
            outcome.drawn = *drawn;
            return outcome;
        }));
    return true;
}

bool DrawRoundDialog::isDrawing() const
{
    // Until the sample is delivered here, not only while the worker runs.
    return !m_busy->isHidden();
}

void DrawRoundDialog::setDrawing(bool drawing)
{
    m_busy->setVisible(drawing);
    m_drawButton->setEnabled(!drawing);
    for (QWidget *input : std::initializer_list<QWidget *>{m_name, m_size, m_seed, m_newSeed, m_stratify}) {
        input->setEnabled(!drawing);
    }
    for (QCheckBox *box : m_statusBoxes) {
        box->setEnabled(!drawing);
    }
    if (drawing) {
        m_message->setText(m_pending.stratify == Stratify::None
                               ? tr("Drawing…")
                               : tr("Drawing: checking every document to find its stratum…"));
    }
}

void DrawRoundDialog::reject()
{
    m_dropSample = isDrawing();
    if (m_dropSample && testAttribute(Qt::WA_DeleteOnClose)) {
        // Deleting the dialog now would wait for the worker on the GUI thread: it goes once the
        // sample is in.
        setAttribute(Qt::WA_DeleteOnClose, false);
        m_deleteWhenDrawn = true;
    }
    QDialog::reject();
}

void DrawRoundDialog::sampleArrived()
{
    if (std::exchange(m_dropSample, false)) {
        finish(false, tr("The draw was cancelled: no round was saved."));
        if (m_deleteWhenDrawn) {
            deleteLater();
        }
        return;
    }
    const Outcome outcome = m_watcher.result();
    const SpotCheckSample::Drawn &drawn = outcome.drawn;
    if (!outcome.error.isEmpty()) {
        return finish(false, outcome.error);
    }
    if (drawn.noCandidates()) {
        return finish(false, tr("No document has the chosen statuses: there is nothing to draw from."));
    }
    if (drawn.fewerThanStrata()) {
        return finish(false, tr("A stratified sample takes at least one document from each of the %1 strata: draw "
                                "%1 or more.")
                                 .arg(drawn.strata));
    }
    if (const Expected<void> saved = m_store.createRound(m_pending, drawn.documents); !saved) {
        return finish(false, saved.error().message);
    }
    QStringList ids;
    for (const RoundDocument &document : drawn.documents) {
        ids.append(document.id);
    }
    Q_EMIT roundDrawn(m_pending.name, ids);
    finish(true);
}

void DrawRoundDialog::finish(bool drawn, const QString &message)
{
    setDrawing(false);
    m_message->setText(message);
    if (drawn) {
        accept();
    }
    Q_EMIT drawFinished(drawn);
}

} // namespace annorev
