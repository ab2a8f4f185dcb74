#include "sqlitefactswriter.h"

#include "sqliteconnection.h"

namespace annorev {

const QString SqliteFactsWriter::factsInsert =
    QStringLiteral("INSERT OR REPLACE INTO facts (document_id, facts, plain_text) VALUES (?, ?, ?)");
const QString SqliteFactsWriter::wordsInsert =
    QStringLiteral("INSERT INTO plain_words (rowid, plain_text) VALUES (?, ?)");

SqliteFactsWriter::SqliteFactsWriter(const SqliteConnection &connection)
    : m_connection(connection), m_facts(connection.query()), m_index(connection.query()), m_unindex(connection.query()),
      m_inexactWords(connection), m_disagreement(connection)
{
}

Expected<void> SqliteFactsWriter::prepare()
{
    Expected<void> done = m_connection.prepare(m_facts, factsInsert);
    if (done) {
        done = m_connection.prepare(m_index, wordsInsert);
    }
    if (done) {
        done = m_connection.prepare(
            m_unindex,
            QStringLiteral("INSERT INTO plain_words (plain_words, rowid, plain_text) VALUES ('delete', ?, ?)"));
    }
    if (done) {
        done = m_inexactWords.prepare();
    }
    if (done) {
        done = m_disagreement.prepare();
    }
    return done;
}

Expected<void> SqliteFactsWriter::write(const QString &id, qint64 rowid, const TextFacts &facts,
                                        const QByteArray &packedPlainText)
{
    if (Expected<void> done = writeFacts(id, rowid, facts, packedPlainText); !done) {
        return done;
    }
    return index(rowid, facts.plainText);
}

Expected<void> SqliteFactsWriter::writeFacts(const QString &id, qint64 rowid, const TextFacts &facts,
                                             const QByteArray &packedPlainText)
{
    if (Expected<void> done = m_connection.exec(m_facts, {id, facts.facts.encoded(), packedPlainText}); !done) {
        return done;
    }
    return m_disagreement.refresh(rowid, facts.plainText, facts.spans);
}

Expected<void> SqliteFactsWriter::index(qint64 rowid, const QString &plainText)
{
    if (Expected<void> done = m_connection.exec(m_index, {rowid, plainText}); !done) {
        return done;
    }
    return m_inexactWords.note(rowid, plainText);
}

Expected<void> SqliteFactsWriter::unindex(qint64 rowid, const QString &plainText)
{
    return m_connection.exec(m_unindex, {rowid, plainText});
}

} // namespace annorev
