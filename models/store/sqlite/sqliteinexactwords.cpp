#include "sqliteinexactwords.h"

#include "sqliteconnection.h"
#include "sqlitestatement.h"
#include "sqlitetexts.h"
#include "textquery.h"

#include <QList>
#include <QtConcurrent/QtConcurrentMap>

namespace annorev {

const QString SqliteInexactWords::insert =
    QStringLiteral("INSERT OR IGNORE INTO inexact_words (document) VALUES (?)");
const QString SqliteInexactWords::insertUnindexed =
    QStringLiteral("INSERT OR IGNORE INTO unindexed_words (document) VALUES (?)");

SqliteInexactWords::SqliteInexactWords(const SqliteConnection &connection)
    : m_connection(connection), m_insert(connection.query()), m_delete(connection.query()),
      m_insertUnindexed(connection.query()), m_deleteUnindexed(connection.query())
{
}

SqliteInexactWords::Kinds SqliteInexactWords::of(QStringView plainText)
{
    return Kinds{!TextQuery::wordIndexIsExact(plainText), TextQuery::wordIndexMayLackWords(plainText)};
}

Expected<void> SqliteInexactWords::prepare()
{
    Expected<void> done = m_connection.prepare(m_insert, insert);
    if (done) {
        done = m_connection.prepare(m_delete, QStringLiteral("DELETE FROM inexact_words WHERE document = ?"));
    }
    if (done) {
        done = m_connection.prepare(m_insertUnindexed, insertUnindexed);
    }
    if (done) {
        done =
            m_connection.prepare(m_deleteUnindexed, QStringLiteral("DELETE FROM unindexed_words WHERE document = ?"));
    }
    return done;
}

Expected<void> SqliteInexactWords::note(qint64 rowid, QStringView plainText)
{
    return note(rowid, of(plainText));
}

Expected<void> SqliteInexactWords::note(qint64 rowid, Kinds kinds)
{
    if (Expected<void> done = m_connection.exec(kinds.inexact ? m_insert : m_delete, {rowid}); !done) {
        return done;
    }
    return m_connection.exec(kinds.unindexed ? m_insertUnindexed : m_deleteUnindexed, {rowid});
}

namespace {

// Runs insertSql (binding a rowid) for every document whose plain text belongs, a block of texts
// at a time unpacked and tested on every core.
Expected<void> fillWith(const SqliteConnection &connection, const QString &insertSql,
                        bool (*belongs)(QStringView plainText))
{
    Expected<SqliteStatement> rows = SqliteStatement::prepare(
        connection,
        QStringLiteral("SELECT d.rowid, f.plain_text FROM documents d JOIN facts f ON f.document_id = d.id"));
    if (!rows) {
        return rows.error();
    }
    QSqlQuery insert = connection.query();
    if (Expected<void> prepared = connection.prepare(insert, insertSql); !prepared) {
        return prepared;
    }
    constexpr qsizetype blockSize = 4096;
    bool more = true;
    while (more) {
        QList<qint64> rowids;
        QList<PackedDocumentTexts> packed;
        while (rowids.size() < blockSize) {
            const Expected<bool> next = rows->next();
            if (!next) {
                return next.error();
            }
            if (!*next) {
                more = false;
                break;
            }
            rowids.append(rows->integer(0));
            packed.append(PackedDocumentTexts{QVariant(rows->text(1).toByteArray()), {}, {}});
        }
        const Expected<TextCodec> codec = SqliteTexts::codecFor(connection, packed);
        if (!codec) {
            return codec.error();
        }
        // A text that cannot be unpacked belongs: a search then reads it, and says which
        // document it cannot read, instead of this migration refusing the store.
        const QList<bool> listed =
            QtConcurrent::blockingMapped<QList<bool>>(packed, [&codec, belongs](const PackedDocumentTexts &texts) {
                const Expected<QByteArray> plainText = codec->unpack(texts.source.toByteArray());
                return !plainText || belongs(QString::fromUtf8(*plainText));
            });
        for (qsizetype i = 0; i < rowids.size(); ++i) {
            if (listed[i]) {
                if (Expected<void> done = connection.exec(insert, {rowids[i]}); !done) {
                    return done;
                }
            }
        }
    }
    return {};
}

bool isInexact(QStringView plainText)
{
    return !TextQuery::wordIndexIsExact(plainText);
}

} // namespace

Expected<void> SqliteInexactWords::fill(const SqliteConnection &connection)
{
    return fillWith(connection, insert, &isInexact);
}

Expected<void> SqliteInexactWords::fillUnindexed(const SqliteConnection &connection)
{
    return fillWith(connection, insertUnindexed, &TextQuery::wordIndexMayLackWords);
}

} // namespace annorev
