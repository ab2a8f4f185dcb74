#pragma once

#include <QByteArray>

namespace annorev {

class Schema;
struct AnnotatedText;

// The span-list formats of annotation tools, one document at a time. Offsets are the
// AnnotatedText's, already converted to the unit the tool counts in and verified.
namespace AnnotationExporter {

// doccano JSONL: {"id": ID, "text": TEXT, "label": [[START, END, "LABEL"], ...]} and a newline.
QByteArray doccano(const AnnotatedText &text);

// One Label Studio task, without separators: {"data": {"id": ID, "text": TEXT}, "annotations":
// [{"result": [{"id", "from_name": "label", "to_name": "text", "type": "labels",
// "value": {"start", "end", "text", "labels": [LABEL]}}, ...]}]}.
QByteArray labelStudioTask(const AnnotatedText &text);

// A brat .ann file: "T1<TAB>LABEL START END<TAB>TEXT" per span. brat keeps annotation text on one
// line, so a span that crosses line breaks is written as fragments "START END;START END" and
// its text as the fragments joined by a space, as brat itself writes them.
QByteArray bratAnn(const AnnotatedText &text);
// brat's annotation.conf declaring the schema's labels as entities.
QByteArray bratConf(const Schema &schema);

} // namespace AnnotationExporter

} // namespace annorev
