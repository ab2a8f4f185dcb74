#pragma once

#include <QtGlobal>

namespace annorev {

class PostgresConnection;

// A team batch as the SQL beside this file addresses it: the connection, and the batch's number
// in the batches table, which every row of the batch carries.
struct PostgresBatch
{
    PostgresConnection *connection = nullptr;
    qint64 id = 0;

    PostgresConnection &db() const { return *connection; }
};

} // namespace annorev
