#include "seenids.h"

#include <QHashFunctions>

namespace annorev {

size_t SeenIds::hash(QStringView id)
{
    return qHash(id, QHashSeed::globalSeed());
}

QStringView SeenIds::idOf(const Entry &entry) const
{
    return QStringView(m_characters.data() + entry.idBegin, entry.idLength);
}

std::optional<InputError> SeenIds::add(QStringView id, size_t hash, const QString &path, int line)
{
    if ((m_entries.size() + 1) * 2 > m_slots.size()) {
        rebuild(std::max<qsizetype>(1024, m_slots.size() * 2));
    }
    const auto check = quint32(quint64(hash) >> 32);
    const qsizetype mask = m_slots.size() - 1;
    qsizetype at = qsizetype(hash) & mask;
    Slot *table = m_slots.data();
    for (; table[at].entry != 0; at = (at + 1) & mask) {
        if (table[at].check != check) {
            continue;
        }
        const Entry &first = m_entries.at(table[at].entry - 1);
        if (idOf(first) == id) {
            return duplicate(id, path, line, m_paths.at(first.path), first.line);
        }
    }
    // Units come file by file: the path is a new one only where a file begins.
    if (m_paths.isEmpty() || m_paths.last() != path) {
        m_paths.append(path);
    }
    m_entries.append(Entry{qsizetype(m_characters.size()), qint32(id.size()), qint32(line), qint32(m_paths.size() - 1)});
    const auto *characters = reinterpret_cast<const char16_t *>(id.data());
    m_characters.insert(m_characters.end(), characters, characters + id.size());
    table[at] = Slot{check, quint32(m_entries.size())};
    return std::nullopt;
}

void SeenIds::reserve(qsizetype count)
{
    qsizetype size = std::max<qsizetype>(1024, m_slots.size());
    while ((count + 1) * 2 > size) {
        size *= 2;
    }
    if (size > m_slots.size()) {
        rebuild(size);
    }
    m_entries.reserve(count);
}

void SeenIds::rebuild(qsizetype size)
{
    QList<Slot> table(size);
    const qsizetype mask = size - 1;
    for (qsizetype e = 0; e < m_entries.size(); ++e) {
        const size_t h = hash(idOf(m_entries.at(e)));
        qsizetype at = qsizetype(h) & mask;
        while (table[at].entry != 0) {
            at = (at + 1) & mask;
        }
        table[at] = Slot{quint32(quint64(h) >> 32), quint32(e + 1)};
    }
    m_slots = std::move(table);
}

InputError SeenIds::duplicate(QStringView id, const QString &path, int line, const QString &firstPath, int firstLine)
{
    const QString where = firstLine > 0 ? QStringLiteral("line %1").arg(firstLine) : firstPath;
    return InputError{path, line, QStringLiteral("duplicate id \"%1\" (first at %2): skipped").arg(id, where)};
}

} // namespace annorev
