#include "reviewsession.h"
#include "reviewstore.h"
#include "schema.h"
#include "sessionfixture.h"
#include "testsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using namespace annorev;
using namespace annorev::test;
using namespace Qt::StringLiterals;

// What the session refuses and what it does when the store refuses a write: a refused edit or
// decision changes nothing, a failed write goes back to the store's version of the document.
class TestSessionRefusals : public QObject, private test::SessionFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void refusedEditsPushAndStoreNothing_data();
    void refusedEditsPushAndStoreNothing();
    void failedStoreWriteRevertsToTheStoresVersion();
    void failedUndoWriteRevertsAndClearsTheUndoStack();
    void stepsAfterAFailedWriteAreNotWritten();
    void failureSeenWhileAStepIsAppliedIsHandledAfterIt();
    void approvingWithErrorFindingsNeedsANote();
    void approvingAfterAQuickEditThatAddsAnErrorNeedsANote();

private:
    // when: an SQL condition on NEW limiting the writes that fail.
    void addFailingTrigger(const QString &when = {}, const QString &on = QStringLiteral("UPDATE ON documents"));
    void dropFailingTrigger();
};

void TestSessionRefusals::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSessionRefusals::init()
{
    setUpBatch();
}

void TestSessionRefusals::cleanup()
{
    tearDownSession();
}

// A trigger makes every write to the documents table (or to another, on) fail, as a locked or
// broken store would.
void TestSessionRefusals::addFailingTrigger(const QString &when, const QString &on)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(m_store->path());
        QVERIFY(db.open());
        QSqlQuery query(db);
        const QString condition = when.isEmpty() ? QString() : u" WHEN "_s + when;
        QVERIFY(query.exec(u"CREATE TRIGGER test_fail BEFORE "_s + on + condition +
                           u" BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"_s));
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
}

void TestSessionRefusals::dropFailingTrigger()
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(m_store->path());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"DROP TRIGGER test_fail"_s));
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
}

void TestSessionRefusals::refusedEditsPushAndStoreNothing_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("selection");
    QTest::addColumn<QString>("message");

    QTest::addRow("overlapping") << u"params"_s << u"NVIDIA A100 80GB GPUs across"_s << u"overlaps"_s;
    QTest::addRow("unknown label") << u"banana"_s << u"multiple data centers"_s << u"banana"_s;
    QTest::addRow("white space only") << u"params"_s << u" "_s << u"empty"_s;
}

void TestSessionRefusals::refusedEditsPushAndStoreNothing()
{
    QFETCH(QString, label);
    QFETCH(QString, selection);
    QFETCH(QString, message);

    QVERIFY(setUpSession());
    QVERIFY_OK(m_session->open(first));
    const QByteArray original = m_session->document().source();
    QSignalSpy changed(m_session.get(), &ReviewSession::documentChanged);
    QSignalSpy saving(m_session.get(), &ReviewSession::savingChanged);
    const qsizetype at = m_session->document().text().indexOf(selection);
    QVERIFY(at >= 0);

    const Expected<void> refused = m_session->tag(label, at, at + selection.size());
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(message), qPrintable(refused.error().message));
    QCOMPARE(m_session->undoStack()->count(), 0);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(saving.size(), 0);
    QVERIFY(!m_session->isSaving());
    QCOMPARE(m_session->document().source(), original);
    QCOMPARE(m_store->document(first)->taggedText, original);
    QCOMPARE(editRows(first), 0);
}

void TestSessionRefusals::failedStoreWriteRevertsToTheStoresVersion()
{
    QVERIFY(setUpSession());
    QVERIFY_OK(m_session->open(first));
    const QByteArray original = m_session->document().source();
    const QStringList originalFindings = describe(m_session->result());
    QSignalSpy errors(m_session.get(), &ReviewSession::errorOccurred);
    QSignalSpy changed(m_session.get(), &ReviewSession::documentChanged);
    QSignalSpy results(m_session.get(), &ReviewSession::resultChanged);
    addFailingTrigger();

    // The edit is shown before it is written, so it is accepted; the write fails afterwards.
    const qsizetype country = spanWithLabel(m_session->document(), u"country");
    QVERIFY_OK(m_session->untag(country));
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_session->document().source() != original);
    QVERIFY(!m_session->waitForSaved());
    QCOMPARE(errors.size(), 1);
    const QString message = errors.takeFirst().at(0).toString();
    QVERIFY2(message.contains(u"disk on fire"), qPrintable(message));
    QVERIFY2(message.contains(u"Untag \u201cCanada\u201d"), qPrintable(message));
    QVERIFY2(message.contains(first), qPrintable(message));
    QCOMPARE(changed.size(), 2);
    QVERIFY(!results.isEmpty());
    QCOMPARE(m_session->undoStack()->count(), 0);
    QVERIFY(!m_session->undoStack()->canUndo());
    QCOMPARE(m_session->document().source(), original);
    QVERIFY(m_session->isChecked());
    QCOMPARE(describe(m_session->result()), originalFindings);
    QVERIFY(!m_session->isSaving());
    QCOMPARE(m_store->document(first)->taggedText, original);
    QCOMPARE(editRows(first), 0);

    dropFailingTrigger();
    QVERIFY_OK(m_session->untag(country));
    QVERIFY(m_session->waitForSaved());
    QCOMPARE(m_session->undoStack()->count(), 1);
    QCOMPARE(m_store->document(first)->taggedText, m_session->document().source());
    QCOMPARE(editRows(first), 1);
}

void TestSessionRefusals::failedUndoWriteRevertsAndClearsTheUndoStack()
{
    QVERIFY(setUpSession());
    QVERIFY_OK(m_session->open(first));
    const qsizetype country = spanWithLabel(m_session->document(), u"country");
    QVERIFY_OK(m_session->relabel(country, u"year"_s));
    QVERIFY_OK(m_session->untag(country));
    QVERIFY(m_session->waitForSaved());
    const QByteArray edited = m_session->document().source();
    QSignalSpy errors(m_session.get(), &ReviewSession::errorOccurred);
    addFailingTrigger();

    m_session->undoStack()->undo();
    QVERIFY(m_session->document().source() != edited);
    QVERIFY(!m_session->waitForSaved());
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.first().at(0).toString().contains(u"undo of"));
    // The store still holds the edit, so the session does; the steps that led to it are forgotten,
    // as the stack could no longer say what the store holds after undoing them.
    QCOMPARE(m_store->document(first)->taggedText, edited);
    QCOMPARE(m_session->document().source(), edited);
    QCOMPARE(m_session->undoStack()->count(), 0);
    QCOMPARE(editRows(first), 2);
}

void TestSessionRefusals::stepsAfterAFailedWriteAreNotWritten()
{
    QVERIFY(setUpSession());
    QVERIFY_OK(m_session->open(first));
    const QByteArray original = m_session->document().source();
    QSignalSpy errors(m_session.get(), &ReviewSession::errorOccurred);
    // Only the relabelled text fails; the steps after it would be written if they were tried.
    // The store keeps texts packed; the audit row of an edit holds the text as it is.
    addFailingTrigger(u"CAST(NEW.text_after AS TEXT) LIKE '%<year>Canada</year>%'"_s, u"INSERT ON audit"_s);

    const qsizetype country = spanWithLabel(m_session->document(), u"country");
    QVERIFY_OK(m_session->relabel(country, u"year"_s));
    QVERIFY_OK(m_session->untag(country));
    const qsizetype model = spanWithLabel(m_session->document(), u"model");
    QVERIFY_OK(m_session->untag(model));
    m_session->undoStack()->undo();
    QCOMPARE(m_session->undoStack()->count(), 3);

    QVERIFY(!m_session->waitForSaved());
    QCOMPARE(errors.size(), 1);
    const QString message = errors.first().at(0).toString();
    QVERIFY2(message.contains(u"and the 3 changes after it"), qPrintable(message));
    QCOMPARE(m_store->document(first)->taggedText, original);
    QCOMPARE(editRows(first), 0);
    QCOMPARE(m_session->document().source(), original);
    QCOMPARE(m_session->undoStack()->count(), 0);

    // Steps made after the revert are written again.
    QVERIFY_OK(m_session->untag(model));
    QVERIFY(m_session->waitForSaved());
    QCOMPARE(m_store->document(first)->taggedText, m_session->document().source());
    QCOMPARE(editRows(first), 1);
    QCOMPARE(errors.size(), 1);
}

void TestSessionRefusals::failureSeenWhileAStepIsAppliedIsHandledAfterIt()
{
    QVERIFY(setUpSession());
    QVERIFY_OK(m_session->open(first));
    const QByteArray original = m_session->document().source();
    QSignalSpy errors(m_session.get(), &ReviewSession::errorOccurred);
    addFailingTrigger();
    // A listener that waits inside the undo stack's push(): reverting there would clear the stack
    // under the step being pushed.
    bool waited = true;
    const QMetaObject::Connection connection = connect(m_session.get(), &ReviewSession::documentChanged,
                                                       m_session.get(), [&] { waited = m_session->waitForSaved(); });

    QVERIFY_OK(m_session->untag(0));
    disconnect(connection);
    QVERIFY(!waited);
    QCOMPARE(errors.size(), 0);
    QCOMPARE(m_session->undoStack()->count(), 1);
    QTRY_COMPARE(errors.size(), 1);
    QCOMPARE(m_session->undoStack()->count(), 0);
    QCOMPARE(m_session->document().source(), original);
    QVERIFY(!m_session->isSaving());
}

void TestSessionRefusals::approvingWithErrorFindingsNeedsANote()
{
    const QString broken = u"005_broken.txt"_s;
    QFile file(sourcePath(broken));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Trained on <hardware>NVIDIA A100 GPUs by <model>Foo-7B</model>.\n");
    file.close();
    QVERIFY(setUpSession());
    QVERIFY_OK(m_session->open(broken));
    QVERIFY(countFindings(m_session->result(), u"markup-malformed") > 0);

    const Expected<void> refused = m_session->setStatus(ReviewStatus::Approved, {});
    QVERIFY(!refused);
    QVERIFY(!refused.error().message.isEmpty());
    QCOMPARE(m_store->document(broken)->status, ReviewStatus::Unreviewed);

    QVERIFY_OK(m_session->setStatus(ReviewStatus::Approved, u"checked by hand"_s));
    QCOMPARE(m_store->document(broken)->status, ReviewStatus::Approved);
    QCOMPARE(m_store->document(broken)->note, u"checked by hand"_s);

    QVERIFY_OK(m_session->open(first));
    QVERIFY_OK(m_session->setStatus(ReviewStatus::NeedsWork, {}));
    QCOMPARE(m_store->document(first)->status, ReviewStatus::NeedsWork);
}

void TestSessionRefusals::approvingAfterAQuickEditThatAddsAnErrorNeedsANote()
{
    QVERIFY(setUpSession());
    QVERIFY_OK(m_session->open(fourth));
    QCOMPARE(m_store->document(fourth)->errors, 0);
    // A second params value in the record disagrees with the first one.
    const qsizetype at = m_session->document().text().indexOf(u"1.5 billion tokens");
    QVERIFY(at > 0);
    QVERIFY_OK(m_session->tag(u"params"_s, at, at + 11));
    QVERIFY(countFindings(m_checker.check(m_session->document()), u"field-conflict") > 0);

    const Expected<void> refused = m_session->setStatus(ReviewStatus::Approved, {});
    QVERIFY(!refused);
    QVERIFY(!refused.error().message.isEmpty());
    QVERIFY(m_store->document(fourth)->errors > 0);
    QCOMPARE(m_store->document(fourth)->status, ReviewStatus::Unreviewed);
    QVERIFY_OK(m_session->setStatus(ReviewStatus::Approved, u"two params on purpose"_s));
    QCOMPARE(m_store->document(fourth)->status, ReviewStatus::Approved);
}

QTEST_GUILESS_MAIN(TestSessionRefusals)
#include "tst_sessionrefusals.moc"
