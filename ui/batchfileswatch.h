#pragma once

#include "batchstamp.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <optional>

class QFileSystemWatcher;
class QTimer;

namespace annorev {

// Tells the window when the files of the batch it shows change on disk, so that it can offer to
// bring the batch up to date (File › Reload Batch). The files are never read here.
//
// The file system says that something happened: each file input and its folder, each folder
// input with its subfolders, and that folder's documents up to maxWatchedPaths in all. Whether the
// batch changed is then decided the way a sync decides it, by stamps: the batch's stamps are taken
// again (BatchStamp::take(), on a worker: a large folder is a listing and a stat per file) and set
// against those the store was synced under. So an editor's swap file, an export written beside the
// batch or the store's own files give no notice, and a file edited and put back does not either.
// Past maxWatchedPaths (a folder of more documents than that), a document edited in place is seen
// at the next change the file system does report, or at a reload.
//
// Once a change is told, looks go on: the notice is taken back (unchangedAgain()) when the files
// match again, because the change was undone or because another process (a command in a
// terminal, a second window) synced the store: while the files differ, a write to the store
// (storeWritten()) has a look read the stamps it was last synced under, and those become the ones
// to match.
class BatchFilesWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchFilesWatch)

public:
    static constexpr int maxWatchedPaths = 4096;
    // The look follows the file system's first word by this much, so that a burst of changes (an
    // editor's save, a script rewriting files) gives one look.
    static constexpr int settleMs = 300;

    explicit BatchFilesWatch(QObject *parent = nullptr);
    ~BatchFilesWatch() override;

    // Watches these inputs (none: stops) against the stamps the store at storePath was synced
    // under, or, without them, against stamps taken now. Forgets a change seen before.
    void setBatch(const QStringList &inputs, const std::optional<BatchStamp> &syncedUnder,
                  const QString &storePath = {});
    QStringList inputs() const { return m_inputs; }
    // Whether the files are known to differ from what the store was synced with.
    bool hasChanged() const { return m_changed; }
    // Looks at the files now rather than after the file system's next word (tests, and a window
    // shown again after a while).
    void lookNow();
    // The store was written (the window heard of it; its own writes are among those): if the files
    // were told changed, another process may have synced the store with them.
    void storeWritten();
    // The paths the file system reports on (tests).
    int watchedPathCount() const;
    // Whether a look is under way or about to be (tests wait for the watch to be idle).
    bool isLooking() const;

Q_SIGNALS:
    // The batch's files differ from what the store was synced with; said once, until setBatch() or
    // unchangedAgain().
    void changed();
    // The files told changed match what the store was synced with again; said once a change.
    void unchangedAgain();
    // A look was made and found nothing new (tests wait for it).
    void lookedUnchanged();

private:
    struct Look
    {
        BatchStamp now;
        QStringList paths;                // what to watch: folders first, then files
        std::optional<BatchStamp> synced; // what the store was last synced under, when asked
    };
    static Look look(const QStringList &inputs, bool listPaths, const QString &storePath, qint64 knownTakenAtNs);
    void startLook();
    void lookDone();
    void watch(const QStringList &paths);
    void unwatch();

    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_settle = nullptr;
    QFutureWatcher<Look> m_looking;
    QStringList m_inputs;
    QString m_storePath;
    std::optional<BatchStamp> m_baseline; // none until the first look takes it
    bool m_pathsWatched = false;
    bool m_lookAgain = false;
    bool m_lookInFlight = false; // started, and its result not yet taken in
    bool m_readStore = false; // the next look reads the stamps the store was synced under
    bool m_changed = false;
    quint64 m_generation = 0; // which setBatch() a look in flight belongs to
    quint64 m_lookGeneration = 0;
};

} // namespace annorev
