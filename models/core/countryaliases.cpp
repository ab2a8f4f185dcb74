#include "countryaliases.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace annorev {

namespace {

// Span text may wrap a line inside a name ("United\nStates"), so inner white space is collapsed too.
QString foldedName(QStringView text)
{
    return text.toString().simplified().toCaseFolded();
}

std::nullopt_t fail(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
    return std::nullopt;
}

} // namespace

const CountryAliases &CountryAliases::builtin()
{
    static const CountryAliases aliases = [] {
        QFile file(QStringLiteral(":/schema/countries.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qFatal("annorev: the built-in country list resource is missing");
        }
        QString error;
        auto parsed = fromJson(file.readAll(), &error);
        if (!parsed) {
            qFatal("annorev: the built-in country list is invalid: %s", qPrintable(error));
        }
        return *std::move(parsed);
    }();
    return aliases;
}

std::optional<CountryAliases> CountryAliases::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return fail(error,
                    QStringLiteral("invalid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    }
    const QJsonObject root = doc.object();
    if (!doc.isObject() || !root.value(u"countries").isObject()) {
        return fail(error, QStringLiteral("a country list is an object with a \"countries\" object"));
    }
    if (const QJsonValue version = root.value(u"version"); !version.isUndefined() && version.toInt(-1) != 1) {
        return fail(
            error,
            QStringLiteral("unsupported country list version %1; expected 1").arg(version.toVariant().toString()));
    }

    CountryAliases aliases;
    // What is wrong with adding the name, or an empty string.
    const auto add = [&aliases](const QString &name, const QString &canonical) {
        const QString key = foldedName(name);
        if (key.isEmpty()) {
            return QStringLiteral("\"%1\" has an empty name").arg(canonical);
        }
        const auto existing = aliases.m_byFoldedName.constFind(key);
        if (existing != aliases.m_byFoldedName.cend() && *existing != canonical) {
            return QStringLiteral("\"%1\" names both \"%2\" and \"%3\"").arg(name, *existing, canonical);
        }
        aliases.m_byFoldedName.insert(key, canonical);
        return QString();
    };

    const QJsonObject countries = root.value(u"countries").toObject();
    for (auto it = countries.begin(); it != countries.end(); ++it) {
        const QString canonical = it.key().trimmed();
        if (const QString problem = add(canonical, canonical); !problem.isEmpty()) {
            return fail(error, problem);
        }
        if (!it.value().isArray()) {
            return fail(error, QStringLiteral("the aliases of \"%1\" must be an array of strings").arg(canonical));
        }
        const QJsonArray names = it.value().toArray();
        for (const QJsonValue &alias : names) {
            if (!alias.isString()) {
                return fail(error, QStringLiteral("the aliases of \"%1\" must be an array of strings").arg(canonical));
            }
            if (const QString problem = add(alias.toString(), canonical); !problem.isEmpty()) {
                return fail(error, problem);
            }
        }
    }
    return aliases;
}

QString CountryAliases::canonical(QStringView text) const
{
    const auto it = m_byFoldedName.constFind(foldedName(text));
    return it != m_byFoldedName.cend() ? *it : text.trimmed().toString();
}

bool CountryAliases::isKnown(QStringView text) const
{
    return m_byFoldedName.contains(foldedName(text));
}

QStringList CountryAliases::names() const
{
    QStringList names(m_byFoldedName.cbegin(), m_byFoldedName.cend());
    names.sort(Qt::CaseInsensitive);
    names.removeDuplicates();
    return names;
}

} // namespace annorev
