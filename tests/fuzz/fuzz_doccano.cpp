// One line of a doccano export. A line that reads and whose spans can be tags becomes a document
// with exactly its text and spans, each inside the text.
#include "doccanoformat.h"
#include "fuzzsupport.h"
#include "schema.h"

#include <cstddef>
#include <cstdint>

using namespace annorev;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::string_view line(reinterpret_cast<const char *>(data), size);
    line = line.substr(0, line.find('\n'));
    // Classifying decides a whole file's layout from its first object: it must not fail on any line.
    const DoccanoFormat::LineKind kind = DoccanoFormat::classify(line);
    const Expected<ImportedDocument> doc = DoccanoFormat::readLine(line);
    if (!doc) {
        return 0;
    }
    fuzz::require(kind != DoccanoFormat::LineKind::NotAnObject, "a line that reads is an object");
    const Schema &schema = Schema::builtin();
    const Expected<QByteArray> tagged =
        SpanImport::taggedSource(doc->text, doc->spans, SpanImport::OffsetUnit::Utf16, schema);
    if (!tagged) {
        return 0;
    }
    QList<fuzz::PlainSpan> spans;
    for (const ImportedSpan &span : doc->spans) {
        spans.append({span.label, qsizetype(span.start), qsizetype(span.end)});
    }
    fuzz::requireImportKeeps(doc->text, spans, *tagged, schema);
    return 0;
}
