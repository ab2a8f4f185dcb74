// The tagged-text parser and the writers after it. An unedited document writes back byte for
// byte; its spans lie inside its text and its tags inside its source; written as doccano and
// Label Studio spans and read back, it has the same text and spans.
#include "annotatedtext.h"
#include "annotationexporter.h"
#include "doccanoformat.h"
#include "fuzzsupport.h"
#include "labelstudioformat.h"
#include "schema.h"

#include <cstddef>
#include <cstdint>

using namespace annorev;

namespace {

QList<fuzz::PlainSpan> importedRanges(const ImportedDocument &doc, const Document &parsed, OffsetUnit unit)
{
    QList<fuzz::PlainSpan> spans;
    for (const ImportedSpan &span : doc.spans) {
        if (unit == OffsetUnit::Utf16) {
            spans.append({span.label, qsizetype(span.start), qsizetype(span.end)});
        } else {
            spans.append({span.label, parsed.utf16Offset(span.start), parsed.utf16Offset(span.end)});
        }
    }
    return fuzz::sorted(spans);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const Schema &schema = Schema::builtin();
    const QByteArray source(reinterpret_cast<const char *>(data), qsizetype(size));
    const Document doc = Document::parse(source, schema);
    fuzz::require(doc.source() == source, "an unedited document writes back byte for byte");
    fuzz::requireSpansInside(doc);
    QList<fuzz::PlainSpan> spans;
    for (const Span &span : doc.spans()) {
        spans.append({span.label, span.start, span.end});
    }
    spans = fuzz::sorted(spans);

    const QString id = QStringLiteral("fuzz");
    const AnnotatedText utf16 = AnnotatedText::fromDocument(id, doc, OffsetUnit::Utf16);
    fuzz::require(bool(utf16.verify()), "exported UTF-16 offsets name each span's text");
    const AnnotatedText codePoints = AnnotatedText::fromDocument(id, doc, OffsetUnit::CodePoint);
    fuzz::require(bool(codePoints.verify()), "exported code point offsets name each span's text");

    const QByteArray doccanoLine = AnnotationExporter::doccano(utf16);
    fuzz::require(doccanoLine.endsWith('\n'), "a doccano line ends with its newline");
    const Expected<ImportedDocument> doccano =
        DoccanoFormat::readLine(std::string_view(doccanoLine.constData(), std::size_t(doccanoLine.size() - 1)));
    fuzz::require(bool(doccano), "a doccano line written from a document reads back");
    fuzz::require(doccano->text == doc.text(), "a doccano line keeps the text");
    fuzz::require(importedRanges(*doccano, doc, OffsetUnit::Utf16) == spans, "a doccano line keeps the spans");

    const QByteArray tasks = '[' + AnnotationExporter::labelStudioTask(codePoints) + ']';
    const Expected<QList<LabelStudioFormat::Task>> labelStudio = LabelStudioFormat::read(tasks);
    fuzz::require(labelStudio && labelStudio->size() == 1 && labelStudio->first().error.isEmpty(),
                  "a Label Studio task written from a document reads back");
    const ImportedDocument &task = labelStudio->first().doc;
    fuzz::require(task.text == doc.text(), "a Label Studio task keeps the text");
    fuzz::require(importedRanges(task, doc, OffsetUnit::CodePoint) == spans, "a Label Studio task keeps the spans");

    // Tagged again from the spans: spans of one label that cross cannot be written as tags, and
    // the import says so; whatever it writes must read back as the spans it was given.
    if (const Expected<QByteArray> tagged =
            SpanImport::taggedSource(doccano->text, doccano->spans, SpanImport::OffsetUnit::Utf16, schema)) {
        fuzz::requireImportKeeps(doc.text(), spans, *tagged, schema);
    }
    return 0;
}
