#include "postgresconnection.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QStringBuilder>

#include <atomic>

namespace annorev {

namespace {

const QString driverName = QStringLiteral("QPSQL");

// SQLSTATE classes and codes annorev words itself (PostgreSQL manual, appendix A).
bool isConnectionLoss(const QString &state)
{
    return state.startsWith(u"08") || state == u"57P01" || state == u"57P02" || state == u"57P03";
}

// The server's own words: the primary message, without the "ERROR:" and "(42501)" Qt adds.
QString serverText(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.startsWith(u"ERROR:")) {
        text = text.mid(6).trimmed();
    }
    if (text.isEmpty()) {
        text = error.driverText().trimmed();
    }
    const qsizetype newline = text.indexOf(u'\n');
    return newline < 0 ? text : text.left(newline);
}

} // namespace

PostgresConnection::PostgresConnection(const TeamAddress &address, const QString &connectionName)
    : m_address(address), m_connectionName(connectionName), m_db(QSqlDatabase::addDatabase(driverName, connectionName))
{
}

PostgresConnection::~PostgresConnection()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Expected<std::unique_ptr<PostgresConnection>> PostgresConnection::open(const TeamAddress &address)
{
    if (!QSqlDatabase::isDriverAvailable(driverName)) {
        return Error{QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not installed; on Debian it is the package "
                                    "libqt6sql6-psql")};
    }
    static std::atomic<quint64> opened{0};
    const QString name = u"annorev-team-" % QString::number(++opened);
    std::unique_ptr<PostgresConnection> connection(new PostgresConnection(address, name));
    QSqlDatabase &db = connection->m_db;
    db.setHostName(address.host);
    if (address.port != -1) {
        db.setPort(address.port);
    }
    db.setUserName(address.user);
    db.setDatabaseName(address.database);
    // application_name shows the server's administrator who is connected (pg_stat_activity).
    QString options = address.connectOptions();
    if (!options.contains(u"application_name=")) {
        options += (options.isEmpty() ? u"" : u";") % QStringLiteral("application_name=annorev");
    }
    // libpq waits for a host that does not answer as long as TCP does (minutes); the window's calls
    // are made on its own thread, so a server gone away must be given up on in seconds.
    if (!options.contains(u"connect_timeout=")) {
        options += u";connect_timeout=" % QString::number(defaultConnectTimeoutSeconds);
    }
    db.setConnectOptions(options);
    if (!db.open()) {
        return Error{u"cannot connect to the team batch " % address.display() % u": " % serverText(db.lastError())};
    }
    return connection;
}

QString PostgresConnection::stateOf(const QSqlQuery &query)
{
    return query.lastError().nativeErrorCode();
}

Error PostgresConnection::errorOf(const QSqlQuery &query) const
{
    const QSqlError error = query.lastError();
    return errorOf(error.nativeErrorCode(), serverText(error));
}

Error PostgresConnection::errorOf(const QString &state, const QString &text) const
{
    // A failed statement aborts the server's transaction: it is rolled back at once, so that
    // nothing more is sent into it (not even the driver's freeing of prepared statements).
    if (m_inTransaction) {
        const_cast<PostgresConnection *>(this)->rollback();
    }
    if (isConnectionLoss(state) || (!m_db.isOpen() && state.isEmpty())) {
        return Error{u"the server of the team batch " % path() % u" cannot be reached (" % text %
                     u"); nothing of this was saved, try again"};
    }
    if (state == u"42501") {
        return Error{u"the team batch " % path() % u": not allowed: " % text};
    }
    return Error{u"the team batch " % path() % u": " % text};
}

QSqlQuery PostgresConnection::query() const
{
    // A server that went away and came back: reads go on on a new connection (writes make theirs
    // in begin(), never in the middle of a transaction).
    if (!m_db.isOpen()) {
        reconnect();
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    return query;
}

Expected<void> PostgresConnection::prepare(QSqlQuery &query, const QString &sql) const
{
    if (!query.prepare(sql)) {
        return errorOf(query);
    }
    return {};
}

Expected<void> PostgresConnection::exec(QSqlQuery &query, std::initializer_list<QVariant> values) const
{
    int i = 0;
    for (const QVariant &value : values) {
        query.bindValue(i++, value);
    }
    if (!query.exec()) {
        return errorOf(query);
    }
    return {};
}

Expected<void> PostgresConnection::exec(QSqlQuery &query, const QVariantList &values) const
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        query.bindValue(int(i), values[i]);
    }
    if (!query.exec()) {
        return errorOf(query);
    }
    return {};
}

Expected<void> PostgresConnection::run(QSqlQuery &query, const QString &sql,
                                       std::initializer_list<QVariant> values) const
{
    if (Expected<void> prepared = prepare(query, sql); !prepared) {
        return prepared;
    }
    return exec(query, values);
}

Expected<void> PostgresConnection::runScript(const QString &sql) const
{
    QSqlQuery query = this->query();
    if (!query.exec(sql)) {
        return errorOf(query);
    }
    return {};
}

Expected<void> PostgresConnection::ensureConnected() const
{
    if (m_inTransaction) {
        return {};
    }
    {
        QSqlQuery query = this->query();
        if (query.exec(QStringLiteral("SELECT 1"))) {
            return {};
        }
    }
    if (reconnect()) {
        QSqlQuery query = this->query();
        if (query.exec(QStringLiteral("SELECT 1"))) {
            return {};
        }
    }
    return Error{u"the server of the team batch " % path() % u" cannot be reached (" % serverText(m_db.lastError()) %
                 u")"};
}

Expected<bool> PostgresConnection::hasRole(const QString &role) const
{
    QSqlQuery query = this->query();
    if (Expected<void> done = run(query, QStringLiteral("SELECT pg_has_role(session_user, ?, 'MEMBER')"), {role});
        !done) {
        return done.error();
    }
    if (!query.next()) {
        return errorOf(query);
    }
    return query.value(0).toBool();
}

Expected<QString> PostgresConnection::sessionUser() const
{
    QSqlQuery query = this->query();
    if (!query.exec(QStringLiteral("SELECT session_user")) || !query.next()) {
        return errorOf(query);
    }
    return query.value(0).toString();
}

Expected<PostgresTransaction> PostgresConnection::beginSnapshot() const
{
    if (m_inTransaction) {
        return PostgresTransaction(nullptr);
    }
    auto *self = const_cast<PostgresConnection *>(this);
    Expected<PostgresTransaction> transaction = self->begin();
    if (transaction) {
        if (Expected<void> set =
                runScript(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"));
            !set) {
            return set.error();
        }
    }
    return transaction;
}

Expected<PostgresTransaction> PostgresConnection::begin()
{
    if (m_inTransaction) {
        return Error{u"the team batch " % path() % u": a write began inside another (a bug in annorev)"};
    }
    // A server that went away and came back: the connection is made again before a new write,
    // never in the middle of one (whose outcome the server alone knows).
    if (!m_db.isOpen() && !reconnect()) {
        return Error{u"the server of the team batch " % path() % u" cannot be reached (" %
                     serverText(m_db.lastError()) % u"); nothing of this was saved, try again"};
    }
    if (!m_db.transaction()) {
        const QSqlError error = m_db.lastError();
        // The connection broke since the last call: once more, on a new one.
        if (!reconnect() || !m_db.transaction()) {
            return Error{u"the server of the team batch " % path() % u" cannot be reached (" % serverText(error) %
                         u"); nothing of this was saved, try again"};
        }
    }
    m_inTransaction = true;
    return PostgresTransaction(this);
}

PGconn *PostgresConnection::handle() const
{
    const QVariant handle = m_db.driver() ? m_db.driver()->handle() : QVariant();
    // Qt names the type from the declaration it saw: the typedef, or the struct behind it.
    if (!handle.isValid() ||
        (qstrcmp(handle.typeName(), "PGconn*") != 0 && qstrcmp(handle.typeName(), "pg_conn*") != 0)) {
        return nullptr;
    }
    return *static_cast<PGconn *const *>(handle.constData());
}

bool PostgresConnection::reconnect() const
{
    // Closing forgets the LISTENs; a window that listened goes on hearing of changes. An attempt
    // while the server was still away closed them already: the channels are those kept before it.
    const QStringList channels = m_db.driver()->subscribedToNotifications();
    if (!channels.isEmpty()) {
        m_channels = channels;
    }
    m_db.close();
    if (!m_db.open()) {
        return false;
    }
    for (const QString &channel : std::as_const(m_channels)) {
        m_db.driver()->subscribeToNotification(channel);
    }
    return true;
}

void PostgresConnection::rollback()
{
    m_db.rollback();
    m_inTransaction = false;
}

PostgresTransaction::PostgresTransaction(PostgresTransaction &&other) noexcept
    : m_connection(std::exchange(other.m_connection, nullptr))
{
}

PostgresTransaction::~PostgresTransaction()
{
    if (m_connection && m_connection->m_inTransaction) {
        m_connection->rollback();
    }
}

Expected<void> PostgresTransaction::commit()
{
    PostgresConnection *connection = std::exchange(m_connection, nullptr);
    if (!connection) {
        return {};
    }
    if (!connection->m_inTransaction) {
        // A statement failed and rolled it back; its caller would have returned that error.
        return Error{u"the team batch " % connection->path() % u": the change was rolled back; nothing was saved"};
    }
    connection->m_inTransaction = false;
    if (!connection->m_db.commit()) {
        const QSqlError error = connection->m_db.lastError();
        connection->rollback();
        const QString state = error.nativeErrorCode();
        if (isConnectionLoss(state) || !connection->m_db.isOpen()) {
            return Error{u"the server of the team batch " % connection->path() %
                         u" went away while saving; the change may not have been saved: look again before "
                         "repeating it"};
        }
        return Error{u"the team batch " % connection->path() % u": " % serverText(error)};
    }
    return {};
}

} // namespace annorev
