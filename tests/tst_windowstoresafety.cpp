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
#include "windowfixture.h"

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

using namespace annorev;
using namespace annorev::test;

namespace {

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

// Nothing the window does touches the store's files behind SQLite's back, and what cannot be read
// is reported without a store left behind.
class TestWindowStoreSafety : public QObject, private WindowFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void fileDialogsNeverOpenTheStoreFiles_data();
    void fileDialogsNeverOpenTheStoreFiles();
    void aCancelledOpenFolderAndAnotherProcessLoseNoDecision();
    void aStoreDroppedOnTheWindowIsRefusedUnread();
    void aBatchThatCannotBeReadLeavesNoStore();
    void anotherBatchOpensOnItsOwnDocuments();
    void storeThatCannotBeOpenedKeepsThePreviousBatch();
    void storeWhoseListCannotBeReadIsNotShownAsAnEmptyBatch();
    void editingAnApprovedDocumentShowsItUnreviewedAtOnce();
    void unreadableInputsAreReportedAndTheRestOpens();
    void unreadableFolderEntriesAreListedInTheOpenReport();
};

void TestWindowStoreSafety::fileDialogsNeverOpenTheStoreFiles_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addRow("File > Open File") << u"openFile"_s;
    QTest::addRow("File > Open Folder") << u"openFolder"_s;
    QTest::addRow("a folder to export to or compare with") << u"directory"_s;
    QTest::addRow("a file to compare with") << u"existingFile"_s;
    QTest::addRow("a file to export to or save a chart as") << u"save"_s;
}

void TestWindowStoreSafety::fileDialogsNeverOpenTheStoreFiles()
{
    QFETCH(QString, kind);
    // A store with its -wal and -shm beside the batch, as a running window leaves them.
    {
        const auto store =
            annorev::test::syncedStore(m_batch, Checker(Schema::builtin(), CountryAliases::builtin(), 2026));
        QVERIFY(store);
        QVERIFY_OK(store->setStatus({first}, ReviewStatus::Approved, {}, u"tester"_s));
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

void TestWindowStoreSafety::aCancelledOpenFolderAndAnotherProcessLoseNoDecision()
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

void TestWindowStoreSafety::aStoreDroppedOnTheWindowIsRefusedUnread()
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

void TestWindowStoreSafety::aBatchThatCannotBeReadLeavesNoStore()
{
    auto window = openWindow();
    const QString tasks = m_dir->filePath(u"tasks.json"_s);
    writeFile(tasks, "[{\"data\": "); // a Label Studio export cut short
    QVERIFY(!openBatch(*window, {tasks}));
    QVERIFY(!QFileInfo::exists(ReviewStore::defaultStorePath({tasks})));
    QCOMPARE(window->currentDocumentId(), first);
    QVERIFY2(statusMessage(*window).contains(u"tasks.json"_s), qPrintable(statusMessage(*window)));
}

void TestWindowStoreSafety::anotherBatchOpensOnItsOwnDocuments()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(second));
    const QString other = m_dir->filePath(u"other"_s);
    writeFile(other + u"/a.txt"_s, "<model>A</model>\n");
    window->statusBar()->clearMessage();
    QVERIFY(openBatch(*window, {other}));
    QCOMPARE(window->currentDocumentId(), u"a.txt"_s);
    // Nothing of the previous batch is looked for in the new store on the way.
    QVERIFY2(statusMessage(*window).isEmpty(), qPrintable(statusMessage(*window)));
}

void TestWindowStoreSafety::storeThatCannotBeOpenedKeepsThePreviousBatch()
{
    auto window = openWindow();
    const QString other = m_dir->filePath(u"other"_s);
    writeFile(other + u"/a.txt"_s, "<model>A</model>\n");
    writeFile(ReviewStore::defaultStorePath({other}), "this is not a database, it only looks like one");
    QVERIFY(!openBatch(*window, {other}));
    QCOMPARE(window->currentDocumentId(), first);
    QCOMPARE(child<QTreeView>(*window, u"documentList"_s)->model()->rowCount(), 7);
    QVERIFY(statusMessage(*window).contains(u"other.annorev.sqlite"_s));
}

void TestWindowStoreSafety::storeWhoseListCannotBeReadIsNotShownAsAnEmptyBatch()
{
    auto window = openWindow();
    const QString other = m_dir->filePath(u"other"_s);
    writeFile(other + u"/a.txt"_s, "<model>A</model>\n");
    QVERIFY(syncedStore(other, Checker(Schema::builtin(), CountryAliases::builtin(), 2026)));
    QVERIFY(breakStoreReads(ReviewStore::defaultStorePath({other})));
    QVERIFY(!openBatch(*window, {other}));
    QCOMPARE(window->currentDocumentId(), first);
    QCOMPARE(child<QTreeView>(*window, u"documentList"_s)->model()->rowCount(), 7);
    QVERIFY2(statusMessage(*window).contains(u"other.annorev.sqlite: no such column"_s),
             qPrintable(statusMessage(*window)));
}

void TestWindowStoreSafety::editingAnApprovedDocumentShowsItUnreviewedAtOnce()
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
    const auto store = openedStore(window->storePath());
    QCOMPARE(store->document(extra)->status, ReviewStatus::Unreviewed);
}

void TestWindowStoreSafety::unreadableInputsAreReportedAndTheRestOpens()
{
    MainWindow window;
    QVERIFY(openBatch(window, {m_dir->filePath(u"missing.txt"_s), m_batch}));
    QCOMPARE(child<QTreeView>(window, u"documentList"_s)->model()->rowCount(), 7);
    QTRY_VERIFY(window.findChild<QMessageBox *>() != nullptr);
    auto *box = window.findChild<QMessageBox *>();
    QVERIFY(box->detailedText().contains(u"missing.txt"_s));
    box->close();
}

void TestWindowStoreSafety::unreadableFolderEntriesAreListedInTheOpenReport()
{
    const auto removeTree = qScopeGuard([this] { annorev::test::removeTree(m_dir->path()); });
    const QStringList problems = annorev::test::makeEveryUnreadableEntry(m_batch);
    QVERIFY(problems != QStringList{u"failed"_s});
    MainWindow window;
    QVERIFY(openBatch(window, {m_batch}));
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

QTEST_MAIN(TestWindowStoreSafety)
#include "tst_windowstoresafety.moc"
