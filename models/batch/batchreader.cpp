#include "batchreader.h"

#include "doccanoformat.h"
#include "filebytes.h"
#include "folderlisting.h"
#include "inputlimits.h"
#include "internedstring.h"
#include "jsonlinesline.h"
#include "labelstudioformat.h"
#include "linesplit.h"
#include "schema.h"
#include "spanimport.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <string_view>
#include <vector>

namespace annorev {

namespace {

// A JSON Lines file, read a range at a time by the threads that parse its lines (FileBytes).
struct JsonlFile
{
    QString path;
    QString fileName;
    std::unique_ptr<QFile> file;
    FileBytes bytes;
    BatchLayout layout = BatchLayout::JsonLines; // or Doccano
};

struct FileUnit
{
    QString path;
    QString id;
    BatchLayout layout = BatchLayout::File;
    QString problem; // a folder entry that cannot be read: reading the unit reports this
};

struct TaskFile
{
    QString path;
    QString fileName;
    QList<LabelStudioFormat::Task> tasks;
};

struct Unit
{
    // JSON Lines: offset and length of the line in the file; file: begin is the index into
    // files; Label Studio: begin is the index into the file's tasks, length into taskFiles.
    qsizetype begin = 0;
    qsizetype length = 0;
    qint32 jsonl = -1; // index into jsonlFiles, or one of the kinds below
    qint32 line = 0;
};
constexpr qint32 wholeFileUnit = -1;
constexpr qint32 labelStudioUnit = -2;

bool isBlank(const char *p, qsizetype length)
{
    for (qsizetype i = 0; i < length; ++i) {
        const char c = p[i];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') {
            return false;
        }
    }
    return true;
}

// A line this long is not parsed: the JSON parser would hold several times its size.
InputError lineTooLong(const JsonlFile &file, const Unit &unit)
{
    return InputError{file.path, unit.line,
                      InputLimits::pastLimit(QLatin1StringView("line"), unit.length, InputLimits::inputLineBytes)};
}

bool hasSuffix(const QString &name, QLatin1StringView suffix)
{
    return name.endsWith(suffix, Qt::CaseInsensitive);
}


} // namespace

QString InputError::toString() const
{
    if (line > 0) {
        return path % u':' % QString::number(line) % u": error: " % message;
    }
    return path % u": error: " % message;
}

QString InputError::located() const
{
    if (line > 0) {
        return path % u':' % QString::number(line) % u": " % message;
    }
    return path % u": " % message;
}

struct BatchReader::Private
{
    std::vector<JsonlFile> jsonlFiles;
    QList<FileUnit> files;
    std::vector<TaskFile> taskFiles;
    std::vector<Unit> units;
    QList<InputError> errors;
    qsizetype totalBytes = 0;
    BatchStamp stamp;
    Schema schema = Schema::builtin();

    void addFile(const QString &path, const QString &id, BatchLayout layout, const QString &problem = {})
    {
        units.push_back({files.size(), 0, wholeFileUnit, 0});
        files.append({path, id, layout, problem});
    }
    void addFolder(const QString &path);
    void addJsonl(const QString &path, const QFileInfo &info);
    void addJson(const QString &path, const QFileInfo &info);
    ReadResult readFile(const FileUnit &file) const;
    ReadResult readLine(const Unit &unit, Keep keep) const;
    ReadResult readDoccanoLine(const Unit &unit, Keep keep) const;
    ReadResult readTask(const Unit &unit, Keep keep) const;
    // The entry read, or the error naming the limit it breaks (InputLimits).
    ReadResult withinLimits(ReadResult read, TagLimits limits) const;
    ReadResult imported(const ImportedDocument &doc, SpanImport::OffsetUnit offsets, SourceEntry entry,
                        const QString &fileName, const QString &context) const;
};

void BatchReader::Private::addFolder(const QString &path)
{
    for (const FolderEntry &entry : listFolder(path)) {
        stamp.addFolderEntry(entry);
        totalBytes += entry.size;
        addFile(entry.path, entry.id, BatchLayout::Folder, entry.problem);
    }
}

void BatchReader::Private::addJsonl(const QString &path, const QFileInfo &info)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        errors.append({path, 0, u"cannot read: " % file->errorString()});
        return;
    }
    const FileBytes bytes(file->handle(), file->size());
    totalBytes += bytes.size();

    const qint32 index = qint32(jsonlFiles.size());
    char bom[3] = {};
    const qint64 from =
        bytes.size() >= 3 && bytes.readExactly(bom, 0, 3).has_value() && std::memcmp(bom, "\xef\xbb\xbf", 3) == 0 ? 3
                                                                                                                  : 0;
    const Expected<std::vector<LineRange>> lines = splitLines(bytes, from);
    if (!lines) {
        errors.append({path, 0, lines.error().message});
        return;
    }
    const std::size_t firstUnit = units.size();
    qint32 line = 0;
    for (const LineRange &range : *lines) {
        units.push_back({range.begin, range.length, index, ++line});
    }
    // The first line that is a JSON object decides the layout of the whole file, so lines are not
    // sniffed one by one; broken lines before it are reported when they are read, in that layout.
    BatchLayout layout = BatchLayout::JsonLines;
    for (std::size_t u = firstUnit; u < units.size(); ++u) {
        const Unit &unit = units[u];
        const Expected<std::string_view> text = bytes.read(unit.begin, unit.length);
        if (!text) {
            break; // reported when the line is read
        }
        if (isBlank(text->data(), unit.length)) {
            continue;
        }
        const DoccanoFormat::LineKind kind = DoccanoFormat::classify(*text);
        if (kind != DoccanoFormat::LineKind::NotAnObject) {
            if (kind == DoccanoFormat::LineKind::Doccano) {
                layout = BatchLayout::Doccano;
            }
            break;
        }
    }
    FileBytes::doneWithLongRange();
    // Every line's entry copies the path: see internedString().
    jsonlFiles.push_back({internedString(path), internedString(info.fileName()), std::move(file), bytes, layout});
}

// A .json file holding an array is a Label Studio export; any other .json file is a document.
void BatchReader::Private::addJson(const QString &path, const QFileInfo &info)
{
    if (info.size() > InputLimits::jsonFileBytes) {
        errors.append({path, 0,
                       InputLimits::pastLimit(QLatin1StringView("file"), info.size(), InputLimits::jsonFileBytes) %
                           u" for a .json file, which is read whole; export it as JSON Lines instead"});
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        errors.append({path, 0, u"cannot read: " % file.errorString()});
        return;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        errors.append({path, 0, u"cannot read: " % file.errorString()});
        return;
    }
    totalBytes += info.size();
    if (!LabelStudioFormat::looksLike(bytes)) {
        addFile(path, info.fileName(), BatchLayout::File);
        return;
    }
    Expected<QList<LabelStudioFormat::Task>> read = LabelStudioFormat::read(bytes);
    if (!read) {
        errors.append({path, 0, read.error().message});
        return;
    }
    TaskFile tasks{path, info.fileName(), std::move(read).value()};
    const qsizetype index = qsizetype(taskFiles.size());
    for (qsizetype t = 0; t < tasks.tasks.size(); ++t) {
        units.push_back({t, index, labelStudioUnit, qint32(tasks.tasks.at(t).line)});
    }
    taskFiles.push_back(std::move(tasks));
}

ReadResult BatchReader::Private::readFile(const FileUnit &file) const
{
    if (!file.problem.isEmpty()) {
        return InputError{file.path, 0, file.problem};
    }
    QFile in(file.path);
    if (!in.open(QIODevice::ReadOnly)) {
        return InputError{file.path, 0, u"cannot read: " % in.errorString()};
    }
    if (std::optional<InputLimits::Breach> tooLarge = InputLimits::measureSize(in.size())) {
        return InputError{file.path, 0, tooLarge->message};
    }
    // readAll() doubles its buffer as it goes (a 200 MB file took 256 MiB); a file whose size is
    // known is read into a buffer of that size.
    QByteArray bytes;
    if (in.isSequential() || in.size() == 0) {
        bytes = in.readAll();
    } else {
        bytes.resize(in.size());
        const qint64 read = in.read(bytes.data(), bytes.size());
        bytes.truncate(std::max<qint64>(read, 0));
    }
    if (in.error() != QFileDevice::NoError) {
        return InputError{file.path, 0, u"cannot read: " % in.errorString()};
    }
    if (bytes.isNull()) {
        // An empty file is an empty document; a null QByteArray would be stored as SQL NULL.
        bytes = QByteArray("");
    }
    return SourceEntry{file.id, file.path, 0, std::move(bytes), {}, -1, -1, file.layout};
}

ReadResult BatchReader::Private::readLine(const Unit &unit, Keep keep) const
{
    const JsonlFile &file = jsonlFiles[std::size_t(unit.jsonl)];
    if (unit.length > InputLimits::inputLineBytes) {
        return lineTooLong(file, unit);
    }
    const Expected<std::string_view> line = file.bytes.read(unit.begin, unit.length);
    if (!line) {
        return InputError{file.path, unit.line, line.error().message};
    }
    if (isBlank(line->data(), unit.length)) {
        FileBytes::doneWithLongRange();
        return std::monostate{};
    }
    SourceEntry entry;
    entry.path = file.path;
    entry.line = unit.line;
    entry.layout = BatchLayout::JsonLines;
    bool hasId = false;
    const Expected<void> read = readJsonLinesLine(QByteArrayView(line->data(), unit.length),
                                                  unit.length + FileBytes::padding, keep, &entry, &hasId);
    FileBytes::doneWithLongRange(); // copied: a long line need not stay while its text is checked
    if (!read) {
        return InputError{file.path, unit.line, read.error().message};
    }
    if (!hasId) {
        entry.id = file.fileName % u':' % QString::number(unit.line);
    }
    return entry;
}

ReadResult BatchReader::Private::imported(const ImportedDocument &doc, SpanImport::OffsetUnit offsets,
                                          SourceEntry entry, const QString &fileName, const QString &context) const
{
    // Each span becomes two tags: too many are refused before the tagged text is made.
    if (doc.spans.size() > InputLimits::labelTags / 2) {
        const QString message = u"the document has " % QString::number(doc.spans.size()) %
                                u" spans, more than the limit of " % QString::number(InputLimits::labelTags / 2) %
                                u"; split it into smaller documents";
        return InputError{entry.path, entry.line, context.isEmpty() ? message : context % u": " % message};
    }
    Expected<QByteArray> source = SpanImport::taggedSource(doc.text, doc.spans, offsets, schema);
    if (!source) {
        const QString &message = source.error().message;
        return InputError{entry.path, entry.line, context.isEmpty() ? message : context % u": " % message};
    }
    entry.id = doc.hasId ? doc.id : fileName % u':' % QString::number(entry.line);
    entry.source = std::move(source).value();
    return entry;
}

ReadResult BatchReader::Private::withinLimits(ReadResult read, TagLimits limits) const
{
    const auto *entry = std::get_if<SourceEntry>(&read);
    if (!entry) {
        return read;
    }
    std::optional<InputLimits::Breach> breach = limits == TagLimits::Measure
                                                    ? InputLimits::measure(entry->source, schema)
                                                    : InputLimits::measureSize(entry->source.size());
    if (!breach) {
        return read;
    }
    return pastLimit(*entry, *std::move(breach));
}

InputError BatchReader::pastLimit(const SourceEntry &entry, InputLimits::Breach breach)
{
    if (entry.line == 0) {
        return InputError{entry.path, breach.line, std::move(breach.message)};
    }
    // A line of a JSON Lines file, or a task: the line in the document's text says where.
    if (breach.line > 0) {
        return InputError{entry.path, entry.line,
                          u"line " % QString::number(breach.line) % u" of its text: " % breach.message};
    }
    return InputError{entry.path, entry.line, std::move(breach.message)};
}

ReadResult BatchReader::Private::readDoccanoLine(const Unit &unit, Keep keep) const
{
    const JsonlFile &file = jsonlFiles[std::size_t(unit.jsonl)];
    if (unit.length > InputLimits::inputLineBytes) {
        return lineTooLong(file, unit);
    }
    const Expected<std::string_view> bytes = file.bytes.read(unit.begin, unit.length);
    if (!bytes) {
        return InputError{file.path, unit.line, bytes.error().message};
    }
    const char *line = bytes->data();
    if (isBlank(line, unit.length)) {
        FileBytes::doneWithLongRange();
        return std::monostate{};
    }
    const Expected<ImportedDocument> doc = DoccanoFormat::readLine(std::string_view(line, std::size_t(unit.length)));
    const QByteArray jsonLine = keep == Keep::TextAndLine ? QByteArray(line, unit.length) : QByteArray();
    FileBytes::doneWithLongRange();
    if (!doc) {
        return InputError{file.path, unit.line, doc.error().message};
    }
    SourceEntry entry;
    entry.path = file.path;
    entry.line = unit.line;
    entry.layout = BatchLayout::Doccano;
    entry.jsonLine = jsonLine;
    return imported(*doc, SpanImport::OffsetUnit::Utf16, std::move(entry), file.fileName, {});
}

ReadResult BatchReader::Private::readTask(const Unit &unit, Keep keep) const
{
    const TaskFile &file = taskFiles[std::size_t(unit.length)];
    const LabelStudioFormat::Task &task = file.tasks.at(unit.begin);
    if (!task.error.isEmpty()) {
        return InputError{file.path, task.line, task.error};
    }
    SourceEntry entry;
    entry.path = file.path;
    entry.line = task.line;
    entry.layout = BatchLayout::LabelStudio;
    if (keep == Keep::TextAndLine) {
        entry.jsonLine = task.json;
    }
    return imported(task.doc, SpanImport::OffsetUnit::CodePoint, std::move(entry), file.fileName, task.name);
}

BatchReader::BatchReader() : d(std::make_unique<Private>()) {}
BatchReader::~BatchReader() = default;
BatchReader::BatchReader(BatchReader &&) noexcept = default;
BatchReader &BatchReader::operator=(BatchReader &&) noexcept = default;

BatchReader BatchReader::open(const QStringList &inputs)
{
    return open(inputs, Schema::builtin());
}

BatchReader BatchReader::open(const QStringList &inputs, const Schema &schema)
{
    BatchReader reader;
    Private &d = *reader.d;
    d.schema = schema;
    // Stamped as listed, each file before it is read (see BatchStamp::take()).
    d.stamp = BatchStamp::startedNow();
    for (const QString &path : inputs) {
        const QFileInfo info(path);
        if (!info.isDir()) {
            d.stamp.addFile(path);
        }
        if (!info.exists()) {
            d.errors.append({path, 0, QStringLiteral("cannot read: no such file or directory")});
        } else if (info.isDir()) {
            if (!info.isReadable() || !info.isExecutable()) {
                d.errors.append({path, 0, QStringLiteral("cannot read: permission denied")});
            } else {
                d.addFolder(path);
            }
        } else if (hasSuffix(info.fileName(), QLatin1StringView(".jsonl"))) {
            d.addJsonl(path, info);
        } else if (hasSuffix(info.fileName(), QLatin1StringView(".json"))) {
            d.addJson(path, info);
        } else {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                d.errors.append({path, 0, u"cannot read: " % file.errorString()});
                continue;
            }
            d.totalBytes += info.size();
            d.addFile(path, info.fileName(), BatchLayout::File);
        }
    }
    return reader;
}

qsizetype BatchReader::size() const
{
    return qsizetype(d->units.size());
}

ReadResult BatchReader::read(qsizetype unit, Keep keep, TagLimits limits) const
{
    Q_ASSERT(unit >= 0 && unit < size());
    const Unit &u = d->units[std::size_t(unit)];
    ReadResult read;
    if (u.jsonl == wholeFileUnit) {
        read = d->readFile(d->files[u.begin]);
    } else if (u.jsonl == labelStudioUnit) {
        read = d->readTask(u, keep);
    } else if (d->jsonlFiles[std::size_t(u.jsonl)].layout == BatchLayout::Doccano) {
        read = d->readDoccanoLine(u, keep);
    } else {
        read = d->readLine(u, keep);
    }
    return d->withinLimits(std::move(read), limits);
}

std::optional<BatchReader::WholeFile> BatchReader::wholeFile(qsizetype unit) const
{
    Q_ASSERT(unit >= 0 && unit < size());
    const Unit &u = d->units[std::size_t(unit)];
    if (u.jsonl != wholeFileUnit || !d->files[u.begin].problem.isEmpty()) {
        return std::nullopt;
    }
    const FileUnit &file = d->files[u.begin];
    return WholeFile{file.path, file.id};
}

BatchLayout BatchReader::layoutOf(qsizetype unit) const
{
    Q_ASSERT(unit >= 0 && unit < size());
    const Unit &u = d->units[std::size_t(unit)];
    if (u.jsonl == wholeFileUnit) {
        return d->files[u.begin].layout;
    }
    if (u.jsonl == labelStudioUnit) {
        return BatchLayout::LabelStudio;
    }
    return d->jsonlFiles[std::size_t(u.jsonl)].layout;
}

const QList<InputError> &BatchReader::errors() const
{
    return d->errors;
}

qsizetype BatchReader::totalBytes() const
{
    return d->totalBytes;
}

const BatchStamp &BatchReader::stamp() const
{
    return d->stamp;
}

} // namespace annorev
