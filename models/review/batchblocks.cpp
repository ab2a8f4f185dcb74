#include "batchblocks.h"

#include "seenids.h"

#include <optional>

namespace annorev::BatchBlocks {

std::pair<QString, int> placeOf(const BatchReader &reader, qsizetype unit)
{
    const ReadResult read = reader.read(unit, BatchReader::Keep::Text);
    const auto *entry = std::get_if<SourceEntry>(&read);
    return entry ? std::pair{entry->path, entry->line} : std::pair{QString(), 0};
}

IdIndex IdIndex::of(const BatchReader &reader, QList<InputError> *errors)
{
    struct Seen
    {
        std::optional<InputError> error;
        bool document = false; // neither an error nor a blank line
        QString id;
        QString path;
        int line = 0;
    };
    IdIndex index;
    const auto see = [&reader](qsizetype unit) {
        ReadResult read = reader.read(unit, BatchReader::Keep::Text);
        Seen seen;
        if (auto *error = std::get_if<InputError>(&read)) {
            seen.error = std::move(*error);
        } else if (const auto *entry = std::get_if<SourceEntry>(&read)) {
            seen = {std::nullopt, true, entry->id, entry->path, entry->line};
        }
        return seen;
    };
    qsizetype unit = 0;
    forEachBlock(reader, see, [&](const QList<Seen> &block) {
        for (const Seen &seen : block) {
            if (seen.error) {
                errors->append(*seen.error);
            } else if (seen.document) {
                if (const qsizetype first = index.byId.value(seen.id, -1); first >= 0) {
                    const auto [firstPath, firstLine] = placeOf(reader, index.units[first]);
                    errors->append(SeenIds::duplicate(seen.id, seen.path, seen.line, firstPath, firstLine));
                } else {
                    index.byId.insert(seen.id, index.ids.size());
                    index.ids.append(seen.id);
                    index.units.append(unit);
                }
            }
            ++unit;
        }
    });
    return index;
}

} // namespace annorev::BatchBlocks
