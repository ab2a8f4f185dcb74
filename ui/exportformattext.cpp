#include "exportformattext.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace annorev::ExportFormatText {

QString title(ExportFormat format)
{
    switch (format) {
    case ExportFormat::RecordsJsonl:
        return QCoreApplication::translate("ExportDialog", "Records — JSON Lines");
    case ExportFormat::RecordsCsv:
        return QCoreApplication::translate("ExportDialog", "Records — CSV");
    case ExportFormat::Tagged:
        return QCoreApplication::translate("ExportDialog", "Corrected tagged text");
    case ExportFormat::Doccano:
        return QCoreApplication::translate("ExportDialog", "doccano (JSONL, UTF-16 offsets)");
    case ExportFormat::LabelStudio:
        return QCoreApplication::translate("ExportDialog", "Label Studio (JSON tasks)");
    case ExportFormat::Brat:
        return QCoreApplication::translate("ExportDialog", "brat standoff (folder)");
    case ExportFormat::Conll:
        return QCoreApplication::translate("ExportDialog", "CoNLL-2003 (IOB2 tags)");
    }
    return exportFormatName(format);
}

QString description(ExportFormat format)
{
    switch (format) {
    case ExportFormat::RecordsJsonl:
        return QCoreApplication::translate(
            "ExportDialog",
            "One JSON object per record: model, parameters, hardware, GPU count, training hours, country "
            "and year, with the review status. For scripts and notebooks.");
    case ExportFormat::RecordsCsv:
        return QCoreApplication::translate(
            "ExportDialog",
            "The same record columns for spreadsheets (UTF-8, header row). Cells that a spreadsheet would "
            "run as formulas are neutralised.");
    case ExportFormat::Tagged:
        return QCoreApplication::translate(
            "ExportDialog",
            "The reviewed documents with their inline tags, laid out as the batch was: a folder batch gives "
            "a folder, a JSON Lines batch a JSON Lines file.");
    case ExportFormat::Doccano:
        return QCoreApplication::translate(
            "ExportDialog",
            "For importing into doccano: one JSON object per document with its text and labelled spans, "
            "offsets counted in UTF-16 units as doccano counts them.");
    case ExportFormat::LabelStudio:
        return QCoreApplication::translate(
            "ExportDialog", "For importing into Label Studio: an array of tasks, each with one annotation holding the "
                            "labelled spans (offsets in code points).");
    case ExportFormat::Brat:
        return QCoreApplication::translate(
            "ExportDialog", "For the brat annotation tool: a folder with a .txt and an .ann file per document and "
                            "annotation.conf.");
    case ExportFormat::Conll:
        return QCoreApplication::translate(
            "ExportDialog", "One token per line with its IOB2 tag and a blank line after each sentence, for training "
                            "sequence labellers.");
    }
    return {};
}

QString fileName(const QString &base, ExportFormat format, std::optional<BatchLayout> layout,
                 const QString &firstSuffix)
{
    QString name = base;
    switch (format) {
    case ExportFormat::RecordsJsonl:
        name += u"-records.jsonl";
        break;
    case ExportFormat::RecordsCsv:
        name += u"-records.csv";
        break;
    case ExportFormat::Tagged:
        name += u"-tagged";
        if (layout) {
            switch (*layout) {
            case BatchLayout::JsonLines:
            case BatchLayout::Doccano:
                name += u".jsonl";
                break;
            case BatchLayout::LabelStudio:
                name += u".json";
                break;
            case BatchLayout::File:
            case BatchLayout::Folder:
                name += firstSuffix;
                break;
            }
        }
        break;
    case ExportFormat::Doccano:
        name += u"-doccano.jsonl";
        break;
    case ExportFormat::LabelStudio:
        name += u"-label-studio.json";
        break;
    case ExportFormat::Brat:
        name += u"-brat";
        break;
    case ExportFormat::Conll:
        name += u".conll";
        break;
    }
    return name;
}

} // namespace annorev::ExportFormatText
