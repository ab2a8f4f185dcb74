#pragma once

#include "expected.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace annorev {

// Canonical country names and their aliases (resources/schema/countries.json).
class CountryAliases
{
public:
    static const CountryAliases &builtin();
    static Expected<CountryAliases> fromJson(const QByteArray &json);

    // The canonical name for an alias or a canonical name (ignoring case and surrounding white
    // space); the trimmed text itself when it is not known.
    QString canonical(QStringView text) const;
    bool isKnown(QStringView text) const;
    // Every canonical name, sorted: what a country editor offers.
    QStringList names() const;

private:
    // A case-folded name as the table's key. Every country span of a batch is looked up: its
    // short key is hashed inline with FNV-1a rather than through a call into Qt's string hash
    // (with the interned names below, `check` took 6% less CPU; README › Speed). The names come
    // from the country list, not from the documents, so the table cannot be flooded by what it
    // is asked.
    struct FoldedName
    {
        QString text;
        friend bool operator==(const FoldedName &a, const FoldedName &b) { return a.text == b.text; }
        friend size_t qHash(const FoldedName &name, size_t seed) noexcept
        {
            quint64 hash = 14695981039346656037ull ^ quint64(seed);
            for (const QChar c : name.text) {
                hash = (hash ^ c.unicode()) * 1099511628211ull;
            }
            return size_t(hash);
        }
    };
    using Table = QHash<FoldedName, QString>;

    Table::const_iterator find(QStringView text) const;

    // The canonical names are interned (internedString()): every country span's value copies one,
    // and a shared string's reference count would pass between the cores checking a batch.
    Table m_byFoldedName;
};

} // namespace annorev
