#pragma once

#include "batchreader.h"
#include "checker.h"
#include "document.h"

#include <QList>
#include <QMainWindow>
#include <QStringList>

class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QTimer;
class QTransposeProxyModel;

namespace annorev {

class DocumentListModel;
class FindingListModel;
class RecordTableModel;
class Schema;

// The reviewer's window: the batch's documents (left), the selected document's text with its
// spans highlighted (centre), its records (right) and findings (bottom). Read-only for now.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // Batches larger than this are read behind a progress dialog.
    static constexpr qsizetype ProgressThreshold = 200;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Reads, parses and checks every document of the inputs (files, folders, .jsonl files) and
    // shows the first. Replaces the batch shown before.
    void openBatch(const QStringList &paths);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Totals
    {
        int errors = 0;
        int warnings = 0;
    };

    void createActions();
    void createWidgets();
    void restoreSettings();
    void saveSettings() const;

    void openFiles();
    void openFolder();
    void showAbout();

    void showDocument(int row);
    void clearDocument(const QString &placeholder);
    void selectRange(qsizetype start, qsizetype end);
    void selectSpanOfRecordCell(const QModelIndex &proxyIndex);
    void selectFinding(const QModelIndex &proxyIndex);
    void updateSummary();
    QString spanToolTip(qsizetype textPos) const;

    const Schema &m_schema;
    Checker m_checker;
    BatchReader m_reader;
    QList<qsizetype> m_unitOfRow;  // document list row -> batch reader unit
    QList<InputError> m_inputErrors;
    Totals m_totals;
    Document m_document;

    DocumentListModel *m_documents = nullptr;
    RecordTableModel *m_records = nullptr;
    FindingListModel *m_findings = nullptr;
    QSortFilterProxyModel *m_documentProxy = nullptr;
    QTransposeProxyModel *m_recordTranspose = nullptr;
    QSortFilterProxyModel *m_findingProxy = nullptr;

    QLineEdit *m_filterEdit = nullptr;
    QTimer *m_filterTimer = nullptr;
    QListView *m_documentView = nullptr;
    QPlainTextEdit *m_textView = nullptr;
    QTableView *m_recordView = nullptr;
    QTableView *m_findingView = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QSplitter *m_outerSplitter = nullptr;
    QSplitter *m_centreSplitter = nullptr;
    QSplitter *m_textSplitter = nullptr;
};

} // namespace annorev
