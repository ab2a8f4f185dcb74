#include "labelcolour.h"
#include "reviewsession.h"
#include "reviewstore.h"
#include "schema.h"
#include "windowfixture.h"

#include <QTest>

using namespace annorev;
using namespace annorev::test;

namespace {

// Two suggestions for a text nobody tagged there: GLUE as a model, the first "4,096 tokens" as
// params; the second one first in the text.
struct Planted
{
    Suggestion glue;
    Suggestion tokens;
};

Planted plant(const QString &storePath, const QString &text)
{
    Planted planted;
    auto suggestion = [&](const QString &covered, const QString &label, double score) {
        Suggestion made;
        made.documentId = first;
        made.start = text.indexOf(covered);
        made.end = made.start + covered.size();
        made.label = label;
        made.score = score;
        made.text = covered;
        return made;
    };
    planted.glue = suggestion(u"GLUE"_s, u"model"_s, 0.42);
    planted.tokens = suggestion(u"4,096 tokens"_s, u"params"_s, 0.9);
    const std::unique_ptr<ReviewStore> store = openedStore(storePath);
    const auto added = store->addSuggestions({planted.glue, planted.tokens}, u"preds.jsonl"_s, u"model"_s);
    if (!added) {
        qWarning("cannot add suggestions: %s", qPrintable(added.error().message));
    }
    return planted;
}

// The states of the document's suggestions in the store, "label state" each, by position.
QStringList statesIn(const QString &storePath)
{
    QStringList states;
    const std::unique_ptr<ReviewStore> store = openedStore(storePath);
    for (const Suggestion &suggestion : *store->suggestions(first)) {
        states << suggestion.label + u' ' + suggestionStateName(suggestion.state) +
                      (suggestion.decidedBy.isEmpty() ? QString() : u' ' + suggestion.decidedBy);
    }
    return states;
}

bool hasSpan(const Document &doc, const QString &label, qsizetype start, qsizetype end)
{
    return std::any_of(doc.spans().cbegin(), doc.spans().cend(),
                       [&](const Span &span) { return span.label == label && span.start == start && span.end == end; });
}

} // namespace

class TestWindowSuggestions : public QObject, public WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void suggestionsAreOutlinedAndReviewedFromTheKeyboard()
    {
        auto window = openWindow(true);
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QVERIFY(window->showDocumentWithId(second));
        const Planted planted =
            plant(window->storePath(), Document::parse(stored(*window, first), Schema::builtin()).text());
        QVERIFY(planted.glue.start > planted.tokens.start);
        QVERIFY(window->showDocumentWithId(first));
        SourceView *view = text(*window);

        // Dashed outlines in the labels' colours, with their scores; none is current yet.
        QCOMPARE(view->suggestionMarks().size(), 2);
        QCOMPARE(view->suggestionMarks()[0].start, planted.tokens.start);
        QCOMPARE(view->suggestionMarks()[0].colour, labelColour(*Schema::builtin().label(u"params"_s)));
        QVERIFY(view->suggestionMarks()[0].score);
        QCOMPARE(*view->suggestionMarks()[0].score, 0.9);
        QVERIFY(!view->suggestionMarks()[0].current);

        view->setFocus();
        view->moveCursor(QTextCursor::Start);
        QTest::keyClick(view, Qt::Key_Tab);
        QCOMPARE(view->selectedRange(), std::pair(planted.tokens.start, planted.tokens.end));
        QVERIFY(view->suggestionMarks()[0].current);
        QTest::keyClick(view, Qt::Key_Tab);
        QCOMPARE(view->selectedRange(), std::pair(planted.glue.start, planted.glue.end));
        QTest::keyClick(view, Qt::Key_Backtab);
        QCOMPARE(view->selectedRange(), std::pair(planted.tokens.start, planted.tokens.end));
        QTest::keyClick(view, Qt::Key_Tab);

        // Enter accepts: an ordinary edit, and the decision in the store.
        QTest::keyClick(view, Qt::Key_Return);
        QVERIFY(hasSpan(window->session()->document(), u"model"_s, planted.glue.start, planted.glue.end));
        QTRY_VERIFY(stored(*window, first).contains("<model>GLUE</model>"));
        QCOMPARE(statesIn(window->storePath()), (QStringList{u"params pending"_s, u"model accepted tester"_s}));
        QCOMPARE(view->suggestionMarks().size(), 1);
        // Undo takes the span out; the decision stays, as the audit log keeps it.
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY(!stored(*window, first).contains("<model>GLUE</model>"));
        QCOMPARE(statesIn(window->storePath()), (QStringList{u"params pending"_s, u"model accepted tester"_s}));

        // Backspace rejects: the text stays as it is.
        const QByteArray before = window->session()->document().source();
        QTest::keyClick(view, Qt::Key_Tab);
        QCOMPARE(view->selectedRange(), std::pair(planted.tokens.start, planted.tokens.end));
        QTest::keyClick(view, Qt::Key_Backspace);
        QCOMPARE(window->session()->document().source(), before);
        QCOMPARE(statesIn(window->storePath()), (QStringList{u"params rejected tester"_s, u"model accepted tester"_s}));
        QVERIFY(view->suggestionMarks().isEmpty());
        QCOMPARE(auditRows(window->storePath(), u"suggestion-rejected"_s), QStringList{first + u" tester"_s});

        // With nothing left to review, Tab moves the focus on, as it does anywhere else.
        QTest::keyClick(view, Qt::Key_Tab);
        QVERIFY(!view->hasFocus());
    }

    void aSuggestionWhoseTextChangedIsNotShown()
    {
        auto window = openWindow(true);
        QVERIFY(window->showDocumentWithId(second));
        Suggestion stale;
        stale.documentId = first;
        stale.start = 0;
        stale.end = 4;
        stale.label = u"model"_s;
        stale.text = u"That"_s; // the text starts "This"
        const std::unique_ptr<ReviewStore> store = openedStore(window->storePath());
        QVERIFY(store->addSuggestions({stale}, u"old.jsonl"_s, u"model"_s));
        QVERIFY(window->showDocumentWithId(first));
        QVERIFY(text(*window)->suggestionMarks().isEmpty());
        QVERIFY(window->session()->pendingSuggestions().isEmpty());
    }
};

QTEST_MAIN(TestWindowSuggestions)
#include "tst_windowsuggestions.moc"
