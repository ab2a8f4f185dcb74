#include "schema.h"

#include "internedstring.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace annorev {

namespace {

struct TypeName
{
    ValueType type;
    QLatin1StringView name;
};

constexpr TypeName typeNames[] = {
    {ValueType::Model, QLatin1StringView("model")},       {ValueType::Params, QLatin1StringView("params")},
    {ValueType::Hardware, QLatin1StringView("hardware")}, {ValueType::GpuCount, QLatin1StringView("gpu_count")},
    {ValueType::Training, QLatin1StringView("training")}, {ValueType::Country, QLatin1StringView("country")},
    {ValueType::Year, QLatin1StringView("year")},         {ValueType::Text, QLatin1StringView("text")},
};

std::optional<ValueType> typeFromName(const QString &name)
{
    for (const auto &entry : typeNames) {
        if (entry.name == name) {
            return entry.type;
        }
    }
    return std::nullopt;
}

bool isLabelName(const QString &name)
{
    if (name.isEmpty() || !name.front().isLetter()) {
        return false;
    }
    for (QChar c : name) {
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'-') || c.unicode() > 0x7f) {
            return false;
        }
    }
    return true;
}

// The hexadecimal forms QColor reads: #RGB, #RRGGBB, #AARRGGBB, #RRRGGGBBB, #RRRRGGGGBBBB. The
// schema is read below QtGui, so colour names ("red") are not accepted.
bool isHexColour(QStringView colour)
{
    const qsizetype digits = colour.size() - 1;
    if (!colour.startsWith(u'#') || (digits != 3 && digits != 6 && digits != 8 && digits != 9 && digits != 12)) {
        return false;
    }
    return std::all_of(colour.begin() + 1, colour.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    });
}

} // namespace

QString Schema::typeName(ValueType type)
{
    for (const auto &entry : typeNames) {
        if (entry.type == type) {
            return entry.name;
        }
    }
    return {};
}

const Schema &Schema::builtin()
{
    static const Schema schema = [] {
        QFile file(QStringLiteral(":/schema/default.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qFatal("annorev: the built-in schema resource is missing");
        }
        Expected<Schema> parsed = fromJson(file.readAll());
        if (!parsed) {
            qFatal("annorev: the built-in schema is invalid: %s", qPrintable(parsed.error().message));
        }
        return *parsed;
    }();
    return schema;
}

Expected<Schema> Schema::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{QStringLiteral("%1: cannot read schema: %2").arg(path, file.errorString())};
    }
    Expected<Schema> schema = fromJson(file.readAll());
    if (!schema) {
        return Error{path + QStringLiteral(": ") + schema.error().message};
    }
    return schema;
}

Expected<Schema> Schema::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{
            QStringLiteral("invalid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString())};
    }
    if (!doc.isObject() || !doc.object().value(u"labels").isArray()) {
        return Error{QStringLiteral("a schema is an object with a \"labels\" array")};
    }
    const QJsonObject root = doc.object();
    Schema schema;
    const QString policy = root.value(u"hardwareCountPolicy").toString(QStringLiteral("separate"));
    if (policy != u"separate" && policy != u"embedded") {
        return Error{QStringLiteral("hardwareCountPolicy is \"separate\" or \"embedded\", not \"%1\"").arg(policy)};
    }
    schema.m_hardwareCountSeparate = policy == u"separate";

    const QJsonArray labels = root.value(u"labels").toArray();
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const QJsonObject object = labels.at(i).toObject();
        LabelInfo info;
        info.name = object.value(u"name").toString();
        const QString where = QStringLiteral("label %1").arg(i + 1);
        if (!isLabelName(info.name)) {
            return Error{
                where +
                QStringLiteral(": \"name\" must be an ASCII name starting with a letter, not \"%1\"").arg(info.name)};
        }
        if (schema.label(info.name)) {
            return Error{where + QStringLiteral(": the label \"%1\" is defined twice").arg(info.name)};
        }
        info.displayName = object.value(u"display").toString(info.name);
        info.colour = object.value(u"colour").toString(QStringLiteral("#888888"));
        if (!isHexColour(info.colour)) {
            return Error{where + QStringLiteral(" (%1): \"colour\" is not a colour").arg(info.name)};
        }
        const QString shortcut = object.value(u"shortcut").toString();
        if (shortcut.size() > 1) {
            return Error{where + QStringLiteral(" (%1): \"shortcut\" is one key").arg(info.name)};
        }
        info.shortcut = shortcut.isEmpty() ? QChar() : shortcut.front();
        const auto type = typeFromName(object.value(u"type").toString(QStringLiteral("text")));
        if (!type) {
            return Error{
                where +
                QStringLiteral(" (%1): unknown \"type\" \"%2\"").arg(info.name, object.value(u"type").toString())};
        }
        info.type = *type;
        info.singleValued = object.value(u"single").toBool(info.type != ValueType::Model);
        // Every span of every document copies its label's name; see internedString().
        info.name = internedString(info.name);
        schema.m_labels.append(info);
        schema.m_labelBytes.append(info.name.toUtf8());
    }
    if (schema.m_labels.isEmpty()) {
        return Error{QStringLiteral("a schema needs at least one label")};
    }
    return schema;
}

const LabelInfo *Schema::label(QStringView name) const
{
    const int index = indexOf(name);
    return index < 0 ? nullptr : &m_labels.at(index);
}

int Schema::indexOf(QStringView name) const
{
    // Spans share their label string with the schema, so comparing addresses settles most lookups.
    for (qsizetype i = 0; i < m_labels.size(); ++i) {
        if (m_labels.at(i).name.constData() == name.data() && m_labels.at(i).name.size() == name.size()) {
            return int(i);
        }
    }
    for (qsizetype i = 0; i < m_labels.size(); ++i) {
        if (m_labels.at(i).name == name) {
            return int(i);
        }
    }
    return -1;
}

QString Schema::labelFor(ValueType type) const
{
    for (const LabelInfo &info : m_labels) {
        if (info.type == type) {
            return info.name;
        }
    }
    return {};
}

ValueType Schema::typeOf(QStringView name) const
{
    const LabelInfo *info = label(name);
    return info ? info->type : ValueType::Text;
}

} // namespace annorev
