#include "jsonstring.h"

#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonValue>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace annorev;

class TestJsonString : public QObject
{
    Q_OBJECT

private slots:
    void writesValidJsonThatReadsBackTheSameText_data();
    void writesValidJsonThatReadsBackTheSameText();
    void escapesOnlyWhatJsonRequires();
    void loneSurrogateBecomesReplacementCharacter();
};

void TestJsonString::writesValidJsonThatReadsBackTheSameText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("empty") << QString();
    QTest::addRow("ascii") << u"plain <model>text</model>"_s;
    QTest::addRow("quotes and backslashes") << u"a \"b\" \\ c"_s;
    QTest::addRow("controls") << u"line\nnext\r\ttab\u0001\u001f"_s;
    QTest::addRow("two and three byte") << u"é — α €"_s;
    QTest::addRow("astral") << u"\U0001F600 \U0001D538"_s;
    // A surrogate pair that straddles the encoder's 4,096-unit block.
    QTest::addRow("pair across a block") << QString(4095, u'x') + u"\U0001F600"_s + QString(10, u'y');
    QTest::addRow("long") << QString(20000, u'\u00e9');
}

void TestJsonString::writesValidJsonThatReadsBackTheSameText()
{
    QFETCH(QString, text);
    const QByteArray json = "[" + JsonString::quoted(text) + "]";
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.array().at(0).toString(), text);
}

void TestJsonString::escapesOnlyWhatJsonRequires()
{
    QCOMPARE(JsonString::quoted(u"a\"\\\n\u0002</é>"_s), QByteArray("\"a\\\"\\\\\\n\\u0002</\xc3\xa9>\""));
}

void TestJsonString::loneSurrogateBecomesReplacementCharacter()
{
    const QChar lone(char16_t(0xd800));
    QCOMPARE(JsonString::quoted(QString(QString(lone) + u"x"_s)), QByteArray("\"\xef\xbf\xbdx\""));
}

QTEST_GUILESS_MAIN(TestJsonString)
#include "tst_jsonstring.moc"
