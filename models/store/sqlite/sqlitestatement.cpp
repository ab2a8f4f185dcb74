#include "sqlitestatement.h"

#include "sqliteconnection.h"

#include <sqlite3.h>

namespace annorev {

Expected<SqliteStatement> SqliteStatement::prepare(const SqliteConnection &connection, const QString &sql)
{
    sqlite3 *db = connection.handle();
    if (!db) {
        return connection.lastError();
    }
    const QByteArray text = sql.toUtf8();
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v3(db, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT, &statement, nullptr) !=
        SQLITE_OK) {
        return connection.lastError();
    }
    return SqliteStatement(connection, statement);
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept
    : m_connection(other.m_connection), m_statement(std::exchange(other.m_statement, nullptr))
{
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::bind(int parameter, qint64 value)
{
    sqlite3_bind_int64(m_statement, parameter, value);
}

void SqliteStatement::bindText(int parameter, QByteArrayView utf8)
{
    // Never NULL: an empty text is bound as an empty text.
    sqlite3_bind_text64(m_statement, parameter, utf8.isNull() ? "" : utf8.data(), sqlite3_uint64(utf8.size()),
                        SQLITE_STATIC, SQLITE_UTF8);
}

void SqliteStatement::bindBlob(int parameter, QByteArrayView bytes)
{
    sqlite3_bind_blob64(m_statement, parameter, bytes.isNull() ? "" : bytes.data(), sqlite3_uint64(bytes.size()),
                        SQLITE_STATIC);
}

void SqliteStatement::bindNull(int parameter)
{
    sqlite3_bind_null(m_statement, parameter);
}

void SqliteStatement::bindPacked(int parameter, const QVariant &packed)
{
    if (packed.isNull()) {
        bindNull(parameter);
    } else {
        // The variant holds a QByteArray: the view is of its bytes, which outlive the step.
        const QByteArray &bytes = *static_cast<const QByteArray *>(packed.constData());
        bindBlob(parameter, bytes);
    }
}

Expected<void> SqliteStatement::step()
{
    const int result = sqlite3_step(m_statement);
    sqlite3_reset(m_statement);
    if (result != SQLITE_DONE && result != SQLITE_ROW) {
        sqlite3_clear_bindings(m_statement);
        return m_connection->lastError();
    }
    return {};
}

qint64 SqliteStatement::lastInsertRowid() const
{
    return sqlite3_last_insert_rowid(sqlite3_db_handle(m_statement));
}

Expected<bool> SqliteStatement::next()
{
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW) {
        return true;
    }
    sqlite3_reset(m_statement);
    if (result != SQLITE_DONE) {
        return m_connection->lastError();
    }
    return false;
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QByteArrayView SqliteStatement::text(int column) const
{
    // sqlite3_column_bytes() after sqlite3_column_text(): the length of the UTF-8 it gave.
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return text ? QByteArrayView(text, sqlite3_column_bytes(m_statement, column)) : QByteArrayView();
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

} // namespace annorev
