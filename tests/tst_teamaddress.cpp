// How a team batch's address is read: what goes to libpq, what is refused, and that a password
// never comes back in a message or in the address as shown.

#include "expectedsupport.h"
#include "postgres/teamaddress.h"

#include <QTest>

using namespace annorev;
using namespace Qt::StringLiterals;

class TestTeamAddress : public QObject
{
    Q_OBJECT

private slots:
    void addressesAreTakenApartForLibpq_data();
    void addressesAreTakenApartForLibpq();
    void refusalsNeverRepeatTheAddress_data();
    void refusalsNeverRepeatTheAddress();
    void theShownAddressOpensTheSameBatch();
    void optionValuesAreQuotedForLibpq();
    void aDatabaseWithoutABatchIsTakenOnlyWhereAsked();
};

void TestTeamAddress::addressesAreTakenApartForLibpq_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("batch");
    QTest::addColumn<QStringList>("options");

    QTest::newRow("host and database") << u"postgresql://db.example/review?batch=b1"_s << u"db.example"_s << -1
                                       << QString() << u"review"_s << u"b1"_s << QStringList();
    QTest::newRow("user, port") << u"postgresql://ann@db.example:6543/review?batch=b1"_s << u"db.example"_s << 6543
                                << u"ann"_s << u"review"_s << u"b1"_s << QStringList();
    QTest::newRow("postgres scheme") << u"postgres://db/review?batch=b1"_s << u"db"_s << -1 << QString() << u"review"_s
                                     << u"b1"_s << QStringList();
    QTest::newRow("socket directory") << u"postgresql:///review?host=/run/pg&batch=b1"_s << u"/run/pg"_s << -1
                                      << QString() << u"review"_s << u"b1"_s << QStringList();
    QTest::newRow("percent-encoded socket") << u"postgresql://%2Frun%2Fpg/review?batch=b1"_s << u"/run/pg"_s << -1
                                            << QString() << u"review"_s << u"b1"_s << QStringList();
    QTest::newRow("libpq options kept in order")
        << u"postgresql://db/review?sslmode=require&batch=b1&connect_timeout=5"_s << u"db"_s << -1 << QString()
        << u"review"_s << u"b1"_s << QStringList{u"sslmode=require"_s, u"connect_timeout=5"_s};
    QTest::newRow("batch name with spaces") << u"postgresql://db/review?batch=round%202%20papers"_s << u"db"_s << -1
                                            << QString() << u"review"_s << u"round 2 papers"_s << QStringList();
    QTest::newRow("user option wins") << u"postgresql://ann@db/review?user=bob&batch=b1"_s << u"db"_s << -1 << u"bob"_s
                                      << u"review"_s << u"b1"_s << QStringList();
}

void TestTeamAddress::addressesAreTakenApartForLibpq()
{
    QFETCH(QString, location);
    const Expected<TeamAddress> address = TeamAddress::parse(location);
    QVERIFY_OK(address);
    QTEST(address->host, "host");
    QTEST(address->port, "port");
    QTEST(address->user, "user");
    QTEST(address->database, "database");
    QTEST(address->batch, "batch");
    QTEST(address->options, "options");
    QVERIFY(TeamAddress::isAddress(location));
}

void TestTeamAddress::refusalsNeverRepeatTheAddress_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("says");

    QTest::newRow("password in the address") << u"postgresql://ann:hunter2@db/review?batch=b1"_s << u"password"_s;
    QTest::newRow("empty password") << u"postgresql://ann:@db/review?batch=b1"_s << u"password"_s;
    QTest::newRow("password option") << u"postgresql://db/review?batch=b1&password=hunter2"_s << u"password"_s;
    QTest::newRow("ssl key password") << u"postgresql://db/review?batch=b1&sslpassword=hunter2"_s << u"sslpassword"_s;
    QTest::newRow("no batch") << u"postgresql://db/review?hunter2=1"_s << u"no batch"_s;
    QTest::newRow("no database") << u"postgresql://db/?batch=hunter2"_s << u"no database"_s;
    QTest::newRow("batch twice") << u"postgresql://db/review?batch=hunter2&batch=b"_s << u"twice"_s;
    QTest::newRow("port not a number") << u"postgresql://db/review?batch=b&port=hunter2"_s << u"port"_s;
    QTest::newRow("semicolon in a value") << u"postgresql://db/review?batch=b&options=hunter2;x"_s << u"';'"_s;
    QTest::newRow("not a keyword") << u"postgresql://db/review?batch=b&hunter%202=1"_s << u"libpq keyword"_s;
    QTest::newRow("fragment") << u"postgresql://db/review?batch=b#hunter2"_s << u"'#'"_s;
    QTest::newRow("more path") << u"postgresql://db/review/hunter2?batch=b"_s << u"more than a database"_s;
}

void TestTeamAddress::refusalsNeverRepeatTheAddress()
{
    QFETCH(QString, location);
    QFETCH(QString, says);
    const QString error = test::errorOf(TeamAddress::parse(location));
    QVERIFY2(error.contains(says), qPrintable(error));
    QVERIFY2(!error.contains(u"hunter2"), qPrintable(error));
}

void TestTeamAddress::theShownAddressOpensTheSameBatch()
{
    const Expected<TeamAddress> address = TeamAddress::parse(
        u"postgresql://ann@db:5433/review?batch=b%26c&sslmode=verify-full&application_name=a%20b%26c"_s);
    QVERIFY_OK(address);
    QCOMPARE(address->display(),
             u"postgresql://ann@db:5433/review?batch=b%26c&sslmode=verify-full&application_name=a%20b%26c"_s);
    const Expected<TeamAddress> again = TeamAddress::parse(address->display());
    QVERIFY_OK(again);
    QCOMPARE(again->batch, u"b&c"_s);
    QCOMPARE(again->options, address->options);
    QCOMPARE(again->port, 5433);
    const Expected<TeamAddress> socket = TeamAddress::parse(u"postgresql:///review?host=/run/pg&batch=b"_s);
    QVERIFY_OK(socket);
    QCOMPARE(TeamAddress::parse(socket->display())->host, u"/run/pg"_s);
}

void TestTeamAddress::optionValuesAreQuotedForLibpq()
{
    const Expected<TeamAddress> address =
        TeamAddress::parse(u"postgresql://db/review?batch=b1&application_name=it%27s%20me&options=-c%20a%3D%5Cb"_s);
    QVERIFY_OK(address);
    QCOMPARE(address->connectOptions(), u"application_name='it\\'s me';options='-c a=\\\\b'"_s);
}

void TestTeamAddress::aDatabaseWithoutABatchIsTakenOnlyWhereAsked()
{
    QVERIFY(!TeamAddress::parse(u"postgresql://db/review"_s));
    const Expected<TeamAddress> address = TeamAddress::parse(u"postgresql://db/review"_s, false);
    QVERIFY_OK(address);
    QCOMPARE(address->display(), u"postgresql://db/review"_s);
}

QTEST_GUILESS_MAIN(TestTeamAddress)
#include "tst_teamaddress.moc"
