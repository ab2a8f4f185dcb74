#pragma once

#include "expected.h"
#include "textcodec.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <initializer_list>
#include <memory>
#include <optional>

class QSqlError;
struct sqlite3;

namespace annorev {

class SqliteTransaction;

// One Qt SQL connection to a store file, and the one way errors leave it: every call returns
// an Expected whose error names the store, in SQLite's terms turned into the reviewer's (a lock
// held by another process, a full disk).
class SqliteConnection
{
public:
    static constexpr int busyTimeoutMs = 5000;

    // Opens the file and sets the connection up (busy timeout, persistent write-ahead log); the
    // schema is SqliteMigrations' business.
    static Expected<std::unique_ptr<SqliteConnection>> open(const QString &path);
    ~SqliteConnection();
    Q_DISABLE_COPY_MOVE(SqliteConnection)

    const QString &path() const { return m_path; }

    // The message for a SQLite error (code: its extended result code) on the store at path:
    // another process's lock, a full disk, or detail (SQLite's own words).
    static QString describeSqliteError(const QString &path, int code, const QString &detail);
    // What describeSqliteError() says of a lock.
    static QString lockedMessage(const QString &path);
    Error errorOf(const QSqlQuery &query) const;

    // A forward-only query on this connection.
    QSqlQuery query() const;
    Expected<void> prepare(QSqlQuery &query, const QString &sql) const;
    // Binds the values, in order, to a prepared statement and runs it.
    Expected<void> exec(QSqlQuery &query, std::initializer_list<QVariant> values = {}) const;
    // prepare() then exec().
    Expected<void> run(QSqlQuery &query, const QString &sql, std::initializer_list<QVariant> values = {}) const;
    // A statement without results.
    Expected<void> run(const QString &sql) const;
    // Whether a prepared statement gives a row with these values.
    Expected<bool> hasRow(QSqlQuery &query, std::initializer_list<QVariant> values) const;

    // Write-ahead log, synchronous commits and the busy timeout; done once the schema version
    // is read, since switching to WAL writes the file.
    Expected<void> setUpJournal();

    // The SQLite handle under the Qt connection, for SqliteStatement and the reads that cannot
    // afford a QVariant a value (SqliteIndex); null if the driver has none.
    sqlite3 *handle() const;
    // An error for the handle's last failed call, as errorOf() words it.
    Error lastError() const;

    // BEGIN IMMEDIATE: the write lock is taken up front, under the busy timeout, so that a
    // transaction never has to upgrade a read snapshot another process has made stale.
    Expected<SqliteTransaction> beginWrite();

    // The store's text dictionaries as last read (see SqliteTexts); none before.
    const std::optional<TextCodec> &cachedCodec() const { return m_codec; }
    void cacheCodec(TextCodec codec) const { m_codec = std::move(codec); }

    // PRAGMA data_version as SqliteDocuments::changesSince() last read it (-1: never).
    qint64 lastDataVersion() const { return m_dataVersion; }
    void setLastDataVersion(qint64 version) const { m_dataVersion = version; }
    // The meta row SqliteMigrations::batchOrderKey as changesSince() last read it (-1: never).
    qint64 lastBatchOrder() const { return m_batchOrder; }
    void setLastBatchOrder(qint64 order) const { m_batchOrder = order; }

private:
    friend class SqliteTransaction;
    SqliteConnection(const QString &path, const QString &connectionName);
    void rollback();

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    mutable std::optional<TextCodec> m_codec;
    mutable qint64 m_dataVersion = -1;
    mutable qint64 m_batchOrder = -1;
};

// A write transaction that rolls back unless it is committed: a write gives up by returning.
class SqliteTransaction
{
public:
    SqliteTransaction(SqliteTransaction &&other) noexcept;
    SqliteTransaction &operator=(SqliteTransaction &&) = delete;
    SqliteTransaction(const SqliteTransaction &) = delete;
    SqliteTransaction &operator=(const SqliteTransaction &) = delete;
    ~SqliteTransaction();

    // Rolls back when the commit fails.
    Expected<void> commit();

private:
    friend class SqliteConnection;
    explicit SqliteTransaction(SqliteConnection *connection) : m_connection(connection) {}

    SqliteConnection *m_connection = nullptr; // null once committed or rolled back
};

} // namespace annorev
