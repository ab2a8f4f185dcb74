#pragma once

#include "batchreader.h"
#include "checkreport.h"
#include "documentindexpage.h"
#include "documentprofile.h"
#include "expected.h"
#include "exportdocument.h"
#include "profilerow.h"
#include "reviewstatus.h"
#include "spotcheck.h"
#include "suggestion.h"
#include "synccontrol.h"
#include "textfacts.h"
#include "textquery.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <functional>
#include <memory>
#include <optional>

namespace annorev {

class Checker;
class Schema;
class TeamStore;

// The durable record of a review: each document's reviewer version, decision and finding
// counts, an append-only audit log of every change, and the spot-check rounds. Every change is
// one transaction, committed before the call returns. Source files are never written.
//
// This is what the rest of annorev sees of a store; open() picks the backend from the location
// (a SQLite file, see sqlite/, or a team batch on a PostgreSQL server, see postgres/ and
// TeamStore). Every read and write returns its result or an Error whose
// message names the store: a store another process holds past the busy timeout gives "the store
// PATH is locked by another annorev process; try again". A read that fails is an error, never an
// empty result.
class ReviewStore
{
public:
    // The schema this annorev writes; stores from older versions are migrated, newer ones refused.
    static constexpr int schemaVersion = 13;

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
        // Grows with every change of the text, the decision or the source flags: what a write
        // states it was made on (see Versions).
        qint64 version = 0;
    };

    // The version of each document a write was made on (StoredDocument::version): a document
    // that has changed since is not written, and the write is refused, never merged. Documents
    // not in it are written whatever their version (a command that decides without showing).
    using Versions = QHash<QString, qint64>;

    struct AuditEntry
    {
        qint64 seq = 0;
        QString documentId;
        QString reviewer;
        QDateTime at;
        // "status", "edit", "source-added" (by a sync of a batch synced before), "source-changed",
        // "source-restored", "source-missing", "source-returned",
        // "suggest", "suggestion-accepted", "suggestion-rejected"
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
    // A document as the list, stats and sampling see it: id, status and the facts of its current
    // version, as stored with that version (never derived again on the way out).
    using ListEntry = DocumentProfile;

    using TextFacts = annorev::TextFacts;

    struct SyncReport
    {
        qsizetype imported = 0;
        QStringList sourceChanged;     // newly: the source differs from what was imported
        QStringList sourceRestored;    // the source is back to what was imported
        QStringList missing;           // newly gone from the batch (kept in the store)
        QStringList returned;          // back in the batch after being missing
        QList<InputError> inputErrors; // units that could not be read, repeated ids
        qsizetype unitsRead = 0;       // documents read from the batch; the others matched their stamps
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

    ReviewStore() = default;
    virtual ~ReviewStore() = default;
    Q_DISABLE_COPY_MOVE(ReviewStore)

    // Opens the store at location, creating or migrating it. A store written by a newer annorev,
    // or a file that is not an annorev store, is refused and left as it is. A team batch's address
    // (postgresql://…?batch=NAME, see TeamAddress) opens the batch on its server, which must exist
    // unless createTeamBatch (an import makes it).
    static Expected<std::unique_ptr<ReviewStore>> open(const QString &location, bool createTeamBatch = false);
    // Whether a location is a team batch's address rather than a file.
    static bool isTeamLocation(const QString &location);
    // What a progress line or a title calls a batch: its first input's file or folder name, or
    // for a team batch "NAME on DATABASE".
    static QString batchName(const QStringList &batchInputs);

    // What a team store adds (claims, the server's user), or null for a local store.
    virtual TeamStore *team() { return nullptr; }

    // The local store of a batch: BATCH.annorev.sqlite beside the first input ("dir/" gives
    // "dir.annorev.sqlite" next to dir, "a.jsonl" gives "a.jsonl.annorev.sqlite").
    static QString defaultStorePath(const QStringList &batchInputs);
    // Whether a file name is a local store's or one of the files its database keeps beside it:
    // nothing in annorev opens those except the database.
    static bool isStoreFileName(const QString &fileName);
    // The files of the store at location: the store and those its database keeps beside it.
    static QStringList storeFiles(const QString &location);
    // The reader's errors one a line, as sync() refuses an unreadable batch with; empty if none.
    static QString unreadableInputs(const BatchReader &reader);

    // Where the store is, as messages name it.
    virtual QString path() const = 0;
    // The inputs of the batch the store was last synced with (see sync()); empty for a store
    // that has never been synced.
    virtual Expected<QStringList> batchInputs() const = 0;

    // Brings the store up to date with the batch: imports documents it has not seen, flags
    // documents whose source bytes changed (keeping the reviewer's version) and documents gone
    // from the batch, and unflags those that came back. One transaction; nothing is written when
    // nothing changed. Fails without writing when an input cannot be read at all.
    //
    // The store remembers the batch it was synced with (canonical paths) and refuses another
    // batch, naming both (see BatchSync::checkSameBatch); a batch moved, renamed or copied with
    // its store is let through, and the store then records the new place. The reader is the
    // batch already opened: a caller that opens the batch before the store creates no store for
    // a batch that cannot be read (see unreadableInputs()).
    //
    // control reports the reading and the import as they go and can stop them: a stopped sync
    // rolls back and returns SyncControl::cancelledError(), the store as it was.
    virtual Expected<SyncReport> sync(const BatchReader &reader, const QStringList &batchInputs, const Schema &schema,
                                      const Checker &checker, const QString &reviewer,
                                      const SyncControl &control = {}) = 0;
    // The same, opening the batch unless syncByStamps() finds it unchanged.
    Expected<SyncReport> sync(const QStringList &batchInputs, const Schema &schema, const Checker &checker,
                              const QString &reviewer);
    // What sync() would report, without reading the batch: when this is the batch the store was
    // last synced with and each of its files is, by a stat (size, times to the nanosecond, inode),
    // as that sync read it, nothing can have changed, and the input errors that sync reported
    // are reported again. Empty when the batch must be read: a file changed, appeared or went
    // away, the batch moved, the store predates stamps, or a file changed too close to the last
    // sync for its times to tell (see BatchStamp::isSettled()).
    virtual Expected<std::optional<SyncReport>> syncByStamps(const QStringList &batchInputs) const = 0;
    // The stamps of the batch's files that the last sync read them under: a look at the files
    // that finds other stamps (BatchStamp::take()) means they changed since. None when the store
    // keeps no stamps (a team store, a store never synced or from before stamps).
    virtual Expected<std::optional<BatchStamp>> inputStamps() const = 0;
    // When the last sync took those stamps (BatchStamp::takenAtNs), read without them: one row
    // tells whether the store was synced since, where the stamps of a large folder are a row a
    // file. None when the store keeps no stamps.
    virtual Expected<std::optional<qint64>> inputStampsTakenAt() const = 0;

    // A document, or an error naming it when the store has no such document.
    virtual Expected<StoredDocument> document(const QString &id) const = 0;
    // The document's version alone (StoredDocument::version), as a writer learns it after a write.
    virtual Expected<qint64> version(const QString &id) const = 0;

    // What other connections to the store changed since a mark this call gave (noChanges: none
    // yet, the first call gives only the mark): the ids of the documents whose text, decision or
    // source flags changed, once each, in no order. Cheap when nothing changed, so that a window
    // can ask twice a second. A team store's server also announces them (TeamStore::listen); a
    // window asks it now and then all the same, to see that the server is there and to catch up on
    // what it missed while it was not.
    static constexpr qint64 noMark = -1;
    struct Changes
    {
        qint64 mark = noMark;
        QStringList ids;
        // A sync put the batch's documents in another order, which changes none of them. A team
        // store's server announces it instead (TeamStore::listen).
        bool reordered = false;
    };
    virtual Expected<Changes> changesSince(qint64 mark) const = 0;
    virtual Expected<QStringList> ids() const = 0; // in batch order, those gone from it included
    // The documents of the batch (not those gone from it), in batch order.
    virtual Expected<QList<ListEntry>> listEntries() const = 0;
    // Where a read of the document index starts: after this place in batch order (a page's
    // lastPosition and lastId); the default starts at the beginning.
    struct IndexCursor
    {
        qint64 position = -1;
        QString id;
    };
    // The documents of the batch (not those gone from it) as the window's list keeps them, in
    // batch order from after `after`, in pages of pageSize rows (the last one fewer). One read of
    // the store, whose pages deliver gets in order; it returns whether it wants more.
    virtual Expected<void> readIndex(const IndexCursor &after, qsizetype pageSize,
                                     const std::function<bool(DocumentIndexPage)> &deliver) const = 0;
    // How many documents the store holds, those gone from the batch included: a count of an index,
    // where counting only the batch's would read every row. What a progress bar of readIndex()
    // can count up to.
    virtual Expected<qsizetype> storedDocumentCount() const = 0;
    // Every document of the store, those gone from the batch too, in batch order: what `stats` and
    // spot-check draws count.
    virtual Expected<QList<DocumentProfile>> profiles() const = 0;
    // The same documents in the same order, handed to visit one at a time and not kept: how
    // `stats` and draws read a million documents' facts without holding a profile of each. The
    // same errors as profiles(); visit is not called again once one is found.
    using ProfileVisitor = std::function<void(const ProfileRow &)>;
    virtual Expected<void> forEachProfile(const ProfileVisitor &visit) const = 0;
    // The ids, in batch order, of the documents of the batch whose plain text contains needle,
    // ASCII letters matching either case, where match lets it begin (see TextQuery): at a word's
    // start, found through a word index, or anywhere, which reads every text and gives up with an
    // error once cancelled() (when given) returns true.
    virtual Expected<QStringList> search(const QString &needle, TextMatch match = TextMatch::WordStart,
                                         const std::function<bool()> &cancelled = {}) const = 0;
    // Whether the store gives its documents keys (DocumentIndexRow::key), for searchKeys().
    virtual bool hasDocumentKeys() const { return false; }
    // The same search for a list that holds the documents' keys: the keys of the matches,
    // ascending, without reading their ids or places (a word in 40% of a million documents: 0.1 s
    // against 0.5 s for search()). An error from a store without keys.
    virtual Expected<QList<qint64>> searchKeys(const QString &needle, TextMatch match = TextMatch::WordStart,
                                               const std::function<bool()> &cancelled = {}) const;
    virtual Expected<Summary> summary() const = 0;
    // The documents in batch order, only those with the status when a filter is given.
    virtual Expected<QList<ExportDocument>>
    exportDocuments(std::optional<ReviewStatus> filter = std::nullopt) const = 0;
    // What a streaming export plans with: every document in batch order, without its texts
    // (taggedText and jsonLine empty; edited is set).
    virtual Expected<QList<ExportDocument>> exportHeaders() const = 0;
    // The documents with these ids, in this order, with their texts: a block of a streaming export.
    // An id the store does not hold is an error naming it.
    virtual Expected<QList<ExportDocument>> exportDocuments(const QStringList &ids) const = 0;
    // Oldest first; a null id gives every document's.
    virtual Expected<QList<AuditEntry>> auditLog(const QString &id = {}) const = 0;

    // Sets the status of every id in one transaction, with an audit row each. Refuses everything
    // when an id is unknown, or when approving a document with error findings without a note
    // (the note is the override reason, see ReviewRules). The note replaces the previous one.
    // With versions, a document changed since its version there is refused too, naming who
    // changed it. In a team store the reviewer is the server's user, whatever is passed.
    virtual Expected<void> setStatus(const QStringList &ids, ReviewStatus status, const QString &note,
                                     const QString &reviewer, const Versions &versions = {}) = 0;
    // Replaces the reviewer's version of a document with facts the caller gathered (the window's
    // session has parsed and checked it already). An approved or rejected document becomes
    // unreviewed (the decision was of the old text; the audit row says so); reviewer and
    // changedAt stay those of the last status change.
    // With a version, a document changed since that version is refused, naming who changed it.
    virtual Expected<void> setTaggedText(const QString &id, const QByteArray &taggedText, const TextFacts &facts,
                                         const QString &reviewer, std::optional<qint64> version = {}) = 0;
    // A new reviewer's version of one document, as Tag All writes many (TextWrite::before is the
    // text it read and planned on).
    struct TextWrite
    {
        QString id;
        QByteArray before;
        QByteArray after;
        TextFacts facts; // of after
    };
    // Replaces the reviewer's versions of several documents as setTaggedText() does one, all in
    // one transaction with an audit row each. A document that no longer holds its `before` text
    // (someone changed it since it was read) or is unknown refuses them all, naming it.
    virtual Expected<void> setTaggedTexts(const QList<TextWrite> &writes, const QString &reviewer) = 0;
    // The same, parsing and checking the text first (before any lock is taken).
    Expected<void> setTaggedText(const QString &id, const QByteArray &taggedText, const Schema &schema,
                                 const Checker &checker, const QString &reviewer, std::optional<qint64> version = {});

    // Saves a spot-check round and its documents, in draw order, in one transaction. Refuses a
    // name that is taken (rounds are never overwritten), an empty name, and ids not in the store.
    // createdAt is set by the store; size is the number of documents.
    virtual Expected<void> createRound(const SpotCheckRound &round, const QList<RoundDocument> &documents) = 0;
    virtual Expected<QList<SpotCheckRound>> rounds() const = 0; // oldest first
    // A round, or an error naming it when the store has no such round.
    virtual Expected<SpotCheckRound> round(const QString &name) const = 0;
    virtual Expected<QList<RoundDocument>> roundDocuments(const QString &round) const = 0; // in draw order
    // Records a judgement of every id in one transaction: a new row each, which replaces earlier
    // judgements of the document in that round (they stay in the store). Refuses everything when
    // the round is unknown, an id is not in the store or not in the round, or the reason does
    // not go with the verdict (a fail needs one, a pass has none).
    virtual Expected<void> judge(const QString &round, const QStringList &ids, Verdict verdict,
                                 std::optional<FailReason> reason, const QString &note, const QString &reviewer) = 0;
    // Every judgement of the round, oldest first; latestJudgements() picks the ones that count.
    virtual Expected<QList<Judgement>> judgements(const QString &round) const = 0;

    // Model suggestions (`annorev suggest`), kept apart from the annotations; a local store's
    // alone: a team store refuses them all with an error saying so, and says false here.
    virtual bool keepsSuggestions() const { return true; }
    struct SuggestionsAdded
    {
        qsizetype added = 0;
        qsizetype replaced = 0;       // pending ones of the same source that went
        qsizetype alreadyDecided = 0; // the same span and label from that source was decided before
        qsizetype documents = 0;      // documents whose suggestions changed
    };
    // Adds suggestions imported from source (a file name) in one transaction, with a "suggest"
    // audit row for each document touched. Importing a source again replaces its pending
    // suggestions and keeps the decided ones, so a suggestion decided before is not asked again.
    // An unknown document, an empty or reversed span refuse them all. id, state and decision
    // are ignored; each is added pending. The documents' disagreement is counted again with the
    // spans of their current versions, parsed with schema (the batch's).
    virtual Expected<SuggestionsAdded> addSuggestions(const QList<Suggestion> &suggestions, const QString &source,
                                                      const QString &reviewer, const Schema &schema) = 0;
    // A document's suggestions of every source and state, by start, then end, then label.
    virtual Expected<QList<Suggestion>> suggestions(const QString &documentId) const = 0;
    // Records a reviewer's decision (Accepted or Rejected) of a pending suggestion, with an audit
    // row. Refuses an unknown id, a suggestion decided already, and Pending. Accepting does not
    // tag the text: the caller edits it (setTaggedText) as the reviewer's edit. The audit row moves
    // the document's version, as any change does (version() gives the new one). The document's
    // disagreement is counted again, parsing its current version with schema.
    virtual Expected<void> decideSuggestion(qint64 id, SuggestionState decision, const QString &reviewer,
                                            const Schema &schema) = 0;
    // How far each of these documents' suggestions and spans differ (SuggestionDisagreement), as
    // counted with the last change to either; documents without suggestions are left out. What
    // the document list shows in its disagreement column (readIndex() reads it with the rest).
    virtual Expected<QHash<QString, int>> disagreements(const QStringList &ids) const = 0;
    struct Disagreement
    {
        QString id;
        int count = 0;
        friend bool operator==(const Disagreement &, const Disagreement &) = default;
    };
    // The documents of the batch whose suggestions and spans differ most, the most first (ties
    // in batch order), at most limit of them; documents that agree are left out.
    virtual Expected<QList<Disagreement>> mostDisagreeing(qsizetype limit) const = 0;
    // Every label's suggestions by state, labels in name order.
    virtual Expected<QList<SuggestionCounts>> suggestionCounts() const = 0;
};

} // namespace annorev
