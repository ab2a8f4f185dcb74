#pragma once

#include "batchstamp.h"
#include "exportdocument.h"
#include "inputlimits.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <variant>

namespace annorev {

class Schema;

// One document as read from its input, before it is parsed.
struct SourceEntry
{
    QString id;
    QString path;      // the file it came from
    int line = 0;      // JSON Lines: the line number (from 1); 0 for a whole file
    QByteArray source; // the tagged text, UTF-8 (for a file: its bytes as they are, BOM included)
    // JSON Lines: the line as read and the byte range of the "text" value's JSON token in it, so
    // that a writer can put an edited text back and keep every other field byte for byte.
    QByteArray jsonLine;
    qsizetype textTokenBegin = -1;
    qsizetype textTokenEnd = -1;
    // Doccano and LabelStudio: the source is tagged text made from the tool's text and spans;
    // jsonLine holds the line (doccano) or the task object (Label Studio) as read, and there is
    // no text token, since the tool's "text" holds no tags.
    BatchLayout layout = BatchLayout::File;
};

// A problem with the input, printed the way compilers print: "FILE:LINE: error: message".
struct InputError
{
    QString path;
    int line = 0; // 0 when the problem is the whole file
    QString message;
    QString toString() const;
    // "FILE:LINE: message", for a caller that prints its own severity ("annorev: error: …").
    QString located() const;
};

// What reading one unit of the batch gives: a document, an error (the unit is skipped and the
// rest of the batch loads), or nothing (a blank JSON Lines line).
using ReadResult = std::variant<SourceEntry, InputError, std::monostate>;

// The documents of a batch: files, folders (every .txt, .html, .htm below, sorted, id = path
// relative to the folder with '/'), JSON Lines files (.jsonl: one object per line with "id" and
// "text"), doccano exports (.jsonl whose first line that is a JSON object has "text" and "label"
// or "entities" spans; broken lines before it are reported, not taken for plain JSON Lines)
// and Label Studio exports (.json holding an array of tasks; one unit per task). Units are
// numbered in input order; read() may be called from several threads at once.
class BatchReader
{
public:
    BatchReader();
    ~BatchReader();
    BatchReader(BatchReader &&) noexcept;
    BatchReader &operator=(BatchReader &&) noexcept;

    // Lists the inputs (maps JSON Lines files, reads Label Studio exports). Paths that cannot be
    // read are reported in errors(); the others are still listed.
    static BatchReader open(const QStringList &inputs);
    // The schema tells imported spans whose labels it knows from the others (unknown tags).
    static BatchReader open(const QStringList &inputs, const Schema &schema);

    qsizetype size() const;
    // What a caller needs of a JSON Lines entry: checking needs only the text; writing the batch
    // back needs the whole line too.
    enum class Keep
    {
        Text,
        TextAndLine
    };
    // Whether read() measures a text against the tag limits (InputLimits::measure) or leaves that
    // to the parse that follows (Document::parse with a breach), which reads every tag anyway:
    // checking a batch then scans each text for tags once. The size limit is read()'s either way.
    enum class TagLimits
    {
        Measure,
        LeftToParse
    };
    ReadResult read(qsizetype unit, Keep keep = Keep::TextAndLine, TagLimits limits = TagLimits::Measure) const;
    // The error that refuses an entry whose text breaks a limit: its file, and its line there
    // (for a JSON Lines line or a task, with the line of the text in the message).
    static InputError pastLimit(const SourceEntry &entry, InputLimits::Breach breach);
    BatchLayout layoutOf(qsizetype unit) const;
    // A unit that is a whole file (a file input, or a document of a folder) that can be read: its
    // path and id, known without reading it. Empty for lines, tasks and unreadable entries.
    struct WholeFile
    {
        QString path;
        QString id;
    };
    std::optional<WholeFile> wholeFile(qsizetype unit) const;
    const QList<InputError> &errors() const;
    qsizetype totalBytes() const;
    // The stamps of the batch's files, taken as open() began, before anything was read: a store
    // keeps them so that the next look at an unchanged batch is a stat per file.
    const BatchStamp &stamp() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace annorev
