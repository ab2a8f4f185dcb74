#include "flowlayout.h"

#include <QTest>
#include <QWidget>

#include <memory>

using namespace annorev;

namespace {

// A widget of a fixed size hint, standing in for a label button.
class Box final : public QWidget
{
public:
    Box(QSize size, QWidget *parent) : QWidget(parent), m_size(size) {}
    QSize sizeHint() const override { return m_size; }
    QSize minimumSizeHint() const override { return m_size; }

private:
    QSize m_size;
};

} // namespace

class TestFlowLayout : public QObject
{
    Q_OBJECT

private slots:
    void itemsWrapOntoRowsThatFitTheWidth_data();
    void itemsWrapOntoRowsThatFitTheWidth();
    void minimumWidthIsTheWidestItem();
    void sizeHintIsOneRow();
    void hiddenItemsTakeNoPlace();
};

void TestFlowLayout::itemsWrapOntoRowsThatFitTheWidth_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<QList<int>>("rows"); // the row of each of four 50×20 items, spacing 10
    QTest::addColumn<int>("height");
    QTest::addRow("all on one row") << 400 << QList<int>{0, 0, 0, 0} << 20;
    QTest::addRow("exactly one row") << 230 << QList<int>{0, 0, 0, 0} << 20;
    QTest::addRow("one pixel short wraps the last") << 229 << QList<int>{0, 0, 0, 1} << 50;
    QTest::addRow("two per row") << 110 << QList<int>{0, 0, 1, 1} << 50;
    QTest::addRow("one per row") << 60 << QList<int>{0, 1, 2, 3} << 110;
    QTest::addRow("narrower than an item: still one per row") << 30 << QList<int>{0, 1, 2, 3} << 110;
}

void TestFlowLayout::itemsWrapOntoRowsThatFitTheWidth()
{
    QFETCH(int, width);
    QFETCH(QList<int>, rows);
    QFETCH(int, height);
    QWidget parent;
    auto *layout = new FlowLayout(&parent, 10, 10);
    layout->setContentsMargins(0, 0, 0, 0);
    QList<Box *> boxes;
    for (int i = 0; i < 4; ++i) {
        boxes.append(new Box(QSize(50, 20), &parent));
        layout->addWidget(boxes.last());
    }
    QVERIFY(layout->hasHeightForWidth());
    QCOMPARE(layout->heightForWidth(width), height);
    layout->setGeometry(QRect(0, 0, width, height));
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(boxes[i]->geometry().top(), rows[i] * 30);
        // Each row starts at the left edge.
        if (i == 0 || rows[i] != rows[i - 1]) {
            QCOMPARE(boxes[i]->geometry().left(), 0);
        } else {
            QCOMPARE(boxes[i]->geometry().left(), boxes[i - 1]->geometry().right() + 1 + 10);
        }
        QCOMPARE(boxes[i]->size(), QSize(50, 20));
    }
}

void TestFlowLayout::minimumWidthIsTheWidestItem()
{
    QWidget parent;
    auto *layout = new FlowLayout(&parent, 4, 4);
    layout->setContentsMargins(3, 3, 3, 3);
    layout->addWidget(new Box(QSize(40, 10), &parent));
    layout->addWidget(new Box(QSize(90, 12), &parent));
    layout->addWidget(new Box(QSize(60, 30), &parent));
    QCOMPARE(layout->minimumSize(), QSize(90 + 6, 30 + 6));
}

void TestFlowLayout::sizeHintIsOneRow()
{
    QWidget parent;
    auto *layout = new FlowLayout(&parent, 4, 4);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new Box(QSize(40, 10), &parent));
    layout->addWidget(new Box(QSize(90, 12), &parent));
    QCOMPARE(layout->sizeHint(), QSize(40 + 4 + 90, 12));
}

void TestFlowLayout::hiddenItemsTakeNoPlace()
{
    QWidget parent;
    auto *layout = new FlowLayout(&parent, 10, 10);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *first = new Box(QSize(50, 20), &parent);
    auto *hidden = new Box(QSize(50, 20), &parent);
    auto *last = new Box(QSize(50, 20), &parent);
    for (QWidget *box : {first, hidden, last}) {
        layout->addWidget(box);
    }
    hidden->hide();
    QCOMPARE(layout->heightForWidth(110), 20);
    layout->setGeometry(QRect(0, 0, 110, 20));
    QCOMPARE(last->geometry().topLeft(), QPoint(60, 0));
}

QTEST_MAIN(TestFlowLayout)
#include "tst_flowlayout.moc"
