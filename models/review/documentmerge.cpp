#include "documentmerge.h"

#include "document.h"
#include "documenteditor.h"
#include "jsonstring.h"
#include "schema.h"

#include <tuple>

namespace annorev {

namespace {

// The plain text of base with the accepted candidates (code point offsets; they do not overlap)
// as tags, or nothing when that does not parse back as exactly base's text and those spans.
std::optional<QByteArray> fromPlainText(const Document &base, const Adjudication &adjudication, const Schema &schema)
{
    QString tagged;
    QList<std::tuple<QString, qsizetype, qsizetype>> expected;
    qsizetype position = 0;
    for (const Adjudication::Candidate &candidate : adjudication.candidates) {
        if (candidate.outcome != Adjudication::Outcome::Accepted) {
            continue;
        }
        const qsizetype start = base.utf16Offset(candidate.start);
        const qsizetype end = base.utf16Offset(candidate.end);
        tagged += QStringView(base.text()).sliced(position, start - position) + u'<' + candidate.label + u'>' +
                  QStringView(base.text()).sliced(start, end - start) + u"</" + candidate.label + u'>';
        expected.append({candidate.label, start, end});
        position = end;
    }
    tagged += QStringView(base.text()).sliced(position);
    const QByteArray source = tagged.toUtf8();
    const Document parsed = Document::parse(source, schema);
    QList<std::tuple<QString, qsizetype, qsizetype>> spans;
    for (const Span &span : parsed.spans()) {
        spans.append({span.label, span.start, span.end});
    }
    if (parsed.text() != base.text() || !parsed.markupIssues().isEmpty() || spans != expected) {
        return std::nullopt;
    }
    return source;
}

} // namespace

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
        if (edited) {
            source = edited->source();
        } else if (const std::optional<QByteArray> plain = fromPlainText(*base, merge.adjudication, schema)) {
            merge.warning = QStringLiteral("document %1: its tags could not be edited in place (%2): written as its "
                                           "plain text with the accepted spans, without its markup and span attributes")
                                .arg(id, edited.error().message);
            source = *plain;
        } else {
            merge.error = QStringLiteral("document %1: the merged spans could not be written into its text: %2")
                              .arg(id, edited.error().message);
            return merge;
        }
    }
    if (source.startsWith("\xEF\xBB\xBF")) {
        source.remove(0, 3); // a file's byte order mark is no part of a JSON string
    }
    merge.line =
        "{\"id\": " + JsonString::quoted(id) + ", \"text\": " + JsonString::quoted(QString::fromUtf8(source)) + "}\n";
    return merge;
}

} // namespace annorev
