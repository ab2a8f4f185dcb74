// The document list's filters and search, as a reviewer uses them: the combo boxes, the search
// field typed into, Inside Words, and what the list says when they leave it empty.
#include "documentfilterbar.h"
#include "mainwindow.h"
#include "testsupport.h"
#include "windowfixture.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace annorev;
using namespace annorev::test;

class TestWindowFilters : public QObject, private WindowFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void filtersNarrowTheList();
    void searchFindsPlainText();
    void insideWordsFindsPartsOfWordsAndIsRemembered();
};

void TestWindowFilters::filtersNarrowTheList()
{
    auto window = openWindow(true);
    auto *list = child<QTreeView>(*window, u"documentList"_s);
    auto *findings = child<QComboBox>(*window, u"findingFilter"_s);
    findings->setCurrentIndex(findings->findText(u"With errors"_s));
    QCOMPARE(list->model()->rowCount(), 1);
    QCOMPARE(window->currentDocumentId(), broken);
    QVERIFY(child<QLabel>(*window, u"summaryLabel"_s)->text().startsWith(u"1 shown · 7 documents"_s));
    findings->setCurrentIndex(0);

    auto *label = child<QComboBox>(*window, u"labelFilter"_s);
    label->setCurrentIndex(label->findText(u"Has Training time"_s) >= 0 ? label->findText(u"Has Training time"_s)
                                                                        : label->findData(4));
    const int withTraining = list->model()->rowCount();
    QVERIFY(withTraining > 0 && withTraining < 7);
    label->setCurrentIndex(0);

    auto *rule = child<QComboBox>(*window, u"ruleFilter"_s);
    rule->setCurrentIndex(rule->findText(u"gpu-count-untagged"_s));
    QCOMPARE(list->model()->rowCount(), 2); // 000 and 004
    rule->setCurrentIndex(0);

    // A filter nothing passes leaves the list empty, and saying so.
    auto *status = child<QComboBox>(*window, u"statusFilter"_s);
    auto *notice = child<QLabel>(*window, u"documentListNotice"_s);
    QVERIFY(!notice->isVisible());
    status->setCurrentIndex(status->findText(u"Rejected"_s));
    QCOMPARE(list->model()->rowCount(), 0);
    QVERIFY(notice->isVisible());
    status->setCurrentIndex(0);
    QVERIFY(!notice->isVisible());

    QVERIFY(window->showDocumentWithId(first));
    window->action(u"needsWork"_s)->trigger();
    status->setCurrentIndex(status->findText(u"Needs work"_s));
    QCOMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0, 0).data().toString(), first);
}

void TestWindowFilters::searchFindsPlainText()
{
    auto window = openWindow(true);
    auto *list = child<QTreeView>(*window, u"documentList"_s);
    auto *search = child<QLineEdit>(*window, u"documentSearch"_s);
    // In the text of 001 only, and across its tags there.
    QTest::keyClicks(search, u"neurosynth-7 architecture"_s);
    QTRY_COMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0, 0).data().toString(), second);
    QCOMPARE(window->currentDocumentId(), second);
    // Ids match too, and the needle is a fixed string, not a pattern.
    search->setText(u"_extra"_s);
    QTRY_COMPARE(list->model()->rowCount(), 1);
    // As a LIKE pattern "a%z" would match most texts.
    search->setText(u"a%z"_s);
    QTRY_COMPARE(list->model()->rowCount(), 0);
    // The empty list says why it is empty.
    auto *notice = child<QLabel>(*window, u"documentListNotice"_s);
    QTRY_VERIFY(notice->isVisible());
    QCOMPARE(notice->text(), u"No document matches the search and filters."_s);
    search->clear();
    QTRY_COMPARE(list->model()->rowCount(), 7);
    QVERIFY(!notice->isVisible());
}

void TestWindowFilters::insideWordsFindsPartsOfWordsAndIsRemembered()
{
    auto window = openWindow(true);
    auto *list = child<QTreeView>(*window, u"documentList"_s);
    auto *search = child<QLineEdit>(*window, u"documentSearch"_s);
    auto *insideWords = child<QToolButton>(*window, u"searchInsideWords"_s);
    QVERIFY(!insideWords->isChecked());
    // "ynth-7" lies inside the word NeuroSynth: not where a word begins.
    QTest::keyClicks(search, u"ynth-7 arch"_s);
    QTRY_COMPARE(list->model()->rowCount(), 0);
    QTest::mouseClick(insideWords, Qt::LeftButton);
    QTRY_COMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0, 0).data().toString(), second);
    QVERIFY(!window->findChild<DocumentFilterBar *>()->isSearching());
    // A new window searches the way the last one did.
    window.reset();
    auto again = openWindow(true);
    QVERIFY(child<QToolButton>(*again, u"searchInsideWords"_s)->isChecked());
    QTest::mouseClick(child<QToolButton>(*again, u"searchInsideWords"_s), Qt::LeftButton);
}

QTEST_MAIN(TestWindowFilters)
#include "tst_windowfilters.moc"
