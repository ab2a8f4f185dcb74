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

SqliteInexactWords::SqliteInexactWords(const SqliteConnection &connection)
    : m_connection(connection), m_insert(connection.query()), m_delete(connection.query())
{
}

Expected<void> SqliteInexactWords::prepare()
{
    Expected<void> done = m_connection.prepare(m_insert, insert);
    if (done) {
        done = m_connection.prepare(m_delete, QStringLiteral("DELETE FROM inexact_words WHERE document = ?"));
    }
    return done;
}

Expected<void> SqliteInexactWords::note(qint64 rowid, QStringView plainText)
{
    return note(rowid, !TextQuery::wordIndexIsExact(plainText));
}

Expected<void> SqliteInexactWords::note(qint64 rowid, bool inexact)
{
    return m_connection.exec(inexact ? m_insert : m_delete, {rowid});
}

Expected<void> SqliteInexactWords::fill(const SqliteConnection &connection)
{
    Expected<SqliteStatement> rows = SqliteStatement::prepare(
        connection,
        QStringLiteral("SELECT d.rowid, f.plain_text FROM documents d JOIN facts f ON f.document_id = d.id"));
    if (!rows) {
        return rows.error();
    }
    SqliteInexactWords writer(connection);
    if (Expected<void> prepared = writer.prepare(); !prepared) {
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
        // A text that cannot be unpacked counts as inexact: a search then reads it, and
        // says which document it cannot read, instead of this migration refusing the store.
        const QList<bool> nonAscii =
            QtConcurrent::blockingMapped<QList<bool>>(packed, [&codec](const PackedDocumentTexts &texts) {
                const Expected<QByteArray> plainText = codec->unpack(texts.source.toByteArray());
                return !plainText || !TextQuery::wordIndexIsExact(QString::fromUtf8(*plainText));
            });
        for (qsizetype i = 0; i < rowids.size(); ++i) {
            if (nonAscii[i]) {
                if (Expected<void> done = writer.note(rowids[i], true); !done) {
                    return done;
                }
            }
        }
    }
    return {};
}

} // namespace annorev
