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
    QHash<QString, QString>::const_iterator find(QStringView text) const;

    QHash<QString, QString> m_byFoldedName;
};

} // namespace annorev
