#include "colourmetrics.h"
#include "comparepanel.h"
#include "countryaliases.h"
#include "dashboarddialog.h"
#include "document.h"
#include "documentlistmodel.h"
#include "drawrounddialog.h"
#include "exportdialog.h"
#include "filedialogs.h"
#include "findinglistmodel.h"
#include "folderentries.h"
#include "inlinemessage.h"
#include "mainwindow.h"
#include "plaintooltipdelegate.h"
#include "recordtablemodel.h"
#include "reviewsession.h"
#include "reviewstore.h"
#include "schema.h"
#include "shortcutsdialog.h"
#include "sourceview.h"
#include "spancomparisonmodel.h"
#include "spanhighlighter.h"
#include "spotcheckpanel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QHeaderView>
#include <QHelpEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QScopeGuard>
#include <QSet>
#include <QProcess>
#include <QSettings>
#include <QShortcut>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QToolTip>
#include <QTreeView>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <sys/inotify.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace annorev;
using annorev::test::readFile;
using annorev::test::writeFile;

namespace {

const QString first = u"000_fb52d27db3b8b6ee.txt"_s;
const QString second = u"001_1d6e54ff941a55a9.txt"_s;
const QString extra = u"005_extra.txt"_s;
const QString broken = u"006_broken.txt"_s;
const QByteArray extraSource = "<model>Foo-13B</model> has 13 billion parameters and was trained on 8 GPUs in 2021.\n";
const QByteArray brokenSource = "Trained on <hardware>NVIDIA A100 GPUs by <model>Bar-7B</model>.\n";

template <typename T> T *child(const QObject &window, const QString &name)
{
    T *widget = window.findChild<T *>(name);
    if (widget == nullptr) {
        qFatal("no child %s", qPrintable(name));
    }
    return widget;
}

QString statusMessage(const MainWindow &window)
{
    return window.statusBar()->currentMessage();
}

// Takes every shortcut event Qt sends and keeps it from its owner: what a key would trigger is
// recorded, nothing runs.
class ShortcutRecorder final : public QObject
{
public:
    struct Event
    {
        QObject *owner = nullptr;
        QKeySequence key;
        bool ambiguous = false;
    };
    QList<Event> events;

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Shortcut) {
            const auto *shortcut = static_cast<QShortcutEvent *>(event);
            events.append({watched, shortcut->key(), shortcut->isAmbiguous()});
            return true;
        }
        return false;
    }
};

QString describeOwner(const QObject *owner)
{
    if (const auto *action = qobject_cast<const QAction *>(owner)) {
        return u"action \"%1\" (%2)"_s.arg(action->text(), action->objectName());
    }
    return u"%1 %2"_s.arg(QString::fromLatin1(owner->metaObject()->className()), owner->objectName());
}

// Every key sequence of the Help › Keyboard Shortcuts table.
QList<QKeySequence> helpTableKeys(MainWindow &window)
{
    window.action(u"shortcuts"_s)->trigger();
    auto *dialog = window.findChild<ShortcutsDialog *>(u"shortcutsDialog"_s);
    QList<QKeySequence> keys;
    if (dialog == nullptr) {
        return keys;
    }
    QAbstractItemModel *model = dialog->model();
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QString text = model->index(row, ShortcutsDialog::ShortcutColumn, parent).data().toString();
            for (const QString &key : text.split(u", "_s, Qt::SkipEmptyParts)) {
                const QKeySequence sequence = QKeySequence::fromString(key, QKeySequence::NativeText);
                if (!sequence.isEmpty() && !keys.contains(sequence)) {
                    keys.append(sequence);
                }
            }
            walk(model->index(row, ShortcutsDialog::ActionColumn, parent));
        }
    };
    walk({});
    dialog->close();
    delete dialog;
    return keys;
}

// The names of the files in a folder that anything opened while it watched (inotify IN_OPEN).
class OpenWatcher
{
public:
    explicit OpenWatcher(const QString &folder)
        : m_fd(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)),
          m_watch(m_fd >= 0 ? inotify_add_watch(m_fd, QFile::encodeName(folder).constData(), IN_OPEN) : -1)
    {
    }
    ~OpenWatcher()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    Q_DISABLE_COPY_MOVE(OpenWatcher)
    bool isValid() const { return m_watch >= 0; }
    QStringList opened()
    {
        alignas(inotify_event) char buffer[4096];
        for (;;) {
            const ssize_t length = ::read(m_fd, buffer, sizeof(buffer));
            if (length <= 0) {
                break;
            }
            for (ssize_t at = 0; at < length;) {
                const auto *event = reinterpret_cast<const inotify_event *>(buffer + at);
                if (event->len > 0) {
                    m_opened.append(QFile::decodeName(event->name));
                }
                at += ssize_t(sizeof(inotify_event) + event->len);
            }
        }
        m_opened.removeDuplicates();
        return m_opened;
    }

private:
    int m_fd;
    int m_watch;
    QStringList m_opened;
};

// Shows a file dialog long enough for its list, icons and types to load, in list and detail view.
void letTheDialogLoad(QFileDialog *dialog)
{
    auto *model = dialog->findChild<QFileSystemModel *>();
    QVERIFY(model);
    QSignalSpy loaded(model, &QFileSystemModel::directoryLoaded);
    if (!dialog->isVisible()) {
        dialog->show();
    }
    loaded.wait(2000);
    dialog->setViewMode(QFileDialog::Detail);
    // The icons and types come from a worker thread, a batch at a time.
    QTest::qWait(500);
    dialog->setViewMode(QFileDialog::List);
    QTest::qWait(200);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void opensTheSampleBatch();
    void modelsPassTheModelTester();
    void labelButtonsWrapRatherThanSqueezeTheRecords();
    void documentIdsKeepTheirWidthWhenADockOpens();
    void aWindowClosedInSpotCheckModeReopensOutOfIt();
    void labelKeyTagsTheSelectionIntoRecordAndStore();
    void labelKeyTagsTheWordShownAfterManyLineBreaks_data();
    void labelKeyTagsTheWordShownAfterManyLineBreaks();
    void selectionsSnapToWordsUnlessAltIsHeld_data();
    void selectionsSnapToWordsUnlessAltIsHeld();
    void crossingSpansAreRefusedWithAMessage();
    void deleteRemovesTheSpanUnderTheCursor();
    void contextMenuRelabelsAndMovesSpans();
    void editingARecordCellRewritesTheTaggedText();
    void countCellsEditWithASpinBox();
    void activatingAFindingSelectsItsSpans();
    void activatingAFindingSelectsItsOwnRange();
    void applyFixIsAnUndoableEdit();
    void applyFixWorksFromTheCursorInAFlaggedRange_data();
    void applyFixWorksFromTheCursorInAFlaggedRange();
    void applyFixWithNothingToFixSaysSoByTheText();
    void undoAndRedoGoThroughTheStore();
    void eachDocumentKeepsItsUndoHistoryAcrossSwitches();
    void editsShowAtOnceAndTheSaveStateFollowsTheStore();
    void cursorInASpanSelectsItsRecordCell();
    void recordCellSelectsItsSpan();
    void approvingIsStoredAndMovesToTheNextUnreviewed();
    void errorFindingsNeedANoteToApprove();
    void rejectAndNeedsWorkKeepTheirNotes();
    void keysMoveThroughTheList();
    void filtersNarrowTheList();
    void searchFindsPlainText();
    void rawSourceToggleShowsTheTags();
    void spansAreHighlightedInTheirLabelColour();
    void editsRehighlightOnlyTheBlocksTheyTouch();
    void darkPalettesGetLighterUnderlines();
    void spanBackgroundsAsPaintedDifferAndKeepTextLegible_data();
    void spanBackgroundsAsPaintedDifferAndKeepTextLegible();
    void findingsShowASeverityIcon();
    void toolTipsNameLabelValueAndRecord();
    void unreadableInputsAreReportedAndTheRestOpens();
    void unreadableFolderEntriesAreListedInTheOpenReport();
    void storeThatCannotBeOpenedKeepsThePreviousBatch();
    void aBatchThatCannotBeReadLeavesNoStore();
    void droppingAFolderOpensIt();
    void settingsRememberLayoutBatchesAndDocument();
    void everyActionHasItsShortcutInAMenu();
    void exportOpensTheDialogOnTheBatchStore();
    void spotCheckModeShowsTheRoundAndJudgesWithPAndF();
    void dashboardOpensOnTheBatch();
    void compareShowsBothSidesAndTakesBsSpan();
    void keyboardShortcutsListsTheMenus();
    void emptyRecordsAndFindingsSaySo();
    void undoTextDoesNotGrowTheToolBar();
    void noTwoShortcutsShareAKeyWhereBothApply();
    void noShortcutOfTheHelpTableIsAmbiguousWherePressed();
    void controlShiftZAfterAnUndoRedoes();
    void editingAnApprovedDocumentShowsItUnreviewedAtOnce();
    void fileDialogsNeverOpenTheStoreFiles_data();
    void fileDialogsNeverOpenTheStoreFiles();
    void aCancelledOpenFolderAndAnotherProcessLoseNoDecision();
    void aStoreDroppedOnTheWindowIsRefusedUnread();

private:
    // A fresh copy of the samples plus two documents of our own, with its store beside it.
    QString m_batch;
    std::unique_ptr<QTemporaryDir> m_dir;

    std::unique_ptr<MainWindow> openWindow(bool show = false);
    static SourceView *text(const MainWindow &window) { return child<SourceView>(window, u"textView"_s); }
    static void selectText(SourceView *view, const QString &needle, qsizetype from = 0, qsizetype length = -1);
    QByteArray stored(const MainWindow &window, const QString &id) const;
    // Saves a round of these documents in the window's store and picks it in the spot-check panel.
    static bool pickNewRound(MainWindow &window, const QString &name, const QStringList &ids);
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::init()
{
    QSettings settings(u"annorev"_s, u"annorev"_s);
    settings.clear();
    settings.setValue(u"reviewer"_s, u"tester"_s);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_batch = m_dir->filePath(u"samples"_s);
    const QDir samples(QStringLiteral(ANNOREV_SAMPLES_DIR));
    for (const QString &name : samples.entryList(QDir::Files)) {
        writeFile(m_batch + u'/' + name, readFile(samples.filePath(name)));
    }
    writeFile(m_batch + u'/' + extra, extraSource);
    writeFile(m_batch + u'/' + broken, brokenSource);
}

void TestMainWindow::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::openWindow(bool show)
{
    auto window = std::make_unique<MainWindow>();
    if (show) {
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get())) {
            qWarning("the window was not exposed");
        }
    }
    if (!window->openBatch({m_batch})) {
        qWarning("the batch did not open");
    }
    return window;
}

void TestMainWindow::selectText(SourceView *view, const QString &needle, qsizetype from, qsizetype length)
{
    const qsizetype at = view->toPlainText().indexOf(needle);
    QVERIFY2(at >= 0, qPrintable(needle));
    view->selectRange(at + from, at + from + (length < 0 ? needle.size() - from : length));
    view->setFocus(Qt::OtherFocusReason);
}

QByteArray TestMainWindow::stored(const MainWindow &window, const QString &id) const
{
    QString error;
    const std::unique_ptr<ReviewStore> store = ReviewStore::open(window.storePath(), &error);
    if (!store) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    const auto doc = store->document(id);
    return doc ? doc->taggedText : QByteArray();
}

bool TestMainWindow::pickNewRound(MainWindow &window, const QString &name, const QStringList &ids)
{
    QString error;
    {
        const std::unique_ptr<ReviewStore> store = ReviewStore::open(window.storePath(), &error);
        SpotCheckRound round;
        round.name = name;
        round.createdBy = u"t"_s;
        QList<RoundDocument> documents;
        for (const QString &id : ids) {
            documents.append({id, {}});
        }
        if (!store || !store->createRound(round, documents, &error)) {
            qWarning("cannot save the round: %s", qPrintable(error));
            return false;
        }
    }
    auto *panel = window.findChild<SpotCheckPanel *>(u"spotCheckPanel"_s);
    panel->reload();
    return panel->selectRound(name);
}

void TestMainWindow::opensTheSampleBatch()
{
    auto window = openWindow(true);
    QCOMPARE(window->windowTitle(), u"samples — tester — annorev"_s);
    QCOMPARE(window->storePath(), ReviewStore::defaultStorePath({m_batch}));
    QVERIFY(QFile::exists(window->storePath()));
    QCOMPARE(child<QLabel>(*window, u"progressLabel"_s)->text(), u"0 / 7 reviewed"_s);
    QVERIFY(child<QLabel>(*window, u"summaryLabel"_s)->text().startsWith(u"7 documents · "_s));

    auto *list = child<QTreeView>(*window, u"documentList"_s);
    QCOMPARE(list->model()->rowCount(), 7);
    QCOMPARE(list->model()->index(0, DocumentListModel::IdColumn).data().toString(), first);
    QCOMPARE(list->model()->index(0, DocumentListModel::StatusColumn).data().toString(), u"Unreviewed"_s);
    QVERIFY(list->model()->index(6, DocumentListModel::ErrorsColumn).data().toInt() > 0);
    QCOMPARE(window->currentDocumentId(), first);

    SourceView *view = text(*window);
    QVERIFY(view->isReadOnly());
    QVERIFY(view->toPlainText().startsWith(u"This paper presents NeuroFlex-7B, a novel"_s));
    QVERIFY(!view->toPlainText().contains(u"<model>"_s));

    // Records are columns in the side pane, fields are rows, each showing text and value.
    auto *records = child<QTableView>(*window, u"recordTable"_s);
    QCOMPARE(records->model()->columnCount(), 1);
    QCOMPARE(records->model()->rowCount(), int(RecordTableModel::ColumnCount));
    QCOMPARE(records->model()->headerData(0, Qt::Horizontal).toString(), u"Record 1"_s);
    QCOMPARE(records->model()->index(RecordTableModel::ParamsColumn, 0).data().toString(),
             u"7.2 billion parameters → 7.2 × 10⁹"_s);

    auto *findings = child<QTableView>(*window, u"findingTable"_s);
    QCOMPARE(findings->model()->rowCount(), 1);
    QCOMPARE(findings->model()->index(0, FindingListModel::RuleColumn).data().toString(), u"gpu-count-untagged"_s);

    // Another document replaces all three views.
    list->setCurrentIndex(list->model()->index(2, 0));
    QCOMPARE(window->currentDocumentId(), u"002_f429afe5dd9093a8.txt"_s);
    QCOMPARE(records->model()->columnCount(), 0);
    QCOMPARE(findings->model()->index(0, FindingListModel::RuleColumn).data().toString(), u"annotations-missing"_s);

    for (const QString &name :
         {u"documentList"_s, u"textView"_s, u"recordTable"_s, u"findingTable"_s, u"documentSearch"_s, u"statusFilter"_s,
          u"labelFilter"_s, u"ruleFilter"_s, u"findingFilter"_s, u"noteEdit"_s, u"progressBar"_s}) {
        QVERIFY2(!child<QWidget>(*window, name)->accessibleName().isEmpty(), qPrintable(name));
    }
}

void TestMainWindow::modelsPassTheModelTester()
{
    auto window = openWindow(true);
    const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
    QAbstractItemModelTester list(child<QTreeView>(*window, u"documentList"_s)->model(), mode);
    QAbstractItemModelTester records(child<QTableView>(*window, u"recordTable"_s)->model(), mode);
    QAbstractItemModelTester findings(child<QTableView>(*window, u"findingTable"_s)->model(), mode);
    // Edits, navigation and filtering all change the models under the testers.
    QVERIFY(window->showDocumentWithId(extra));
    selectText(text(*window), u"13 billion"_s);
    QTest::keyClick(text(*window), Qt::Key_2);
    QTRY_VERIFY(stored(*window, extra).contains("<params>13 billion</params>"));
    child<QComboBox>(*window, u"findingFilter"_s)->setCurrentIndex(1);
    QTest::keyClick(window.get(), Qt::Key_Down, Qt::AltModifier);
}

void TestMainWindow::labelKeyTagsTheSelectionIntoRecordAndStore()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(extra));
    SourceView *view = text(*window);
    selectText(view, u"13 billion"_s);
    QTest::keyClick(view, Qt::Key_2); // params

    // The view shows it at once, the record has the value, the store has the edit.
    QTRY_COMPARE(window->session()->document().spans().size(), 2);
    QCOMPARE(window->session()->document().spans().at(1).label, u"params"_s);
    auto *records = child<QTableView>(*window, u"recordTable"_s);
    QTRY_COMPARE(records->model()->index(RecordTableModel::ParamsColumn, 0).data().toString(),
                 u"13 billion → 1.3 × 10¹⁰"_s);
    // The records show once the check is in; the commit may come a moment after it.
    QVERIFY(window->session()->waitForSaved());
    QCOMPARE(stored(*window, extra),
             "<model>Foo-13B</model> has <params>13 billion</params> parameters and was trained on 8 GPUs in "
             "2021.\n"_ba);
    QString error;
    const auto store = ReviewStore::open(window->storePath(), &error);
    const QList<ReviewStore::AuditEntry> log = store->auditLog(extra);
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().action, u"edit"_s);
    QCOMPARE(log.first().reviewer, u"tester"_s);
    // The source file is never written.
    QCOMPARE(readFile(m_batch + u'/' + extra), extraSource);

    // The label buttons tag too.
    selectText(view, u"2021"_s);
    QTest::mouseClick(child<QWidget>(*window, u"labelButton-year"_s), Qt::LeftButton);
    QTRY_VERIFY(stored(*window, extra).contains("<year>2021</year>"));
}

void TestMainWindow::labelKeyTagsTheWordShownAfterManyLineBreaks_data()
{
    QTest::addColumn<QString>("lineBreak");
    QTest::addColumn<QString>("inLine"); // in every line before the word

    QTest::addRow("lf") << u"\n"_s << QString();
    QTest::addRow("cr") << u"\r"_s << QString();
    QTest::addRow("crlf") << u"\r\n"_s << QString();
    QTest::addRow("line separator") << u"\u2028"_s << QString();
    QTest::addRow("paragraph separator") << u"\u2029"_s << QString();
    QTest::addRow("astral characters") << u"\n"_s << u"\U0001F600 \U0001D518"_s;
    QTest::addRow("nul") << u"\n"_s << QString(QChar(u'\0'));
    QTest::addRow("crlf, astral and nul") << u"\r\n"_s << u"\U0001F600\0"_s;
}

// What the reviewer sees is what is saved: the word selected in the view, after many line breaks
// of any kind, is the word the tag wraps, and every highlight lands on the characters it names.
void TestMainWindow::labelKeyTagsTheWordShownAfterManyLineBreaks()
{
    QFETCH(QString, lineBreak);
    QFETCH(QString, inLine);
    QString body;
    for (int line = 1; line <= 60; ++line) {
        body += u"Line "_s + QString::number(line) + u" of notes"_s + inLine + u'.' + lineBreak;
    }
    const QString last = u"We trained on 512 <hardware>NVIDIA A100 GPUs</hardware> in Peru for a week."_s;
    const QString id = u"007_breaks.txt"_s;
    writeFile(m_batch + u'/' + id, (body + last + lineBreak).toUtf8());
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(id));
    SourceView *view = text(*window);

    // The reviewer's selection: a double click on the word the view shows.
    const QTextCursor peru = view->document()->find(u"Peru"_s);
    QVERIFY(!peru.isNull());
    QTextCursor inWord(view->document());
    inWord.setPosition(peru.selectionStart() + 2);
    view->setTextCursor(inWord); // scrolls the word into sight
    view->setFocus(Qt::OtherFocusReason);
    const QPoint onWord = view->cursorRect(inWord).center();
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, onWord);
    QCOMPARE(view->textCursor().selectedText(), u"Peru"_s);
    const QString plain = window->session()->document().text();
    const qsizetype start = plain.indexOf(u"Peru"_s);
    QCOMPARE(view->selectedRange(), std::pair(start, start + 4));
    QTest::keyClick(view, Qt::Key_6); // country
    QVERIFY(window->session()->waitForSaved());
    QString tagged = last;
    tagged.replace(u"Peru"_s, u"<country>Peru</country>"_s);
    QCOMPARE(stored(*window, id), (body + tagged + lineBreak).toUtf8());

    // The span's background starts at the word in the view and covers it, no more.
    QTRY_VERIFY(window->session()->isChecked());
    auto formatsAt = [&](const QTextCursor &word) {
        const QTextBlock block = view->document()->findBlock(word.selectionStart());
        QList<QTextLayout::FormatRange> found;
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (block.position() + range.start == word.selectionStart()) {
                found.append(range);
            }
        }
        return found;
    };
    const QList<QTextLayout::FormatRange> country = formatsAt(view->document()->find(u"Peru"_s));
    QVERIFY(!country.isEmpty());
    QCOMPARE(country.first().length, 4);
    QCOMPARE(country.first().format.background().color().rgb(), Schema::builtin().label(u"country")->colour.rgb());
    // The finding about the untagged count underlines the count.
    const QTextCursor count = view->document()->find(u"512"_s);
    const QList<QTextLayout::FormatRange> waved = formatsAt(count);
    QVERIFY(!waved.isEmpty());
    QCOMPARE(waved.first().length, 3);
    QCOMPARE(waved.first().format.underlineStyle(), QTextCharFormat::WaveUnderline);

    // The record cell selects the span, and the cursor in the span selects the cell.
    auto *records = child<QTableView>(*window, u"recordTable"_s);
    records->setCurrentIndex(records->model()->index(RecordTableModel::CountryColumn, 0));
    QCOMPARE(view->textCursor().selectedText(), u"Peru"_s);
    QTextCursor inside = view->document()->find(u"NVIDIA"_s);
    inside.setPosition(inside.selectionStart() + 2);
    view->setTextCursor(inside);
    QCOMPARE(records->currentIndex(), records->model()->index(RecordTableModel::HardwareColumn, 0));

    // An activated finding selects its own range and outlines the span it names, each where the
    // document holds it.
    auto *findings = child<QTableView>(*window, u"findingTable"_s);
    const QModelIndexList untagged = findings->model()->match(findings->model()->index(0, FindingListModel::RuleColumn),
                                                              Qt::DisplayRole, u"gpu-count-untagged"_s);
    QCOMPARE(untagged.size(), 1);
    findings->setCurrentIndex(untagged.first());
    emit findings->activated(untagged.first());
    const auto [from, to] = view->selectedRange();
    QVERIFY(to > from);
    QCOMPARE(view->textCursor().selectedText(), plain.mid(from, to - from));
    QCOMPARE(plain.mid(from, to - from), u"512"_s);
    QVERIFY(!view->extraSelections().isEmpty());
    const QTextCursor outlined = view->extraSelections().constLast().cursor;
    const qsizetype hardware = plain.lastIndexOf(u"NVIDIA A100 GPUs"_s);
    QCOMPARE(outlined.selectedText(), plain.mid(hardware, 16));
    QCOMPARE(outlined.selectionStart() - view->document()->find(u"512"_s).selectionStart(), 4);

    // The tooltip over the word names its label.
    QTextCursor over = view->document()->find(u"Peru"_s);
    over.setPosition(over.selectionStart() + 1);
    const QPoint pos = view->cursorRect(over).center();
    QHelpEvent help(QEvent::ToolTip, pos, view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(Schema::builtin().label(u"country")->displayName + u": Peru"_s),
             qPrintable(QToolTip::text()));
    QToolTip::hideText();
}

void TestMainWindow::selectionsSnapToWordsUnlessAltIsHeld_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("length");
    QTest::addColumn<bool>("alt");
    QTest::addColumn<QString>("tagged");
    QTest::newRow("snapped") << 1 << 5 << false << u"13 billion"_s;
    QTest::newRow("exact with Alt") << 0 << 6 << true << u"13 bil"_s;
}

void TestMainWindow::selectionsSnapToWordsUnlessAltIsHeld()
{
    QFETCH(int, from);
    QFETCH(int, length);
    QFETCH(bool, alt);
    QFETCH(QString, tagged);
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(extra));
    selectText(text(*window), u"13 billion"_s, from, length);
    QTest::keyClick(text(*window), Qt::Key_2, alt ? Qt::AltModifier : Qt::NoModifier);
    QTRY_VERIFY2(stored(*window, extra).contains(u"<params>%1</params>"_s.arg(tagged).toUtf8()),
                 stored(*window, extra).constData());
}

void TestMainWindow::crossingSpansAreRefusedWithAMessage()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(extra));
    // "Foo-13B has" starts inside nothing but ends across the model span's end: it crosses it.
    selectText(text(*window), u"13B has"_s);
    QTest::keyClick(text(*window), Qt::Key_7, Qt::AltModifier);
    QVERIFY2(statusMessage(*window).startsWith(u"Not tagged:"_s), qPrintable(statusMessage(*window)));
    QCOMPARE(stored(*window, extra), extraSource);
    QVERIFY(!window->session()->undoStack()->canUndo());
    // Said by the text too, right above it, where the reviewer is looking.
    auto *message = child<InlineMessage>(*window, u"inlineMessage"_s);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().startsWith(u"Not tagged:"_s), qPrintable(message->text()));
    QCOMPARE(message->parentWidget(), text(*window)->parentWidget());
    QVERIFY(message->geometry().bottom() < text(*window)->geometry().top());
    QVERIFY(message->geometry().bottom() > text(*window)->geometry().top() - 20);

    // With nothing selected there is nothing to tag.
    text(*window)->moveCursor(QTextCursor::End);
    QTest::keyClick(text(*window), Qt::Key_1);
    QCOMPARE(statusMessage(*window), u"Select the text to tag first."_s);
}

void TestMainWindow::deleteRemovesTheSpanUnderTheCursor()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(extra));
    selectText(text(*window), u"Foo-13B"_s, 2, 0);
    QTest::keyClick(text(*window), Qt::Key_Delete);
    QTRY_COMPARE(stored(*window, extra), extraSource.mid(7).replace("</model>", ""));
    // Nothing at the cursor: nothing to remove.
    QVERIFY(!window->action(u"removeSpan"_s)->isEnabled());
    QTest::keyClick(text(*window), Qt::Key_Delete);
    QCOMPARE(window->session()->undoStack()->count(), 1);
}

void TestMainWindow::contextMenuRelabelsAndMovesSpans()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(extra));
    SourceView *view = text(*window);
    selectText(view, u"2021"_s);
    QTest::keyClick(view, Qt::Key_4); // gpu_count, the wrong label
    QTRY_VERIFY(stored(*window, extra).contains("<gpu_count>2021</gpu_count>"));

    // The context menu offers the span's labels and records; it is driven through its actions.
    selectText(view, u"2021"_s, 1, 0);
    // Picks "Year" from the menu's "Change Label To" submenu once the menu is up.
    std::function<void()> pick = [&pick] {
        QMenu *menu = nullptr;
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *candidate = qobject_cast<QMenu *>(widget); candidate && candidate->isVisible()) {
                menu = candidate;
            }
        }
        if (menu == nullptr) {
            QTimer::singleShot(10, pick);
            return;
        }
        for (QAction *action : menu->actions()) {
            if (action->menu() && action->text().contains(u"Change Label"_s)) {
                for (QAction *label : action->menu()->actions()) {
                    if (label->text() == u"Year") {
                        label->trigger();
                    }
                }
            }
        }
        menu->close();
    };
    QTimer::singleShot(0, pick);
    const QPoint at = view->cursorRect().center();
    emit view->customContextMenuRequested(at);
    QTRY_VERIFY(stored(*window, extra).contains("<year>2021</year>"));

    // Moving a span to another record gives it a record attribute.
    const qsizetype year = window->session()->document().spans().size() - 1;
    QString error;
    QVERIFY(window->session()->moveToRecord(year, 2, &error));
    QTRY_VERIFY(stored(*window, extra).contains("<year record=\"2\">2021</year>"));
}

void TestMainWindow::editingARecordCellRewritesTheTaggedText()
{
    auto window = openWindow(true);
    auto *records = child<QTableView>(*window, u"recordTable"_s);
    const QModelIndex params = records->model()->index(RecordTableModel::ParamsColumn, 0);
    records->setFocus();
    records->setCurrentIndex(params);
    QTest::keyClick(records, Qt::Key_F2);
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(editor);
    QCOMPARE(editor->text(), u"7.2 billion parameters"_s);
    editor->selectAll();
    QTest::keyClicks(editor, u"6.9 billion parameters"_s);
    QTest::keyClick(editor, Qt::Key_Return);

    QTRY_VERIFY(stored(*window, first).contains("<params>6.9 billion parameters</params>"));
    QTRY_VERIFY(text(*window)->toPlainText().contains(u"6.9 billion parameters"_s));
    QVERIFY(!text(*window)->toPlainText().contains(u"7.2 billion"_s));
    QTRY_COMPARE(records->model()->index(RecordTableModel::ParamsColumn, 0).data().toString(),
                 u"6.9 billion parameters → 6.9 × 10⁹"_s);
    // An empty cell has no span to write to.
    QVERIFY(
        !(records->model()->flags(records->model()->index(RecordTableModel::GpuCountColumn, 0)) & Qt::ItemIsEditable));
}

void TestMainWindow::countCellsEditWithASpinBox()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(extra));
    selectText(text(*window), u"8 GPUs"_s, 0, 1);
    QTest::keyClick(text(*window), Qt::Key_4);
    QTRY_VERIFY(stored(*window, extra).contains("<gpu_count>8</gpu_count>"));
    auto *records = child<QTableView>(*window, u"recordTable"_s);
    QTRY_VERIFY(records->model()->index(RecordTableModel::GpuCountColumn, 0).flags() & Qt::ItemIsEditable);
    records->setFocus();
    records->setCurrentIndex(records->model()->index(RecordTableModel::GpuCountColumn, 0));
    QTest::keyClick(records, Qt::Key_F2);
    QWidget *focus = QApplication::focusWidget();
    auto *spin = qobject_cast<QSpinBox *>(focus) ? qobject_cast<QSpinBox *>(focus)
                                                 : qobject_cast<QSpinBox *>(focus->parentWidget());
    QVERIFY2(spin, QApplication::focusWidget()->metaObject()->className());
    QCOMPARE(spin->value(), 8);
    spin->setValue(16);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QTRY_VERIFY(stored(*window, extra).contains("<gpu_count>16</gpu_count>"));
}

void TestMainWindow::activatingAFindingSelectsItsSpans()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(second));
    auto *findings = child<QTableView>(*window, u"findingTable"_s);
    QCOMPARE(findings->model()->index(0, FindingListModel::RuleColumn).data().toString(), u"hardware-count-embedded"_s);
    QVERIFY(!text(*window)->textCursor().hasSelection());
    emit findings->activated(findings->model()->index(0, FindingListModel::MessageColumn));
    QCOMPARE(text(*window)->textCursor().selectedText(), u"768 NVIDIA A100 GPUs"_s);
    QCOMPARE(text(*window)->extraSelections().size(), 1);
    QVERIFY(text(*window)->hasFocus() || !window->isActiveWindow());
}

void TestMainWindow::activatingAFindingSelectsItsOwnRange()
{
    auto window = openWindow(true);
    auto *findings = child<QTableView>(*window, u"findingTable"_s);
    QCOMPARE(findings->model()->index(0, FindingListModel::RuleColumn).data().toString(), u"gpu-count-untagged"_s);
    emit findings->activated(findings->model()->index(0, FindingListModel::MessageColumn));
    // The untagged count itself, not the hardware span the finding is about.
    QCOMPARE(text(*window)->textCursor().selectedText(), u"512"_s);
    // Both are outlined.
    QCOMPARE(text(*window)->extraSelections().size(), 2);
}

void TestMainWindow::applyFixWorksFromTheCursorInAFlaggedRange_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<int>("offset");
    QTest::addRow("in the untagged count") << u"512 NVIDIA"_s << 1;
    QTest::addRow("at the count's end") << u"512 NVIDIA"_s << 3;
    QTest::addRow("in the hardware span the finding names") << u"A100 80GB"_s << 2;
}

void TestMainWindow::applyFixWorksFromTheCursorInAFlaggedRange()
{
    QFETCH(QString, word);
    QFETCH(int, offset);
    auto window = openWindow(true);
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    auto *findings = child<QTableView>(*window, u"findingTable"_s);
    findings->selectionModel()->clearCurrentIndex();
    SourceView *view = text(*window);
    selectText(view, word, offset, 0);
    QVERIFY(!view->textCursor().hasSelection());
    QTest::keyClick(view, Qt::Key_Period, Qt::ControlModifier);
    QTRY_VERIFY2(stored(*window, first).contains("<gpu_count>512</gpu_count> <hardware>"),
                 stored(*window, first).constData());
    QCOMPARE(window->session()->undoStack()->count(), 1);
}

void TestMainWindow::applyFixWithNothingToFixSaysSoByTheText()
{
    auto window = openWindow(true);
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    const QByteArray before = stored(*window, first);
    SourceView *view = text(*window);
    selectText(view, u"novel"_s, 1, 0);
    auto *message = child<InlineMessage>(*window, u"inlineMessage"_s);
    QVERIFY(!message->isVisible());
    QTest::keyClick(view, Qt::Key_Period, Qt::ControlModifier);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"no finding at the cursor"_s), qPrintable(message->text()));
    QCOMPARE(stored(*window, first), before);
    QVERIFY(!window->session()->undoStack()->canUndo());
}

void TestMainWindow::applyFixIsAnUndoableEdit()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(second));
    auto *findings = child<QTableView>(*window, u"findingTable"_s);
    findings->setCurrentIndex(findings->model()->index(0, 0));
    QAction *fix = window->action(u"applyFix"_s);
    QVERIFY(fix->isEnabled());
    fix->trigger();
    QTRY_VERIFY2(stored(*window, second).contains("<gpu_count>768</gpu_count>"), stored(*window, second).constData());
    QTRY_VERIFY(findings->model()
                    ->match(findings->model()->index(0, FindingListModel::RuleColumn), Qt::DisplayRole,
                            u"hardware-count-embedded"_s)
                    .isEmpty());
    window->action(u"undo"_s)->trigger();
    QTRY_VERIFY(stored(*window, second).contains("<hardware>768 NVIDIA A100 GPUs</hardware>"));
}

void TestMainWindow::undoAndRedoGoThroughTheStore()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(extra));
    selectText(text(*window), u"8 GPUs"_s, 0, 1);
    QTest::keyClick(text(*window), Qt::Key_4);
    QTRY_VERIFY(stored(*window, extra).contains("<gpu_count>8</gpu_count>"));
    QVERIFY(window->action(u"undo"_s)->isEnabled());
    QVERIFY(window->action(u"undo"_s)->text().contains(u"Tag"_s));

    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(stored(*window, extra), extraSource);
    QTRY_COMPARE(window->session()->document().spans().size(), 1);
    QVERIFY(window->action(u"redo"_s)->isEnabled());
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(stored(*window, extra).contains("<gpu_count>8</gpu_count>"));
    QTRY_COMPARE(window->session()->document().spans().size(), 2);

    QString error;
    const auto store = ReviewStore::open(window->storePath(), &error);
    QCOMPARE(store->auditLog(extra).size(), 3); // tag, undo, redo
}

void TestMainWindow::eachDocumentKeepsItsUndoHistoryAcrossSwitches()
{
    auto window = openWindow(true);
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QVERIFY(window->showDocumentWithId(extra));
    SourceView *view = text(*window);
    selectText(view, u"2021"_s);
    QTest::keyClick(view, Qt::Key_7);
    QTRY_VERIFY(stored(*window, extra).contains("<year>2021</year>"));
    const QByteArray extraTagged = stored(*window, extra);

    // To the next document with the keys, and an edit there.
    QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(window->currentDocumentId(), broken);
    const QByteArray brokenOriginal = stored(*window, broken);
    selectText(view, u"Trained"_s);
    QTest::keyClick(view, Qt::Key_7, Qt::AltModifier);
    QTRY_VERIFY(stored(*window, broken).startsWith("<year>Trained</year>"));
    const QByteArray brokenTagged = stored(*window, broken);

    // Back on the first document, Ctrl+Z undoes its own tag, not the other document's.
    QTest::keyClick(view, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(window->currentDocumentId(), extra);
    QVERIFY(window->action(u"undo"_s)->isEnabled());
    QVERIFY2(window->action(u"undo"_s)->text().contains(u"2021"_s), qPrintable(window->action(u"undo"_s)->text()));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(stored(*window, extra), extraSource);
    QCOMPARE(stored(*window, broken), brokenTagged);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(stored(*window, extra), extraTagged);

    // And on the other document, its own.
    QTest::keyClick(view, Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(window->currentDocumentId(), broken);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(stored(*window, broken), brokenOriginal);
    QCOMPARE(stored(*window, extra), extraTagged);
    QVERIFY(!window->action(u"undo"_s)->isEnabled());
    QVERIFY(window->action(u"redo"_s)->isEnabled());
}

void TestMainWindow::editsShowAtOnceAndTheSaveStateFollowsTheStore()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(extra));
    auto *saved = child<QLabel>(*window, u"saveLabel"_s);
    QCOMPARE(saved->text(), u"All changes saved"_s);
    QSignalSpy saving(window->session(), &ReviewSession::savingChanged);
    selectText(text(*window), u"2021"_s);
    QTest::keyClick(text(*window), Qt::Key_7);
    // The span is in the document the view shows before the call returns.
    QCOMPARE(window->session()->document().spans().size(), 2);
    QVERIFY(!saving.isEmpty());
    QTRY_COMPARE(saved->text(), u"All changes saved"_s);
    QVERIFY(stored(*window, extra).contains("<year>2021</year>"));
    auto *records = child<QTableView>(*window, u"recordTable"_s);
    QTRY_COMPARE(records->model()->index(RecordTableModel::YearColumn, 0).data().toString(), u"2021"_s);
}

void TestMainWindow::cursorInASpanSelectsItsRecordCell()
{
    auto window = openWindow(true);
    auto *records = child<QTableView>(*window, u"recordTable"_s);
    selectText(text(*window), u"21 days"_s, 3, 0);
    QCOMPARE(records->currentIndex(), records->model()->index(RecordTableModel::TrainingColumn, 0));
    selectText(text(*window), u"NeuroFlex-7B"_s, 1, 0);
    QCOMPARE(records->currentIndex(), records->model()->index(RecordTableModel::ModelColumn, 0));
}

void TestMainWindow::recordCellSelectsItsSpan()
{
    auto window = openWindow(true);
    auto *records = child<QTableView>(*window, u"recordTable"_s);
    records->setCurrentIndex(records->model()->index(RecordTableModel::TrainingColumn, 0));
    QCOMPARE(text(*window)->textCursor().selectedText(), u"21 days"_s);
    // An empty cell has no span to select.
    records->setCurrentIndex(records->model()->index(RecordTableModel::GpuCountColumn, 0));
    QCOMPARE(text(*window)->textCursor().selectedText(), u"21 days"_s);
}

void TestMainWindow::approvingIsStoredAndMovesToTheNextUnreviewed()
{
    {
        auto window = openWindow(true);
        auto *list = child<QTreeView>(*window, u"documentList"_s);
        // The second document is reviewed already: approving the first skips it.
        QVERIFY(window->showDocumentWithId(second));
        window->action(u"needsWork"_s)->trigger();
        QVERIFY(window->showDocumentWithId(first));
        child<QLineEdit>(*window, u"noteEdit"_s)->setText(u"checked against the paper"_s);
        QTest::keyClick(list, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(window->currentDocumentId(), u"002_f429afe5dd9093a8.txt"_s);
        QCOMPARE(child<QLabel>(*window, u"progressLabel"_s)->text(), u"2 / 7 reviewed"_s);
        QCOMPARE(list->model()->index(0, DocumentListModel::StatusColumn).data().toString(), u"Approved"_s);
        // The note field shows the note of the document it is on.
        QCOMPARE(child<QLineEdit>(*window, u"noteEdit"_s)->text(), QString());
        QVERIFY(window->close());
    }
    // Reopened, the window shows what the store kept, on the document it was on.
    auto window = openWindow();
    QCOMPARE(window->currentDocumentId(), u"002_f429afe5dd9093a8.txt"_s);
    auto *list = child<QTreeView>(*window, u"documentList"_s);
    QCOMPARE(list->model()->index(0, DocumentListModel::StatusColumn).data().toString(), u"Approved"_s);
    QCOMPARE(list->model()->index(1, DocumentListModel::StatusColumn).data().toString(), u"Needs work"_s);
    QString error;
    const auto store = ReviewStore::open(window->storePath(), &error);
    QCOMPARE(store->document(first)->status, ReviewStatus::Approved);
    QCOMPARE(store->document(first)->note, u"checked against the paper"_s);
    QCOMPARE(store->document(first)->reviewer, u"tester"_s);
    QVERIFY(window->showDocumentWithId(first));
    QCOMPARE(child<QLineEdit>(*window, u"noteEdit"_s)->text(), u"checked against the paper"_s);
}

void TestMainWindow::errorFindingsNeedANoteToApprove()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(broken));
    auto *note = child<QLineEdit>(*window, u"noteEdit"_s);
    const QColor plainBase = note->palette().color(QPalette::Base);
    window->action(u"approve"_s)->trigger();
    QVERIFY2(statusMessage(*window).contains(u"write in the note why"_s), qPrintable(statusMessage(*window)));
    QCOMPARE(window->currentDocumentId(), broken);
    QVERIFY(note->hasFocus());
    // The note field is marked and the reason shows by the text, not only in the status bar.
    QVERIFY(note->property("attention").toBool());
    QVERIFY(note->palette().color(QPalette::Base) != plainBase);
    auto *message = child<InlineMessage>(*window, u"inlineMessage"_s);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"write in the note why"_s), qPrintable(message->text()));
    QString error;
    QCOMPARE(ReviewStore::open(window->storePath(), &error)->document(broken)->status, ReviewStatus::Unreviewed);

    QTest::keyClicks(child<QLineEdit>(*window, u"noteEdit"_s), u"the tag is closed upstream"_s);
    QVERIFY(!note->property("attention").toBool());
    QCOMPARE(note->palette().color(QPalette::Base), plainBase);
    QTest::keyClick(child<QLineEdit>(*window, u"noteEdit"_s), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(ReviewStore::open(window->storePath(), &error)->document(broken)->status, ReviewStatus::Approved);
    QCOMPARE(window->currentDocumentId(), first); // wrapped around to the first unreviewed
}

void TestMainWindow::rejectAndNeedsWorkKeepTheirNotes()
{
    auto window = openWindow(true);
    child<QLineEdit>(*window, u"noteEdit"_s)->setText(u"wrong paper"_s);
    QTest::keyClick(window.get(), Qt::Key_Backspace, Qt::ControlModifier | Qt::ShiftModifier);
    QString error;
    auto doc = ReviewStore::open(window->storePath(), &error)->document(first);
    QCOMPARE(doc->status, ReviewStatus::Rejected);
    QCOMPARE(doc->note, u"wrong paper"_s);
    // Rejecting does not move on; the reviewer may want to say more.
    QCOMPARE(window->currentDocumentId(), first);
    QTest::keyClick(window.get(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(ReviewStore::open(window->storePath(), &error)->document(first)->status, ReviewStatus::NeedsWork);
}

void TestMainWindow::keysMoveThroughTheList()
{
    auto window = openWindow(true);
    QCOMPARE(window->currentDocumentId(), first);
    QTest::keyClick(window.get(), Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(window->currentDocumentId(), second);
    QTest::keyClick(window.get(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(window->currentDocumentId(), first);
    text(*window)->setFocus();
    QTest::keyClick(text(*window), Qt::Key_J);
    QTest::keyClick(text(*window), Qt::Key_J);
    QCOMPARE(window->currentDocumentId(), u"002_f429afe5dd9093a8.txt"_s);
    QTest::keyClick(text(*window), Qt::Key_K);
    QCOMPARE(window->currentDocumentId(), second);
    // J in the note is a letter, not a move.
    QTest::keyClick(child<QLineEdit>(*window, u"noteEdit"_s), Qt::Key_J);
    QCOMPARE(window->currentDocumentId(), second);
    QCOMPARE(child<QLineEdit>(*window, u"noteEdit"_s)->text(), u"j"_s);
}

void TestMainWindow::filtersNarrowTheList()
{
    auto window = openWindow(true);
    auto *list = child<QTreeView>(*window, u"documentList"_s);
    auto *findings = child<QComboBox>(*window, u"findingFilter"_s);
    findings->setCurrentIndex(findings->findText(u"With errors"_s));
    QCOMPARE(list->model()->rowCount(), 1);
    QCOMPARE(window->currentDocumentId(), broken);
    QVERIFY(child<QLabel>(*window, u"summaryLabel"_s)->text().startsWith(u"1 shown · 7 documents"_s));
    findings->setCurrentIndex(0);

    auto *label = child<QComboBox>(*window, u"labelFilter"_s);
    label->setCurrentIndex(label->findText(u"Has Training time"_s) >= 0 ? label->findText(u"Has Training time"_s)
                                                                        : label->findData(4));
    const int withTraining = list->model()->rowCount();
    QVERIFY(withTraining > 0 && withTraining < 7);
    label->setCurrentIndex(0);

    auto *rule = child<QComboBox>(*window, u"ruleFilter"_s);
    rule->setCurrentIndex(rule->findText(u"gpu-count-untagged"_s));
    QCOMPARE(list->model()->rowCount(), 2); // 000 and 004
    rule->setCurrentIndex(0);

    QVERIFY(window->showDocumentWithId(first));
    window->action(u"needsWork"_s)->trigger();
    auto *status = child<QComboBox>(*window, u"statusFilter"_s);
    status->setCurrentIndex(status->findText(u"Needs work"_s));
    QCOMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0, 0).data().toString(), first);
}

void TestMainWindow::searchFindsPlainText()
{
    auto window = openWindow(true);
    auto *list = child<QTreeView>(*window, u"documentList"_s);
    auto *search = child<QLineEdit>(*window, u"documentSearch"_s);
    // In the text of 001 only, and across its tags there.
    QTest::keyClicks(search, u"neurosynth-7 architecture"_s);
    QTRY_COMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0, 0).data().toString(), second);
    QCOMPARE(window->currentDocumentId(), second);
    // Ids match too, and the needle is a fixed string, not a pattern.
    search->setText(u"_extra"_s);
    QTRY_COMPARE(list->model()->rowCount(), 1);
    // As a LIKE pattern "a%z" would match most texts.
    search->setText(u"a%z"_s);
    QTRY_COMPARE(list->model()->rowCount(), 0);
    search->clear();
    QTRY_COMPARE(list->model()->rowCount(), 7);
}

void TestMainWindow::rawSourceToggleShowsTheTags()
{
    auto window = openWindow(true);
    QTest::keyClick(window.get(), Qt::Key_U, Qt::ControlModifier);
    QVERIFY(text(*window)->isRawSource());
    QVERIFY(text(*window)->toPlainText().contains(u"<model>NeuroFlex-7B</model>"_s));
    QVERIFY(!window->action(u"tag-model"_s)->isEnabled());
    QTest::keyClick(window.get(), Qt::Key_U, Qt::ControlModifier);
    QVERIFY(!text(*window)->toPlainText().contains(u"<model>"_s));
    QVERIFY(window->action(u"tag-model"_s)->isEnabled());
}

void TestMainWindow::spansAreHighlightedInTheirLabelColour()
{
    auto window = openWindow(true);
    SourceView *view = text(*window);
    const qsizetype at = view->toPlainText().indexOf(u"NeuroFlex-7B"_s);
    const QTextBlock block = view->document()->findBlock(int(at));
    const QList<QTextLayout::FormatRange> formats = block.layout()->formats();
    const auto found = std::find_if(formats.cbegin(), formats.cend(), [&](const QTextLayout::FormatRange &range) {
        return block.position() + range.start == at && range.length == 12;
    });
    QVERIFY(found != formats.cend());
    const QColor colour = found->format.background().color();
    QCOMPARE(colour.rgb(), Schema::builtin().label(u"model")->colour.rgb());
    QVERIFY(colour.alpha() > 0 && colour.alpha() < 255);
    // The untagged count a finding names is underlined with a wave.
    const qsizetype count = view->toPlainText().indexOf(u"512"_s);
    const QTextBlock countBlock = view->document()->findBlock(int(count));
    bool waved = false;
    for (const QTextLayout::FormatRange &range : countBlock.layout()->formats()) {
        waved = waved || (countBlock.position() + range.start <= count &&
                          range.format.underlineStyle() == QTextCharFormat::WaveUnderline);
    }
    QVERIFY(waved);
    // Highlights are decoration, not content: the document holds no character formats.
    QVERIFY(!view->document()->toHtml().contains(u"background-color"_s));
}

void TestMainWindow::labelButtonsWrapRatherThanSqueezeTheRecords()
{
    auto window = openWindow(true);
    window->resize(1200, 800);
    window->action(u"spotCheckMode"_s)->trigger(); // a dock takes its share of the width
    auto *legend = child<QWidget>(*window, u"labelLegend"_s);
    auto *records = child<QTableView>(*window, u"recordTable"_s);
    auto *first = child<QWidget>(*legend, u"labelButton-model"_s);
    // One row of all seven buttons is wider than the text pane has room for: they wrap, and the
    // records keep a readable width (a single row squeezed them to a sliver).
    QTRY_VERIFY(legend->height() >= 2 * first->height());
    QVERIFY2(records->width() >= 200, qPrintable(QString::number(records->width())));
    for (QWidget *button : legend->findChildren<QToolButton *>()) {
        QVERIFY2(legend->rect().contains(button->geometry()), qPrintable(button->objectName()));
    }
    // Given the room, they go back on one row.
    window->action(u"spotCheckMode"_s)->trigger();
    window->resize(2400, 800);
    child<QSplitter>(*window, u"textSplitter"_s)->setSizes({legend->sizeHint().width() + 50, 300});
    QTRY_COMPARE(legend->height(), first->height());
}

void TestMainWindow::documentIdsKeepTheirWidthWhenADockOpens()
{
    auto window = openWindow(true);
    window->resize(1280, 800);
    // The comparison, alone, gets room for its rows: some 60 characters.
    window->action(u"comparePanelVisible"_s)->trigger();
    auto *compare = child<QWidget>(*window, u"comparePanel"_s);
    QTRY_VERIFY(compare->isVisible());
    QVERIFY2(compare->width() >= compare->fontMetrics().averageCharWidth() * 55,
             qPrintable(QString::number(compare->width())));
    window->action(u"spotCheckMode"_s)->trigger();
    auto *list = child<QTreeView>(*window, u"documentList"_s);
    const int idWidth = QFontMetrics(list->font()).averageCharWidth() * 16;
    QTRY_VERIFY(child<QWidget>(*window, u"spotCheckPanel"_s)->isVisible());
    QVERIFY2(list->header()->sectionSize(DocumentListModel::IdColumn) >= idWidth,
             qPrintable(QString::number(list->header()->sectionSize(DocumentListModel::IdColumn))));

    // Spot-check mode adds the Check column, and the ids still keep their width.
    QVERIFY(pickNewRound(*window, u"r1"_s, {first, extra}));
    QVERIFY(!list->isColumnHidden(DocumentListModel::JudgementColumn));
    QTRY_VERIFY2(list->header()->sectionSize(DocumentListModel::IdColumn) >= idWidth,
                 qPrintable(QString::number(list->header()->sectionSize(DocumentListModel::IdColumn))));
}

void TestMainWindow::aWindowClosedInSpotCheckModeReopensOutOfIt()
{
    {
        auto window = openWindow(true);
        window->action(u"spotCheckMode"_s)->trigger();
        QVERIFY(pickNewRound(*window, u"r1"_s, {first}));
        QVERIFY(!child<QTreeView>(*window, u"documentList"_s)->isColumnHidden(DocumentListModel::JudgementColumn));
        QVERIFY(window->close()); // saves the layout, the list's header with it
    }
    auto window = openWindow(true);
    auto *list = child<QTreeView>(*window, u"documentList"_s);
    QVERIFY(list->isColumnHidden(DocumentListModel::JudgementColumn));
    QCOMPARE(list->model()->rowCount(), 7);
    QVERIFY(list->isSortingEnabled());
}

void TestMainWindow::editsRehighlightOnlyTheBlocksTheyTouch()
{
    QByteArray longSource;
    for (int i = 0; i < 400; ++i) {
        longSource +=
            "Paragraph " + QByteArray::number(i) + " trains <model>M" + QByteArray::number(i) + "</model> on 8 GPUs.\n";
    }
    writeFile(m_batch + u"/long.txt"_s, longSource);
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(u"long.txt"_s));
    SpanHighlighter *highlighter = text(*window)->highlighter();
    const int before = highlighter->highlightedBlocks();
    QVERIFY(before >= 400);
    selectText(text(*window), u"Paragraph 200 trains"_s, 0, 9);
    QTest::keyClick(text(*window), Qt::Key_7, Qt::AltModifier);
    QTRY_VERIFY(stored(*window, u"long.txt"_s).contains("<year>Paragraph</year> 200"));
    QTRY_VERIFY(highlighter->highlightedBlocks() > before);
    QVERIFY2(highlighter->highlightedBlocks() - before <= 3,
             qPrintable(QString::number(highlighter->highlightedBlocks() - before)));
}

void TestMainWindow::darkPalettesGetLighterUnderlines()
{
    auto window = openWindow(true);
    SourceView *view = text(*window);
    auto underlineAt = [view](qsizetype position) {
        const QTextBlock block = view->document()->findBlock(int(position));
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (block.position() + range.start <= position &&
                position < block.position() + range.start + range.length &&
                range.format.underlineStyle() == QTextCharFormat::WaveUnderline) {
                return range.format.underlineColor();
            }
        }
        return QColor();
    };
    const qsizetype count = view->toPlainText().indexOf(u"512"_s);
    const QColor light = underlineAt(count);
    QVERIFY(light.isValid());
    QPalette dark = view->palette();
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    view->setPalette(dark);
    const QColor onDark = underlineAt(count);
    QVERIFY(onDark.isValid());
    QVERIFY2(onDark.lightnessF() > light.lightnessF(), qPrintable(onDark.name() + u' ' + light.name()));
}

void TestMainWindow::spanBackgroundsAsPaintedDifferAndKeepTextLegible_data()
{
    QTest::addColumn<QColor>("base");
    QTest::addColumn<QColor>("textColour");
    QTest::addRow("light") << QColor(Qt::white) << QColor(Qt::black);
    QTest::addRow("dark") << QColor(0x1e, 0x1e, 0x1e) << QColor(0xee, 0xee, 0xee);
}

void TestMainWindow::spanBackgroundsAsPaintedDifferAndKeepTextLegible()
{
    QFETCH(QColor, base);
    QFETCH(QColor, textColour);
    // One span of each label, on one line, read back from the pixels the view paints.
    QByteArray source;
    for (const LabelInfo &label : Schema::builtin().labels()) {
        source += "and <" + label.name.toUtf8() + ">Wwwwwwww</" + label.name.toUtf8() + "> ";
    }
    writeFile(m_batch + u"/colours.txt"_s, source + "\n");
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(u"colours.txt"_s));
    SourceView *view = text(*window);
    QPalette palette = view->palette();
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::Text, textColour);
    view->setPalette(palette);
    view->resize(1400, view->height());
    const QImage image = view->viewport()->grab().toImage();
    const Document &doc = window->session()->document();
    QCOMPARE(doc.spans().size(), 7);
    QList<QColor> painted;
    for (const Span &span : doc.spans()) {
        QTextCursor cursor(view->document());
        cursor.setPosition(int(span.start));
        const QRect from = view->cursorRect(cursor);
        cursor.setPosition(int(span.end));
        const QRect to = view->cursorRect(cursor);
        QVERIFY2(from.top() == to.top() && to.left() - from.right() > 20, qPrintable(span.label));
        // The background is the colour most of the span's box has: glyphs cover the least of it.
        QHash<QRgb, int> counts;
        for (int y = from.top() + 1; y < from.bottom(); ++y) {
            for (int x = from.right() + 2; x < to.left() - 1; ++x) {
                ++counts[image.pixel(x, y)];
            }
        }
        QRgb most = 0;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (it.value() > counts.value(most)) {
                most = it.key();
            }
        }
        painted.append(QColor::fromRgb(most));
        const double contrast = ColourMetrics::contrastRatio(textColour, painted.last());
        QVERIFY2(contrast >= 4.5, qPrintable(u"%1 on %2: %3"_s.arg(span.label, painted.last().name()).arg(contrast)));
        QVERIFY2(ColourMetrics::ciede2000(painted.last(), base) > 10, qPrintable(span.label));
    }
    for (qsizetype i = 0; i < painted.size(); ++i) {
        for (qsizetype j = i + 1; j < painted.size(); ++j) {
            const double difference = ColourMetrics::ciede2000(painted[i], painted[j]);
            QVERIFY2(difference >= 20, qPrintable(u"%1 (%2) and %3 (%4): %5"_s
                                                      .arg(doc.spans()[i].label, painted[i].name(),
                                                           doc.spans()[j].label, painted[j].name())
                                                      .arg(difference)));
        }
    }
}

void TestMainWindow::findingsShowASeverityIcon()
{
    auto window = openWindow(true);
    // An info and two warnings.
    QVERIFY(window->showDocumentWithId(u"004_777d6b4e246e2bc8.txt"_s));
    auto *findings = child<QTableView>(*window, u"findingTable"_s);
    QHash<int, qint64> iconOf;
    for (int row = 0; row < findings->model()->rowCount(); ++row) {
        const QModelIndex severity = findings->model()->index(row, FindingListModel::SeverityColumn);
        const auto icon = severity.data(Qt::DecorationRole).value<QIcon>();
        QVERIFY2(!icon.isNull(), qPrintable(severity.data().toString()));
        const int rank = severity.data(FindingListModel::SeverityRole).toInt();
        QVERIFY(iconOf.value(rank, icon.cacheKey()) == icon.cacheKey());
        iconOf.insert(rank, icon.cacheKey());
        // The icon goes with the word, not instead of it.
        QVERIFY(!severity.data().toString().isEmpty());
    }
    QVERIFY2(iconOf.size() >= 2, "the document should have findings of two severities");
    QCOMPARE(QSet<qint64>(iconOf.cbegin(), iconOf.cend()).size(), iconOf.size());
}

void TestMainWindow::toolTipsNameLabelValueAndRecord()
{
    auto window = openWindow(true);
    SourceView *view = text(*window);
    QTextCursor cursor(view->document());
    cursor.setPosition(int(view->toPlainText().indexOf(u"7.2 billion"_s)) + 3);
    const QPoint pos = view->cursorRect(cursor).center();
    QHelpEvent help(QEvent::ToolTip, pos, view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(u"7.2 × 10⁹"_s), qPrintable(QToolTip::text()));
    QVERIFY(QToolTip::text().contains(u"record 1"_s));

    // Document text in a tooltip is escaped, never interpreted.
    PlainToolTipDelegate::showPlainToolTip(view->mapToGlobal(QPoint(5, 5)), u"<b>bold</b> & <img src=x>"_s, view);
    QVERIFY(QToolTip::text().contains(u"&lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x&gt;"_s));
    QToolTip::hideText();
}

void TestMainWindow::unreadableInputsAreReportedAndTheRestOpens()
{
    MainWindow window;
    QVERIFY(window.openBatch({m_dir->filePath(u"missing.txt"_s), m_batch}));
    QCOMPARE(child<QTreeView>(window, u"documentList"_s)->model()->rowCount(), 7);
    QTRY_VERIFY(window.findChild<QMessageBox *>() != nullptr);
    auto *box = window.findChild<QMessageBox *>();
    QVERIFY(box->detailedText().contains(u"missing.txt"_s));
    box->close();
}

void TestMainWindow::unreadableFolderEntriesAreListedInTheOpenReport()
{
    const auto removeTree = qScopeGuard([this] { annorev::test::removeTree(m_dir->path()); });
    const QStringList problems = annorev::test::makeEveryUnreadableEntry(m_batch);
    QVERIFY(problems != QStringList{u"failed"_s});
    MainWindow window;
    QVERIFY(window.openBatch({m_batch}));
    QCOMPARE(child<QTreeView>(window, u"documentList"_s)->model()->rowCount(), 7);
    QTRY_VERIFY(window.findChild<QMessageBox *>() != nullptr);
    auto *box = window.findChild<QMessageBox *>();
    QVERIFY2(box->text().startsWith(u"%1 inputs need attention"_s.arg(problems.size())), qPrintable(box->text()));
    for (const QString &problem : problems) {
        const QString path = problem.left(problem.indexOf(u": error: "_s));
        QVERIFY2(box->detailedText().contains(path % u": error: "), qPrintable(path));
    }
    box->close();
}

void TestMainWindow::storeThatCannotBeOpenedKeepsThePreviousBatch()
{
    auto window = openWindow();
    const QString other = m_dir->filePath(u"other"_s);
    writeFile(other + u"/a.txt"_s, "<model>A</model>\n");
    writeFile(ReviewStore::defaultStorePath({other}), "this is not a database, it only looks like one");
    QVERIFY(!window->openBatch({other}));
    QCOMPARE(window->currentDocumentId(), first);
    QCOMPARE(child<QTreeView>(*window, u"documentList"_s)->model()->rowCount(), 7);
    QVERIFY(statusMessage(*window).contains(u"other.annorev.sqlite"_s));
}

void TestMainWindow::aBatchThatCannotBeReadLeavesNoStore()
{
    auto window = openWindow();
    const QString tasks = m_dir->filePath(u"tasks.json"_s);
    writeFile(tasks, "[{\"data\": "); // a Label Studio export cut short
    QVERIFY(!window->openBatch({tasks}));
    QVERIFY(!QFileInfo::exists(ReviewStore::defaultStorePath({tasks})));
    QCOMPARE(window->currentDocumentId(), first);
    QVERIFY2(statusMessage(*window).contains(u"tasks.json"_s), qPrintable(statusMessage(*window)));
}

void TestMainWindow::droppingAFolderOpensIt()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(m_batch)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QTRY_COMPARE(child<QTreeView>(window, u"documentList"_s)->model()->rowCount(), 7);
    // Anything but local files is refused.
    QMimeData remote;
    remote.setUrls({QUrl(u"https://example.org/batch.jsonl"_s)});
    QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &remote, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QApplication::sendEvent(&window, &refused);
    QVERIFY(!refused.isAccepted());
}

void TestMainWindow::settingsRememberLayoutBatchesAndDocument()
{
    QList<int> sizes;
    {
        auto window = openWindow(true);
        auto *splitter = child<QSplitter>(*window, u"outerSplitter"_s);
        sizes = splitter->sizes();
        sizes[0] += 100;
        sizes[1] -= 100;
        splitter->setSizes(sizes);
        sizes = splitter->sizes();
        QVERIFY(window->showDocumentWithId(extra));
        QVERIFY(window->close());
    }
    const QSettings settings(u"annorev"_s, u"annorev"_s);
    QVERIFY(settings.fileName().contains(u"qttest"_s));
    QCOMPARE(settings.value(u"lastBatch"_s).toStringList(), QStringList{QFileInfo(m_batch).absoluteFilePath()});
    QCOMPARE(settings.value(u"recentBatches"_s).toList().size(), 1);

    auto window = openWindow(true);
    QCOMPARE(child<QSplitter>(*window, u"outerSplitter"_s)->sizes(), sizes);
    QCOMPARE(window->currentDocumentId(), extra);
    auto *recent = child<QMenu>(*window, u"recentMenu"_s);
    emit recent->aboutToShow();
    QCOMPARE(recent->actions().first()->text(), u"&1 samples"_s);
}

void TestMainWindow::everyActionHasItsShortcutInAMenu()
{
    MainWindow window;
    QStringList missing;
    for (const QString &name : {u"openFile"_s,
                                u"openFolder"_s,
                                u"export"_s,
                                u"quit"_s,
                                u"undo"_s,
                                u"redo"_s,
                                u"removeSpan"_s,
                                u"applyFix"_s,
                                u"find"_s,
                                u"approve"_s,
                                u"needsWork"_s,
                                u"reject"_s,
                                u"editNote"_s,
                                u"nextDocument"_s,
                                u"previousDocument"_s,
                                u"nextUnreviewed"_s,
                                u"nextDocumentFromText"_s,
                                u"previousDocumentFromText"_s,
                                u"rawSource"_s,
                                u"shortcuts"_s,
                                u"tag-model"_s,
                                u"tag-exact-year"_s}) {
        QAction *action = window.action(name);
        if (action == nullptr || action->shortcut().isEmpty()) {
            missing << name;
            continue;
        }
        // In a menu, where its shortcut is shown.
        const QList<QObject *> where = action->associatedObjects();
        if (std::none_of(where.cbegin(), where.cend(), [](QObject *o) { return qobject_cast<QMenu *>(o); })) {
            missing << name + u" (in no menu)"_s;
        }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", "_s)));
    QCOMPARE(window.action(u"approve"_s)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));
    QCOMPARE(window.action(u"tag-params"_s)->shortcut(), QKeySequence(u"2"_s));
}

void TestMainWindow::exportOpensTheDialogOnTheBatchStore()
{
    auto window = openWindow(true);
    window->action(u"approve"_s)->trigger();
    QTest::keyClick(window.get(), Qt::Key_E, Qt::ControlModifier);
    auto *dialog = window->findChild<ExportDialog *>(u"exportDialog"_s);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isReady());
    const QString out = m_dir->filePath(u"approved.jsonl"_s);
    dialog->setFormat(ExportFormat::RecordsJsonl);
    dialog->setOutputPath(out);
    QSignalSpy finished(dialog, &ExportDialog::exportFinished);
    dialog->startExport();
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(finished.first().at(0).toBool());
    QVERIFY(readFile(out).contains("NeuroFlex-7B"));
    QCOMPARE(readFile(out).count('\n'), 1);
    QTRY_VERIFY(statusMessage(*window).contains(u"approved.jsonl"_s));
    dialog->close();
}

void TestMainWindow::editingAnApprovedDocumentShowsItUnreviewedAtOnce()
{
    auto window = openWindow(true);
    auto *list = child<QTreeView>(*window, u"documentList"_s);
    QVERIFY(window->showDocumentWithId(extra));
    window->action(u"approve"_s)->trigger();
    QVERIFY(window->showDocumentWithId(extra));
    const int row = 5;
    QCOMPARE(list->model()->index(row, DocumentListModel::IdColumn).data().toString(), extra);
    QCOMPARE(list->model()->index(row, DocumentListModel::StatusColumn).data().toString(), u"Approved"_s);

    selectText(text(*window), u"13 billion"_s);
    QTest::keyClick(text(*window), Qt::Key_2); // params
    // At once, not when the write is done.
    QCOMPARE(list->model()->index(row, DocumentListModel::StatusColumn).data().toString(), u"Unreviewed"_s);
    QVERIFY2(statusMessage(*window).contains(u"unreviewed again"_s), qPrintable(statusMessage(*window)));
    QVERIFY(window->session()->waitForSaved());
    QString error;
    const auto store = ReviewStore::open(window->storePath(), &error);
    QCOMPARE(store->document(extra)->status, ReviewStatus::Unreviewed);
}

void TestMainWindow::fileDialogsNeverOpenTheStoreFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addRow("File > Open File") << u"openFile"_s;
    QTest::addRow("File > Open Folder") << u"openFolder"_s;
    QTest::addRow("a folder to export to or compare with") << u"directory"_s;
    QTest::addRow("a file to compare with") << u"existingFile"_s;
    QTest::addRow("a file to export to or save a chart as") << u"save"_s;
}

void TestMainWindow::fileDialogsNeverOpenTheStoreFiles()
{
    QFETCH(QString, kind);
    // A store with its -wal and -shm beside the batch, as a running window leaves them.
    {
        const auto store =
            annorev::test::syncedStore(m_batch, Checker(Schema::builtin(), CountryAliases::builtin(), 2026));
        QVERIFY(store);
        QString error;
        QVERIFY(store->setStatus({first}, ReviewStatus::Approved, {}, u"tester"_s, &error));
    }
    const QString storePath = ReviewStore::defaultStorePath({m_batch});
    QVERIFY(QFileInfo::exists(storePath + u"-wal"_s));
    QVERIFY(QFileInfo::exists(storePath + u"-shm"_s));
    writeFile(m_dir->filePath(u"notes.txt"_s), "a file the dialogs may open\n");
    QSettings(u"annorev"_s, u"annorev"_s).setValue(u"lastDirectory"_s, m_dir->path());

    OpenWatcher watcher(m_dir->path());
    QVERIFY(watcher.isValid());
    QStringList listed;
    auto inspect = [&listed](QFileDialog *dialog) {
        letTheDialogLoad(dialog);
        // What the list shows: the batch folder and notes.txt, never the store's files.
        const QAbstractItemModel *model = dialog->findChild<QListView *>(u"listView"_s)->model();
        const QModelIndex root = dialog->findChild<QListView *>(u"listView"_s)->rootIndex();
        for (int row = 0; row < model->rowCount(root); ++row) {
            listed.append(model->index(row, 0, root).data().toString());
        }
        dialog->reject();
    };
    if (kind.startsWith(u"open")) {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        bool seen = false;
        QTimer::singleShot(0, &window, [&] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (dialog) {
                seen = true;
                inspect(dialog);
            }
        });
        window.action(kind)->trigger();
        QVERIFY2(seen, "the window showed no file dialog");
        QVERIFY(window.storePath().isEmpty());
    } else {
        const auto mode = kind == u"directory"      ? QFileDialog::Directory
                          : kind == u"existingFile" ? QFileDialog::ExistingFile
                                                    : QFileDialog::AnyFile;
        std::unique_ptr<QFileDialog> dialog(
            FileDialogs::create(nullptr, u"Test"_s, m_dir->path(), {}, mode,
                                kind == u"save" ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen));
        inspect(dialog.get());
    }
    const QStringList opened = watcher.opened();
    const QStringList storeFiles = {QFileInfo(storePath).fileName(), QFileInfo(storePath).fileName() + u"-wal"_s,
                                    QFileInfo(storePath).fileName() + u"-shm"_s};
    for (const QString &name : storeFiles) {
        QVERIFY2(!opened.contains(name), qPrintable(u"opened: "_s + opened.join(u", ")));
        QVERIFY2(!listed.contains(name), qPrintable(u"listed: "_s + listed.join(u", ")));
    }
    QVERIFY2(listed.contains(u"samples"_s), qPrintable(listed.join(u", ")));
}

void TestMainWindow::aCancelledOpenFolderAndAnotherProcessLoseNoDecision()
{
    // The scenario: the window on the batch, File > Open Folder cancelled, any command on
    // the batch from a shell, an approval in the window, and another process reads the store.
    QSettings(u"annorev"_s, u"annorev"_s).setValue(u"lastDirectory"_s, m_dir->path());
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(first));
    bool cancelled = false;
    QTimer::singleShot(0, window.get(), [&] {
        if (auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
            letTheDialogLoad(dialog);
            dialog->reject();
            cancelled = true;
        }
    });
    window->action(u"openFolder"_s)->trigger();
    QVERIFY(cancelled);

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_CONFIG_HOME"_s, m_dir->filePath(u"config"_s));
    const annorev::test::CliRun log = annorev::test::runAnnorev({u"log"_s, m_batch}, environment);
    QCOMPARE(log.exitCode, 0);

    window->action(u"approve"_s)->trigger();
    QVERIFY2(statusMessage(*window).contains(u"Approved"_s), qPrintable(statusMessage(*window)));
    QCOMPARE(child<QLabel>(*window, u"saveLabel"_s)->text(), u"All changes saved"_s);
    const annorev::test::CliRun status =
        annorev::test::runAnnorev({u"status"_s, u"--format"_s, u"json"_s, m_batch}, environment);
    QCOMPARE(status.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(status.out).object()[u"status"_s][u"approved"_s].toInt(), 1);
}

void TestMainWindow::aStoreDroppedOnTheWindowIsRefusedUnread()
{
    auto window = openWindow(true);
    const QString storePath = window->storePath();
    QVERIFY(QFileInfo::exists(storePath));
    OpenWatcher watcher(m_dir->path());
    QVERIFY(watcher.isValid());
    for (const QString &name : QStringList{storePath, storePath + u"-wal"_s}) {
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(name)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window.get(), &enter);
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(window.get(), &drop);
        QTRY_VERIFY2(statusMessage(*window).contains(u"is a review store, not a document"_s),
                     qPrintable(statusMessage(*window)));
        window->statusBar()->clearMessage();
    }
    // Still on its batch, and nothing read the store's files or made a store of the store.
    QCOMPARE(window->storePath(), storePath);
    const QStringList opened = watcher.opened();
    for (const QString &name : opened) {
        QVERIFY2(!ReviewStore::isStoreFileName(name), qPrintable(u"opened: "_s + opened.join(u", ")));
    }
    QVERIFY(!QFileInfo::exists(storePath + u".annorev.sqlite"_s));
}

void TestMainWindow::keyboardShortcutsListsTheMenus()
{
    MainWindow window;
    window.action(u"shortcuts"_s)->trigger();
    auto *dialog = window.findChild<ShortcutsDialog *>(u"shortcutsDialog"_s);
    QVERIFY(dialog);
    QAbstractItemModel *model = dialog->model();
    QStringList rows;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, ShortcutsDialog::ActionColumn, parent);
            rows << index.data().toString() + u'=' +
                        model->index(row, ShortcutsDialog::ShortcutColumn, parent).data().toString();
            walk(index);
        }
    };
    walk({});
    const QString all = rows.join(u'\n');
    QVERIFY2(all.contains(u"Approve="_s + QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText)),
             qPrintable(all));
    QVERIFY2(all.contains(u"Next Document=J"_s), qPrintable(all));
    QVERIFY2(all.contains(u"Parameters=2"_s), qPrintable(all));
    dialog->close();
}

void TestMainWindow::emptyRecordsAndFindingsSaySo()
{
    auto window = openWindow(true);
    auto *records = child<QLabel>(*window, u"recordNotice"_s);
    auto *findings = child<QLabel>(*window, u"findingNotice"_s);
    // The first document has both.
    QVERIFY(!records->isVisible());
    QVERIFY(!findings->isVisible());
    // No span, so no record (its one finding says the annotations are missing).
    QVERIFY(window->showDocumentWithId(u"002_f429afe5dd9093a8.txt"_s));
    QVERIFY(records->isVisible());
    QVERIFY2(records->text().startsWith(u"No records"_s), qPrintable(records->text()));
    QVERIFY(!findings->isVisible());
    // Nothing for the checks to report.
    QVERIFY(window->showDocumentWithId(extra));
    QVERIFY(!records->isVisible());
    QVERIFY(findings->isVisible());
    QVERIFY2(findings->text().startsWith(u"No findings"_s), qPrintable(findings->text()));
    QCOMPARE(findings->geometry(), child<QTableView>(*window, u"findingTable"_s)->viewport()->rect());
    // An edit that brings a finding hides the notice.
    selectText(text(*window), u"8 GPUs"_s, 0, 1);
    QTest::keyClick(text(*window), Qt::Key_1, Qt::AltModifier);
    QTRY_VERIFY(!findings->isVisible());
}

void TestMainWindow::undoTextDoesNotGrowTheToolBar()
{
    auto window = openWindow(true);
    window->resize(1200, 800);
    QVERIFY(window->showDocumentWithId(extra));
    auto *note = child<QLineEdit>(*window, u"noteEdit"_s);
    QToolButton *undoButton = nullptr;
    for (QToolButton *button : child<QToolBar>(*window, u"reviewToolBar"_s)->findChildren<QToolButton *>()) {
        if (button->defaultAction() == window->action(u"undo"_s)) {
            undoButton = button;
        }
    }
    QVERIFY(undoButton);
    QApplication::processEvents();
    const int noteWidth = note->width();
    const int undoWidth = undoButton->width();
    selectText(text(*window), u"has 13 billion parameters and was trained on"_s);
    QTest::keyClick(text(*window), Qt::Key_5, Qt::AltModifier);
    QTRY_VERIFY(window->action(u"undo"_s)->isEnabled());
    QApplication::processEvents();
    // The menu names the step, the tool bar button does not, and the note keeps its room.
    QVERIFY2(window->action(u"undo"_s)->text().contains(u"has 13 billion"_s),
             qPrintable(window->action(u"undo"_s)->text()));
    QCOMPARE(undoButton->text(), u"Undo"_s);
    QVERIFY2(undoButton->toolTip().contains(u"has 13 billion"_s), qPrintable(undoButton->toolTip()));
    QCOMPARE(undoButton->width(), undoWidth);
    QCOMPARE(note->width(), noteWidth);
}

void TestMainWindow::noTwoShortcutsShareAKeyWhereBothApply()
{
    auto window = openWindow(true);
    // Where a shortcut applies: the whole window, or the widgets (and their children) it was
    // added to. Enabled or not: a disabled action becomes enabled in another mode.
    struct Binding
    {
        QObject *owner;
        QList<QWidget *> scope; // empty: the whole window
    };
    QHash<QKeySequence, QList<Binding>> byKey;
    QStringList problems;
    auto add = [&](QObject *owner, const QList<QKeySequence> &keys, Qt::ShortcutContext context,
                   const QList<QWidget *> &widgets) {
        QList<QKeySequence> seen;
        for (const QKeySequence &key : keys) {
            if (key.isEmpty()) {
                continue;
            }
            if (seen.contains(key)) {
                problems << u"%1 lists %2 twice"_s.arg(describeOwner(owner), key.toString());
            }
            seen.append(key);
            const bool windowWide = context == Qt::WindowShortcut || context == Qt::ApplicationShortcut;
            byKey[key].append({owner, windowWide ? QList<QWidget *>() : widgets});
        }
    };
    QSet<QAction *> actions;
    for (QAction *action : window->findChildren<QAction *>()) {
        actions.insert(action);
    }
    for (QMenu *menu : window->findChildren<QMenu *>()) {
        for (QAction *action : menu->actions()) {
            actions.insert(action);
        }
    }
    for (QAction *action : std::as_const(actions)) {
        // An action in no widget and no menu has no key: Qt only matches the ones it is in.
        if (action->associatedObjects().isEmpty()) {
            continue;
        }
        QList<QWidget *> widgets;
        for (QObject *object : action->associatedObjects()) {
            if (auto *widget = qobject_cast<QWidget *>(object); widget && !qobject_cast<QMenu *>(widget) &&
                                                                !qobject_cast<QMenuBar *>(widget) &&
                                                                !qobject_cast<QToolBar *>(widget)) {
                widgets.append(widget);
            }
        }
        add(action, action->shortcuts(), action->shortcutContext(), widgets);
    }
    for (QShortcut *shortcut : window->findChildren<QShortcut *>()) {
        add(shortcut, shortcut->keys(), shortcut->context(), {qobject_cast<QWidget *>(shortcut->parent())});
    }
    auto overlap = [](const Binding &a, const Binding &b) {
        if (a.scope.isEmpty() || b.scope.isEmpty()) {
            return true;
        }
        for (QWidget *x : a.scope) {
            for (QWidget *y : b.scope) {
                if (x == y || x->isAncestorOf(y) || y->isAncestorOf(x)) {
                    return true;
                }
            }
        }
        return false;
    };
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        const QList<Binding> &bindings = it.value();
        for (qsizetype i = 0; i < bindings.size(); ++i) {
            for (qsizetype j = i + 1; j < bindings.size(); ++j) {
                if (bindings[i].owner != bindings[j].owner && overlap(bindings[i], bindings[j])) {
                    problems << u"%1: %2 and %3"_s.arg(it.key().toString(), describeOwner(bindings[i].owner),
                                                       describeOwner(bindings[j].owner));
                }
            }
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY(byKey.size() > 30);
}

void TestMainWindow::noShortcutOfTheHelpTableIsAmbiguousWherePressed()
{
    auto window = openWindow(true);
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    // With both docks up, so that their buttons' and labels' mnemonics are live too.
    window->action(u"spotCheckMode"_s)->trigger();
    window->action(u"comparePanelVisible"_s)->trigger();
    QList<QKeySequence> keys = helpTableKeys(*window);
    QVERIFY(keys.size() > 30);
    // Mnemonics (menus, labels with a buddy) are window shortcuts too.
    for (int letter = Qt::Key_A; letter <= Qt::Key_Z; ++letter) {
        keys.append(QKeySequence(Qt::ALT | Qt::Key(letter)));
    }
    ShortcutRecorder recorder;
    qApp->installEventFilter(&recorder);
    QStringList problems;
    int reached = 0;
    for (const QString &name : {u"textView"_s, u"documentList"_s, u"recordTable"_s, u"findingTable"_s, u"noteEdit"_s,
                                u"spotCheckPanel"_s, u"comparePanel"_s}) {
        QWidget *focus = child<QWidget>(*window, name);
        QVERIFY2(focus->isVisible(), qPrintable(name));
        for (const QKeySequence &key : std::as_const(keys)) {
            focus->setFocus(Qt::OtherFocusReason);
            recorder.events.clear();
            QTest::keyClick(focus, key[0].key(), key[0].keyboardModifiers());
            for (const ShortcutRecorder::Event &event : std::as_const(recorder.events)) {
                ++reached;
                if (event.ambiguous) {
                    problems << u"%1 in %2 is ambiguous (reached %3)"_s.arg(key.toString(QKeySequence::NativeText),
                                                                            name, describeOwner(event.owner));
                }
            }
        }
    }
    qApp->removeEventFilter(&recorder);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY(reached > 100);
}

void TestMainWindow::controlShiftZAfterAnUndoRedoes()
{
    auto window = openWindow(true);
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QVERIFY(window->showDocumentWithId(extra));
    SourceView *view = text(*window);
    selectText(view, u"2021"_s);
    QTest::keyClick(view, Qt::Key_7);
    QTRY_VERIFY(stored(*window, extra).contains("<year>2021</year>"));
    // Ctrl+Shift+Z is what Linux desktops use for redo, and the key the Help table gives.
    QVERIFY(window->action(u"redo"_s)->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(stored(*window, extra), extraSource);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(stored(*window, extra).contains("<year>2021</year>"));
    QCOMPARE(window->session()->document().source(), stored(*window, extra));
}

void TestMainWindow::spotCheckModeShowsTheRoundAndJudgesWithPAndF()
{
    auto window = openWindow(true);
    window->action(u"spotCheckMode"_s)->trigger();
    auto *panel = window->findChild<SpotCheckPanel *>(u"spotCheckPanel"_s);
    QVERIFY(panel);
    QVERIFY(panel->isVisible());
    QPointer<DrawRoundDialog> draw = panel->openDrawRoundDialog();
    QVERIFY(draw);
    draw->setRoundName(u"r1"_s);
    draw->setSampleSize(3);
    draw->setSeed(7);
    QSignalSpy drawn(draw.data(), &DrawRoundDialog::drawFinished);
    QVERIFY2(draw->draw(), qPrintable(draw->message()));
    QVERIFY(drawn.wait(20000));
    QVERIFY2(drawn.first().at(0).toBool(), qPrintable(draw->message()));
    QVERIFY(!draw->isVisible()); // accepted
    const QStringList ids = panel->roundIds();
    QCOMPARE(ids.size(), 3);

    // The list shows the round only, in draw order, and the first of it is current.
    auto *list = child<QTreeView>(*window, u"documentList"_s);
    QCOMPARE(list->model()->rowCount(), 3);
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(list->model()->index(row, 0).data().toString(), ids.at(row));
    }
    QCOMPARE(window->currentDocumentId(), ids.first());
    QVERIFY(panel->estimateText().contains(u"0"_s));
    // Draw order is the order: no sort arrow, and a header click leaves it.
    QVERIFY(!list->header()->isSortIndicatorShown());
    QTest::mouseClick(list->header()->viewport(), Qt::LeftButton, {},
                      QPoint(list->header()->sectionViewportPosition(DocumentListModel::StatusColumn) + 5, 5));
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(list->model()->index(row, 0).data().toString(), ids.at(row));
    }

    // P passes and moves on; F then a reason key fails. Shortcuts go to the active window, which
    // the window becomes again once the dialog is gone.
    QTRY_VERIFY(!draw);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    text(*window)->setFocus();
    QTest::keyClick(text(*window), Qt::Key_P);
    QCOMPARE(window->currentDocumentId(), ids.at(1));
    QTest::keyClick(text(*window), Qt::Key_F);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_2);
    QTRY_COMPARE(window->currentDocumentId(), ids.at(2));

    QString error;
    const auto store = ReviewStore::open(window->storePath(), &error);
    const QList<Judgement> judgements = store->judgements(u"r1"_s);
    QCOMPARE(judgements.size(), 2);
    QCOMPARE(judgements.at(0).documentId, ids.at(0));
    QCOMPARE(judgements.at(0).verdict, Verdict::Pass);
    QCOMPARE(judgements.at(1).documentId, ids.at(1));
    QCOMPARE(judgements.at(1).verdict, Verdict::Fail);
    QVERIFY(!panel->estimateText().isEmpty());
    // The list's Check column shows each judgement as it is made.
    QVERIFY(!list->isColumnHidden(DocumentListModel::JudgementColumn));
    QCOMPARE(list->model()->index(0, DocumentListModel::JudgementColumn).data().toString(), u"Pass"_s);
    QCOMPARE(list->model()->index(1, DocumentListModel::JudgementColumn).data().toString(), u"Fail"_s);
    QVERIFY(list->model()
                ->index(1, DocumentListModel::JudgementColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"wrong-boundary"_s));
    QVERIFY(!list->model()->index(2, DocumentListModel::JudgementColumn).data().isValid());

    // Leaving the mode gives the whole batch back, in batch order, and headers sort again.
    QVERIFY(panel->selectRound({}));
    QCOMPARE(list->model()->rowCount(), 7);
    QVERIFY(list->isColumnHidden(DocumentListModel::JudgementColumn));
    for (int row = 0; row < 7; ++row) {
        QVERIFY(!list->model()->index(row, DocumentListModel::JudgementColumn).data().isValid());
    }
    QStringList batchOrder;
    for (int row = 0; row < 7; ++row) {
        batchOrder.append(list->model()->index(row, 0).data().toString());
    }
    QStringList sorted = batchOrder;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(batchOrder, sorted); // the batch is a folder, read in name order
    QVERIFY(list->isSortingEnabled());
    QTest::mouseClick(list->header()->viewport(), Qt::LeftButton, {},
                      QPoint(list->header()->sectionViewportPosition(DocumentListModel::IdColumn) + 5, 5));
    QVERIFY(list->header()->isSortIndicatorShown());
    QCOMPARE(list->header()->sortIndicatorSection(), int(DocumentListModel::IdColumn));
}

void TestMainWindow::dashboardOpensOnTheBatch()
{
    auto window = openWindow(true);
    window->action(u"dashboard"_s)->trigger();
    auto *dashboard = window->findChild<DashboardDialog *>(u"dashboard"_s);
    QVERIFY(dashboard);
    QTRY_VERIFY(!dashboard->chartTable(DashboardDialog::SpansPerLabel).isEmpty());
    QVERIFY(!dashboard->isLoading());
    const QList<QStringList> statuses = dashboard->chartTable(DashboardDialog::DocumentsPerStatus);
    QVERIFY(!statuses.isEmpty());
    dashboard->close();
}

void TestMainWindow::compareShowsBothSidesAndTakesBsSpan()
{
    const QString other = m_dir->filePath(u"other"_s);
    writeFile(other + u'/' + extra,
              "<model>Foo-13B</model> has <params>13 billion</params> parameters and was trained on 8 GPUs in 2021.\n");
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(extra));
    auto *panel = window->findChild<ComparePanel *>(u"comparePanel"_s);
    QVERIFY(panel);
    QSignalSpy read(panel, &ComparePanel::batchRead);
    QVERIFY(panel->readBatch({other}));
    QVERIFY(read.wait(20000));
    QVERIFY2(read.first().at(0).toBool(), qPrintable(panel->message()));
    // The window hands the panel the document it shows once B is in.
    QAbstractItemModel *model = panel->model();
    int onlyB = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, SpanComparisonModel::TextColumn).data().toString().contains(u"13 billion"_s)) {
            onlyB = row;
        }
    }
    QVERIFY(onlyB >= 0);
    QCOMPARE(text(*window)->extraSelections().size(), model->rowCount());
    QString error;
    QVERIFY2(window->session()->setStatus(ReviewStatus::Approved, {}, &error), qPrintable(error));
    auto *list = child<QTreeView>(*window, u"documentList"_s);
    QCOMPARE(list->model()->index(5, DocumentListModel::IdColumn).data().toString(), extra);
    QCOMPARE(list->model()->index(5, DocumentListModel::StatusColumn).data().toString(), u"Approved"_s);
    panel->selectRow(onlyB);
    QVERIFY(panel->takeSelectedB());
    // Taking B's span is an edit: the approval was of the text before it.
    QCOMPARE(list->model()->index(5, DocumentListModel::StatusColumn).data().toString(), u"Unreviewed"_s);
    QTRY_VERIFY(stored(*window, extra).contains("<params>13 billion</params>"));
    QVERIFY(window->session()->waitForSaved());
    QCOMPARE(ReviewStore::open(window->storePath(), &error)->document(extra)->status, ReviewStatus::Unreviewed);
    window->action(u"undo"_s)->trigger();
    QTRY_COMPARE(stored(*window, extra), extraSource);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
