#include "sqlitestore.h"

#include "sqliteconnection.h"
#include "sqlitedocuments.h"
#include "sqliteindex.h"
#include "sqlitemigrations.h"
#include "sqliteprofiles.h"
#include "sqliterounds.h"
#include "sqlitesearch.h"
#include "sqlitesuggestions.h"
#include "sqlitesync.h"

#include <QElapsedTimer>
#include <QThread>

namespace annorev {

SqliteStore::SqliteStore(std::unique_ptr<SqliteConnection> connection) : m_connection(std::move(connection)) {}

SqliteStore::~SqliteStore() = default;

Expected<std::unique_ptr<SqliteStore>> SqliteStore::open(const QString &path)
{
    Expected<std::unique_ptr<SqliteConnection>> connection = SqliteConnection::open(path);
    if (!connection) {
        return connection.error();
    }
    // SQLite answers "busy" at once, without waiting out its busy timeout, while another process
    // turns a new file into a WAL database; so getting ready is retried for as long as that timeout.
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        const Expected<void> ready = SqliteMigrations::prepare(**connection, schemaVersion);
        if (ready) {
            return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(*connection)));
        }
        if (ready.error().message != SqliteConnection::lockedMessage(path) ||
            waited.elapsed() >= SqliteConnection::busyTimeoutMs) {
            return ready.error();
        }
        QThread::msleep(10);
    }
}

const QStringList &SqliteStore::fileSuffixes()
{
    static const QStringList suffixes{QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                                      QStringLiteral("-journal")};
    return suffixes;
}

QString SqliteStore::describeSqliteError(const QString &path, int code, const QString &detail)
{
    return SqliteConnection::describeSqliteError(path, code, detail);
}

QString SqliteStore::path() const
{
    return m_connection->path();
}

Expected<QStringList> SqliteStore::batchInputs() const
{
    const Expected<QString> recorded = SqliteSync::recordedBatch(*m_connection);
    if (!recorded) {
        return recorded.error();
    }
    return recorded->split(u'\n', Qt::SkipEmptyParts);
}

Expected<std::optional<ReviewStore::SyncReport>> SqliteStore::syncByStamps(const QStringList &batchInputs) const
{
    return SqliteSync::syncByStamps(*m_connection, batchInputs);
}

Expected<std::optional<BatchStamp>> SqliteStore::inputStamps() const
{
    return SqliteSync::inputStamps(*m_connection);
}

Expected<std::optional<qint64>> SqliteStore::inputStampsTakenAt() const
{
    return SqliteSync::inputStampsTakenAt(*m_connection);
}

Expected<ReviewStore::SyncReport> SqliteStore::sync(const BatchReader &reader, const QStringList &batchInputs,
                                                    const Schema &schema, const Checker &checker,
                                                    const QString &reviewer, const SyncControl &control)
{
    return SqliteSync::sync(*m_connection, reader, batchInputs, schema, checker, reviewer, control);
}

Expected<ReviewStore::StoredDocument> SqliteStore::document(const QString &id) const
{
    return SqliteDocuments::document(*m_connection, id);
}

Expected<qint64> SqliteStore::version(const QString &id) const
{
    return SqliteDocuments::version(*m_connection, id);
}

Expected<ReviewStore::Changes> SqliteStore::changesSince(qint64 mark) const
{
    return SqliteDocuments::changesSince(*m_connection, mark);
}

Expected<QStringList> SqliteStore::ids() const
{
    return SqliteDocuments::ids(*m_connection);
}

Expected<QList<ReviewStore::ListEntry>> SqliteStore::listEntries() const
{
    return SqliteDocuments::listEntries(*m_connection);
}

Expected<QList<DocumentProfile>> SqliteStore::profiles() const
{
    return SqliteDocuments::profiles(*m_connection);
}

Expected<void> SqliteStore::forEachProfile(const ProfileVisitor &visit) const
{
    return SqliteProfiles::forEach(*m_connection, visit);
}

Expected<void> SqliteStore::readIndex(const IndexCursor &after, qsizetype pageSize,
                                      const std::function<bool(DocumentIndexPage)> &deliver) const
{
    return SqliteIndex::readIndex(*m_connection, after, pageSize, deliver);
}

Expected<qsizetype> SqliteStore::storedDocumentCount() const
{
    return SqliteDocuments::storedDocumentCount(*m_connection);
}

Expected<QStringList> SqliteStore::search(const QString &needle, TextMatch match,
                                          const std::function<bool()> &cancelled) const
{
    return SqliteSearch::search(*m_connection, TextQuery(needle, match), cancelled);
}

Expected<QList<qint64>> SqliteStore::searchKeys(const QString &needle, TextMatch match,
                                                const std::function<bool()> &cancelled) const
{
    return SqliteSearch::searchKeys(*m_connection, TextQuery(needle, match), cancelled);
}

Expected<ReviewStore::Summary> SqliteStore::summary() const
{
    return SqliteDocuments::summary(*m_connection);
}

Expected<QList<ExportDocument>> SqliteStore::exportDocuments(std::optional<ReviewStatus> filter) const
{
    return SqliteDocuments::exportDocuments(*m_connection, filter);
}

Expected<QList<ExportDocument>> SqliteStore::exportHeaders() const
{
    return SqliteDocuments::exportHeaders(*m_connection);
}

Expected<QList<ExportDocument>> SqliteStore::exportDocuments(const QStringList &ids) const
{
    return SqliteDocuments::exportDocuments(*m_connection, ids);
}

Expected<QList<ReviewStore::AuditEntry>> SqliteStore::auditLog(const QString &id) const
{
    return SqliteDocuments::auditLog(*m_connection, id);
}

Expected<void> SqliteStore::setStatus(const QStringList &ids, ReviewStatus status, const QString &note,
                                      const QString &reviewer, const Versions &versions)
{
    return SqliteDocuments::setStatus(*m_connection, ids, status, note, reviewer, versions);
}

Expected<void> SqliteStore::setTaggedText(const QString &id, const QByteArray &taggedText, const TextFacts &facts,
                                          const QString &reviewer, std::optional<qint64> version)
{
    return SqliteDocuments::setTaggedText(*m_connection, id, taggedText, facts, reviewer, version);
}

Expected<void> SqliteStore::setTaggedTexts(const QList<TextWrite> &writes, const QString &reviewer)
{
    return SqliteDocuments::setTaggedTexts(*m_connection, writes, reviewer);
}

Expected<void> SqliteStore::createRound(const SpotCheckRound &round, const QList<RoundDocument> &documents)
{
    return SqliteRounds::createRound(*m_connection, round, documents);
}

Expected<QList<SpotCheckRound>> SqliteStore::rounds() const
{
    return SqliteRounds::rounds(*m_connection);
}

Expected<SpotCheckRound> SqliteStore::round(const QString &name) const
{
    return SqliteRounds::round(*m_connection, name);
}

Expected<QList<RoundDocument>> SqliteStore::roundDocuments(const QString &round) const
{
    return SqliteRounds::roundDocuments(*m_connection, round);
}

Expected<void> SqliteStore::judge(const QString &round, const QStringList &ids, Verdict verdict,
                                  std::optional<FailReason> reason, const QString &note, const QString &reviewer)
{
    return SqliteRounds::judge(*m_connection, round, ids, verdict, reason, note, reviewer);
}

Expected<QList<Judgement>> SqliteStore::judgements(const QString &round) const
{
    return SqliteRounds::judgements(*m_connection, round);
}

Expected<ReviewStore::SuggestionsAdded> SqliteStore::addSuggestions(const QList<Suggestion> &suggestions,
                                                                    const QString &source, const QString &reviewer,
                                                                    const Schema &schema)
{
    return SqliteSuggestions::add(*m_connection, suggestions, source, reviewer, schema);
}

Expected<QList<Suggestion>> SqliteStore::suggestions(const QString &documentId) const
{
    return SqliteSuggestions::ofDocument(*m_connection, documentId);
}

Expected<void> SqliteStore::decideSuggestion(qint64 id, SuggestionState decision, const QString &reviewer,
                                             const Schema &schema)
{
    return SqliteSuggestions::decide(*m_connection, id, decision, reviewer, schema);
}

Expected<QHash<QString, int>> SqliteStore::disagreements(const QStringList &ids) const
{
    return SqliteSuggestions::disagreements(*m_connection, ids);
}

Expected<QList<ReviewStore::Disagreement>> SqliteStore::mostDisagreeing(qsizetype limit) const
{
    return SqliteSuggestions::mostDisagreeing(*m_connection, limit);
}

Expected<QList<SuggestionCounts>> SqliteStore::suggestionCounts() const
{
    return SqliteSuggestions::counts(*m_connection);
}

} // namespace annorev
