#pragma once

#include "expected.h"

#include <QByteArrayView>

#include <functional>

namespace annorev {

class SqliteStatement;

// Documents' rows in batch order, by position then id, from a statement that orders them by
// position alone: SQLite would sort every position's rows by id in a temporary tree, a third of a
// read of every document, when positions are all but always distinct. Rows that share a position
// are put in id order here instead (SQLite compares TEXT byte by byte, as QByteArrayView does).
namespace SqliteBatchOrder {

// The statement's columns 0 to 5: d.position, d.id, d.status, f.facts (NULL: hasFacts false), the
// document's disagreement (NULL: -1), and d.rowid.
struct Row
{
    qint64 position = 0;
    QByteArrayView id;
    QByteArrayView status;
    QByteArrayView facts;
    bool hasFacts = false;
    qint32 disagreement = -1;
    qint64 key = 0; // the row's rowid
};

// Runs the statement and visits its rows in batch order until the visitor says false or fails.
// A row's views are valid during its visit only.
Expected<void> forEach(SqliteStatement &statement, const std::function<Expected<bool>(const Row &)> &visit);

} // namespace SqliteBatchOrder

} // namespace annorev
