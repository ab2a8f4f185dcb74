#pragma once

#include "expected.h"
#include "teamaddress.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <memory>

struct pg_conn;
using PGconn = pg_conn;

namespace annorev {

class PostgresTransaction;

// One Qt SQL connection (QPSQL) to the database of a team batch, and the one way errors leave it:
// every call returns an Expected whose error names the team batch (never a password: the address
// holds none), in the server's words turned into the reviewer's where annorev knows better (a
// refused right, a server gone away).
class PostgresConnection
{
public:
    // libpq's connect_timeout unless the address gives one.
    static constexpr int defaultConnectTimeoutSeconds = 5;

    // Connects; the password, if the server wants one, comes from libpq's usual places.
    static Expected<std::unique_ptr<PostgresConnection>> open(const TeamAddress &address);
    ~PostgresConnection();
    Q_DISABLE_COPY_MOVE(PostgresConnection)

    const TeamAddress &address() const { return m_address; }
    // The address as messages name it.
    QString path() const { return m_address.display(); }
    QSqlDatabase &database() { return m_db; }

    Error errorOf(const QSqlQuery &query) const;
    // The same for an error the server gave as a SQLSTATE and its primary message.
    Error errorOf(const QString &state, const QString &text) const;
    // PostgreSQL's text holds no NUL, which a document's plain text may (a NUL byte in its source):
    // a U+0000 is kept as U+FFFD there. The plain text is only searched; the document's bytes are
    // kept whole in bytea columns.
    static QString storableText(QString text) { return text.replace(QChar(0), QChar(0xfffd)); }
    // The SQLSTATE of a query's last error ("42501": a right refused), empty if none.
    static QString stateOf(const QSqlQuery &query);

    QSqlQuery query() const;
    Expected<void> prepare(QSqlQuery &query, const QString &sql) const;
    // Binds the values, in order, to a prepared statement and runs it.
    Expected<void> exec(QSqlQuery &query, std::initializer_list<QVariant> values = {}) const;
    Expected<void> exec(QSqlQuery &query, const QVariantList &values) const;
    // prepare() then exec().
    Expected<void> run(QSqlQuery &query, const QString &sql, std::initializer_list<QVariant> values = {}) const;
    // Statements without parameters or results, sent as they are (several may be separated by ';').
    Expected<void> runScript(const QString &sql) const;

    // A round trip to the server, connecting again if the connection broke; the error says the
    // server cannot be reached. Inside a transaction, nothing is sent.
    Expected<void> ensureConnected() const;

    // Whether the connection's user (session_user) is a member of the role.
    Expected<bool> hasRole(const QString &role) const;
    // The database user the server knows this connection as: who every write is recorded under.
    Expected<QString> sessionUser() const;

    Expected<PostgresTransaction> begin();
    // A read-only transaction whose reads all see the database as it was when it began; inside a
    // transaction already begun, that one's view (and nothing to commit or roll back).
    Expected<PostgresTransaction> beginSnapshot() const;
    bool inTransaction() const { return m_inTransaction; }

    // libpq's connection under the Qt one, for what Qt SQL cannot do (PostgresCopy); null if none.
    PGconn *handle() const;

private:
    friend class PostgresTransaction;
    PostgresConnection(const TeamAddress &address, const QString &connectionName);
    void rollback();
    // Connects again after the server went away; false when it is still away.
    bool reconnect() const;

    TeamAddress m_address;
    QString m_connectionName;
    mutable QSqlDatabase m_db;
    // The channels listened on, as the last reconnect() found them.
    mutable QStringList m_channels;
    bool m_inTransaction = false;
};

// A transaction that rolls back unless it is committed.
class PostgresTransaction
{
public:
    PostgresTransaction(PostgresTransaction &&other) noexcept;
    PostgresTransaction &operator=(PostgresTransaction &&) = delete;
    PostgresTransaction(const PostgresTransaction &) = delete;
    PostgresTransaction &operator=(const PostgresTransaction &) = delete;
    ~PostgresTransaction();

    Expected<void> commit();

private:
    friend class PostgresConnection;
    explicit PostgresTransaction(PostgresConnection *connection) : m_connection(connection) {}

    PostgresConnection *m_connection = nullptr; // null once committed or rolled back, or when nested
};

} // namespace annorev
