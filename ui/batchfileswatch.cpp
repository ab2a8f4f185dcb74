#include "batchfileswatch.h"

#include "reviewstore.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace annorev {

BatchFilesWatch::BatchFilesWatch(QObject *parent)
    : QObject(parent), m_watcher(new QFileSystemWatcher(this)), m_settle(new QTimer(this))
{
    m_settle->setSingleShot(true);
    m_settle->setInterval(settleMs);
    connect(m_settle, &QTimer::timeout, this, &BatchFilesWatch::startLook);
    // Not restarted by the next event: a file written without pause is still looked at.
    const auto heard = [this] {
        if (!m_settle->isActive()) {
            m_settle->start();
        }
    };
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, heard);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, heard);
    connect(&m_looking, &QFutureWatcherBase::finished, this, &BatchFilesWatch::lookDone);
}

BatchFilesWatch::~BatchFilesWatch()
{
    m_looking.waitForFinished();
}

void BatchFilesWatch::setBatch(const QStringList &inputs, const std::optional<BatchStamp> &syncedUnder,
                               const QString &storePath)
{
    ++m_generation;
    m_settle->stop();
    unwatch();
    m_inputs = inputs;
    m_storePath = storePath;
    m_baseline = syncedUnder;
    m_pathsWatched = false;
    m_lookAgain = false;
    m_readStore = false;
    m_changed = false;
    if (!m_inputs.isEmpty()) {
        // The first look lists what to watch, and tells of a change made while the store synced.
        startLook();
    }
}

void BatchFilesWatch::lookNow()
{
    m_settle->stop();
    startLook();
}

void BatchFilesWatch::storeWritten()
{
    if (m_changed && !m_inputs.isEmpty()) {
        m_readStore = true;
        lookNow();
    }
}

int BatchFilesWatch::watchedPathCount() const
{
    return int(m_watcher->files().size() + m_watcher->directories().size());
}

bool BatchFilesWatch::isLooking() const
{
    // Until lookDone() has taken the result in, not only until the worker is done with it.
    return m_lookInFlight || m_settle->isActive();
}

BatchFilesWatch::Look BatchFilesWatch::look(const QStringList &inputs, bool listPaths, const QString &storePath,
                                            qint64 knownTakenAtNs)
{
    Look result;
    // Read before the files are stamped: a sync that ends between the two is then seen as not yet
    // made, and the next look sees it, rather than as made over files it did not read.
    // A store that is gone is not made again by opening it; one that cannot be read leaves the
    // stamps to match as they were. Stamps taken when the known ones were are those: a write that
    // was not a sync costs one row, not a row a file of a large folder.
    if (!storePath.isEmpty() && QFileInfo::exists(storePath)) {
        if (Expected<std::unique_ptr<ReviewStore>> store = ReviewStore::open(storePath); store) {
            const Expected<std::optional<qint64>> takenAt = (*store)->inputStampsTakenAt();
            if (takenAt && *takenAt && **takenAt != knownTakenAtNs) {
                if (Expected<std::optional<BatchStamp>> synced = (*store)->inputStamps(); synced && *synced) {
                    result.synced = **synced;
                }
            }
        }
    }
    result.now = BatchStamp::take(inputs);
    if (!listPaths) {
        return result;
    }
    QStringList folders;
    QStringList files;
    QList<QString> folderInputs;
    for (const QString &input : inputs) {
        const QString path = FileStamp::keyOf(input);
        const QFileInfo info(path);
        if (info.isDir()) {
            folderInputs.append(path + u'/');
            folders.append(path);
            // As the batch's listing does: hidden folders and linked ones are not entered.
            QDirIterator subfolders(path, QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks,
                                    QDirIterator::Subdirectories);
            while (subfolders.hasNext() && folders.size() < maxWatchedPaths) {
                folders.append(subfolders.next());
            }
        } else {
            // An editor that saves by writing a new file and renaming it over the old one shows in
            // the folder, whatever becomes of the watch on the file.
            files.append(path);
            folders.append(info.absolutePath());
        }
    }
    for (const FileStamp &file : result.now.files) {
        if (std::any_of(folderInputs.cbegin(), folderInputs.cend(),
                        [&file](const QString &folder) { return file.path.startsWith(folder); })) {
            files.append(file.path);
        }
    }
    folders.removeDuplicates();
    files.removeDuplicates();
    result.paths = (folders + files).mid(0, maxWatchedPaths);
    return result;
}

void BatchFilesWatch::startLook()
{
    if (m_lookInFlight) {
        m_lookAgain = true;
        return;
    }
    m_lookGeneration = m_generation;
    // Only a look asked for by a write to the store reads it: opening it touches the files the
    // database keeps beside it, which may be in a watched folder, and a look at each of those
    // events would read it again.
    const QString storePath = std::exchange(m_readStore, false) ? m_storePath : QString();
    m_lookInFlight = true;
    m_looking.setFuture(QtConcurrent::run(&BatchFilesWatch::look, m_inputs, !m_pathsWatched, storePath,
                                          m_baseline ? m_baseline->takenAtNs : qint64(-1)));
}

void BatchFilesWatch::lookDone()
{
    m_lookInFlight = false;
    const Look result = m_looking.result();
    if (m_lookGeneration != m_generation) {
        m_lookAgain = false;
        // A look at the batch shown before: this one's first look is still to make.
        if (!m_inputs.isEmpty()) {
            startLook();
        }
        return;
    }
    // A file replaced by another of its name loses its watch, and the replacement changed the
    // batch (another inode): its folder's watch tells of what follows, and the watches are set
    // anew once the files match the store again.
    bool again = std::exchange(m_lookAgain, false);
    if (!m_pathsWatched) {
        m_pathsWatched = true;
        watch(result.paths);
        // The file system tells only of what happens from now on: a change made between this
        // look's stamps and the watch is seen by the next look.
        again = true;
    }
    if (result.synced) {
        m_baseline = result.synced;
    }
    if (!m_baseline) {
        m_baseline = result.now;
        Q_EMIT lookedUnchanged();
    } else if (result.now.files != m_baseline->files) {
        if (!m_changed) {
            m_changed = true;
            Q_EMIT changed();
        }
    } else if (m_changed) {
        m_changed = false;
        unwatch();
        m_pathsWatched = false;
        again = true;
        Q_EMIT unchangedAgain();
    } else {
        Q_EMIT lookedUnchanged();
    }
    if (again) {
        startLook();
    }
}

void BatchFilesWatch::unwatch()
{
    const QStringList watched = m_watcher->files() + m_watcher->directories();
    if (!watched.isEmpty()) {
        m_watcher->removePaths(watched);
    }
}

void BatchFilesWatch::watch(const QStringList &paths)
{
    // The look listed them just now; one gone since, or past the system's limit of watches, is
    // left out by the watcher, and the stamps still decide at each look.
    if (!paths.isEmpty()) {
        m_watcher->addPaths(paths);
    }
}

} // namespace annorev
