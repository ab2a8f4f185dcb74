#pragma once

#include "roundreport.h"
#include "spotcheck.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace annorev {

class Checker;
class DrawRoundDialog;
class ReviewStore;
class Schema;

// Spot-check mode, for a dock: the reviewer picks or draws a round, judges its documents pass or
// fail (with a reason) one after the other, and always sees the running estimate and decision,
// the same numbers as `annorev stats`. The window shows the round's documents and follows
// advanceRequested(); the panel keeps no document of its own besides the one it is told about.
// The store is used on the GUI thread; a write it refuses is shown in the panel.
class SpotCheckPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpotCheckPanel)

public:
    static constexpr double defaultTarget = 0.05;

    SpotCheckPanel(ReviewStore &store, const Schema &schema, const Checker &checker, const QString &reviewer,
                   QWidget *parent = nullptr);
    ~SpotCheckPanel() override;

    // The round being checked; empty when spot-check mode is off.
    QString currentRound() const;
    // Its documents in draw order.
    QStringList roundIds() const;
    // The latest judgement of each of its documents that has one, in draw order; empty when no
    // round is shown.
    QList<Judgement> latestJudgements() const;
    // Selects a round by name (empty: mode off) and emits roundSelected(). False for a name the
    // store does not have.
    bool selectRound(const QString &name);
    QString currentDocument() const { return m_currentId; }

    // The estimate as the panel shows it: checked, failed, error rate and interval, target,
    // decision. Empty when no round is selected.
    QString estimateText() const;
    // The last store error the panel shows, or empty.
    QString errorText() const;

    double target() const;
    // Remembered in the settings (spotcheck/target).
    void setTarget(double target);
    void setReviewer(const QString &reviewer) { m_reviewer = reviewer; }

    // P and F. Not added to any widget: the window adds them where their shortcuts belong. Fail
    // opens the list of reasons, which takes 1–6.
    QAction *passAction() const { return m_passAction; }
    QAction *failAction() const { return m_failAction; }

    // Judge the current document; false (and the error shown) when the store refuses or there is
    // no document of the round to judge.
    bool pass();
    bool fail(FailReason reason, const QString &note = {});

    // Opens the Draw Round dialog (window-modal); a round it draws becomes the current one.
    DrawRoundDialog *openDrawRoundDialog();

public Q_SLOTS:
    // The document the window shows: Pass and Fail are enabled only for a document of the round.
    void setCurrentDocument(const QString &id);
    // Reads the rounds and judgements again (another process may have judged).
    void reload();
    // Shows the six reasons (keys 1–6, Enter, Esc) with the note field.
    void chooseFailReason();

Q_SIGNALS:
    // Empty name: spot-check mode is off.
    void roundSelected(const QString &name, const QStringList &idsInOrder);
    void judged(const QString &id, annorev::Verdict verdict);
    // latestJudgements() changed: a round was chosen, left or judged.
    void judgementsChanged();
    // After a judgement: the first unjudged document after it in round order, wrapping around;
    // empty when every document of the round is judged.
    void advanceRequested(const QString &nextId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createWidgets();
    void fillRoundCombo();
    void roundChosen(int index);
    bool judge(Verdict verdict, std::optional<FailReason> reason, const QString &note);
    bool readReport(const QString &name);
    void showError(const QString &message);
    void updateView();
    QString judgementText(const Judgement &judgement) const;
    void hideFailBox();

    ReviewStore &m_store;
    const Schema &m_schema;
    const Checker &m_checker;
    QString m_reviewer;
    std::optional<RoundReport> m_report;
    QString m_currentId;

    QComboBox *m_rounds = nullptr;
    QPushButton *m_drawButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_estimate = nullptr;
    QDoubleSpinBox *m_target = nullptr;
    QLabel *m_document = nullptr;
    QPushButton *m_passButton = nullptr;
    QPushButton *m_failButton = nullptr;
    QWidget *m_failBox = nullptr;
    QLineEdit *m_note = nullptr;
    QListWidget *m_reasons = nullptr;
    QLabel *m_error = nullptr;
    QAction *m_passAction = nullptr;
    QAction *m_failAction = nullptr;
};

} // namespace annorev
