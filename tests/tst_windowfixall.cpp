#include "bulkpreviewmodel.h"
#include "checker.h"
#include "countryaliases.h"
#include "fixalldialog.h"
#include "reviewsession.h"
#include "reviewstore.h"
#include "schema.h"
#include "windowfixture.h"

#include <QComboBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace annorev;
using namespace annorev::test;

namespace {

// Both have a count next to a hardware span that is not tagged (gpu-count-untagged): 512 and 256.
const QString fifth = u"004_777d6b4e246e2bc8.txt"_s;

// The edit rows of the store's audit log, "id reviewer" each, sorted.
QStringList edits(const QString &storePath)
{
    QStringList rows = auditRows(storePath, u"edit"_s);
    rows.sort();
    return rows;
}

} // namespace

class TestWindowFixAll : public QObject, public WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void fixEverywhereFromTheCursorPreviewsAndIsOneUndoStep()
    {
        auto window = openWindow(true);
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QVERIFY(window->showDocumentWithId(first));
        const QByteArray firstBefore = stored(*window, first);
        const QByteArray fifthBefore = stored(*window, fifth);
        SourceView *view = text(*window);
        selectText(view, u"512"_s);
        QVERIFY(window->action(u"fixEverywhere"_s)->isEnabled());

        QTest::keyClick(view, Qt::Key_Period, Qt::ControlModifier | Qt::AltModifier);
        auto *dialog = window->findChild<FixAllDialog *>(u"fixAllDialog"_s);
        QVERIFY(dialog);
        QCOMPARE(dialog->rule(), u"gpu-count-untagged"_s);
        // The preview starts by itself, over the whole batch.
        // The summary is said when the preview arrives.
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->message().isEmpty(), 30000);
        QVERIFY2(dialog->message().startsWith(u"2 findings in 2 of 7 documents: would fix 2, 0 skipped"_s),
                 qPrintable(dialog->message()));
        const BulkPreviewModel *model = dialog->previewModel();
        QCOMPARE(model->rowCount(), 2);
        const QString change = model->index(0, BulkPreviewModel::ContextColumn).data().toString();
        QVERIFY2(change.startsWith(u"Tag 512 as gpu_count\n− "_s), qPrintable(change));
        QVERIFY2(change.contains(u"\n+ …ted computing setup featuring <gpu_count>512</gpu_count> <hardware>NVIDIA"_s),
                 qPrintable(change));
        // Nothing is written before Apply.
        QCOMPARE(edits(window->storePath()), QStringList());

        auto *apply = child<QPushButton>(*dialog, u"fixAllApply"_s);
        QVERIFY(apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY(!window->findChild<FixAllDialog *>(u"fixAllDialog"_s));
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QCOMPARE(edits(window->storePath()), (QStringList{first + u" tester"_s, fifth + u" tester"_s}));
        QVERIFY(stored(*window, first).contains("featuring <gpu_count>512</gpu_count> <hardware>NVIDIA A100"));
        QVERIFY(stored(*window, fifth).contains("a cluster of <gpu_count>256</gpu_count> NVIDIA A100 GPUs"));
        // The open document shows its new text; the scope is remembered.
        QCOMPARE(window->session()->document().source(), stored(*window, first));
        QCOMPARE(QSettings(u"annorev"_s, u"annorev"_s).value(u"fixAll/scope"_s).toInt(),
                 int(BulkEditDialog::WholeBatch));

        // One undo step writes both documents back.
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(stored(*window, first), firstBefore);
        QCOMPARE(stored(*window, fifth), fifthBefore);
    }

    void untickedFixesAreLeftAlone()
    {
        auto window = openWindow(true);
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QVERIFY(window->showDocumentWithId(first));
        const QByteArray fifthBefore = stored(*window, fifth);
        FixAllDialog *dialog = previewedFixOf512(*window);
        QVERIFY(dialog);
        BulkPreviewModel *model = dialog->previewModel();
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(1, BulkPreviewModel::DocumentColumn).data(BulkPreviewModel::DocumentIdRole).toString(),
                 fifth);
        QVERIFY(model->setData(model->index(1, BulkPreviewModel::DocumentColumn), Qt::Unchecked, Qt::CheckStateRole));
        dialog->apply();
        QTRY_VERIFY(!window->findChild<FixAllDialog *>(u"fixAllDialog"_s));
        QCOMPARE(edits(window->storePath()), QStringList{first + u" tester"_s});
        QCOMPARE(stored(*window, fifth), fifthBefore);
    }

    // The texts are made on worker threads with a progress bar; Cancel then writes nothing.
    void applyCanBeCancelledAndWritesNothingThen()
    {
        auto window = openWindow(true);
        QVERIFY(window->showDocumentWithId(first));
        FixAllDialog *dialog = previewedFixOf512(*window);
        QVERIFY(dialog);
        QSignalSpy applied(dialog, &BulkEditDialog::appliedOrNot);
        auto *apply = child<QPushButton>(*dialog, u"fixAllApply"_s);
        auto *cancel = child<QPushButton>(*dialog, u"fixAllCancelPreview"_s);
        dialog->apply();
        QVERIFY(!apply->isEnabled());
        QVERIFY(cancel->isVisibleTo(dialog));
        QVERIFY(!child<QComboBox>(*dialog, u"fixAllRule"_s)->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(applied.wait(30000));
        QCOMPARE(applied.takeFirst().at(0).toBool(), false);
        QCOMPARE(dialog->message(), u"Nothing was changed: Apply was cancelled."_s);
        QCOMPARE(edits(window->storePath()), QStringList());
        QVERIFY(apply->isEnabled());
        QVERIFY(child<QComboBox>(*dialog, u"fixAllRule"_s)->isEnabled());

        dialog->apply();
        QVERIFY(applied.wait(30000));
        QVERIFY2(applied.takeFirst().at(0).toBool(), qPrintable(dialog->message()));
        QCOMPARE(edits(window->storePath()), (QStringList{first + u" tester"_s, fifth + u" tester"_s}));
    }

    // Another process changes a document between the preview and Apply: the worker's transaction
    // is refused whole, the dialog says why and stays open, and nothing of it is written.
    void aDocumentChangedSinceThePreviewRefusesTheWholeWrite()
    {
        auto window = openWindow(true);
        QVERIFY(window->showDocumentWithId(first));
        const QByteArray firstBefore = stored(*window, first);
        FixAllDialog *dialog = previewedFixOf512(*window);
        QVERIFY(dialog);
        {
            const std::unique_ptr<ReviewStore> other = openedStore(window->storePath());
            QVERIFY(other);
            const QByteArray changed = other->document(fifth)->taggedText + " Changed elsewhere.";
            const Checker checker(Schema::builtin(), CountryAliases::builtin(), 2026);
            QVERIFY(other->setTaggedText(fifth, changed, Schema::builtin(), checker, u"other"_s));
        }
        QSignalSpy applied(dialog, &BulkEditDialog::appliedOrNot);
        dialog->apply();
        QVERIFY(applied.wait(30000));
        QCOMPARE(applied.takeFirst().at(0).toBool(), false);
        QVERIFY2(dialog->message().startsWith(u"Nothing was changed: "_s), qPrintable(dialog->message()));
        QVERIFY(dialog->isVisible());
        QCOMPARE(edits(window->storePath()), QStringList{fifth + u" other"_s});
        QCOMPARE(stored(*window, first), firstBefore);
        QCOMPARE(window->session()->document().source(), firstBefore);
    }

    void changingTheRuleDropsThePreview()
    {
        auto window = openWindow(true);
        QVERIFY(window->showDocumentWithId(first));
        FixAllDialog *dialog = previewedFixOf512(*window);
        QVERIFY(dialog);
        QCOMPARE(dialog->previewModel()->rowCount(), 2);
        auto *rule = child<QComboBox>(*dialog, u"fixAllRule"_s);
        // Only rules whose findings can carry a fix are offered.
        QCOMPARE(rule->findData(u"field-conflict"_s), -1);
        rule->setCurrentIndex(rule->findData(u"encoding-suspect"_s));
        QCOMPARE(dialog->previewModel()->rowCount(), 0);
        QVERIFY(!child<QPushButton>(*dialog, u"fixAllApply"_s)->isEnabled());
        QVERIFY(dialog->message().isEmpty());
        dialog->preview();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->message().isEmpty(), 30000);
        QVERIFY2(dialog->message().startsWith(u"1 finding in 1 of 7 documents: would fix 1"_s),
                 qPrintable(dialog->message()));
    }

    void aFindingWithoutAFixSaysWhyAndOpensNothing()
    {
        auto window = openWindow(true);
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QVERIFY(window->showDocumentWithId(extra));
        // The text's cursor at the start, outside every finding.
        SourceView *view = text(*window);
        QTextCursor cursor = view->textCursor();
        cursor.setPosition(0);
        view->setTextCursor(cursor);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Period, Qt::ControlModifier | Qt::AltModifier);
        QVERIFY(!window->findChild<FixAllDialog *>(u"fixAllDialog"_s));
        QVERIFY2(statusMessage(*window).startsWith(u"No fix to apply everywhere: "_s),
                 qPrintable(statusMessage(*window)));
    }

private:
    // Apply This Fix Everywhere from the untagged 512 of the first document, its preview arrived
    // (the summary is said then); nullptr when the dialog did not open or the preview never came.
    static FixAllDialog *previewedFixOf512(MainWindow &window)
    {
        selectText(text(window), u"512"_s);
        window.action(u"fixEverywhere"_s)->trigger();
        auto *dialog = window.findChild<FixAllDialog *>(u"fixAllDialog"_s);
        if (!dialog || !QTest::qWaitFor([dialog] { return !dialog->message().isEmpty(); }, 30000)) {
            return nullptr;
        }
        return dialog;
    }
};

QTEST_MAIN(TestWindowFixAll)
#include "tst_windowfixall.moc"
