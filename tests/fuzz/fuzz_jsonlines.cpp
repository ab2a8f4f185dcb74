// One JSON Lines line, as the batch reader reads it. Its "text" token holds the text it gives;
// unedited, the line writes back byte for byte; with its text put back into the token, it reads
// as the same text and id.
#include "exportdocument.h"
#include "fuzzsupport.h"
#include "jsonlinesline.h"
#include "jsontexttoken.h"
#include "taggedexporter.h"

#include <cstddef>
#include <cstdint>

using namespace annorev;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // What the reader hands over: a line without its newline or a CR before it.
    QByteArrayView line(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const qsizetype newline = line.indexOf('\n'); newline >= 0) {
        line = line.first(newline);
    }
    if (line.endsWith('\r')) {
        line.chop(1);
    }
    SourceEntry entry;
    bool hasId = false;
    if (!readJsonLinesLine(line, line.size(), BatchReader::Keep::TextAndLine, &entry, &hasId)) {
        return 0;
    }
    const qsizetype begin = entry.textTokenBegin;
    const qsizetype end = entry.textTokenEnd;
    fuzz::require(0 <= begin && begin < end && end <= entry.jsonLine.size(), "the text token lies inside the line");
    const std::optional<QByteArray> decoded = JsonTextToken::decoded(QByteArrayView(entry.jsonLine).sliced(begin, end - begin));
    fuzz::require(decoded && *decoded == entry.source, "the text token holds the text the line gives");

    ExportDocument document;
    document.id = entry.id;
    document.layout = BatchLayout::JsonLines;
    document.taggedText = entry.source;
    document.jsonLine = entry.jsonLine;
    document.textTokenBegin = begin;
    document.textTokenEnd = end;
    const Expected<QByteArray> unedited = TaggedExporter::jsonLine(document);
    fuzz::require(unedited && *unedited == entry.jsonLine + '\n', "an unedited line writes back byte for byte");

    document.edited = true;
    const Expected<QByteArray> rewritten = TaggedExporter::jsonLine(document);
    fuzz::require(rewritten && rewritten->endsWith('\n'), "a line takes its text back");
    SourceEntry again;
    bool againHasId = false;
    const QByteArrayView rewrittenLine = QByteArrayView(*rewritten).chopped(1);
    fuzz::require(bool(readJsonLinesLine(rewrittenLine, rewrittenLine.size(), BatchReader::Keep::Text, &again,
                                         &againHasId)),
                  "a line with its text put back reads");
    fuzz::require(again.source == entry.source, "a line with its text put back gives the same text");
    fuzz::require(againHasId == hasId && again.id == entry.id, "a line with its text put back keeps its id");
    return 0;
}
