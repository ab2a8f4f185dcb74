#include "countryaliases.h"
#include "expectedsupport.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace annorev;
using annorev::test::errorOf;

class TestCountryAliases : public QObject
{
    Q_OBJECT

private slots:
    void builtinMapsAliasesToCanonicalName_data();
    void builtinMapsAliasesToCanonicalName();
    void builtinKeepsUnknownTextTrimmed_data();
    void builtinKeepsUnknownTextTrimmed();
    void fromJsonReadsCountriesAndAliases();
    void fromJsonRejectsInvalidInput_data();
    void fromJsonRejectsInvalidInput();
};

void TestCountryAliases::builtinMapsAliasesToCanonicalName_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::addRow("alias") << u"USA"_s << u"United States"_s;
    QTest::addRow("alias with dots") << u"U.S."_s << u"United States"_s;
    QTest::addRow("long alias") << u"United States of America"_s << u"United States"_s;
    QTest::addRow("canonical maps to itself") << u"United States"_s << u"United States"_s;
    QTest::addRow("canonical without aliases") << u"Canada"_s << u"Canada"_s;
    QTest::addRow("lower case") << u"uk"_s << u"United Kingdom"_s;
    QTest::addRow("upper case canonical") << u"GERMANY"_s << u"Germany"_s;
    QTest::addRow("mixed case alias") << u"the united kingdom"_s << u"United Kingdom"_s;
    QTest::addRow("surrounding white space") << u"  PRC\n"_s << u"China"_s;
    QTest::addRow("line break inside") << u"South\nKorea"_s << u"South Korea"_s;
    QTest::addRow("run of white space inside") << u"South \t\r\n\v\f Korea"_s << u"South Korea"_s;
    QTest::addRow("no-break space inside") << u"South\u00A0Korea"_s << u"South Korea"_s;
    QTest::addRow("white space everywhere, upper case") << u"\t UNITED \n  KINGDOM \r"_s << u"United Kingdom"_s;
    QTest::addRow("non-ASCII alias") << u"T\u00FCrkiye"_s << u"Turkey"_s;
    QTest::addRow("non-ASCII alias upper case") << u"T\u00DCRKIYE"_s << u"Turkey"_s;
    QTest::addRow("apostrophe") << u"people's republic of china"_s << u"China"_s;
}

void TestCountryAliases::builtinMapsAliasesToCanonicalName()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    QCOMPARE(CountryAliases::builtin().canonical(text), expected);
    QVERIFY(CountryAliases::builtin().isKnown(text));
}

void TestCountryAliases::builtinKeepsUnknownTextTrimmed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::addRow("unknown country") << u"Atlantis"_s << u"Atlantis"_s;
    QTest::addRow("trimmed") << u"  Atlantis \n"_s << u"Atlantis"_s;
    QTest::addRow("case kept") << u"aTLANTIS"_s << u"aTLANTIS"_s;
    QTest::addRow("part of an alias") << u"United"_s << u"United"_s;
    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("white space only") << u" \n\t "_s << QString();
    QTest::addRow("inner white space kept") << u"  New \n Atlantis "_s << u"New \n Atlantis"_s;
}

void TestCountryAliases::builtinKeepsUnknownTextTrimmed()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    QCOMPARE(CountryAliases::builtin().canonical(text), expected);
    QVERIFY(!CountryAliases::builtin().isKnown(text));
}

void TestCountryAliases::fromJsonReadsCountriesAndAliases()
{
    const Expected<CountryAliases> aliases =
        CountryAliases::fromJson(R"({"version": 1, "countries": {"Freedonia": ["FD", "Free Land"], "Sylvania": []}})");
    QVERIFY2(aliases, qPrintable(errorOf(aliases)));
    QCOMPARE(aliases->canonical(u"fd"), u"Freedonia"_s);
    QCOMPARE(aliases->canonical(u"FREE LAND"), u"Freedonia"_s);
    QCOMPARE(aliases->canonical(u" sylvania "), u"Sylvania"_s);
    QCOMPARE(aliases->canonical(u"United States"), u"United States"_s);
    QVERIFY(!aliases->isKnown(u"United States"));
}

void TestCountryAliases::fromJsonRejectsInvalidInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");

    QTest::addRow("not JSON") << QByteArray("{\"countries\": ") << u"invalid JSON"_s;
    QTest::addRow("empty") << QByteArray() << u"invalid JSON"_s;
    QTest::addRow("array") << QByteArray("[]") << u"\"countries\" object"_s;
    QTest::addRow("no countries") << QByteArray(R"({"version": 1})") << u"\"countries\" object"_s;
    QTest::addRow("countries is an array") << QByteArray(R"({"countries": []})") << u"\"countries\" object"_s;
    QTest::addRow("unknown version") << QByteArray(R"({"version": 2, "countries": {}})") << u"version 2"_s;
    QTest::addRow("aliases not an array")
        << QByteArray(R"({"countries": {"Freedonia": "FD"}})") << u"aliases of \"Freedonia\""_s;
    QTest::addRow("alias not a string") << QByteArray(R"({"countries": {"Freedonia": [1]}})")
                                        << u"aliases of \"Freedonia\""_s;
    QTest::addRow("empty alias") << QByteArray(R"({"countries": {"Freedonia": [" "]}})")
                                 << u"\"Freedonia\" has an empty name"_s;
    QTest::addRow("empty canonical name") << QByteArray(R"({"countries": {"": []}})") << u"empty name"_s;
    QTest::addRow("alias of two countries") << QByteArray(R"({"countries": {"Freedonia": ["FD"], "Sylvania": ["fd"]}})")
                                            << u"\"fd\" names both \"Freedonia\" and \"Sylvania\""_s;
    QTest::addRow("alias is another country")
        << QByteArray(R"({"countries": {"Freedonia": ["Sylvania"], "Sylvania": []}})") << u"names both"_s;
}

void TestCountryAliases::fromJsonRejectsInvalidInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);

    const Expected<CountryAliases> aliases = CountryAliases::fromJson(json);
    QVERIFY(!aliases);
    QVERIFY2(aliases.error().message.contains(error), qPrintable(aliases.error().message));
}

QTEST_GUILESS_MAIN(TestCountryAliases)
#include "tst_countryaliases.moc"
