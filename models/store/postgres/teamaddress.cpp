#include "teamaddress.h"

#include <QRegularExpression>
#include <QStringBuilder>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace annorev {

namespace {

// The libpq keywords that carry a secret; an address is refused with any of them.
bool isSecret(const QString &key)
{
    return key == u"password" || key == u"sslpassword";
}

bool isKeyword(const QString &key)
{
    if (key.isEmpty()) {
        return false;
    }
    for (QChar c : key) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_') {
            return false;
        }
    }
    return true;
}

// A value quoted as a libpq connection string wants it: in single quotes, with \ and ' escaped.
QString quoted(const QString &value)
{
    QString text = value;
    text.replace(u'\\', QStringLiteral("\\\\"));
    text.replace(u'\'', QStringLiteral("\\'"));
    return u'\'' % text % u'\'';
}

} // namespace

bool TeamAddress::isAddress(const QString &location)
{
    return location.startsWith(u"postgresql://") || location.startsWith(u"postgres://");
}

Expected<TeamAddress> TeamAddress::parse(const QString &location, bool batchRequired)
{
    // The messages below never repeat the address: it may carry a password.
    if (!isAddress(location)) {
        return Error{QStringLiteral("a team batch is addressed as postgresql://[user@]host[:port]/dbname?batch=NAME")};
    }
    // libpq takes a socket directory in place of the host, percent-encoded
    // (postgresql://%2Frun%2Fpostgresql/db); a URL cannot hold a '/' in its host, so it is set
    // apart and the rest read without it.
    QString readable = location;
    QString socketDirectory;
    {
        const qsizetype start = location.indexOf(u"://") + 3;
        const qsizetype end = location.indexOf(QRegularExpression(QStringLiteral("[/?#]")), start);
        const QString authority = location.mid(start, end < 0 ? -1 : end - start);
        const qsizetype hostStart = authority.lastIndexOf(u'@') + 1;
        const QString host = authority.mid(hostStart);
        if (host.startsWith(u"%2F", Qt::CaseInsensitive)) {
            const qsizetype colon = host.lastIndexOf(u':');
            socketDirectory = QUrl::fromPercentEncoding(host.left(colon < 0 ? host.size() : colon).toUtf8());
            readable = location.left(start + hostStart) % (colon < 0 ? QString() : u"localhost" % host.mid(colon)) %
                       location.mid(start + authority.size());
        }
    }
    const QUrl url(readable, QUrl::StrictMode);
    if (!url.isValid()) {
        return Error{QStringLiteral("the team batch address is not a valid URL; it is written "
                                    "postgresql://[user@]host[:port]/dbname?batch=NAME")};
    }
    // user:password@host; the password may be empty and still be meant as one.
    const QString afterScheme = location.mid(location.indexOf(u"://") + 3);
    const QString authority = afterScheme.left(afterScheme.indexOf(QRegularExpression(QStringLiteral("[/?#]"))));
    if (!url.password().isEmpty() || authority.left(authority.lastIndexOf(u'@') + 1).contains(u':')) {
        return Error{QStringLiteral("the team batch address holds a password, which annorev does not take on the "
                                    "command line; put it in ~/.pgpass (or PGPASSFILE, PGPASSWORD, a service file) "
                                    "and give the address without it")};
    }
    if (url.hasFragment()) {
        return Error{QStringLiteral("the team batch address has a '#' part, which means nothing to a database")};
    }
    TeamAddress address;
    address.host = socketDirectory.isEmpty() ? url.host(QUrl::FullyDecoded) : socketDirectory;
    address.port = url.port(-1);
    address.user = url.userName(QUrl::FullyDecoded);
    address.database = url.path(QUrl::FullyDecoded).mid(1);
    if (address.database.contains(u'/')) {
        return Error{QStringLiteral("the team batch address names more than a database after the host: "
                                    "postgresql://host/dbname?batch=NAME")};
    }
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == u"batch") {
            if (!address.batch.isNull()) {
                return Error{QStringLiteral("the team batch address names batch= twice")};
            }
            address.batch = value;
            if (address.batch.isNull()) {
                address.batch = QStringLiteral("");
            }
        } else if (isSecret(key)) {
            return Error{u"the team batch address holds a " % key %
                         u", which annorev does not take on the command line; put it in ~/.pgpass (or PGPASSFILE, "
                         "PGPASSWORD, a service file) and give the address without it"};
        } else if (!isKeyword(key)) {
            return Error{QStringLiteral("the team batch address has an option that is not a libpq keyword: "
                                        "options are written key=value, joined by '&'")};
        } else if (key == u"host" || key == u"port" || key == u"user" || key == u"dbname") {
            // The URL's own parts and these options say the same thing; the option wins, as in libpq.
            if (key == u"host") {
                address.host = value;
            } else if (key == u"port") {
                bool ok = false;
                address.port = value.toInt(&ok);
                if (!ok || address.port <= 0 || address.port > 65535) {
                    return Error{
                        QStringLiteral("the team batch address has a port that is not a number from 1 to 65535")};
                }
            } else if (key == u"user") {
                address.user = value;
            } else {
                address.database = value;
            }
        } else if (value.contains(u';')) {
            // Qt's PostgreSQL driver joins options with ';', so a value cannot hold one.
            return Error{u"the team batch address's " % key % u" option holds a ';', which annorev cannot pass on"};
        } else {
            address.options.append(key % u'=' % value);
        }
    }
    if (address.batch.isEmpty() && batchRequired) {
        return Error{QStringLiteral("the team batch address names no batch: add ?batch=NAME "
                                    "(postgresql://host/dbname?batch=NAME)")};
    }
    if (address.batch.size() > 200 || std::any_of(address.batch.cbegin(), address.batch.cend(),
                                                  [](QChar c) { return c.category() == QChar::Other_Control; })) {
        return Error{QStringLiteral("a team batch's name is at most 200 characters, none of them control characters")};
    }
    if (address.database.isEmpty()) {
        return Error{QStringLiteral("the team batch address names no database: postgresql://host/dbname?batch=NAME")};
    }
    return address;
}

QString TeamAddress::display() const
{
    QString text = QStringLiteral("postgresql://");
    if (!user.isEmpty()) {
        text += QString::fromUtf8(QUrl::toPercentEncoding(user)) % u'@';
    }
    if (!host.startsWith(u'/')) {
        text += host;
    }
    if (port != -1) {
        text += u':' % QString::number(port);
    }
    text += u'/' % QString::fromUtf8(QUrl::toPercentEncoding(database));
    QStringList query;
    if (!batch.isEmpty()) {
        query.append(u"batch=" % QString::fromUtf8(QUrl::toPercentEncoding(batch)));
    }
    if (host.startsWith(u'/')) {
        query.append(u"host=" % QString::fromUtf8(QUrl::toPercentEncoding(host, "/")));
    }
    for (const QString &option : options) {
        const qsizetype equals = option.indexOf(u'=');
        query.append(option.left(equals) % u'=' % QString::fromUtf8(QUrl::toPercentEncoding(option.mid(equals + 1))));
    }
    return query.isEmpty() ? text : text % u'?' % query.join(u'&');
}

QString TeamAddress::connectOptions() const
{
    QStringList parts;
    for (const QString &option : options) {
        const qsizetype equals = option.indexOf(u'=');
        parts.append(option.left(equals) % u'=' % quoted(option.mid(equals + 1)));
    }
    return parts.join(u';');
}

} // namespace annorev
