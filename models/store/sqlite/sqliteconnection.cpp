#include "sqliteconnection.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QStorageInfo>

#include <atomic>
#include <sqlite3.h>

namespace annorev {

namespace {

// The sqlite3 handle under a Qt SQL connection (Debian's QSQLITE driver links the system
// libsqlite3, the same library this file calls).
sqlite3 *handleOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return nullptr;
    }
    return *static_cast<sqlite3 *const *>(handle.constData());
}

// A run that could not write the store (its file read-only then) leaves -wal and -shm files
// with the store's read-only permissions, as SQLite creates them; with such a -shm, every later
// write fails with "attempt to write a readonly database" even once the store is writable
// again. They get the store's permissions back; changing the mode of a file that another process
// has open does not disturb it.
Expected<void> repairSidecars(const QString &path)
{
    const QFileInfo storeInfo(path);
    if (!storeInfo.isFile() || !storeInfo.isWritable()) {
        return {};
    }
    for (const QLatin1StringView suffix : {QLatin1StringView("-wal"), QLatin1StringView("-shm")}) {
        const QString sidecar = path + suffix;
        const QFileInfo sidecarInfo(sidecar);
        if (sidecarInfo.exists() && !sidecarInfo.isWritable() &&
            !QFile::setPermissions(sidecar, sidecarInfo.permissions() | storeInfo.permissions())) {
            return Error{u"the store " % path % u" cannot be written: " % sidecar %
                         u" is read-only and belongs to someone else; make it writable, or delete it "
                         u"while no annorev uses the store"};
        }
    }
    return {};
}

} // namespace

SqliteConnection::SqliteConnection(const QString &path, const QString &connectionName)
    : m_path(path), m_connectionName(connectionName),
      m_db(QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName))
{
}

SqliteConnection::~SqliteConnection()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Expected<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const QString &path)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        return Error{QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed")};
    }
    if (Expected<void> repaired = repairSidecars(path); !repaired) {
        return repaired.error();
    }
    static std::atomic<quint64> opened{0};
    const QString name = u"annorev-store-" % QString::number(++opened);
    std::unique_ptr<SqliteConnection> connection(new SqliteConnection(path, name));
    QSqlDatabase &db = connection->m_db;
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=" % QString::number(busyTimeoutMs));
    if (!db.open()) {
        return Error{u"cannot open the store " % path % u": " % db.lastError().text()};
    }
    // A closing connection that believes it is the last one deletes the -wal and -shm files. If
    // anything in another annorev process opened and closed the store file, that process lost
    // its POSIX locks and looks gone, yet it still writes to the files it has open: its commits
    // would go to a deleted log. With a persistent WAL nothing is deleted, so they are not lost.
    sqlite3 *handle = handleOf(db);
    int persist = 1;
    if (!handle || sqlite3_file_control(handle, "main", SQLITE_FCNTL_PERSIST_WAL, &persist) != SQLITE_OK) {
        return Error{u"cannot open the store " % path %
                     u": the SQLite driver does not let annorev keep the write-ahead log"};
    }
    return connection;
}

sqlite3 *SqliteConnection::handle() const
{
    return handleOf(m_db);
}

Error SqliteConnection::lastHandleError() const
{
    sqlite3 *db = handle();
    return Error{db ? describeSqliteError(m_path, sqlite3_extended_errcode(db), QString::fromUtf8(sqlite3_errmsg(db)))
                    : QString(u"the store " % m_path % u": no connection")};
}

QString SqliteConnection::lockedMessage(const QString &path)
{
    return u"the store " % path % u" is locked by another annorev process; try again";
}

QString SqliteConnection::describeSqliteError(const QString &path, int code, const QString &detail)
{
    const int primary = code & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
        return lockedMessage(path);
    }
    // SQLite says SQLITE_FULL when a write comes up short, but "disk I/O error" when growing the
    // shared-memory file or syncing runs out of space; either way the reviewer needs to hear that
    // the disk is full. An I/O error with next to nothing left on the disk is taken for that.
    constexpr qint64 nearlyFull = 1024 * 1024;
    const QStorageInfo disk(QFileInfo(path).absolutePath());
    if (primary == SQLITE_FULL || (primary == SQLITE_IOERR && disk.isValid() && disk.bytesAvailable() < nearlyFull)) {
        return u"the disk holding the store " % path % u" is full; free some space and try again";
    }
    return u"the store " % path % u": " % detail;
}

Error SqliteConnection::errorOf(const QSqlQuery &query) const
{
    const QSqlError error = query.lastError();
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return Error{ok ? describeSqliteError(m_path, code, detail) : QString(u"the store " % m_path % u": " % detail)};
}

QSqlQuery SqliteConnection::query() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    return query;
}

Expected<void> SqliteConnection::prepare(QSqlQuery &query, const QString &sql) const
{
    if (!query.prepare(sql)) {
        return errorOf(query);
    }
    return {};
}

Expected<void> SqliteConnection::exec(QSqlQuery &query, std::initializer_list<QVariant> values) const
{
    int index = 0;
    for (const QVariant &value : values) {
        query.bindValue(index++, value);
    }
    if (!query.exec()) {
        return errorOf(query);
    }
    return {};
}

Expected<void> SqliteConnection::run(QSqlQuery &query, const QString &sql, std::initializer_list<QVariant> values) const
{
    if (Expected<void> prepared = prepare(query, sql); !prepared) {
        return prepared;
    }
    return exec(query, values);
}

Expected<void> SqliteConnection::run(const QString &sql) const
{
    QSqlQuery statement = query();
    if (!statement.exec(sql)) {
        return errorOf(statement);
    }
    return {};
}

Expected<bool> SqliteConnection::hasRow(QSqlQuery &query, std::initializer_list<QVariant> values) const
{
    if (Expected<void> done = exec(query, values); !done) {
        return done.error();
    }
    const bool found = query.next();
    query.finish();
    return found;
}

Expected<void> SqliteConnection::setUpJournal()
{
    // WAL: a commit is one append to the log, and readers never wait for the writer.
    // synchronous=FULL syncs the log at every commit, so a reported change also survives a power
    // loss, not only a killed process (which NORMAL already survives); it still marks a document
    // inside the 5 ms target (see README, "Speed").
    QSqlQuery pragma(m_db);
    if (!pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !pragma.next() ||
        pragma.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0) {
        return pragma.lastError().isValid() ? errorOf(pragma)
                                            : Error{u"the store " % m_path % u" cannot use a write-ahead log"};
    }
    pragma.finish();
    if (Expected<void> synchronous = run(QStringLiteral("PRAGMA synchronous = FULL")); !synchronous) {
        return synchronous;
    }
    return run(u"PRAGMA busy_timeout = " % QString::number(busyTimeoutMs));
}

Expected<SqliteTransaction> SqliteConnection::beginWrite()
{
    if (Expected<void> begun = run(QStringLiteral("BEGIN IMMEDIATE")); !begun) {
        return begun.error();
    }
    return SqliteTransaction(this);
}

void SqliteConnection::rollback()
{
    // A dictionary the transaction added is gone with it: no text may be packed with it.
    m_codec.reset();
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK"));
}

SqliteTransaction::SqliteTransaction(SqliteTransaction &&other) noexcept
    : m_connection(std::exchange(other.m_connection, nullptr))
{
}

SqliteTransaction::~SqliteTransaction()
{
    if (m_connection) {
        m_connection->rollback();
    }
}

Expected<void> SqliteTransaction::commit()
{
    SqliteConnection *connection = std::exchange(m_connection, nullptr);
    Q_ASSERT(connection);
    Expected<void> committed = connection->run(QStringLiteral("COMMIT"));
    if (!committed) {
        connection->rollback();
    }
    return committed;
}

} // namespace annorev
