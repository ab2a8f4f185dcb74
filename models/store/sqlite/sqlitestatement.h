#pragma once

#include "expected.h"

#include <QByteArrayView>
#include <QString>
#include <QVariant>

struct sqlite3_stmt;

namespace annorev {

class SqliteConnection;

// A statement prepared on the connection's SQLite handle, for the hundreds of thousands of rows
// of an import or a read of every document: values are bound and read as they are (UTF-8 text,
// blobs, integers), without a QVariant a value and the Qt driver's UTF-16 text, which SQLite
// would turn back into UTF-8 for a UTF-8 store (a third of the writing thread's time in a profile
// of a 100,000-document import; most of `stats` at a million documents). Runs on the thread that
// owns the connection; a write, inside the caller's transaction.
class SqliteStatement
{
public:
    static Expected<SqliteStatement> prepare(const SqliteConnection &connection, const QString &sql);
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&) = delete;
    Q_DISABLE_COPY(SqliteStatement)
    ~SqliteStatement();

    // Parameters count from 1, as in SQL. The bytes must stay valid until step() returns.
    void bind(int parameter, qint64 value);
    void bindText(int parameter, QByteArrayView utf8);
    void bindBlob(int parameter, QByteArrayView bytes);
    void bindNull(int parameter);
    // A packed text as PackedDocumentTexts holds it: a blob, or NULL.
    void bindPacked(int parameter, const QVariant &packed);

    // Runs the statement, which gives no rows, and makes it ready for the next values.
    Expected<void> step();
    // The rowid the last step() inserted.
    qint64 lastInsertRowid() const;

    // Steps a statement that gives rows: true with a row to read, false once there are no more
    // (the statement is then ready to run again). One run reads one snapshot of the store.
    Expected<bool> next();
    // The row's columns, counted from 0 as SQLite's API counts them. A text stays valid until the
    // next next(); NULL reads as an empty text (isNull() tells them apart).
    qint64 integer(int column) const;
    QByteArrayView text(int column) const;
    bool isNull(int column) const;

private:
    SqliteStatement(const SqliteConnection &connection, sqlite3_stmt *statement)
        : m_connection(&connection), m_statement(statement)
    {
    }

    const SqliteConnection *m_connection = nullptr;
    sqlite3_stmt *m_statement = nullptr;
};

} // namespace annorev
