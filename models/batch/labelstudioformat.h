#pragma once

#include "expected.h"
#include "spanimport.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace annorev::LabelStudioFormat {

// One task of a Label Studio JSON export, read but not yet turned into tagged text. Offsets are
// code points. A task that could not be read carries the error instead.
struct Task
{
    ImportedDocument doc;
    QString name;      // "task 3 (id 17)": tasks counted from 1, for messages
    int line = 0;      // the line of the file where the task starts, from 1
    QByteArray json;   // the task object as read, so that a writer can keep its other fields
    QString error;
};

// Whether a .json file's bytes hold a JSON array (after white space and a byte order mark).
bool looksLike(const QByteArray &bytes);

// Which results of a task become its spans.
enum class Results
{
    Annotations, // the first annotation that was not cancelled
    Predictions  // the first prediction, with its score or each region's (`annorev suggest`)
};

// Reads a JSON array of tasks: "data" holds the text ("text", or its one string field), and
// the first annotation that was not cancelled holds the spans (result items of type "labels");
// the other results are ignored. An error when the file is not such an array; a task that cannot
// be read carries its own error.
Expected<QList<Task>> read(const QByteArray &bytes, Results results = Results::Annotations);

} // namespace annorev::LabelStudioFormat
