#include "viewpositions.h"

#include <QTest>
#include <QTextDocument>

using namespace Qt::StringLiterals;
using namespace annorev;

class TestViewPositions : public QObject
{
    Q_OBJECT

private slots:
    void everyTextPositionIsItsCharacterInTheView_data();
    void everyTextPositionIsItsCharacterInTheView();
};

void TestViewPositions::everyTextPositionIsItsCharacterInTheView_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qsizetype>("viewLength");
    QTest::addRow("lf") << u"one\ntwo\n\nthree"_s << qsizetype(14);
    QTest::addRow("crlf") << u"one\r\ntwo\r\n\r\nthree\r\n"_s << qsizetype(15);
    QTest::addRow("lone cr") << u"one\rtwo\r\rthree"_s << qsizetype(14);
    QTest::addRow("cr before crlf") << u"a\r\r\nb"_s << qsizetype(4);
    QTest::addRow("line and paragraph separators") << u"a\u2028b\u2029c"_s << qsizetype(5);
    QTest::addRow("astral") << u"\U0001F600\r\n\U0001D538x"_s << qsizetype(6);
    QTest::addRow("nul") << (u"a"_s + QChar(u'\0') + u"\r\nb"_s) << qsizetype(4);
    QTest::addRow("frame markers and object replacement") << u"a\ufdd0b\ufdd1\r\nc\ufffc"_s << qsizetype(7);
    QTest::addRow("empty") << QString() << qsizetype(0);
}

// The mapping against what QTextDocument really makes of the text: every character of the text
// is at its view position (a line break as a block separator), and positions go back.
void TestViewPositions::everyTextPositionIsItsCharacterInTheView()
{
    QFETCH(QString, text);
    QFETCH(qsizetype, viewLength);
    const ViewPositions positions(text);
    QTextDocument document;
    document.setPlainText(positions.viewText());
    QCOMPARE(qsizetype(document.characterCount() - 1), viewLength);
    QCOMPARE(positions.toView(text.size()), viewLength);
    const auto isBreak = [](QChar c) {
        return c == u'\n' || c == u'\r' || c == QChar::ParagraphSeparator || c == QChar(0xfdd0) || c == QChar(0xfdd1);
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const qsizetype view = positions.toView(i);
        const QChar shown = document.characterAt(int(view));
        if (text.at(i) == u'\n' && i > 0 && text.at(i - 1) == u'\r') {
            // The LF of a CRLF is the separator the CR already stands for: after it is where it goes.
            QCOMPARE(view, positions.toView(i - 1) + 1);
            continue;
        }
        if (isBreak(text.at(i))) {
            QCOMPARE(shown, QChar(QChar::ParagraphSeparator));
        } else {
            QCOMPARE(shown, text.at(i));
        }
        QCOMPARE(positions.toText(view), i);
    }
    QCOMPARE(positions.toText(viewLength), text.size());
}

QTEST_MAIN(TestViewPositions)
#include "tst_viewpositions.moc"
