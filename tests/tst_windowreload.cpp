#include "batchfileswatch.h"
#include "fileschangedbar.h"
#include "inlinemessage.h"
#include "mainwindow.h"
#include "reviewstore.h"
#include "testsupport.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace annorev;
using namespace annorev::test;

// The window when the batch's files change on disk: it says so, and a reload (F5, the bar's
// button, or opening the batch again) brings the changes in (a new document listed, a changed
// source flagged) and keeps the session: the document shown, the reviewer's edits and their undo
// history.
class TestWindowReload : public QObject, public WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void reloadingBringsInTheFilesAndKeepsTheUndoHistory_data();
    void reloadingBringsInTheFilesAndKeepsTheUndoHistory();
    void aBarOffersTheReloadOnceTheBatchFilesChange();
    void filesBesideTheDocumentsGiveNoNotice();
    void laterHidesTheBarAndTheReloadStaysInTheMenu();
    void aSyncByAnotherProcessTakesTheBarDown();
    void theShownDocumentSaysItsSourceChanged();

private:
    // Another program edits the second document's source (its country becomes Norway) and adds
    // a document; false when the sample is not as expected.
    bool changeFilesOnDisk() const;
    bool secondIsFlagged(const MainWindow &window) const;
};

const QString added = u"007_added.txt"_s;

bool TestWindowReload::changeFilesOnDisk() const
{
    const QString path = m_batch + u'/' + second;
    QByteArray source = readFile(path);
    if (!source.contains("<country>Sweden</country>")) {
        return false;
    }
    writeFile(path, source.replace("<country>Sweden</country>", "<country>Norway</country>"));
    writeFile(m_batch + u'/' + added, "<model>Baz-3B</model> came out in 2022.\n");
    return true;
}

bool TestWindowReload::secondIsFlagged(const MainWindow &window) const
{
    const std::unique_ptr<ReviewStore> store = openedStore(window.storePath());
    const auto doc = store ? store->document(second) : Expected<ReviewStore::StoredDocument>(Error{u"no store"_s});
    return doc && doc->sourceChanged;
}

void TestWindowReload::reloadingBringsInTheFilesAndKeepsTheUndoHistory_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("F5") << u"key"_s;
    QTest::newRow("File › Reload Batch") << u"menu"_s;
    QTest::newRow("opening the batch again") << u"open"_s;
}

void TestWindowReload::reloadingBringsInTheFilesAndKeepsTheUndoHistory()
{
    QFETCH(QString, how);
    const std::unique_ptr<MainWindow> window = openWindow(true);
    const QString store = window->storePath();
    QVERIFY(window->showDocumentWithId(extra));
    selectText(text(*window), u"has 13 billion parameters and was trained on"_s);
    QTest::keyClick(text(*window), Qt::Key_5, Qt::AltModifier);
    QTRY_VERIFY(window->action(u"undo"_s)->isEnabled());
    QTRY_VERIFY(stored(*window, extra) != extraSource);
    const QByteArray edited = stored(*window, extra);
    QVERIFY(changeFilesOnDisk());

    QSignalSpy opened(window.get(), &MainWindow::batchOpened);
    QVERIFY(window->action(u"reloadBatch"_s)->isEnabled());
    if (how == u"key") {
        QTest::keyClick(text(*window), Qt::Key_F5);
    } else if (how == u"menu") {
        window->action(u"reloadBatch"_s)->trigger();
    } else {
        window->openBatch({m_batch});
    }
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 60000);
    QVERIFY(opened.first().first().toBool());

    // The same store and document, the edit kept; the other program's changes are in: the
    // changed source flagged (the reviewer's version kept), the new document listed.
    QCOMPARE(window->storePath(), store);
    QCOMPARE(window->currentDocumentId(), extra);
    QCOMPARE(stored(*window, extra), edited);
    QVERIFY(secondIsFlagged(*window));
    // The edit made before the reload is undone after it.
    QTRY_VERIFY(window->action(u"undo"_s)->isEnabled());
    QVERIFY2(window->action(u"undo"_s)->text().contains(u"has 13 billion"_s),
             qPrintable(window->action(u"undo"_s)->text()));
    window->action(u"undo"_s)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(stored(*window, extra), extraSource, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(window->showDocumentWithId(added), 10000);
    QVERIFY(text(*window)->toPlainText().contains(u"Baz-3B"_s));
}

void TestWindowReload::aBarOffersTheReloadOnceTheBatchFilesChange()
{
    const std::unique_ptr<MainWindow> window = openWindow(true);
    auto *bar = child<FilesChangedBar>(*window, u"filesChangedBar"_s);
    QVERIFY(!bar->isVisible());
    QVERIFY(changeFilesOnDisk());
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 10000);
    QVERIFY2(bar->text().contains(u"samples"_s) && bar->text().contains(u"changed on disk"_s), qPrintable(bar->text()));

    QSignalSpy opened(window.get(), &MainWindow::batchOpened);
    QTest::mouseClick(child<QPushButton>(*bar, u"reloadButton"_s), Qt::LeftButton);
    QVERIFY(!bar->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 60000);
    QVERIFY(opened.first().first().toBool());
    QVERIFY(secondIsFlagged(*window));
    QTRY_VERIFY_WITH_TIMEOUT(window->showDocumentWithId(added), 10000);

    // The files are as the store was synced with them now: a look finds nothing to tell.
    auto *watch = window->findChild<BatchFilesWatch *>();
    QVERIFY(watch);
    QSignalSpy looked(watch, &BatchFilesWatch::lookedUnchanged);
    watch->lookNow();
    QVERIFY(looked.wait(10000));
    QVERIFY(!bar->isVisible());
    QVERIFY(!watch->hasChanged());

    // And the next change is told again.
    QVERIFY(QFile::remove(m_batch + u'/' + added));
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 10000);
}

void TestWindowReload::filesBesideTheDocumentsGiveNoNotice()
{
    const std::unique_ptr<MainWindow> window = openWindow(true);
    auto *watch = window->findChild<BatchFilesWatch *>();
    QVERIFY(watch);
    QTRY_VERIFY(watch->watchedPathCount() > 0 && !watch->isLooking());
    QSignalSpy looked(watch, &BatchFilesWatch::lookedUnchanged);
    // An editor's swap file, and notes that are not documents: the batch is as it was.
    writeFile(m_batch + u"/." + second + u".swp"_s, "swap");
    writeFile(m_batch + u"/notes.md"_s, "notes");
    QVERIFY(looked.wait(10000));
    QVERIFY(!watch->hasChanged());
    QVERIFY(!child<FilesChangedBar>(*window, u"filesChangedBar"_s)->isVisible());
}

void TestWindowReload::laterHidesTheBarAndTheReloadStaysInTheMenu()
{
    const std::unique_ptr<MainWindow> window = openWindow(true);
    auto *bar = child<FilesChangedBar>(*window, u"filesChangedBar"_s);
    QVERIFY(changeFilesOnDisk());
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 10000);
    QTest::mouseClick(child<QPushButton>(*bar, u"laterButton"_s), Qt::LeftButton);
    QVERIFY(!bar->isVisible());
    QVERIFY(window->action(u"reloadBatch"_s)->isEnabled());
    QSignalSpy opened(window.get(), &MainWindow::batchOpened);
    QTest::keyClick(text(*window), Qt::Key_F5);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 60000);
    QVERIFY(secondIsFlagged(*window));
}

void TestWindowReload::aSyncByAnotherProcessTakesTheBarDown()
{
    const std::unique_ptr<MainWindow> window = openWindow(true);
    auto *bar = child<FilesChangedBar>(*window, u"filesChangedBar"_s);
    QVERIFY(changeFilesOnDisk());
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 10000);

    // `annorev status` in a terminal syncs the window's store with the files: it flags the
    // changed source and lists the new document, and the window no longer has anything to offer.
    const CliRun run = runAnnorev({u"status"_s, u"--store"_s, window->storePath(), m_batch});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(secondIsFlagged(*window));
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isVisible(), 10000);
    QVERIFY2(statusMessage(*window).contains(u"match the store again"_s), qPrintable(statusMessage(*window)));
    QTRY_VERIFY_WITH_TIMEOUT(window->showDocumentWithId(added), 10000);
    auto *watch = window->findChild<BatchFilesWatch *>();
    QVERIFY(watch && !watch->hasChanged());

    // The next change is told again.
    QTRY_VERIFY_WITH_TIMEOUT(!watch->isLooking(), 10000);
    QVERIFY(QFile::remove(m_batch + u'/' + added));
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 10000);
}

void TestWindowReload::theShownDocumentSaysItsSourceChanged()
{
    const std::unique_ptr<MainWindow> window = openWindow(true);
    QVERIFY(window->showDocumentWithId(second));
    const QString shown = text(*window)->toPlainText();
    QVERIFY(changeFilesOnDisk());
    QSignalSpy opened(window.get(), &MainWindow::batchOpened);
    QTest::keyClick(text(*window), Qt::Key_F5);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 60000);
    // Not "changed by" anyone: the text is the one reviewed, and the message says why.
    auto *message = child<InlineMessage>(*window, u"inlineMessage"_s);
    QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(u"source of "_s + second + u" changed on disk"_s), 10000);
    QCOMPARE(window->currentDocumentId(), second);
    QCOMPARE(text(*window)->toPlainText(), shown);
}

QTEST_MAIN(TestWindowReload)
#include "tst_windowreload.moc"
