#include "batchsync.h"

#include "batchstamp.h"
#include "checker.h"
#include "schema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrent>

#include <algorithm>
#include <optional>

namespace annorev::BatchSync {

namespace {

QByteArray hashOf(const QByteArray &source)
{
    return QCryptographicHash::hash(source, QCryptographicHash::Blake2b_256);
}

} // namespace

Scan scan(const BatchReader &reader, const QStringList &batchInputs, const QHash<QString, QByteArray> &known,
          const SyncControl &control)
{
    QSet<QString> fileInputs;
    for (const QString &input : batchInputs) {
        const QFileInfo info(input);
        if (!info.isDir() && !input.endsWith(u".jsonl", Qt::CaseInsensitive)) {
            fileInputs.insert(input);
        }
    }

    // Reading and hashing run on every core; ids are checked for repeats in batch order after.
    struct Read
    {
        std::optional<InputError> error;
        std::optional<Seen> seen;
        bool read = true;
    };
    constexpr qsizetype chunkSize = 1024;
    QList<std::pair<qsizetype, qsizetype>> chunks;
    for (qsizetype begin = 0; begin < reader.size(); begin += chunkSize) {
        chunks.append({begin, std::min(reader.size(), begin + chunkSize)});
    }
    const auto readChunk = [&reader, &fileInputs, &known](const std::pair<qsizetype, qsizetype> &chunk) -> QList<Read> {
        QList<Read> reads;
        for (qsizetype unit = chunk.first; unit < chunk.second; ++unit) {
            if (!known.isEmpty()) {
                if (const std::optional<BatchReader::WholeFile> file = reader.wholeFile(unit)) {
                    const auto hash = known.constFind(FileStamp::keyOf(file->path));
                    if (hash != known.cend()) {
                        const BatchLayout layout =
                            fileInputs.contains(file->path) ? BatchLayout::File : BatchLayout::Folder;
                        reads.append(Read{std::nullopt, Seen{unit, file->id, *hash, file->path, 0, layout}, false});
                        continue;
                    }
                }
            }
            ReadResult read = reader.read(unit, BatchReader::Keep::Text);
            if (auto *inputError = std::get_if<InputError>(&read)) {
                reads.append(Read{std::move(*inputError), std::nullopt});
            } else if (const auto *entry = std::get_if<SourceEntry>(&read)) {
                const BatchLayout layout = entry->line > 0                    ? BatchLayout::JsonLines
                                           : fileInputs.contains(entry->path) ? BatchLayout::File
                                                                              : BatchLayout::Folder;
                reads.append(
                    Read{std::nullopt, Seen{unit, entry->id, hashOf(entry->source), entry->path, entry->line, layout}});
            }
        }
        return reads;
    };
    // A slice of chunks at a time keeps every core busy and lets progress and a cancel through
    // every few thousand documents.
    const qsizetype slice = 2 * std::max(4, QThreadPool::globalInstance()->maxThreadCount());
    Scan result;
    QList<QList<Read>> readChunks;
    readChunks.reserve(chunks.size());
    control.report(SyncControl::Stage::Reading, 0, reader.size());
    for (qsizetype first = 0; first < chunks.size(); first += slice) {
        if (control.cancelled()) {
            result.cancelled = true;
            return result;
        }
        readChunks.append(QtConcurrent::blockingMapped<QList<QList<Read>>>(chunks.mid(first, slice), readChunk));
        const qsizetype read = chunks[readChunks.size() - 1].second;
        control.report(SyncControl::Stage::Reading, read, reader.size());
    }

    result.seen.reserve(reader.size());
    result.byId.reserve(reader.size());
    for (const QList<Read> &reads : readChunks) {
        for (const Read &read : reads) {
            result.unitsRead += read.read ? 1 : 0;
            if (read.error) {
                result.inputErrors.append(*read.error);
                continue;
            }
            const Seen &doc = *read.seen;
            const auto first = result.byId.constFind(doc.id);
            if (first != result.byId.cend()) {
                const Seen &earlier = result.seen[*first];
                const QString where = earlier.line > 0 ? QStringLiteral("line %1").arg(earlier.line) : earlier.path;
                result.inputErrors.append(
                    InputError{doc.path, doc.line,
                               QStringLiteral("duplicate id \"%1\" (first at %2): skipped").arg(doc.id, where)});
                continue;
            }
            result.byId.insert(doc.id, result.seen.size());
            result.seen.append(doc);
        }
    }
    return result;
}

QHash<QString, QByteArray> fileHashes(const Scan &scan)
{
    QHash<QString, QByteArray> hashes;
    for (const Seen &doc : scan.seen) {
        if (doc.line == 0) {
            hashes.insert(FileStamp::keyOf(doc.path), doc.hash);
        }
    }
    return hashes;
}

bool Plan::isEmpty() const
{
    return inserts.isEmpty() && relocate.isEmpty() && changed.isEmpty() && restored.isEmpty() && returned.isEmpty() &&
           missing.isEmpty();
}

Plan plan(const Scan &scan, const StoredById &stored)
{
    Plan plan;
    // The store's order (position, then id, as the list reads it) of the last document kept.
    std::optional<std::pair<qsizetype, QStringView>> lastKept;
    for (qsizetype i = 0; i < scan.seen.size(); ++i) {
        const Seen &doc = scan.seen[i];
        const auto found = stored.constFind(doc.id);
        if (found == stored.cend()) {
            plan.inserts.append(i);
            continue;
        }
        if (!found->missing) {
            const std::pair<qsizetype, QStringView> place{found->position, found.key()};
            plan.reordered = plan.reordered || (lastKept && place < *lastKept);
            lastKept = place;
        }
        const bool sameSource = found->hash == doc.hash;
        if (!sameSource && !found->sourceChanged) {
            plan.changed.append(i);
        } else if (sameSource && found->sourceChanged) {
            plan.restored.append(i);
        }
        if (found->missing) {
            plan.returned.append(i);
        }
        if (found->position != doc.unit || (sameSource && (found->path != doc.path || found->line != doc.line))) {
            plan.relocate.append(i);
        }
    }
    for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
        if (!it->missing && !scan.byId.contains(it.key())) {
            plan.missing.append(it.key());
        }
    }
    plan.missing.sort();
    return plan;
}

bool addsToListedBatch(const QString &recorded, const StoredById &stored)
{
    return !recorded.isEmpty() || !stored.isEmpty();
}

QString unreadableInputs(const BatchReader &reader)
{
    QStringList messages;
    for (const InputError &inputError : reader.errors()) {
        messages.append(inputError.located());
    }
    return messages.join(u'\n');
}

QString identity(const QStringList &batchInputs)
{
    QStringList paths;
    for (const QString &input : batchInputs) {
        const QFileInfo info(input);
        const QString canonical = info.canonicalFilePath();
        paths.append(canonical.isEmpty() ? QDir::cleanPath(info.absoluteFilePath()) : canonical);
    }
    return paths.join(u'\n');
}

Expected<void> checkSameBatch(const QString &store, bool storeBesideBatch, const QString &recorded,
                              const QString &batch, const Scan &scan, const StoredById &stored)
{
    const QStringList recordedInputs = recorded.split(u'\n', Qt::SkipEmptyParts);
    const bool shared =
        std::any_of(scan.seen.cbegin(), scan.seen.cend(), [&](const Seen &doc) { return stored.contains(doc.id); });
    const bool elsewhere = !recordedInputs.isEmpty() &&
                           std::all_of(recordedInputs.cbegin(), recordedInputs.cend(),
                                       [](const QString &input) { return QFileInfo::exists(input); }) &&
                           !storeBesideBatch;
    if (recorded == batch || stored.isEmpty() || (shared && !elsewhere)) {
        return {};
    }
    QString other = QString(recorded).replace(u'\n', QStringLiteral(", "));
    if (other.isEmpty()) {
        // Stores from before the batch was recorded: name it by one of its documents.
        const auto first = std::min_element(stored.cbegin(), stored.cend(),
                                            [](const Stored &a, const Stored &b) { return a.position < b.position; });
        other = u"of " % first->path;
    }
    return Error{u"the store " % store % u" belongs to another batch (" % other % u"), not to " %
                 QString(batch).replace(u'\n', QStringLiteral(", ")) %
                 u". Give this batch its own store (leave out --store for the one beside it); nothing was changed"};
}

Import prepareImport(const BatchReader &reader, const Scan &scan, qsizetype index, const Schema &schema,
                     const Checker &checker)
{
    ReadResult read = reader.read(scan.seen[index].unit, BatchReader::Keep::TextAndLine);
    auto *entry = std::get_if<SourceEntry>(&read);
    if (!entry) {
        return {};
    }
    TextFacts facts = TextFacts::of(entry->source, schema, checker);
    return Import{std::move(*entry), std::move(facts), true};
}

QList<Import> prepareImports(const BatchReader &reader, const Scan &scan, const QList<qsizetype> &indexes,
                             const Schema &schema, const Checker &checker)
{
    return QtConcurrent::blockingMapped<QList<Import>>(
        indexes, [&](qsizetype index) { return prepareImport(reader, scan, index, schema, checker); });
}

QString relativePath(const Seen &doc)
{
    return doc.layout == BatchLayout::Folder ? doc.id
           : doc.layout == BatchLayout::File ? QFileInfo(doc.path).fileName()
                                             : QStringLiteral("");
}

ReviewStore::SyncReport report(const Plan &plan, const Scan &scan)
{
    ReviewStore::SyncReport report;
    report.inputErrors = scan.inputErrors;
    report.imported = plan.inserts.size();
    for (qsizetype i : plan.changed) {
        report.sourceChanged.append(scan.seen[i].id);
    }
    for (qsizetype i : plan.restored) {
        report.sourceRestored.append(scan.seen[i].id);
    }
    for (qsizetype i : plan.returned) {
        report.returned.append(scan.seen[i].id);
    }
    report.missing = plan.missing;
    report.unitsRead = scan.unitsRead;
    return report;
}

} // namespace annorev::BatchSync
