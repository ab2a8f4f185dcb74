#pragma once

#include "expected.h"

#include <QList>
#include <QString>

namespace annorev {

// What a label's span text normalises to.
enum class ValueType { Model, Params, Hardware, GpuCount, Training, Country, Year, Text };

struct LabelInfo
{
    QString name;
    QString displayName;
    QString colour; // as the schema writes it: #RGB, #RRGGBB or #AARRGGBB (itemmodels/labelcolour.h makes it a QColor)
    QChar shortcut;
    ValueType type = ValueType::Text;
    bool singleValued = false;
};

// The labels a batch is annotated with, read from resources/schema/default.json or --schema FILE.
class Schema
{
public:
    static const Schema &builtin();
    static Expected<Schema> fromJson(const QByteArray &json);
    static Expected<Schema> fromFile(const QString &path);

    const QList<LabelInfo> &labels() const { return m_labels; }
    // The label names in UTF-8, for matching tag names in source bytes.
    const QList<QByteArray> &labelBytes() const { return m_labelBytes; }
    // Labels are case-sensitive: <Model> is not <model>.
    const LabelInfo *label(QStringView name) const;
    int indexOf(QStringView name) const;
    // The first label whose values have this type, or an empty string.
    QString labelFor(ValueType type) const;
    ValueType typeOf(QStringView name) const;
    // "separate": a count belongs in its own gpu_count span, not inside the hardware span.
    bool hardwareCountSeparate() const { return m_hardwareCountSeparate; }

    static QString typeName(ValueType type);

private:
    QList<LabelInfo> m_labels;
    QList<QByteArray> m_labelBytes;
    bool m_hardwareCountSeparate = true;
};

} // namespace annorev
