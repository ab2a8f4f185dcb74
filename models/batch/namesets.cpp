#include "namesets.h"

namespace annorev {

NameSets::NameSets(std::initializer_list<QStringList> first)
{
    for (const QStringList &names : first) {
        numberOf(names);
    }
}

quint32 NameSets::numberOf(const QStringList &names, QList<QStringList> *fresh)
{
    const auto found = m_numbers.constFind(names);
    if (found != m_numbers.cend()) {
        return *found;
    }
    const quint32 number = size();
    m_sets.append(names);
    m_numbers.insert(names, number);
    if (fresh) {
        fresh->append(names);
    }
    return number;
}

} // namespace annorev
