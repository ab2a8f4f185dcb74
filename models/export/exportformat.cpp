#include "exportformat.h"

namespace annorev {

namespace {

constexpr ExportFormat allFormats[] = {ExportFormat::RecordsJsonl, ExportFormat::RecordsCsv, ExportFormat::Tagged,
                                       ExportFormat::Doccano,      ExportFormat::LabelStudio, ExportFormat::Brat,
                                       ExportFormat::Conll};

} // namespace

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::RecordsJsonl:
        return QStringLiteral("records-jsonl");
    case ExportFormat::RecordsCsv:
        return QStringLiteral("records-csv");
    case ExportFormat::Tagged:
        return QStringLiteral("tagged");
    case ExportFormat::Doccano:
        return QStringLiteral("doccano");
    case ExportFormat::LabelStudio:
        return QStringLiteral("label-studio");
    case ExportFormat::Brat:
        return QStringLiteral("brat");
    case ExportFormat::Conll:
        return QStringLiteral("conll");
    }
    return {};
}

std::optional<ExportFormat> exportFormatFromName(QStringView name)
{
    for (ExportFormat format : allFormats) {
        if (name == exportFormatName(format)) {
            return format;
        }
    }
    return std::nullopt;
}

QStringList exportFormatNames()
{
    QStringList names;
    for (ExportFormat format : allFormats) {
        names.append(exportFormatName(format));
    }
    return names;
}

OffsetUnit defaultOffsetUnit(ExportFormat format)
{
    return format == ExportFormat::Doccano ? OffsetUnit::Utf16 : OffsetUnit::CodePoint;
}

} // namespace annorev
