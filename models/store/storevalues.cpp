#include "storevalues.h"

namespace annorev::StoreValues {

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

} // namespace annorev::StoreValues
