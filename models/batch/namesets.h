#pragma once

#include <QHash>
#include <QList>
#include <QStringList>

#include <initializer_list>

namespace annorev {

// Numbers each distinct set of names (a document's labels, or the rules that fired in it) once,
// in the order they are first met: a list of a million documents keeps a number per document,
// not its names, and a filter compares numbers.
class NameSets
{
public:
    // The sets numbered from 0 before any other.
    NameSets(std::initializer_list<QStringList> first = {});

    // The set's number; a set met for the first time gets the next one, and is appended to fresh
    // when given.
    quint32 numberOf(const QStringList &names, QList<QStringList> *fresh = nullptr);
    // The number the next new set gets: how many are numbered.
    quint32 size() const { return quint32(m_sets.size()); }
    const QStringList &at(quint32 number) const { return m_sets.at(number); }
    // Every set, by number.
    const QList<QStringList> &sets() const { return m_sets; }

private:
    QList<QStringList> m_sets;
    QHash<QStringList, quint32> m_numbers;
};

} // namespace annorev
