#pragma once

#include "exportdocument.h"
#include "exporter.h"
#include "reviewstatus.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QList>
#include <QString>

#include <array>
#include <atomic>
#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace annorev {

// Exports the documents of a review store: the curator picks a format, the statuses to export and
// where to write, and the export runs on a worker thread with its own connection to the store,
// behind a progress bar that can cancel it. Nothing is left at the output path unless the export
// succeeds; an existing file is replaced only when the curator says so, a non-empty folder never.
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    // storePath is the batch's review store; suggestedBaseName starts the suggested output name
    // ("samples" gives "samples-records.jsonl", "samples-brat", …).
    ExportDialog(const QString &storePath, const QString &suggestedBaseName, QWidget *parent = nullptr);
    ~ExportDialog() override;

    ExportFormat format() const;
    void setFormat(ExportFormat format);
    QList<ReviewStatus> statuses() const;
    // The statuses to export; an empty list checks none, which disables Export.
    void setStatuses(const QList<ReviewStatus> &statuses);
    QString outputPath() const;
    void setOutputPath(const QString &path);
    // Whether the chosen format writes a folder (brat; tagged of a folder batch or of several files).
    bool writesFolder() const;

    // Checks the choices, asks before replacing an existing file, then exports in the background.
    // exportFinished() follows once for every export that starts. A refused start (no status or no
    // document with one, a store that cannot be read, a folder that is not empty or a file where a
    // folder is wanted, a declined replacement) shows why in the dialog and emits nothing.
    void startExport();
    // Asks a running export to stop; it then finishes with ok == false and leaves nothing behind.
    void cancelExport();
    bool isRunning() const;
    // Whether the store has been read and an export can start.
    bool isReady() const;
    // What the dialog says below the progress bar: the outcome of the last export or why it did not start.
    QString message() const;

    // Tests only: called on the export thread with every progress report, before the dialog gets it.
    void setProgressHookForTesting(std::function<void(qsizetype done, qsizetype total)> hook);

signals:
    // Not QDialog::finished(int), which closing the dialog emits. ok: the export was written;
    // message: what the dialog shows ("Exported 3 documents (4 records) to PATH", or why the export
    // failed or that it was cancelled).
    void exportFinished(bool ok, const QString &message);

public slots:
    // Esc and Close: cancels a running export, else closes.
    void reject() override;

private:
    // What the worker learns about the store before anything is exported.
    struct StoreFacts
    {
        QString error;
        std::optional<BatchLayout> layout;   // of the first document; none for an empty store
        QString firstSuffix;                 // of the first document's file name, with the dot
        std::array<qsizetype, 4> byStatus{}; // indexed by ReviewStatus
        QStringList batchInputs;             // as the store records them; no export goes there
    };
    struct Outcome
    {
        // An empty error when the worker reported nothing.
        Expected<ExportResult> result = Error{};
    };

    static StoreFacts readFacts(const QString &storePath);

    void createWidgets();
    void readStore();
    void storeRead();
    void choicesChanged();
    void updateState();
    void browse();
    void run(const QString &path);
    void exportDone();
    void resetProgress();
    void showMessage(const QString &text);
    QString suggestedPath(const QString &folder) const;
    QString defaultFolder() const;
    qsizetype selectedCount() const;

    QString m_storePath;
    QString m_baseName;
    std::optional<StoreFacts> m_facts;
    QString m_suggestedPath; // the last suggestion made, replaced while the curator keeps it
    QString m_runningPath;
    bool m_running = false;
    std::atomic_bool m_cancel{false};
    std::function<void(qsizetype, qsizetype)> m_progressHook;
    QFutureWatcher<StoreFacts> m_factsWatcher;
    QFutureWatcher<Outcome> m_exportWatcher;

    QComboBox *m_formatBox = nullptr;
    QLabel *m_formatDescription = nullptr;
    std::array<QCheckBox *, 4> m_statusBoxes{}; // indexed by ReviewStatus
    QLineEdit *m_pathEdit = nullptr;
    QPushButton *m_browseButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_messageLabel = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};

} // namespace annorev
