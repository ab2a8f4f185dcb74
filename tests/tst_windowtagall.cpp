#include "reviewsession.h"
#include "reviewstore.h"
#include "tagalldialog.h"
#include "bulkpreviewmodel.h"
#include "windowfixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace annorev;
using namespace annorev::test;

namespace {

const QString tips = u"002_f429afe5dd9093a8.txt"_s;   // "Parallelizing transformer blocks"
const QString recipe = u"003_2b600daee4a931dd.txt"_s; // "decoder-only transformer", "the standard transformer block"

// The edit rows of the store's audit log, "id reviewer" each.
QStringList edits(const QString &storePath)
{
    return auditRows(storePath, u"edit"_s);
}

} // namespace

class TestWindowTagAll : public QObject, public WindowFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void tagAllFromTheSelectionIsOneTransactionAndOneUndoStep()
    {
        auto window = openWindow(true);
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QVERIFY(window->showDocumentWithId(first));
        const QByteArray tipsBefore = stored(*window, tips);
        const QByteArray recipeBefore = stored(*window, recipe);
        const QByteArray firstBefore = stored(*window, first);
        SourceView *view = text(*window);
        selectText(view, u"transformer"_s);

        QTest::keyClick(view, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
        auto *dialog = window->findChild<TagAllDialog *>(u"tagAllDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(child<QLineEdit>(*dialog, u"tagAllPattern"_s)->text(), u"transformer"_s);
        // transformer-based is no whole-word transformer: 002's and 003's two are the only hits.
        QVERIFY(child<QCheckBox>(*dialog, u"tagAllWholeWords"_s)->isChecked());
        auto *label = child<QComboBox>(*dialog, u"tagAllLabel"_s);
        label->setCurrentIndex(label->findData(u"model"_s));
        dialog->setScope(TagAllDialog::WholeBatch);

        QSignalSpy previewed(dialog, &TagAllDialog::previewFinished);
        QTest::mouseClick(child<QPushButton>(*dialog, u"tagAllPreview"_s), Qt::LeftButton);
        QVERIFY(previewed.wait(30000));
        QCOMPARE(previewed.takeFirst().first().toBool(), true);
        BulkPreviewModel *model = dialog->previewModel();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(
            model->index(0, BulkPreviewModel::DocumentColumn).data(BulkPreviewModel::DocumentIdRole).toString(),
            tips);
        QCOMPARE(model->index(1, BulkPreviewModel::StateColumn).data().toString(), u"will tag"_s);
        QVERIFY2(child<QLabel>(*dialog, u"tagAllMessage"_s)->text().startsWith(u"3 hits in 2 of 7 documents"_s),
                 qPrintable(child<QLabel>(*dialog, u"tagAllMessage"_s)->text()));

        // Untick 002's hit with the keyboard, as a user would.
        auto *hits = child<QTreeView>(*dialog, u"tagAllHits"_s);
        hits->setFocus();
        hits->setCurrentIndex(model->index(0, BulkPreviewModel::DocumentColumn));
        QTest::keyClick(hits, Qt::Key_Space);
        QCOMPARE(model->index(0, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
        QCOMPARE(model->checkedCount(), 2);

        QTest::mouseClick(child<QPushButton>(*dialog, u"tagAllApply"_s), Qt::LeftButton);
        QTRY_VERIFY(!window->findChild<TagAllDialog *>(u"tagAllDialog"_s));
        // The window manager gives the window back its activation; offscreen, the test does.
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QVERIFY(window->action(u"undo"_s)->isEnabled());
        QVERIFY(stored(*window, recipe).contains("the standard <model>transformer</model> block"));
        QVERIFY(stored(*window, recipe).contains("decoder-only <model>transformer</model>"));
        QCOMPARE(stored(*window, tips), tipsBefore);
        QCOMPARE(edits(window->storePath()), QStringList{recipe + u" tester"_s});
        // The options are remembered.
        QCOMPARE(QSettings(u"annorev"_s, u"annorev"_s).value(u"tagAll/label"_s).toString(), u"model"_s);

        // One undo step, on the document that was open, writes every document back.
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(stored(*window, recipe), recipeBefore);
        QCOMPARE(stored(*window, first), firstBefore);
        QCOMPARE(edits(window->storePath()), (QStringList{recipe + u" tester"_s, recipe + u" tester"_s}));
        // And redo makes it again.
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(stored(*window, recipe).contains("the standard <model>transformer</model> block"));
    }

    void tagAllInTheOpenDocumentShowsItsNewText()
    {
        auto window = openWindow(true);
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QVERIFY(window->showDocumentWithId(extra));
        SourceView *view = text(*window);
        selectText(view, u"GPUs"_s);
        QTest::keyClick(view, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
        auto *dialog = window->findChild<TagAllDialog *>(u"tagAllDialog"_s);
        QVERIFY(dialog);
        dialog->setScope(TagAllDialog::ThisDocument);
        auto *label = child<QComboBox>(*dialog, u"tagAllLabel"_s);
        label->setCurrentIndex(label->findData(u"hardware"_s));
        QSignalSpy previewed(dialog, &TagAllDialog::previewFinished);
        dialog->preview();
        QVERIFY(previewed.wait(30000));
        QCOMPARE(dialog->previewModel()->rowCount(), 1);
        dialog->apply();
        QTRY_VERIFY(!window->findChild<TagAllDialog *>(u"tagAllDialog"_s));
        // The window manager gives the window back its activation; offscreen, the test does.
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QVERIFY(window->session()->document().source().contains("8 <hardware>GPUs</hardware>"));
        QCOMPARE(window->session()->document().source(), stored(*window, extra));
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(stored(*window, extra), extraSource);
        QCOMPARE(window->session()->document().source(), extraSource);
    }

    void aBadRegularExpressionIsRefusedInTheDialog()
    {
        auto window = openWindow(true);
        QVERIFY(window->showDocumentWithId(first));
        window->action(u"tagAll"_s)->trigger();
        auto *dialog = window->findChild<TagAllDialog *>(u"tagAllDialog"_s);
        QVERIFY(dialog);
        child<QCheckBox>(*dialog, u"tagAllRegex"_s)->setChecked(true);
        child<QLineEdit>(*dialog, u"tagAllPattern"_s)->setText(u"(A100"_s);
        dialog->preview();
        QVERIFY2(dialog->message().startsWith(u"the regular expression \"(A100\" is not valid"_s),
                 qPrintable(dialog->message()));
        QVERIFY(!dialog->isPreviewing());
        QVERIFY(!child<QPushButton>(*dialog, u"tagAllApply"_s)->isEnabled());
    }
};

QTEST_MAIN(TestWindowTagAll)
#include "tst_windowtagall.moc"
