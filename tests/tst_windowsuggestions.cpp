#include "checker.h"
#include "countryaliases.h"
#include "documentlistmodel.h"
#include "expectedsupport.h"
#include "inlinemessage.h"
#include "labelcolour.h"
#include "reviewsession.h"
#include "reviewstore.h"
#include "schema.h"
#include "shortcutsdialog.h"
#include "sourceview.h"
#include "windowfixture.h"

#include <QHeaderView>
#include <QTest>
#include <QTreeView>

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
    const auto added =
        store->addSuggestions({planted.glue, planted.tokens}, u"preds.jsonl"_s, u"model"_s, Schema::builtin());
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
        // Where the reviewer is, in the status line; the notice above the text is for refusals.
        QVERIFY2(statusMessage(*window).startsWith(u"1 of 2: Suggested "_s), qPrintable(statusMessage(*window)));
        QVERIFY(!child<InlineMessage>(*window, u"inlineMessage"_s)->isVisible());
        QTest::keyClick(view, Qt::Key_Tab);
        QCOMPARE(view->selectedRange(), std::pair(planted.glue.start, planted.glue.end));
        QTest::keyClick(view, Qt::Key_Backtab);
        QCOMPARE(view->selectedRange(), std::pair(planted.tokens.start, planted.tokens.end));
        QTest::keyClick(view, Qt::Key_Tab);

        // Enter accepts: an ordinary edit, and the decision in the store.
        QTest::keyClick(view, Qt::Key_Return);
        QVERIFY2(statusMessage(*window).startsWith(u"Accepted: Suggested "_s), qPrintable(statusMessage(*window)));
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
        QVERIFY(store->addSuggestions({stale}, u"old.jsonl"_s, u"model"_s, Schema::builtin()));
        QVERIFY(window->showDocumentWithId(first));
        QVERIFY(text(*window)->suggestionMarks().isEmpty());
        QVERIFY(window->session()->pendingSuggestions().isEmpty());
    }

    void theListShowsEachDocumentsDisagreementAndSortsByIt()
    {
        auto window = openWindow(true);
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        auto *list = child<QTreeView>(*window, u"documentList"_s);
        // No document has suggestions: no column for them.
        QVERIFY(list->isColumnHidden(DocumentListModel::DisagreementColumn));
        QCOMPARE(list->header()->sortIndicatorSection(), -1);

        // Another process imports a model's suggestions for the first document.
        QVERIFY(window->showDocumentWithId(second));
        plant(window->storePath(), Document::parse(stored(*window, first), Schema::builtin()).text());
        const auto cell = [list](const QString &id) {
            const QModelIndexList found =
                list->model()->match(list->model()->index(0, 0), DocumentListModel::IdRole, id, 1, Qt::MatchExactly);
            return found.isEmpty() ? QVariant(u"not listed"_s)
                                   : found.first().siblingAtColumn(DocumentListModel::DisagreementColumn).data();
        };
        // GLUE and the tokens are not tagged, and none of the four NeuroFlex-7B model spans nor the
        // params span was suggested: 2 + 5.
        QTRY_COMPARE_WITH_TIMEOUT(cell(first), QVariant(7), 10000);
        QVERIFY(!list->isColumnHidden(DocumentListModel::DisagreementColumn));
        QCOMPARE(cell(second), QVariant()); // no suggestions: nothing shown

        // Ctrl+Alt+D: the documents where the model and the spans differ most come first.
        list->setFocus();
        QTest::keyClick(list, Qt::Key_D, Qt::ControlModifier | Qt::AltModifier);
        QCOMPARE(list->header()->sortIndicatorSection(), int(DocumentListModel::DisagreementColumn));
        QCOMPARE(list->header()->sortIndicatorOrder(), Qt::DescendingOrder);
        QTRY_COMPARE(list->model()->index(0, 0).data(DocumentListModel::IdRole).toString(), first);

        // Accepting GLUE from the keyboard: the difference it made goes at once.
        QVERIFY(window->showDocumentWithId(first));
        SourceView *view = text(*window);
        view->setFocus();
        view->moveCursor(QTextCursor::Start);
        QTest::keyClick(view, Qt::Key_Tab);
        QTest::keyClick(view, Qt::Key_Tab);
        QCOMPARE(view->textCursor().selectedText(), u"GLUE"_s);
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(cell(first), QVariant(6));
        // Rejecting the tokens: 5 left, the unsuggested spans.
        QTest::keyClick(view, Qt::Key_Tab);
        QTest::keyClick(view, Qt::Key_Backspace);
        QCOMPARE(cell(first), QVariant(5));
        // Another process untags the params span, which no suggestion proposed: one fewer.
        QTRY_VERIFY(!window->session()->isSaving());
        QByteArray edited = stored(*window, first);
        QVERIFY(edited.contains("<params>7.2 billion parameters</params>"));
        edited.replace("<params>7.2 billion parameters</params>", "7.2 billion parameters");
        const Checker checker(Schema::builtin(), CountryAliases::builtin(), 2026);
        QVERIFY_OK(
            openedStore(window->storePath())->setTaggedText(first, edited, Schema::builtin(), checker, u"other"_s));
        QTRY_COMPARE_WITH_TIMEOUT(cell(first), QVariant(4), 10000);
    }

    void theKeysOfSuggestionsAreListedWithTheShortcuts()
    {
        auto window = openWindow(true);
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        window->action(u"shortcuts"_s)->trigger();
        auto *dialog = window->findChild<ShortcutsDialog *>(u"shortcutsDialog"_s);
        QVERIFY(dialog);
        const QAbstractItemModel *model = dialog->model();
        const QModelIndexList groups =
            model->match(model->index(0, 0), Qt::DisplayRole, u"Model Suggestions in the Text"_s, 1, Qt::MatchExactly);
        QCOMPARE(groups.size(), 1);
        QStringList rows;
        for (int row = 0; row < model->rowCount(groups.first()); ++row) {
            rows << model->index(row, 0, groups.first()).data().toString() + u": "_s +
                        model->index(row, 1, groups.first()).data().toString();
        }
        QCOMPARE(rows, (QStringList{u"Next Suggestion: Tab"_s, u"Previous Suggestion: Shift+Tab"_s,
                                    u"Accept the Selected Suggestion: Return"_s,
                                    u"Reject the Selected Suggestion: Backspace"_s}));
        dialog->close();
    }
};

QTEST_MAIN(TestWindowSuggestions)
#include "tst_windowsuggestions.moc"
