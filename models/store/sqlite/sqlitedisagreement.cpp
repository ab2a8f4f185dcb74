#include "sqlitedisagreement.h"

#include "document.h"
#include "sqliteconnection.h"
#include "sqlitetexts.h"

#include <QStringBuilder>
#include <QtConcurrent/QtConcurrentMap>

namespace annorev {

SqliteDisagreementWriter::SqliteDisagreementWriter(const SqliteConnection &connection)
    : m_connection(connection), m_suggestions(connection.query()), m_texts(connection.query()),
      m_set(connection.query()), m_clear(connection.query())
{
}

Expected<void> SqliteDisagreementWriter::prepare()
{
    QSqlQuery any = m_connection.query();
    if (Expected<void> done = m_connection.run(any, QStringLiteral("SELECT EXISTS (SELECT 1 FROM suggestions)"));
        !done) {
        return done;
    }
    m_anySuggestion = any.next() && any.value(0).toBool();
    Expected<void> done = m_connection.prepare(
        m_suggestions, QStringLiteral("SELECT start, \"end\", label, text, state FROM suggestions WHERE document = ?"));
    if (done) {
        done = m_connection.prepare(
            m_set, QStringLiteral("INSERT OR REPLACE INTO disagreements (document, count) VALUES (?, ?)"));
    }
    if (done) {
        done = m_connection.prepare(m_clear, QStringLiteral("DELETE FROM disagreements WHERE document = ?"));
    }
    if (done) {
        done = m_connection.prepare(m_texts, SqliteTexts::taggedById());
    }
    m_prepared = bool(done);
    return done;
}

Expected<void> SqliteDisagreementWriter::refresh(qint64 rowid, QStringView plainText, const QList<SpanKey> &spans)
{
    Q_ASSERT(m_prepared);
    if (!m_anySuggestion) {
        return {};
    }
    if (Expected<void> done = m_connection.exec(m_suggestions, {rowid}); !done) {
        return done;
    }
    QList<Suggestion> suggestions;
    while (m_suggestions.next()) {
        Suggestion suggestion;
        suggestion.start = m_suggestions.value(0).toLongLong();
        suggestion.end = m_suggestions.value(1).toLongLong();
        suggestion.label = m_suggestions.value(2).toString();
        suggestion.text = m_suggestions.value(3).toString();
        suggestion.state = suggestionStateFrom(m_suggestions.value(4).toString()).value_or(SuggestionState::Pending);
        suggestions.append(std::move(suggestion));
    }
    m_suggestions.finish();
    const std::optional<int> count = SuggestionDisagreement::of(plainText, spans, suggestions);
    return count ? m_connection.exec(m_set, {rowid, *count}) : m_connection.exec(m_clear, {rowid});
}

Expected<void> SqliteDisagreementWriter::refresh(const QStringList &ids, const Schema &schema)
{
    Q_ASSERT(m_prepared);
    if (!m_anySuggestion || ids.isEmpty()) {
        return {};
    }
    // The texts of a block are read here, on the connection's thread, and parsed on every core.
    struct Parsed
    {
        QString plainText;
        QList<SpanKey> spans;
    };
    constexpr qsizetype blockSize = 2048;
    for (qsizetype begin = 0; begin < ids.size(); begin += blockSize) {
        const Expected<SqliteTexts::TaggedTexts> read =
            SqliteTexts::readTagged(m_connection, m_texts, ids.mid(begin, blockSize));
        if (!read) {
            return read.error();
        }
        const QList<qint64> &rowids = read->rowids;
        const QList<Parsed> parsed =
            QtConcurrent::blockingMapped<QList<Parsed>>(read->texts, [&schema](const QByteArray &text) {
                const Document doc = Document::parse(text, schema);
                return Parsed{doc.text(), SuggestionDisagreement::keysOf(doc)};
            });
        for (qsizetype i = 0; i < parsed.size(); ++i) {
            if (Expected<void> done = refresh(rowids[i], parsed[i].plainText, parsed[i].spans); !done) {
                return done;
            }
        }
    }
    return {};
}

} // namespace annorev
