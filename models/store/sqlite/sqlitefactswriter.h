#pragma once

#include "expected.h"
#include "sqlitedisagreement.h"
#include "sqliteinexactwords.h"
#include "textcodec.h"
#include "textfacts.h"

#include <QSqlQuery>
#include <QString>

namespace annorev {

class SqliteConnection;

// Writes what a store keeps about a document's current version besides its text, inside the
// caller's transaction: the facts row (DocumentFacts::encoded(), the packed plain text), the
// plain text's words in plain_words, by the documents table's rowid (and whether the index is
// exact for them, SqliteInexactWords), and how far the document's
// model suggestions and its spans differ (SqliteDisagreementWriter). Statements are prepared once,
// for the many rows of an import.
class SqliteFactsWriter
{
public:
    explicit SqliteFactsWriter(const SqliteConnection &connection);

    // The statements write() runs, for a writer that binds its own values (SqliteImport):
    // document_id, facts, plain_text (packed); and rowid, plain_text.
    static const QString factsInsert;
    static const QString wordsInsert;

    // Prepares the statements; call once before the others.
    Expected<void> prepare();
    // Replaces the facts of the document, indexing its plain text and counting its disagreement.
    // packedPlainText is
    // facts.plainText packed by the store's codec (an import packs on every core).
    Expected<void> write(const QString &id, qint64 rowid, const TextFacts &facts, const QByteArray &packedPlainText);
    // The two halves of write(), for a writer of many edits that indexes after every other write
    // of its transaction (see SqliteDocuments::setTaggedTexts).
    Expected<void> writeFacts(const QString &id, qint64 rowid, const TextFacts &facts,
                              const QByteArray &packedPlainText);
    // Indexes the words of a version, and notes whether the index is exact for them.
    Expected<void> index(qint64 rowid, const QString &plainText);
    // Removes a version's words from the index: the plain text indexed then, which the index
    // does not keep.
    Expected<void> unindex(qint64 rowid, const QString &plainText);

private:
    const SqliteConnection &m_connection;
    QSqlQuery m_facts;
    QSqlQuery m_index;
    QSqlQuery m_unindex;
    SqliteInexactWords m_inexactWords;
    SqliteDisagreementWriter m_disagreement;
};

} // namespace annorev
