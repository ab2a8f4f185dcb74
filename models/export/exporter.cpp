#include "exporter.h"

#include "annotatedtext.h"
#include "annotationexporter.h"
#include "bratnames.h"
#include "conllexporter.h"
#include "countryaliases.h"
#include "document.h"
#include "exportwriter.h"
#include "recordexporter.h"
#include "schema.h"
#include "taggedexporter.h"

#include <QIODevice>
#include <QScopeGuard>
#include <QSet>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <functional>
#include <memory>
#include <optional>
#include <numeric>

namespace annorev {

namespace {

// What one document turns into: bytes for a single-file export, or files for a folder.
struct Rendered
{
    QByteArray bytes;
    QList<std::pair<QString, QByteArray>> files;
    qsizetype items = 0;
    QString error;
    QStringList warnings;
};

// How an export is laid out around its documents.
struct Plan
{
    ExportWriter::Kind kind = ExportWriter::Kind::File;
    QByteArray prefix;
    QByteArray separator;
    QByteArray suffix;
    QByteArray emptyOutput; // instead of prefix + suffix when there is no document
    QList<std::pair<QString, QByteArray>> extraFiles;
    // The document at index i of the export, with its texts (null for texts that carry their spans).
    std::function<Rendered(qsizetype i, const ExportDocument *doc)> render;
};

QString emptySpanLeftOut(const QString &id, const QString &label, qsizetype start, ExportFormat format)
{
    return u"document " % id % u": the empty " % label % u" span at " % QString::number(start) % u" is left out: " %
           exportFormatName(format) % u" cannot hold an empty span";
}

// doccano and annorev's own import refuse a span with no text (the import would lose the whole
// document) and the other tools have nothing to show for one: it is left out, with a warning.
AnnotatedText withoutEmptySpans(AnnotatedText text, ExportFormat format, QStringList *warnings)
{
    for (const AnnotatedText::Span &span : std::as_const(text.spans)) {
        if (span.start == span.end) {
            // The warning counts code points, whatever unit the format's offsets are in.
            const qsizetype at =
                text.unit == OffsetUnit::Utf16
                    ? QStringView(text.text).first(std::min(span.start, text.text.size())).toUcs4().size()
                    : span.start;
            warnings->append(emptySpanLeftOut(text.id, span.label, at, format));
        }
    }
    text.spans.removeIf([](const AnnotatedText::Span &span) { return span.start == span.end; });
    return text;
}

Rendered renderAnnotated(const AnnotatedText &original, ExportFormat format, const QString &bratStem)
{
    Rendered rendered;
    if (Expected<void> verified = original.verify(); !verified) {
        rendered.error = verified.error().message;
        return rendered;
    }
    const AnnotatedText text = withoutEmptySpans(original, format, &rendered.warnings);
    rendered.items = text.spans.size();
    switch (format) {
    case ExportFormat::Doccano:
        rendered.bytes = AnnotationExporter::doccano(text);
        break;
    case ExportFormat::LabelStudio:
        rendered.bytes = AnnotationExporter::labelStudioTask(text);
        break;
    case ExportFormat::Brat: {
        // brat reads the .txt with universal newlines, where a CRLF is one character: written with
        // LF line ends, the text is the same for brat and for any other reader of the file.
        const AnnotatedText lf = text.withLfLineEnds();
        if (Expected<void> verified = lf.verify(); !verified) {
            rendered.error = verified.error().message;
            return rendered;
        }
        rendered.files.append({bratStem % u".txt", lf.text.toUtf8()});
        rendered.files.append({bratStem % u".ann", AnnotationExporter::bratAnn(lf)});
        break;
    }
    default:
        rendered.error = u"document " % text.id % u": " % exportFormatName(format) % u" is not an annotation format";
        break;
    }
    return rendered;
}

// The layout of the annotation formats around their documents.
Expected<Plan> planAnnotated(ExportFormat format, const Schema &schema)
{
    Plan plan;
    switch (format) {
    case ExportFormat::Doccano:
        return plan;
    case ExportFormat::LabelStudio:
        plan.prefix = "[\n";
        plan.separator = ",\n";
        plan.suffix = "\n]\n";
        plan.emptyOutput = "[]\n";
        return plan;
    case ExportFormat::Brat:
        plan.kind = ExportWriter::Kind::Folder;
        plan.extraFiles.append({QStringLiteral("annotation.conf"), AnnotationExporter::bratConf(schema)});
        return plan;
    default:
        return Error{exportFormatName(format) % u" is not an annotation format"};
    }
}

// The tagged formats write the text as it is, but the count reported is still its spans.
qsizetype spanCount(const QByteArray &taggedText, const Schema &schema)
{
    return Document::parse(taggedText, schema).spans().size();
}

Expected<Plan> planTagged(const QList<const ExportDocument *> &docs, const ExportOptions &options, const Schema &schema)
{
    Plan plan;
    if (docs.isEmpty()) {
        return plan;
    }
    const BatchLayout layout = docs.constFirst()->layout;
    for (const ExportDocument *doc : docs) {
        if (doc->layout != layout) {
            return Error{u"document " % doc->id % u": the documents come from batches of different layouts"};
        }
    }
    switch (layout) {
    case BatchLayout::JsonLines:
        plan.render = [&schema](qsizetype, const ExportDocument *doc) {
            Rendered rendered;
            if (Expected<QByteArray> line = TaggedExporter::jsonLine(*doc); line) {
                rendered.bytes = std::move(line).value();
            } else {
                rendered.error = line.error().message;
            }
            rendered.items = spanCount(doc->taggedText, schema);
            return rendered;
        };
        return plan;
    case BatchLayout::File:
        if (!exportWritesFolder(ExportFormat::Tagged, layout, docs.size())) {
            plan.render = [&schema](qsizetype, const ExportDocument *doc) {
                return Rendered{doc->taggedText, {}, spanCount(doc->taggedText, schema), {}, {}};
            };
            return plan;
        }
        // Several single files: a folder of them, named as they were.
        [[fallthrough]];
    case BatchLayout::Folder: {
        QSet<QString> paths;
        for (const ExportDocument *doc : docs) {
            const QString path = doc->relativePath.isEmpty() ? doc->id : doc->relativePath;
            if (!TaggedExporter::isSafeRelativePath(path)) {
                return Error{u"document " % doc->id % u": its path \"" % path % u"\" leaves the output folder"};
            }
            if (paths.contains(path)) {
                return Error{u"document " % doc->id % u": another document has the path \"" % path % u'"'};
            }
            paths.insert(path);
        }
        plan.kind = ExportWriter::Kind::Folder;
        plan.render = [&schema](qsizetype, const ExportDocument *doc) {
            Rendered rendered;
            rendered.files.append({doc->relativePath.isEmpty() ? doc->id : doc->relativePath, doc->taggedText});
            rendered.items = spanCount(doc->taggedText, schema);
            return rendered;
        };
        return plan;
    }
    case BatchLayout::Doccano:
    case BatchLayout::LabelStudio: {
        // The tools' own formats are their tagged form.
        const ExportFormat format = layout == BatchLayout::Doccano ? ExportFormat::Doccano : ExportFormat::LabelStudio;
        Expected<Plan> annotated = planAnnotated(format, schema);
        if (!annotated) {
            return annotated;
        }
        const OffsetUnit unit = options.offsets.value_or(defaultOffsetUnit(format));
        annotated->render = [format, unit, &schema](qsizetype, const ExportDocument *doc) {
            const Document parsed = Document::parse(doc->taggedText, schema);
            return renderAnnotated(AnnotatedText::fromDocument(doc->id, parsed, unit), format, {});
        };
        return annotated;
    }
    }
    return Error{QStringLiteral("unknown batch layout")};
}

Expected<Plan> planFormat(const QList<const ExportDocument *> &docs, ExportFormat format, const ExportOptions &options,
                          const Schema &schema, const CountryAliases &countries)
{
    const OffsetUnit unit = options.offsets.value_or(defaultOffsetUnit(format));
    switch (format) {
    case ExportFormat::RecordsJsonl:
    case ExportFormat::RecordsCsv: {
        const auto exporter = std::make_shared<RecordExporter>(
            format == ExportFormat::RecordsCsv ? RecordExporter::Format::Csv : RecordExporter::Format::Jsonl, schema,
            countries);
        Plan plan;
        plan.prefix = exporter->header();
        plan.emptyOutput = plan.prefix;
        plan.render = [exporter](qsizetype, const ExportDocument *doc) {
            Rendered rendered;
            rendered.bytes = exporter->document(*doc, &rendered.items);
            return rendered;
        };
        return plan;
    }
    case ExportFormat::Tagged:
        return planTagged(docs, options, schema);
    case ExportFormat::Conll: {
        Plan plan;
        plan.render = [&schema](qsizetype, const ExportDocument *doc) {
            const Document parsed = Document::parse(doc->taggedText, schema);
            Rendered rendered{ConllExporter::document(parsed), {}, 0, {}, {}};
            for (const Span &span : parsed.spans()) {
                if (span.length() == 0) {
                    rendered.warnings.append(emptySpanLeftOut(doc->id, span.label,
                                                              toOffsetUnit(parsed, span.start, OffsetUnit::CodePoint),
                                                              ExportFormat::Conll));
                } else {
                    ++rendered.items;
                }
            }
            return rendered;
        };
        return plan;
    }
    case ExportFormat::Doccano:
    case ExportFormat::LabelStudio:
    case ExportFormat::Brat: {
        Expected<Plan> plan = planAnnotated(format, schema);
        if (!plan) {
            return plan;
        }
        QStringList stems;
        if (format == ExportFormat::Brat) {
            QStringList ids;
            for (const ExportDocument *doc : docs) {
                ids.append(doc->id);
            }
            stems = BratNames::uniqueStems(ids);
        }
        plan->render = [format, unit, stems, &schema](qsizetype i, const ExportDocument *doc) {
            const Document parsed = Document::parse(doc->taggedText, schema);
            return renderAnnotated(AnnotatedText::fromDocument(doc->id, parsed, unit), format,
                                   stems.isEmpty() ? QString() : stems.at(i));
        };
        return plan;
    }
    }
    return Error{QStringLiteral("unknown export format")};
}

Expected<void> checkNotCancelled(const ExportOptions &options)
{
    if (options.cancel && options.cancel->load()) {
        return Error{QStringLiteral("export cancelled")};
    }
    return {};
}

// Renders count documents on the pool, a block at a time so that memory stays bounded and progress
// and cancellation are seen every few hundred documents, and writes them in input order. load
// gives the documents of a block with their texts (none: the plan renders without them).
Expected<ExportResult> run(const Plan &plan, qsizetype count, const ExportOptions &options,
                           const std::function<Expected<QList<ExportDocument>>(qsizetype begin, qsizetype end)> &load)
{
    ExportResult result;
    const auto reportProgress = [&] {
        if (options.progress) {
            options.progress(result.documents, count);
        }
    };
    ExportWriter writer(plan.kind, options.outPath);
    QIODevice *device = plan.kind == ExportWriter::Kind::File ? options.device : nullptr;
    if (options.device && plan.kind == ExportWriter::Kind::Folder) {
        return Error{QStringLiteral("this export is a folder: give an output path")};
    }
    if (!device) {
        if (Expected<void> opened = writer.open(); !opened) {
            return opened.error();
        }
    }
    const auto write = [&](QByteArrayView bytes) -> Expected<void> {
        if (bytes.isEmpty()) {
            return {};
        }
        if (device) {
            if (device->write(bytes.data(), bytes.size()) != bytes.size()) {
                return Error{u"cannot write the export: " % device->errorString()};
            }
            return {};
        }
        return writer.write(bytes);
    };
    if (Expected<void> written = write(count == 0 ? plan.emptyOutput : plan.prefix); !written) {
        return written.error();
    }
    reportProgress();

    const int jobs = options.jobs > 0 ? options.jobs : QThread::idealThreadCount();
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, jobs));
    constexpr qsizetype blockSize = 256;
    // A block rendered, or being rendered on the pool while the next one is read from the store:
    // reading (queries, unpacking texts) and rendering take turns otherwise, and each would leave
    // the other's cores idle.
    struct Block
    {
        qsizetype begin = 0;
        QList<Rendered> rendered;
        QFuture<Rendered> rendering;
    };
    const auto writeBlock = [&](Block &block) -> Expected<void> {
        const QList<Rendered> rendered = block.rendering.isValid() ? block.rendering.results() : block.rendered;
        for (qsizetype i = 0; i < rendered.size(); ++i) {
            const Rendered &one = rendered.at(i);
            if (!one.error.isEmpty()) {
                return Error{one.error};
            }
            if (block.begin + i > 0) {
                if (Expected<void> written = write(plan.separator); !written) {
                    return written;
                }
            }
            if (Expected<void> written = write(one.bytes); !written) {
                return written;
            }
            for (const auto &[path, bytes] : one.files) {
                if (Expected<void> written = writer.writeFile(path, bytes); !written) {
                    return written;
                }
            }
            ++result.documents;
            result.items += one.items;
            result.warnings += one.warnings;
        }
        reportProgress();
        return {};
    };
    std::optional<Block> pending;
    // Whatever returns, a block still on the pool is not left reading what goes out of scope.
    const auto stopPending = qScopeGuard([&pending] {
        if (pending && pending->rendering.isValid()) {
            pending->rendering.cancel();
            pending->rendering.waitForFinished();
        }
    });
    for (qsizetype blockBegin = 0; blockBegin < count; blockBegin += blockSize) {
        if (Expected<void> wanted = checkNotCancelled(options); !wanted) {
            return wanted.error();
        }
        const qsizetype blockEnd = std::min(count, blockBegin + blockSize);
        auto loaded = std::make_shared<QList<ExportDocument>>();
        if (load) {
            Expected<QList<ExportDocument>> documents = load(blockBegin, blockEnd);
            if (!documents) {
                return documents.error();
            }
            *loaded = *std::move(documents);
        }
        QList<qsizetype> indexes(blockEnd - blockBegin);
        std::iota(indexes.begin(), indexes.end(), blockBegin);
        const auto renderOne = [&plan, loaded, blockBegin](qsizetype i) {
            return plan.render(i, loaded->isEmpty() ? nullptr : &loaded->at(i - blockBegin));
        };
        Block block{blockBegin, {}, {}};
        if (jobs <= 1) {
            block.rendered.reserve(indexes.size());
            for (qsizetype i : indexes) {
                block.rendered.append(renderOne(i));
            }
        } else {
            block.rendering = QtConcurrent::mapped(&pool, std::move(indexes), renderOne);
        }
        if (pending) {
            if (Expected<void> written = writeBlock(*pending); !written) {
                return written.error();
            }
        }
        pending = std::move(block);
    }
    if (pending) {
        if (Expected<void> written = writeBlock(*pending); !written) {
            return written.error();
        }
        pending.reset();
    }
    if (count > 0) {
        if (Expected<void> written = write(plan.suffix); !written) {
            return written.error();
        }
    }
    for (const auto &[path, bytes] : plan.extraFiles) {
        if (Expected<void> written = writer.writeFile(path, bytes); !written) {
            return written.error();
        }
    }
    if (Expected<void> wanted = checkNotCancelled(options); !wanted) {
        return wanted.error();
    }
    if (!device) {
        if (Expected<void> committed = writer.commit(); !committed) {
            return committed.error();
        }
    }
    return result;
}

} // namespace

bool exportWritesFolder(ExportFormat format, BatchLayout layout, qsizetype documents)
{
    switch (format) {
    case ExportFormat::Brat:
        return true;
    case ExportFormat::Tagged:
        // With no document there is no layout to follow: the export is an empty file.
        return (layout == BatchLayout::Folder && documents > 0) || (layout == BatchLayout::File && documents > 1);
    default:
        return false;
    }
}

Expected<ExportResult> exportDocuments(const QList<ExportDocument> &headers, const DocumentLoader &load,
                                       ExportFormat format, const ExportOptions &options)
{
    const Schema &schema = options.schema ? *options.schema : Schema::builtin();
    const CountryAliases &countries = options.countries ? *options.countries : CountryAliases::builtin();
    QList<const ExportDocument *> selected;
    selected.reserve(headers.size());
    for (const ExportDocument &doc : headers) {
        if (options.accepts(doc.status)) {
            selected.append(&doc);
        }
    }
    const Expected<Plan> plan = planFormat(selected, format, options, schema, countries);
    if (!plan) {
        return plan.error();
    }
    return run(*plan, selected.size(), options, [&](qsizetype begin, qsizetype end) -> Expected<QList<ExportDocument>> {
        const QList<const ExportDocument *> block = selected.mid(begin, end - begin);
        Expected<QList<ExportDocument>> loaded = load(block);
        if (loaded && loaded->size() != block.size()) {
            return Error{
                QStringLiteral("the store gave %1 documents for %2 asked").arg(loaded->size()).arg(block.size())};
        }
        return loaded;
    });
}

Expected<ExportResult> exportDocuments(const QList<ExportDocument> &documents, ExportFormat format,
                                       const ExportOptions &options)
{
    // The documents are in memory already: each block is the documents themselves.
    return exportDocuments(
        documents,
        [](const QList<const ExportDocument *> &block) -> Expected<QList<ExportDocument>> {
            QList<ExportDocument> loaded;
            loaded.reserve(block.size());
            for (const ExportDocument *doc : block) {
                loaded.append(*doc);
            }
            return loaded;
        },
        format, options);
}

Expected<ExportResult> exportAnnotatedTexts(const QList<AnnotatedText> &texts, ExportFormat format,
                                            const ExportOptions &options)
{
    const Schema &schema = options.schema ? *options.schema : Schema::builtin();
    Expected<Plan> plan = planAnnotated(format, schema);
    if (!plan) {
        return plan.error();
    }
    QStringList stems;
    if (format == ExportFormat::Brat) {
        QStringList ids;
        for (const AnnotatedText &text : texts) {
            ids.append(text.id);
        }
        stems = BratNames::uniqueStems(ids);
    }
    plan->render = [&texts, format, stems](qsizetype i, const ExportDocument *) {
        return renderAnnotated(texts.at(i), format, stems.isEmpty() ? QString() : stems.at(i));
    };
    return run(*plan, texts.size(), options, {});
}

} // namespace annorev
