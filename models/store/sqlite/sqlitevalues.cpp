#include "sqlitevalues.h"

namespace annorev::SqliteValues {

QVariant integer(qint64 value)
{
    return QVariant(qlonglong(value));
}

QString timestamp(const QDateTime &time)
{
    return time.toString(Qt::ISODateWithMs);
}

QString now()
{
    return timestamp(QDateTime::currentDateTimeUtc());
}

QDateTime timeOf(const QVariant &value)
{
    if (value.isNull()) {
        return {};
    }
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.toUTC();
}

QVariant statusValue(std::optional<ReviewStatus> status)
{
    return status ? QVariant(statusName(*status)) : QVariant();
}

std::optional<ReviewStatus> statusOf(const QVariant &value)
{
    return value.isNull() ? std::nullopt : statusFromName(value.toString());
}

QString layoutName(BatchLayout layout)
{
    switch (layout) {
    case BatchLayout::File:
        return QStringLiteral("file");
    case BatchLayout::Folder:
        return QStringLiteral("folder");
    case BatchLayout::JsonLines:
        return QStringLiteral("jsonl");
    case BatchLayout::Doccano:
        return QStringLiteral("doccano");
    case BatchLayout::LabelStudio:
        return QStringLiteral("label-studio");
    }
    return {};
}

BatchLayout layoutOf(const QString &name)
{
    for (BatchLayout layout : {BatchLayout::File, BatchLayout::Folder, BatchLayout::JsonLines, BatchLayout::Doccano,
                               BatchLayout::LabelStudio}) {
        if (name == layoutName(layout)) {
            return layout;
        }
    }
    return BatchLayout::File;
}

} // namespace annorev::SqliteValues
