#include "checker.h"
#include "countryaliases.h"
#include "documenteditor.h"
#include "reviewsession.h"
#include "reviewstore.h"
#include "schema.h"
#include "testsupport.h"
#include "wordsnap.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoGroup>
#include <QUndoStack>

#include <algorithm>
#include <memory>

using namespace annorev;
using namespace Qt::StringLiterals;
using annorev::test::errorOf;
using annorev::test::openedStore;

namespace {

const QString first = u"000_fb52d27db3b8b6ee.txt"_s;
const QString second = u"001_1d6e54ff941a55a9.txt"_s;
const QString third = u"002_f429afe5dd9093a8.txt"_s;
const QString fourth = u"003_2b600daee4a931dd.txt"_s;
const QString fifth = u"004_777d6b4e246e2bc8.txt"_s;

using annorev::test::readFile;

qsizetype countFindings(const CheckResult &result, QStringView rule)
{
    return std::count_if(result.findings.cbegin(), result.findings.cend(),
                         [rule](const Finding &finding) { return finding.rule == rule; });
}

qsizetype findingIndex(const CheckResult &result, QStringView rule)
{
    for (qsizetype i = 0; i < result.findings.size(); ++i) {
        if (result.findings.at(i).rule == rule) {
            return i;
        }
    }
    return -1;
}

// What a check found, comparable: the result for a text is the same wherever it was computed.
QStringList describe(const CheckResult &result)
{
    QStringList lines;
    for (const Finding &finding : result.findings) {
        lines.append(finding.rule % u' ' % QString::number(finding.start) % u'-' % QString::number(finding.end) % u' ' %
                     finding.message);
    }
    return lines;
}

// Whole words of the plain text that no span touches, as [start, end) ranges.
QList<std::pair<qsizetype, qsizetype>> untaggedWords(const Document &doc, qsizetype count)
{
    QList<std::pair<qsizetype, qsizetype>> words;
    static const QRegularExpression word(u"\\b[a-z]{4,}\\b"_s);
    for (QRegularExpressionMatchIterator it = word.globalMatch(doc.text()); it.hasNext() && words.size() < count;) {
        const QRegularExpressionMatch match = it.next();
        const qsizetype start = match.capturedStart();
        const qsizetype end = match.capturedEnd();
        const bool touched = std::any_of(doc.spans().cbegin(), doc.spans().cend(),
                                         [&](const Span &span) { return span.start <= end && start <= span.end; });
        if (!touched) {
            words.append({start, end});
        }
    }
    return words;
}

qsizetype spanWithLabel(const Document &doc, QStringView label)
{
    for (qsizetype i = 0; i < doc.spans().size(); ++i) {
        if (doc.spans().at(i).label == label) {
            return i;
        }
    }
    return -1;
}

} // namespace

class TestReviewSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void tagWritesTheStoreAndUndoRestoresTheSourceBytes();
    void editEmitsDocumentChangedAtOnceAndResultChangedLater();
    void quickStepsAreWrittenInTheOrderTheyWereMade();
    void resultOfASupersededVersionIsNotEmitted();
    void savingGoesTrueThenFalse();
    void destroyingTheSessionWritesPendingSteps();
    void relabelAndUntag();
    void setSpanTextRecomputesValuesAndFindings();
    void applyFixIsOneUndoStep();
    void moveToRecordSetsTheRecordAttribute();
    void refusedEditsPushAndStoreNothing_data();
    void refusedEditsPushAndStoreNothing();
    void failedStoreWriteRevertsToTheStoresVersion();
    void failedUndoWriteRevertsAndClearsTheUndoStack();
    void stepsAfterAFailedWriteAreNotWritten();
    void failureSeenWhileAStepIsAppliedIsHandledAfterIt();
    void eachDocumentKeepsItsUndoHistoryForTheSession();
    void aDocumentChangedElsewhereDropsItsUndoHistory();
    void openAfterAQuickEditSeesIt();
    void applyFixAfterAQuickEditUsesTheCurrentFindings();
    void approvingWithErrorFindingsNeedsANote();
    void approvingAfterAQuickEditThatAddsAnErrorNeedsANote();
    void anEditUndoesTheDecisionAtOnceAndInTheStore_data();
    void anEditUndoesTheDecisionAtOnceAndInTheStore();
    void snapToWords_data();
    void snapToWords();

private:
    // Opens the store over the batch folder and a session on it.
    bool setUp();
    QString sourcePath(const QString &id) const { return m_batch + u'/' + id; }
    qsizetype editRows(const QString &id) const;
    // when: an SQL condition on NEW limiting the writes that fail.
    void addFailingTrigger(const QString &when = {});
    void dropFailingTrigger();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_batch;
    std::unique_ptr<ReviewStore> m_store;
    std::unique_ptr<ReviewSession> m_session;
    const Checker m_checker{Schema::builtin(), CountryAliases::builtin(), 2026};
};

void TestReviewSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestReviewSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_batch = m_dir->filePath(u"samples"_s);
    QVERIFY(annorev::test::copySamples(m_batch));
}

void TestReviewSession::cleanup()
{
    m_session.reset();
    m_store.reset();
    m_dir.reset();
}

bool TestReviewSession::setUp()
{
    m_store = annorev::test::syncedStore(m_batch, m_checker);
    if (!m_store) {
        return false;
    }
    m_session = std::make_unique<ReviewSession>(*m_store, Schema::builtin(), m_checker, u"tester"_s);
    return true;
}

qsizetype TestReviewSession::editRows(const QString &id) const
{
    const QList<ReviewStore::AuditEntry> log = *m_store->auditLog(id);
    return std::count_if(log.cbegin(), log.cend(),
                         [](const ReviewStore::AuditEntry &entry) { return entry.action == u"edit"; });
}

// A trigger makes every write to the documents table fail, as a locked or broken store would.
void TestReviewSession::addFailingTrigger(const QString &when)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(m_store->path());
        QVERIFY(db.open());
        QSqlQuery query(db);
        const QString condition = when.isEmpty() ? QString() : u" WHEN "_s + when;
        QVERIFY(query.exec(u"CREATE TRIGGER test_fail BEFORE UPDATE ON documents"_s + condition +
                           u" BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"_s));
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
}

void TestReviewSession::dropFailingTrigger()
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

void TestReviewSession::anEditUndoesTheDecisionAtOnceAndInTheStore_data()
{
    QTest::addColumn<ReviewStatus>("decided");
    QTest::addColumn<QString>("step"); // what follows the decision: an edit, or the undo of one before it
    QTest::addRow("approved, then an edit") << ReviewStatus::Approved << u"edit"_s;
    QTest::addRow("approved, then undo") << ReviewStatus::Approved << u"undo"_s;
    QTest::addRow("approved, then redo") << ReviewStatus::Approved << u"redo"_s;
    QTest::addRow("rejected, then an edit") << ReviewStatus::Rejected << u"edit"_s;
    QTest::addRow("needs work, then an edit") << ReviewStatus::NeedsWork << u"edit"_s;
}

void TestReviewSession::anEditUndoesTheDecisionAtOnceAndInTheStore()
{
    QFETCH(ReviewStatus, decided);
    QFETCH(QString, step);
    QVERIFY(setUp());
    QVERIFY_OK(m_session->open(fourth));
    const qsizetype at = m_session->document().text().indexOf(u"1.5 billion tokens");
    QVERIFY(at > 0);
    QVERIFY_OK(m_session->tag(u"params"_s, at, at + 11));
    if (step == u"redo") {
        m_session->undoStack()->undo();
    }
    QVERIFY_OK(m_session->setStatus(decided, u"checked"_s));
    QCOMPARE(m_session->status(), decided);
    const QDateTime decidedAt = m_store->document(fourth)->changedAt;

    QSignalSpy statusChanged(m_session.get(), &ReviewSession::statusChanged);
    if (step == u"edit") {
        QVERIFY_OK(m_session->untag(0));
    } else if (step == u"undo") {
        m_session->undoStack()->undo();
    } else {
        m_session->undoStack()->redo();
    }
    const bool reopens = decided != ReviewStatus::NeedsWork;
    const ReviewStatus expected = reopens ? ReviewStatus::Unreviewed : decided;
    // At once, before the writer has written the step.
    QCOMPARE(m_session->status(), expected);
    QCOMPARE(statusChanged.size(), reopens ? 1 : 0);
    QVERIFY(m_session->waitForSaved());
    const auto stored = m_store->document(fourth);
    QCOMPARE(stored->status, expected);
    QCOMPARE(stored->changedAt, decidedAt);
    QCOMPARE(m_store->auditLog(fourth)->constLast().statusAfter, std::optional(expected));
}

void TestReviewSession::tagWritesTheStoreAndUndoRestoresTheSourceBytes()
{
    QVERIFY(setUp());
    QSignalSpy changed(m_session.get(), &ReviewSession::documentChanged);
    QVERIFY_OK(m_session->open(fourth));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_session->documentId(), fourth);
    const QByteArray original = readFile(sourcePath(fourth));
    QCOMPARE(m_session->document().source(), original);

    // A sloppy selection inside "1.5 billion" snaps to the whole value.
    const QString text = m_session->document().text();
    const qsizetype at = text.indexOf(u"1.5 billion tokens");
    QVERIFY(at > 0);
    const qsizetype spansBefore = m_session->document().spans().size();
    QVERIFY_OK(m_session->tag(u"params"_s, at + 2, at + 8));
    QCOMPARE(changed.size(), 2);
    QVERIFY(m_session->waitForSaved());
    QCOMPARE(m_session->undoStack()->count(), 1);
    QCOMPARE(m_session->document().spans().size(), spansBefore + 1);
    const qsizetype span = DocumentEditor::findSpan(m_session->document(), u"params"_s, at, at + 11);
    QVERIFY(span >= 0);
    QCOMPARE(m_session->document().spanText(m_session->document().spans().at(span)), u"1.5 billion"_s);
    const DocumentAnalysis &analysis = m_session->result().analysis;
    const Record &record = analysis.records().at(analysis.recordOf(span));
    QVERIFY(record.spans.contains(span));
    QVERIFY(analysis.value(span).parsed);
    QCOMPARE(analysis.value(span).number, 1.5e9);

    const QByteArray tagged = m_store->document(fourth)->taggedText;
    QVERIFY(tagged.contains("approximately <params>1.5 billion</params> tokens"));
    QCOMPARE(tagged, m_session->document().source());
    QCOMPARE(editRows(fourth), 1);
    const ReviewStore::AuditEntry row = m_store->auditLog(fourth)->last();
    QCOMPARE(row.textBefore, std::optional<QByteArray>(original));
    QCOMPARE(row.textAfter, std::optional<QByteArray>(tagged));
    QCOMPARE(row.reviewer, u"tester"_s);

    m_session->undoStack()->undo();
    QCOMPARE(changed.size(), 3);
    QVERIFY(m_session->waitForSaved());
    QCOMPARE(m_store->document(fourth)->taggedText, original);
    QCOMPARE(m_session->document().source(), original);
    QCOMPARE(m_session->document().spans().size(), spansBefore);
    QCOMPARE(editRows(fourth), 2);
    QCOMPARE(m_store->auditLog(fourth)->last().textAfter, std::optional<QByteArray>(original));

    m_session->undoStack()->redo();
    QCOMPARE(changed.size(), 4);
    QVERIFY(m_session->waitForSaved());
    QCOMPARE(m_store->document(fourth)->taggedText, tagged);
    QCOMPARE(m_session->document().source(), tagged);
    QCOMPARE(editRows(fourth), 3);
    QCOMPARE(readFile(sourcePath(fourth)), original);
}

void TestReviewSession::editEmitsDocumentChangedAtOnceAndResultChangedLater()
{
    QVERIFY(setUp());
    QVERIFY_OK(m_session->open(fourth));
    QVERIFY(m_session->isChecked());
    const QByteArray original = m_session->document().source();
    QSignalSpy changed(m_session.get(), &ReviewSession::documentChanged);
    QSignalSpy results(m_session.get(), &ReviewSession::resultChanged);
    const qsizetype gpus = spanWithLabel(m_session->document(), u"gpu_count");
    QVERIFY(gpus >= 0);

    QVERIFY_OK(m_session->setSpanText(gpus, u"lots of"_s));
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_session->document().source().contains("<gpu_count>lots of</gpu_count>"));
    // The check comes back through the event loop, which has not run yet.
    QCOMPARE(results.size(), 0);
    QVERIFY(!m_session->isChecked());
    QCOMPARE(countFindings(m_session->result(), u"value-unparsed"), 0);

    QVERIFY(results.wait());
    QCOMPARE(results.size(), 1);
    QVERIFY(m_session->isChecked());
    QCOMPARE(countFindings(m_session->result(), u"value-unparsed"), 1);
    QCOMPARE(describe(m_session->result()), describe(m_checker.check(m_session->document())));

    QVERIFY(m_session->waitForSaved());
    QCOMPARE(m_store->document(fourth)->taggedText, m_session->document().source());
    QVERIFY(m_store->document(fourth)->taggedText != original);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(results.size(), 1);
}

void TestReviewSession::quickStepsAreWrittenInTheOrderTheyWereMade()
{
    QVERIFY(setUp());
    QVERIFY_OK(m_session->open(fourth));
    const QList<std::pair<qsizetype, qsizetype>> words = untaggedWords(m_session->document(), 20);
    QCOMPARE(words.size(), 20);

    // Every text the session goes through, in order; no step waits for the one before.
    QList<QByteArray> texts{m_session->document().source()};
    for (const auto &[start, end] : words) {
        QVERIFY_OK(m_session->tag(u"country"_s, start, end, false));
        texts.append(m_session->document().source());
    }
    for (int i = 0; i < 10; ++i) {
        m_session->undoStack()->undo();
        texts.append(m_session->document().source());
    }
    QCOMPARE(texts.last(), texts.at(10));
    QVERIFY(m_session->isSaving());

    QVERIFY(m_session->waitForSaved());
    QVERIFY(!m_session->isSaving());
    QVERIFY(m_session->isChecked());
    QCOMPARE(m_store->document(fourth)->taggedText, texts.last());
    QList<ReviewStore::AuditEntry> edits = *m_store->auditLog(fourth);
    edits.removeIf([](const ReviewStore::AuditEntry &entry) { return entry.action != u"edit"; });
    QCOMPARE(edits.size(), 30);
    for (qsizetype i = 0; i < edits.size(); ++i) {
        QCOMPARE(edits.at(i).textBefore, std::optional<QByteArray>(texts.at(i)));
        QCOMPARE(edits.at(i).textAfter, std::optional<QByteArray>(texts.at(i + 1)));
    }
}

void TestReviewSession::resultOfASupersededVersionIsNotEmitted()
{
    QVERIFY(setUp());
    QVERIFY_OK(m_session->open(first));
    QSignalSpy results(m_session.get(), &ReviewSession::resultChanged);
    const qsizetype country = spanWithLabel(m_session->document(), u"country");
    QVERIFY_OK(m_session->relabel(country, u"year"_s));
    QVERIFY_OK(m_session->untag(country));

    QVERIFY(m_session->waitForSaved());
    QCOMPARE(results.size(), 1);
    QVERIFY(m_session->isChecked());
    QCOMPARE(describe(m_session->result()), describe(m_checker.check(m_session->document())));
    QCOMPARE(editRows(first), 2);
}

void TestReviewSession::savingGoesTrueThenFalse()
{
    QVERIFY(setUp());
    QVERIFY_OK(m_session->open(first));
    QVERIFY(!m_session->isSaving());
    QSignalSpy saving(m_session.get(), &ReviewSession::savingChanged);

    QVERIFY_OK(m_session->untag(0));
    QVERIFY(m_session->isSaving());
    QVERIFY_OK(m_session->untag(0));
    QCOMPARE(saving.size(), 1);
    QCOMPARE(saving.first().at(0).toBool(), true);
    // Through the event loop, as the window sees it.
    QTRY_VERIFY(!m_session->isSaving());
    QCOMPARE(saving.size(), 2);
    QCOMPARE(saving.last().at(0).toBool(), false);
    QCOMPARE(editRows(first), 2);

    QVERIFY(m_session->waitForSaved());
    QCOMPARE(saving.size(), 2);
}

void TestReviewSession::destroyingTheSessionWritesPendingSteps()
{
    QVERIFY(setUp());
    QVERIFY_OK(m_session->open(first));
    QVERIFY_OK(m_session->untag(0));
    QVERIFY_OK(m_session->untag(0));
    const QByteArray edited = m_session->document().source();
    m_session.reset();
    QCOMPARE(m_store->document(first)->taggedText, edited);
    QCOMPARE(editRows(first), 2);
}

void TestReviewSession::relabelAndUntag()
{
    QVERIFY(setUp());
    QVERIFY_OK(m_session->open(first));
    const QByteArray original = m_session->document().source();
    const qsizetype country = spanWithLabel(m_session->document(), u"country");
    QVERIFY(country >= 0);

    QVERIFY_OK(m_session->relabel(country, u"year"_s));
    QCOMPARE(m_session->document().spans().at(country).label, u"year"_s);
    QVERIFY(m_session->waitForSaved());
    QVERIFY(m_store->document(first)->taggedText.contains("<year>Canada</year>"));
    QVERIFY(m_session->undoStack()->undoText().contains(u"Canada"));

    QVERIFY_OK(m_session->untag(country));
    QVERIFY(m_session->waitForSaved());
    QVERIFY(m_store->document(first)->taggedText.contains(" in Canada and released"));
    QCOMPARE(m_session->undoStack()->count(), 2);
    QCOMPARE(editRows(first), 2);

    m_session->undoStack()->undo();
    m_session->undoStack()->undo();
    QVERIFY(m_session->waitForSaved());
    QCOMPARE(m_store->document(first)->taggedText, original);
    QCOMPARE(editRows(first), 4);

    const Expected<void> refused = m_session->untag(99);
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(u"99"));
}

void TestReviewSession::setSpanTextRecomputesValuesAndFindings()
{
    QVERIFY(setUp());
    QVERIFY_OK(m_session->open(fourth));
    const qsizetype gpus = spanWithLabel(m_session->document(), u"gpu_count");
    QVERIFY(gpus >= 0);
    QCOMPARE(countFindings(m_session->result(), u"value-unparsed"), 0);

    QVERIFY_OK(m_session->setSpanText(gpus, u"lots of"_s));
    QVERIFY(m_session->waitForSaved());
    QVERIFY(m_store->document(fourth)->taggedText.contains("<gpu_count>lots of</gpu_count>"));
    QVERIFY(!m_session->result().analysis.value(gpus).parsed);
    QCOMPARE(countFindings(m_session->result(), u"value-unparsed"), 1);

    QVERIFY_OK(m_session->setSpanText(gpus, u"512"_s));
    QVERIFY(m_session->waitForSaved());
    QVERIFY(m_store->document(fourth)->taggedText.contains("<gpu_count>512</gpu_count>"));
    QVERIFY(m_session->result().analysis.value(gpus).parsed);
    QCOMPARE(m_session->result().analysis.value(gpus).number, 512.0);
    QCOMPARE(countFindings(m_session->result(), u"value-unparsed"), 0);
}

void TestReviewSession::applyFixIsOneUndoStep()
{
    QVERIFY(setUp());
    QVERIFY_OK(m_session->open(second));
    const QByteArray original = m_session->document().source();
    const qsizetype finding = findingIndex(m_session->result(), u"hardware-count-embedded");
    QVERIFY(finding >= 0);
    QVERIFY(m_session->result().findings.at(finding).fix);
    const QString description = m_session->result().findings.at(finding).fix->description;

    QVERIFY_OK(m_session->applyFix(finding));
    QVERIFY(m_session->waitForSaved());
    QCOMPARE(m_session->undoStack()->count(), 1);
    QCOMPARE(m_session->undoStack()->undoText(), description);
    QVERIFY(m_store->document(second)->taggedText.contains(
        "<gpu_count>768</gpu_count> <hardware>NVIDIA A100 GPUs</hardware>"));
    QCOMPARE(countFindings(m_session->result(), u"hardware-count-embedded"), 0);
    QCOMPARE(editRows(second), 1);

    m_session->undoStack()->undo();
    QVERIFY(m_session->waitForSaved());
    QCOMPARE(m_store->document(second)->taggedText, original);
    QCOMPARE(countFindings(m_session->result(), u"hardware-count-embedded"), 1);

    QVERIFY(!m_session->applyFix(m_session->result().findings.size()));
}

void TestReviewSession::moveToRecordSetsTheRecordAttribute()
{
    QVERIFY(setUp());
    QVERIFY_OK(m_session->open(fifth));
    const QByteArray original = m_session->document().source();
    QVERIFY(m_session->result().analysis.records().size() >= 2);
    const qsizetype params = spanWithLabel(m_session->document(), u"params");
    QVERIFY(params >= 0);
    QCOMPARE(m_session->result().analysis.recordOf(params), 0);

    QVERIFY_OK(m_session->moveToRecord(params, 2));
    QVERIFY(m_session->waitForSaved());
    QCOMPARE(m_session->undoStack()->count(), 1);
    QVERIFY(m_store->document(fifth)->taggedText.contains("<params record=\"2\">12.3 billion</params>"));
    const qsizetype moved = spanWithLabel(m_session->document(), u"params");
    QCOMPARE(m_session->result().analysis.recordOf(moved), 1);

    QVERIFY_OK(m_session->moveToRecord(moved, 0));
    QVERIFY(m_session->waitForSaved());
    QCOMPARE(m_store->document(fifth)->taggedText, original);

    m_session->undoStack()->undo();
    m_session->undoStack()->undo();
    QVERIFY(m_session->waitForSaved());
    QCOMPARE(m_store->document(fifth)->taggedText, original);
}

void TestReviewSession::refusedEditsPushAndStoreNothing_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("selection");
    QTest::addColumn<QString>("message");

    QTest::addRow("overlapping") << u"params"_s << u"NVIDIA A100 80GB GPUs across"_s << u"overlaps"_s;
    QTest::addRow("unknown label") << u"banana"_s << u"multiple data centers"_s << u"banana"_s;
    QTest::addRow("white space only") << u"params"_s << u" "_s << u"empty"_s;
}

void TestReviewSession::refusedEditsPushAndStoreNothing()
{
    QFETCH(QString, label);
    QFETCH(QString, selection);
    QFETCH(QString, message);

    QVERIFY(setUp());
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

void TestReviewSession::failedStoreWriteRevertsToTheStoresVersion()
{
    QVERIFY(setUp());
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

void TestReviewSession::failedUndoWriteRevertsAndClearsTheUndoStack()
{
    QVERIFY(setUp());
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

void TestReviewSession::stepsAfterAFailedWriteAreNotWritten()
{
    QVERIFY(setUp());
    QVERIFY_OK(m_session->open(first));
    const QByteArray original = m_session->document().source();
    QSignalSpy errors(m_session.get(), &ReviewSession::errorOccurred);
    // Only the relabelled text fails; the steps after it would be written if they were tried.
    addFailingTrigger(u"CAST(NEW.tagged_text AS TEXT) LIKE '%<year>Canada</year>%'"_s);

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

void TestReviewSession::failureSeenWhileAStepIsAppliedIsHandledAfterIt()
{
    QVERIFY(setUp());
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

void TestReviewSession::eachDocumentKeepsItsUndoHistoryForTheSession()
{
    QVERIFY(setUp());
    QVERIFY_OK(m_session->open(first));
    const QByteArray firstOriginal = m_session->document().source();
    QVERIFY_OK(m_session->untag(0));
    QCOMPARE(m_session->undoStack()->count(), 1);
    QUndoStack *firstStack = m_session->undoStack();

    // Another document has a history of its own, empty to begin with.
    QVERIFY_OK(m_session->open(second));
    QCOMPARE(m_session->documentId(), second);
    QVERIFY(m_session->undoStack() != firstStack);
    QCOMPARE(m_session->undoStack()->count(), 0);
    QCOMPARE(m_session->undoGroup()->activeStack(), m_session->undoStack());
    const QByteArray secondOriginal = m_session->document().source();
    QVERIFY_OK(m_session->untag(0));
    const QByteArray secondEdited = m_session->document().source();

    // Back on the first document its step is there, and undoing it changes the first document only.
    QVERIFY_OK(m_session->open(first));
    QCOMPARE(m_session->undoStack(), firstStack);
    QCOMPARE(m_session->undoStack()->count(), 1);
    QVERIFY(m_session->undoGroup()->canUndo());
    m_session->undoGroup()->undo();
    QVERIFY(m_session->waitForSaved());
    QCOMPARE(m_session->document().source(), firstOriginal);
    QCOMPARE(m_store->document(first)->taggedText, firstOriginal);
    QCOMPARE(m_store->document(second)->taggedText, secondEdited);

    QVERIFY_OK(m_session->open(second));
    QCOMPARE(m_session->undoStack()->count(), 1);
    m_session->undoGroup()->undo();
    QVERIFY(m_session->waitForSaved());
    QCOMPARE(m_store->document(second)->taggedText, secondOriginal);
    QCOMPARE(m_store->document(first)->taggedText, firstOriginal);

    // A document that cannot be opened leaves the current one and its history alone.
    QSignalSpy changed(m_session.get(), &ReviewSession::documentChanged);
    const Expected<void> refused = m_session->open(u"nope.txt"_s);
    QVERIFY(!refused);
    QVERIFY(!refused.error().message.isEmpty());
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_session->documentId(), second);
    QVERIFY(m_session->undoStack()->canRedo());
}

void TestReviewSession::aDocumentChangedElsewhereDropsItsUndoHistory()
{
    QVERIFY(setUp());
    QVERIFY_OK(m_session->open(first));
    QVERIFY_OK(m_session->untag(0));
    QVERIFY_OK(m_session->open(second));
    // Another process (a second window, the command line) rewrites the first document: the
    // session's steps start from a text the store no longer holds, so undoing them would write
    // back a version nobody saw.
    const std::unique_ptr<ReviewStore> other = openedStore(m_store->path());
    QVERIFY(other);
    QVERIFY_OK(other->setTaggedText(first, "Rewritten elsewhere.\n", Schema::builtin(), m_checker, u"other"_s));
    QVERIFY_OK(m_session->open(first));
    QCOMPARE(m_session->document().source(), "Rewritten elsewhere.\n"_ba);
    QCOMPARE(m_session->undoStack()->count(), 0);
    QVERIFY(!m_session->undoGroup()->canUndo());
}

void TestReviewSession::openAfterAQuickEditSeesIt()
{
    QVERIFY(setUp());
    QVERIFY_OK(m_session->open(first));
    QVERIFY_OK(m_session->untag(0));
    const QByteArray edited = m_session->document().source();
    QVERIFY_OK(m_session->open(second));
    QVERIFY(!m_session->isSaving());
    QCOMPARE(m_store->document(first)->taggedText, edited);

    QVERIFY_OK(m_session->open(first));
    QCOMPARE(m_session->document().source(), edited);
    QVERIFY(m_session->isChecked());
}

void TestReviewSession::applyFixAfterAQuickEditUsesTheCurrentFindings()
{
    QVERIFY(setUp());
    QVERIFY_OK(m_session->open(second));
    const QByteArray original = m_session->document().source();
    const qsizetype country = spanWithLabel(m_session->document(), u"country");
    QVERIFY(country >= 0);
    QVERIFY_OK(m_session->untag(country));
    QVERIFY(!m_session->isChecked());
    // The index counts in the findings of the edited text, which the session has not seen yet.
    const CheckResult current = m_checker.check(m_session->document());
    const qsizetype finding = findingIndex(current, u"hardware-count-embedded");
    QVERIFY(finding >= 0);

    QVERIFY_OK(m_session->applyFix(finding));
    QCOMPARE(m_session->undoStack()->count(), 2);
    QCOMPARE(m_session->undoStack()->undoText(), current.findings.at(finding).fix->description);
    QVERIFY(m_session->waitForSaved());
    QCOMPARE(countFindings(m_session->result(), u"hardware-count-embedded"), 0);
    QCOMPARE(m_store->document(second)->taggedText, m_session->document().source());
    QCOMPARE(editRows(second), 2);
}

void TestReviewSession::approvingWithErrorFindingsNeedsANote()
{
    const QString broken = u"005_broken.txt"_s;
    QFile file(sourcePath(broken));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Trained on <hardware>NVIDIA A100 GPUs by <model>Foo-7B</model>.\n");
    file.close();
    QVERIFY(setUp());
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

void TestReviewSession::approvingAfterAQuickEditThatAddsAnErrorNeedsANote()
{
    QVERIFY(setUp());
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

void TestReviewSession::snapToWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qsizetype>("start");
    QTest::addColumn<qsizetype>("end");
    QTest::addColumn<QString>("expected");

    const QString sentence = u"We trained NeuroFlex-7B with 7.2 billion parameters, fast."_s;
    // "NeuroFlex-7B" is at 11..23, "7.2" at 29..32, "billion" at 33..40, "parameters" at 41..51.
    QTest::addRow("already aligned") << sentence << qsizetype(33) << qsizetype(40) << u"billion"_s;
    QTest::addRow("start inside a word") << sentence << qsizetype(36) << qsizetype(40) << u"billion"_s;
    QTest::addRow("end inside a word") << sentence << qsizetype(33) << qsizetype(35) << u"billion"_s;
    QTest::addRow("both inside") << sentence << qsizetype(31) << qsizetype(35) << u"7.2 billion"_s;
    QTest::addRow("white space trimmed") << sentence << qsizetype(32) << qsizetype(41) << u"billion"_s;
    QTest::addRow("hyphenated name") << sentence << qsizetype(14) << qsizetype(16) << u"NeuroFlex-7B"_s;
    QTest::addRow("hyphen alone") << sentence << qsizetype(20) << qsizetype(21) << u"NeuroFlex-7B"_s;
    QTest::addRow("decimal") << sentence << qsizetype(31) << qsizetype(32) << u"7.2"_s;
    QTest::addRow("selected punctuation stays") << sentence << qsizetype(45) << qsizetype(53) << u"parameters,"_s;
    QTest::addRow("sentence end not joined") << sentence << qsizetype(55) << qsizetype(56) << u"fast"_s;
    QTest::addRow("all white space") << u"a    b"_s << qsizetype(1) << qsizetype(4) << QString();
    QTest::addRow("empty selection") << sentence << qsizetype(35) << qsizetype(35) << QString();
    QTest::addRow("clamped") << u"abc def"_s << qsizetype(5) << qsizetype(100) << u"def"_s;
}

void TestReviewSession::snapToWords()
{
    QFETCH(QString, text);
    QFETCH(qsizetype, start);
    QFETCH(qsizetype, end);
    QFETCH(QString, expected);

    const auto [snappedStart, snappedEnd] = annorev::snapToWords(text, start, end);
    QVERIFY(snappedStart <= snappedEnd);
    QCOMPARE(text.mid(snappedStart, snappedEnd - snappedStart), expected);
}

QTEST_GUILESS_MAIN(TestReviewSession)
#include "tst_reviewsession.moc"
