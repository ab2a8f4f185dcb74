#pragma once

#include "expected.h"

#include <QString>
#include <QStringList>

namespace annorev {

// Where a team batch lives: postgresql://[user@]host[:port]/dbname?batch=NAME[&libpq options]
// (postgres:// too). `batch` is taken out and the rest is handed to libpq, so every libpq
// option works (sslmode, connect_timeout, service, and host=/path for a socket directory).
//
// A password has no place in it: it would end up in shell histories and process lists. It comes
// from libpq's usual places (~/.pgpass, PGPASSFILE, PGPASSWORD, service files), and an address
// that carries one is refused without being repeated; so the address holds nothing secret, and
// display() gives it whole, as every thread that opens its own connection opens it again.
struct TeamAddress
{
    QString host; // empty: libpq's default (PGHOST, else its socket directory)
    int port = -1;
    QString user; // empty: libpq's default (PGUSER, else the OS user)
    QString database;
    QString batch;
    QStringList options; // "key=value" for libpq, in the order given

    // Whether a store location is a team batch's address rather than a file.
    static bool isAddress(const QString &location);
    // A database's address without a batch is taken where batchRequired is false (`team init`).
    static Expected<TeamAddress> parse(const QString &location, bool batchRequired = true);

    // The address as messages and the window name it, and as it is opened again: parse(display())
    // gives this address back.
    QString display() const;
    // The options as QSqlDatabase::setConnectOptions() takes them, each value quoted for libpq.
    QString connectOptions() const;
};

} // namespace annorev
