#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QStringList>

#include <string>
#include <string_view>
#include <unordered_map>

namespace annorev {

// Label or rule names as FactsView gives them (percent-encoded views), numbered in the order first
// seen, so that counting a million documents' facts looks names up without making a string of
// each. A name is decoded once, when first seen; two spellings of one name get one number.
class FactsNames
{
public:
    // The number of the name, given one when new.
    int indexOf(QByteArrayView encodedName);
    // The number of a decoded name, or -1 when it was never seen.
    int indexOfName(const QString &name) const { return m_byName.value(name, -1); }
    const QString &name(int index) const { return m_names[index]; }
    const QStringList &names() const { return m_names; } // by number
    qsizetype size() const { return m_names.size(); }

private:
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>()(text); }
    };
    std::unordered_map<std::string, int, Hash, std::equal_to<>> m_byEncoded;
    QHash<QString, int> m_byName;
    QStringList m_names;
};

} // namespace annorev
