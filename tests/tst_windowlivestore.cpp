// Two processes on one local store, as a reviewer with two windows (or a window and a terminal)
// works: what the other writes shows in this window's list, and the document this window shows is
// shown as the store has it, within a second, without a reload (StoreWatch).

#include "checker.h"
#include "countryaliases.h"
#include "documentlistpanel.h"
#include "fileschangedbar.h"
#include "inlinemessage.h"
#include "largebatch.h"
#include "mainwindow.h"
#include "reviewsession.h"
#include "reviewstore.h"
#include "schema.h"
#include "sourceview.h"
#include "storewatch.h"
#include "testsupport.h"
#include "unsavedchangebar.h"
#include "windowfixture.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

using namespace annorev;
using namespace annorev::test;

class TestWindowLiveStore : public QObject, private WindowFixture
{
    Q_OBJECT

private slots:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void anotherProcesssDecisionShowsInTheListWithinASecond();
    void aDecisionElsewhereOnTheShownDocumentShowsItAndWho();
    void anEditElsewhereOnTheShownDocumentReplacesItsTextAndUndoSteps();
    void theWindowsOwnEditsAreNotReportedAsChangedElsewhere();
    void aRefusedTagIsOfferedAgainAndAltAPutsItOnTheirVersion();
    void altPDropsARefusedChange();
    void aPausedWatchReportsWhatChangedMeanwhileWhenItResumes();
    void aDocumentAnotherProcessAddsToTheBatchIsListedAndTheCurrentOneStays();
    void aSearchShownIsAskedAgainWhenDocumentsAreAddedElsewhere();
    void aDocumentGoneFromTheBatchLeavesTheListForTheOneInItsPlace();
    void manyChangesElsewhereAreReadAsOneNewListKeepingTheFilters();
    void aBatchReorderedElsewhereIsListedInItsNewOrderAndTheCurrentOneStays();
    void aListReadAgainArrivesUnderAStreamOfNewsQuickerThanARead();

private:
    CliRun annorevAs(const QString &reviewer, QStringList arguments) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_CONFIG_HOME"_s, m_dir->filePath(u"config"_s));
        arguments << u"--reviewer"_s << reviewer;
        return runAnnorev(arguments, environment);
    }
};

namespace {

// Sorts between the first and the second sample: listed between them.
const QString added = u"000a_added.txt"_s;
const QByteArray addedSource = "Meet <model>Zorblax-1B</model>, trained on 8 <hardware>TPU v4</hardware> chips.\n";

} // namespace

void TestWindowLiveStore::anotherProcesssDecisionShowsInTheListWithinASecond()
{
    auto window = openWindow(true);
    auto *progress = child<QLabel>(*window, u"progressLabel"_s);
    QVERIFY(progress->text().startsWith(u"0 / "_s));

    QElapsedTimer timer;
    timer.start();
    const CliRun mark = annorevAs(u"bob"_s, {u"mark"_s, u"--status"_s, u"needs-work"_s, m_batch, second});
    QVERIFY2(mark.exitCode == 0, mark.err.constData());
    const qint64 markTook = timer.elapsed();
    QTRY_VERIFY_WITH_TIMEOUT(progress->text().startsWith(u"1 / "_s), 1000);
    qInfo("shown %lld ms after the other process ended (it ran %lld ms)", qlonglong(timer.elapsed() - markTook),
          qlonglong(markTook));
}

void TestWindowLiveStore::aDecisionElsewhereOnTheShownDocumentShowsItAndWho()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(first));
    QCOMPARE(window->session()->status(), ReviewStatus::Unreviewed);

    const CliRun mark = annorevAs(u"bob"_s, {u"mark"_s, u"--status"_s, u"rejected"_s, m_batch, first});
    QVERIFY2(mark.exitCode == 0, mark.err.constData());
    QTRY_COMPARE_WITH_TIMEOUT(window->session()->status(), ReviewStatus::Rejected, 1000);
    auto *message = child<InlineMessage>(*window, u"inlineMessage"_s);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().startsWith(first + u" was changed by bob at "_s), qPrintable(message->text()));
    QCOMPARE(window->currentDocumentId(), first);
}

void TestWindowLiveStore::anEditElsewhereOnTheShownDocumentReplacesItsTextAndUndoSteps()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(first));
    ReviewSession *session = window->session();
    // An edit of this window's own, saved: an undo step the other's edit makes meaningless.
    QVERIFY_OK(session->untag(0));
    QVERIFY(session->waitForSaved(5000));
    QCOMPARE(session->undoStack()->count(), 1);

    std::unique_ptr<ReviewStore> other = openedStore(window->storePath());
    QVERIFY(other);
    const QByteArray theirs = other->document(first)->taggedText + "\nRun in <year>2023</year>.";
    const Checker checker(Schema::builtin(), CountryAliases::builtin(), 2026);
    QVERIFY_OK(other->setTaggedText(first, theirs, Schema::builtin(), checker, u"carol"_s));

    QTRY_VERIFY_WITH_TIMEOUT(text(*window)->toPlainText().endsWith(u"Run in 2023."_s), 1000);
    QCOMPARE(session->document().source(), theirs);
    QCOMPARE(session->undoStack()->count(), 0);
    QCOMPARE(session->storeVersion(), *other->version(first));
    QVERIFY(child<InlineMessage>(*window, u"inlineMessage"_s)->text().contains(u"changed by carol"_s));
    // The next edit is made on their version, and saved.
    QVERIFY_OK(session->untag(0));
    QVERIFY(session->waitForSaved(5000));
    QCOMPARE(stored(*window, first), session->document().source());
    QVERIFY(stored(*window, first).endsWith("Run in <year>2023</year>."));
}

void TestWindowLiveStore::theWindowsOwnEditsAreNotReportedAsChangedElsewhere()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(first));
    ReviewSession *session = window->session();
    QVERIFY_OK(session->untag(0));
    QVERIFY_OK(session->untag(0));
    QVERIFY(session->waitForSaved(5000));
    // Its writer's connection is another connection: the watch sees these writes, and must not
    // reload the document over its undo steps or say someone changed it.
    QTest::qWait(3 * 500);
    QCOMPARE(session->undoStack()->count(), 2);
    auto *message = child<InlineMessage>(*window, u"inlineMessage"_s);
    QVERIFY2(!message->isVisible() || !message->text().contains(u"was changed"_s), qPrintable(message->text()));
}

// Their change lands and this window's tag follows before the watch has seen theirs (no event
// loop turns between): the store refuses the tag as made on an older version.
static void tagOnAStaleVersion(MainWindow &window, const QString &id, const QByteArray &theirs)
{
    std::unique_ptr<ReviewStore> other = openedStore(window.storePath());
    QVERIFY(other);
    const Checker checker(Schema::builtin(), CountryAliases::builtin(), 2026);
    QVERIFY_OK(other->setTaggedText(id, theirs, Schema::builtin(), checker, u"carol"_s));
    SourceView *view = child<SourceView>(window, u"textView"_s);
    const qsizetype at = view->toPlainText().indexOf(u"2021"_s);
    QVERIFY(at >= 0);
    view->selectRange(at, at + 4);
    view->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(view, Qt::Key_7);
    QVERIFY(!window.session()->waitForSaved(5000));
}

void TestWindowLiveStore::aRefusedTagIsOfferedAgainAndAltAPutsItOnTheirVersion()
{
    auto window = openWindow(true);
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QVERIFY(window->showDocumentWithId(extra));
    const QByteArray theirs =
        "<model>Foo-13B</model> has <params>13 billion</params> parameters and was trained on 8 GPUs in 2021.\n";
    tagOnAStaleVersion(*window, extra, theirs);
    if (QTest::currentTestFailed()) {
        return;
    }
    // Theirs is shown, and the refused tag waits in a bar above the text.
    QCOMPARE(window->session()->document().source(), theirs);
    auto *bar = child<UnsavedChangeBar>(*window, u"unsavedChangeBar"_s);
    QVERIFY(bar->isVisible());
    QVERIFY2(bar->text().contains(u"Not saved: Tag \u201c2021\u201d as year"_s), qPrintable(bar->text()));
    QCOMPARE(child<QLabel>(*window, u"saveLabel"_s)->text(), u"A change was not saved"_s);

    // A button's mnemonic clicks it the way a click looks: after a short animation.
    QTest::keyClick(text(*window), Qt::Key_A, Qt::AltModifier);
    QTRY_VERIFY(!bar->isVisible());
    QVERIFY(window->session()->waitForSaved(5000));
    QCOMPARE(stored(*window, extra),
             "<model>Foo-13B</model> has <params>13 billion</params> parameters and was trained on 8 GPUs in "
             "<year>2021</year>.\n"_ba);
    QVERIFY(!bar->isVisible());
    QCOMPARE(child<QLabel>(*window, u"saveLabel"_s)->text(), u"All changes saved"_s);
    QVERIFY(child<InlineMessage>(*window, u"inlineMessage"_s)->text().startsWith(u"Re-applied: "_s));
    // One undo step takes it back, to theirs.
    QTest::keyClick(text(*window), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(stored(*window, extra), theirs);
}

void TestWindowLiveStore::altPDropsARefusedChange()
{
    auto window = openWindow(true);
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QVERIFY(window->showDocumentWithId(extra));
    const QByteArray theirs = "Foo-13B has 13 billion parameters and was trained on 8 GPUs in 2021.\n";
    tagOnAStaleVersion(*window, extra, theirs);
    if (QTest::currentTestFailed()) {
        return;
    }
    auto *bar = child<UnsavedChangeBar>(*window, u"unsavedChangeBar"_s);
    QVERIFY(bar->isVisible());
    QTest::keyClick(text(*window), Qt::Key_P, Qt::AltModifier);
    QTRY_VERIFY(!bar->isVisible());
    QVERIFY(!window->session()->unsavedEdit().has_value());
    QCOMPARE(stored(*window, extra), theirs);
    QVERIFY(child<InlineMessage>(*window, u"inlineMessage"_s)->text().startsWith(u"Dropped: "_s));
}

QTEST_MAIN(TestWindowLiveStore)
void TestWindowLiveStore::aPausedWatchReportsWhatChangedMeanwhileWhenItResumes()
{
    // The window pauses its watch while a sync of its batch writes the store; what others wrote
    // around it is not lost when it resumes.
    auto window = openWindow();
    std::unique_ptr<ReviewStore> watched = openedStore(window->storePath());
    std::unique_ptr<ReviewStore> other = openedStore(window->storePath());
    QVERIFY(watched && other);
    StoreWatch watch;
    QSignalSpy changed(&watch, &StoreWatch::documentsChanged);
    watch.setStore(watched.get());
    watch.setPaused(true);
    QVERIFY(!watch.isWatching());
    QVERIFY_OK(other->setStatus({second}, ReviewStatus::Rejected, {}, u"bob"_s));
    QTest::qWait(3 * StoreWatch::localIntervalMs);
    QCOMPARE(changed.size(), 0);
    watch.setPaused(false);
    QVERIFY(watch.isWatching());
    QCOMPARE(changed.size(), 1); // at once, not at the next tick
    QCOMPARE(changed.first().first().toStringList(), QStringList{second});
}

void TestWindowLiveStore::aDocumentAnotherProcessAddsToTheBatchIsListedAndTheCurrentOneStays()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(second));
    const QStringList before = listedIds(*window);
    QCOMPARE(before.size(), 7);

    // A line added to the batch, and a command run on it, which brings the store up to date.
    writeFile(m_batch + u'/' + added, addedSource);
    const CliRun status = annorevAs(u"bob"_s, {u"status"_s, m_batch});
    QVERIFY2(status.exitCode == 0, status.err.constData());
    QTRY_COMPARE_WITH_TIMEOUT(listedIds(*window).size(), 8, 5000);
    QCOMPARE(listedIds(*window).indexOf(added), 1); // in batch order
    QCOMPARE(window->currentDocumentId(), second);
    QCOMPARE(child<QTreeView>(*window, u"documentList"_s)->currentIndex().data().toString(), second);
    QVERIFY(child<QLabel>(*window, u"progressLabel"_s)->text().startsWith(u"0 / 8 "_s));
    // It is a document like the others: picked, it opens.
    QVERIFY(window->showDocumentWithId(added));
    QVERIFY(text(*window)->toPlainText().contains(u"Zorblax-1B"_s));
}

void TestWindowLiveStore::aSearchShownIsAskedAgainWhenDocumentsAreAddedElsewhere()
{
    auto window = openWindow(true);
    auto *search = child<QLineEdit>(*window, u"documentSearch"_s);
    QTest::keyClicks(search, u"zorblax"_s);
    QTRY_VERIFY(!child<QLabel>(*window, u"summaryLabel"_s)->text().contains(u"…"_s) &&
                child<QLabel>(*window, u"summaryLabel"_s)->text().startsWith(u"0 shown"_s));
    QVERIFY(listedIds(*window).isEmpty());

    writeFile(m_batch + u'/' + added, addedSource);
    const CliRun status = annorevAs(u"bob"_s, {u"status"_s, m_batch});
    QVERIFY2(status.exitCode == 0, status.err.constData());
    QTRY_COMPARE_WITH_TIMEOUT(listedIds(*window), QStringList{added}, 5000);
    QCOMPARE(search->text(), u"zorblax"_s);
}

void TestWindowLiveStore::aDocumentGoneFromTheBatchLeavesTheListForTheOneInItsPlace()
{
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(second));
    const QStringList before = listedIds(*window);
    const QString next = before.at(before.indexOf(second) + 1);

    QVERIFY(QFile::remove(m_batch + u'/' + second));
    const CliRun status = annorevAs(u"bob"_s, {u"status"_s, m_batch});
    QVERIFY2(status.exitCode == 0, status.err.constData());
    QTRY_VERIFY_WITH_TIMEOUT(!listedIds(*window).contains(second), 5000);
    QCOMPARE(listedIds(*window).size(), before.size() - 1);
    QCOMPARE(window->currentDocumentId(), next);
    QVERIFY2(statusMessage(*window).contains(second + u" is gone from the batch's files"_s),
             qPrintable(statusMessage(*window)));
    // The store keeps it, and its review.
    std::unique_ptr<ReviewStore> store = openedStore(window->storePath());
    QVERIFY(store && store->document(second)->missing);
}

void TestWindowLiveStore::manyChangesElsewhereAreReadAsOneNewListKeepingTheFilters()
{
    const int count = MainWindow::relistAbove + 100;
    const QString jsonl = m_dir->filePath(u"many.jsonl"_s);
    QByteArray lines;
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        ids.append(u"doc-%1"_s.arg(i, 4, 10, QLatin1Char('0')));
        lines += "{\"id\": \"" + ids.constLast().toUtf8() + "\", \"text\": \"Meet <model>M-" + QByteArray::number(i) +
                 "</model>.\"}\n";
    }
    writeFile(jsonl, lines);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(openBatch(window, {jsonl}));
    QTRY_COMPARE(listedIds(window).size(), count);
    auto *statusFilter = child<QComboBox>(window, u"statusFilter"_s);
    statusFilter->setCurrentIndex(statusFilter->findText(u"Approved"_s));
    QTRY_VERIFY(listedIds(window).isEmpty());
    QSignalSpy reset(child<QTreeView>(window, u"documentList"_s)->model(), &QAbstractItemModel::modelReset);

    std::unique_ptr<ReviewStore> other = openedStore(window.storePath());
    QVERIFY(other);
    const QStringList approved = ids.mid(0, MainWindow::relistAbove + 1);
    QVERIFY_OK(other->setStatus(approved, ReviewStatus::Approved, {}, u"carol"_s));
    QTRY_COMPARE_WITH_TIMEOUT(listedIds(window), approved, 5000);
    // Read as one new list, not row by row.
    QCOMPARE(reset.size(), 1);
    QCOMPARE(statusFilter->currentText(), u"Approved"_s);
    QVERIFY(
        child<QLabel>(window, u"progressLabel"_s)->text().startsWith(u"%1 / %2 "_s.arg(approved.size()).arg(count)));
}

void TestWindowLiveStore::aBatchReorderedElsewhereIsListedInItsNewOrderAndTheCurrentOneStays()
{
    auto window = openWindow(true);
    const QString lines = m_dir->filePath(u"lines.jsonl"_s);
    writeFile(lines, modelLine("a") + modelLine("b") + modelLine("c"));
    QVERIFY(openBatch(*window, {lines}));
    QCOMPARE(listedIds(*window), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QVERIFY(window->showDocumentWithId(u"b"_s));
    auto *bar = child<FilesChangedBar>(*window, u"filesChangedBar"_s);

    // The lines in another order (sorted by another tool), and a command run on the batch, which
    // brings the store up to date: no document changed, but the list is out of order.
    writeFile(lines, modelLine("c") + modelLine("a") + modelLine("b"));
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 10000);
    const CliRun status = annorevAs(u"bob"_s, {u"status"_s, lines});
    QVERIFY2(status.exitCode == 0, status.err.constData());
    QTRY_COMPARE_WITH_TIMEOUT(listedIds(*window), (QStringList{u"c"_s, u"a"_s, u"b"_s}), 5000);
    QVERIFY2(statusMessage(*window).contains(u"The documents of lines.jsonl are in another order"_s),
             qPrintable(statusMessage(*window)));
    QCOMPARE(window->currentDocumentId(), u"b"_s);
    QCOMPARE(child<QTreeView>(*window, u"documentList"_s)->currentIndex().data().toString(), u"b"_s);
    // The files match the store again.
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isVisible(), 5000);
}

void TestWindowLiveStore::aListReadAgainArrivesUnderAStreamOfNewsQuickerThanARead()
{
    auto window = openWindow(true);
    const QString large = m_dir->filePath(u"large.jsonl"_s);
    writeLargeBatch(large, 30000);
    QVERIFY(openBatch(*window, {large}));
    auto *list = window->findChild<DocumentListPanel *>();
    QVERIFY(list);
    QTRY_VERIFY_WITH_TIMEOUT(!list->isListing() && list->documentCount() == 30000, 30000);

    // Another process adds a document, which only a new read of the list brings in; meanwhile
    // news that has the list read again comes quicker than a read (a stream of bulk changes).
    QFile file(large);
    QVERIFY(file.open(QIODevice::Append));
    file.write(largeBatchLine(30000));
    file.close();
    const CliRun status = annorevAs(u"bob"_s, {u"status"_s, large});
    QVERIFY2(status.exitCode == 0, status.err.constData());
    QTimer stream;
    stream.setInterval(2);
    connect(&stream, &QTimer::timeout, list, [&] { list->relist(window->storePath()); });
    stream.start();
    QTRY_COMPARE_WITH_TIMEOUT(list->documentCount(), 30001, 10000);
    stream.stop();
}

#include "tst_windowlivestore.moc"
