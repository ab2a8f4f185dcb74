#pragma once

#include "batchreader.h"
#include "checkreport.h"
#include "exportdocument.h"
#include "reviewstatus.h"
#include "spotcheck.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>

namespace annorev {

class Checker;
class Document;
struct Finding;
class Schema;

// The durable record of a review: one SQLite file per batch holding each document's reviewer
// version, decision and finding counts, and an append-only audit log of every change. Every
// change is one transaction, committed before the call returns. Source files are never written.
//
// Methods that can fail take `QString *error` and set it to a message naming the store; a store
// another process holds past the busy timeout gives "the store PATH is locked by another annorev
// process; try again". Reads return an empty result when they fail.
class ReviewStore
{
public:
    // The schema this annorev writes; stores from older versions are migrated, newer ones refused.
    static constexpr int schemaVersion = 3;
    static constexpr int busyTimeoutMs = 5000;

    struct StoredDocument
    {
        QString id;
        qsizetype position = 0; // order in the batch
        BatchLayout layout = BatchLayout::File;
        QString sourcePath;
        QString relativePath;
        int sourceLine = 0;
        QByteArray sourceHash; // BLAKE2b-256 of the source bytes as imported
        QByteArray sourceText; // the source bytes as imported
        QByteArray taggedText; // the reviewer's version
        QByteArray jsonLine;
        qsizetype textTokenBegin = -1;
        qsizetype textTokenEnd = -1;
        ReviewStatus status = ReviewStatus::Unreviewed;
        QString note;
        QString reviewer;
        QDateTime changedAt; // UTC; when the status was last set, invalid when never
        bool sourceChanged = false;
        bool missing = false;
        qsizetype errors = 0; // finding counts of the tagged text
        qsizetype warnings = 0;
        qsizetype infos = 0;
    };

    struct AuditEntry
    {
        qint64 seq = 0;
        QString documentId;
        QString reviewer;
        QDateTime at;
        // "status", "edit", "source-changed", "source-restored", "source-missing", "source-returned"
        QString action;
        std::optional<ReviewStatus> statusBefore;
        std::optional<ReviewStatus> statusAfter;
        // "edit": the tagged text before and after; "source-changed": the source as imported and
        // as it is now (the reviewer's version is not touched). Absent otherwise.
        std::optional<QByteArray> textBefore;
        std::optional<QByteArray> textAfter;
        QString note;
    };

    // A document of the batch as the window's list shows it.
    struct ListEntry
    {
        QString id;
        ReviewStatus status = ReviewStatus::Unreviewed;
        qsizetype errors = 0;
        qsizetype warnings = 0;
        qsizetype infos = 0;
        QStringList labels; // the labels of its spans, sorted, each once
        QStringList rules;  // the rules of its findings, sorted, each once
    };

    // What the store keeps about a tagged text besides the text: its finding counts, the labels
    // and rules it has (space-separated, sorted) and its plain text, which the window searches.
    struct TextFacts
    {
        CheckReport::Counts counts;
        QString labels;
        QString rules;
        QString plainText;
        static TextFacts of(const Document &doc, const QList<Finding> &findings);
    };

    struct SyncReport
    {
        qsizetype imported = 0;
        QStringList sourceChanged;     // newly: the source differs from what was imported
        QStringList sourceRestored;    // the source is back to what was imported
        QStringList missing;           // newly gone from the batch (kept in the store)
        QStringList returned;          // back in the batch after being missing
        QList<InputError> inputErrors; // units that could not be read, repeated ids
    };

    struct Summary
    {
        qsizetype documents = 0;
        std::array<qsizetype, 4> byStatus{}; // indexed by ReviewStatus
        qsizetype errors = 0;                // findings in the current tagged texts
        qsizetype warnings = 0;
        qsizetype infos = 0;
        qsizetype documentsWithErrors = 0;
        QStringList sourceChanged;
        QStringList missing;
    };

    ~ReviewStore();
    Q_DISABLE_COPY_MOVE(ReviewStore)

    // BATCH.annorev.sqlite beside the first input: "dir/" gives "dir.annorev.sqlite" next to
    // dir, "a.jsonl" gives "a.jsonl.annorev.sqlite".
    static QString defaultStorePath(const QStringList &batchInputs);
    // Whether a file name is a store's (NAME.annorev.sqlite) or one of its -wal, -shm or -journal
    // files: nothing in annorev opens those except SQLite.
    static bool isStoreFileName(const QString &fileName);
    // What a store's files add to its path: "" for the store itself, then -wal, -shm, -journal.
    static const QStringList &fileSuffixes();

    // Opens the store at path, creating or migrating it. A store written by a newer annorev, or a
    // file that is not an annorev store, is refused and left as it is.
    static std::unique_ptr<ReviewStore> open(const QString &path, QString *error);

    QString path() const { return m_path; }
    // The inputs of the batch the store was last synced with (see sync()); empty for a store
    // that has never been synced.
    QStringList batchInputs(QString *error = nullptr) const;

    // Brings the store up to date with the batch: imports documents it has not seen, flags
    // documents whose source bytes changed (keeping the reviewer's version) and documents gone
    // from the batch, and unflags those that came back. One transaction; nothing is written when
    // nothing changed. Fails without writing when an input cannot be read at all.
    //
    // The store remembers the batch it was synced with (canonical paths) and refuses another
    // batch, naming both, when none of its documents are in the store or when the recorded batch
    // is still there and the store is not the one beside this batch: a --store given for the
    // wrong batch would otherwise flag its documents missing. A batch moved, renamed or copied
    // with its store is let through, and the store then records the new place.
    std::optional<SyncReport> sync(const QStringList &batchInputs, const Schema &schema, const Checker &checker,
                                   const QString &reviewer, QString *error);
    // The same with the batch already opened: a caller that opens the batch before the store
    // creates no store for a batch that cannot be read (see unreadableInputs()).
    std::optional<SyncReport> sync(const BatchReader &reader, const QStringList &batchInputs, const Schema &schema,
                                   const Checker &checker, const QString &reviewer, QString *error);
    // The reader's errors one a line, as sync() refuses an unreadable batch with; empty if none.
    static QString unreadableInputs(const BatchReader &reader);
    // The batch inputs as the store records them: canonical paths, one a line.
    static QString batchIdentity(const QStringList &batchInputs);

    // The message for a SQLite error (code: its extended result code) on the store at path:
    // another process's lock, a full disk, or detail (SQLite's own words).
    static QString describeSqliteError(const QString &path, int code, const QString &detail);

    std::optional<StoredDocument> document(const QString &id, QString *error = nullptr) const;
    QStringList ids(QString *error = nullptr) const; // in batch order

    // Sets the status of every id in one transaction, with an audit row each. Refuses everything
    // when an id is unknown, or when approving a document with error findings without a note
    // (the note is the override reason). The note replaces the previous one.
    bool setStatus(const QStringList &ids, ReviewStatus status, const QString &note, const QString &reviewer,
                   QString *error);
    // Replaces the reviewer's version of a document and recounts its findings. An approved or
    // rejected document becomes unreviewed (the decision was of the old text; the audit row says
    // so); reviewer and changedAt stay those of the last status change.
    bool setTaggedText(const QString &id, const QByteArray &taggedText, const Schema &schema, const Checker &checker,
                       const QString &reviewer, QString *error);

    // The documents of the batch (not those gone from it), in batch order.
    QList<ListEntry> listEntries(QString *error = nullptr) const;
    // The ids, in batch order, of the documents of the batch whose plain text contains needle;
    // ASCII letters match either case.
    std::optional<QStringList> search(const QString &needle, QString *error = nullptr) const;

    // The same for a caller that has parsed and checked the text already (the window's session),
    // which spares parsing and checking a long document twice.
    bool setTaggedText(const QString &id, const QByteArray &taggedText, const TextFacts &facts, const QString &reviewer,
                       QString *error);

    QList<AuditEntry> auditLog(const QString &id = {}, QString *error = nullptr) const; // oldest first
    Summary summary(QString *error = nullptr) const;
    // The documents in batch order, only those with the status when a filter is given.
    QList<ExportDocument> exportDocuments(std::optional<ReviewStatus> filter = std::nullopt,
                                          QString *error = nullptr) const;

    // Saves a spot-check round and its documents, in draw order, in one transaction. Refuses a
    // name that is taken (rounds are never overwritten), an empty name, and ids not in the store.
    // createdAt is set by the store; size is the number of documents.
    bool createRound(const SpotCheckRound &round, const QList<RoundDocument> &documents, QString *error);
    QList<SpotCheckRound> rounds(QString *error = nullptr) const; // oldest first
    std::optional<SpotCheckRound> round(const QString &name, QString *error = nullptr) const;
    QList<RoundDocument> roundDocuments(const QString &round, QString *error = nullptr) const; // in draw order
    // Records a judgement of every id in one transaction: a new row each, which replaces earlier
    // judgements of the document in that round (they stay in the store). Refuses everything when
    // the round is unknown, an id is not in the store or not in the round, or the reason does
    // not go with the verdict (a fail needs one, a pass has none).
    bool judge(const QString &round, const QStringList &ids, Verdict verdict, std::optional<FailReason> reason,
               const QString &note, const QString &reviewer, QString *error);
    // Every judgement of the round, oldest first; latestJudgements() picks the ones that count.
    QList<Judgement> judgements(const QString &round, QString *error = nullptr) const;

private:
    ReviewStore(const QString &path, const QString &connectionName);

    bool exec(const QString &sql, QString *error);
    // BEGIN IMMEDIATE: the write lock is taken up front, under the busy timeout, so that a
    // transaction never has to upgrade a read snapshot another process has made stale.
    bool beginWrite(QString *error);
    bool commit(QString *error);
    void rollback();
    // Sets the error, rolls the transaction back and returns false: how a write gives up.
    bool abandon(QString *error, const QString &message);
    bool prepare(QString *error); // checks the version, sets the journal up, migrates
    std::optional<int> readVersion(QString *error) const;
    // The batch the store records (see sync()); empty for a store that records none yet.
    std::optional<QString> recordedBatch(QString *error) const;
    // Writes the record, inside the caller's transaction.
    bool recordBatch(const QString &batch, QString *error);
    bool migrate(QString *error);
    // Fills in the facts of documents that have none (stores from schema 1).
    bool backfillFacts(const Schema &schema, const Checker &checker, QString *error);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace annorev
