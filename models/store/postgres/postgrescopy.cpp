#include "postgrescopy.h"

#include "postgresconnection.h"

#include <QStringBuilder>

#include <libpq-fe.h>
#include <memory>
#include <optional>
#include <utility>

namespace annorev {

namespace {

constexpr qsizetype flushBytes = 4 * 1024 * 1024;

struct ResultDeleter
{
    void operator()(PGresult *result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

// The server's primary message and SQLSTATE of a result, or of the connection when it has none.
std::pair<QString, QString> problemOf(PGconn *conn, const PGresult *result)
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char *primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    QString text = QString::fromUtf8(primary ? primary : PQerrorMessage(conn)).trimmed();
    if (const char *context = result ? PQresultErrorField(result, PG_DIAG_CONTEXT) : nullptr) {
        text += u" (" % QString::fromUtf8(context).section(u'\n', 0, 0) % u')';
    }
    return {QString::fromLatin1(state ? state : ""), text};
}

} // namespace

Expected<PostgresCopy> PostgresCopy::start(PostgresConnection &db, const QString &sql)
{
    PGconn *conn = db.handle();
    if (!conn) {
        return db.errorOf(QString(), QStringLiteral("the connection has no libpq handle"));
    }
    const Result result(PQexec(conn, sql.toUtf8().constData()));
    if (!result || PQresultStatus(result.get()) != PGRES_COPY_IN) {
        const auto [state, text] = problemOf(conn, result.get());
        return db.errorOf(state, text);
    }
    PostgresCopy copy(db);
    copy.m_buffer.reserve(flushBytes + 64 * 1024);
    return copy;
}

PostgresCopy::PostgresCopy(PostgresCopy &&other) noexcept
    : m_db(other.m_db), m_active(std::exchange(other.m_active, false)), m_buffer(std::move(other.m_buffer)),
      m_rowStarted(other.m_rowStarted)
{
}

PostgresCopy::~PostgresCopy()
{
    if (!m_active) {
        return;
    }
    if (PGconn *conn = m_db->handle(); conn && PQputCopyEnd(conn, "annorev stopped the import") == 1) {
        while (PGresult *result = PQgetResult(conn)) {
            PQclear(result);
        }
    }
}

void PostgresCopy::separate()
{
    if (m_rowStarted) {
        m_buffer += '\t';
    }
    m_rowStarted = true;
}

void PostgresCopy::text(QStringView value)
{
    separate();
    const QByteArray utf8 = value.toUtf8();
    // COPY's text format: a backslash escapes the separators and itself.
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            m_buffer += "\\\\";
            break;
        case '\t':
            m_buffer += "\\t";
            break;
        case '\n':
            m_buffer += "\\n";
            break;
        case '\r':
            m_buffer += "\\r";
            break;
        default:
            m_buffer += c;
        }
    }
}

void PostgresCopy::bytes(const QByteArray &value)
{
    separate();
    // bytea's hex input, "\x…", its backslash escaped for COPY.
    m_buffer += "\\\\x";
    m_buffer += value.toHex();
}

void PostgresCopy::integer(qint64 value)
{
    separate();
    m_buffer += QByteArray::number(value);
}

void PostgresCopy::null()
{
    separate();
    m_buffer += "\\N";
}

void PostgresCopy::endRow()
{
    m_buffer += '\n';
    m_rowStarted = false;
    if (m_buffer.size() >= flushBytes) {
        // An error surfaces at the next flush() or finish(): PQputCopyData fails only on a
        // broken connection, which those report again.
        (void)flush();
    }
}

Expected<void> PostgresCopy::flush()
{
    if (m_buffer.isEmpty()) {
        return {};
    }
    PGconn *conn = m_db->handle();
    if (!conn || PQputCopyData(conn, m_buffer.constData(), int(m_buffer.size())) != 1) {
        return failure();
    }
    m_buffer.clear();
    return {};
}

Expected<void> PostgresCopy::finish()
{
    if (Expected<void> flushed = flush(); !flushed) {
        return flushed;
    }
    PGconn *conn = m_db->handle();
    m_active = false;
    if (!conn || PQputCopyEnd(conn, nullptr) != 1) {
        return failure();
    }
    // The COPY's outcome, then the end of its results.
    std::optional<Error> error;
    while (PGresult *raw = PQgetResult(conn)) {
        const Result result(raw);
        if (PQresultStatus(raw) != PGRES_COMMAND_OK && !error) {
            const auto [state, text] = problemOf(conn, raw);
            error = m_db->errorOf(state, text);
        }
    }
    if (error) {
        return *error;
    }
    return {};
}

Error PostgresCopy::failure() const
{
    const auto [state, text] = problemOf(m_db->handle(), nullptr);
    // libpq says so when the connection broke: "server closed the connection unexpectedly".
    return m_db->errorOf(state.isEmpty() ? QStringLiteral("08006") : state, text);
}

} // namespace annorev
