#include "postgresstore.h"

#include "postgresclaims.h"
#include "postgresconnection.h"
#include "postgresreads.h"
#include "postgresrounds.h"
#include "postgresschema.h"
#include "postgressync.h"
#include "postgreswrites.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QStringBuilder>

namespace annorev {

namespace {

// The batch's number, made first when create is set.
Expected<qint64> findBatch(PostgresConnection &connection, bool create)
{
    const QString name = connection.address().batch;
    QSqlQuery query = connection.query();
    const Expected<bool> curator = connection.hasRole(roleName(TeamRole::Curator));
    if (!curator) {
        return curator.error();
    }
    if (create && *curator) {
        // A batch another import is making at the same time is taken as it is.
        if (Expected<void> done = connection.run(
                query, QStringLiteral("INSERT INTO annorev.batches (name) VALUES (?) ON CONFLICT (name) DO NOTHING"),
                {name});
            !done) {
            return done.error();
        }
    }
    if (Expected<void> done =
            connection.run(query, QStringLiteral("SELECT id FROM annorev.batches WHERE name = ?"), {name});
        !done) {
        return done.error();
    }
    if (!query.next()) {
        return Error{u"there is no team batch \"" % name % u"\" in " % connection.path() %
                     u"; a curator makes it with `annorev import ADDRESS SOURCE…`"};
    }
    return query.value(0).toLongLong();
}

} // namespace

PostgresStore::PostgresStore(std::unique_ptr<PostgresConnection> connection, qint64 batchId)
    : m_connection(std::move(connection)), m_batch{m_connection.get(), batchId}
{
}

PostgresStore::~PostgresStore() = default;

Expected<std::unique_ptr<PostgresStore>> PostgresStore::open(const TeamAddress &address, bool create)
{
    Expected<std::unique_ptr<PostgresConnection>> connection = PostgresConnection::open(address);
    if (!connection) {
        return connection.error();
    }
    if (Expected<void> ready = PostgresSchema::check(**connection); !ready) {
        return ready.error();
    }
    const Expected<qint64> batch = findBatch(**connection, create);
    if (!batch) {
        return batch.error();
    }
    return std::unique_ptr<PostgresStore>(new PostgresStore(std::move(*connection), *batch));
}

QString PostgresStore::path() const
{
    return m_connection->path();
}

Expected<QStringList> PostgresStore::batchInputs() const
{
    return PostgresSync::batchInputs(m_batch);
}

Expected<std::optional<ReviewStore::SyncReport>> PostgresStore::syncByStamps(const QStringList &) const
{
    return std::optional<SyncReport>();
}

Expected<std::optional<BatchStamp>> PostgresStore::inputStamps() const
{
    return std::optional<BatchStamp>(); // a team batch's files are on the importers' machines
}

Expected<std::optional<qint64>> PostgresStore::inputStampsTakenAt() const
{
    return std::optional<qint64>();
}

Expected<ReviewStore::SyncReport> PostgresStore::sync(const BatchReader &reader, const QStringList &batchInputs,
                                                      const Schema &schema, const Checker &checker, const QString &,
                                                      const SyncControl &control)
{
    return PostgresSync::sync(m_batch, reader, batchInputs, schema, checker, control);
}

Expected<ReviewStore::StoredDocument> PostgresStore::document(const QString &id) const
{
    return PostgresReads::document(m_batch, id);
}

Expected<qint64> PostgresStore::version(const QString &id) const
{
    return PostgresReads::version(m_batch, id);
}

Expected<ReviewStore::Changes> PostgresStore::changesSince(qint64 mark) const
{
    return PostgresReads::changesSince(m_batch, mark);
}

Expected<QStringList> PostgresStore::ids() const
{
    return PostgresReads::ids(m_batch);
}

Expected<QList<ReviewStore::ListEntry>> PostgresStore::listEntries() const
{
    return PostgresReads::profiles(m_batch, PostgresReads::Missing::Skip);
}

Expected<QList<DocumentProfile>> PostgresStore::profiles() const
{
    return PostgresReads::profiles(m_batch, PostgresReads::Missing::Include);
}

Expected<void> PostgresStore::forEachProfile(const ProfileVisitor &visit) const
{
    return PostgresReads::forEachProfile(m_batch, visit);
}

Expected<void> PostgresStore::readIndex(const IndexCursor &after, qsizetype pageSize,
                                        const std::function<bool(DocumentIndexPage)> &deliver) const
{
    return PostgresReads::readIndex(m_batch, after, pageSize, deliver);
}

Expected<qsizetype> PostgresStore::storedDocumentCount() const
{
    return PostgresReads::storedDocumentCount(m_batch);
}

Expected<QStringList> PostgresStore::search(const QString &needle, TextMatch match,
                                            const std::function<bool()> &cancelled) const
{
    return PostgresReads::search(m_batch, TextQuery(needle, match), needle, cancelled);
}

Expected<ReviewStore::Summary> PostgresStore::summary() const
{
    return PostgresReads::summary(m_batch);
}

Expected<QList<ExportDocument>> PostgresStore::exportDocuments(std::optional<ReviewStatus> filter) const
{
    return PostgresReads::exportDocuments(m_batch, filter);
}

Expected<QList<ExportDocument>> PostgresStore::exportHeaders() const
{
    return PostgresReads::exportHeaders(m_batch);
}

Expected<QList<ExportDocument>> PostgresStore::exportDocuments(const QStringList &ids) const
{
    return PostgresReads::exportDocuments(m_batch, ids);
}

Expected<QList<ReviewStore::AuditEntry>> PostgresStore::auditLog(const QString &id) const
{
    return PostgresReads::auditLog(m_batch, id);
}

Expected<void> PostgresStore::setStatus(const QStringList &ids, ReviewStatus status, const QString &note,
                                        const QString &, const Versions &versions)
{
    return PostgresWrites::setStatus(m_batch, ids, status, note, versions);
}

Expected<void> PostgresStore::setTaggedText(const QString &id, const QByteArray &taggedText, const TextFacts &facts,
                                            const QString &, std::optional<qint64> version)
{
    return PostgresWrites::setTaggedText(m_batch, id, taggedText, facts, version);
}

Expected<void> PostgresStore::setTaggedTexts(const QList<TextWrite> &writes, const QString &)
{
    return PostgresWrites::setTaggedTexts(m_batch, writes);
}

Expected<void> PostgresStore::createRound(const SpotCheckRound &round, const QList<RoundDocument> &documents)
{
    return PostgresRounds::createRound(m_batch, round, documents);
}

Expected<QList<SpotCheckRound>> PostgresStore::rounds() const
{
    return PostgresRounds::rounds(m_batch);
}

Expected<SpotCheckRound> PostgresStore::round(const QString &name) const
{
    return PostgresRounds::round(m_batch, name);
}

Expected<QList<RoundDocument>> PostgresStore::roundDocuments(const QString &round) const
{
    return PostgresRounds::roundDocuments(m_batch, round);
}

Expected<void> PostgresStore::judge(const QString &round, const QStringList &ids, Verdict verdict,
                                    std::optional<FailReason> reason, const QString &note, const QString &)
{
    return PostgresRounds::judge(m_batch, round, ids, verdict, reason, note);
}

Expected<QList<Judgement>> PostgresStore::judgements(const QString &round) const
{
    return PostgresRounds::judgements(m_batch, round);
}

namespace {

// Suggestions are a reviewer's aid on one machine; a team batch would need them in its schema,
// its rights and its notifications, which no one has asked for yet.
Error suggestionsRefused(const QString &path)
{
    return Error{u"suggestions are kept in local stores only; the team batch " % path %
                 u" has none (import them into a local copy of the batch)"};
}

} // namespace

Expected<ReviewStore::SuggestionsAdded> PostgresStore::addSuggestions(const QList<Suggestion> &, const QString &,
                                                                      const QString &, const Schema &)
{
    return suggestionsRefused(path());
}

Expected<QList<Suggestion>> PostgresStore::suggestions(const QString &) const
{
    return suggestionsRefused(path());
}

Expected<void> PostgresStore::decideSuggestion(qint64, SuggestionState, const QString &, const Schema &)
{
    return suggestionsRefused(path());
}

Expected<QHash<QString, int>> PostgresStore::disagreements(const QStringList &) const
{
    return QHash<QString, int>(); // a team batch keeps no suggestions, so none differ
}

Expected<QList<ReviewStore::Disagreement>> PostgresStore::mostDisagreeing(qsizetype) const
{
    return QList<Disagreement>();
}

Expected<QList<SuggestionCounts>> PostgresStore::suggestionCounts() const
{
    return suggestionsRefused(path());
}

Expected<QString> PostgresStore::user() const
{
    return m_connection->sessionUser();
}

Expected<bool> PostgresStore::hasRole(TeamRole role) const
{
    return m_connection->hasRole(roleName(role));
}

Expected<QList<Claim>> PostgresStore::claim(qsizetype count, int leaseMinutes)
{
    return PostgresClaims::claim(m_batch, count, leaseMinutes);
}

Expected<QStringList> PostgresStore::release(const QStringList &ids)
{
    return PostgresClaims::release(m_batch, ids);
}

Expected<QList<Claim>> PostgresStore::renew(const QStringList &ids, int leaseMinutes)
{
    return PostgresClaims::renew(m_batch, ids, leaseMinutes);
}

Expected<QList<Claim>> PostgresStore::claims() const
{
    return PostgresClaims::claims(m_batch);
}

Expected<void> PostgresStore::listen(std::function<void(const QString &id)> changed)
{
    QSqlDriver *driver = m_connection->database().driver();
    const QString channel = QString::fromLatin1(teamChangesChannel);
    if (!driver->subscribedToNotifications().contains(channel) && !driver->subscribeToNotification(channel)) {
        return Error{u"the team batch " % path() % u": cannot listen for changes: " % driver->lastError().text()};
    }
    // The payload is "BATCH ID"; other batches of the database are not this store's business.
    const QString prefix = QString::number(m_batch.id) % u' ';
    QObject::connect(driver, &QSqlDriver::notification, driver,
                     [prefix, changed = std::move(changed)](const QString &, QSqlDriver::NotificationSource,
                                                            const QVariant &payload) {
                         const QString text = payload.toString();
                         if (text.startsWith(prefix)) {
                             changed(text.mid(prefix.size()));
                         }
                     });
    return {};
}

} // namespace annorev
