#pragma once

#include "expected.h"
#include "packeddocument.h"
#include "textcodec.h"

#include <QByteArray>
#include <QLatin1StringView>
#include <QList>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace annorev {

class SqliteConnection;

// The store's texts as the SQLite backend keeps them: packed by a TextCodec whose dictionaries
// live in the table text_dictionaries (schema 6), read once a connection and again when a text
// needs one another process has added since.
namespace SqliteTexts {

// The codec to pack with and to unpack texts that need at most the dictionary `needed`.
Expected<TextCodec> codec(const SqliteConnection &connection, quint32 needed = 0);

// A column's packed text, or an error naming the store and what the text is ("the tagged text of
// the document \"a\"").
Expected<QByteArray> unpack(const SqliteConnection &connection, const QVariant &packed, const QString &what);

// The columns a document's texts come from, in the order unpackDocument() reads them: the packed
// texts from the table document_texts (schema 7), which a query joins with textsJoin(), and the
// text token from the documents table.
// A literal, so that other files' constants made from it at start-up never see it unmade.
inline constexpr QLatin1StringView packedTextColumns{
    "texts.source_text, texts.tagged_text, texts.json_line, text_token_begin, text_token_end"};
// What a query of the documents table (named documents, or the alias given) adds to its FROM
// clause to select packedTextColumns.
QString textsJoin(QLatin1StringView documents = QLatin1StringView("documents"));
// The documents table joined with its texts, for "SELECT ... FROM " % documentsWithTexts().
QString documentsWithTexts();

// A document's packed texts, by the documents table's rowid: document, source_text, tagged_text,
// json_line (PackedDocumentTexts, bound in that order).
inline constexpr QLatin1StringView textsInsert{
    "INSERT INTO document_texts (document, source_text, tagged_text, json_line) VALUES (?, ?, ?, ?)"};

// The packed texts of packedTextColumns, selected from firstColumn on, as they are in the row.
PackedDocumentTexts packedTexts(const QSqlQuery &query, int firstColumn);
// A codec that unpacks every one of these documents (the connection's, or one read again when a
// dictionary is new to it). Codecs may unpack on several threads at once.
Expected<TextCodec> codecFor(const SqliteConnection &connection, const QList<PackedDocumentTexts> &documents);
// What a document whose texts cannot be unpacked is reported with, naming the store and it.
QString unreadable(const SqliteConnection &connection, const QString &id, const QString &why);

// A document's texts from packedTextColumns, selected from firstColumn on, or an error naming the
// store and the document.
Expected<DocumentTexts> unpackDocument(const SqliteConnection &connection, const QString &id, const QSqlQuery &query,
                                       int firstColumn);

// What readTagged() runs, binding a document's id: its rowid, then packedTextColumns.
QString taggedById();
// The reviewers' versions of these documents and their rows' rowids, in the order of ids, read
// with taggedById() prepared in query (a caller reading blocks prepares it once). An id the store
// does not hold is an error naming it.
struct TaggedTexts
{
    QList<qint64> rowids;
    QList<QByteArray> texts;
};
Expected<TaggedTexts> readTagged(const SqliteConnection &connection, QSqlQuery &query, const QStringList &ids);

// Replaces the reviewer's version of the document with this rowid in the documents table: packed,
// or null for the source (PackedDocumentTexts::packedTagged()).
Expected<void> setTagged(const SqliteConnection &connection, qint64 rowid, const QVariant &packedTagged);
// What setTagged() runs, binding the packed text and the rowid, for a writer that prepares it once.
extern const QString taggedUpdate;

// Trains a dictionary on samples and adds it to the store, inside the caller's transaction, when
// the store has none yet; samples too few or too alike to train on add nothing. The codec then
// packs with it.
Expected<void> trainIfNone(const SqliteConnection &connection, const QList<QByteArray> &samples);

// How many documents a dictionary is trained on, at most, and how many it takes at least.
constexpr qsizetype trainingSamples = 2048;
constexpr qsizetype fewestTrainingSamples = 256;

} // namespace SqliteTexts

} // namespace annorev
