#pragma once

#include "expected.h"

#include <QSqlQuery>
#include <QStringView>

namespace annorev {

class SqliteConnection;

// The table inexact_words (schema 12): the documents, by their rows' rowids, whose plain texts
// hold a character where the word index and a search part ways on an ASCII word
// (TextQuery::wordIndexIsExact()): long s, the Kelvin sign, a few vowel signs. A search of one
// ASCII word reads the texts of these alone and takes the word index's answer for the rest: at a
// million documents, a word that 40% of them hold was 1.6 s of unpacking and reading texts.
// Kept beside the word index, in the transaction of every write to it.
class SqliteInexactWords
{
public:
    explicit SqliteInexactWords(const SqliteConnection &connection);

    // What note() runs for an inexact text, binding the rowid, for a writer that binds its own
    // values (SqliteImport).
    static const QString insert;

    // Prepares the statements; once, before note().
    Expected<void> prepare();
    // Records whether the plain text of the document with this rowid has such characters.
    Expected<void> note(qint64 rowid, QStringView plainText);
    // The same, for a caller that tested the text itself (on another thread, as an import does):
    // inexact when it has them.
    Expected<void> note(qint64 rowid, bool inexact);

    // Schema 12's migration: tests the plain text of every document in the store, a block at a
    // time unpacked and read on every core.
    static Expected<void> fill(const SqliteConnection &connection);

private:
    const SqliteConnection &m_connection;
    QSqlQuery m_insert;
    QSqlQuery m_delete;
};

} // namespace annorev
