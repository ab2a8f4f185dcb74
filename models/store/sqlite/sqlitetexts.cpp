#include "sqlitetexts.h"

#include "sqliteconnection.h"

namespace annorev::SqliteTexts {

namespace {

Expected<TextCodec> loadCodec(const SqliteConnection &connection)
{
    QSqlQuery query = connection.query();
    if (Expected<void> done =
            connection.run(query, QStringLiteral("SELECT bytes FROM text_dictionaries ORDER BY rowid"));
        !done) {
        return done.error();
    }
    QList<QByteArray> dictionaries;
    while (query.next()) {
        dictionaries.append(query.value(0).toByteArray());
    }
    Expected<TextCodec> codec = TextCodec::withDictionaries(dictionaries);
    if (!codec) {
        return Error{u"the store " % connection.path() % u": " % codec.error().message};
    }
    connection.cacheCodec(*codec);
    return codec;
}

} // namespace

QString textsJoin(QLatin1StringView documents)
{
    return u" JOIN document_texts texts ON texts.document = " % documents % u".rowid";
}

QString documentsWithTexts()
{
    return u"documents" % textsJoin();
}

QString taggedById()
{
    return u"SELECT documents.rowid, " % packedTextColumns % u" FROM " % documentsWithTexts() %
           u" WHERE documents.id = ?";
}

Expected<TaggedTexts> readTagged(const SqliteConnection &connection, QSqlQuery &query, const QStringList &ids)
{
    TaggedTexts read;
    read.rowids.reserve(ids.size());
    read.texts.reserve(ids.size());
    for (const QString &id : ids) {
        if (Expected<void> done = connection.exec(query, {id}); !done) {
            return done.error();
        }
        if (!query.next()) {
            return Error{u"the store " % connection.path() % u": the document \"" % id % u"\" went away"};
        }
        read.rowids.append(query.value(0).toLongLong());
        Expected<DocumentTexts> stored = unpackDocument(connection, id, query, 1);
        if (!stored) {
            return stored.error();
        }
        read.texts.append(std::move(stored->tagged));
        query.finish();
    }
    return read;
}

Expected<TextCodec> codec(const SqliteConnection &connection, quint32 needed)
{
    const std::optional<TextCodec> &cached = connection.cachedCodec();
    if (cached && cached->knowsDictionary(needed)) {
        return *cached;
    }
    return loadCodec(connection);
}

Expected<QByteArray> unpack(const SqliteConnection &connection, const QVariant &packed, const QString &what)
{
    const QByteArray bytes = packed.toByteArray();
    const Expected<TextCodec> reader = codec(connection, TextCodec::dictionaryNeeded(bytes));
    if (!reader) {
        return reader.error();
    }
    Expected<QByteArray> text = reader->unpack(bytes);
    if (!text) {
        return Error{u"the store " % connection.path() % u": " % what % u" cannot be read: " % text.error().message};
    }
    return text;
}

PackedDocumentTexts packedTexts(const QSqlQuery &query, int firstColumn)
{
    return {query.value(firstColumn), query.value(firstColumn + 1), query.value(firstColumn + 2)};
}

Expected<TextCodec> codecFor(const SqliteConnection &connection, const QList<PackedDocumentTexts> &documents)
{
    // A dictionary the cached codec does not know, if any: the codec is read again for it.
    quint32 unknown = 0;
    const std::optional<TextCodec> &cached = connection.cachedCodec();
    for (const PackedDocumentTexts &packed : documents) {
        for (const QVariant *text : {&packed.source, &packed.tagged, &packed.jsonLine}) {
            const quint32 dictionary = TextCodec::dictionaryNeeded(text->toByteArray());
            if (!cached || !cached->knowsDictionary(dictionary)) {
                unknown = dictionary;
            }
        }
    }
    return codec(connection, unknown);
}

QString unreadable(const SqliteConnection &connection, const QString &id, const QString &why)
{
    return u"the store " % connection.path() % u": the document \"" % id % u"\" cannot be read: " % why;
}

Expected<DocumentTexts> unpackDocument(const SqliteConnection &connection, const QString &id, const QSqlQuery &query,
                                       int firstColumn)
{
    const PackedDocumentTexts packed = packedTexts(query, firstColumn);
    const Expected<TextCodec> reader = codecFor(connection, {packed});
    if (!reader) {
        return reader.error();
    }
    Expected<DocumentTexts> texts =
        unpacked(packed, query.value(firstColumn + 3).toLongLong(), query.value(firstColumn + 4).toLongLong(), *reader);
    if (!texts) {
        return Error{unreadable(connection, id, texts.error().message)};
    }
    return texts;
}

const QString taggedUpdate = QStringLiteral("UPDATE document_texts SET tagged_text = ? WHERE document = ?");

Expected<void> setTagged(const SqliteConnection &connection, qint64 rowid, const QVariant &packedTagged)
{
    QSqlQuery update = connection.query();
    return connection.run(update, taggedUpdate, {packedTagged, rowid});
}

Expected<void> trainIfNone(const SqliteConnection &connection, const QList<QByteArray> &samples)
{
    if (samples.size() < fewestTrainingSamples) {
        return {};
    }
    QSqlQuery query = connection.query();
    if (Expected<void> done = connection.run(query, QStringLiteral("SELECT 1 FROM text_dictionaries LIMIT 1")); !done) {
        return done;
    }
    if (query.next()) {
        return {};
    }
    const QByteArray dictionary = TextCodec::trainDictionary(samples);
    if (dictionary.isEmpty()) {
        return {};
    }
    if (Expected<void> done =
            connection.run(query, QStringLiteral("INSERT INTO text_dictionaries (id, bytes) VALUES (?, ?)"),
                           {qint64(TextCodec::dictionaryId(dictionary)), dictionary});
        !done) {
        return done;
    }
    if (Expected<TextCodec> loaded = loadCodec(connection); !loaded) {
        return loaded.error();
    }
    return {};
}

} // namespace annorev::SqliteTexts
