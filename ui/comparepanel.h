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
class QSpinBox;
class QPushButton;
class QTableView;

namespace annorev {

class DisputeModel;
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
// With more than one batch added (Add Annotator…), the panel adjudicates instead: the other
// batches are N annotators of the batch, whose versions of the current document are merged by
// vote as `annorev adjudicate` merges them (a span needs a strict majority), and the panel lists
// every disputed span with its outcome, who chose it and whether the document holds it now, and
// who marked nothing there (DisputeModel). Taking a span makes the document hold it (replacing
// its spans that overlap it); removing takes it out. The window's batch is the adjudicator's:
// typically the one `adjudicate --out` wrote.
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

    // Reads batch B (files, folders, JSON Lines… as `annorev check` reads them) on every core,
    // in place of the batches open (Replace) or beside them, as one more annotator (Add). False,
    // and the batches open kept, when no document could be read; units that could not be read
    // are reported in the panel while the rest is compared.
    enum class Open
    {
        Replace,
        Add
    };
    bool openBatch(const QStringList &paths, QString *error, Open how = Open::Replace);
    // The same off the GUI thread, as Open B… and Add Annotator… do: a busy bar shows meanwhile,
    // and batchRead() follows, the reason in message() when it failed. False when a read is
    // already running.
    bool readBatch(const QStringList &paths, Open how = Open::Replace);
    bool isReading() const;
    void closeBatch();
    bool hasBatch() const { return !m_others.isEmpty(); }
    qsizetype batchCount() const { return m_others.size(); }
    // Whether the panel adjudicates (two batches or more) rather than compares with B.
    bool isAdjudicating() const { return m_others.size() > 1; }
    QStringList batchPaths() const { return m_others.isEmpty() ? QStringList() : m_others.constFirst().paths; }
    // The annotators' names, one per batch (AnnotatorNames).
    QStringList annotatorNames() const;
    // Adjudicating: the votes a span needs to be accepted, 1 to the number of annotators; a strict
    // majority until the user picks another (as `adjudicate --min-agree`).
    int minAgree() const;
    void setMinAgree(int votes);

    const SpanComparison &comparison() const;
    SpanComparisonModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    DisputeModel *disputeModel() const { return m_disputeModel; }
    QTableView *disputeView() const { return m_disputeView; }
    // What the panel says about the current document ("not in B", "texts differ", counts).
    QString message() const;
    // Room for the four columns of a row (group, label, range and some of the text).
    QSize sizeHint() const override;
    // The marker colour of a MarkKind, for the window's text marks too.
    static QColor markColour(int kind);

    // Emits applyRequested() for the selected row; false when it has no B span (or A span).
    // Adjudicating: the selected candidate span taken into the document, or removed from it.
    bool takeSelectedB();
    bool removeSelectedA();
    void selectRow(int row);

public Q_SLOTS:
    // The document the window shows, as it is now (call again after every edit).
    void setDocument(const QString &id, const annorev::Document &a);
    // Asks for B's folder or file and opens it.
    void chooseBatch();
    // Asks for one more annotator's folder or file and adds it.
    void chooseAnotherBatch();

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
        Open how = Open::Replace;
    };
    // A batch compared with: B, or one annotator of several.
    struct Other
    {
        QStringList paths;
        AnnotatedBatch batch;
        QHash<QString, qsizetype> indexOfId;
        QString inputErrors;
    };

    bool adoptBatch(const QStringList &paths, AnnotatedBatch batch, QString *error, Open how);
    void batchArrived();
    void createWidgets();
    void compare();
    // compare() with two batches or more; the message.
    QString adjudicate(QList<MarkedRange> *ranges);
    QString pickBatch(QWidget *anchor);
    void updateButtons();
    int selectedRow() const;

    const Schema &m_schema;
    QList<Other> m_others;
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
    QTableView *m_disputeView = nullptr;
    DisputeModel *m_disputeModel = nullptr;
    QPushButton *m_addButton = nullptr;
    QLabel *m_votesLabel = nullptr;
    QSpinBox *m_votes = nullptr;
    bool m_votesChosen = false; // the user set the votes: a new annotator keeps them (within range)
    QPushButton *m_takeButton = nullptr;
    QPushButton *m_removeButton = nullptr;
};

} // namespace annorev
