#include "largebatch.h"
#include "batchopener.h"
#include "documentlistmodel.h"
#include "mainwindow.h"
#include "openprogress.h"
#include "recentbatches.h"
#include "reviewstore.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace annorev;
using namespace annorev::test;

// The window while a batch opens: the stages with their counts in the progress strip, the batch
// shown before still usable under it, and a cancel that leaves the window, and the store, as they
// were before the open.
class TestWindowOpening : public QObject, public WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void escapeCancelsAnOpenAndKeepsTheBatchShown_data();
    void escapeCancelsAnOpenAndKeepsTheBatchShown();
    void theShownBatchTakesDecisionsWhileAnotherImports();
    void reopeningTheShownBatchKeepsItShownReadOnlyUntilItIsSynced();
    void cancellingTheSyncOfTheShownBatchMakesItWritableAgain();
    void aBatchPastItsFirstPageIsListedWhileTheListIsUsable();

private:
    // Opens a large batch in the window and waits for the progress strip to show it being
    // imported; the strip, or nothing when it did not show in time. The strip shows at once: an
    // import quicker than its usual delay would otherwise never show it.
    static OpenProgress *startImporting(MainWindow &window, const QString &batch);
};

OpenProgress *TestWindowOpening::startImporting(MainWindow &window, const QString &batch)
{
    auto *strip = window.findChild<OpenProgress *>(u"openProgress"_s);
    if (strip) {
        strip->setShowDelay(0);
    }
    window.openBatch({batch});
    const auto importing = [strip] {
        return strip && strip->isVisible() && strip->text().startsWith(u"Importing"_s);
    };
    return QTest::qWaitFor(importing, 60000) ? strip : nullptr;
}

void TestWindowOpening::escapeCancelsAnOpenAndKeepsTheBatchShown_data()
{
    QTest::addColumn<bool>("withEscape");
    QTest::addRow("Escape key") << true;
    QTest::addRow("Cancel button") << false;
}

void TestWindowOpening::escapeCancelsAnOpenAndKeepsTheBatchShown()
{
    QFETCH(bool, withEscape);
    const std::unique_ptr<MainWindow> window = openWindow(true);
    const QString store = window->storePath();
    QVERIFY(window->showDocumentWithId(second));
    const QString large = m_dir->filePath(u"large.jsonl"_s);
    writeLargeBatch(large, 60000);

    QSignalSpy opened(window.get(), &MainWindow::batchOpened);
    OpenProgress *strip = startImporting(*window, large);
    QVERIFY(strip);
    // The stage's counts are in the bar: documents imported of those to import.
    const auto *bar = strip->findChild<QProgressBar *>(u"openProgressBar"_s);
    auto *cancel = strip->findChild<QPushButton *>(u"openProgressCancel"_s);
    QVERIFY(bar && cancel);
    QCOMPARE(bar->maximum(), 60000);
    QVERIFY2(strip->text().contains(u" of "_s + QLocale().toString(60000) + u" new documents"_s),
             qPrintable(strip->text()));

    if (withEscape) {
        // Where the reviewer is: on the document text, not on the strip.
        text(*window)->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    } else {
        QTest::mouseClick(cancel, Qt::LeftButton);
    }
    // Until the open has rolled back, the strip says what it waits for.
    QVERIFY(strip->isVisible());
    QVERIFY2(strip->text().startsWith(u"Cancelling"_s), qPrintable(strip->text()));
    QVERIFY(!cancel->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 60000);
    QCOMPARE(opened.first().first().toBool(), false);
    QVERIFY(!strip->isVisible());
    QVERIFY2(statusMessage(*window).contains(u"canceled"_s), qPrintable(statusMessage(*window)));

    // The batch shown before is still there, on the same document, and takes decisions.
    QCOMPARE(window->storePath(), store);
    QCOMPARE(window->currentDocumentId(), second);
    window->action(u"approve"_s)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(openedStore(store)->document(second)->status, ReviewStatus::Approved, 10000);
    // The store the open had made is gone with its log files.
    for (const QString &file : ReviewStore::storeFiles(ReviewStore::defaultStorePath({large}))) {
        QVERIFY2(!QFileInfo::exists(file), qPrintable(file));
    }
}

void TestWindowOpening::theShownBatchTakesDecisionsWhileAnotherImports()
{
    const std::unique_ptr<MainWindow> window = openWindow(true);
    const QString store = window->storePath();
    QVERIFY(window->showDocumentWithId(first));
    const QString large = m_dir->filePath(u"large.jsonl"_s);
    writeLargeBatch(large, 60000);
    QSignalSpy opened(window.get(), &MainWindow::batchOpened);
    QVERIFY(startImporting(*window, large));
    QVERIFY2(!QApplication::activeModalWidget(), "the open blocks the window");

    // The reviewer goes on with the batch shown, from the keyboard: the next document, approved.
    auto *list = window->findChild<QTreeView *>(u"documentList"_s);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(window->currentDocumentId(), second);
    QTest::keyClick(list, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(openedStore(store)->document(second)->status, ReviewStatus::Approved, 10000);
    QCOMPARE(opened.size(), 0); // all of it while the import ran

    // Once imported, the window moves to the new batch.
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 120000);
    QCOMPARE(opened.first().first().toBool(), true);
    QCOMPARE(window->storePath(), ReviewStore::defaultStorePath({large}));
    QCOMPARE(window->currentDocumentId(), u"doc-0"_s);
}

void TestWindowOpening::reopeningTheShownBatchKeepsItShownReadOnlyUntilItIsSynced()
{
    const std::unique_ptr<MainWindow> window = openWindow(true);
    const QString store = window->storePath();
    QVERIFY(window->showDocumentWithId(second));
    auto *list = window->findChild<QTreeView *>(u"documentList"_s);
    auto *banner = window->findChild<QLabel *>(u"syncingBanner"_s);
    QVERIFY(list && banner);
    const int rows = list->model()->rowCount();
    QSignalSpy opened(window.get(), &MainWindow::batchOpened);
    window->openBatch({m_batch});

    // The batch stays shown, on the same document, with the list to browse; nothing it offers
    // writes the store the sync writes, and the banner says why.
    QCOMPARE(window->storePath(), store);
    QCOMPARE(window->currentDocumentId(), second);
    QCOMPARE(list->model()->rowCount(), rows);
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"read-only"_s), qPrintable(banner->text()));
    for (const char *name : {"approve", "reject", "needsWork", "undo", "drawRound"}) {
        QVERIFY2(!window->action(QString::fromLatin1(name))->isEnabled(), name);
    }
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(window->currentDocumentId(), second);
    QTest::keyClick(list, Qt::Key_Up);
    QCOMPARE(window->currentDocumentId(), first); // browsing goes on

    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 60000);
    QCOMPARE(opened.first().first().toBool(), true);
    QCOMPARE(openedStore(store)->document(second)->status, ReviewStatus::Unreviewed);
    QCOMPARE(window->storePath(), store);
    QCOMPARE(window->currentDocumentId(), first); // where the reviewer was when it ended
    QVERIFY(!banner->isVisible());
    // Writable again, from the keyboard.
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(openedStore(store)->document(first)->status, ReviewStatus::Approved, 10000);
}

void TestWindowOpening::cancellingTheSyncOfTheShownBatchMakesItWritableAgain()
{
    const std::unique_ptr<MainWindow> window = openWindow(true);
    const QString large = m_dir->filePath(u"grows.jsonl"_s);
    writeLargeBatch(large, 2000);
    QSignalSpy opened(window.get(), &MainWindow::batchOpened);
    window->openBatch({large});
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 60000);
    QVERIFY(opened.takeFirst().first().toBool());
    const QString store = window->storePath();
    QCOMPARE(store, ReviewStore::defaultStorePath({large}));
    QVERIFY(window->showDocumentWithId(u"doc-5"_s));

    // The file grows by many documents: syncing it takes long enough to cancel.
    writeLargeBatch(large, 60000);
    OpenProgress *strip = startImporting(*window, large);
    QVERIFY(strip);
    auto *banner = window->findChild<QLabel *>(u"syncingBanner"_s);
    QVERIFY(banner && banner->isVisible());
    QVERIFY(!window->action(u"approve"_s)->isEnabled());
    text(*window)->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 60000);
    QCOMPARE(opened.first().first().toBool(), false);

    // The store is as it was, and the batch shown takes decisions again.
    QVERIFY(!banner->isVisible());
    QCOMPARE(window->storePath(), store);
    QCOMPARE(window->currentDocumentId(), u"doc-5"_s);
    QCOMPARE(openedStore(store)->storedDocumentCount().value(), qsizetype(2000));
    QVERIFY(window->action(u"approve"_s)->isEnabled());
    auto *list = window->findChild<QTreeView *>(u"documentList"_s);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(openedStore(store)->document(u"doc-5"_s)->status, ReviewStatus::Approved, 10000);
}

void TestWindowOpening::aBatchPastItsFirstPageIsListedWhileTheListIsUsable()
{
    const std::unique_ptr<MainWindow> window = openWindow(true);
    const QString large = m_dir->filePath(u"pages.jsonl"_s);
    constexpr int count = int(BatchOpener::firstPageSize) + 3000;
    writeLargeBatch(large, count);
    // The reviewer left off on a document far past the first page.
    const QString last = u"doc-%1"_s.arg(count - 10);
    RecentBatches::setLastDocument(ReviewStore::defaultStorePath({large}), last);
    auto *list = window->findChild<QTreeView *>(u"documentList"_s);
    auto *progress = window->findChild<QLabel *>(u"progressLabel"_s);
    QVERIFY(list && progress);

    // What the window shows the moment the batch has opened: the first page, usable, and the
    // rest being listed.
    int rowsAtOpen = -1;
    QString progressAtOpen;
    QString currentAtOpen;
    connect(window.get(), &MainWindow::batchOpened, this, [&](bool opened) {
        if (opened) {
            rowsAtOpen = list->model()->rowCount();
            progressAtOpen = progress->text();
            currentAtOpen = window->currentDocumentId();
        }
    });
    QSignalSpy opened(window.get(), &MainWindow::batchOpened);
    window->openBatch({large});
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 120000);
    QCOMPARE(opened.first().first().toBool(), true);
    QCOMPARE(rowsAtOpen, int(BatchOpener::firstPageSize));
    QVERIFY2(progressAtOpen.startsWith(u"Listing documents"_s), qPrintable(progressAtOpen));
    QCOMPARE(currentAtOpen, u"doc-0"_s);

    // The rest comes in; the document the reviewer left off on becomes current once listed.
    QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), count, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(window->currentDocumentId(), last, 10000);
    // The listing ends after its last page is shown (the loader's finished signal comes on its
    // own): only then do the counts replace "Listing documents".
    QTRY_VERIFY2_WITH_TIMEOUT(progress->text().startsWith(u"0 / "_s), qPrintable(progress->text()), 10000);
    // And decisions reach rows of the later pages.
    window->action(u"approve"_s)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(openedStore(window->storePath())->document(last)->status, ReviewStatus::Approved, 10000);
    const QModelIndexList row = list->model()->match(list->model()->index(0, 0), DocumentListModel::IdRole, last, 1,
                                                     Qt::MatchExactly);
    QCOMPARE(row.size(), 1);
    QCOMPARE(row.first().siblingAtColumn(DocumentListModel::StatusColumn).data().toString(), u"Approved"_s);
}

QTEST_MAIN(TestWindowOpening)
#include "tst_windowopening.moc"
