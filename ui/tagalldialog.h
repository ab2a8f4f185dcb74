#pragma once

#include "bulkeditrun.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QStringList>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeView;

namespace annorev {

class Checker;
class ReviewSession;
class Schema;
class TagAllPreviewModel;

// Edit › Tag All Occurrences…: a text or regular expression, whole words, case, a label and a
// scope (this document, the documents the list shows, the batch); Preview lists every hit with
// its context and state and how each document's findings would change, and Apply writes the
// ticked hits through the session: one transaction, one undo step.
//
// The preview reads every document in scope, seconds on a large batch: it runs on a worker with
// its own connection to the store, with a progress bar and Cancel, and any change of the options
// drops it. The options are remembered (QSettings) for the next time.
class TagAllDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagAllDialog)

public:
    enum Scope
    {
        ThisDocument,
        ShownDocuments,
        WholeBatch
    };

    // shownIds: the documents the list shows, in its order (the Shown Documents scope).
    TagAllDialog(ReviewSession &session, const QString &storePath, const Schema &schema, const Checker &checker,
                 const QStringList &shownIds, QWidget *parent = nullptr);
    // Waits for a preview still running: it uses the schema and checker.
    ~TagAllDialog() override;

    // The text to find, from the selection in the text.
    void setPattern(const QString &pattern);
    void setScope(Scope scope);
    TagAllPreviewModel *previewModel() const { return m_model; }
    bool isPreviewing() const { return m_watcher.isRunning(); }
    QString message() const;

    // Starts the preview; previewFinished() follows (unless it is cancelled).
    void preview();
    // Writes the ticked hits; the dialog is accepted once they are saved, else says why.
    void apply();
    void reject() override;

Q_SIGNALS:
    void previewFinished(bool found);

private:
    BulkRequest request() const;
    BulkScope scope() const;
    void optionsChanged();
    void previewArrived();
    void setPreviewing(bool previewing);
    void updateApply();
    void say(const QString &message);
    void saveSettings() const;

    ReviewSession &m_session;
    const QString m_storePath;
    const Schema &m_schema;
    const Checker &m_checker;
    const QStringList m_shownIds;

    QLineEdit *m_pattern = nullptr;
    QCheckBox *m_regex = nullptr;
    QCheckBox *m_wholeWords = nullptr;
    QCheckBox *m_ignoreCase = nullptr;
    QComboBox *m_label = nullptr;
    QComboBox *m_scope = nullptr;
    QPushButton *m_previewButton = nullptr;
    QPushButton *m_applyButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_message = nullptr;
    QTreeView *m_view = nullptr;
    TagAllPreviewModel *m_model = nullptr;

    QFutureWatcher<Expected<BulkPreview>> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace annorev
