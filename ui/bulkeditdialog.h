#pragma once

#include "bulkeditrun.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QSettings;
class QTreeView;

namespace annorev {

class BulkPreviewModel;
class Checker;
class ReviewSession;
class Schema;

// What Tag All Occurrences and Apply This Fix Everywhere share: a scope (this document, the
// documents the list shows, the batch), a preview that lists every hit with its state and how
// each document's findings would change, and Apply, which writes the ticked hits through the
// session: one transaction, one undo step. A subclass adds the rows that say what to change
// (request()) above the scope.
//
// The preview reads every document in scope, seconds on a large batch: it runs on a worker with
// its own connection to the store, with a progress bar and Cancel, and any change of the options
// drops it. The scope is remembered (QSettings, under the dialog's name) for the next time.
class BulkEditDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkEditDialog)

public:
    enum Scope
    {
        ThisDocument,
        ShownDocuments,
        WholeBatch
    };

    // Waits for a preview still running: it uses the schema and checker.
    ~BulkEditDialog() override;

    void setScope(Scope scope);
    BulkPreviewModel *previewModel() const { return m_model; }
    bool isPreviewing() const { return m_watcher.isRunning(); }
    // Apply makes the new texts on every core (a progress bar and Cancel meanwhile), then writes
    // them in one transaction on a worker with its own connection to the store: the window stays
    // responsive throughout, and the dialog, modal, keeps edits out until it is done.
    bool isApplying() const { return m_applying; }
    QString message() const;

    // Starts the preview; previewFinished() follows (unless it is cancelled).
    void preview();
    // Makes and writes the ticked hits; the dialog is accepted once they are saved, else says why.
    // appliedOrNot() follows.
    void apply();
    void reject() override;

Q_SIGNALS:
    void previewFinished(bool found);
    void appliedOrNot(bool applied);

protected:
    // name prefixes the children's object names ("tagAllPreview") and the settings keys.
    // shownIds: the documents the list shows, in its order (the Shown Documents scope).
    BulkEditDialog(const QString &name, Scope defaultScope, ReviewSession &session, const QString &storePath,
                   const Schema &schema, const Checker &checker, const QStringList &shownIds, QWidget *parent);

    // The form the subclass adds its rows to, above the scope.
    QFormLayout *form() const { return m_form; }
    QComboBox *scopeBox() const { return m_scope; }
    const QString &name() const { return m_name; }
    const Schema &schema() const { return m_schema; }
    QComboBox *addOptionBox(const QString &objectName);

    virtual BulkRequest request() const = 0;
    // Why the options cannot be previewed, said instead of previewing; nothing when they can.
    virtual std::optional<QString> invalid(const BulkRequest &request) const;
    // The undo step's text.
    virtual QString undoText(const BulkRequest &request, qsizetype documents) const = 0;
    // The subclass's options, remembered when they gave a preview.
    virtual void saveOptions(QSettings &settings) const;

    // Drops the preview: a preview of other options would apply what the user no longer asks for.
    void optionsChanged();
    void say(const QString &message);

private:
    BulkScope scope() const;
    void previewArrived();
    void writesMade();
    void writesWritten();
    // Apply ends without writing: says why ("Nothing was changed: …"), appliedOrNot(false).
    void notApplied(const QString &why);
    void setBusy(bool busy);
    void setPreviewing(bool previewing);
    void updateApply();

    const QString m_name;
    ReviewSession &m_session;
    const QString m_storePath;
    const Schema &m_schema;
    const Checker &m_checker;
    const QStringList m_shownIds;

    QFormLayout *m_form = nullptr;
    QComboBox *m_scope = nullptr;
    QPushButton *m_previewButton = nullptr;
    QPushButton *m_applyButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_message = nullptr;
    QTreeView *m_view = nullptr;
    BulkPreviewModel *m_model = nullptr;

    QFutureWatcher<Expected<BulkPreview>> m_watcher;
    QFutureWatcher<std::optional<ReviewStore::TextWrite>> m_making;
    QFutureWatcher<Expected<void>> m_writing;
    QList<ReviewStore::TextWrite> m_writes; // while m_writing runs
    BulkRequest m_applyingRequest;
    bool m_applying = false; // from apply() until the made texts are taken (writesMade())
    std::shared_ptr<std::atomic_bool> m_cancel;
};

} // namespace annorev
