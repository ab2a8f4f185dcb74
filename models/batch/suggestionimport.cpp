#include "suggestionimport.h"

#include "doccanoformat.h"
#include "importjson.h"
#include "labelstudioformat.h"
#include "schema.h"

#include <QHash>

#include <algorithm>
#include <string_view>
#include <vector>

namespace annorev {

namespace dom = simdjson::dom;

namespace {

// A document's predictions as the file gives them, before they are checked against its text.
struct Entry
{
    int line = 0;
    QString id;
    std::optional<QString> text; // the document's text, where the format carries it
    QList<ImportedSpan> spans;
};

struct Lines
{
    QList<std::string_view> lines; // without their line breaks; empty ones included
};

Lines splitLines(const QByteArray &bytes)
{
    std::string_view rest(bytes.constData(), std::size_t(bytes.size()));
    if (rest.starts_with("\xef\xbb\xbf")) {
        rest.remove_prefix(3);
    }
    Lines result;
    while (!rest.empty()) {
        const std::size_t end = rest.find('\n');
        std::string_view line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        if (line.ends_with('\r')) {
            line.remove_suffix(1);
        }
        result.lines.append(line);
    }
    return result;
}

bool isBlank(std::string_view line)
{
    return line.find_first_not_of(" \t") == std::string_view::npos;
}

QString quoted(const QString &text)
{
    return u'"' % text % u'"';
}

QString describe(const QString &id, qsizetype number, const ImportedSpan &span)
{
    return quoted(id) % u": span " % QString::number(number) % u' ' % quoted(span.label) % u" [" %
           QString::number(span.start) % u", " % QString::number(span.end) % u')';
}

// Whether a line is an object with "spans": what makes a file JSON Lines of predictions.
bool isPredictionLine(dom::parser &parser, std::string_view line)
{
    const simdjson::padded_string json(line);
    dom::element root;
    dom::object object;
    return !parser.parse(json).get(root) && !root.get_object().get(object) && object.at_key("spans").is_array();
}

// One line of JSON Lines predictions; a span item that is not one is a problem of its own.
std::optional<Entry> readPredictionLine(dom::parser &parser, std::string_view line, int number,
                                        QList<SuggestionProblem> *problems)
{
    const simdjson::padded_string json(line);
    dom::element root;
    if (auto code = parser.parse(json).get(root)) {
        problems->append({SuggestionProblem::Unreadable, number, ImportJson::invalidJson(code)});
        return std::nullopt;
    }
    dom::object object;
    if (root.get_object().get(object)) {
        problems->append({SuggestionProblem::Unreadable, number, QStringLiteral("the line is not a JSON object")});
        return std::nullopt;
    }
    Entry entry;
    entry.line = number;
    dom::element value;
    if (object.at_key("id").get(value) || !ImportJson::id(value, &entry.id)) {
        problems->append({SuggestionProblem::Unreadable, number,
                          QStringLiteral("\"id\" is missing or not a string "
                                         "or a number")});
        return std::nullopt;
    }
    dom::array spans;
    if (object.at_key("spans").get_array().get(spans)) {
        problems->append(
            {SuggestionProblem::Unreadable, number, quoted(entry.id) % u": \"spans\" is missing or not an array"});
        return std::nullopt;
    }
    qsizetype item = 0;
    for (dom::element element : spans) {
        ++item;
        ImportedSpan span;
        dom::object fields;
        std::string_view label;
        const auto bad = [&](const QString &why) {
            problems->append({SuggestionProblem::BadSpan, number,
                              quoted(entry.id) % u": span " % QString::number(item) % u": " % why, 1});
        };
        if (element.get_object().get(fields) || !ImportJson::offset(fields["start"], &span.start) ||
            !ImportJson::offset(fields["end"], &span.end) || fields["label"].get_string().get(label)) {
            bad(QStringLiteral("not {\"start\", \"end\", \"label\"} with whole-number offsets"));
            continue;
        }
        span.label = ImportJson::string(label);
        if (fields["score"].get(value) == simdjson::SUCCESS && !value.is_null()) {
            double score = 0;
            if (value.get_double().get(score)) {
                bad(QStringLiteral("\"score\" is not a number"));
                continue;
            }
            span.score = score;
        }
        if (fields["text"].get(value) == simdjson::SUCCESS) {
            std::string_view text;
            if (value.get_string().get(text)) {
                bad(QStringLiteral("\"text\" is not a string"));
                continue;
            }
            span.text = ImportJson::string(text);
        }
        entry.spans.append(span);
    }
    return entry;
}

Expected<QList<Entry>> readJsonLines(const QByteArray &bytes, QList<SuggestionProblem> *problems)
{
    if (Expected<void> format = SuggestionImport::checkFormat(bytes, SuggestionFormat::JsonLines); !format) {
        return format.error();
    }
    const Lines lines = splitLines(bytes);
    dom::parser parser;
    QList<Entry> entries;
    for (qsizetype i = 0; i < lines.lines.size(); ++i) {
        if (isBlank(lines.lines[i])) {
            continue;
        }
        if (std::optional<Entry> entry = readPredictionLine(parser, lines.lines[i], int(i + 1), problems)) {
            entries.append(std::move(*entry));
        }
    }
    return entries;
}

Expected<QList<Entry>> readDoccano(const QByteArray &bytes, QList<SuggestionProblem> *problems)
{
    if (Expected<void> format = SuggestionImport::checkFormat(bytes, SuggestionFormat::Doccano); !format) {
        return format.error();
    }
    const Lines lines = splitLines(bytes);
    QList<Entry> entries;
    for (qsizetype i = 0; i < lines.lines.size(); ++i) {
        if (isBlank(lines.lines[i])) {
            continue;
        }
        const int number = int(i + 1);
        Expected<ImportedDocument> doc = DoccanoFormat::readLine(lines.lines[i]);
        if (!doc) {
            problems->append({SuggestionProblem::Unreadable, number, doc.error().message});
            continue;
        }
        if (!doc->hasId) {
            problems->append({SuggestionProblem::Unreadable, number,
                              QStringLiteral("the line has no \"id\", so its document is not known"),
                              doc->spans.size()});
            continue;
        }
        entries.append({number, doc->id, doc->text, doc->spans});
    }
    return entries;
}

Expected<QList<Entry>> readLabelStudio(const QByteArray &bytes, QList<SuggestionProblem> *problems)
{
    Expected<QList<LabelStudioFormat::Task>> tasks =
        LabelStudioFormat::read(bytes, LabelStudioFormat::Results::Predictions);
    if (!tasks) {
        return Error{u"it is not a Label Studio export: " % tasks.error().message};
    }
    QList<Entry> entries;
    for (const LabelStudioFormat::Task &task : std::as_const(*tasks)) {
        if (!task.error.isEmpty()) {
            problems->append({SuggestionProblem::Unreadable, task.line, task.error});
            continue;
        }
        if (!task.doc.hasId) {
            problems->append({SuggestionProblem::Unreadable, task.line,
                              task.name % u": no \"data.id\" or \"id\", so its document is not known",
                              task.doc.spans.size()});
            continue;
        }
        entries.append({task.line, task.doc.id, task.doc.text, task.doc.spans});
    }
    return entries;
}

// The spans of one document, offsets turned into UTF-16 units of its plain text and checked.
void resolve(const Entry &entry, const QString &plain, SpanImport::OffsetUnit unit, const Schema &schema,
             SuggestionFileContents *contents)
{
    std::vector<qsizetype> boundaries; // UTF-16 offset of every code point, when they differ
    const bool astral = std::any_of(plain.begin(), plain.end(), [](QChar c) { return c.isSurrogate(); });
    if (unit == SpanImport::OffsetUnit::CodePoint && astral) {
        for (qsizetype i = 0; i < plain.size(); ++i) {
            if (!(plain.at(i).isLowSurrogate() && i > 0 && plain.at(i - 1).isHighSurrogate())) {
                boundaries.push_back(i);
            }
        }
        boundaries.push_back(plain.size());
    }
    const qint64 length = boundaries.empty() ? plain.size() : qint64(boundaries.size()) - 1;
    const QLatin1StringView unitName(unit == SpanImport::OffsetUnit::CodePoint ? "code points" : "UTF-16 units");
    const auto splits = [&plain](qsizetype pos) {
        return pos > 0 && pos < plain.size() && plain.at(pos - 1).isHighSurrogate() && plain.at(pos).isLowSurrogate();
    };
    for (qsizetype i = 0; i < entry.spans.size(); ++i) {
        const ImportedSpan &span = entry.spans[i];
        const auto bad = [&](const QString &why) {
            contents->problems.append(
                {SuggestionProblem::BadSpan, entry.line, describe(entry.id, i + 1, span) % u": " % why, 1});
        };
        if (!schema.label(span.label)) {
            bad(QStringLiteral("the label is not one of the schema's"));
            continue;
        }
        if (span.start < 0 || span.end > length) {
            bad(u"outside the text (" % QString::number(length) % u' ' % unitName % u')');
            continue;
        }
        if (span.start >= span.end) {
            bad(QStringLiteral("empty or reversed"));
            continue;
        }
        const qsizetype start = boundaries.empty() ? qsizetype(span.start) : boundaries[std::size_t(span.start)];
        const qsizetype end = boundaries.empty() ? qsizetype(span.end) : boundaries[std::size_t(span.end)];
        if (splits(start) || splits(end)) {
            bad(u"splits a character outside the Basic Multilingual Plane in two (offsets in " % unitName % u')');
            continue;
        }
        const QString text = plain.mid(start, end - start);
        if (span.text && *span.text != text) {
            bad(u"its text " % quoted(*span.text) % u" differs from the text at its offsets " % quoted(text));
            continue;
        }
        Suggestion suggestion;
        suggestion.documentId = entry.id;
        suggestion.start = start;
        suggestion.end = end;
        suggestion.label = span.label;
        suggestion.score = span.score;
        suggestion.text = text;
        contents->suggestions.append(std::move(suggestion));
    }
}

} // namespace

QString suggestionFormatName(SuggestionFormat format)
{
    switch (format) {
    case SuggestionFormat::JsonLines:
        return QStringLiteral("jsonl");
    case SuggestionFormat::Doccano:
        return QStringLiteral("doccano");
    case SuggestionFormat::LabelStudio:
        return QStringLiteral("label-studio");
    }
    return {};
}

std::optional<SuggestionFormat> suggestionFormatFrom(QStringView name)
{
    for (const SuggestionFormat format :
         {SuggestionFormat::JsonLines, SuggestionFormat::Doccano, SuggestionFormat::LabelStudio}) {
        if (name == suggestionFormatName(format)) {
            return format;
        }
    }
    return std::nullopt;
}

Expected<SuggestionFormat> SuggestionImport::detect(const QByteArray &bytes)
{
    if (LabelStudioFormat::looksLike(bytes)) {
        return SuggestionFormat::LabelStudio;
    }
    dom::parser parser;
    for (std::string_view line : splitLines(bytes).lines) {
        if (isBlank(line)) {
            continue;
        }
        if (isPredictionLine(parser, line)) {
            return SuggestionFormat::JsonLines;
        }
        const DoccanoFormat::LineKind kind = DoccanoFormat::classify(line);
        if (kind == DoccanoFormat::LineKind::Doccano) {
            return SuggestionFormat::Doccano;
        }
        if (kind == DoccanoFormat::LineKind::Other) {
            break; // an object of neither kind decides, as a broken line does not
        }
    }
    return Error{QStringLiteral("it is not a predictions file annorev reads: JSON Lines of {\"id\", \"spans\"}, "
                                "doccano JSONL or a Label Studio JSON export (--format names one)")};
}

Expected<void> SuggestionImport::checkFormat(const QByteArray &bytes, SuggestionFormat format)
{
    if (format == SuggestionFormat::LabelStudio) {
        if (!LabelStudioFormat::looksLike(bytes)) {
            return Error{QStringLiteral("it is not a Label Studio export: not a JSON array of tasks")};
        }
        return {};
    }
    dom::parser parser;
    const Lines lines = splitLines(bytes);
    const bool any = std::any_of(lines.lines.cbegin(), lines.lines.cend(), [&](std::string_view line) {
        return !isBlank(line) && (format == SuggestionFormat::JsonLines
                                      ? isPredictionLine(parser, line)
                                      : DoccanoFormat::classify(line) == DoccanoFormat::LineKind::Doccano);
    });
    if (!any) {
        return Error{format == SuggestionFormat::JsonLines
                         ? QStringLiteral("it is not JSON Lines of predictions: no line is an object with \"id\" "
                                          "and \"spans\"")
                         : QStringLiteral("it is not doccano JSONL: no line is an object with \"text\" and its "
                                          "spans")};
    }
    return {};
}

Expected<SuggestionFileContents> SuggestionImport::read(const QByteArray &bytes, std::optional<SuggestionFormat> format,
                                                        const Schema &schema, const PlainTexts &plainTexts)
{
    if (!format) {
        Expected<SuggestionFormat> detected = detect(bytes);
        if (!detected) {
            return detected.error();
        }
        format = *detected;
    }
    SuggestionFileContents contents;
    contents.format = *format;
    Expected<QList<Entry>> entries = *format == SuggestionFormat::JsonLines ? readJsonLines(bytes, &contents.problems)
                                     : *format == SuggestionFormat::Doccano
                                         ? readDoccano(bytes, &contents.problems)
                                         : readLabelStudio(bytes, &contents.problems);
    if (!entries) {
        return entries.error();
    }
    // doccano counts JavaScript string indices; the others count code points.
    const SpanImport::OffsetUnit unit =
        *format == SuggestionFormat::Doccano ? SpanImport::OffsetUnit::Utf16 : SpanImport::OffsetUnit::CodePoint;
    for (qsizetype begin = 0; begin < entries->size(); begin += BlockSize) {
        const qsizetype end = std::min(entries->size(), begin + BlockSize);
        QStringList ids;
        ids.reserve(end - begin);
        for (qsizetype i = begin; i < end; ++i) {
            ids.append(entries->at(i).id);
        }
        const Expected<QHash<QString, QString>> texts = plainTexts(ids);
        if (!texts) {
            return texts.error();
        }
        for (qsizetype i = begin; i < end; ++i) {
            const Entry &entry = entries->at(i);
            const auto plain = texts->constFind(entry.id);
            if (plain == texts->cend()) {
                contents.problems.append({SuggestionProblem::UnknownDocument, entry.line,
                                          u"no document " % quoted(entry.id) % u" in the store", entry.spans.size()});
                continue;
            }
            if (entry.text && *entry.text != *plain) {
                contents.problems.append({SuggestionProblem::TextDiffers, entry.line,
                                          quoted(entry.id) % u": the text differs from the reviewer's text of the "
                                                             u"document, so the offsets cannot be trusted",
                                          entry.spans.size()});
                continue;
            }
            resolve(entry, *plain, unit, schema, &contents);
        }
    }
    std::stable_sort(contents.problems.begin(), contents.problems.end(),
                     [](const SuggestionProblem &a, const SuggestionProblem &b) { return a.line < b.line; });
    return contents;
}

} // namespace annorev
