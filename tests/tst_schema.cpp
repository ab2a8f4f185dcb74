#include "schema.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace annorev;

// The schema is read in core, below QtGui: its colours are checked there, in the hexadecimal forms
// the views' QColor reads.
class TestSchema : public QObject
{
    Q_OBJECT

private slots:
    void labelColoursAreHexadecimal_data();
    void labelColoursAreHexadecimal();
    void builtinColoursAreTheSchemaFilesOwn();
};

void TestSchema::labelColoursAreHexadecimal_data()
{
    QTest::addColumn<QString>("colour");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("#RGB") << u"#1aF"_s << true;
    QTest::addRow("#RRGGBB") << u"#1365CF"_s << true;
    QTest::addRow("#AARRGGBB") << u"#801365cf"_s << true;
    QTest::addRow("#RRRGGGBBB") << u"#123456789"_s << true;
    QTest::addRow("#RRRRGGGGBBBB") << u"#123456789abc"_s << true;
    QTest::addRow("a colour name") << u"red"_s << false;
    QTest::addRow("no #") << u"1365CF"_s << false;
    QTest::addRow("five digits") << u"#1365C"_s << false;
    QTest::addRow("not hexadecimal") << u"#1365CG"_s << false;
    QTest::addRow("empty") << QString() << false;
}

void TestSchema::labelColoursAreHexadecimal()
{
    QFETCH(QString, colour);
    QFETCH(bool, accepted);
    const QByteArray json =
        R"({"labels": [{"name": "model", "type": "model", "colour": ")" + colour.toUtf8() + R"("}]})";
    const Expected<Schema> schema = Schema::fromJson(json);
    QCOMPARE(schema.has_value(), accepted);
    if (accepted) {
        QCOMPARE(schema->labels().first().colour, colour);
    } else {
        QCOMPARE(schema.error().message, u"label 1 (model): \"colour\" is not a colour"_s);
    }
}

void TestSchema::builtinColoursAreTheSchemaFilesOwn()
{
    const LabelInfo *model = Schema::builtin().label(u"model");
    QVERIFY(model);
    QCOMPARE(model->colour, u"#1365CF"_s);
}

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
