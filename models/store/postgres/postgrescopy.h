#pragma once

#include "expected.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace annorev {

class PostgresConnection;

// COPY … FROM STDIN on a team batch's connection, through its libpq handle: Qt SQL has no COPY,
// and its prepared statements send every row's values inside an EXECUTE statement's text, which
// the server lexes and parses again row by row (a third of an import's server time, with the hex
// of each text). Rows are written in COPY's text format, a buffer of them at a time.
class PostgresCopy
{
public:
    // Starts the COPY (sql: "COPY table (columns) FROM STDIN"); the connection is in it until
    // finish(), and takes nothing else meanwhile.
    static Expected<PostgresCopy> start(PostgresConnection &db, const QString &sql);
    PostgresCopy(PostgresCopy &&other) noexcept;
    PostgresCopy &operator=(PostgresCopy &&) = delete;
    PostgresCopy(const PostgresCopy &) = delete;
    PostgresCopy &operator=(const PostgresCopy &) = delete;
    // A COPY left unfinished (an import stopped half way) is ended as failed: none of its rows stay.
    ~PostgresCopy();

    // Fields of the row being written, in the COPY's column order; endRow() ends it.
    void text(QStringView value);
    void bytes(const QByteArray &value);
    void integer(qint64 value);
    void null();
    void endRow();

    // Sends the rows written so far (also done as they pass a few megabytes).
    Expected<void> flush();
    // Sends the rest and ends the COPY: its rows are in the table (within the transaction), or the
    // server's refusal names the first row it took exception to.
    Expected<void> finish();

private:
    explicit PostgresCopy(PostgresConnection &db) : m_db(&db) {}
    void separate();
    Error failure() const;

    PostgresConnection *m_db;
    bool m_active = true;
    QByteArray m_buffer;
    bool m_rowStarted = false;
};

} // namespace annorev
