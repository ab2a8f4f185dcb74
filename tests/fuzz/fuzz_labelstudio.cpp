// A Label Studio export (a JSON array of tasks). Every task that reads and whose spans can be
// tags becomes a document with exactly its text and spans (code points there, UTF-16 here).
#include "fuzzsupport.h"
#include "labelstudioformat.h"
#include "schema.h"

#include <cstddef>
#include <cstdint>

using namespace annorev;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (!LabelStudioFormat::looksLike(bytes)) {
        return 0;
    }
    const Expected<QList<LabelStudioFormat::Task>> tasks = LabelStudioFormat::read(bytes);
    if (!tasks) {
        return 0;
    }
    const Schema &schema = Schema::builtin();
    for (const LabelStudioFormat::Task &task : *tasks) {
        fuzz::require(task.line >= 1, "a task starts on a line of the file");
        if (!task.error.isEmpty()) {
            continue;
        }
        const Expected<QByteArray> tagged =
            SpanImport::taggedSource(task.doc.text, task.doc.spans, SpanImport::OffsetUnit::CodePoint, schema);
        if (!tagged) {
            continue;
        }
        // Offsets that read are whole characters: each is the UTF-16 position of that many code points.
        const Document doc = Document::parse(*tagged, schema);
        QList<fuzz::PlainSpan> spans;
        for (const ImportedSpan &span : task.doc.spans) {
            spans.append({span.label, doc.utf16Offset(span.start), doc.utf16Offset(span.end)});
        }
        fuzz::requireImportKeeps(task.doc.text, spans, *tagged, schema);
    }
    return 0;
}
