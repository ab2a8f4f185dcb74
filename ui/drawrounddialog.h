#pragma once

#include "reviewstatus.h"
#include "spotcheck.h"

#include <QDialog>
#include <QList>
#include <QString>

#include <array>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace annorev {

class Checker;
class ReviewStore;
class Schema;

// Draws a spot-check round from the window: name, size, seed, statuses and stratification, as
// `annorev sample` takes them, and the same models code draws it, so the same options give the
// same ids. The round is saved in the store; the dialog stays open to say why when it cannot be.
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

    // Draws and saves the round; on success emits roundDrawn() and accepts the dialog. Otherwise
    // shows why in the dialog and returns false.
    bool draw();

Q_SIGNALS:
    void roundDrawn(const QString &name, const QStringList &ids);

private:
    void createWidgets(qsizetype documents, qsizetype suggestedSize);
    bool refuse(const QString &message);

    ReviewStore &m_store;
    const Schema &m_schema;
    const Checker &m_checker;
    QString m_reviewer;

    QLineEdit *m_name = nullptr;
    QSpinBox *m_size = nullptr;
    QLineEdit *m_seed = nullptr;
    std::array<QCheckBox *, 4> m_statusBoxes{}; // indexed by ReviewStatus
    QComboBox *m_stratify = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_drawButton = nullptr;
};

} // namespace annorev
