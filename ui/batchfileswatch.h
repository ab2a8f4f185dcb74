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

    // Watches these inputs (none: stops) against the stamps the store was synced under, or, without
    // them, against stamps taken now. Forgets a change seen before.
    void setBatch(const QStringList &inputs, const std::optional<BatchStamp> &syncedUnder);
    QStringList inputs() const { return m_inputs; }
    // Whether the files are known to differ from what the store was synced with.
    bool hasChanged() const { return m_changed; }
    // Looks at the files now rather than after the file system's next word (tests, and a window
    // shown again after a while).
    void lookNow();
    // The paths the file system reports on (tests).
    int watchedPathCount() const;
    // Whether a look is under way or about to be (tests wait for the watch to be idle).
    bool isLooking() const;

Q_SIGNALS:
    // The batch's files differ from what the store was synced with; said once until setBatch().
    void changed();
    // A look was made and found nothing new (tests wait for it).
    void lookedUnchanged();

private:
    struct Look
    {
        BatchStamp now;
        QStringList paths; // what to watch: folders first, then files
    };
    static Look look(const QStringList &inputs, bool listPaths);
    void startLook();
    void lookDone();
    void watch(const QStringList &paths);

    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_settle = nullptr;
    QFutureWatcher<Look> m_looking;
    QStringList m_inputs;
    std::optional<BatchStamp> m_baseline; // none until the first look takes it
    bool m_pathsWatched = false;
    bool m_lookAgain = false;
    bool m_changed = false;
    quint64 m_generation = 0; // which setBatch() a look in flight belongs to
    quint64 m_lookGeneration = 0;
};

} // namespace annorev
