#pragma once

#include "batchreader.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>
#include <vector>

namespace annorev {

// The ids of a batch's documents read so far, in input order, and where each was first read:
// every store and export needs ids to be unique, so a repeated one is refused.
//
// A million ids are a flat table of hashes and indexes over one array of their characters rather
// than a QHash<QString, ...>, which allocates a node per id, keeps each id's string alive and
// compares strings at each probe: the table takes a fifth of the memory, and a new id (nearly
// every one) costs one cache miss. The hash is computed apart, so that worker threads can
// compute it while one thread adds the ids in order.
class SeenIds
{
public:
    static size_t hash(QStringView id);

    // Records id, read at path and line, unless an earlier document had it: then the error that
    // refuses this one, naming where the first was read.
    std::optional<InputError> add(QStringView id, size_t hash, const QString &path, int line);
    // The error that refuses a document (at path, line) whose id one at firstPath, firstLine had.
    static InputError duplicate(QStringView id, const QString &path, int line, const QString &firstPath,
                                int firstLine);
    qsizetype size() const { return m_entries.size(); }
    // Makes room for count ids in all, so that adding them never builds the table again.
    void reserve(qsizetype count);

private:
    struct Entry
    {
        qsizetype idBegin; // in m_characters
        qint32 idLength;
        qint32 line;
        qint32 path; // in m_paths
    };
    struct Slot
    {
        quint32 check = 0; // the hash's high bits, to pass over most other ids unread
        quint32 entry = 0; // index into m_entries plus one; 0 for an empty slot
    };
    QStringView idOf(const Entry &entry) const;
    void rebuild(qsizetype slots);

    QList<Slot> m_slots; // a power of two, at most half full
    QList<Entry> m_entries;
    std::vector<char16_t> m_characters;
    QStringList m_paths; // one per file: a JSON Lines file's lines share theirs
};

} // namespace annorev
