#include "countryaliases.h"

#include "internedstring.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVarLengthArray>

namespace annorev {

namespace {

// Span text may wrap a line inside a name ("United\nStates"), so inner white space is collapsed too.
QString foldedName(QStringView text)
{
    return text.toString().simplified().toCaseFolded();
}

} // namespace

const CountryAliases &CountryAliases::builtin()
{
    static const CountryAliases aliases = [] {
        QFile file(QStringLiteral(":/schema/countries.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qFatal("annorev: the built-in country list resource is missing");
        }
        Expected<CountryAliases> parsed = fromJson(file.readAll());
        if (!parsed) {
            qFatal("annorev: the built-in country list is invalid: %s", qPrintable(parsed.error().message));
        }
        return *std::move(parsed);
    }();
    return aliases;
}

Expected<CountryAliases> CountryAliases::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{
            QStringLiteral("invalid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString())};
    }
    const QJsonObject root = doc.object();
    if (!doc.isObject() || !root.value(u"countries").isObject()) {
        return Error{QStringLiteral("a country list is an object with a \"countries\" object")};
    }
    if (const QJsonValue version = root.value(u"version"); !version.isUndefined() && version.toInt(-1) != 1) {
        return Error{
            QStringLiteral("unsupported country list version %1; expected 1").arg(version.toVariant().toString())};
    }

    CountryAliases aliases;
    // What is wrong with adding the name, or an empty string.
    const auto add = [&aliases](const QString &name, const QString &canonical) {
        const QString key = foldedName(name);
        if (key.isEmpty()) {
            return QStringLiteral("\"%1\" has an empty name").arg(canonical);
        }
        const auto existing = aliases.m_byFoldedName.constFind(FoldedName{key});
        if (existing != aliases.m_byFoldedName.cend() && *existing != canonical) {
            return QStringLiteral("\"%1\" names both \"%2\" and \"%3\"").arg(name, *existing, canonical);
        }
        aliases.m_byFoldedName.insert(FoldedName{key}, internedString(canonical));
        return QString();
    };

    const QJsonObject countries = root.value(u"countries").toObject();
    for (auto it = countries.begin(); it != countries.end(); ++it) {
        const QString canonical = it.key().trimmed();
        if (const QString problem = add(canonical, canonical); !problem.isEmpty()) {
            return Error{problem};
        }
        if (!it.value().isArray()) {
            return Error{QStringLiteral("the aliases of \"%1\" must be an array of strings").arg(canonical)};
        }
        const QJsonArray names = it.value().toArray();
        for (const QJsonValue &alias : names) {
            if (!alias.isString()) {
                return Error{QStringLiteral("the aliases of \"%1\" must be an array of strings").arg(canonical)};
            }
            if (const QString problem = add(alias.toString(), canonical); !problem.isEmpty()) {
                return Error{problem};
            }
        }
    }
    return aliases;
}

QString CountryAliases::canonical(QStringView text) const
{
    const auto it = find(text);
    return it != m_byFoldedName.cend() ? *it : text.trimmed().toString();
}

bool CountryAliases::isKnown(QStringView text) const
{
    return find(text) != m_byFoldedName.cend();
}

CountryAliases::Table::const_iterator CountryAliases::find(QStringView text) const
{
    // Every span of a batch's country label is looked up: an ASCII name (most of them) is folded
    // on the stack, as foldedName would fold it, and looked up without a string of its own.
    QVarLengthArray<char16_t, 64> folded;
    bool pendingSpace = false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x80) {
            return m_byFoldedName.constFind(FoldedName{foldedName(text)});
        }
        if (u == u' ' || (u >= u'\t' && u <= u'\r')) {
            pendingSpace = !folded.isEmpty();
            continue;
        }
        if (pendingSpace) {
            folded.append(u' ');
            pendingSpace = false;
        }
        folded.append(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u);
    }
    return m_byFoldedName.constFind(
        FoldedName{QString::fromRawData(reinterpret_cast<const QChar *>(folded.constData()), folded.size())});
}

QStringList CountryAliases::names() const
{
    QStringList names(m_byFoldedName.cbegin(), m_byFoldedName.cend());
    names.sort(Qt::CaseInsensitive);
    names.removeDuplicates();
    return names;
}

} // namespace annorev
