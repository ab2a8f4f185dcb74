#pragma once

#include "expected.h"

#include <QSqlQuery>
#include <QStringView>

namespace annorev {

class SqliteConnection;

// The two lists of documents whose words the word index does not hold as a search sees them, by
// their rows' rowids. Kept beside the word index, in the transaction of every write to it.
//
// inexact_words (schema 12): the plain text holds a character where the index may say yes
// wrongly to a search of one ASCII word (TextQuery::wordIndexIsExact()): long s, the Kelvin sign,
// a few vowel signs. Such a search reads the texts of these alone and takes the word index's
// answer for the rest: at a million documents, a word that 40% of them hold was 1.6 s of
// unpacking and reading texts.
//
// unindexed_words (schema 13): the plain text holds a character the index keeps inside a word
// where a search sees a separator (TextQuery::wordIndexMayLackWords()), so the index may say no
// wrongly. Every word search reads these texts too, whatever the index answers.
class SqliteInexactWords
{
public:
    explicit SqliteInexactWords(const SqliteConnection &connection);

    // What note() runs for an inexact text, and for one whose words the index may lack, binding
    // the rowid, for a writer that binds its own values (SqliteImport).
    static const QString insert;
    static const QString insertUnindexed;

    // What a writer learns of a plain text, on any thread, for note().
    struct Kinds
    {
        bool inexact = false;
        bool unindexed = false;
    };
    static Kinds of(QStringView plainText);

    // Prepares the statements; once, before note().
    Expected<void> prepare();
    // Records in which lists the document with this rowid belongs, by its plain text.
    Expected<void> note(qint64 rowid, QStringView plainText);
    // The same, for a caller that tested the text itself (on another thread, as an import does).
    Expected<void> note(qint64 rowid, Kinds kinds);

    // Schema 12's and 13's migrations: test the plain text of every document in the store, a
    // block at a time unpacked and read on every core.
    static Expected<void> fill(const SqliteConnection &connection);
    static Expected<void> fillUnindexed(const SqliteConnection &connection);

private:
    const SqliteConnection &m_connection;
    QSqlQuery m_insert;
    QSqlQuery m_delete;
    QSqlQuery m_insertUnindexed;
    QSqlQuery m_deleteUnindexed;
};

} // namespace annorev
