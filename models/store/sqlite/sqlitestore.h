#pragma once

#include "reviewstore.h"

#include <QStringList>

#include <memory>

namespace annorev {

class SqliteConnection;

// A review store in one SQLite file beside the batch (or wherever --store puts it), in WAL mode
// so that readers never wait for the writer. Its SQL lives in the files beside this one, one
// concern each; this class only opens the file and hands each call to them.
class SqliteStore final : public ReviewStore
{
public:
    // Opens or creates the file and migrates it (see ReviewStore::open()).
    static Expected<std::unique_ptr<SqliteStore>> open(const QString &path);
    ~SqliteStore() override;

    // What a store's files add to its path: "" for the store itself, then -wal, -shm, -journal.
    static const QStringList &fileSuffixes();
    // The message for a SQLite error (code: its extended result code) on the store at path.
    static QString describeSqliteError(const QString &path, int code, const QString &detail);

    QString path() const override;
    Expected<QStringList> batchInputs() const override;
    using ReviewStore::sync;
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
    bool hasDocumentKeys() const override { return true; }
    Expected<QList<qint64>> searchKeys(const QString &needle, TextMatch match,
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

    Expected<SuggestionsAdded> addSuggestions(const QList<Suggestion> &suggestions, const QString &source,
                                              const QString &reviewer, const Schema &schema) override;
    Expected<QList<Suggestion>> suggestions(const QString &documentId) const override;
    Expected<void> decideSuggestion(qint64 id, SuggestionState decision, const QString &reviewer,
                                    const Schema &schema) override;
    Expected<QHash<QString, int>> disagreements(const QStringList &ids) const override;
    Expected<QList<Disagreement>> mostDisagreeing(qsizetype limit) const override;
    Expected<QList<SuggestionCounts>> suggestionCounts() const override;

private:
    explicit SqliteStore(std::unique_ptr<SqliteConnection> connection);

    std::unique_ptr<SqliteConnection> m_connection;
};

} // namespace annorev
