// The window on a team batch, as a member uses it: opened by its address, a document someone
// else holds shown read-only with their name, Review › Next for Me, and another member's
// decisions showing in the list as the server announces them. Runs on the server ctest starts
// (see teamserver.h).

#include "checker.h"
#include "countryaliases.h"
#include "largebatch.h"
#include "mainwindow.h"
#include "reviewpane.h"
#include "reviewsession.h"
#include "schema.h"
#include "sourceview.h"
#include "storewatch.h"
#include "teamserver.h"
#include "teamstore.h"
#include "unsavedchangebar.h"
#include "windowfixture.h"

#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QScopeGuard>
#include <QSettings>
#include <QTest>

using namespace annorev;
using namespace annorev::test;

class TestWindowTeam : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void aDocumentSomeoneElseHoldsIsReadOnlyAndSaysWho();
    void nextForMeClaimsAndShowsTheNextFreeDocument();
    void anotherMembersDecisionShowsInTheListWithinASecond();
    void aDocumentACuratorImportsIsListedWithoutReopening();
    void aBatchACuratorImportsInAnotherOrderIsListedSo();
    void aServerThatGoesAwayShowsABannerAndTheRefusedEditIsReappliedWhenItIsBack();

private:
    QString batch(const QString &user) const { return m_server.address(m_server.user(user), m_batchName); }
    std::unique_ptr<ReviewStore> store(const QString &user) const { return openedStore(batch(user)); }
    // The team batch m_batchName, made on the server by this member; none when it cannot be.
    std::unique_ptr<ReviewStore> newBatch(const QString &user) const
    {
        Expected<std::unique_ptr<ReviewStore>> made = ReviewStore::open(batch(user), true);
        return made ? std::move(*made) : nullptr;
    }

    TeamServer m_server{u"tw"_s};
    QTemporaryDir m_dir;
    QString m_samples;
    QString m_batchName;
    int m_round = 0;
};

void TestWindowTeam::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.setUp());
    m_samples = copySamples(m_dir);
}

void TestWindowTeam::init()
{
    QSettings(u"annorev"_s, u"annorev"_s).clear();
    // A batch of its own for each test.
    m_batchName = u"w"_s + QString::number(++m_round);
    Expected<std::unique_ptr<ReviewStore>> made = ReviewStore::open(batch(u"carol"_s), true);
    QVERIFY2(made.has_value(), qPrintable(errorOf(made)));
    const Checker checker(Schema::builtin(), CountryAliases::builtin(), 2026);
    QVERIFY_OK((*made)->sync({m_samples}, Schema::builtin(), checker, {}));
}

void TestWindowTeam::aDocumentSomeoneElseHoldsIsReadOnlyAndSaysWho()
{
    std::unique_ptr<ReviewStore> bob = store(u"bob"_s);
    const auto held = bob->team()->claim(1);
    QVERIFY_OK(held);
    QCOMPARE(held->constFirst().documentId, first);

    MainWindow window;
    QVERIFY(openBatch(window, {batch(u"alice"_s)}));
    QTRY_COMPARE(window.currentDocumentId(), first);
    auto *banner = window.findChild<QLabel *>(u"heldBanner"_s);
    QVERIFY(banner);
    QVERIFY2(!banner->isHidden() && banner->text().contains(u"tw_bob is working on this document"_s),
             qPrintable(banner->text()));
    QVERIFY(!window.findChild<ReviewPane *>()->isEditable());
    QVERIFY(!window.findChild<QAction *>(u"approve"_s)->isEnabled());
    QVERIFY(window.windowTitle().contains(u"tw_alice"_s));

    // Bob gives it back: the window hears of it and lets Alice work on it.
    QCOMPARE(*bob->team()->release({first}), QStringList{first});
    QTRY_VERIFY_WITH_TIMEOUT(banner->isHidden(), 2000);
    QVERIFY(window.findChild<ReviewPane *>()->isEditable());
    QVERIFY(window.findChild<QAction *>(u"approve"_s)->isEnabled());
}

void TestWindowTeam::nextForMeClaimsAndShowsTheNextFreeDocument()
{
    std::unique_ptr<ReviewStore> bob = store(u"bob"_s);
    QVERIFY_OK(bob->team()->claim(1)); // the first document

    MainWindow window;
    QVERIFY(openBatch(window, {batch(u"alice"_s)}));
    QAction *next = window.findChild<QAction *>(u"nextForMe"_s);
    QVERIFY(next && next->isEnabled());
    next->trigger();
    QCOMPARE(window.currentDocumentId(), second);
    const auto claims = bob->team()->claims();
    QVERIFY_OK(claims);
    QCOMPARE(claims->size(), 2);
    QCOMPARE(claims->constFirst().reviewer, m_server.user(u"alice"_s));
    QCOMPARE(claims->constFirst().documentId, second);
    QVERIFY(window.findChild<ReviewPane *>()->isEditable());

    // A local batch hands out nothing.
    MainWindow local;
    QVERIFY(openBatch(local, {m_samples}));
    QVERIFY(!local.findChild<QAction *>(u"nextForMe"_s)->isEnabled());
}

void TestWindowTeam::anotherMembersDecisionShowsInTheListWithinASecond()
{
    MainWindow window;
    QVERIFY(openBatch(window, {batch(u"alice"_s)}));
    auto *progress = window.findChild<QLabel *>(u"progressLabel"_s);
    QVERIFY(progress);
    QCOMPARE(progress->text(), u"0 / 5 reviewed"_s);

    std::unique_ptr<ReviewStore> bob = store(u"bob"_s);
    QElapsedTimer timer;
    timer.start();
    const auto ids = bob->ids();
    QVERIFY_OK(ids);
    QVERIFY_OK(bob->setStatus({ids->constLast()}, ReviewStatus::NeedsWork, {}, {}));
    QTRY_COMPARE_WITH_TIMEOUT(progress->text(), u"1 / 5 reviewed"_s, 1000);
    qInfo("shown %lld ms after the other member's decision", qlonglong(timer.elapsed()));
}

void TestWindowTeam::aDocumentACuratorImportsIsListedWithoutReopening()
{
    // A batch of its own files, which grow.
    const QString folder = m_dir.filePath(m_batchName);
    QVERIFY(copySamples(folder));
    m_batchName += u"-grown"_s;
    std::unique_ptr<ReviewStore> carol = newBatch(u"carol"_s);
    QVERIFY(carol);
    const Checker checker(Schema::builtin(), CountryAliases::builtin(), 2026);
    QVERIFY_OK(carol->sync({folder}, Schema::builtin(), checker, {}));
    MainWindow window;
    QVERIFY(openBatch(window, {batch(u"alice"_s)}));
    QTRY_COMPARE(window.currentDocumentId(), first);
    auto *progress = window.findChild<QLabel *>(u"progressLabel"_s);
    QCOMPARE(progress->text(), u"0 / 5 reviewed"_s);

    writeFile(folder + u"/009_imported.txt"_s, "Meet <model>Imported-1B</model>.\n");
    QElapsedTimer timer;
    timer.start();
    QVERIFY_OK(carol->sync({folder}, Schema::builtin(), checker, {}));
    QTRY_COMPARE_WITH_TIMEOUT(progress->text(), u"0 / 6 reviewed"_s, 5000);
    qInfo("listed %lld ms after the import", qlonglong(timer.elapsed()));
    QCOMPARE(window.currentDocumentId(), first);
    QVERIFY(window.showDocumentWithId(u"009_imported.txt"_s));
}

void TestWindowTeam::aBatchACuratorImportsInAnotherOrderIsListedSo()
{
    const QString lines = m_dir.filePath(m_batchName + u".jsonl"_s);
    writeFile(lines, modelLine("a") + modelLine("b") + modelLine("c"));
    m_batchName += u"-lines"_s;
    std::unique_ptr<ReviewStore> carol = newBatch(u"carol"_s);
    QVERIFY(carol);
    const Checker checker(Schema::builtin(), CountryAliases::builtin(), 2026);
    QVERIFY_OK(carol->sync({lines}, Schema::builtin(), checker, {}));
    MainWindow window;
    QVERIFY(openBatch(window, {batch(u"alice"_s)}));
    QVERIFY(window.showDocumentWithId(u"b"_s));
    QCOMPARE(listedIds(window), (QStringList{u"a"_s, u"b"_s, u"c"_s}));

    // The curator imports the lines sorted another way: no document changed, the order did.
    writeFile(lines, modelLine("c") + modelLine("a") + modelLine("b"));
    QVERIFY_OK(carol->sync({lines}, Schema::builtin(), checker, {}));
    QTRY_COMPARE_WITH_TIMEOUT(listedIds(window), (QStringList{u"c"_s, u"a"_s, u"b"_s}), 5000);
    QVERIFY2(statusMessage(window).contains(u"are in another order"_s), qPrintable(statusMessage(window)));
    QCOMPARE(window.currentDocumentId(), u"b"_s);
}

void TestWindowTeam::aServerThatGoesAwayShowsABannerAndTheRefusedEditIsReappliedWhenItIsBack()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(openBatch(window, {batch(u"alice"_s)}));
    QTRY_COMPARE(window.currentDocumentId(), first);
    ReviewSession *session = window.session();
    const QByteArray before = session->document().source();
    auto *banner = window.findChild<QLabel *>(u"unreachableBanner"_s);
    auto *bar = window.findChild<UnsavedChangeBar *>(u"unsavedChangeBar"_s);
    QVERIFY(banner && bar);
    QVERIFY(banner->isHidden());

    // The server goes away under an edit: the edit is not shown as saved, and is kept.
    QVERIFY(TeamServer::pause());
    auto resume = qScopeGuard([] { TeamServer::resume(); });
    QVERIFY_OK(session->untag(0));
    QVERIFY(!session->waitForSaved(30000));
    QCOMPARE(session->document().source(), before);
    QVERIFY(bar->isVisible());
    QVERIFY2(bar->text().startsWith(u"Not saved: Untag"_s), qPrintable(bar->text()));
    QCOMPARE(window.findChild<QLabel *>(u"saveLabel"_s)->text(), u"A change was not saved"_s);

    // Within a poll the window says so and takes no more changes.
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isHidden(), StoreWatch::teamIntervalMs + 3000);
    QVERIFY2(banner->text().startsWith(u"Out of touch with the store: the server of the team batch"_s),
             qPrintable(banner->text()));
    QVERIFY(!window.findChild<ReviewPane *>()->isEditable());
    QVERIFY(!window.findChild<QAction *>(u"approve"_s)->isEnabled());

    // Back within a retry of the server, and the kept edit goes through on the new connection.
    QVERIFY(TeamServer::resume());
    resume.dismiss();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isHidden(), StoreWatch::retryIntervalMs + 3000);
    QVERIFY(window.findChild<ReviewPane *>()->isEditable());
    QVERIFY(window.findChild<QAction *>(u"approve"_s)->isEnabled());
    QTest::keyClick(window.findChild<SourceView *>(u"textView"_s), Qt::Key_A, Qt::AltModifier);
    QTRY_VERIFY(bar->isHidden());
    QVERIFY(session->waitForSaved(30000));
    QVERIFY(session->document().source() != before);
    QCOMPARE(store(u"bob"_s)->document(first)->taggedText, session->document().source());

    // And it hears the server's notifications again.
    auto *progress = window.findChild<QLabel *>(u"progressLabel"_s);
    const QString reviewed = progress->text();
    QVERIFY_OK(store(u"bob"_s)->setStatus({second}, ReviewStatus::NeedsWork, {}, {}));
    QTRY_VERIFY_WITH_TIMEOUT(progress->text() != reviewed, 1000);
}

QTEST_MAIN(TestWindowTeam)
#include "tst_windowteam.moc"
