#include "doccanoformat.h"

#include "importjson.h"

namespace annorev::DoccanoFormat {

namespace dom = simdjson::dom;

namespace {

dom::parser &threadParser()
{
    thread_local dom::parser parser;
    return parser;
}

// The parser keeps buffers as large as the longest line it has read (a 200 MB document: its
// unescaped text and a tape many times its size); after a huge line they go, rather than stay
// while the batch is checked. Declared before the elements it outlives.
struct ReleaseAfterHugeLine
{
    explicit ReleaseAfterHugeLine(std::size_t lineLength) : length(lineLength) {}
    ReleaseAfterHugeLine(const ReleaseAfterHugeLine &) = delete;
    ReleaseAfterHugeLine &operator=(const ReleaseAfterHugeLine &) = delete;
    ~ReleaseAfterHugeLine()
    {
        if (length > 16 * 1024 * 1024) {
            threadParser() = dom::parser();
        }
    }
    std::size_t length;
};

simdjson::error_code parse(std::string_view line, dom::element *root)
{
    const simdjson::padded_string json(line);
    return threadParser().parse(json).get(*root);
}

bool isSpanArray(dom::element element)
{
    dom::array array;
    if (element.get_array().get(array)) {
        return false;
    }
    return array.size() == 0 || array.at(0).is_array();
}

QString itemError(QLatin1StringView key, qsizetype item, QLatin1StringView expected)
{
    return u'"' % key % u"\" item " % QString::number(item) % u" is not " % expected;
}

} // namespace

LineKind classify(std::string_view line)
{
    const ReleaseAfterHugeLine release(line.size());
    dom::element root;
    dom::object object;
    if (parse(line, &root) || root.get_object().get(object)) {
        return LineKind::NotAnObject;
    }
    if (!object.at_key("text").is_string()) {
        return LineKind::Other;
    }
    dom::element spans;
    if (object.at_key("entities").get(spans) == simdjson::SUCCESS) {
        dom::array array;
        return spans.get_array().get(array) == simdjson::SUCCESS && (array.size() == 0 || array.at(0).is_object())
                   ? LineKind::Doccano
                   : LineKind::Other;
    }
    for (const char *key : {"label", "labels"}) {
        if (object.at_key(key).get(spans) == simdjson::SUCCESS) {
            return isSpanArray(spans) ? LineKind::Doccano : LineKind::Other;
        }
    }
    return LineKind::Other;
}

Expected<ImportedDocument> readLine(std::string_view line)
{
    const ReleaseAfterHugeLine release(line.size());
    ImportedDocument doc;
    dom::element root;
    if (auto code = parse(line, &root)) {
        return Error{ImportJson::invalidJson(code)};
    }
    dom::object object;
    if (root.get_object().get(object)) {
        return Error{QStringLiteral("line is not a JSON object")};
    }
    dom::element value;
    std::string_view text;
    if (object.at_key("text").get(value)) {
        return Error{QStringLiteral("\"text\" is missing")};
    }
    if (value.get_string().get(text)) {
        return Error{QStringLiteral("\"text\" is not a string")};
    }
    doc.text = ImportJson::string(text);
    if (object.at_key("id").get(value) == simdjson::SUCCESS) {
        if (!ImportJson::id(value, &doc.id)) {
            return Error{QStringLiteral("\"id\" is not a string or a number")};
        }
        doc.hasId = true;
    }

    dom::array spans;
    if (object.at_key("entities").get(value) == simdjson::SUCCESS) {
        constexpr QLatin1StringView key("entities");
        constexpr QLatin1StringView expected("{\"start_offset\", \"end_offset\", \"label\"}");
        if (value.get_array().get(spans)) {
            return Error{QStringLiteral("\"entities\" is not an array")};
        }
        qsizetype item = 0;
        for (dom::element element : spans) {
            ++item;
            ImportedSpan span;
            std::string_view label;
            dom::object entity;
            if (element.get_object().get(entity) || !ImportJson::offset(entity["start_offset"], &span.start)
                || !ImportJson::offset(entity["end_offset"], &span.end) || entity["label"].get_string().get(label)) {
                return Error{itemError(key, item, expected)};
            }
            span.label = ImportJson::string(label);
            doc.spans.append(span);
        }
        return doc;
    }
    for (const char *name : {"label", "labels"}) {
        if (object.at_key(name).get(value)) {
            continue;
        }
        const QLatin1StringView key(name);
        if (value.get_array().get(spans)) {
            return Error{u'"' % key % u"\" is not an array"};
        }
        qsizetype item = 0;
        for (dom::element element : spans) {
            ++item;
            ImportedSpan span;
            std::string_view label;
            dom::array triple;
            if (element.get_array().get(triple) || triple.size() != 3 || !ImportJson::offset(triple.at(0), &span.start)
                || !ImportJson::offset(triple.at(1), &span.end) || triple.at(2).get_string().get(label)) {
                return Error{itemError(key, item, QLatin1StringView("[start, end, \"LABEL\"]"))};
            }
            span.label = ImportJson::string(label);
            doc.spans.append(span);
        }
        return doc;
    }
    return doc;
}

} // namespace annorev::DoccanoFormat
