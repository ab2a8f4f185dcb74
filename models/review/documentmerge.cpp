#include "documentmerge.h"

#include "document.h"
#include "documenteditor.h"
#include "jsonstring.h"

namespace annorev {

DocumentMerge DocumentMerge::of(const QString &id, const QList<std::optional<SourceEntry>> &versions,
                                const Schema &schema, int minAgree)
{
    DocumentMerge merge;
    merge.id = id;
    QList<std::optional<Document>> docs(versions.size());
    QList<std::optional<AnnotatedText>> texts(versions.size());
    for (int b = 0; b < versions.size(); ++b) {
        if (!versions[b]) {
            merge.missing.append(b);
            continue;
        }
        docs[b] = Document::parse(versions[b]->source, schema);
        texts[b] = AnnotatedText::fromDocument(id, *docs[b], OffsetUnit::CodePoint);
    }
    QList<const AnnotatedText *> voters;
    for (const std::optional<AnnotatedText> &text : std::as_const(texts)) {
        voters.append(text ? &*text : nullptr);
    }
    merge.base = Adjudication::commonText(voters);
    for (int b = 0; b < versions.size(); ++b) {
        if (texts[b] && texts[b]->text != texts[merge.base]->text) {
            merge.textDiffers.append(b);
            voters[b] = nullptr;
        }
    }
    const Document *base = merge.base >= 0 ? &*docs[merge.base] : nullptr;
    merge.adjudication = Adjudication::of(voters, minAgree);
    if (!base) {
        merge.error = QStringLiteral("document %1: no batch holds it").arg(id);
        return merge;
    }
    const QList<SpanEdit> edits = merge.adjudication.editsFor(*base);
    QByteArray source = base->source();
    if (!edits.isEmpty()) {
        const Expected<Document> edited = DocumentEditor::apply(*base, edits, schema);
        if (!edited) {
            merge.error = QStringLiteral("document %1: the merged spans could not be written into its text: %2")
                              .arg(id, edited.error().message);
            return merge;
        }
        source = edited->source();
    }
    if (source.startsWith("\xEF\xBB\xBF")) {
        source.remove(0, 3); // a file's byte order mark is no part of a JSON string
    }
    merge.line =
        "{\"id\": " + JsonString::quoted(id) + ", \"text\": " + JsonString::quoted(QString::fromUtf8(source)) + "}\n";
    return merge;
}

} // namespace annorev
