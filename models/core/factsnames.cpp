#include "factsnames.h"

#include "factsview.h"

namespace annorev {

int FactsNames::indexOf(QByteArrayView encodedName)
{
    const std::string_view key(encodedName.data(), std::size_t(encodedName.size()));
    if (const auto found = m_byEncoded.find(key); found != m_byEncoded.end()) {
        return found->second;
    }
    const QString name = FactsView::name(encodedName);
    int index = m_byName.value(name, -1);
    if (index < 0) {
        index = int(m_names.size());
        m_byName.insert(name, index);
        m_names.append(name);
    }
    m_byEncoded.emplace(std::string(key), index);
    return index;
}

} // namespace annorev
