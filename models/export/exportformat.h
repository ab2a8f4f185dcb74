#pragma once

#include "offsetunit.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace annorev {

// What `annorev export --format` writes.
enum class ExportFormat { RecordsJsonl, RecordsCsv, Tagged, Doccano, LabelStudio, Brat, Conll };

QString exportFormatName(ExportFormat format);
std::optional<ExportFormat> exportFormatFromName(QStringView name);
QStringList exportFormatNames();

// The unit the tool that reads the format counts offsets in: UTF-16 for doccano, code points
// for the others.
OffsetUnit defaultOffsetUnit(ExportFormat format);

} // namespace annorev
