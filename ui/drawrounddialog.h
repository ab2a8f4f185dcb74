#pragma once

#include "reviewstatus.h"
#include "spotcheck.h"
#include "spotchecksample.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QList>
#include <QString>

#include <array>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace annorev {

class Checker;
class ReviewStore;
class Schema;

// Draws a spot-check round from the window: name, size, seed, statuses and stratification, as
// `annorev sample` takes them, and the same models code draws it, so the same options give the
// same ids. The round is saved in the store; the dialog stays open to say why when it cannot be.
//
// A stratified draw checks every candidate document, seconds on a large batch: it runs on a worker
// thread with its own connection to the store, the dialog showing a busy bar meanwhile, and the
// round is saved on the GUI thread when the sample arrives. Closing the dialog while it draws
// drops the sample (destroying the dialog waits for the worker, which uses the checker).
class DrawRoundDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DrawRoundDialog)

public:
    // target (an error rate) suggests the size: the documents that, all passing, would accept.
    DrawRoundDialog(ReviewStore &store, const Schema &schema, const Checker &checker, const QString &reviewer,
                    double target, QWidget *parent = nullptr);
    ~DrawRoundDialog() override;

    QString roundName() const;
    void setRoundName(const QString &name);
    qsizetype sampleSize() const;
    void setSampleSize(qsizetype size);
    // The seed field holds a random seed to begin with; the reviewer may type another.
    std::optional<quint64> seed() const;
    void setSeed(quint64 seed);
    // Empty: every status (the round records "all").
    QList<ReviewStatus> statuses() const;
    void setStatuses(const QList<ReviewStatus> &statuses);
    Stratify stratify() const;
    void setStratify(Stratify stratify);
    // Why the last draw was refused, or empty.
    QString message() const;

    // Starts drawing the round. False, with the reason shown, when the options are refused at
    // once (no name, a taken name, no status); otherwise true, and drawFinished() follows: on
    // success after roundDrawn(), the round saved and the dialog accepted; else with the reason
    // shown in the dialog (nothing to draw from, fewer documents than strata, the store failed).
    bool draw();
    bool isDrawing() const;
    // Cancel, Escape or closing while a draw runs drops its sample: no round is saved.
    void reject() override;

Q_SIGNALS:
    void roundDrawn(const QString &name, const QStringList &ids);
    void drawFinished(bool drawn);

private:
    struct Outcome
    {
        SpotCheckSample::Drawn drawn;
        QString error;
    };

    void createWidgets(qsizetype documents, qsizetype suggestedSize);
    bool refuse(const QString &message);
    void setDrawing(bool drawing);
    void sampleArrived();
    void finish(bool drawn, const QString &message = QString());

    ReviewStore &m_store;
    const Schema &m_schema;
    const Checker &m_checker;
    QString m_reviewer;
    SpotCheckRound m_pending; // the round being drawn
    bool m_dropSample = false;
    bool m_deleteWhenDrawn = false;
    QFutureWatcher<Outcome> m_watcher;

    QLineEdit *m_name = nullptr;
    QSpinBox *m_size = nullptr;
    QLineEdit *m_seed = nullptr;
    QPushButton *m_newSeed = nullptr;
    std::array<QCheckBox *, 4> m_statusBoxes{}; // indexed by ReviewStatus
    QComboBox *m_stratify = nullptr;
    QLabel *m_message = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_drawButton = nullptr;
};

} // namespace annorev
