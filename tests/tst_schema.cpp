#include "document.h"
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
    void spansKeepTheirLabelsAfterTheSchemaIsGone();
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

// Spans hold their label's name without a reference count of their own (internedString): a
// document outlives the schema it was parsed with, as when the window reads another schema file.
void TestSchema::spansKeepTheirLabelsAfterTheSchemaIsGone()
{
    std::optional<Document> doc;
    {
        auto schema = std::make_unique<Expected<Schema>>(
            Schema::fromJson(R"({"labels": [{"name": "lab" , "type": "model"}, {"name": "rare_only_here"}]})"));
        QVERIFY(schema->has_value());
        doc = Document::parse("<lab>A</lab> and <rare_only_here>B</rare_only_here>", **schema);
        QCOMPARE(doc->spans().size(), 2);
        QCOMPARE(doc->spans().at(0).label.constData(), (*schema)->labels().at(0).name.constData());
    }
    QCOMPARE(doc->spans().at(0).label, u"lab"_s);
    QCOMPARE(doc->spans().at(1).label, u"rare_only_here"_s);
    const Expected<Schema> again = Schema::fromJson(R"({"labels": [{"name": "rare_only_here"}]})");
    QCOMPARE(again->labels().at(0).name.constData(), doc->spans().at(1).label.constData());
}

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
