#include "labelstudioformat.h"

#include "importjson.h"

#include <algorithm>
#include <vector>

namespace annorev::LabelStudioFormat {

namespace dom = simdjson::dom;
namespace ondemand = simdjson::ondemand;

namespace {

qsizetype bodyBegin(const QByteArray &bytes)
{
    return bytes.startsWith("\xef\xbb\xbf") ? 3 : 0;
}

struct Where
{
    int line = 0;
    std::string_view json;
};

// The DOM keeps no positions, so an on-demand pass over the (already validated) array finds
// where each task starts and its text.
std::vector<Where> locateTasks(const simdjson::padded_string &json)
{
    std::vector<Where> where;
    ondemand::parser parser;
    ondemand::document doc;
    ondemand::array array;
    if (parser.iterate(json).get(doc) || doc.get_array().get(array)) {
        return where;
    }
    int line = 1;
    const char *counted = json.data();
    for (auto element : array) {
        ondemand::value value;
        if (element.get(value)) {
            break;
        }
        const char *start = value.raw_json_token().data();
        line += int(std::count(counted, start, '\n'));
        counted = start;
        std::string_view raw;
        ondemand::json_type type;
        ondemand::object object;
        if (value.type().get(type) == simdjson::SUCCESS && type == ondemand::json_type::object
            && value.get_object().get(object) == simdjson::SUCCESS && object.raw_json().get(raw)) {
            raw = {};
        }
        where.push_back({line, raw});
    }
    return where;
}

Expected<QString> readText(dom::object task)
{
    dom::object data;
    if (task["data"].get_object().get(data)) {
        return Error{QStringLiteral("\"data\" is missing or not an object")};
    }
    std::string_view found;
    dom::element value;
    if (data["text"].get(value) == simdjson::SUCCESS) {
        if (value.get_string().get(found)) {
            return Error{QStringLiteral("\"data.text\" is not a string")};
        }
        return ImportJson::string(found);
    }
    int strings = 0;
    for (dom::key_value_pair field : data) {
        if (field.value.get_string().get(found) == simdjson::SUCCESS) {
            ++strings;
        }
    }
    if (strings != 1) {
        return Error{
            QStringLiteral("\"data\" has no \"text\" and %1 string fields, so the text is not known").arg(strings)};
    }
    return ImportJson::string(found);
}

Expected<QList<ImportedSpan>> readResult(dom::array result, std::optional<double> score)
{
    QList<ImportedSpan> spans;
    qsizetype item = 0;
    for (dom::element element : result) {
        ++item;
        const QString where = QStringLiteral("result item %1: ").arg(item);
        dom::object object;
        if (element.get_object().get(object)) {
            return Error{where % u"not a JSON object"};
        }
        std::string_view type;
        const bool typed = object["type"].get_string().get(type) == simdjson::SUCCESS;
        if (typed && type != "labels") {
            continue;
        }
        dom::object value;
        dom::array labels;
        if (object["value"].get_object().get(value) || value["labels"].get_array().get(labels)) {
            if (!typed) {
                continue;
            }
            return Error{where % u"\"value\" has no \"labels\" array"};
        }
        ImportedSpan span;
        if (!ImportJson::offset(value["start"], &span.start) || !ImportJson::offset(value["end"], &span.end)) {
            return Error{where % u"\"value.start\" and \"value.end\" are not both whole numbers"};
        }
        std::string_view text;
        dom::element textValue;
        if (value["text"].get(textValue) == simdjson::SUCCESS) {
            if (textValue.get_string().get(text)) {
                return Error{where % u"\"value.text\" is not a string"};
            }
            span.text = ImportJson::string(text);
        }
        if (labels.size() == 0) {
            return Error{where % u"\"value.labels\" is empty"};
        }
        span.score = score;
        if (dom::element regionScore; object["score"].get(regionScore) == simdjson::SUCCESS) {
            double number = 0;
            if (regionScore.get_double().get(number)) {
                return Error{where % u"\"score\" is not a number"};
            }
            span.score = number;
        }
        // Label Studio lets one region carry several labels: each becomes a span.
        for (dom::element label : labels) {
            std::string_view name;
            if (label.get_string().get(name)) {
                return Error{where % u"\"value.labels\" holds something that is not a string"};
            }
            span.label = ImportJson::string(name);
            spans.append(span);
        }
    }
    return spans;
}

// A prediction's result, with its score for the regions that give none.
Expected<QList<ImportedSpan>> readPrediction(dom::object task)
{
    dom::element value;
    if (task["predictions"].get(value)) {
        return QList<ImportedSpan>();
    }
    dom::array predictions;
    if (value.get_array().get(predictions)) {
        return Error{QStringLiteral("\"predictions\" is not an array")};
    }
    for (dom::element element : predictions) {
        dom::object prediction;
        if (element.get_object().get(prediction)) {
            return Error{QStringLiteral("a prediction is not a JSON object")};
        }
        std::optional<double> score;
        if (dom::element scoreValue;
            prediction["score"].get(scoreValue) == simdjson::SUCCESS && !scoreValue.is_null()) {
            double number = 0;
            if (scoreValue.get_double().get(number)) {
                return Error{QStringLiteral("the prediction's \"score\" is not a number")};
            }
            score = number;
        }
        dom::array result;
        if (prediction["result"].get(value)) {
            return QList<ImportedSpan>();
        }
        if (value.get_array().get(result)) {
            return Error{QStringLiteral("\"result\" is not an array")};
        }
        return readResult(result, score);
    }
    return QList<ImportedSpan>();
}

Expected<QList<ImportedSpan>> readSpans(dom::object task, Results results)
{
    if (results == Results::Predictions) {
        return readPrediction(task);
    }
    dom::element value;
    if (task["annotations"].get(value)) {
        return QList<ImportedSpan>();
    }
    dom::array annotations;
    if (value.get_array().get(annotations)) {
        return Error{QStringLiteral("\"annotations\" is not an array")};
    }
    for (dom::element element : annotations) {
        dom::object annotation;
        if (element.get_object().get(annotation)) {
            return Error{QStringLiteral("an annotation is not a JSON object")};
        }
        bool cancelled = false;
        if (annotation["was_cancelled"].get_bool().get(cancelled) == simdjson::SUCCESS && cancelled) {
            continue;
        }
        dom::array result;
        if (annotation["result"].get(value)) {
            return QList<ImportedSpan>();
        }
        if (value.get_array().get(result)) {
            return Error{QStringLiteral("\"result\" is not an array")};
        }
        return readResult(result, std::nullopt);
    }
    return QList<ImportedSpan>();
}

void readTask(dom::element element, Results results, Task *task)
{
    dom::object object;
    if (element.get_object().get(object)) {
        task->error = task->name % u": not a JSON object";
        return;
    }
    // The document's own id travels in data.id (Label Studio keeps data fields but numbers
    // tasks itself on every import), so it wins over the task's id.
    dom::element id;
    dom::object data;
    const bool dataId = object["data"].get_object().get(data) == simdjson::SUCCESS &&
                        data["id"].get(id) == simdjson::SUCCESS && ImportJson::id(id, &task->doc.id);
    if (dataId || (object["id"].get(id) == simdjson::SUCCESS && ImportJson::id(id, &task->doc.id))) {
        task->doc.hasId = true;
        task->name = task->name % u" (id " % task->doc.id % u')';
    }
    Expected<QString> text = readText(object);
    if (!text) {
        task->error = task->name % u": " % text.error().message;
        return;
    }
    task->doc.text = std::move(text).value();
    Expected<QList<ImportedSpan>> spans = readSpans(object, results);
    if (!spans) {
        task->error = task->name % u": " % spans.error().message;
        return;
    }
    task->doc.spans = std::move(spans).value();
}

} // namespace

bool looksLike(const QByteArray &bytes)
{
    for (qsizetype i = bodyBegin(bytes); i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            return c == '[';
        }
    }
    return false;
}

Expected<QList<Task>> read(const QByteArray &bytes, Results results)
{
    const qsizetype begin = bodyBegin(bytes);
    const simdjson::padded_string json(bytes.constData() + begin, std::size_t(bytes.size() - begin));
    dom::parser parser;
    dom::element root;
    if (auto code = parser.parse(json).get(root)) {
        return Error{ImportJson::invalidJson(code)};
    }
    dom::array array;
    if (root.get_array().get(array)) {
        return Error{QStringLiteral("not a JSON array of Label Studio tasks")};
    }
    const std::vector<Where> where = locateTasks(json);
    const bool located = where.size() == array.size();
    QList<Task> tasks;
    tasks.reserve(qsizetype(array.size()));
    qsizetype index = 0;
    for (dom::element element : array) {
        Task task;
        task.name = QStringLiteral("task %1").arg(index + 1);
        if (located) {
            const Where &at = where[std::size_t(index)];
            task.line = at.line;
            task.json = QByteArray(at.json.data(), qsizetype(at.json.size()));
        }
        readTask(element, results, &task);
        tasks.append(std::move(task));
        ++index;
    }
    return tasks;
}

} // namespace annorev::LabelStudioFormat
