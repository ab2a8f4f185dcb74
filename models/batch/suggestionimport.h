#pragma once

#include "expected.h"
#include "suggestion.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace annorev {

class Schema;

// The files `annorev suggest` reads a model's predictions from, offsets as each counts them.
enum class SuggestionFormat
{
    JsonLines,  // {"id", "spans": [{"start", "end", "label", "score", "text"?}]} a line; code points
    Doccano,    // doccano's sequence-labelling JSONL; UTF-16 units (JavaScript string indices)
    LabelStudio // a Label Studio JSON export's predictions; code points
};

QString suggestionFormatName(SuggestionFormat format); // "jsonl", "doccano", "label-studio"
std::optional<SuggestionFormat> suggestionFormatFrom(QStringView name);

// Something in a predictions file that could not be imported; the rest is.
struct SuggestionProblem
{
    enum Kind
    {
        Unreadable,      // a line or task that is not what the format holds: its spans are not known
        UnknownDocument, // an id the store does not hold
        TextDiffers,     // the text the file gives is not the reviewer's text of the document
        BadSpan          // outside the text, splitting a character, an unknown label, a text that differs
    };
    Kind kind = Unreadable;
    int line = 0;          // of the file, from 1
    QString message;       // names the id and the span
    qsizetype skipped = 0; // suggestions it kept out (0 when not known)
};

struct SuggestionFileContents
{
    SuggestionFormat format = SuggestionFormat::JsonLines;
    QList<Suggestion> suggestions; // offsets in UTF-16 units of the reviewers' plain texts
    QList<SuggestionProblem> problems;
};

// Reads a predictions file and checks every span against the reviewer's plain text of its
// document, converting offsets at this edge: a span must lie in the text, on character boundaries,
// with a label of the schema, and where the file gives its text (or the document's), that text.
// A bad line or span is a problem and the rest is read; a file that is not the format at all
// (none of its lines is) is an error.
class SuggestionImport
{
public:
    // The reviewer's plain texts of the documents with these ids, by id; an id the store does not
    // hold is left out. Asked once for each block of the file's documents (BlockSize), so that a
    // store reads them together; an error (the store cannot be read) ends the import.
    using PlainTexts = std::function<Expected<QHash<QString, QString>>(const QStringList &ids)>;
    static constexpr qsizetype BlockSize = 2048;

    // The format of the file's bytes: a JSON array is Label Studio's, a line with "spans" JSON
    // Lines, a doccano line doccano.
    static Expected<SuggestionFormat> detect(const QByteArray &bytes);
    // Whether the bytes are of the format at all (read() would not refuse them outright): what a
    // command asks before it opens a store.
    static Expected<void> checkFormat(const QByteArray &bytes, SuggestionFormat format);
    static Expected<SuggestionFileContents> read(const QByteArray &bytes, std::optional<SuggestionFormat> format,
                                                 const Schema &schema, const PlainTexts &plainTexts);
};

} // namespace annorev
