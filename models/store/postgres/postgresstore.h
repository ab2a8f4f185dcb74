#pragma once

#include "postgresbatch.h"
#include "teamaddress.h"
#include "teamstore.h"

#include <memory>

namespace annorev {

class PostgresConnection;

// A team batch in a PostgreSQL database, shared by every member of the team (README › Team
// review). Its SQL lives in the files beside this one, one concern each: the schema and its
// server-side rules, reads, writes, the import, rounds and claims. This class opens the
// connection and hands each call to them.
class PostgresStore final : public TeamStore
{
public:
    // Connects and finds the batch; creates it when create is set (an import), else a missing
    // batch is an error that says how to make it.
    static Expected<std::unique_ptr<PostgresStore>> open(const TeamAddress &address, bool create);
    ~PostgresStore() override;

    QString path() const override;
    Expected<QStringList> batchInputs() const override;
    using ReviewStore::sync;
    // A team batch keeps no stamps of the importer's files: an import always reads them.
    Expected<std::optional<SyncReport>> syncByStamps(const QStringList &batchInputs) const override;
    Expected<std::optional<BatchStamp>> inputStamps() const override;
    Expected<std::optional<qint64>> inputStampsTakenAt() const override;
    Expected<SyncReport> sync(const BatchReader &reader, const QStringList &batchInputs, const Schema &schema,
                              const Checker &checker, const QString &reviewer,
                              const SyncControl &control = {}) override;

    Expected<StoredDocument> document(const QString &id) const override;
    Expected<qint64> version(const QString &id) const override;
    Expected<Changes> changesSince(qint64 mark) const override;
    Expected<QStringList> ids() const override;
    Expected<QList<ListEntry>> listEntries() const override;
    Expected<QList<DocumentProfile>> profiles() const override;
    Expected<void> forEachProfile(const ProfileVisitor &visit) const override;
    Expected<void> readIndex(const IndexCursor &after, qsizetype pageSize,
                             const std::function<bool(DocumentIndexPage)> &deliver) const override;
    Expected<qsizetype> storedDocumentCount() const override;
    Expected<QStringList> search(const QString &needle, TextMatch match,
                                 const std::function<bool()> &cancelled) const override;
    Expected<Summary> summary() const override;
    Expected<QList<ExportDocument>> exportDocuments(std::optional<ReviewStatus> filter) const override;
    Expected<QList<ExportDocument>> exportHeaders() const override;
    Expected<QList<ExportDocument>> exportDocuments(const QStringList &ids) const override;
    Expected<QList<AuditEntry>> auditLog(const QString &id) const override;

    Expected<void> setStatus(const QStringList &ids, ReviewStatus status, const QString &note, const QString &reviewer,
                             const Versions &versions) override;
    using ReviewStore::setTaggedText;
    Expected<void> setTaggedText(const QString &id, const QByteArray &taggedText, const TextFacts &facts,
                                 const QString &reviewer, std::optional<qint64> version) override;
    Expected<void> setTaggedTexts(const QList<TextWrite> &writes, const QString &reviewer) override;

    Expected<void> createRound(const SpotCheckRound &round, const QList<RoundDocument> &documents) override;
    Expected<QList<SpotCheckRound>> rounds() const override;
    Expected<SpotCheckRound> round(const QString &name) const override;
    Expected<QList<RoundDocument>> roundDocuments(const QString &round) const override;
    Expected<void> judge(const QString &round, const QStringList &ids, Verdict verdict,
                         std::optional<FailReason> reason, const QString &note, const QString &reviewer) override;
    Expected<QList<Judgement>> judgements(const QString &round) const override;

    bool keepsSuggestions() const override { return false; }
    Expected<SuggestionsAdded> addSuggestions(const QList<Suggestion> &suggestions, const QString &source,
                                              const QString &reviewer, const Schema &schema) override;
    Expected<QList<Suggestion>> suggestions(const QString &documentId) const override;
    Expected<void> decideSuggestion(qint64 id, SuggestionState decision, const QString &reviewer,
                                    const Schema &schema) override;
    Expected<QHash<QString, int>> disagreements(const QStringList &ids) const override;
    Expected<QList<Disagreement>> mostDisagreeing(qsizetype limit) const override;
    Expected<QList<SuggestionCounts>> suggestionCounts() const override;

    Expected<QString> user() const override;
    Expected<bool> hasRole(TeamRole role) const override;
    Expected<QList<Claim>> claim(qsizetype count, int leaseMinutes) override;
    Expected<QStringList> release(const QStringList &ids) override;
    Expected<QList<Claim>> renew(const QStringList &ids, int leaseMinutes) override;
    Expected<QList<Claim>> claims() const override;
    Expected<void> listen(std::function<void(const QString &id)> changed) override;

private:
    PostgresStore(std::unique_ptr<PostgresConnection> connection, qint64 batchId);

    std::unique_ptr<PostgresConnection> m_connection;
    PostgresBatch m_batch;
};

} // namespace annorev
