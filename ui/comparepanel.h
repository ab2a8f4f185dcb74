#pragma once

#include "annotatedbatch.h"
#include "spancomparison.h"
#include "spanedit.h"

#include <QFutureWatcher>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <tuple>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace annorev {

class Document;
class Schema;
class SpanComparisonModel;

// "Compare with…": a second annotation B of the batch, read-only from disk, against the document
// the window shows (A, the reviewer's version). The current document's spans are listed in three
// groups, only in A, only in B and in both (same label and range), each with its marker; a span
// of A and one of B with the same label and overlapping ranges are shown in their own groups as
// "boundary differs" (see SpanComparison). The reviewer takes B's span into the document or
// removes A's through applyRequested(), which the window passes to ReviewSession::apply, so it is
// an ordinary undoable edit.
//
// Documents are matched by id. Offsets are UTF-16 on both sides, and B's plain text must equal
// A's: when it differs (B annotates another version of the text) the panel says so and maps
// nothing, since a span found by searching for its text could land on another occurrence.
class ComparePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparePanel)

public:
    // What a marked range is: the values of SpanComparison::Side.
    enum MarkKind
    {
        MarkOnlyA = 0,
        MarkOnlyB = 1,
        MarkBoth = 2
    };
    using MarkedRange = std::tuple<qsizetype, qsizetype, int>; // start, end (UTF-16), MarkKind

    explicit ComparePanel(const Schema &schema, QWidget *parent = nullptr);
    ~ComparePanel() override;

    // Reads batch B (files, folders, JSON Lines… as `annorev check` reads them) on every core.
    // False, and the previous B kept, when no document could be read; units that could not be
    // read are reported in the panel while the rest is compared.
    bool openBatch(const QStringList &paths, QString *error);
    // The same off the GUI thread, as Open B… does: a busy bar shows meanwhile, and batchRead()
    // follows, the reason in message() when it failed. False when a read is already running.
    bool readBatch(const QStringList &paths);
    bool isReading() const;
    void closeBatch();
    bool hasBatch() const { return !m_paths.isEmpty(); }
    QStringList batchPaths() const { return m_paths; }

    const SpanComparison &comparison() const;
    SpanComparisonModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // What the panel says about the current document ("not in B", "texts differ", counts).
    QString message() const;
    // Room for the four columns of a row (group, label, range and some of the text).
    QSize sizeHint() const override;
    // The marker colour of a MarkKind, for the window's text marks too.
    static QColor markColour(int kind);

    // Emits applyRequested() for the selected row; false when it has no B span (or A span).
    bool takeSelectedB();
    bool removeSelectedA();
    void selectRow(int row);

public Q_SLOTS:
    // The document the window shows, as it is now (call again after every edit).
    void setDocument(const QString &id, const annorev::Document &a);
    // Asks for B's folder or file and opens it.
    void chooseBatch();

Q_SIGNALS:
    void batchRead(bool opened);
    void applyRequested(const QList<annorev::SpanEdit> &edits, const QString &description);
    // The current document's compared spans, for marking them in the text; empty when nothing is
    // compared.
    void rangesToMark(const QList<annorev::ComparePanel::MarkedRange> &ranges);
    // A row was activated (double-click, Enter): the window may select [start, end).
    void rangeActivated(qsizetype start, qsizetype end);

private:
    struct Read
    {
        QStringList paths;
        AnnotatedBatch batch;
    };

    bool adoptBatch(const QStringList &paths, AnnotatedBatch batch, QString *error);
    void batchArrived();
    void createWidgets();
    void compare();
    void updateButtons();
    int selectedRow() const;

    const Schema &m_schema;
    QStringList m_paths;
    AnnotatedBatch m_batch;
    QHash<QString, qsizetype> m_indexOfId;
    QString m_inputErrors;
    QFutureWatcher<Read> m_reader;
    QString m_readingText; // while B is read
    QString m_id;
    AnnotatedText m_a;

    QLabel *m_batchLabel = nullptr;
    QPushButton *m_openButton = nullptr;
    QLabel *m_message = nullptr;
    QProgressBar *m_busy = nullptr;
    QTableView *m_view = nullptr;
    SpanComparisonModel *m_model = nullptr;
    QPushButton *m_takeButton = nullptr;
    QPushButton *m_removeButton = nullptr;
};

} // namespace annorev
