#include "exportfixtures.h"

#include "batchreader.h"

#include <QFileInfo>
#include <QDateTime>

namespace annorev::ExportFixtures {

using namespace Qt::StringLiterals;

QString reviewer()
{
    return u"rev-1"_s;
}

QDateTime reviewedAt()
{
    return QDateTime(QDate(2024, 5, 1), QTime(12, 30, 0), Qt::UTC);
}

QList<ExportDocument> readBatch(const QString &input, ReviewStatus status)
{
    const BatchReader reader = BatchReader::open({input});
    const bool folder = QFileInfo(input).isDir();
    QList<ExportDocument> documents;
    documents.reserve(reader.size());
    for (qsizetype unit = 0; unit < reader.size(); ++unit) {
        ReadResult result = reader.read(unit);
        auto *entry = std::get_if<SourceEntry>(&result);
        if (!entry) {
            continue;
        }
        ExportDocument doc;
        doc.id = entry->id;
        doc.taggedText = std::move(entry->source);
        doc.status = status;
        doc.reviewer = reviewer();
        doc.reviewedAt = reviewedAt();
        if (entry->line > 0) {
            doc.layout = BatchLayout::JsonLines;
            doc.jsonLine = std::move(entry->jsonLine);
            doc.textTokenBegin = entry->textTokenBegin;
            doc.textTokenEnd = entry->textTokenEnd;
        } else {
            doc.layout = folder ? BatchLayout::Folder : BatchLayout::File;
            doc.relativePath = folder ? entry->id : QFileInfo(entry->path).fileName();
        }
        documents.append(std::move(doc));
    }
    return documents;
}

ExportDocument folderDocument(const QString &id, const QByteArray &tagged, ReviewStatus status)
{
    ExportDocument doc;
    doc.id = id;
    doc.taggedText = tagged;
    doc.status = status;
    doc.reviewer = reviewer();
    doc.reviewedAt = reviewedAt();
    doc.layout = BatchLayout::Folder;
    doc.relativePath = id;
    return doc;
}

QList<ExportDocument> handWritten()
{
    QList<ExportDocument> docs;
    docs << folderDocument(
        u"astral.txt"_s,
        "\xF0\x9F\x98\x80 \xF0\x9D\x94\xB8 <model>Flex-\xF0\x9D\x94\xB8 7B</model> has <params>7.2 billion</params> "
        "parameters; it ran on <gpu_count>512</gpu_count> <hardware>NVIDIA A100</hardware> GPUs for "
        "<training>21 days</training> in <country>Canada</country> (<year>2023</year>). "
        "\xF0\x9F\x98\x80\xF0\x9F\x98\x80 Then <model>Emoji-\xF0\x9F\x98\x80</model> followed.\n");
    docs << folderDocument(u"crlf.txt"_s,
                           "First line of <model>CR-1</model>.\r\n\r\nSecond paragraph on <hardware>TPU v4</hardware> "
                           "chips in the <country>UK</country>.\r\nA span <training>across\r\ntwo lines</training> "
                           "ends here.\r\n");
    docs << folderDocument(u"sub/dir/page.html"_s,
                           "<p>The <model>Caf&eacute;-&#x1F600;</model> model &amp; friends from "
                           "<country>France</country>.</p><p>Next &lt;tag&gt; para with <year>2021</year>.</p>");
    ExportDocument inject = folderDocument(
        u"inject.txt"_s,
        "<model>=HYPERLINK(\"http://evil.example\",\"click\")</model> has <params>7.2 billion</params>. "
        "<model>+1</model> differs. <model>-2+3</model> too. <model>@SUM(A1:A2)</model> as well, "
        "and <model>a, \"quoted\" name</model>.");
    inject.reviewer = u"\t=tab reviewer"_s;
    inject.note = u"\r=1+1 note\nwith lines"_s;
    docs << inject;
    docs << folderDocument(u"plain.txt"_s, "No tags at all in this one.\n");
    return docs;
}

QByteArray jsonLinesBatch()
{
    return "{\"id\": \"j1\", \"source\": \"arxiv\", \"text\": \"\\u003cmodel\\u003eLlama-\\ud835\\udd38\\u003c/model\\u003e "
           "with \\u003cparams\\u003e65B\\u003c/params\\u003e \\ud83d\\ude00\", \"meta\": {\"year\": 2023, \"tags\": [1, 2]}}\n"
           "{\"text\": \"Trained in <country>PRC</country> on <hardware>H800</hardware>.\", \"id\": \"j2\", \"lang\": \"en\"}\n"
           "{\"id\": \"j3\",\"text\":\"plain \\\"quoted\\\" text, no tags\",\"extra\":null}\n";
}

QList<ExportDocument> annotationBatch()
{
    QList<ExportDocument> docs = readBatch(QStringLiteral(ANNOREV_SAMPLES_DIR));
    docs += handWritten();
    return docs;
}

QList<ExportDocument> manyDocuments(qsizetype count)
{
    QList<ExportDocument> docs;
    for (qsizetype i = 0; i < count; ++i) {
        docs << folderDocument(u"d%1.txt"_s.arg(i), "<model>M-" + QByteArray::number(i) +
                                                                        "</model> ran on <hardware>A100</hardware>.\n");
    }
    return docs;
}

Expected<ExportResult> exportTo(const QList<ExportDocument> &docs, ExportFormat format, const QString &out,
                                std::optional<OffsetUnit> offsets, int jobs)
{
    ExportOptions options;
    options.outPath = out;
    options.offsets = offsets;
    options.jobs = jobs;
    return exportDocuments(docs, format, options);
}

} // namespace annorev::ExportFixtures
