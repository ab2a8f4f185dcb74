#include "documenteditor.h"
#include "reviewsession.h"
#include "reviewstore.h"
#include "schema.h"
#include "sessionfixture.h"
#include "testsupport.h"
#include "wordsnap.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUndoGroup>
#include <QUndoStack>

#include <algorithm>
#include <memory>

using namespace annorev;
using namespace annorev::test;
using namespace Qt::StringLiterals;

namespace {

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

} // namespace

// Edits, undo and redo through the session, each written to the store in order, and each
// document's own undo history. Refused edits and failed writes are in tst_sessionrefusals.
class TestReviewSession : public QObject, private test::SessionFixture
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
    void eachDocumentKeepsItsUndoHistoryForTheSession();
    void aDocumentChangedElsewhereDropsItsUndoHistory();
    void anEditOrDecisionOnADocumentChangedMeanwhileIsRefusedAndShowsTheirs();
    void aRefusedChangeIsKeptToReapplyOnTheirVersionOrDrop_data();
    void aRefusedChangeIsKeptToReapplyOnTheirVersionOrDrop();
    void openAfterAQuickEditSeesIt();
    void applyFixAfterAQuickEditUsesTheCurrentFindings();
    void anEditUndoesTheDecisionAtOnceAndInTheStore_data();
    void anEditUndoesTheDecisionAtOnceAndInTheStore();
    void snapToWords_data();
    void snapToWords();
};

void TestReviewSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestReviewSession::init()
{
    setUpBatch();
}

void TestReviewSession::cleanup()
{
    tearDownSession();
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
    QVERIFY(setUpSession());
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
    QVERIFY(setUpSession());
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
    QVERIFY(setUpSession());
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
    QVERIFY(setUpSession());
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
    QVERIFY(setUpSession());
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
    QVERIFY(setUpSession());
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
    QVERIFY(setUpSession());
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
    QVERIFY(setUpSession());
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
    QVERIFY(setUpSession());
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
    QVERIFY(setUpSession());
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
    QVERIFY(setUpSession());
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

void TestReviewSession::eachDocumentKeepsItsUndoHistoryForTheSession()
{
    QVERIFY(setUpSession());
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

void TestReviewSession::anEditOrDecisionOnADocumentChangedMeanwhileIsRefusedAndShowsTheirs()
{
    QVERIFY(setUpSession());
    QVERIFY_OK(m_session->open(first));
    QVERIFY_OK(m_session->untag(0)); // this session's own writes never make it stale
    QVERIFY(m_session->waitForSaved());
    QVERIFY_OK(m_session->untag(0));
    QVERIFY(m_session->waitForSaved());

    // Another process changes the document while this session shows it.
    const std::unique_ptr<ReviewStore> other = openedStore(m_store->path());
    QVERIFY(other);
    const QByteArray theirs = "<model>Theirs</model> was trained on 8 GPUs.";
    QVERIFY_OK(other->setTaggedText(first, theirs, Schema::builtin(), m_checker, u"someone"_s));

    QSignalSpy errors(m_session.get(), &ReviewSession::errorOccurred);
    QVERIFY_OK(m_session->untag(0));
    QVERIFY(!m_session->waitForSaved());
    QCOMPARE(errors.size(), 1);
    const QString message = errors.constFirst().constFirst().toString();
    QVERIFY2(message.contains(u"was changed by someone"_s) && message.contains(u"the edit was not saved"_s),
             qPrintable(message));
    // Theirs is kept and shown; nothing of this session's was merged into it.
    QCOMPARE(m_store->document(first)->taggedText, theirs);
    QCOMPARE(m_session->document().source(), theirs);

    // Made on what is shown now, the next change goes through; so does a decision on it.
    QVERIFY_OK(m_session->untag(0));
    QVERIFY(m_session->waitForSaved());
    QVERIFY_OK(m_session->setStatus(ReviewStatus::NeedsWork, {}));
    QVERIFY_OK(other->setStatus({first}, ReviewStatus::Unreviewed, {}, u"someone"_s));
    const QString decision = errorOf(m_session->setStatus(ReviewStatus::Rejected, u"no"_s));
    QVERIFY2(decision.contains(u"was changed by someone"_s), qPrintable(decision));
    QCOMPARE(m_store->document(first)->status, ReviewStatus::Unreviewed);
}

void TestReviewSession::aRefusedChangeIsKeptToReapplyOnTheirVersionOrDrop_data()
{
    // Someone else changes the first document (theirs) while this session shows it; the session's
    // change (mine), made on the old version, is refused. Their change: "untag 1" removes the second
    // span, "rewrite" changes the text itself.
    QTest::addColumn<QString>("theirs");
    QTest::addColumn<QStringList>("mine"); // "tag N" tags the Nth untagged word; "untag N"; "text 0"
    QTest::addColumn<bool>("reapplies");
    QTest::addColumn<int>("spansAfter"); // spans after re-applying, against the original count
    QTest::addColumn<QString>("description");
    QTest::addRow("my tag on their untag") << u"untag 1"_s << QStringList{u"tag 0"_s} << true << 0 << u"Tag"_s;
    QTest::addRow("two tags of mine, one change kept")
        << u"untag 1"_s << QStringList{u"tag 0"_s, u"tag 1"_s} << true << 1 << u"and 1 more changes"_s;
    QTest::addRow("my untag of another span") << u"untag 1"_s << QStringList{u"untag 2"_s} << true << -2 << u"Untag"_s;
    QTest::addRow("my untag of the span they untagged too")
        << u"untag 1"_s << QStringList{u"untag 1"_s} << true << -1 << u"Untag"_s;
    QTest::addRow("their rewrite of the text") << u"rewrite"_s << QStringList{u"tag 0"_s} << false << 0 << u"Tag"_s;
    QTest::addRow("my rewrite of a span's text") << u"untag 1"_s << QStringList{u"text 0"_s} << false << 0 << QString();
}

void TestReviewSession::aRefusedChangeIsKeptToReapplyOnTheirVersionOrDrop()
{
    QFETCH(QString, theirs);
    QFETCH(QStringList, mine);
    QFETCH(bool, reapplies);
    QFETCH(int, spansAfter);
    QFETCH(QString, description);
    QVERIFY(setUpSession());
    QVERIFY_OK(m_session->open(first));
    const Document original = m_session->document();
    const qsizetype spans = original.spans().size();
    QVERIFY(spans >= 3);
    const auto words = untaggedWords(original, 2);
    QCOMPARE(words.size(), 2);

    const std::unique_ptr<ReviewStore> other = openedStore(m_store->path());
    QVERIFY(other);
    QByteArray their;
    if (theirs == u"rewrite") {
        their = "Rewritten elsewhere, with <model>Theirs</model>.";
    } else {
        const Expected<Document> untagged =
            DocumentEditor::apply(original, SpanEdit::remove(original.spans().at(1)), Schema::builtin());
        QVERIFY_OK(untagged);
        their = untagged->source();
    }
    QVERIFY_OK(other->setTaggedText(first, their, Schema::builtin(), m_checker, u"someone"_s));

    QSignalSpy changed(m_session.get(), &ReviewSession::unsavedEditChanged);
    for (const QString &step : std::as_const(mine)) {
        const qsizetype n = step.section(u' ', 1).toLongLong();
        if (step.startsWith(u"tag")) {
            QVERIFY_OK(m_session->tag(u"model"_s, words[n].first, words[n].second, false));
        } else if (step.startsWith(u"untag")) {
            // The original's span n, wherever it is in the session's current text.
            const Span &span = original.spans().at(n);
            const qsizetype index = DocumentEditor::findSpan(m_session->document(), span.label, span.start, span.end);
            QVERIFY(index >= 0);
            QVERIFY_OK(m_session->untag(index));
        } else {
            QVERIFY_OK(m_session->setSpanText(n, u"Mine"_s));
        }
    }
    QVERIFY(!m_session->waitForSaved());
    QCOMPARE(m_session->document().source(), their);
    QVERIFY(m_session->unsavedEdit().has_value());
    QVERIFY(changed.size() >= 1);
    QCOMPARE(m_session->unsavedEdit()->documentId(), first);
    QVERIFY2(m_session->unsavedEdit()->description().contains(description),
             qPrintable(m_session->unsavedEdit()->description()));

    const Expected<void> reapplied = m_session->reapplyUnsavedEdit();
    if (!reapplies) {
        QVERIFY2(errorOf(reapplied).contains(u"make it again"_s), qPrintable(errorOf(reapplied)));
        QVERIFY(m_session->unsavedEdit().has_value()); // kept, to read or drop
        QCOMPARE(m_store->document(first)->taggedText, their);
        m_session->dropUnsavedEdit();
        QVERIFY(!m_session->unsavedEdit().has_value());
        QCOMPARE(m_session->document().source(), their);
        return;
    }
    QVERIFY_OK(reapplied);
    QVERIFY(!m_session->unsavedEdit().has_value());
    QVERIFY(m_session->waitForSaved());
    // Their change stays and mine is made on it, saved as one step that undo takes back.
    const Document now = m_session->document();
    QCOMPARE(m_store->document(first)->taggedText, now.source());
    QCOMPARE(now.spans().size(), spans + spansAfter);
    QCOMPARE(DocumentEditor::findSpan(now, original.spans().at(1).label, original.spans().at(1).start,
                                      original.spans().at(1).end),
             -1);
    for (const QString &step : std::as_const(mine)) {
        if (step.startsWith(u"tag")) {
            const qsizetype n = step.section(u' ', 1).toLongLong();
            QVERIFY(DocumentEditor::findSpan(now, u"model"_s, words[n].first, words[n].second) >= 0);
        }
    }
    if (m_session->undoStack()->count() > 0) {
        QCOMPARE(m_session->undoStack()->count(), 1);
        m_session->undoStack()->undo();
        QVERIFY(m_session->waitForSaved());
        QCOMPARE(m_store->document(first)->taggedText, their);
    } else {
        QCOMPARE(now.source(), their); // nothing left to make: they had done it too
    }
}

void TestReviewSession::aDocumentChangedElsewhereDropsItsUndoHistory()
{
    QVERIFY(setUpSession());
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
    QVERIFY(setUpSession());
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
    QVERIFY(setUpSession());
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
